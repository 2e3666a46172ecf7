"""设置 → 字体: which installed font stands in for each official face, and applying that choice.

The official faces (仿宋_GB2312, 方正小标宋简体, 楷体_GB2312, …) are commercial and never shipped.
render/fonts.py picks a stand-in from resources/fonts/substitutes.toml ("自动"); here the editor may
pick another installed Simplified-Chinese family per face. The choice is saved in Settings
(``font_substitutes``: face value → family) and handed to render as a plain mapping
(`fonts.set_font_overrides`); render never reads the settings. It changes painting only — preview,
PDF and print — never the layout, which measures with the official faces' advance widths, and never
the DOCX, which names the official faces for the reader's Word to substitute.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from bulletin_desk.layout.page import Face

if TYPE_CHECKING:
    from bulletin_desk.gui.mainwindow import MainWindow

# The faces offered, in the order an editor thinks of them (body first); Latin is not a CJK choice.
FACE_ORDER = (Face.FANGSONG, Face.XIAOBIAOSONG, Face.KAITI, Face.HEITI, Face.SONGTI)


def profile_faces(profile_name: str) -> list[Face]:
    """The CJK faces the layout profile sets text in (黑体 only when the profile uses it)."""
    try:
        from bulletin_desk.layout import load_profile

        used = {spec.face for spec in load_profile(profile_name or None).elements.values()}
    except Exception:  # an unreadable profile: offer every face rather than none
        return list(FACE_ORDER)
    return [face for face in FACE_ORDER if face in used]


def use_font_choices(choices: dict[str, str]) -> bool:
    """Hand the saved choice to render; True when painting changes. False also without render/."""
    try:
        from bulletin_desk.render.fonts import set_font_overrides
    except ImportError:
        return False
    return set_font_overrides(choices)


def apply_font_choices(window: MainWindow) -> bool:
    """After 设置: use the choice and, if it changed, repaint the preview and thumbnails at once and
    refresh the status bar's font status (the layout itself stays as it is)."""
    if not use_font_choices(window.settings.font_substitutes):
        return False
    window.preview.canvas.update()
    window.page_strip.repaint_all()
    window.status.refresh_fonts()
    return True


class FontChoices(QGroupBox):
    """One combo per official face: 自动 (the table's order) first, then the installed CJK families."""

    def __init__(self, saved: dict[str, str], profile_name: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("替代字体（屏幕、PDF、打印）"), parent)
        from bulletin_desk.render.fonts import cjk_families, resolve_faces

        self.report: Any = resolve_faces(overrides=saved)
        families = cjk_families()
        outer = QVBoxLayout(self)
        self.form = QFormLayout()
        outer.addLayout(self.form)
        self.combos: dict[Face, QComboBox] = {}
        self.notes: dict[Face, QLabel] = {}
        self.rows: dict[Face, int] = {}
        for face in FACE_ORDER:
            item = self.report[face]
            combo = QComboBox()
            combo.setObjectName(f"fontChoice_{face.value}")
            auto = item.auto_family or self.tr("无可用字体")
            combo.addItem(self.tr("自动（{0}）").format(auto), "")
            for family in families:
                combo.addItem(family, family)
            note = QLabel()
            note.setWordWrap(True)
            note.setObjectName(f"fontNote_{face.value}")
            if item.official:
                combo.setCurrentIndex(0)
                combo.setEnabled(False)
                note.setText(self.tr("已安装正式字体“{0}”，始终优先使用。").format(item.family))
            elif item.unavailable_choice:
                combo.setCurrentIndex(0)
                note.setText(self.tr("之前选择的“{0}”已不在本机，改用自动；按“确定”保存此更改。").format(
                    item.unavailable_choice))
            elif item.chosen:
                combo.setCurrentIndex(max(0, combo.findData(item.family)))
            box = QVBoxLayout()
            box.setContentsMargins(0, 0, 0, 0)
            box.addWidget(combo)
            box.addWidget(note)
            self.form.addRow(self._face_label(face), box)
            self.rows[face] = self.form.rowCount() - 1
            self.combos[face] = combo
            self.notes[face] = note
        explain = QLabel(self.tr(
            "排版按正式字体的字宽计算，换行和分页不随替代字体改变。\n"
            "导出的 DOCX 仍写正式字体名，由读者电脑上的 Word/WPS 自行替代。"))
        explain.setWordWrap(True)
        outer.addWidget(explain)
        self.show_faces_of(profile_name)

    def _face_label(self, face: Face) -> str:
        labels = {
            Face.FANGSONG: self.tr("仿宋（正文）"),
            Face.XIAOBIAOSONG: self.tr("小标宋（报头、标题）"),
            Face.KAITI: self.tr("楷体（按语等）"),
            Face.HEITI: self.tr("黑体（栏目、小标题）"),
            Face.SONGTI: self.tr("宋体（页码）"),
        }
        return labels[face]

    def show_faces_of(self, profile_name: str) -> None:
        """Show only the faces the chosen layout profile uses (the others keep their saved value)."""
        used = set(profile_faces(profile_name))
        for face, row in self.rows.items():
            self.form.setRowVisible(row, face in used)  # shows every widget of the row, empty notes too
            note = self.notes[face]
            note.setVisible(face in used and bool(note.text()))

    def choices(self, saved: dict[str, str]) -> dict[str, str]:
        """The new ``font_substitutes``: the combos' families; "自动" drops the face's entry. A face whose
        official font is installed keeps its saved choice (it is not used while the official face is)."""
        result: dict[str, str] = {}
        for face, combo in self.combos.items():
            if not combo.isEnabled():
                if saved.get(face.value):
                    result[face.value] = saved[face.value]
                continue
            family = str(combo.currentData() or "")
            if family:
                result[face.value] = family
        return result
