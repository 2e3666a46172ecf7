"""导出/导入整个档案: the whole archive as one file, to carry between offline machines.

* ``export_archive(archive, out) -> Path`` — SQLite's online backup into ``out`` (atomic: temp file +
  replace), one self-contained file (journal mode DELETE) that another machine opens as is. The
  search index beside the archive is derived data and is not part of it; the other machine rebuilds
  its own.
* ``validate_archive_file(path) -> str`` — what an incoming file must pass before it may replace
  anything: an intact SQLite header, ``PRAGMA integrity_check`` = ok, and a schema revision this
  program knows (older ones are upgraded — after their own backup — on the next open; a newer or
  foreign one is refused). Returns the file's revision.
* ``import_archive(archive, source) -> ImportResult`` — validate, then back up the current archive
  into its backup folder (reason ``before-import``), then replace it. Never overwrites the current
  archive without that backup. The archive must not be open (the CLI checks the app's lock file).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from bulletin_desk.archive.errors import ArchiveError
from bulletin_desk.archive.sqlite_file import EMPTY, FOREIGN, KNOWN_REVISIONS, header_problem, read_revision


@dataclass(frozen=True)
class ImportResult:
    source: Path
    revision: str  # the imported file's schema revision (upgraded on the next open if older)
    backup: Path | None  # the backup of the archive it replaced (None when there was none)


def validate_archive_file(path: Path) -> str:
    """Refuse (ArchiveError) a file that is missing, damaged, foreign or newer; return its revision."""
    if not path.is_file():
        raise ArchiveError("archive.backup_missing", path=str(path))
    problem = header_problem(path)
    if problem is not None or path.stat().st_size == 0:
        raise ArchiveError("archive.backup_damaged", path=str(path), detail=problem or "empty file")
    try:
        # immutable: never create -wal/-shm sidecars beside a file we only inspect (an export is self-contained)
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    except sqlite3.Error as exc:
        raise ArchiveError("archive.backup_damaged", path=str(path), detail=str(exc)) from exc
    try:
        findings = [str(r[0]) for r in conn.execute("PRAGMA integrity_check(20)")]
        if findings != ["ok"]:
            raise ArchiveError("archive.backup_damaged", path=str(path), detail="; ".join(findings[:3]))
        revision = read_revision(conn)
    except sqlite3.Error as exc:
        raise ArchiveError("archive.backup_damaged", path=str(path), detail=str(exc)) from exc
    finally:
        conn.close()
    if revision in (EMPTY, FOREIGN):
        raise ArchiveError("archive.foreign", path=str(path))
    if revision not in KNOWN_REVISIONS:
        raise ArchiveError("archive.newer_schema", path=str(path), revision=revision)
    return revision


def export_archive(archive: Path, out: Path) -> Path:
    """The whole archive as one file at ``out`` (see the module docstring)."""
    from bulletin_desk.archive.backups import make_backup

    if not archive.is_file():
        raise ArchiveError("archive.missing", path=str(archive))
    return make_backup(archive, out, reason="manual")


def import_archive(archive: Path, source: Path) -> ImportResult:
    """Replace ``archive`` by the exported file ``source``, after validating it and backing up the current one."""
    from bulletin_desk.archive.backups import make_backup, restore_backup

    source = Path(source)
    revision = validate_archive_file(source)
    if archive.exists() and archive.resolve() == source.resolve():
        raise ArchiveError("archive.import_self", path=str(source))
    backup: Path | None = None
    if archive.exists() and archive.stat().st_size > 0:
        try:
            backup = make_backup(archive, reason="before-import")
        except ArchiveError:
            backup = None  # a damaged current archive cannot be backed up online: restore_backup sets it aside whole
    restore_backup(archive, source, set_aside=backup is None)
    return ImportResult(source=source, revision=revision, backup=backup)


__all__ = ["ImportResult", "export_archive", "import_archive", "validate_archive_file"]
