"""新建一期 from the last issue, the duplicate-number warning, 另存为新一期, recent issues, restored
window geometry and docks, and the font status explanation."""

from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QToolBar

from bulletin_desk import app as app_module
from bulletin_desk.gui import status as status_module
from bulletin_desk.gui.settings import load_settings


def _save_reference(window) -> int:
    window.doc.set_field(("copies",), 300)
    window.doc.set_field(("colophon", "editor"), "王编辑")
    assert window.files.save()
    return window.doc.issue_id


def test_new_issue_is_prefilled_from_the_last_issue_with_numbers_proposed(qtbot, window, fake_archive) -> None:
    _save_reference(window)
    last = window.doc.issue
    window.act_new.trigger()
    issue = window.doc.issue
    assert issue.sections == []
    assert (issue.masthead.title, issue.masthead.office) == (last.masthead.title, last.masthead.office)
    assert issue.colophon == last.colophon and issue.colophon.editor == "王编辑"
    assert issue.distribution == last.distribution
    assert issue.copies == 300
    assert issue.masthead.date == _dt.date.today()
    assert issue.masthead.number == 1  # the first of this year in the archive
    assert issue.masthead.total_number == last.masthead.total_number + 1  # the running number goes on
    assert window.current_node() == ("masthead",)
    assert window.doc.issue_id is None


def test_a_duplicate_number_is_warned_about_in_the_masthead_form(qtbot, window, fake_archive) -> None:
    stored = _save_reference(window)
    window.act_new.trigger()
    form = window.editors.masthead
    assert form.duplicate_warning.isHidden()
    clash = fake_archive.issues.rows[stored].issue.masthead.total_number
    form.total.setValue(clash)
    assert not form.duplicate_warning.isHidden()
    assert "同号" in form.duplicate_warning.text() and "第19期" in form.duplicate_warning.text()
    form.total.setValue(clash + 1)
    assert form.duplicate_warning.isHidden()


def test_save_as_a_new_issue_keeps_the_content_under_the_next_numbers(qtbot, window, fake_archive) -> None:
    first = _save_reference(window)
    titles = [a.title for a in window.doc.issue.articles()]
    window.act_save_new.trigger()
    assert len(fake_archive.issues.rows) == 2
    assert window.doc.issue_id not in (None, first)
    stored = fake_archive.issues.rows[window.doc.issue_id].issue
    assert [a.title for a in stored.articles()] == titles
    assert stored.masthead.total_number == fake_archive.issues.rows[first].issue.masthead.total_number + 1
    assert not window.isWindowModified()
    assert load_settings().recent_issues[:2] == [window.doc.issue_id, first]


def test_recent_issues_menu_opens_an_issue(qtbot, window, fake_archive) -> None:
    first = _save_reference(window)
    window.act_save_new.trigger()
    second = window.doc.issue_id
    window.files.fill_recent_menu(window.recent_menu)
    actions = window.recent_menu.actions()
    assert len(actions) == 2 and "第19期" in actions[1].text()
    actions[1].trigger()
    assert window.doc.issue_id == first
    assert load_settings().recent_issues[:2] == [first, second]


def test_window_geometry_and_docks_are_restored_at_the_next_start(qtbot, window, tmp_path, fake_archive) -> None:
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, window.preview_dock)
    toolbar = window.findChild(QToolBar, "mainToolbar")
    window.addToolBar(Qt.ToolBarArea.BottomToolBarArea, toolbar)
    window.remember_geometry()
    settings = load_settings()
    again = app_module.open_session(tmp_path / "second.sqlite3", settings, lambda _w, _e: True)
    try:
        other = again.window
        other.show()
        qtbot.waitExposed(other)
        assert other.dockWidgetArea(other.preview_dock) == Qt.DockWidgetArea.LeftDockWidgetArea
        assert other.toolBarArea(other.findChild(QToolBar, "mainToolbar")) == Qt.ToolBarArea.BottomToolBarArea
        # (the size itself is clamped to the offscreen platform's 800×600 screen, so it is not compared here)
    finally:
        again.window.doc.stack.setClean()
        again.window.close()
        again.window.runner.wait_idle(5000)
        again.close()


def test_the_font_status_explains_stand_ins_when_clicked(qtbot, window, monkeypatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(status_module.QMessageBox, "information",
                        lambda _parent, title, text: (shown.append(title + text), QMessageBox.StandardButton.Ok)[1])
    label = window.status.fonts.text()
    assert label.startswith("字体：")
    qtbot.mouseClick(window.status.fonts, Qt.MouseButton.LeftButton)
    assert shown and "替代字体" in shown[0]
    report = status_module.font_report()
    assert report is not None and all(row[0] in shown[0] or row[3] in shown[0] for row in report)
