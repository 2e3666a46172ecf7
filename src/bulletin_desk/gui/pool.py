"""稿件库 (the submissions pool) as a dock: received articles waiting to be placed in an issue.

The pool is the repository's (archive/submissions.py): list with filters, save, correct, set state,
delete, place. Adding reads a file through the import dialog's ingest path (`import_dialog.read_import`)
or takes a typed article; either way the unit, the date received and the 栏目 are asked for
(pool_dialogs.py), and 编辑… corrects them later. Placing — the 放入本期 button or a drag onto the
outline — inserts the article into the open issue as one undo step; the submission is marked 已采用
and linked to the issue when the issue is saved with that step still in it (an undone placement is not
counted). One submission is one adoption: placing it again is refused when it is adopted in another
issue, and asked about when it is already in this one (the editor may have deleted it from the
outline — which, as the placed article carries no submission id, does not un-adopt it).
"""

from __future__ import annotations

import copy
import datetime as _dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QMimeData, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDockWidget,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from bulletin_desk.archive.records import Submission, SubmissionState
from bulletin_desk.catalogue import Message
from bulletin_desk.gui import messages
from bulletin_desk.gui.outline import POOL_MIME
from bulletin_desk.gui.pool_dialogs import SubmissionDialog
from bulletin_desk.model import Issue, Section, article_char_count

if TYPE_CHECKING:
    from bulletin_desk.gui.mainwindow import MainWindow

ORIGINS = {".txt": "text", ".html": "html", ".htm": "html", ".docx": "docx"}


def state_text(state: str) -> str:
    return messages.render(Message(f"archive.submission.{state}"))


def insert_submission(issue: Issue, submission: Submission, si: int, at: int) -> tuple[str, int, int]:
    """Put the submission's article at (si, at); si < 0: under its 栏目 (created when missing)."""
    if si < 0 or si >= len(issue.sections):
        heading = submission.section.strip()
        si = next((i for i, s in enumerate(issue.sections) if s.heading.strip() == heading), -1)
        if si < 0:
            issue.sections.append(Section(heading=heading))
            si = len(issue.sections) - 1
        at = len(issue.sections[si].articles)
    article = copy.deepcopy(submission.article)
    article.source = article.source or submission.unit
    articles = issue.sections[si].articles
    at = max(0, min(at, len(articles)))
    articles.insert(at, article)
    return ("article", si, at)


class PoolTable(QTableWidget):
    """The list; dragging a row carries its submission id (POOL_MIME) to the outline."""

    def mimeData(self, items: Any) -> QMimeData:  # type: ignore[override]
        mime = QMimeData()
        if items:
            mime.setData(POOL_MIME, str(items[0].data(Qt.ItemDataRole.UserRole)).encode("ascii"))
        return mime

    def mimeTypes(self) -> list[str]:
        return [POOL_MIME]

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction


class PoolPanel(QWidget):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.items: list[Submission] = []
        self.pending: list[tuple[int, int, Any]] = []  # (submission id, undo index, the command)
        layout = QVBoxLayout(self)
        filters = QHBoxLayout()
        self.state_filter = QComboBox()
        self.state_filter.addItem(self.tr("全部"), None)
        for s in SubmissionState:
            self.state_filter.addItem(state_text(s.value), s.value)
        self.unit_filter = QComboBox()
        for combo in (self.state_filter, self.unit_filter):
            combo.currentIndexChanged.connect(lambda _i: self.fill())
            filters.addWidget(combo, 1)
        layout.addLayout(filters)
        self.table = PoolTable(0, 6)
        self.table.setObjectName("poolTable")
        self.table.setHorizontalHeaderLabels([self.tr("单位"), self.tr("标题"), self.tr("收稿日期"), self.tr("状态"),
                                              self.tr("字数"), self.tr("栏目")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setDragEnabled(True)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.table.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.table.cellDoubleClicked.connect(lambda _r, _c: self.place_selected())
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        for text, slot in ((self.tr("导入…"), self.import_file), (self.tr("新建…"), self.add_typed),
                           (self.tr("编辑…"), self.edit_selected), (self.tr("放入本期"), self.place_selected),
                           (self.tr("删除"), self.delete_selected)):
            button = QPushButton(text)
            button.clicked.connect(lambda _c=False, s=slot: s())
            row.addWidget(button)
        layout.addLayout(row)
        row = QHBoxLayout()
        self.new_state = QComboBox()
        for s in SubmissionState:
            self.new_state.addItem(state_text(s.value), s.value)
        set_button = QPushButton(self.tr("设为此状态"))
        set_button.clicked.connect(lambda _c=False: self.set_state(self.new_state.currentData()))
        row.addWidget(self.new_state, 1)
        row.addWidget(set_button)
        layout.addLayout(row)
        window.outline_model.pool_drop = self.place
        window.doc.stored_changed.connect(self._link_placed)
        self.reload()

    @property
    def repo(self) -> Any:
        return self.window_.link.repo

    def _fail(self, title: str, exc: Exception) -> None:
        self.window_.files._report_failure(title, exc)

    # ---- the list -----------------------------------------------------------------------------
    def units(self) -> list[str]:
        units = [t.unit for t in self.repo.templates()]
        return units + sorted({s.unit for s in self.repo.submissions()} - set(units))

    def reload(self) -> None:
        current = self.unit_filter.currentData()
        self.unit_filter.blockSignals(True)
        self.unit_filter.clear()
        self.unit_filter.addItem(self.tr("全部单位"), None)
        for unit in self.units():
            self.unit_filter.addItem(unit, unit)
        self.unit_filter.setCurrentIndex(max(0, self.unit_filter.findData(current)))
        self.unit_filter.blockSignals(False)
        self.fill()

    def fill(self) -> None:
        self.items = self.repo.submissions(state=self.state_filter.currentData(), unit=self.unit_filter.currentData())
        self.table.setRowCount(len(self.items))
        for i, s in enumerate(self.items):
            cells = (s.unit, s.article.title or self.tr("（无标题）"), s.received.isoformat(), state_text(s.state),
                     str(article_char_count(s.article)), s.section)
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, s.id)
                self.table.setItem(i, c, item)
        if self.items:
            self.table.selectRow(0)

    def selected(self) -> Submission | None:
        row = self.table.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def select_id(self, submission_id: int) -> None:
        for i, s in enumerate(self.items):
            if s.id == submission_id:
                self.table.selectRow(i)

    # ---- adding -------------------------------------------------------------------------------
    def _section_of(self, unit: str) -> str:
        template = self.repo.template_for(unit)
        return template.section if template is not None else ""

    def store(self, submission: Submission) -> Submission | None:
        submission.section = submission.section or self._section_of(submission.unit)
        try:
            saved = self.repo.save_submission(submission)
        except Exception as exc:
            self._fail(self.tr("无法保存稿件"), exc)
            return None
        self.reload()
        self.select_id(saved.id)
        return saved

    def _dialog(self, typed: bool = False, current: Submission | None = None) -> SubmissionDialog:
        return SubmissionDialog(self.units(), self.repo.section_names(), self._section_of, typed=typed,
                                current=current, parent=self)

    def ask_details(self, current: Submission | None = None) -> tuple[str, _dt.date, str] | None:
        """(unit, date received, 栏目) for an import, or corrected for ``current``; None if cancelled."""
        dialog = self._dialog(current=current)
        return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def ask_path(self) -> Path | None:
        return self.window_.files.ask_import_path()

    def import_file(self, path: Path | None = None) -> list[Submission]:
        """Read a file through the import path: each article becomes a 待用 submission (unit, date, 栏目 asked once)."""
        from bulletin_desk.gui.import_dialog import read_import

        path = path or self.ask_path()
        if path is None:
            return []
        read = read_import(self.window_, path=path)
        if read is None:
            return []
        result = read[0]
        articles = [result.article] if result.issue is None else result.issue.articles()
        details = self.ask_details()
        if details is None:
            return []
        unit, received, section = details
        stored = []
        for article in articles:
            article = copy.deepcopy(article)
            article.source = article.source or unit
            saved = self.store(Submission(unit=unit, received=received, article=article, section=section,
                                          origin=ORIGINS.get(path.suffix.lower(), "text"), origin_name=path.name))
            if saved is not None:
                stored.append(saved)
        return stored

    def ask_typed(self) -> Submission | None:
        dialog = self._dialog(typed=True)
        return dialog.submission() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def add_typed(self) -> Submission | None:
        submission = self.ask_typed()
        return None if submission is None else self.store(submission)

    # ---- correcting, state, delete ----------------------------------------------------------
    def edit_selected(self) -> Submission | None:
        """编辑…: correct the unit, date received and 栏目 of the selected submission (the archive guards its link)."""
        chosen = self.selected()
        if chosen is None or chosen.id is None:
            return None
        details = self.ask_details(chosen)
        if details is None:
            return None
        unit, received, section = details
        try:
            changed = self.repo.update_submission(chosen.id, unit=unit, received=received, section=section)
        except Exception as exc:
            self._fail(self.tr("无法修改稿件"), exc)
            return None
        self.reload()
        self.select_id(changed.id)
        return changed

    def set_state(self, state: str) -> Submission | None:
        chosen = self.selected()
        if chosen is None or chosen.id is None:
            return None
        try:
            changed = self.repo.set_submission_state(chosen.id, state)
        except Exception as exc:
            self._fail(self.tr("无法更改状态"), exc)
            return None
        self.fill()
        self.select_id(changed.id)
        return changed

    def delete_selected(self) -> None:
        chosen = self.selected()
        if chosen is not None and chosen.id is not None:
            try:
                self.repo.delete_submission(chosen.id)
            except Exception as exc:
                self._fail(self.tr("无法删除稿件"), exc)
            self.reload()

    # ---- placing ----------------------------------------------------------------------------
    def place_selected(self) -> bool:
        """放入本期: after the selected article, at the end of the selected 栏目, else under its own 栏目."""
        chosen = self.selected()
        if chosen is None or chosen.id is None:
            return False
        node = self.window_.current_node()
        if node and node[0] == "article":
            return self.place(chosen.id, node[1], node[2] + 1)
        if node and node[0] == "section":
            return self.place(chosen.id, node[1], len(self.window_.doc.section(node[1]).articles))
        return self.place(chosen.id, -1, 0)

    def confirm(self, title: str, text: str) -> bool:
        """A yes/no question, No by default (a second copy of an article is rarely meant)."""
        answer = QMessageBox.question(self, title, text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _placed_unsaved(self, submission_id: int) -> bool:
        """Placed into the open issue in a step that is still done, but not saved (so not 已采用 yet)."""
        stack = self.window_.doc.stack
        return any(sid == submission_id and index < stack.count() and stack.command(index) is command
                   and stack.index() > index for sid, index, command in self.pending)

    def may_place(self, submission: Submission) -> bool:
        """Guard against one submission adopted twice: refused for another issue, asked for this one."""
        doc = self.window_.doc
        linked = submission.state == SubmissionState.ADOPTED and submission.issue_id is not None
        if linked and submission.issue_id != doc.issue_id:
            try:
                label = self.repo.summary(submission.issue_id).label
            except Exception:  # the label only decorates the refusal
                label = ""
            self.window_.files.show_error(self.tr("不能重复采用"), messages.render(Message(
                "archive.submission.adopted_elsewhere", {"id": submission.id, "issue": submission.issue_id,
                                                         "label": label})))
            return False
        if linked:
            return self.confirm(self.tr("再次放入本期？"), self.tr(
                "这篇稿件已采用于本期。再放入一次，本期将有两篇相同的文章。\n"
                "如果已把它从本期删去、要重新放入，请选“是”。仍要放入吗？"))
        if self._placed_unsaved(submission.id or -1):
            return self.confirm(self.tr("再次放入本期？"), self.tr(
                "这篇稿件刚已放入本期（尚未保存）。再放入一次，本期将有两篇相同的文章。仍要放入吗？"))
        return True

    def place(self, submission_id: int, si: int, at: int) -> bool:
        doc = self.window_.doc
        if doc.read_only:
            return False
        try:
            submission = self.repo.submission(submission_id)
        except Exception as exc:
            self._fail(self.tr("无法放入"), exc)
            return False
        if not self.may_place(submission):
            return False
        doc.edit_structure(self.tr("放入稿件"), lambda issue: insert_submission(issue, submission, si, at),
                           self.window_.current_node())
        index = doc.stack.index() - 1
        self.pending.append((submission_id, index, doc.stack.command(index)))
        self.window_.statusBar().showMessage(self.tr("稿件已放入本期，保存后记为已采用。"), 5000)
        return True

    def _link_placed(self) -> None:
        """After a save: mark the placements still in the undo history 已采用, linked to the issue."""
        doc = self.window_.doc
        keep = []
        for submission_id, index, command in self.pending:
            alive = index < doc.stack.count() and doc.stack.command(index) is command
            if not alive:
                continue  # the stack was cleared (another issue opened) or the step undone and replaced
            if doc.stack.index() <= index or doc.is_dirty() or doc.issue_id is None:
                keep.append((submission_id, index, command))  # undone for now, or not saved yet
                continue
            try:
                self.repo.place_submission(submission_id, doc.issue_id)
            except Exception as exc:
                self._fail(self.tr("无法记为已采用"), exc)
        self.pending = keep
        self.fill()


def pool_dock(window: MainWindow) -> QDockWidget:
    dock = window.findChild(QDockWidget, "poolDock")
    if dock is None:
        dock = window._dock(QCoreApplication.translate("PoolPanel", "稿件库"), "poolDock", PoolPanel(window),
                            Qt.DockWidgetArea.LeftDockWidgetArea)
    return dock


def show_pool(window: MainWindow) -> QObject | None:
    if window.link is None:
        window.files._no_archive()
        return None
    dock = pool_dock(window)
    dock.show()
    dock.raise_()
    return dock.widget()
