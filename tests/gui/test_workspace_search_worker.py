"""The workspace searches on a worker: the window keeps turning while the index is rebuilt, a newer
query's hits replace an older one's, typing is debounced, and closing during a build stops it."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QTimer

from bulletin_desk.archive import search_index as si
from bulletin_desk.gui.search_runner import _shared_pool
from bulletin_desk.gui.workspace import WorkspaceDialog


def _index_gone(window: Any) -> Path:
    """The archive holds the sample and a saved issue; its search index file is deleted (a rebuild is due)."""
    assert window.files.save_as_new()
    index = window.link.repo.search_index
    index.flush()
    index._discard()
    assert not index.path.exists()
    return index.path


def _slow_synchronise(monkeypatch: pytest.MonkeyPatch, steps: int, pause: float) -> list[int]:
    """Every synchronise that reports progress first reports ``steps`` slow steps (a big archive's build)."""
    real = si.synchronise
    calls: list[int] = []

    def slow(conn: Any, archive: Any, *, force: bool = False,
             progress: Callable[[int, int], None] | None = None) -> si.SyncReport:
        if progress is not None:
            calls.append(1)
            for n in range(steps):
                time.sleep(pause)
                progress(n, steps)
        return real(conn, archive, force=force, progress=progress)

    monkeypatch.setattr(si, "synchronise", slow)
    return calls


def _workspace(qtbot: Any, window: Any) -> WorkspaceDialog:
    dialog = WorkspaceDialog(window, 1)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_event_loop_turns_while_the_index_is_rebuilt_and_hits_arrive(qtbot, real_window, monkeypatch) -> None:
    path = _index_gone(real_window)
    _slow_synchronise(monkeypatch, steps=12, pause=0.05)
    dialog = _workspace(qtbot, real_window)
    ticks: list[float] = []
    heartbeat = QTimer()
    heartbeat.setInterval(20)
    heartbeat.timeout.connect(lambda: ticks.append(time.perf_counter()))
    heartbeat.start()
    seen: dict[str, Any] = {}

    def on_progress(_kind: str, done: int, total: int) -> None:
        seen.setdefault("first", len(ticks))
        seen.setdefault("bar", (dialog.progress.isVisible(), dialog.progress.maximum(), dialog.status.text()))

    dialog.runner.progress.connect(on_progress)
    dialog.query.setText("暖心桥")
    started = time.perf_counter()
    with qtbot.waitSignal(dialog.searched, timeout=20000) as blocker:
        dialog.search()
        assert time.perf_counter() - started < 0.2  # search() returns at once
        assert dialog.hit_count.text() == "正在检索…"
    heartbeat.stop()
    hits = blocker.args[0]
    assert hits and all("暖心桥" in h.text for h in hits) and dialog.hits_list.count() == len(hits)
    assert len(ticks) - seen["first"] >= 5  # the heartbeat kept firing while the index was built
    visible, maximum, status = seen["bar"]
    assert visible and maximum == 12 and status.startswith("正在建立检索索引")
    assert path.exists() and not dialog.progress.isVisible() and dialog.status.text() == ""


def test_newer_query_replaces_older_and_typing_is_debounced(qtbot, real_window, monkeypatch) -> None:
    _index_gone(real_window)
    _slow_synchronise(monkeypatch, steps=6, pause=0.05)
    dialog = _workspace(qtbot, real_window)
    shown: list[str] = []
    dialog.searched.connect(lambda _hits: shown.append(dialog.shown_query))
    dialog.query.setText("暖心桥")
    dialog.search()  # slow: builds the index first
    dialog.query.setText("文明")
    with qtbot.waitSignal(dialog.searched, timeout=20000) as blocker:
        dialog.search()
    assert dialog.runner.wait_idle(5000)
    qtbot.wait(50)
    assert shown == ["文明"]  # the older query's hits were never shown
    assert blocker.args[0] and all("文明" in h.text for h in blocker.args[0])

    dialog.query.clear()
    with qtbot.waitSignal(dialog.searched, timeout=5000):
        qtbot.keyClicks(dialog.query, "xyz")  # (QTest types ASCII only)
        assert not shown[1:]  # nothing while typing: the search waits for a pause
    assert shown[-1] == "xyz" and len(shown) == 2  # one search for the whole word


def test_closing_during_a_build_stops_it_quickly(qtbot, real_window, monkeypatch) -> None:
    path = _index_gone(real_window)
    _slow_synchronise(monkeypatch, steps=200, pause=0.05)  # 10 s, were it not stopped
    dialog = WorkspaceDialog(real_window, 1)  # deleted below, as open_workspace does
    dialog.show()
    shown: list[object] = []
    dialog.searched.connect(shown.append)
    dialog.query.setText("暖心桥")
    with qtbot.waitSignal(dialog.runner.progress, timeout=10000):
        dialog.search()
    started = time.perf_counter()
    dialog.reject()
    dialog.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert time.perf_counter() - started < 0.5  # deleting the dialog does not wait for the worker
    assert _shared_pool().waitForDone(3000)
    assert time.perf_counter() - started < 1.0  # the build stopped at its next progress report
    qtbot.wait(100)
    assert shown == []  # nothing delivered to the closed dialog
    if path.exists():  # rolled back: rebuilt by the next search
        with contextlib.closing(si.connect_index(path)) as conn:
            assert not si.current_for(conn)
    assert real_window.link.repo.search("暖心桥")  # and the next search builds it
