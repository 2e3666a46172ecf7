"""Errors of the archive room, and the one place that turns SQLite failures into them.

SQLite reports a full disk, a lock held too long, a read-only file and a damaged file as different
error names; the editor needs to know which of the four happened and what to do, never a traceback.
`translate` maps the driver's error onto an `ArchiveError` carrying a catalogue code.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from bulletin_desk.catalogue import BulletinDeskError


class ArchiveError(BulletinDeskError):
    """The archive cannot do what was asked; the message says why and what to do."""


class ConflictError(ArchiveError):
    """A save against a stale version: someone else saved the issue in between (no silent lost update)."""

    def __init__(self, issue_id: int, expected: int, found: int, saved_at: str) -> None:
        super().__init__("archive.conflict", issue=issue_id, expected=expected, found=found, saved_at=saved_at)
        self.issue_id = issue_id
        self.expected = expected
        self.found = found


class CorruptArchiveError(ArchiveError):
    """The file is not a readable archive; nothing was written to it. ``backup`` is the newest backup, if any."""

    def __init__(self, path: Path, detail: str, backup: Path | None) -> None:
        if backup is None:
            super().__init__("archive.corrupt_no_backup", path=str(path), detail=detail)
        else:
            super().__init__("archive.corrupt", path=str(path), detail=detail, backup=str(backup))
        self.path = path
        self.backup = backup


class NotFoundError(ArchiveError):
    """No issue with that id (or no revision with that number)."""


class ReadOnlyError(ArchiveError):
    """The issue is 已签发 (signed): nothing may change it until a new revision is opened deliberately.

    Raised by the repository itself (save, trash, restore_revision …), so the GUI and the CLI cannot
    forget the rule.
    """

    def __init__(self, issue_id: int, label: str = "") -> None:
        super().__init__("archive.read_only_signed", issue=issue_id, label=label)
        self.issue_id = issue_id


def _sqlite_error(exc: BaseException) -> sqlite3.Error | None:
    seen: set[int] = set()
    cur: BaseException | None = exc
    while cur is not None and id(cur) not in seen:
        seen.add(id(cur))
        if isinstance(cur, sqlite3.Error):
            return cur
        orig = getattr(cur, "orig", None)
        if isinstance(orig, sqlite3.Error):
            return orig
        cur = cur.__cause__ or cur.__context__
    return None


def error_name(exc: BaseException) -> str:
    """SQLite's error name (``SQLITE_FULL``…) of an exception or its cause; '' when there is none."""
    err = _sqlite_error(exc)
    if err is None:
        return ""
    name = getattr(err, "sqlite_errorname", "") or ""
    if name:
        return name
    text = str(err).lower()  # errors raised before a statement ran carry no code
    for needle, guessed in (("disk is full", "SQLITE_FULL"), ("locked", "SQLITE_BUSY"),
                            ("readonly", "SQLITE_READONLY"), ("unable to open", "SQLITE_CANTOPEN"),
                            ("malformed", "SQLITE_CORRUPT"), ("not a database", "SQLITE_NOTADB")):
        if needle in text:
            return guessed
    return ""


def is_corruption(exc: BaseException) -> bool:
    return error_name(exc).startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB"))


def translate(exc: BaseException, path: Path) -> ArchiveError | None:
    """The ArchiveError for a driver error, or None when it is not one the user can act on."""
    name = error_name(exc)
    detail = str(_sqlite_error(exc) or exc)
    if name.startswith("SQLITE_FULL"):
        return ArchiveError("archive.full", path=str(path))
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return ArchiveError("archive.locked", path=str(path))
    if name.startswith(("SQLITE_READONLY", "SQLITE_CANTOPEN", "SQLITE_PERM", "SQLITE_AUTH")):
        return ArchiveError("archive.readonly", path=str(path))
    if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")):
        from bulletin_desk.archive.backups import latest_backup

        return CorruptArchiveError(path, detail, latest_backup(path))
    if name.startswith("SQLITE_IOERR"):
        return ArchiveError("archive.io_error", path=str(path), detail=detail)
    return None
