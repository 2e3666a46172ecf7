"""Every entry of 设置 other than fonts takes effect (tests/gui/test_settings_effects.py has the fonts).

Each test sets the value through the dialog (its exec patched to fill the form and press OK) or, for
what applies at the next start, saves it and runs the start-up path of `app.main` up to the archive.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from bulletin_desk import app as app_module
from bulletin_desk.gui import i18n, settings_dialog
from bulletin_desk.gui.settings import Settings, load_settings, save_settings
from bulletin_desk.paths import resources_dir


def accept_with(monkeypatch: pytest.MonkeyPatch, fill: Callable[[settings_dialog.SettingsDialog], None]) -> None:
    def fake_exec(self: settings_dialog.SettingsDialog) -> int:
        fill(self)
        return settings_dialog.SettingsDialog.DialogCode.Accepted

    monkeypatch.setattr(settings_dialog.SettingsDialog, "exec", fake_exec)


def test_snapshot_interval_keeps_unsaved_work_as_a_revision(qtbot, real_window, monkeypatch) -> None:
    accept_with(monkeypatch, lambda d: d.snapshot.setValue(3))
    real_window.act_settings.trigger()
    assert load_settings().snapshot_minutes == 3
    snapshots = real_window.snapshots
    assert snapshots.interval_ms == 3 * 60_000  # the timer runs at the new interval at once
    doc, repo = real_window.doc, real_window.link.repo
    assert real_window.files.save()
    assert snapshots.tick() is None  # nothing unsaved: nothing kept
    stored_version = repo.load(doc.issue_id).version
    before = len(repo.revisions(doc.issue_id))
    doc.set_field(("article", 0, 0, "title"), "快照里的标题")
    number = snapshots.tick()
    assert number is not None
    assert repo.revision_issue(doc.issue_id, number).articles()[0].title == "快照里的标题"
    assert len(repo.revisions(doc.issue_id)) == before + 1
    assert repo.load(doc.issue_id).version == stored_version and doc.is_dirty()  # nothing was saved
    assert snapshots.tick() is None  # the same text is not kept twice


def test_display_name_signs_the_state_records(qtbot, real_window, monkeypatch) -> None:
    accept_with(monkeypatch, lambda d: d.display_name.setText("李编辑"))
    real_window.act_settings.trigger()
    assert load_settings().display_name == "李编辑"
    assert real_window.files.save()
    assert real_window.states.submit()
    history = real_window.link.repo.state_history(real_window.doc.issue_id)
    assert history[-1].who == "李编辑"


def test_layout_profile_applies_at_once(qtbot, window, monkeypatch, tmp_path: Path) -> None:
    source = (resources_dir() / "layouts" / "gbt9704-bulletin.toml").read_text(encoding="utf-8")
    other = tmp_path / "other.toml"
    other.write_text(source.replace('label_zh = "GB/T 9704 简报（A4，22 行 × 28 字）"',
                                    'label_zh = "另一版式"', 1), encoding="utf-8")
    monkeypatch.setattr(settings_dialog, "layout_profiles", lambda: [str(other)])
    accept_with(monkeypatch, lambda d: d.profile.setCurrentIndex(d.profile.findData(str(other))))
    window.act_settings.trigger()
    assert load_settings().layout_profile == str(other)
    assert window.runner.profile.label_zh == "另一版式"
    qtbot.waitUntil(lambda: "另一版式" in window.status.profile.text(), timeout=5000)


def _start_until_the_archive(monkeypatch: pytest.MonkeyPatch) -> tuple[list[Path], list[str]]:
    """Run `app.main` with the archive refusing to open: returns (archive paths tried, warning titles)."""
    tried: list[Path] = []
    titles: list[str] = []

    def refuse(path: Path, _settings: Settings, _ask: object = None) -> app_module.Session:
        tried.append(path)
        raise app_module.AppStartError("no")

    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(app_module, "open_session", refuse)
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, title, _text: titles.append(title))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    assert app_module.main() == 1
    return tried, titles


def test_archive_location_and_language_apply_at_the_next_start(qtbot, qapp, monkeypatch, tmp_path) -> None:
    monkeypatch.delenv("BULLETIN_DESK_LANG", raising=False)
    chosen = tmp_path / "elsewhere" / "archive.sqlite3"
    save_settings(Settings(archive_path=str(chosen), language="en"))
    font = qapp.font()
    try:
        tried, titles = _start_until_the_archive(monkeypatch)
        assert tried == [chosen]
        assert titles == ["Cannot Open Archive"]
        save_settings(Settings(archive_path="", language="zh"))
        tried, titles = _start_until_the_archive(monkeypatch)
        assert tried[-1] != chosen and titles[-1] == "无法打开档案"
        monkeypatch.setenv("BULLETIN_DESK_ARCHIVE", str(tmp_path / "env.sqlite3"))  # the override wins
        save_settings(Settings(archive_path=str(chosen)))
        assert app_module.choose_archive(tmp_path / "env.sqlite3", False, load_settings()) == tmp_path / "env.sqlite3"
    finally:
        i18n.clear_language(qapp)
        qapp.setFont(font)
