"""Fixtures of the layout tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from bulletin_desk.layout import LayoutProfile, StaticMetrics, load_profile
from bulletin_desk.model import Issue, loads

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def profile() -> LayoutProfile:
    return load_profile()


@pytest.fixture(scope="session")
def metrics() -> StaticMetrics:
    return StaticMetrics()


@pytest.fixture
def reference_issue() -> Issue:
    return loads((REPO / "resources" / "samples" / "reference.bdjson").read_bytes())
