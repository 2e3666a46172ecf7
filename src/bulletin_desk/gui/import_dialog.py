"""The import dialog: what ingest detected (structure) and what it cleaned up (report), then one undo step.

Sources: a file (menu, or dropped on the window) or the clipboard (Word/WeChat HTML or plain text).
A whole issue can replace the open one or have its articles appended; a single article goes into the
current 栏目 (after the selected article). Nothing in the open issue changes until 导入 is pressed.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from bulletin_desk.gui import messages
from bulletin_desk.model import Issue, article_char_count, issue_label

if TYPE_CHECKING:
    from bulletin_desk.gui.mainwindow import MainWindow


class ImportDialog(QDialog):
    def __init__(self, result: Any, source_name: str, parent: QWidget | None = None,
                 units: list[str] | None = None) -> None:
        super().__init__(parent)
        self.result = result
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
        self.report = QPlainTextEdit()
        self.report.setReadOnly(True)
        self.report.setPlainText("\n".join(result.report_lines(messages.language())))
        right.addWidget(self.report)
        panes.addLayout(right, 2)
        self._fill_tree()
        self.replace = QRadioButton(self.tr("替换本期全部内容"))
        self.append = QRadioButton(self.tr("把文章追加到本期"))
        self.insert = QRadioButton(self.tr("插入到当前栏目"))
        if result.issue is not None:
            self.append.setChecked(True)
            layout.addWidget(self.append)
            layout.addWidget(self.replace)
        else:
            self.insert.setChecked(True)
            layout.addWidget(self.insert)
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


def ask_import(window: MainWindow, result: Any, source_name: str) -> str | tuple[str, str] | None:
    """Show the dialog; the chosen mode (and unit), or None when cancelled. Tests replace this function."""
    dialog = ImportDialog(result, source_name, window, template_units(window))
    return (dialog.mode(), dialog.chosen_unit()) if dialog.exec() == QDialog.DialogCode.Accepted else None


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
    mode, unit = choice if isinstance(choice, tuple) else (choice, "")
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
