"""Autosave to the archive's journal: every change is there within 2 s of the last keystroke.

A short debounce (so a burst of typing is one write) plus a ceiling (so continuous typing still
reaches the journal every 2 s). The journal is cleared when the issue is saved or undone back to
its saved state. Periodic revision snapshots (the 设置 interval) are gui/snapshots.py's: they keep
a working copy in the archive's revisions, a different thing from this crash guard.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, QTimer, Signal

from bulletin_desk.gui.archive_link import ArchiveLink
from bulletin_desk.gui.document import IssueDocument

DEBOUNCE_MS = 700
CEILING_S = 1.8
RETRY_MS = 10_000  # a failed journal write is tried again, even when no further edit comes


class JournalAutosaver(QObject):
    failed = Signal(str)  # a journal write failed; the window keeps a warning up until one succeeds
    flushed = Signal()
    recovered = Signal()  # the first successful write after failures


    def __init__(self, doc: IssueDocument, link: ArchiveLink | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.link = link
        self._pending_since: float | None = None
        self.failures = 0  # consecutive failed writes
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.flush)
        doc.changed.connect(self._on_changed)
        doc.stack.cleanChanged.connect(self._on_clean_changed)

    def pending(self) -> bool:
        return self._pending_since is not None

    def _on_changed(self) -> None:
        # No "is it dirty?" check here: the change signal comes from inside QUndoStack.push, before
        # the stack counts the new step, so the very first keystroke would look clean.
        now = time.monotonic()
        if self._pending_since is None:
            self._pending_since = now
        left_to_ceiling = max(0.0, CEILING_S - (now - self._pending_since))
        self._timer.start(int(min(DEBOUNCE_MS, left_to_ceiling * 1000)))

    def _on_clean_changed(self, clean: bool) -> None:
        if clean:
            self._timer.stop()
            self._pending_since = None
            if self.link is not None:
                try:
                    self.link.journal_clear()
                except Exception as exc:
                    self.failed.emit(str(exc))

    def flush(self) -> None:
        """Write the issue to the journal now (also called before quitting)."""
        self._timer.stop()
        if self._pending_since is None:
            return
        self._pending_since = None
        if self.link is None or not self.doc.is_dirty():
            return
        try:
            self.link.journal_put(self.doc.issue_id, self.doc.issue)
        except Exception as exc:
            # still unsaved: stay pending and try again, so the journal catches up once the disk
            # has room or the lock is gone, even if the editor has stopped typing
            self.failures += 1
            self._pending_since = time.monotonic()
            self._timer.start(RETRY_MS)
            self.failed.emit(str(exc))
            return
        if self.failures:
            self.failures = 0
            self.recovered.emit()
        self.flushed.emit()
