"""Small dialogs: crash recovery, about (打开 is the archive workspace, gui/workspace.py)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QMessageBox,
    QWidget,
)

from bulletin_desk import __version__
from bulletin_desk.gui.archive_link import JournalEntry
from bulletin_desk.model import issue_char_count, issue_label

# Not interface text (tests/gui/test_i18n.py): the ideographic space separates a bulletin's own Chinese
# label from its time in the issue list, in either interface language.
NOT_TRANSLATED = frozenset({"　"})


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
