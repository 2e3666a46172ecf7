"""The archive room: issues in SQLite (SQLAlchemy 2 + Alembic), shared by the GUI and the CLI.

Front door: ``open_archive(path, *, create=True) -> Archive``; ``Archive.issues`` is the
`IssueRepository`. Only this package speaks SQL (architecture.md, rule 2).
"""

from bulletin_desk.archive.backups import latest_backup, list_backups, make_backup, restore_backup
from bulletin_desk.archive.errors import ArchiveError, ConflictError, CorruptArchiveError, NotFoundError
from bulletin_desk.archive.records import (
    IssueSummary,
    JournalEntry,
    NumberClash,
    NumberGap,
    NumberingReport,
    NumberProposal,
    RevisionInfo,
    StoredIssue,
)
from bulletin_desk.archive.repository import IssueRepository
from bulletin_desk.archive.store import Archive, ArchiveInfo, CheckResult, open_archive

__all__ = [
    "Archive", "ArchiveError", "ArchiveInfo", "CheckResult", "ConflictError", "CorruptArchiveError",
    "IssueRepository", "IssueSummary", "JournalEntry", "NotFoundError", "NumberClash", "NumberGap",
    "NumberProposal", "NumberingReport", "RevisionInfo", "StoredIssue", "latest_backup", "list_backups",
    "make_backup", "open_archive", "restore_backup",
]
