"""Periodic revision snapshots: the 设置 interval (修订快照间隔) at work.

The journal (autosave.py) guards against crashes within 2 s, but it holds only the latest state and
is cleared on save. Between explicit saves an editor may want to go back to how the text read an hour
ago: every ``snapshot_minutes`` the working copy of a stored issue with unsaved edits is kept as a
revision in the archive (`IssueRepository.keep_snapshot`), visible and restorable in 修订记录. Nothing
is saved by this — the stored version and the unsaved mark stay — and an unchanged copy is not kept twice.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from bulletin_desk.gui.archive_link import ArchiveLink
from bulletin_desk.gui.document import IssueDocument
from bulletin_desk.model import dumps

MIN_MINUTES, MAX_MINUTES = 1, 240  # the 设置 spin box's range


class RevisionSnapshots(QObject):
    kept = Signal(int)  # revision number of a snapshot just kept
    failed = Signal(str)

    def __init__(self, doc: IssueDocument, link: ArchiveLink | None, minutes: int,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.link = link
        self._last: tuple[int, str] | None = None  # (issue id, text) of the last snapshot kept
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.tick)
        self.set_interval(minutes)

    @property
    def interval_ms(self) -> int:
        return self._timer.interval()

    def set_interval(self, minutes: int) -> None:
        """Use a new interval (设置 → OK), counted from now."""
        minutes = min(MAX_MINUTES, max(MIN_MINUTES, int(minutes)))
        self._timer.start(minutes * 60_000)

    def tick(self) -> int | None:
        """Keep a snapshot if a stored issue has unsaved edits not kept yet; returns its number."""
        doc = self.doc
        if self.link is None or doc.issue_id is None or not doc.is_dirty():
            return None
        text = dumps(doc.issue)
        if self._last == (doc.issue_id, text):
            return None
        try:
            number = self.link.keep_snapshot(doc.issue_id, doc.issue)
        except Exception as exc:  # a signed issue (read-only) or a busy archive: say so, keep editing
            self.failed.emit(str(exc))
            return None
        if number is None:
            return None
        self._last = (doc.issue_id, text)
        self.kept.emit(number)
        return number
