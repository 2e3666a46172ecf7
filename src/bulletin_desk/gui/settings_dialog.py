"""设置: archive location, revision-snapshot interval, layout profile, language, display name, fonts.

Changes take effect on OK and are saved to the platformdirs config folder; a new archive location
or language applies at the next start (the dialog says so), the layout profile at once.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from bulletin_desk import paths
from bulletin_desk.gui.settings import Settings
from bulletin_desk.gui.status import font_report

# Not interface text (tests/gui/test_i18n.py): a language's name stays in that language, so a reader
# of either can find their own in the list.
NOT_TRANSLATED = frozenset({"中文"})


def layout_profiles() -> list[str]:
    folder = paths.resources_dir() / "layouts"
    return sorted(p.stem for p in folder.glob("*.toml")) if folder.is_dir() else []


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("设置"))
        self.resize(640, 420)
        form = QFormLayout(self)
        self.archive = QLineEdit(settings.archive_path)
        self.archive.setPlaceholderText(str(paths.default_archive_path()))
        browse = QPushButton(self.tr("选择…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.archive, 1)
        row.addWidget(browse)
        form.addRow(self.tr("档案位置"), row)
        self.snapshot = QSpinBox()
        self.snapshot.setRange(1, 240)
        self.snapshot.setSuffix(self.tr(" 分钟"))
        self.snapshot.setValue(settings.snapshot_minutes)
        self.snapshot.setToolTip(self.tr("每隔多久在档案中保留一个修订版本；自动保存（防崩溃）始终在2秒内完成"))
        form.addRow(self.tr("修订快照间隔"), self.snapshot)
        self.profile = QComboBox()
        self.profile.addItem(self.tr("默认（GB/T 9704 简报）"), "")
        for name in layout_profiles():
            self.profile.addItem(name, name)
        self.profile.setCurrentIndex(max(0, self.profile.findData(settings.layout_profile)))
        form.addRow(self.tr("版式"), self.profile)
        self.language = QComboBox()
        # language names stay in their own language, untranslated
        for label, value in ((self.tr("跟随系统"), ""), ("中文", "zh"), ("English", "en")):
            self.language.addItem(label, value)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        form.addRow(self.tr("界面语言"), self.language)
        self.display_name = QLineEdit(settings.display_name)
        self.display_name.setPlaceholderText(self.tr("用于核稿、签发记录，例如：张三"))
        form.addRow(self.tr("编辑姓名"), self.display_name)
        report = font_report()
        fonts = QLabel("<br>".join(row[3] for row in report) if report else self.tr("字体检测模块未就绪。"))
        fonts.setWordWrap(True)
        form.addRow(self.tr("字体"), fonts)
        form.addRow("", QLabel(self.tr("档案位置和界面语言在下次启动时生效。")))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(640, self.sizeHint().height())  # as tall as the form, no empty band under the buttons

    def _browse(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("选择档案文件"), self.archive.text() or str(paths.default_archive_path()),
            self.tr("简报档案 (*.sqlite3)"), options=QFileDialog.Option.DontConfirmOverwrite)
        if name:
            self.archive.setText(name)

    def apply(self) -> None:
        self.settings.archive_path = self.archive.text().strip()
        self.settings.snapshot_minutes = self.snapshot.value()
        self.settings.layout_profile = self.profile.currentData()
        self.settings.language = self.language.currentData()
        self.settings.display_name = self.display_name.text().strip()
