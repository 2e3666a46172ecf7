"""Fixtures of the export tests."""

from __future__ import annotations

import datetime as _dt
import io
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from bulletin_desk.model import Issue, loads

REPO = Path(__file__).resolve().parents[2]
FIXED_NOW = _dt.datetime(2020, 4, 29, 8, 0, 0, tzinfo=_dt.UTC)


@pytest.fixture
def reference_issue() -> Issue:
    return loads((REPO / "resources" / "samples" / "reference.bdjson").read_bytes())


def read_part(docx: bytes, name: str) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        return etree.fromstring(archive.read(name))


def part_names(docx: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        return archive.namelist()
