"""Archive searches off the GUI thread: one worker, latest request of each kind wins, cancel on close.

Why: the first search of a freshly upgraded or large archive builds the search index (a minute on
10,000 issues before it was made faster, seconds now), and even a current index answers in tens of
milliseconds — neither may freeze the window. So the workspace hands each search (and each 栏目/
source filter lookup) to this runner as a function, and gets the result back by signal.

Why one worker thread: two searches at once would both try to build or bring the index in step, and
the second would wait on the index file's write lock (and fail after its busy timeout). One thread
runs the requests in turn; a request that arrives while another of its kind waits replaces it, and a
result whose kind has been asked again since is dropped — a stale result never overwrites a newer one.

Thread rules: the work touches only the repository, never a widget. The repository is safe to call
from the worker: the archive engine's pool hands each thread its own SQLite connection
(``check_same_thread=False``, one user at a time), and the search index opens a connection per call.

Cancel-safe: `close` (the dialog closing) drops what waits and sets a flag that the progress callback
turns into `Cancelled` inside the next progress report, so an index build stops within one batch
(its transaction rolled back: the index file is as before) instead of keeping the application alive.
The worker thread belongs to one pool shared by every runner (`_shared_pool`), not to the dialog:
deleting a closed dialog never waits for the worker, and a search from the next dialog simply runs
after what is still finishing — never two index builds at once.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

Progress = Callable[[int, int], None]
Work = Callable[[Progress], object]


_POOL: list[QThreadPool] = []


def _shared_pool() -> QThreadPool:
    """One worker thread for every runner of the application (made on first use)."""
    if not _POOL:
        pool = QThreadPool()
        pool.setMaxThreadCount(1)
        _POOL.append(pool)
    return _POOL[0]


class Cancelled(Exception):
    """Raised inside the work by the progress callback once the runner is closed."""


class _Signals(QObject):
    # Emitted from the worker; Qt delivers them queued to the runner's (GUI) thread.
    progress = Signal(str, int, int, int)  # kind, generation, done, total
    done = Signal(str, int, object)  # kind, generation, result or Exception


class _Job(QRunnable):
    def __init__(self, kind: str, generation: int, work: Work, signals: _Signals, closed: threading.Event) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._kind, self._generation, self._work = kind, generation, work
        self._signals, self._closed = signals, closed

    def _progress(self, done: int, total: int) -> None:
        if self._closed.is_set():
            raise Cancelled
        self._signals.progress.emit(self._kind, self._generation, done, total)

    def run(self) -> None:
        try:
            result: object = Cancelled() if self._closed.is_set() else self._work(self._progress)
        except Exception as exc:  # delivered to the GUI thread, which reports it
            result = exc
        self._signals.done.emit(self._kind, self._generation, result)


class SearchRunner(QObject):
    """Runs search work on one worker thread; `finished` carries each kind's newest result only."""

    finished = Signal(str, object)  # kind, result (an Exception when the work failed)
    progress = Signal(str, int, int)  # kind, done, total (an index being built or brought in step)
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = _shared_pool()
        self._signals = _Signals()
        self._signals.done.connect(self._on_done)
        self._signals.progress.connect(self._on_progress)
        self._closed = threading.Event()
        self._generation = 0
        self._latest: dict[str, int] = {}
        self._pending: dict[str, tuple[int, Work]] = {}
        self._running = False
        self._running_kind, self._running_generation = "", 0

    def request(self, kind: str, work: Work) -> None:
        """Run ``work(progress)`` after what is running; replaces a request of ``kind`` still waiting."""
        if self._closed.is_set():
            return
        self._generation += 1
        self._latest[kind] = self._generation
        self._pending[kind] = (self._generation, work)
        if not self._running:
            self.busy_changed.emit(True)
        self._start_next()

    def forget(self, kind: str) -> None:
        """Drop the waiting request of ``kind`` and ignore the result of one running."""
        self._generation += 1
        self._latest[kind] = self._generation
        self._pending.pop(kind, None)

    def is_busy(self, kind: str | None = None) -> bool:
        """Work waiting or running (of ``kind``, when given, and still wanted)."""
        if kind is None:
            return self._running or bool(self._pending)
        return kind in self._pending or (self._running and self._running_kind == kind
                                         and self._latest.get(kind) == self._running_generation)

    def close(self) -> None:
        """Stop: nothing waiting is started, a running index build stops at its next progress report."""
        self._closed.set()
        self._pending.clear()

    def wait_idle(self, timeout_ms: int = 10000) -> bool:
        """For tests: wait for the (shared) worker; its results still arrive through the event loop."""
        return self._pool.waitForDone(timeout_ms)

    def _start_next(self) -> None:
        if self._running or not self._pending or self._closed.is_set():
            return
        kind = min(self._pending, key=lambda k: self._pending[k][0])  # oldest request first
        generation, work = self._pending.pop(kind)
        self._running, self._running_kind, self._running_generation = True, kind, generation
        self._pool.start(_Job(kind, generation, work, self._signals, self._closed))

    def _on_progress(self, kind: str, generation: int, done: int, total: int) -> None:
        if not self._closed.is_set():
            self.progress.emit(kind, done, total)

    def _on_done(self, kind: str, generation: int, result: object) -> None:
        self._running = False
        if self._closed.is_set():
            return
        if self._latest.get(kind) == generation:
            self.finished.emit(kind, result)
        self._start_next()
        if not self._running:
            self.busy_changed.emit(False)


__all__ = ["Cancelled", "SearchRunner"]
