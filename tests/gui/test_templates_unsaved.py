"""模板管理 never drops unsaved edits silently: switching units, starting a new one, duplicating or closing
asks 保存/不保存/取消 (QMessageBox.question patched here), and 取消 keeps the row and the edits."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from bulletin_desk.gui import templates_dialog
from bulletin_desk.gui.templates_dialog import TemplatesDialog

Button = QMessageBox.StandardButton


class Answers:
    """Stands in for QMessageBox.question: records each question, gives the next answer."""

    def __init__(self) -> None:
        self.asked: list[tuple[str, Any, Any]] = []
        self.next: Button = Button.Cancel

    def __call__(self, parent: Any, title: str, text: str, buttons: Any = None, default: Any = None) -> Button:
        self.asked.append((text, buttons, default))
        return self.next


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> Answers:
    fake = Answers()
    monkeypatch.setattr(templates_dialog.QMessageBox, "question", fake)
    return fake


def _dialog(qtbot: Any, window: Any, unit: str = "海淀区文明办") -> TemplatesDialog:
    dialog = TemplatesDialog(window.link.repo, window)
    qtbot.addWidget(dialog)
    dialog.list.setCurrentRow(_row(dialog, unit))
    assert dialog.unit.text() == unit and not dialog.is_dirty()
    return dialog


def _row(dialog: TemplatesDialog, unit: str) -> int:
    return [t.unit for t in dialog.templates].index(unit)


def test_switching_units_asks_and_cancel_keeps_the_row_and_the_edits(qtbot, real_window, answers) -> None:
    repo = real_window.link.repo
    dialog = _dialog(qtbot, real_window)
    before = repo.template_for("海淀区文明办").contact
    dialog.contact.setText("宣传科 王某")
    assert dialog.is_dirty()

    answers.next = Button.Cancel
    dialog.list.setCurrentRow(_row(dialog, "朝阳区文明办"))
    text, buttons, default = answers.asked[-1]
    assert "海淀区文明办" in text and default == Button.Save
    assert buttons == Button.Save | Button.Discard | Button.Cancel
    assert dialog.list.currentRow() == _row(dialog, "海淀区文明办")
    assert dialog.unit.text() == "海淀区文明办" and dialog.contact.text() == "宣传科 王某"
    assert repo.template_for("海淀区文明办").contact == before

    answers.next = Button.Discard
    dialog.list.setCurrentRow(_row(dialog, "朝阳区文明办"))
    assert len(answers.asked) == 2
    assert dialog.unit.text() == "朝阳区文明办" and not dialog.is_dirty()
    assert repo.template_for("海淀区文明办").contact == before

    dialog.list.setCurrentRow(_row(dialog, "海淀区文明办"))  # nothing edited: no question
    assert len(answers.asked) == 2 and dialog.contact.text() == before


def test_switching_units_with_save_stores_the_edits_and_shows_the_chosen_unit(qtbot, real_window, answers) -> None:
    repo = real_window.link.repo
    dialog = _dialog(qtbot, real_window)
    dialog.contact.setText("宣传科 王某")
    dialog.skeleton.item(0, 0).setText("新的首句。")
    answers.next = Button.Save
    dialog.list.setCurrentRow(_row(dialog, "朝阳区文明办"))
    assert len(answers.asked) == 1
    stored = repo.template_for("海淀区文明办")
    assert stored.contact == "宣传科 王某" and stored.skeleton[0].lead == "新的首句。"
    assert dialog.unit.text() == "朝阳区文明办" and dialog.current.unit == "朝阳区文明办"
    assert dialog.list.currentRow() == _row(dialog, "朝阳区文明办") and not dialog.is_dirty()


def test_an_edit_typed_back_or_an_empty_row_is_no_change(qtbot, real_window, answers) -> None:
    dialog = _dialog(qtbot, real_window)
    contact = dialog.contact.text()
    dialog.contact.setText(contact + "改")
    dialog.contact.setText(contact)
    dialog.add_paragraph_row()  # saving drops an empty row: nothing to lose
    dialog.list.setCurrentRow(_row(dialog, "朝阳区文明办"))
    assert answers.asked == [] and dialog.unit.text() == "朝阳区文明办"


def test_a_new_template_is_asked_about_once_typed_in(qtbot, real_window, answers) -> None:
    repo = real_window.link.repo
    dialog = _dialog(qtbot, real_window)
    dialog.new_template()
    assert answers.asked == [] and dialog.current is None and dialog.list.currentRow() == -1
    dialog.unit.setText("测试区文明办")
    answers.next = Button.Cancel
    dialog.list.setCurrentRow(_row(dialog, "海淀区文明办"))  # the row shown before 新建 switches back …
    assert dialog.unit.text() == "测试区文明办" and dialog.list.currentRow() == -1  # … once answered
    answers.next = Button.Save
    dialog.list.setCurrentRow(_row(dialog, "海淀区文明办"))
    assert repo.template_for("测试区文明办") is not None and dialog.unit.text() == "海淀区文明办"

    dialog.district.setText("海淀")
    answers.next = Button.Cancel
    dialog.new_template()  # 新建 asks too
    assert dialog.current is not None and dialog.district.text() == "海淀"
    answers.next = Button.Discard
    assert dialog.duplicate_template() is not None  # the stored template is copied, not the edits
    assert repo.template_for("海淀区文明办（副本）").district == repo.template_for("海淀区文明办").district


def test_closing_asks_cancel_stays_open_discard_closes_save_stores(qtbot, real_window, answers) -> None:
    repo = real_window.link.repo
    dialog = _dialog(qtbot, real_window)
    dialog.show()
    dialog.phone.setText("010-12345678")
    answers.next = Button.Cancel
    dialog.reject()  # the Close button, Esc
    assert dialog.isVisible() and dialog.phone.text() == "010-12345678"
    dialog.close()  # the window's ×
    assert dialog.isVisible() and len(answers.asked) == 2
    answers.next = Button.Save
    dialog.reject()
    assert not dialog.isVisible() and repo.template_for("海淀区文明办").phone == "010-12345678"

    dialog = _dialog(qtbot, real_window)
    dialog.show()
    dialog.phone.setText("010-87654321")
    answers.next = Button.Discard
    dialog.close()
    assert not dialog.isVisible() and repo.template_for("海淀区文明办").phone == "010-12345678"

    dialog = _dialog(qtbot, real_window)
    dialog.show()
    asked = len(answers.asked)
    dialog.reject()  # nothing edited: closes without a question
    assert not dialog.isVisible() and len(answers.asked) == asked
