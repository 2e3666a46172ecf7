"""Every 设置 entry takes effect: stand-in fonts (preview, PDF, status), and the dialog's own layout.

The font choice goes through the dialog and the window (the path an editor takes); painting is checked
on the family the painter resolves for body runs. AR PL UKai CN comes from fonts-arphic-ukai.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from bulletin_desk.gui import settings_dialog
from bulletin_desk.gui import status as status_module
from bulletin_desk.gui.settings import Settings, load_settings, save_settings
from bulletin_desk.layout.page import Face
from bulletin_desk.render.fonts import set_font_overrides
from bulletin_desk.render.painter import shared_font_book

UKAI = "AR PL UKai CN"
AUTO_BODY = "Noto Serif CJK SC"


@pytest.fixture(autouse=True)
def no_choice_left_behind() -> Iterator[None]:
    yield
    set_font_overrides({})


def body_family() -> str:
    return shared_font_book().chain(Face.FANGSONG, 16.0)[0].familyName()


def choose_body(monkeypatch: pytest.MonkeyPatch, family: str) -> None:
    """Patch the dialog's exec: pick ``family`` ("" = 自动) for 仿宋 and press OK."""
    def fake_exec(self: settings_dialog.SettingsDialog) -> int:
        combo = self.fonts.combos[Face.FANGSONG]
        index = combo.findData(family)
        assert index >= 0, family
        combo.setCurrentIndex(index)
        return settings_dialog.SettingsDialog.DialogCode.Accepted

    monkeypatch.setattr(settings_dialog.SettingsDialog, "exec", fake_exec)


def explanation(window, monkeypatch: pytest.MonkeyPatch) -> str:
    shown: list[str] = []
    monkeypatch.setattr(status_module.QMessageBox, "information",
                        lambda _p, title, text: (shown.append(title + text), QMessageBox.StandardButton.Ok)[1])
    window.status.explain_fonts()
    return shown[-1]


def test_choosing_a_body_stand_in_repaints_saves_and_auto_goes_back(qtbot, window, monkeypatch) -> None:
    assert body_family() == AUTO_BODY
    repaints: list[int] = []
    monkeypatch.setattr(window.page_strip, "repaint_all", lambda: repaints.append(1))
    choose_body(monkeypatch, UKAI)
    window.act_settings.trigger()
    assert load_settings().font_substitutes == {"fangsong": UKAI}
    assert body_family() == UKAI  # the painter (preview, PDF, print) now sets body runs in UKai
    assert repaints  # thumbnails repainted at once; the preview canvas was update()d
    text = explanation(window, monkeypatch)
    assert "按设置" in text and UKAI in text
    choose_body(monkeypatch, "")
    window.act_settings.trigger()
    assert load_settings().font_substitutes == {}
    assert body_family() == AUTO_BODY
    assert "按设置" not in explanation(window, monkeypatch)


def test_an_uninstalled_saved_family_falls_back_to_auto_with_a_note(qtbot, window, monkeypatch) -> None:
    window.settings.font_substitutes = {"fangsong": "Uninstalled Song"}
    dialog = settings_dialog.SettingsDialog(window.settings, window)
    qtbot.addWidget(dialog)
    combo = dialog.fonts.combos[Face.FANGSONG]
    assert combo.currentData() == "" and combo.currentIndex() == 0  # 自动
    assert "Uninstalled Song" in dialog.fonts.notes[Face.FANGSONG].text()
    from bulletin_desk.gui.font_choice import apply_font_choices

    apply_font_choices(window)  # the saved (uninstalled) choice in force: no crash, 自动 paints
    assert body_family() == AUTO_BODY
    assert "Uninstalled Song" in explanation(window, monkeypatch)
    dialog.apply()
    assert window.settings.font_substitutes == {}  # OK saves what the dialog showed: 自动


def test_font_choice_round_trips_through_the_settings_file(tmp_path) -> None:
    path = tmp_path / "settings.json"
    save_settings(Settings(font_substitutes={"fangsong": UKAI, "kaiti": AUTO_BODY}), path)
    assert load_settings(path).font_substitutes == {"fangsong": UKAI, "kaiti": AUTO_BODY}


def test_the_dialog_says_what_the_choice_does_not_change(qtbot) -> None:
    dialog = settings_dialog.SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    text = " ".join(label.text() for label in dialog.fonts.findChildren(settings_dialog.QLabel))
    assert "换行和分页不随替代字体改变" in text and "DOCX 仍写正式字体名" in text
    labels = [dialog.fonts.form.labelForField(dialog.fonts.form.itemAt(row, dialog.fonts.form.ItemRole.FieldRole)
                                               .layout()) for row in dialog.fonts.rows.values()]
    assert all(label is not None for label in labels)


def test_the_buttons_sit_at_the_bottom_with_no_band_under_them(qtbot) -> None:
    dialog = settings_dialog.SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    buttons = dialog.findChild(QDialogButtonBox)
    layout = dialog.layout()
    assert layout.itemAt(layout.count() - 1).widget() is buttons
    band = dialog.height() - buttons.geometry().bottom()
    assert band <= layout.contentsMargins().bottom() + 2, band
