"""设置: archive location, revision-snapshot interval, layout profile, language, display name, fonts.

Changes take effect on OK and are saved to the platformdirs config folder; a new archive location
or language applies at the next start (the dialog says so); the layout profile, the snapshot interval,
the display name and the stand-in fonts at once (gui/file_actions.open_settings).
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
    QVBoxLayout,
    QWidget,
)

from bulletin_desk import paths
from bulletin_desk.gui.font_choice import FontChoices
from bulletin_desk.gui.settings import Settings

# Not interface text (tests/gui/test_i18n.py): a language's name stays in that language, so a reader
# of either can find their own in the list.
NOT_TRANSLATED = frozenset({"中文"})


def layout_profiles() -> list[str]:
    folder = paths.resources_dir() / "layouts"
    return sorted(p.stem for p in folder.glob("*.toml")) if folder.is_dir() else []


class SettingsDialog(QDialog):
    """The form on top, the stand-in fonts under it, the buttons at the very bottom.

    A QVBoxLayout whose size constraint follows the content (not a fixed height): the old QFormLayout
    with a fixed resize left an empty band under the buttons once word-wrapped labels measured shorter.
    """

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("设置"))
        outer = QVBoxLayout(self)
        form = QFormLayout()
        outer.addLayout(form)
        self.archive = QLineEdit(settings.archive_path)
        self.archive.setPlaceholderText(str(paths.default_archive_path()))
        self.archive.setMinimumWidth(420)
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
        self.snapshot.setToolTip(self.tr("有未保存的修改时，每隔多久把当前稿留作一个修订版本（在“修订记录”中查看、恢复）；"
                                         "自动保存（防崩溃）始终在2秒内完成"))
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
        self.fonts: FontChoices | None = None
        try:
            self.fonts = FontChoices(settings.font_substitutes, settings.layout_profile)
        except ImportError:
            outer.addWidget(QLabel(self.tr("字体检测模块未就绪。")))
        else:
            self.profile.currentIndexChanged.connect(
                lambda _i: self.fonts.show_faces_of(self.profile.currentData()) if self.fonts else None)
            outer.addWidget(self.fonts)
        outer.addWidget(QLabel(self.tr("档案位置和界面语言在下次启动时生效。")))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)
        # as tall as the content, resizable in width only: no empty band under the buttons
        outer.setSizeConstraint(QVBoxLayout.SizeConstraint.SetMinimumSize)
        self.adjustSize()

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
        if self.fonts is not None:
            self.settings.font_substitutes = self.fonts.choices(self.settings.font_substitutes)
