"""Nothing lost: the journal within 2 s, recovery after SIGKILL of the real app, the archive lock."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bulletin_desk import app as app_module
from bulletin_desk.gui.archive_link import ArchiveLocked, acquire_lock, lock_path, read_lock, release_lock
from bulletin_desk.gui.settings import Settings
from bulletin_desk.gui.testhook import type_text
from bulletin_desk.model import loads

REPO = Path(__file__).resolve().parents[2]


def test_every_change_reaches_the_journal_within_two_seconds(qtbot, window, fake_archive) -> None:
    window.select_node(("article", 0, 0))
    type_text(window.editors.article.source, "（补）")
    typed_at = time.monotonic()
    qtbot.waitUntil(lambda: fake_archive.journal is not None, timeout=2000)
    assert time.monotonic() - typed_at < 2.0
    parked = loads(fake_archive.journal.json_text)
    assert parked.sections[0].articles[0].source == "海淀区文明办（补）"


def test_continuous_typing_still_reaches_the_journal_every_two_seconds(qtbot, window, fake_archive) -> None:
    window.select_node(("article", 0, 0))
    source = window.editors.article.source
    keys: list[float] = []
    while not keys or time.monotonic() - keys[0] < 4.5:  # a keystroke every 0.25 s: the debounce never ends
        type_text(source, "字")
        keys.append(time.monotonic())
        qtbot.wait(250)
    writes = fake_archive.journal_times
    assert len(writes) >= 2
    # every keystroke is in the journal within 2 s: each one is followed by a write less than 2 s later
    for key in keys[:-8]:
        assert any(0 <= write - key < 2.0 for write in writes), (key - keys[0], [w - keys[0] for w in writes])


def test_a_failing_autosave_keeps_a_warning_up_retries_and_clears_it_when_writes_work(
        qtbot, window, fake_archive, monkeypatch) -> None:
    import errno

    from PySide6.QtWidgets import QMessageBox

    from bulletin_desk.gui import autosave

    monkeypatch.setattr(autosave, "RETRY_MS", 50)
    real_put = window.link.journal_put
    full = OSError(errno.ENOSPC, "磁盘已满")
    monkeypatch.setattr(window.link, "journal_put", lambda *a: (_ for _ in ()).throw(full))
    window.select_node(("article", 0, 0))
    type_text(window.editors.article.source, "（补）")
    warning = window.status.autosave_warning
    qtbot.waitUntil(warning.isVisible, timeout=3000)
    assert "磁盘已满" in warning.toolTip()
    # no more typing: the autosaver retries on its own; the third failure in a row opens a dialog
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "autosaveFailedBox") is not None, timeout=3000)
    box = window.findChild(QMessageBox, "autosaveFailedBox")
    assert not box.isModal() and "Ctrl+S" in box.text()
    monkeypatch.setattr(window.link, "journal_put", real_put)
    qtbot.waitUntil(lambda: fake_archive.journal is not None, timeout=3000)
    assert not warning.isVisible()
    assert loads(fake_archive.journal.json_text).sections[0].articles[0].source == "海淀区文明办（补）"
    box.close()


def test_saving_or_undoing_to_the_saved_state_clears_the_journal(qtbot, window, fake_archive) -> None:
    window.select_node(("article", 0, 0))
    type_text(window.editors.article.source, "甲")
    qtbot.waitUntil(lambda: fake_archive.journal is not None, timeout=2000)
    assert window.files.save()
    assert fake_archive.journal is None
    type_text(window.editors.article.source, "乙")
    qtbot.waitUntil(lambda: fake_archive.journal is not None, timeout=2000)
    window.act_undo.trigger()
    assert not window.doc.is_dirty()
    assert fake_archive.journal is None


def test_start_offers_to_restore_the_journal_and_says_when_and_what(qtbot, tmp_path, fake_archive) -> None:
    issue = app_module.reference_sample()
    issue.sections[0].articles[0].title = "崩溃前的标题"
    fake_archive.journal_put(None, __import__("bulletin_desk.model", fromlist=["dumps"]).dumps(issue))
    asked = []

    def answer(_window, entry):
        asked.append(entry)
        return True

    session = app_module.open_session(tmp_path / "a.sqlite3", Settings(), answer)
    try:
        assert asked and asked[0].saved_at and asked[0].issue.sections[0].articles[0].title == "崩溃前的标题"
        assert session.window.doc.issue.sections[0].articles[0].title == "崩溃前的标题"
        assert session.window.doc.is_dirty()  # restored work is unsaved work
    finally:
        session.window.doc.stack.setClean()
        session.close()


# ---- the real app in a subprocess ------------------------------------------------------------------
def _run_app(archive: Path, script: dict, env_base: dict, tmp: Path, name: str) -> subprocess.Popen:
    script_path = tmp / f"{name}.json"
    script_path.write_text(json.dumps(script, ensure_ascii=False), encoding="utf-8")
    env = dict(env_base, BULLETIN_DESK_TEST_HOOK=str(script_path), QT_QPA_PLATFORM="offscreen")
    return subprocess.Popen([sys.executable, "-m", "bulletin_desk", "--archive", str(archive)], env=env,
                            cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _wait_for(path: Path, proc: subprocess.Popen, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while not path.exists():
        if proc.poll() is not None:
            _out, err = proc.communicate()
            pytest.fail(f"app exited early ({proc.returncode}): {err.decode(errors='replace')[-2000:]}")
        if time.monotonic() > deadline:
            proc.kill()
            pytest.fail("the app did not reach the marker in time")
        time.sleep(0.05)


@pytest.mark.slow
def test_edits_survive_sigkill_of_the_real_app(tmp_path: Path) -> None:
    archive = tmp_path / "archive.sqlite3"
    env = dict(os.environ)
    ready = tmp_path / "ready"
    typed = "断电前刚打的字"
    first = _run_app(archive, {"steps": [
        {"select": ["article", 0, 1]},
        {"type": "title", "text": typed},
        {"type": "body", "text": "临时"},
        {"undo": True},  # the undo path: the body edit is taken back, the title stays
        {"wait_journal": True},
        {"marker": str(ready)},
    ]}, env, tmp_path, "first")
    _wait_for(ready, first, 60)
    os.kill(first.pid, signal.SIGKILL)
    first.wait(10)
    assert first.returncode == -signal.SIGKILL
    holder = read_lock(archive)
    assert holder is not None and holder.pid == first.pid  # the dead instance's lock is still there

    dump = tmp_path / "state.json"
    second = _run_app(archive, {"restore": True, "steps": [{"dump": str(dump)}, {"quit": True}]},
                      env, tmp_path, "second")
    _wait_for(dump, second, 60)
    second.wait(30)
    state = json.loads(dump.read_text(encoding="utf-8"))
    assert state["restored"] is True
    assert state["dirty"] is True
    article = state["issue"]["sections"][0]["articles"][1]
    assert article["title"].startswith(typed)  # typed at the cursor, the start of the title
    assert "临时" not in json.dumps(article["paragraphs"], ensure_ascii=False)
    assert any(str(first.pid) in note for note in state["notes"])  # the stale lock was taken over, with a note
    assert second.returncode == 0
    assert read_lock(archive) is None  # released on a clean exit


# ---- the lock --------------------------------------------------------------------------------------
def test_lock_is_written_with_host_pid_time_and_released(tmp_path: Path) -> None:
    archive = tmp_path / "a.sqlite3"
    assert acquire_lock(archive) is None
    holder = read_lock(archive)
    assert (holder.host, holder.pid) == (socket.gethostname(), os.getpid())
    assert holder.since[:4].isdigit()
    release_lock(archive)
    assert not lock_path(archive).exists()


def test_a_live_holder_is_named_and_a_dead_one_is_taken_over(tmp_path: Path, fake_archive) -> None:
    archive = tmp_path / "a.sqlite3"
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        lock_path(archive).write_text(json.dumps({"host": socket.gethostname(), "pid": sleeper.pid,
                                                  "time": "2026-11-28T09:00:00"}), encoding="utf-8")
        with pytest.raises(ArchiveLocked):
            acquire_lock(archive)
        with pytest.raises(app_module.AppStartError) as info:
            app_module.open_session(archive, Settings(), lambda _w, _e: True)
        assert str(sleeper.pid) in info.value.text and socket.gethostname() in info.value.text
        assert "正在被使用" in info.value.text
    finally:
        sleeper.kill()
        sleeper.wait()
    # the holder is gone now: a stale lock on this host is taken over, with a note
    session = app_module.open_session(archive, Settings(), lambda _w, _e: True)
    try:
        assert read_lock(archive).pid == os.getpid()
        assert any(str(sleeper.pid) in note and "已接管" in note for note in session.notes)
    finally:
        session.window.doc.stack.setClean()
        session.close()


def test_another_computers_lock_is_respected(tmp_path: Path) -> None:
    archive = tmp_path / "a.sqlite3"
    lock_path(archive).write_text(json.dumps({"host": "other-pc", "pid": 1, "time": "x"}), encoding="utf-8")
    with pytest.raises(ArchiveLocked) as info:
        acquire_lock(archive)
    assert info.value.holder.host == "other-pc"
