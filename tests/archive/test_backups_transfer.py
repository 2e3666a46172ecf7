"""Rolling daily backups, rotation per kind, and moving a whole archive between machines (export/import)."""

from __future__ import annotations

import datetime as _dt
import os
import random
import shutil
import sqlite3
from pathlib import Path

import pytest

from bulletin_desk.archive import (
    ArchiveError,
    export_archive,
    import_archive,
    list_backups,
    make_backup,
    open_archive,
    restore_backup,
    validate_archive_file,
)
from bulletin_desk.archive.backups import backup_kind, prune_automatic
from bulletin_desk.model import Issue

from .conftest import FIXTURES
from .test_repository import real_issue


def _age(path: Path, days: int) -> None:
    when = (_dt.datetime.now() - _dt.timedelta(days=days)).timestamp()
    os.utime(path, (when, when))


def _kinds(archive_path: Path) -> list[str]:
    return [backup_kind(b) for b in list_backups(archive_path)]


def test_daily_backup_on_open_at_most_once_a_day(archive_path: Path) -> None:
    open_archive(archive_path).close()  # created: nothing to back up yet
    assert list_backups(archive_path) == []
    with open_archive(archive_path) as second:
        assert second.daily_backup is not None and second.daily_backup.is_file()
    with open_archive(archive_path) as third:
        assert third.daily_backup is None
    assert _kinds(archive_path) == ["daily"]
    _age(list_backups(archive_path)[0].path, 1)  # yesterday's
    with open_archive(archive_path) as fourth:
        assert fourth.daily_backup is not None
    assert _kinds(archive_path) == ["daily", "daily"]
    with open_archive(archive_path, daily_backup=False) as fifth:
        assert fifth.daily_backup is None


def test_rotation_keeps_the_newest_of_each_kind(archive_path: Path) -> None:
    open_archive(archive_path, daily_backup=False).close()
    manual = make_backup(archive_path)
    before = make_backup(archive_path, reason="before-upgrade-0002", keep=2)
    for n in range(5):
        made = make_backup(archive_path, reason="daily", keep=3)
        _age(made, 10 - n)  # older first
    dailies = [b.path for b in list_backups(archive_path) if backup_kind(b) == "daily"]
    assert len(dailies) == 3
    assert manual.is_file() and before.is_file()  # other kinds untouched by the daily rotation
    prune_automatic(archive_path, keep=1)
    assert sorted(_kinds(archive_path)) == ["before", "daily", "manual"]


def test_keep_is_configurable_on_open(archive_path: Path) -> None:
    open_archive(archive_path, daily_backup=False).close()
    for days in (5, 4, 3):
        _age(make_backup(archive_path, reason="daily"), days)
    with open_archive(archive_path, keep_backups=2) as archive:
        assert archive.daily_backup is not None
    assert _kinds(archive_path) == ["daily", "daily"]


def test_export_import_round_trip(tmp_path: Path, reference_issue: Issue) -> None:
    here, there = tmp_path / "甲机" / "archive.sqlite3", tmp_path / "乙机" / "archive.sqlite3"
    with open_archive(here) as mine:
        stored = mine.issues.save(real_issue(reference_issue, 6, 2132))
        mine.issues.set_state(stored.id, "review", "梅雪峰")
        expected = {s.id: (s.label, s.state) for s in mine.issues.list()}
        templates = mine.issues.templates()
    (here.parent / "archive.search.sqlite3").write_bytes(b"index, derived data")
    carried = export_archive(here, tmp_path / "U盘" / "档案导出.sqlite3")
    assert carried.is_file() and list(carried.parent.iterdir()) == [carried]  # one file, no index beside it
    assert validate_archive_file(carried) == "0003"
    with open_archive(there) as theirs:
        theirs.issues.save(real_issue(reference_issue, 9, 9999))
        old = {s.id: s.label for s in theirs.issues.list()}
    result = import_archive(there, carried)
    assert result.revision == "0003" and result.backup is not None and "before-import" in result.backup.name
    with open_archive(result.backup, daily_backup=False) as previous:  # the replaced archive, intact
        assert {s.id: s.label for s in previous.issues.list()} == old
    with open_archive(there) as theirs:
        assert {s.id: (s.label, s.state) for s in theirs.issues.list()} == expected
        assert theirs.issues.templates() == templates


def test_import_upgrades_an_older_export_on_open(tmp_path: Path) -> None:
    there = tmp_path / "archive.sqlite3"
    open_archive(there).close()
    result = import_archive(there, FIXTURES / "archive-rev0001.sqlite3")
    assert result.revision == "0001"
    with open_archive(there) as archive:
        assert archive.upgraded_from == "0001" and len(archive.issues.templates()) == 17


def _corrupt_pages(source: Path, target: Path) -> None:
    data = bytearray(source.read_bytes())
    rng = random.Random(3)
    for page in range(1, len(data) // 4096):  # every b-tree page header after the first page
        start = page * 4096
        data[start + 1:start + 8] = rng.randbytes(7)
    target.write_bytes(bytes(data))


@pytest.mark.parametrize("kind", ["random", "pages", "foreign", "newer", "missing"])
def test_import_refuses_a_bad_file_and_changes_nothing(tmp_path: Path, kind: str) -> None:
    there = tmp_path / "archive.sqlite3"
    open_archive(there).close()
    before = there.read_bytes()
    bad = tmp_path / "bad.sqlite3"
    if kind == "random":
        bad.write_bytes(random.Random(1).randbytes(40_000))
    elif kind == "pages":
        export_archive(there, tmp_path / "good.sqlite3")
        _corrupt_pages(tmp_path / "good.sqlite3", bad)
    elif kind == "foreign":
        conn = sqlite3.connect(bad)
        conn.execute("CREATE TABLE photos (id INTEGER)")
        conn.commit()
        conn.close()
    elif kind == "newer":
        shutil.copyfile(FIXTURES / "archive-rev0002.sqlite3", bad)
        conn = sqlite3.connect(bad)
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
        conn.commit()
        conn.close()
    with pytest.raises(ArchiveError) as caught:
        import_archive(there, bad)
    code = {"random": "archive.backup_damaged", "pages": "archive.backup_damaged", "foreign": "archive.foreign",
            "newer": "archive.newer_schema", "missing": "archive.backup_missing"}[kind]
    assert caught.value.message.code == code
    assert there.read_bytes() == before
    assert list_backups(there) == []  # refused before anything was done
    with pytest.raises(ArchiveError):
        restore_backup(there, bad)  # a manual restore checks the same way
    assert there.read_bytes() == before


def test_importing_the_archive_onto_itself_is_refused(tmp_path: Path) -> None:
    there = tmp_path / "archive.sqlite3"
    open_archive(there).close()
    with pytest.raises(ArchiveError) as caught:
        import_archive(there, there)
    assert caught.value.message.code == "archive.import_self"
