"""Shared test helpers: external tools that must exist in CI (import as ``tests.tooling``)."""

from __future__ import annotations

import os

import pytest


def require_tool(name: str) -> str:
    """The path of an external tool; a missing tool fails under CI=true and skips only on a dev machine."""
    import shutil

    found = shutil.which(name)
    if found:
        return found
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(f"required tool {name!r} is not installed (CI=true: this never skips)")
    pytest.skip(f"{name} not installed on this dev machine")
    raise AssertionError  # unreachable
