"""The import dialog: what ingest detected (structure) and what it cleaned up (report), then one undo step.

Sources: a file (menu, or dropped on the window) or the clipboard (Word/WeChat HTML or plain text).
A whole issue can replace the open one or have its articles appended; a single article goes into the
current 栏目 (after the selected article). Nothing in the open issue changes until 导入 is pressed.

Every cleanup change in the report has a check box: unchecking one refuses that change alone — the
import runs again without it (ingest.reimport) and the structure on the left is shown anew — because
a rule that is right a hundred times may be wrong once, and refusing the whole rule would undo the
hundred. What is imported is the result as shown when 导入 is pressed.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QSignalBlocker, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from bulletin_desk.catalogue import BulletinDeskError
from bulletin_desk.gui import messages
from bulletin_desk.model import Issue, article_char_count, issue_label

CHANGE_ID_ROLE = Qt.ItemDataRole.UserRole  # a report item's change id (ingest Change.id)

if TYPE_CHECKING:
    from bulletin_desk.gui.mainwindow import MainWindow


class ImportDialog(QDialog):
    def __init__(self, result: Any, source_name: str, parent: QWidget | None = None,
                 units: list[str] | None = None) -> None:
        super().__init__(parent)
        self.result = result
        self._rerun_pending = False
        self.setWindowTitle(self.tr("导入：{0}").format(source_name))
        self.resize(980, 620)
        layout = QVBoxLayout(self)
        panes = QHBoxLayout()
        layout.addLayout(panes, 1)
        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("<b>识别出的结构</b>")))
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("内容"), self.tr("字数")])
        self.tree.setColumnWidth(0, 380)
        left.addWidget(self.tree)
        panes.addLayout(left, 3)
        right = QVBoxLayout()
        right.addWidget(QLabel(self.tr("<b>清理报告</b>")))
        right.addWidget(QLabel(self.tr("取消勾选某处修改即不采用它，左侧的结构随之更新。")))
        self.report = QTreeWidget()
        self.report.setObjectName("importReport")
        self.report.setHeaderHidden(True)
        self.report.itemChanged.connect(self._change_toggled)
        right.addWidget(self.report)
        self.rerun_error = QLabel()
        self.rerun_error.setWordWrap(True)
        self.rerun_error.hide()
        right.addWidget(self.rerun_error)
        panes.addLayout(right, 2)
        self._fill_tree()
        self._fill_report()
        self.replace = QRadioButton(self.tr("替换本期全部内容"))
        self.append = QRadioButton(self.tr("把文章追加到本期"))
        self.insert = QRadioButton(self.tr("插入到当前栏目"))
        for button in (self.append, self.replace, self.insert):
            layout.addWidget(button)
        self._show_modes()
        unit_row = QHBoxLayout()
        unit_row.addWidget(QLabel(self.tr("报送单位（按模板填写来源）：")))
        self.unit = QComboBox()
        self.unit.setObjectName("importUnit")
        self.unit.addItem(self.tr("（不指定）"), "")
        for name in units or []:
            self.unit.addItem(name, name)
        unit_row.addWidget(self.unit, 1)
        layout.addLayout(unit_row)
        layout.addWidget(QLabel(self.tr("导入是一步操作，可用“撤销”整体取消。")))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("导入"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _show_modes(self) -> None:
        """Append/replace for a whole issue, insert for one article (refusing a change may turn one into the
        other); the default is checked whenever the offered choices change."""
        issue = self.result.issue is not None
        if self.append.isVisibleTo(self) != issue or not (self.append.isChecked() or self.replace.isChecked()
                                                          or self.insert.isChecked()):
            (self.append if issue else self.insert).setChecked(True)
        self.append.setVisible(issue)
        self.replace.setVisible(issue)
        self.insert.setVisible(not issue)

    def _fill_report(self) -> None:
        """Notices, then one checkable item per cleanup change (checked = accepted), then the decisions."""
        from bulletin_desk.ingest.result import change_line, decision_line

        lang = messages.language()
        result = self.result
        scroll = self.report.verticalScrollBar().value()
        with QSignalBlocker(self.report):
            self.report.clear()
            for notice in result.notices:
                self.report.addTopLevelItem(_plain_item(notice.render(lang)))
            self.changes_item = _plain_item(self.tr("清理：{0}处修改").format(len(result.changes)))
            self.report.addTopLevelItem(self.changes_item)
            for change in sorted(result.changes, key=lambda c: c.line):  # in reading order, not rule order
                item = QTreeWidgetItem([change_line(change, lang)])
                item.setData(0, CHANGE_ID_ROLE, change.id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(0, Qt.CheckState.Unchecked if change.refused else Qt.CheckState.Checked)
                item.setToolTip(0, self.tr("勾选：采用这处修改；取消勾选：保留原文"))
                self.changes_item.addChild(item)
            decisions = _plain_item(self.tr("识别：{0}项").format(len(result.decisions)))
            self.report.addTopLevelItem(decisions)
            for decision in result.decisions:
                decisions.addChild(_plain_item(decision_line(decision, lang)))
            self.report.expandAll()
        self.report.verticalScrollBar().setValue(scroll)

    def change_items(self) -> list[QTreeWidgetItem]:
        """The report's checkable items, one per cleanup change, in the report's order."""
        return [self.changes_item.child(i) for i in range(self.changes_item.childCount())]

    def refused_ids(self) -> frozenset[str]:
        """The ids of the changes whose box is unchecked."""
        return frozenset(str(item.data(0, CHANGE_ID_ROLE)) for item in self.change_items()
                         if item.checkState(0) != Qt.CheckState.Checked)

    def _change_toggled(self, item: QTreeWidgetItem, _column: int) -> None:
        """A box was (un)checked: re-run once control is back in the event loop — the report is rebuilt, and
        the item is still in use by the view that changed it (a click, the space bar)."""
        if item.data(0, CHANGE_ID_ROLE) is not None and not self._rerun_pending:
            self._rerun_pending = True
            QTimer.singleShot(0, self._rerun)

    def _rerun(self) -> None:
        self._rerun_pending = False
        self.refuse(self.refused_ids())

    def refuse(self, refused: frozenset[str]) -> None:
        """Run the import again with exactly these changes refused; show the new structure and report."""
        from bulletin_desk.ingest import reimport

        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            result = reimport(self.result, refused)
        except Exception as exc:  # an input that cannot be imported this way: keep what is shown, say why
            detail = messages.render(exc) if isinstance(exc, BulletinDeskError) else str(exc)
            self.rerun_error.setText(self.tr("无法按此重新导入：{0}").format(detail))
            self.rerun_error.show()
            self._fill_report()
            return
        finally:
            QApplication.restoreOverrideCursor()
        self.rerun_error.hide()
        self.result = result
        self.tree.clear()
        self._fill_tree()
        self._fill_report()
        self._show_modes()

    def _fill_tree(self) -> None:
        result = self.result
        if result.issue is not None:
            issue: Issue = result.issue
            head = QTreeWidgetItem([self.tr("报头：{0} {1}").format(issue.masthead.title,
                                                                 issue_label(issue.masthead)), ""])
            self.tree.addTopLevelItem(head)
            for section in issue.sections:
                heading = self.tr("【{0}】").format(section.heading) if section.heading else self.tr("（无栏目）")
                node = QTreeWidgetItem([heading, ""])
                self.tree.addTopLevelItem(node)
                for article in section.articles:
                    self._article_item(node, article)
            colophon = issue.colophon
            self.tree.addTopLevelItem(QTreeWidgetItem([self.tr("版记：责编 {0}，核稿 {1}").format(
                colophon.editor or "—", colophon.reviewer or "—"), ""]))
        else:
            root = QTreeWidgetItem([self.tr("一篇文章"), ""])
            self.tree.addTopLevelItem(root)
            self._article_item(root, result.article)
        self.tree.expandAll()

    def _article_item(self, parent: QTreeWidgetItem, article: Any) -> None:
        item = QTreeWidgetItem([article.title.replace("\n", " ") or self.tr("（无标题）"),
                                str(article_char_count(article))])
        parent.addChild(item)
        if article.source:
            item.addChild(QTreeWidgetItem([self.tr("来源：{0}").format(article.source), ""]))
        leads = sum(1 for p in article.paragraphs if p.lead)
        item.addChild(QTreeWidgetItem([self.tr("{0}段，其中{1}段有加粗首句").format(len(article.paragraphs), leads),
                                       ""]))

    def chosen_unit(self) -> str:
        return str(self.unit.currentData() or "")

    def mode(self) -> str:
        if self.result.issue is None:
            return "insert"
        return "replace" if self.replace.isChecked() else "append"


def _plain_item(text: str) -> QTreeWidgetItem:
    """A report line with no check box (notices, group headings, structure decisions)."""
    item = QTreeWidgetItem([text])
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsUserCheckable)
    return item


def apply_import(window: MainWindow, result: Any, mode: str) -> None:
    """Put the import into the open issue as one undo step."""
    doc = window.doc
    text = QCoreApplication.translate("ImportDialog", "导入")
    if mode == "replace":
        doc.replace_issue(result.issue, text)
        return
    node = window.current_node()

    def mutate(issue: Issue) -> tuple:
        if mode == "append":
            sections = copy.deepcopy(result.issue.sections)
            first = len(issue.sections)
            issue.sections.extend(sections)
            return ("article", first, 0) if sections and sections[0].articles else ("section", first)
        if not issue.sections:
            from bulletin_desk.model import Section

            issue.sections.append(Section(heading=""))
        si = node[1] if node and node[0] in ("section", "article") else len(issue.sections) - 1
        articles = issue.sections[si].articles
        at = node[2] + 1 if node and node[0] == "article" else len(articles)
        articles.insert(at, copy.deepcopy(result.article))
        return ("article", si, at)

    doc.edit_structure(text, mutate, node)


def template_units(window: MainWindow) -> list[str]:
    """The units of the archive's district templates (empty without an archive)."""
    if window.link is None:
        return []
    try:
        return [t.unit for t in window.link.repo.templates()]
    except Exception:
        return []


def fill_source(window: MainWindow, result: Any, unit: str) -> Any:
    """A copy of the import with the source taken from ``unit``'s template (a whole issue: where missing)."""
    if not unit or window.link is None:
        return result
    template = window.link.repo.template_for(unit)
    if template is None:
        return result
    result = copy.copy(result)
    if result.issue is None:
        result.article = copy.deepcopy(result.article)
        result.article.source = template.unit
    else:
        result.issue = copy.deepcopy(result.issue)
        for article in result.issue.articles():
            article.source = article.source or template.unit
    return result


def ask_import(window: MainWindow, result: Any, source_name: str) -> str | tuple[Any, ...] | None:
    """Show the dialog; the chosen mode, unit and the result as shown (with the editor's refusals), or None
    when cancelled. Tests replace this function (returning the mode, or mode and unit)."""
    dialog = ImportDialog(result, source_name, window, template_units(window))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.mode(), dialog.chosen_unit(), dialog.result


def read_import(window: MainWindow, path: Path | None = None, text: str | None = None,
                html: str | None = None) -> tuple[Any, str] | None:
    """Ingest a file, HTML or text (a file off the GUI thread); (result, name), or None after an error."""
    from bulletin_desk.ingest import import_html, import_path, import_text

    try:
        if path is not None:
            # A long DOCX takes a while to read: off the GUI thread, with the busy dialog.
            from bulletin_desk.gui.output import run_with_progress

            label = QCoreApplication.translate("ImportDialog", "正在读取 {0}……").format(path.name)
            result, name = run_with_progress(window, label, lambda: import_path(path)), path.name
        elif html:
            result, name = import_html(html), QCoreApplication.translate("ImportDialog", "剪贴板")
        else:
            result, name = import_text(text or ""), QCoreApplication.translate("ImportDialog", "剪贴板")
    except Exception as exc:
        window.files._report_failure(QCoreApplication.translate("ImportDialog", "无法导入"), exc)
        return None
    return result, name


def run_import(window: MainWindow, path: Path | None = None, text: str | None = None,
               html: str | None = None) -> bool:
    from bulletin_desk.gui import import_dialog as this

    read = read_import(window, path, text, html)
    if read is None:
        return False
    result, name = read
    choice = this.ask_import(window, result, name)
    if choice is None:
        return False
    if not isinstance(choice, tuple):
        choice = (choice, "")
    mode, unit = choice[0], choice[1]
    if len(choice) > 2:
        result = choice[2]
    apply_import(window, fill_source(window, result, unit), mode)
    return True


def paste_as_import(window: MainWindow) -> bool:
    """粘贴导入: the clipboard's HTML (Word, WeChat) or text through the import dialog."""
    mime = QApplication.clipboard().mimeData()
    if mime is None or not (mime.hasHtml() or mime.hasText()):
        window.statusBar().showMessage(QCoreApplication.translate("ImportDialog", "剪贴板中没有文字。"), 4000)
        return False
    if mime.hasHtml():
        return run_import(window, html=mime.html())
    return run_import(window, text=mime.text())
