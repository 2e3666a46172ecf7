"""Bad files and failing machines: damaged archives, read-only places, full disks, locks, network drives.

We run as root, so permission bits stop nothing: the read-only case runs in a subprocess that drops to
uid 65534 first; a full disk is a real SQLITE_FULL (``PRAGMA max_page_count``) or ENOSPC injected at
fileio's one replace boundary.
"""

from __future__ import annotations

import copy
import errno
import hashlib
import os
import random
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest
from sqlalchemy import event

from bulletin_desk import fileio
from bulletin_desk.archive import (
    Archive,
    ArchiveError,
    CorruptArchiveError,
    list_backups,
    make_backup,
    open_archive,
    restore_backup,
)
from bulletin_desk.fileio import FileWriteError
from bulletin_desk.model import Article, Paragraph, Section

REPO = Path(__file__).resolve().parents[2]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def sidecars(path: Path) -> list[Path]:
    return [p for p in (Path(str(path) + s) for s in ("-wal", "-shm", "-journal")) if p.exists()]


def fat_issue(reference, n_articles: int = 40):  # type: ignore[no-untyped-def]
    issue = copy.deepcopy(reference)
    issue.sections.append(Section(heading="大稿", articles=[
        Article(title=f"稿件{i}", source="某区", paragraphs=[Paragraph(text="很长的正文。" * 400)])
        for i in range(n_articles)]))
    return issue


# ---------------------------------------------------------------------- damaged files
def test_random_bytes_are_refused_untouched_and_the_backup_is_offered(archive_path: Path) -> None:
    open_archive(archive_path).close()
    backup = make_backup(archive_path)
    archive_path.write_bytes(random.Random(7).randbytes(64 * 1024))
    before = digest(archive_path)
    with pytest.raises(CorruptArchiveError) as caught:
        open_archive(archive_path)
    assert caught.value.backup == backup
    zh = caught.value.render("zh")
    assert str(archive_path) in zh and str(backup) in zh and "archive restore" in zh
    assert digest(archive_path) == before and not sidecars(archive_path)
    used, kept = restore_backup(archive_path)  # what `bulletin-desk archive restore` does
    assert used == backup and kept is not None and digest(kept) == before
    with open_archive(archive_path) as again:
        assert again.issues.list()[0].label == "2020年第19期（总第2128期）"


def test_truncated_copy_is_refused_untouched(archive_path: Path, reference_issue) -> None:  # type: ignore[no-untyped-def]
    with open_archive(archive_path) as archive:
        for _ in range(3):
            archive.issues.save(fat_issue(reference_issue))
    size = archive_path.stat().st_size
    assert size > 200_000 and not sidecars(archive_path)
    for cut in (size // 2 // 4096 * 4096, size // 2 + 100):
        damaged = archive_path.with_name(f"cut{cut}.sqlite3")
        damaged.write_bytes(archive_path.read_bytes()[:cut])
        before = digest(damaged)
        with pytest.raises(CorruptArchiveError) as caught:
            open_archive(damaged)
        assert "truncated" in caught.value.render("en")
        assert caught.value.backup is None and caught.value.message.code == "archive.corrupt_no_backup"
        assert digest(damaged) == before and not sidecars(damaged)


def test_damage_inside_is_found_by_check(archive_path: Path, reference_issue) -> None:  # type: ignore[no-untyped-def]
    with open_archive(archive_path) as archive:
        archive.issues.save(fat_issue(reference_issue))
    data = bytearray(archive_path.read_bytes())
    page = 4096
    for offset in range(len(data) // 2 // page * page, len(data) // 2 // page * page + 3 * page):
        data[offset] = 0xA5  # scribble over three pages in the middle
    archive_path.write_bytes(bytes(data))
    try:
        archive = open_archive(archive_path)
    except CorruptArchiveError:
        return  # detected at open: also acceptable
    try:
        result = archive.check()
        assert not result.ok and result.integrity != ["ok"]
    except CorruptArchiveError:
        pass
    finally:
        archive.engine.dispose()


def test_someone_elses_database_is_not_touched(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(ArchiveError) as caught:
        open_archive(path)
    assert caught.value.message.code == "archive.foreign"
    assert digest(path) == before


def test_newer_schema_is_refused(archive_path: Path) -> None:
    open_archive(archive_path).close()
    import sqlite3

    conn = sqlite3.connect(archive_path)
    conn.execute("UPDATE alembic_version SET version_num = '9001'")
    conn.commit()
    conn.close()
    with pytest.raises(ArchiveError) as caught:
        open_archive(archive_path)
    assert caught.value.message.code == "archive.newer_schema" and "9001" in caught.value.render("zh")


def test_missing_archive_without_create(archive_path: Path) -> None:
    with pytest.raises(ArchiveError) as caught:
        open_archive(archive_path, create=False)
    assert caught.value.message.code == "archive.missing"
    assert not archive_path.exists()


# ---------------------------------------------------------------------- read-only location (as uid 65534)
_AS_NOBODY = textwrap.dedent("""
    import os, sys
    from pathlib import Path
    # Import first: the interpreter's own files may not be readable by uid 65534 on this machine.
    import alembic.command, alembic.config, bulletin_desk.archive.migrate, bulletin_desk.model
    from bulletin_desk.archive import ArchiveError, open_archive
    os.setgid(65534); os.setuid(65534)
    for target in sys.argv[1:]:
        try:
            open_archive(Path(target)).close()
            print("opened", target)
        except ArchiveError as exc:
            print(exc.message.code, target)
""")


def test_read_only_location_gives_a_clear_error(reference_issue) -> None:  # type: ignore[no-untyped-def]
    folder = Path(tempfile.mkdtemp(prefix="bd-ro-"))
    try:
        os.chmod(folder, 0o755)  # nobody may enter, not write
        existing = folder / "archive.sqlite3"
        open_archive(existing).close()
        os.chmod(existing, 0o644)
        before = digest(existing)
        fresh = folder / "new" / "archive.sqlite3"
        env = {**os.environ, "HOME": str(folder), "PYTHONDONTWRITEBYTECODE": "1"}
        out = subprocess.run([sys.executable, "-c", _AS_NOBODY, str(existing), str(fresh)], capture_output=True,
                             text=True, env=env, cwd=folder, timeout=60)
        assert out.returncode == 0, out.stderr
        lines = out.stdout.splitlines()
        assert lines == [f"archive.readonly {existing}", f"archive.readonly {fresh}"], out.stdout + out.stderr
        assert digest(existing) == before and not fresh.exists()
    finally:
        import shutil

        shutil.rmtree(folder, ignore_errors=True)


# ---------------------------------------------------------------------- full disk
def _limit_pages(archive: Archive, extra_pages: int) -> None:
    with archive.engine.connect() as conn:
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar()

    @event.listens_for(archive.engine, "connect")
    def _limit(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
        dbapi_conn.execute(f"PRAGMA max_page_count={pages + extra_pages}")

    archive.engine.dispose()  # new connections get the limit


def test_sqlite_full_rolls_back_the_whole_save(archive: Archive, reference_issue) -> None:  # type: ignore[no-untyped-def]
    stored = archive.issues.save(reference_issue)
    _limit_pages(archive, 4)
    with pytest.raises(ArchiveError) as caught:
        archive.issues.save(fat_issue(reference_issue), stored.id, stored.version)
    assert caught.value.message.code == "archive.full"
    with pytest.raises(ArchiveError):
        archive.issues.save(fat_issue(reference_issue))
    after = archive.issues.load(stored.id)
    assert after.version == stored.version and after.issue == reference_issue
    assert archive.issues.revisions(stored.id) == []
    assert len(archive.issues.list()) == 2  # the sample and the first save, nothing half-written
    with archive.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM articles").scalar() == 2 * len(reference_issue.articles())


def test_enospc_while_backing_up_leaves_nothing(archive: Archive, monkeypatch: pytest.MonkeyPatch,
                                                tmp_path: Path) -> None:
    def full(src: str, dst: str) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(fileio, "_replace", full)
    out = tmp_path / "backups" / "copy.sqlite3"
    with pytest.raises(FileWriteError) as caught:
        archive.backup(out)
    assert caught.value.message.code == "core.write.disk_full"
    assert list(out.parent.iterdir()) == []
    with pytest.raises(FileWriteError):
        archive.backup()
    assert list_backups(archive.path) == []


# ---------------------------------------------------------------------- a lock held too long
def test_lock_held_too_long_is_reported_not_crashed(archive: Archive, reference_issue, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import sqlite3

    from bulletin_desk.archive import connection

    monkeypatch.setattr(connection, "BUSY_TIMEOUT_MS", 200)
    archive.engine.dispose()
    holder = sqlite3.connect(archive.path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(ArchiveError) as caught:
            archive.issues.save(reference_issue)
        assert caught.value.message.code == "archive.locked"
        assert archive.issues.list()  # reading still works while another process writes (WAL)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    archive.issues.save(reference_issue)


# ---------------------------------------------------------------------- network drive
def test_network_drive_warns_and_turns_wal_off(archive_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from bulletin_desk import paths

    monkeypatch.setattr(paths, "is_network_path", lambda p: True)
    with open_archive(archive_path) as archive:
        assert [w.code for w in archive.warnings] == ["core.network_archive"]
        assert str(archive_path) in archive.warnings[0].render("zh")
        with archive.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "delete"
        archive.issues.list()
    assert not sidecars(archive_path)
