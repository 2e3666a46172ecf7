"""The archive room: issues in SQLite (SQLAlchemy 2 + Alembic), shared by the GUI and the CLI.

Front door: ``open_archive(path, *, create=True) -> Archive``; ``Archive.issues`` is the
`IssueRepository`. Only this package speaks SQL (architecture.md, rule 2).

Names are loaded on first use (PEP 562): ``bulletin_desk.archive.listing.quick_list`` and the
records can be used without importing SQLAlchemy, which is what keeps a cold `bulletin-desk list` fast.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

_EXPORTS = {
    "latest_backup": "backups", "list_backups": "backups", "make_backup": "backups", "restore_backup": "backups",
    "make_daily_backup": "backups", "export_archive": "transfer", "import_archive": "transfer",
    "validate_archive_file": "transfer",
    "ArchiveError": "errors", "ConflictError": "errors", "CorruptArchiveError": "errors", "NotFoundError": "errors",
    "ReadOnlyError": "errors", "IssueState": "records", "StateChange": "records", "StatRow": "records",
    "Submission": "records", "SubmissionState": "records",
    "IssueSummary": "records", "JournalEntry": "records", "NumberClash": "records", "NumberGap": "records",
    "NumberingReport": "records", "NumberProposal": "records", "RevisionInfo": "records", "StoredIssue": "records",
    "IssueRepository": "repository",
    "Archive": "store", "ArchiveInfo": "store", "CheckResult": "store", "open_archive": "store",
    "quick_list": "listing",
}

if TYPE_CHECKING:
    from bulletin_desk.archive.backups import (
        latest_backup,
        list_backups,
        make_backup,
        make_daily_backup,
        restore_backup,
    )
    from bulletin_desk.archive.errors import (
        ArchiveError,
        ConflictError,
        CorruptArchiveError,
        NotFoundError,
        ReadOnlyError,
    )
    from bulletin_desk.archive.listing import quick_list
    from bulletin_desk.archive.records import (
        IssueState,
        IssueSummary,
        JournalEntry,
        NumberClash,
        NumberGap,
        NumberingReport,
        NumberProposal,
        RevisionInfo,
        StateChange,
        StatRow,
        StoredIssue,
        Submission,
        SubmissionState,
    )
    from bulletin_desk.archive.repository import IssueRepository
    from bulletin_desk.archive.store import Archive, ArchiveInfo, CheckResult, open_archive
    from bulletin_desk.archive.transfer import export_archive, import_archive, validate_archive_file


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'bulletin_desk.archive' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"bulletin_desk.archive.{module}"), name)
    globals()[name] = value
    return value


__all__ = [
    "Archive",
    "ArchiveError",
    "ArchiveInfo",
    "CheckResult",
    "ConflictError",
    "CorruptArchiveError",
    "IssueRepository",
    "IssueState",
    "IssueSummary",
    "JournalEntry",
    "NotFoundError",
    "NumberClash",
    "NumberGap",
    "NumberProposal",
    "NumberingReport",
    "ReadOnlyError",
    "RevisionInfo",
    "StatRow",
    "StateChange",
    "StoredIssue",
    "Submission",
    "SubmissionState",
    "export_archive",
    "import_archive",
    "latest_backup",
    "list_backups",
    "make_backup",
    "make_daily_backup",
    "open_archive",
    "quick_list",
    "restore_backup",
    "validate_archive_file",
]
