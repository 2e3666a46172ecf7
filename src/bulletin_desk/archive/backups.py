"""Backups of the archive: online copies beside it, the newest one offered when the archive is damaged.

A backup is made with SQLite's online backup API (a consistent copy even while another process
writes), into a temporary file in the destination folder that is then moved into place — a full disk
or a crash never leaves a half-written backup with a believable name. Backups live in
``<stem>-backups/`` beside the archive (paths.backup_dir), so moving the folder moves them too.

Restoring never discards the current file: it is set aside as ``<name>.replaced-<time>`` first
(a damaged archive may still be worth sending to support), then the backup is copied over. A backup
is checked before it replaces anything (transfer.validate_archive_file: header, integrity_check,
a schema revision this program knows), so a damaged or foreign file is refused, not restored.

Rolling automatic backups: at most one ``daily`` backup a calendar day (made when the archive is
opened, store.open_archive, or closed after saving), and one before every migration; each kind keeps
its newest ``keep`` (DEFAULT_KEEP = 14, the caller's setting wins). Manual backups are the user's and
are never pruned. The search index file beside the archive (``*.search.sqlite3``) is derived data and
never part of a backup: the online backup copies the archive file alone.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import os
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path

from bulletin_desk import fileio, paths
from bulletin_desk.archive.connection import connect_raw, header_problem
from bulletin_desk.archive.errors import ArchiveError

BACKUP_SUFFIX = ".sqlite3"
DEFAULT_KEEP = 14  # automatic backups kept per kind (daily; before upgrades/imports)
AUTO_KEEP = DEFAULT_KEEP  # the older name


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    size: int
    modified: _dt.datetime


def _stamp() -> str:
    return _dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")[:-3]


def list_backups(archive: Path) -> list[BackupInfo]:
    """Backups of ``archive``, newest first."""
    folder = paths.backup_dir(archive)
    found: list[BackupInfo] = []
    try:
        entries = list(folder.glob(f"{archive.stem}-*{BACKUP_SUFFIX}"))
    except OSError:
        return []
    for entry in entries:
        try:
            st = entry.stat()
        except OSError:
            continue
        found.append(BackupInfo(entry, st.st_size, _dt.datetime.fromtimestamp(st.st_mtime)))
    found.sort(key=lambda b: (b.modified, b.path.name), reverse=True)
    return found


def backup_kind(info: BackupInfo) -> str:
    """"manual", "daily" or "before" (made before an upgrade or an import)."""
    stem = info.path.stem
    if stem.endswith("-manual"):
        return "manual"
    if stem.endswith("-daily"):
        return "daily"
    return "before"


def daily_backup_due(archive: Path, today: _dt.date | None = None) -> bool:
    """True when no daily backup of ``archive`` was made today (local calendar day)."""
    today = today or _dt.date.today()
    return not any(backup_kind(b) == "daily" and b.modified.date() == today for b in list_backups(archive))


def make_daily_backup(archive: Path, keep: int = DEFAULT_KEEP) -> Path | None:
    """The day's automatic backup, unless one exists already; prunes to the newest ``keep`` dailies."""
    if not daily_backup_due(archive):
        return None
    return make_backup(archive, reason="daily", keep=keep)


def latest_backup(archive: Path) -> Path | None:
    backups = list_backups(archive)
    return backups[0].path if backups else None


def _publish(tmp: Path, target: Path) -> None:
    """Move a finished temp file into place through fileio's single replace boundary."""
    try:
        fileio._replace(str(tmp), str(target))
    except OSError as exc:
        raise fileio._classify(exc, target) from exc


def _copy_online(source: Path, target: Path) -> Path:
    """Online-backup ``source`` into ``target`` atomically (temp file + replace)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        src = connect_raw(source)
        try:
            dst = sqlite3.connect(tmp_name)
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode=DELETE")  # a backup is one self-contained file
            finally:
                dst.close()
        finally:
            src.close()
        with open(tmp_name, "rb+") as handle:
            os.fsync(handle.fileno())
        _publish(tmp, target)
        return target
    except sqlite3.Error as exc:
        from bulletin_desk.archive.errors import translate

        raise (translate(exc, target) or ArchiveError("archive.backup_failed", path=str(target),
                                                      detail=str(exc))) from exc
    except OSError as exc:
        raise fileio._classify(exc, target) from exc
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()


def make_backup(archive: Path, out: Path | None = None, *, reason: str = "manual",
                keep: int = DEFAULT_KEEP) -> Path:
    """Copy the archive to ``out`` (or a new timestamped file in the backup folder); returns the path.

    An automatic backup (any ``reason`` but "manual", into the backup folder) prunes its kind to ``keep``.
    """
    if out is None:
        out = paths.backup_dir(archive) / f"{archive.stem}-{_stamp()}-{reason}{BACKUP_SUFFIX}"
    result = _copy_online(archive, out)
    if reason != "manual":
        prune_automatic(archive, keep)
    return result


def prune_automatic(archive: Path, keep: int = DEFAULT_KEEP) -> None:
    """Keep the newest ``keep`` automatic backups of each kind; manual ones are the user's and stay."""
    keep = max(1, keep)
    backups = list_backups(archive)
    for kind in ("daily", "before"):
        for old in [b for b in backups if backup_kind(b) == kind][keep:]:
            with contextlib.suppress(OSError):
                old.path.unlink()


def _remove_sidecars(archive: Path) -> None:
    for suffix in ("-wal", "-shm", "-journal"):
        with contextlib.suppress(FileNotFoundError):
            Path(str(archive) + suffix).unlink()


def restore_backup(archive: Path, backup: Path | None = None, *, set_aside: bool = True) -> tuple[Path, Path | None]:
    """Replace the archive by ``backup`` (default: the newest); returns (backup used, where the old file went).

    The archive must not be open. The backup is validated first (a damaged or foreign file is refused
    and nothing changes). The replaced file is kept beside the archive, never deleted — unless the caller
    made a proper backup of it already (``set_aside=False``, transfer.import_archive).
    """
    if backup is None:
        backup = latest_backup(archive)
        if backup is None:
            raise ArchiveError("archive.no_backup", path=str(archive))
    if not backup.is_file():
        raise ArchiveError("archive.backup_missing", path=str(backup))
    problem = header_problem(backup)
    if problem is not None:
        raise ArchiveError("archive.backup_damaged", path=str(backup), detail=problem)
    from bulletin_desk.archive.transfer import validate_archive_file

    validate_archive_file(backup)
    archive.parent.mkdir(parents=True, exist_ok=True)
    kept: Path | None = None
    if archive.exists() and set_aside:
        kept = archive.with_name(f"{archive.name}.replaced-{_stamp()}")
        try:
            shutil.copy2(archive, kept)
            wal = Path(str(archive) + "-wal")
            if wal.exists():  # committed work not yet checkpointed lives here
                shutil.copy2(wal, Path(str(kept) + "-wal"))
        except OSError as exc:
            raise fileio._classify(exc, kept) from exc
    fd, tmp_name = tempfile.mkstemp(prefix=f".{archive.name}.", suffix=".tmp", dir=archive.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        shutil.copyfile(backup, tmp)
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        _remove_sidecars(archive)  # a stale WAL of the old file must never be applied to the backup
        _publish(tmp, archive)
    except OSError as exc:
        raise fileio._classify(exc, archive) from exc
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()
    return backup, kept
