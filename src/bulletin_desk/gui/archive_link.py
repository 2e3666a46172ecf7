"""The window's one door to the archive room (bulletin_desk.archive), and the lock file.

The GUI speaks to the archive only through this small adapter, so the window, the tests and the
crash-recovery path share one set of calls: list, load, save (with the stored version, so a stale
save is refused), number proposals, and the autosave journal.

The lock beside the archive (``archive.sqlite3.lock``: host, pid, time) is written only after the
archive opened successfully. A second instance reads it and says who holds it; a lock left by a
dead process on this host is taken over with a note.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import json
import os
import socket
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from bulletin_desk.fileio import atomic_write_text
from bulletin_desk.gui.document import apply_article_hints, article_hints
from bulletin_desk.model import Issue, Masthead, dumps, issue_label, loads

# Not interface text (tests/gui/test_i18n.py): the ideographic space separates a bulletin's own Chinese
# fields (series, 第N期, first title) in a list label, in either interface language.
NOT_TRANSLATED = frozenset({"　"})


JOURNAL_ENVELOPE = "bulletin-desk-journal"  # marks a parked issue that carries layout hints


@dataclass(frozen=True)
class IssueRow:
    """One line of the 打开 list."""

    issue_id: int
    label: str  # 首都精神文明建设情况简报 2020年第19期（总第2128期）
    updated: str  # when it was last saved, as the archive reports it


@dataclass(frozen=True)
class JournalEntry:
    """Unsaved work found at start-up."""

    issue_id: int | None
    issue: Issue
    saved_at: str


class ArchiveUnavailable(RuntimeError):
    """The archive room is not installed or the file cannot be opened."""


class ArchiveLink:
    """Adapter over `bulletin_desk.archive.Archive` with the calls the window needs."""

    def __init__(self, archive: Any, path: Path) -> None:
        self.archive = archive
        self.path = path

    @classmethod
    def open(cls, path: Path) -> ArchiveLink:
        try:
            from bulletin_desk.archive import open_archive  # type: ignore[attr-defined]
        except ImportError as exc:
            raise ArchiveUnavailable(str(exc)) from exc
        return cls(open_archive(path), path)

    def _repo(self) -> Any:
        return self.archive.issues

    @property
    def repo(self) -> Any:
        """The archive's IssueRepository, for the dialogs of the archive workspace (they call the core)."""
        return self.archive.issues

    def state(self, issue_id: int | None) -> str:
        """The stored issue's state (draft/review/signed); draft for a new issue or an archive without states."""
        if issue_id is None or not hasattr(self._repo(), "state"):
            return "draft"
        return str(self._repo().state(issue_id).value)

    def reopen(self) -> None:
        """Open the archive file again (after a restore or an import replaced it)."""
        from bulletin_desk.archive import open_archive  # type: ignore[attr-defined]

        self.archive = open_archive(self.path)

    def _journal_owner(self) -> Any:
        return self.archive if hasattr(self.archive, "journal_put") else self._repo()

    # ---- issues ----------------------------------------------------------------------------------
    def list_issues(self) -> list[IssueRow]:
        rows = []
        for item in self._repo().list():
            issue_id = getattr(item, "id", None)
            if issue_id is None:
                issue_id = getattr(item, "issue_id", None)
            label = getattr(item, "label", None)
            if label is not None:
                series = getattr(item, "series", "") or ""
                first = getattr(item, "first_title", "") or ""
                label = f"{series} {label}　{first}".strip()
                if getattr(item, "is_sample", False):
                    label += "　" + QCoreApplication.translate("ArchiveLink", "（示例）")
            else:
                issue = getattr(item, "issue", None)
                if issue is not None:
                    label = f"{issue.masthead.title} {issue_label(issue.masthead)}"
                else:
                    label = " ".join(str(getattr(item, k, "")) for k in ("title", "year", "number") if
                                     getattr(item, k, None) is not None)
            updated = getattr(item, "updated_at", None) or getattr(item, "updated", None) or ""
            rows.append(IssueRow(int(issue_id), str(label), str(updated)[:16]))
        return rows

    def load(self, issue_id: int) -> tuple[Issue, int, int]:
        stored = self._repo().load(issue_id)
        return stored.issue, stored.id, stored.version

    def latest_issue(self) -> Issue | None:
        rows = self.list_issues()
        if not rows:
            return None
        return self.load(rows[0].issue_id)[0]

    def save(self, issue: Issue, issue_id: int | None, version: int | None) -> tuple[int, int]:
        stored = self._repo().save(issue, issue_id=issue_id, expected_version=version)
        return stored.id, stored.version

    def same_numbers(self, masthead: Masthead, own_id: int | None) -> list[str]:
        """Labels of other stored issues of the same bulletin with the same 第N期 (year) or 总第M期."""
        if masthead.number is None and masthead.total_number is None:
            return []
        clashes = []
        for row in self.list_issues():
            if row.issue_id == own_id:
                continue
            other = self.load(row.issue_id)[0].masthead
            if other.title != masthead.title or other.supplement != masthead.supplement:
                continue
            same_number = (masthead.number is not None and other.number == masthead.number
                           and other.date is not None and masthead.date is not None
                           and other.date.year == masthead.date.year)
            same_total = masthead.total_number is not None and other.total_number == masthead.total_number
            if same_number or same_total:
                clashes.append(row.label)
        return clashes

    def propose_numbers(self, series: str, year: int, supplement: bool) -> tuple[int | None, int | None] | None:
        proposal = self._repo().propose_numbers(series, year, supplement)
        if proposal is None:
            return None
        if isinstance(proposal, tuple):
            return proposal[0], proposal[1]
        return getattr(proposal, "number", None), getattr(proposal, "total_number", None)

    # ---- journal -------------------------------------------------------------------------------
    def keep_snapshot(self, issue_id: int, issue: Issue) -> int | None:
        """Keep the unsaved working copy as a revision (the 设置 interval); None when the archive cannot."""
        keep = getattr(self._repo(), "keep_snapshot", None)
        return None if keep is None else int(keep(issue_id, issue))

    def journal_put(self, issue_id: int | None, issue: Issue) -> None:
        """Park the issue; with layout hints, as a small envelope (bulletin-desk/1 has no key for them)."""
        text = dumps(issue)
        hints = article_hints(issue)
        if hints:
            text = json.dumps({JOURNAL_ENVELOPE: 1, "issue": json.loads(text), "hints": hints}, ensure_ascii=False)
        self._journal_owner().journal_put(issue_id, text)

    def journal_get(self) -> JournalEntry | None:
        entry = self._journal_owner().journal_get()
        if entry is None:
            return None
        if isinstance(entry, tuple):
            issue_id, text, saved_at = ([*list(entry), None, None, None])[:3]
        else:
            issue_id = getattr(entry, "issue_id", None)
            text = getattr(entry, "json_text", None) or getattr(entry, "text", None)
            saved_at = getattr(entry, "saved_at", None) or getattr(entry, "updated_at", None)
        if not text:
            return None
        return JournalEntry(issue_id, _journal_issue(text), str(saved_at or "")[:19])

    def journal_clear(self) -> None:
        self._journal_owner().journal_clear()

    def close(self) -> None:
        close = getattr(self.archive, "close", None)
        if close is not None:
            close()


def _journal_issue(text: str) -> Issue:
    """The issue parked by `journal_put`: plain bulletin-desk/1 JSON, or the envelope with hints."""
    try:
        data = json.loads(text)
    except ValueError:
        data = None
    if isinstance(data, dict) and JOURNAL_ENVELOPE in data:
        issue = loads(json.dumps(data.get("issue"), ensure_ascii=False))
        apply_article_hints(issue, data.get("hints"))
        return issue
    return loads(text)


# ---- the single-instance lock ---------------------------------------------------------------------
@dataclass(frozen=True)
class LockHolder:
    host: str
    pid: int
    since: str


class ArchiveLocked(RuntimeError):
    """Another running instance holds the archive."""

    def __init__(self, holder: LockHolder) -> None:
        super().__init__(f"{holder.host} pid {holder.pid} since {holder.since}")
        self.holder = holder


def lock_path(archive: Path) -> Path:
    return archive.with_name(archive.name + ".lock")


def _pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if os.name == "nt":  # pragma: no cover - Windows
        import ctypes

        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        ctypes.windll.kernel32.CloseHandle(handle)
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def read_lock(archive: Path) -> LockHolder | None:
    try:
        data = json.loads(lock_path(archive).read_text(encoding="utf-8"))
        return LockHolder(str(data["host"]), int(data["pid"]), str(data["time"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def acquire_lock(archive: Path) -> LockHolder | None:
    """Write our lock; raise ArchiveLocked if a live instance holds it.

    Returns the stale holder that was taken over (for the note to the user), else None.
    """
    holder = read_lock(archive)
    me = socket.gethostname()
    stale: LockHolder | None = None
    if holder is not None and holder.pid != os.getpid():
        if holder.host != me or _pid_alive(holder.pid):
            # Another computer's lock cannot be checked: treat it as held (the archive may be shared).
            raise ArchiveLocked(holder)
        stale = holder
    now = _dt.datetime.now().isoformat(timespec="seconds")
    atomic_write_text(lock_path(archive), json.dumps({"host": me, "pid": os.getpid(), "time": now}))
    return stale


def release_lock(archive: Path) -> None:
    holder = read_lock(archive)
    if holder is not None and holder.pid == os.getpid() and holder.host == socket.gethostname():
        with contextlib.suppress(OSError):
            lock_path(archive).unlink()
