"""Archive fixtures: a fresh archive per test (seeded with the sample on first open)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bulletin_desk.archive import Archive, open_archive
from bulletin_desk.model import Issue, loads

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures" / "archives"
REFERENCE = REPO / "resources" / "samples" / "reference.bdjson"


@pytest.fixture
def archive_path(tmp_path: Path) -> Path:
    return tmp_path / "档案" / "archive.sqlite3"


@pytest.fixture
def archive(archive_path: Path) -> Iterator[Archive]:
    opened = open_archive(archive_path)
    yield opened
    opened.close()


@pytest.fixture
def reference_issue() -> Issue:
    return loads(REFERENCE.read_bytes())
