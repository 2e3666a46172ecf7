"""Small dialogs: the archive list for 打开, crash recovery, about."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from bulletin_desk import __version__
from bulletin_desk.gui.archive_link import IssueRow, JournalEntry
from bulletin_desk.model import issue_char_count, issue_label

# Not interface text (tests/gui/test_i18n.py): the ideographic space separates a bulletin's own Chinese
# label from its time in the issue list, in either interface language.
NOT_TRANSLATED = frozenset({"　"})


class OpenIssueDialog(QDialog):
    """A plain list of the archive's issues, newest first; double-click or 打开 opens one."""

    def __init__(self, rows: list[IssueRow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("打开一期"))
        self.resize(560, 420)
        layout = QVBoxLayout(self)
        self.list = QListWidget()
        for row in rows:
            item = QListWidgetItem(f"{row.label}　{row.updated}")
            item.setData(Qt.ItemDataRole.UserRole, row.issue_id)
            self.list.addItem(item)
        if rows:
            self.list.setCurrentRow(0)
        else:
            layout.addWidget(QLabel(self.tr("档案中还没有保存的简报。")))
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        layout.addWidget(self.list)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def chosen_id(self) -> int | None:
        item = self.list.currentItem()
        return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))


def ask_restore(parent: QWidget | None, entry: JournalEntry) -> bool:
    """After a crash: say when and what was being edited, and ask whether to restore it."""
    masthead = entry.issue.masthead
    what = f"{masthead.title} {issue_label(masthead)}".strip()
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("Dialogs", "恢复未保存的编辑"))
    box.setText(QCoreApplication.translate("Dialogs", "上次关闭前有未保存的编辑。是否恢复？"))
    box.setInformativeText(QCoreApplication.translate("Dialogs", "时间：{0}\n简报：{1}\n文章：{2}篇，共{3}字").format(
        entry.saved_at or "?", what or "?", len(entry.issue.articles()), issue_char_count(entry.issue)))
    restore = box.addButton(QCoreApplication.translate("Dialogs", "恢复"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QCoreApplication.translate("Dialogs", "放弃这些编辑"), QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(restore)
    box.exec()
    return box.clickedButton() is restore


def show_about(parent: QWidget) -> None:
    QMessageBox.about(parent, QCoreApplication.translate("Dialogs", "关于简报编辑台"), QCoreApplication.translate(
        "Dialogs", "<h3>简报编辑台 {0}</h3><p>编排、预览、归档和导出符合 GB/T 9704-2012 版式的工作简报。</p>"
        "<p>所有数据保存在本机档案中，不联网。</p>").format(__version__))
