"""File work of the window: new, open, save, save as a new issue, import, export, print, copy text.

Each action is a method the menus, shortcuts and tests call alike. Dialogs are created through
small factory methods (`ask_open_id`, `ask_save_path`, …) so tests patch one method, not Qt.
"""

from __future__ import annotations

import contextlib
import copy
import datetime as _dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QMimeData, QObject
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from bulletin_desk.catalogue import BulletinDeskError
from bulletin_desk.gui import messages
from bulletin_desk.gui.settings import save_settings
from bulletin_desk.model import Article, Issue, Masthead, issue_label

if TYPE_CHECKING:
    from bulletin_desk.gui.mainwindow import MainWindow

IMPORTABLE_SUFFIXES = (".txt", ".html", ".htm", ".docx", ".bdjson", ".json")
# Not interface text (tests/gui/test_i18n.py): 复制为纯文本 produces the bulletin itself for web or WeChat
# posting, so its brackets are Chinese typography whatever the interface language.
PLAIN_SOURCE = "（{0}）"
PLAIN_SECTION = "【{0}】"
NOT_TRANSLATED = frozenset({PLAIN_SOURCE, PLAIN_SECTION})


def article_plain_text(article: Article) -> str:
    """An article for web or WeChat posting: title, source, 按语, paragraphs; no layout marks."""
    parts = [article.title.replace("\n", "")]
    if article.source:
        parts.append(PLAIN_SOURCE.format(article.source))
    if article.note:
        parts.append(article.note)
    parts.extend(p.full_text for p in article.paragraphs if p.full_text.strip())
    return "\n\n".join(parts)


def issue_plain_text(issue: Issue) -> str:
    masthead = issue.masthead
    blocks = [f"{masthead.title}\n{issue_label(masthead)}".strip()]
    for section in issue.sections:
        if section.heading:
            blocks.append(PLAIN_SECTION.format(section.heading))
        blocks.extend(article_plain_text(a) for a in section.articles)
    return "\n\n".join(b for b in blocks if b) + "\n"


def next_issue_from(last: Issue | None, today: _dt.date) -> Issue:
    """A new issue: series, office, 版记, distribution and 印数 carried over from the last issue."""
    if last is None:
        return Issue(masthead=Masthead(date=today))
    issue = Issue(
        masthead=Masthead(title=last.masthead.title, office=last.masthead.office, date=today,
                          classification=last.masthead.classification),
        colophon=copy.deepcopy(last.colophon),
        distribution=copy.deepcopy(last.distribution),
        copies=last.copies,
    )
    return issue


class FileActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    @property
    def doc(self) -> Any:
        return self.window.doc

    @property
    def link(self) -> Any:
        return self.window.link

    # ---- messages ------------------------------------------------------------------------------
    def show_error(self, title: str, text: str) -> None:
        QMessageBox.warning(self.window, title, text)

    def _no_archive(self) -> bool:
        if self.link is None:
            self.show_error(self.tr("档案不可用"), self.tr("档案未能打开，本期只能导出，不能保存到档案。"))
            return True
        return False

    def _report_failure(self, title: str, exc: Exception) -> None:
        if isinstance(exc, BulletinDeskError):
            self.show_error(title, messages.render(exc))
        else:
            from bulletin_desk.app import log_exception

            log = log_exception()
            self.show_error(title, self.tr("发生内部错误：{0}\n详细信息已记录在：{1}").format(exc, log))

    def _confirm_discard(self) -> bool:
        """Before replacing the open issue: save, discard or cancel."""
        if not self.doc.is_dirty():
            return True
        answer = QMessageBox.question(
            self.window, self.tr("保存修改？"), self.tr("本期有未保存的修改。先保存到档案吗？"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Cancel:
            return False
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return True

    # ---- new / open / save -----------------------------------------------------------------------
    def proposal_for(self, masthead: Masthead) -> tuple[int | None, int | None] | None:
        if self.link is None or not masthead.title:
            return None
        year = (masthead.date or _dt.date.today()).year
        try:
            return self.link.propose_numbers(masthead.title, year, masthead.supplement)
        except Exception:
            return None

    def duplicate_warning(self, masthead: Masthead) -> str | None:
        """A warning when another stored issue of this bulletin has the same 第N期 (or 总第M期)."""
        if self.link is None or not masthead.title:
            return None
        try:
            others = self.link.same_numbers(masthead, self.doc.issue_id)
        except Exception:
            return None
        if not others:
            return None
        return self.tr("档案中已有同号的一期：{0}。请核对期号。").format(self.tr("；", "list separator").join(others))

    def new_issue(self) -> None:
        if not self._confirm_discard():
            return
        last = None
        if self.link is not None:
            try:
                last = self.link.latest_issue()
            except Exception:
                last = None
        issue = next_issue_from(last, _dt.date.today())
        proposal = self.proposal_for(issue.masthead)
        if proposal is not None:
            issue.masthead.number, issue.masthead.total_number = proposal
        self.doc.load(issue)
        self.window.select_node(("masthead",))

    def open_issue(self) -> None:
        """打开: the archive workspace (browser, search, trash), which asks about unsaved work itself."""
        if self._no_archive():
            return
        from bulletin_desk.gui.workspace import open_workspace

        try:
            open_workspace(self.window)
        except Exception as exc:
            self._report_failure(self.tr("打开失败"), exc)

    def fill_recent_menu(self, menu: Any) -> None:
        """最近的简报: the issues last opened or saved here (设置 keeps their ids), newest first."""
        menu.clear()
        labels: dict[int, str] = {}
        if self.link is not None:
            with contextlib.suppress(Exception):
                labels = {row.issue_id: row.label for row in self.link.list_issues()}
        recent = [i for i in self.window.settings.recent_issues if i in labels]
        for issue_id in recent:
            act = menu.addAction(labels[issue_id])
            act.triggered.connect(lambda _checked=False, i=issue_id: self.open_recent(i))
        if not recent:
            menu.addAction(self.tr("（暂无）")).setEnabled(False)

    def open_recent(self, issue_id: int) -> None:
        if self._no_archive() or not self._confirm_discard():
            return
        try:
            self.open_id(issue_id)
        except Exception as exc:
            self._report_failure(self.tr("打开失败"), exc)

    def open_id(self, issue_id: int) -> None:
        issue, stored_id, version = self.link.load(issue_id)
        self.doc.load(issue, stored_id, version)
        self.window.settings.remember_issue(stored_id)
        self._save_settings()

    def save(self) -> bool:
        """Save to the archive (Ctrl+S). A stale version (saved elsewhere meanwhile) is refused."""
        if self._no_archive():
            return False
        self.window.autosaver.flush()
        try:
            issue_id, version = self.link.save(self.doc.issue, self.doc.issue_id, self.doc.version)
        except Exception as exc:
            self._report_failure(self.tr("保存失败"), exc)
            return False
        self.doc.mark_saved(issue_id, version)
        self.window.settings.remember_issue(issue_id)
        self._save_settings()
        self.window.statusBar().showMessage(self.tr("已保存到档案。"), 4000)
        return True

    def save_as_new(self) -> bool:
        """另存为新一期: a copy with the archive's next numbers, saved as a new row."""
        if self._no_archive():
            return False
        issue = copy.deepcopy(self.doc.issue)
        issue.masthead.date = _dt.date.today()
        proposal = self.proposal_for(issue.masthead)
        if proposal is not None:
            issue.masthead.number, issue.masthead.total_number = proposal
        try:
            issue_id, version = self.link.save(issue, None, None)
        except Exception as exc:
            self._report_failure(self.tr("保存失败"), exc)
            return False
        self.doc.load(issue, issue_id, version)
        self.window.settings.remember_issue(issue_id)
        self._save_settings()
        return True

    def _save_settings(self) -> None:
        with contextlib.suppress(Exception):
            save_settings(self.window.settings)

    # ---- import ------------------------------------------------------------------------------
    def droppable_path(self, mime: QMimeData) -> Path | None:
        for url in mime.urls():
            if url.isLocalFile():
                path = Path(url.toLocalFile())
                if path.suffix.lower() in IMPORTABLE_SUFFIXES:
                    return path
        return None

    def ask_import_path(self) -> Path | None:
        name, _filter = QFileDialog.getOpenFileName(
            self.window, self.tr("导入稿件"), "",
            self.tr("稿件 (*.txt *.html *.htm *.docx *.bdjson *.json);;所有文件 (*)"))
        return Path(name) if name else None

    def import_file(self) -> None:
        path = self.ask_import_path()
        if path is not None:
            self.import_path(path)

    def open_file(self, path: Path) -> None:
        """A file handed to the app at start (a double-clicked .bdjson): a .bdjson opens as a new,
        unsaved issue — saving puts it in the archive — and anything else goes through the import dialog."""
        if path.suffix.lower() not in (".bdjson", ".json"):
            self.import_path(path)
            return
        if not self._confirm_discard():
            return
        from bulletin_desk.ingest import import_path

        try:
            result = import_path(path)
        except Exception as exc:
            self._report_failure(self.tr("打开失败"), exc)
            return
        if result.issue is None:  # a one-article file: the import dialog places it
            self.import_path(path)
            return
        self.doc.load(result.issue)
        self.window.select_node(("masthead",))
        self.window.statusBar().showMessage(self.tr("已打开文件 {0}（尚未存入档案）").format(path.name), 15000)

    def import_path(self, path: Path) -> None:
        from bulletin_desk.gui.import_dialog import run_import

        run_import(self.window, path=path)

    # ---- export ------------------------------------------------------------------------------
    def ask_save_path(self, title: str, suggested: str, file_filter: str) -> Path | None:
        name, _filter = QFileDialog.getSaveFileName(self.window, title, suggested, file_filter)
        return Path(name) if name else None

    def suggested_name(self, suffix: str) -> str:
        masthead = self.doc.issue.masthead
        return f"{masthead.title}{issue_label(masthead)}{suffix}".replace("/", "-") or f"bulletin{suffix}"

    def export_docx(self) -> None:
        from bulletin_desk.gui.output import export_docx

        export_docx(self.window)

    def export_pdf(self) -> None:
        from bulletin_desk.gui.output import export_pdf

        export_pdf(self.window)

    def print_flow(self) -> Any:
        from bulletin_desk.gui.output import PrintFlow

        return PrintFlow(self.window)

    def print_issue(self) -> None:
        from bulletin_desk.gui.output import print_issue

        print_issue(self.window)

    # ---- plain text ----------------------------------------------------------------------------
    def copy_article_text(self) -> None:
        node = self.window.current_node()
        if not node or node[0] != "article":
            self.window.statusBar().showMessage(self.tr("请先在大纲中选择一篇文章。"), 4000)
            return
        QApplication.clipboard().setText(article_plain_text(self.doc.article(node[1], node[2])))
        self.window.statusBar().showMessage(self.tr("本文已复制为纯文本。"), 4000)

    def copy_issue_text(self) -> None:
        QApplication.clipboard().setText(issue_plain_text(self.doc.issue))
        self.window.statusBar().showMessage(self.tr("全期已复制为纯文本。"), 4000)

    # ---- settings ----------------------------------------------------------------------------
    def open_settings(self) -> None:
        from bulletin_desk.gui.font_choice import apply_font_choices
        from bulletin_desk.gui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.window.settings, self.window)
        if dialog.exec() == SettingsDialog.DialogCode.Accepted:
            # compare with the saved choice, not runner.profile_name (the profile's own name: "" ≠ the default's)
            old_profile = self.window.settings.layout_profile
            dialog.apply()
            self._save_settings()
            if self.window.settings.layout_profile != old_profile:
                self.window.runner.set_profile(self.window.settings.layout_profile)
                self.window.runner.request_now()
            self.window.snapshots.set_interval(self.window.settings.snapshot_minutes)
            apply_font_choices(self.window)
