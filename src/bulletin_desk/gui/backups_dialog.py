"""备份/恢复: 立即备份, the list of backups, 从备份恢复, 导出/导入整个档案.

Everything that touches files is the core's (archive/backups.py, archive/transfer.py): a backup is
SQLite's online copy; restoring validates the backup and keeps the current file beside it; importing
validates the file and backs the current archive up before replacing it. The dialog asks first,
closes the archive for the replacement, opens it again and reloads the open issue.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from bulletin_desk.archive import backups, transfer

if TYPE_CHECKING:
    from bulletin_desk.gui.mainwindow import MainWindow

EXPORT_SUFFIX = ".sqlite3"


class BackupsDialog(QDialog):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.setWindowTitle(self.tr("备份与恢复"))
        self.resize(760, 460)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("档案：{0}").format(window.link.path)))
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("backupTable")
        self.table.setHorizontalHeaderLabels([self.tr("时间"), self.tr("类型"), self.tr("大小")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        for text, slot in ((self.tr("立即备份"), self.backup_now), (self.tr("从备份恢复…"), self.restore_selected),
                           (self.tr("导出整个档案…"), self.export_archive),
                           (self.tr("导入整个档案…"), self.import_archive)):
            button = QPushButton(text)
            button.clicked.connect(lambda _c=False, s=slot: s())
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.reload()

    @property
    def archive_path(self) -> Path:
        return Path(self.window_.link.path)

    def kind_text(self, kind: str) -> str:
        return {"manual": self.tr("手动"), "daily": self.tr("每日自动")}.get(kind, self.tr("升级或导入前"))

    def reload(self) -> None:
        self.backups = backups.list_backups(self.archive_path)
        self.table.setRowCount(len(self.backups))
        locale = QLocale()
        for i, b in enumerate(self.backups):
            cells = (b.modified.strftime("%Y-%m-%d %H:%M:%S"), self.kind_text(backups.backup_kind(b)),
                     locale.formattedDataSize(b.size))
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, str(b.path))
                item.setToolTip(str(b.path))
                self.table.setItem(i, c, item)
        if self.backups:
            self.table.selectRow(0)

    # ---- asking (tests replace these) ---------------------------------------------------------
    def confirm(self, title: str, text: str) -> bool:
        return QMessageBox.question(self, title, text) == QMessageBox.StandardButton.Yes

    def ask_export_path(self) -> Path | None:
        name, _f = QFileDialog.getSaveFileName(self, self.tr("导出整个档案"), self.archive_path.stem + "-export"
                                               + EXPORT_SUFFIX, self.tr("档案文件 (*.sqlite3)"))
        return Path(name) if name else None

    def ask_import_path(self) -> Path | None:
        name, _f = QFileDialog.getOpenFileName(self, self.tr("导入整个档案"), "",
                                               self.tr("档案文件 (*.sqlite3);;所有文件 (*)"))
        return Path(name) if name else None

    def _fail(self, title: str, exc: Exception) -> None:
        self.window_.files._report_failure(title, exc)

    # ---- actions ------------------------------------------------------------------------------
    def backup_now(self) -> Path | None:
        try:
            made = self.window_.link.archive.backup()
        except Exception as exc:
            self._fail(self.tr("备份失败"), exc)
            return None
        self.reload()
        self.window_.statusBar().showMessage(self.tr("已备份到：{0}").format(made), 6000)
        return Path(made)

    def selected_backup(self) -> Path | None:
        items = self.table.selectedItems()
        return Path(items[0].data(Qt.ItemDataRole.UserRole)) if items else None

    def _replace_archive(self, replace: Any) -> bool:
        """Close the archive, run ``replace()``, open it again and reload the open issue."""
        w = self.window_
        w.autosaver.flush()
        link = w.link
        link.archive.close()
        try:
            replace()
            return True
        except Exception as exc:
            self._fail(self.tr("无法替换档案"), exc)
            return False
        finally:
            link.reopen()
            self._reload_issue()
            self.reload()

    def _reload_issue(self) -> None:
        w = self.window_
        issue_id = w.doc.issue_id
        try:
            if issue_id is not None:
                w.files.open_id(issue_id)
                return
        except Exception:
            pass
        w.doc.load(w.doc.issue)  # not in this archive: kept as a new, unsaved issue

    def restore_selected(self) -> bool:
        chosen = self.selected_backup()
        if chosen is None or not self.window_.files._confirm_discard():
            return False
        if not self.confirm(self.tr("从备份恢复"), self.tr(
                "用 {0} 的备份替换当前档案？当前档案会先另存一份在它旁边。").format(chosen.name)):
            return False
        return self._replace_archive(lambda: backups.restore_backup(self.archive_path, chosen))

    def export_archive(self, out: Path | None = None) -> Path | None:
        out = out or self.ask_export_path()
        if out is None:
            return None
        try:
            made = transfer.export_archive(self.archive_path, out)
        except Exception as exc:
            self._fail(self.tr("导出失败"), exc)
            return None
        self.window_.statusBar().showMessage(self.tr("整个档案已导出到：{0}").format(made), 6000)
        return Path(made)

    def import_archive(self, source: Path | None = None) -> bool:
        source = source or self.ask_import_path()
        if source is None or not self.window_.files._confirm_discard():
            return False
        try:
            transfer.validate_archive_file(source)
        except Exception as exc:
            self._fail(self.tr("无法导入"), exc)
            return False
        if not self.confirm(self.tr("导入整个档案"), self.tr(
                "用 {0} 替换当前档案的全部内容？当前档案会先备份。").format(source.name)):
            return False
        return self._replace_archive(lambda: transfer.import_archive(self.archive_path, source))


def open_backups(window: MainWindow) -> None:
    if window.link is None:
        window.files._no_archive()
        return
    BackupsDialog(window).exec()
