"""Layout off the GUI thread: debounced, skipped when nothing changed, latest wins.

Every document change restarts a short timer; when it fires, the issue's JSON (the same text the
journal stores) is hashed, and an unchanged hash means no work. Otherwise a snapshot of the issue
is laid out on a worker thread. Only one job runs at a time; a request that arrives meanwhile is
remembered, and when the job ends only the newest request is started, so a stale result is never
shown after a fresher one.
"""

from __future__ import annotations

import copy
import hashlib
import time
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from bulletin_desk.gui.document import IssueDocument, article_hints
from bulletin_desk.model import Issue, dumps

DEBOUNCE_MS = 300
# Continuous typing keeps restarting the debounce; at the latest this long after the first
# unseen change the preview is laid out anyway, so a fast typist still sees the pages move.
MAX_WAIT_MS = 1000


def layout_engine() -> tuple[Any, Any] | None:
    """(load_profile, layout_issue) from the layout room, or None while it is not installed."""
    try:
        from bulletin_desk.layout import layout_issue, load_profile  # type: ignore[attr-defined]
    except ImportError:
        return None
    return load_profile, layout_issue


class _Signals(QObject):
    done = Signal(int, object, float)  # generation, PageLayout or Exception, seconds
    # Qt delivers this queued to the runner's (GUI) thread.


class _LayoutJob(QRunnable):
    def __init__(self, generation: int, issue: Issue, profile: Any, previous: Any, signals: _Signals) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._generation = generation
        self._issue = issue
        self._profile = profile
        self._previous = previous
        self._signals = signals

    def run(self) -> None:
        started = time.perf_counter()
        try:
            engine = layout_engine()
            assert engine is not None
            _load_profile, layout_issue = engine
            try:
                result: object = layout_issue(self._issue, self._profile, previous=self._previous)
            except TypeError:
                result = layout_issue(self._issue, self._profile)
        except Exception as exc:
            result = exc
        self._signals.done.emit(self._generation, result, time.perf_counter() - started)


class LayoutRunner(QObject):
    """Turns document changes into PageLayouts for the preview and the status bar."""

    layout_ready = Signal(object)  # PageLayout
    layout_failed = Signal(object)  # the Exception; the window words it and logs an internal one
    busy_changed = Signal(bool)

    def __init__(self, doc: IssueDocument, profile_name: str = "", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.available = layout_engine() is not None
        self.profile: Any = None
        self.profile_name = profile_name
        self.load_error: str | None = None
        if self.available:
            self.set_profile(profile_name)
        self.layout: Any = None
        self.last_seconds = 0.0
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._signals = _Signals()
        self._signals.done.connect(self._on_done)
        self._generation = 0
        self._running = False
        self._pending: tuple[int, Issue, str] | None = None
        self._last_hash = ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.request_now)
        self._first_unseen = 0.0
        doc.changed.connect(self._on_changed)

    def set_profile(self, name: str) -> None:
        engine = layout_engine()
        if engine is None:
            return
        load_profile = engine[0]
        try:
            self.profile = load_profile(name) if name else load_profile()
            self.profile_name = getattr(self.profile, "name", name) or name
            self.load_error = None
        except Exception as exc:
            self.profile = None
            self.load_error = str(exc)
        self._last_hash = ""

    def _on_changed(self) -> None:
        """Debounce: lay out 300 ms after the last change, but never later than 1 s after the first."""
        now = time.monotonic()
        if not self._timer.isActive():
            self._first_unseen = now
        left_ms = MAX_WAIT_MS - (now - self._first_unseen) * 1000.0
        self._timer.start(int(max(0.0, min(DEBOUNCE_MS, left_ms))))

    def request_now(self) -> None:
        """Lay out the current issue unless it is unchanged since the last layout."""
        self._timer.stop()
        if not self.available or self.profile is None:
            return
        text = dumps(self.doc.issue) + repr(article_hints(self.doc.issue))  # hints are not in the JSON
        digest = hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()
        if digest == self._last_hash:
            return
        self._generation += 1
        self._pending = (self._generation, copy.deepcopy(self.doc.issue), digest)
        self._start_pending()

    def _start_pending(self) -> None:
        if self._running or self._pending is None:
            return
        generation, issue, digest = self._pending
        self._pending = None
        self._running = True
        self._running_hash = digest
        self.busy_changed.emit(True)
        self._pool.start(_LayoutJob(generation, issue, self.profile, self.layout, self._signals))

    def _on_done(self, generation: int, result: object, seconds: float) -> None:
        self._running = False
        stale = self._pending is not None and self._pending[0] > generation
        if not stale:
            self.busy_changed.emit(False)
            if isinstance(result, Exception):
                self._last_hash = ""
                self.layout_failed.emit(result)
            else:
                self._last_hash = self._running_hash
                self.layout = result
                self.last_seconds = seconds
                self.layout_ready.emit(result)
        self._start_pending()

    def wait_idle(self, timeout_ms: int = 10000) -> bool:
        """For tests and benchmarks: finish pending work (the pool's queue)."""
        return self._pool.waitForDone(timeout_ms)

    def is_idle(self) -> bool:
        return not self._running and self._pending is None and not self._timer.isActive()
