"""Opening an archive: create and seed it on first run, back up then upgrade an older one, refuse a damaged one.

`open_archive` is the room's front door (the GUI and the CLI both come through it). The order matters:
the header is checked before SQLite writes anything, the revision is read with plain sqlite3, a backup
is made before any migration, and only then is Alembic imported. Once open, an archive that existed
before gets its daily automatic backup if today has none yet (backups.py: at most one a day, the
newest ``keep_backups`` kept).
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, delete, func, insert, select, text
from sqlalchemy.exc import DBAPIError

from bulletin_desk import paths
from bulletin_desk.archive import migrate
from bulletin_desk.archive.backups import DEFAULT_KEEP, latest_backup, list_backups, make_backup, make_daily_backup
from bulletin_desk.archive.connection import header_problem, make_engine, write_transaction
from bulletin_desk.archive.errors import ArchiveError, CorruptArchiveError, translate
from bulletin_desk.archive.records import JournalEntry
from bulletin_desk.archive.repository import IssueRepository, issues_t, now_text, translated
from bulletin_desk.archive.schema import JournalRow, MetaRow
from bulletin_desk.archive.sqlite_file import EMPTY, FOREIGN, HEAD_REVISION, KNOWN_REVISIONS
from bulletin_desk.catalogue import Message

meta_t = MetaRow.__table__
journal_t = JournalRow.__table__


@dataclass
class ArchiveInfo:
    path: Path
    size: int
    revision: str
    journal_mode: str
    issues: int
    trashed: int
    samples: int
    revisions: int
    backups: list[Path] = field(default_factory=list)
    network: bool = False
    created_at: str = ""


@dataclass
class CheckResult:
    integrity: list[str]  # "ok" or SQLite's findings
    foreign_keys: int  # rows violating a foreign key
    numbering: list[object]  # NumberingReport per series, each with duplicates/gaps
    search: object | None = None  # search_index.SyncReport when the search index was rebuilt (reindex)

    @property
    def ok(self) -> bool:
        return self.integrity == ["ok"] and self.foreign_keys == 0


class Archive:
    """An open archive file. ``issues`` is the repository; ``warnings`` holds messages for the user."""

    def __init__(self, path: Path, engine: Engine, *, network: bool, upgraded_from: str | None = None,
                 backup: Path | None = None, created: bool = False, keep_backups: int = DEFAULT_KEEP) -> None:
        self.path = path
        self.engine = engine
        self.network = network
        self.upgraded_from = upgraded_from  # the revision before this open's upgrade, if one ran
        self.upgrade_backup = backup  # the copy made before that upgrade
        self.created = created
        self.keep_backups = keep_backups
        self.daily_backup: Path | None = None  # made by this open, if today had none
        self.warnings: list[Message] = []
        if network:
            self.warnings.append(Message("core.network_archive", {"path": str(path)}))
        self._wrote = False
        self.issues = IssueRepository(engine, path, on_write=self._note_write)

    def _note_write(self) -> None:
        self._wrote = True

    # ------------------------------------------------------------------ autosave journal
    def journal_put(self, issue_id: int | None, json_text: str) -> None:
        """Park unsaved edits (replacing what was parked). Not a save: no version, no revision."""
        with translated(self.path), write_transaction(self.engine) as conn:
            conn.execute(delete(journal_t))
            conn.execute(insert(journal_t).values(id=1, issue_id=issue_id, content=json_text, saved_at=now_text()))

    def journal_get(self) -> JournalEntry | None:
        with translated(self.path), self.engine.connect() as conn:
            row = conn.execute(select(journal_t.c.issue_id, journal_t.c.content, journal_t.c.saved_at)).first()
            conn.rollback()
        return None if row is None else JournalEntry(row.issue_id, row.content, row.saved_at)

    def journal_clear(self) -> None:
        with translated(self.path), write_transaction(self.engine) as conn:
            conn.execute(delete(journal_t))

    # ------------------------------------------------------------------ housekeeping
    def info(self) -> ArchiveInfo:
        with translated(self.path), self.engine.connect() as conn:
            counts = conn.execute(select(
                func.count().filter(issues_t.c.trashed_at.is_(None), issues_t.c.is_sample.is_(False)),
                func.count().filter(issues_t.c.trashed_at.is_not(None)),
                func.count().filter(issues_t.c.is_sample.is_(True)))).one()
            revisions = conn.execute(text("SELECT count(*) FROM revisions")).scalar_one()
            mode = conn.execute(text("PRAGMA journal_mode")).scalar_one()
            created = conn.execute(select(meta_t.c.value).where(meta_t.c.key == "created_at")).scalar() or ""
            conn.rollback()
        return ArchiveInfo(path=self.path, size=self.path.stat().st_size, revision=HEAD_REVISION,
                           journal_mode=str(mode), issues=counts[0], trashed=counts[1], samples=counts[2],
                           revisions=int(revisions), backups=[b.path for b in list_backups(self.path)],
                           network=self.network, created_at=str(created))

    def check(self, reindex: bool = False) -> CheckResult:
        """SQLite's integrity check, foreign keys, and the numbering of every series.

        ``reindex`` also rebuilds SQLite's indexes and the full-text search index (its own file).
        """
        with translated(self.path), self.engine.connect() as conn:
            if reindex:
                conn.exec_driver_sql("REINDEX")
                conn.commit()
            integrity = [str(r[0]) for r in conn.exec_driver_sql("PRAGMA integrity_check")]
            fk = len(conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall())
            conn.rollback()
        reports: list[object] = [self.issues.numbering_report(s) for s in self.issues.series_names()]
        search = self.issues.search_index.rebuild() if reindex else None
        return CheckResult(integrity=integrity, foreign_keys=fk, numbering=reports, search=search)

    def backup(self, out: Path | None = None) -> Path:
        """A consistent copy (SQLite online backup) to ``out`` or the backup folder."""
        return make_backup(self.path, out, reason="manual")

    def close(self) -> None:
        """Close; after a session that saved, keep the day's automatic backup if there is none yet."""
        try:
            if self._wrote:
                with contextlib.suppress(ArchiveError, OSError):
                    make_daily_backup(self.path, self.keep_backups)
        finally:
            self.engine.dispose()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _seed(engine: Engine, path: Path) -> None:
    """First run: remember when and by what the archive was made, and store the sample issue."""
    from bulletin_desk import __version__
    from bulletin_desk.model import loads

    sample = loads((paths.resources_dir() / "samples" / "reference.bdjson").read_bytes())
    repo = IssueRepository(engine, path)
    with write_transaction(engine) as conn:  # one transaction: a crash never leaves a half-seeded archive
        if conn.execute(select(meta_t.c.value).where(meta_t.c.key == "seeded")).first() is not None:
            return  # another process seeded it first
        conn.execute(delete(meta_t).where(meta_t.c.key.in_(("created_at", "created_by", "seeded"))))
        conn.execute(insert(meta_t), [{"key": "created_at", "value": now_text()},
                                      {"key": "created_by", "value": f"bulletin-desk {__version__}"},
                                      {"key": "seeded", "value": "reference.bdjson"}])
        repo._save_in(conn, sample, None, None, is_sample=True)


def open_archive(path: Path, *, create: bool = True, daily_backup: bool = True,
                 keep_backups: int = DEFAULT_KEEP) -> Archive:
    """Open (or on first run create and seed) the archive at ``path``; see the module docstring.

    ``daily_backup``: make today's automatic backup if there is none (skipped for a new archive and
    right after an upgrade, whose backup was just made); ``keep_backups``: automatic backups kept per kind.
    """
    path = Path(path)
    exists = path.exists()
    if not exists and not create:
        raise ArchiveError("archive.missing", path=str(path))
    if exists:
        problem = header_problem(path)
        if problem is not None:
            raise CorruptArchiveError(path, problem, latest_backup(path))
    else:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ArchiveError("archive.readonly", path=str(path)) from exc
    revision = migrate.current_revision(path)
    if revision == FOREIGN:
        raise ArchiveError("archive.foreign", path=str(path))
    if revision not in (EMPTY, *KNOWN_REVISIONS):
        raise ArchiveError("archive.newer_schema", path=str(path), revision=revision)
    network = paths.is_network_path(path)
    engine = make_engine(path, wal=not network)
    backup: Path | None = None
    try:
        with translated(path):
            if revision != HEAD_REVISION:
                if revision != EMPTY:
                    backup = make_backup(path, reason=f"before-upgrade-{revision}")
                migrate.upgrade(engine)
                if revision == EMPTY:
                    _seed(engine, path)
            with engine.connect() as conn:  # touches the schema: a damaged catalogue fails here, not later
                conn.execute(select(func.count()).select_from(issues_t)).scalar_one()
                conn.rollback()
    except DBAPIError as exc:
        engine.dispose()
        raise (translate(exc, path) or ArchiveError("archive.open_failed", path=str(path), detail=str(exc))) from exc
    except BaseException:
        engine.dispose()
        raise
    archive = Archive(path, engine, network=network, backup=backup, created=revision == EMPTY,
                      upgraded_from=revision if revision not in (HEAD_REVISION, EMPTY) else None,
                      keep_backups=keep_backups)
    if daily_backup and revision not in (EMPTY,) and backup is None:
        try:
            archive.daily_backup = make_daily_backup(path, keep_backups)
        except (ArchiveError, OSError) as exc:  # a backup problem must not lock the editor out of the archive
            detail = exc.render("en") if isinstance(exc, ArchiveError) else str(exc)
            archive.warnings.append(Message("archive.backup.daily_failed", {"path": str(path), "detail": detail}))
    return archive
