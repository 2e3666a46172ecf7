"""archive info | check | backup | restore | upgrade, and what a damaged archive looks like from the CLI."""

from __future__ import annotations

import random
import shutil
import sqlite3
from pathlib import Path

from .conftest import REPO

FIXTURES = REPO / "tests" / "fixtures" / "archives"


def test_info(run, archive_file: Path) -> None:  # type: ignore[no-untyped-def]
    run("list")
    result = run("archive", "info")
    assert result.code == 0
    assert str(archive_file) in result.out and "样例 1" in result.out and "wal" in result.out


def test_info_without_an_archive_does_not_create_one(run, archive_file: Path) -> None:  # type: ignore[no-untyped-def]
    result = run("archive", "info")
    assert result.code == 1 and not archive_file.exists()


def test_check_reports_numbering(run, archive_file: Path) -> None:  # type: ignore[no-untyped-def]
    archive_file.parent.mkdir(parents=True)
    shutil.copyfile(FIXTURES / "archive-rev0002.sqlite3", archive_file)
    result = run("archive", "check", "--reindex")
    assert result.code == 0, result.err
    assert "完整性检查通过" in result.out and "已重建索引" in result.out
    assert "2021年第2期" in result.out  # the fixture skips 第2期


def test_backup_then_restore_after_damage(run, archive_file: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    run("list")
    made = run("archive", "backup")
    assert made.code == 0 and "-backups" in made.out
    archive_file.write_bytes(random.Random(1).randbytes(20_000))
    damaged = archive_file.read_bytes()
    listing = run("list")
    assert listing.code == 1
    assert "已损坏" in listing.err and "archive restore" in listing.err
    assert archive_file.read_bytes() == damaged
    restored = run("archive", "restore")
    assert restored.code == 0, restored.err
    assert "2020年第19期" in run("list").out
    kept = [p for p in archive_file.parent.iterdir() if ".replaced-" in p.name]
    assert len(kept) == 1 and kept[0].read_bytes() == damaged


def test_backup_to_a_named_file(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    run("list")
    out = tmp_path / "拷贝" / "archive-copy.sqlite3"
    assert run("archive", "backup", str(out)).code == 0
    conn = sqlite3.connect(out)
    assert conn.execute("SELECT count(*) FROM issues").fetchone()[0] == 1
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # one self-contained file
    conn.close()


def test_restore_without_backups(run) -> None:  # type: ignore[no-untyped-def]
    result = run("archive", "restore")
    assert result.code == 1 and "没有任何备份" in result.err


def test_upgrade_an_old_archive(run, archive_file: Path) -> None:  # type: ignore[no-untyped-def]
    archive_file.parent.mkdir(parents=True)
    shutil.copyfile(FIXTURES / "archive-rev0001.sqlite3", archive_file)
    result = run("archive", "upgrade")
    assert result.code == 0, result.err
    from bulletin_desk.archive.schema import HEAD_REVISION

    assert "0001" in result.out and HEAD_REVISION in result.out and "before-upgrade-0001" in result.out
    again = run("archive", "upgrade")
    assert again.code == 0 and "已是最新" in again.out


def test_help_and_usage_errors(run) -> None:  # type: ignore[no-untyped-def]
    assert run("export", "2020-19").code == 2  # one of --json/--docx/--pdf is required
    assert run("archive").code == 2


def test_restore_refuses_while_the_app_holds_the_archive(run, archive_file: Path) -> None:  # type: ignore[no-untyped-def]
    import json
    import socket
    import subprocess
    import sys

    run("list")
    assert run("archive", "backup").code == 0
    lock = archive_file.with_name(archive_file.name + ".lock")
    app = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        lock.write_text(json.dumps({"host": socket.gethostname(), "pid": app.pid, "time": "now"}), encoding="utf-8")
        before = archive_file.read_bytes()
        result = run("archive", "restore")
        assert result.code == 1 and str(app.pid) in result.err
        assert archive_file.read_bytes() == before
        assert run("archive", "restore", "--force").code == 0
    finally:
        app.kill()
        app.wait()
    assert run("archive", "restore").code == 0  # a dead process's lock does not count
