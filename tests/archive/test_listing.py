"""The listing: one SQL for the repository and the quick start-up path, which must never import SQLAlchemy."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bulletin_desk.archive import Archive
from bulletin_desk.archive.listing import quick_list

from .conftest import FIXTURES
from .test_numbering import _issue


def test_quick_list_equals_the_repository_list(archive: Archive, reference_issue) -> None:  # type: ignore[no-untyped-def]
    for n in (1, 2, 3):
        archive.issues.save(_issue(reference_issue, n, 2200 + n, 2021))
    archive.issues.trash(3)
    for kwargs in ({}, {"year": 2021}, {"trashed_only": True}, {"include_trashed": True},
                   {"series": "首都精神文明建设情况简报"}, {"series": "无此简报"}):
        assert quick_list(archive.path, **kwargs) == archive.issues.list(**kwargs), kwargs
    rows = quick_list(archive.path)
    assert rows is not None and rows[-1].label == "2020年第19期（总第2128期）" and rows[-1].is_sample is True


def test_quick_list_steps_aside_when_a_proper_open_is_needed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                             archive: Archive) -> None:
    assert quick_list(tmp_path / "missing.sqlite3") is None  # first run: must create and seed
    old = tmp_path / "old.sqlite3"
    shutil.copyfile(FIXTURES / "archive-rev0001.sqlite3", old)
    assert quick_list(old) is None  # upgrade due (after a backup)
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"not a database" * 100)
    assert quick_list(junk) is None  # damaged: the full open explains
    from bulletin_desk import paths

    monkeypatch.setattr(paths, "is_network_path", lambda p: True)
    assert quick_list(archive.path) is None  # network drive: the full open warns


def test_cold_cli_list_does_not_import_sqlalchemy(archive: Archive) -> None:
    code = ("import sys\nfrom bulletin_desk.cli import main\n"
            f"rc = main(['--archive', {str(archive.path)!r}, 'list'])\n"
            "print('RESULT', rc, 'sqlalchemy' in sys.modules, 'alembic' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert "2020年第19期（总第2128期）" in out.stdout
    assert out.stdout.strip().splitlines()[-1] == "RESULT 0 False False"
