"""Run `bulletin-desk` in-process against a temp archive and capture what it says."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from bulletin_desk.cli import main

REPO = Path(__file__).resolve().parents[2]
REFERENCE = REPO / "resources" / "samples" / "reference.bdjson"


@dataclass
class Result:
    code: int
    out: str
    err: str


@pytest.fixture
def archive_file(tmp_path: Path) -> Path:
    return tmp_path / "档案" / "archive.sqlite3"


@pytest.fixture
def run(archive_file: Path, capsys: pytest.CaptureFixture[str]) -> Callable[..., Result]:
    def _run(*args: str, lang: str = "zh") -> Result:
        capsys.readouterr()
        code = main(["--archive", str(archive_file), "--lang", lang, *args])
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return _run
