"""pyproject.toml and constraints.txt agree: one set of exact versions satisfies every declared range."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

REPO = Path(__file__).resolve().parents[1]


def _pins() -> dict[str, Version]:
    pins: dict[str, Version] = {}
    for line in (REPO / "constraints.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        match = re.fullmatch(r"([A-Za-z0-9_.\-]+)==([^\s;]+)", line)
        assert match, f"constraints.txt: not an exact pin: {line!r}"
        pins[canonicalize_name(match.group(1))] = Version(match.group(2))
    return pins


def test_constraints_satisfy_pyproject_ranges():
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    pins = _pins()
    declared = list(project["dependencies"]) + [r for group in project["optional-dependencies"].values() for r in group]
    for text in declared:
        req = Requirement(text)
        name = canonicalize_name(req.name)
        assert name in pins, f"{req.name} is declared but not pinned in constraints.txt"
        assert pins[name] in req.specifier, f"{req.name}=={pins[name]} does not satisfy {req.specifier}"


def test_alembic_dependencies_are_pinned():
    pins = _pins()
    for name in ("alembic", "mako", "markupsafe", "sqlalchemy", "pyside6-essentials", "shiboken6"):
        assert name in pins, name


def test_pyside6_stays_below_6_10():
    # Qt6Core.dll from 6.10 on imports icu.dll, absent on Windows 10 1809 / LTSC 2019.
    assert _pins()["pyside6-essentials"] < Version("6.10")


def test_every_package_is_listed_for_the_wheel():
    listed = set(tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"])
    src = REPO / "src"
    found = {
        ".".join(init.parent.relative_to(src).parts)
        for init in src.rglob("__init__.py")
        if "__pycache__" not in init.parts
    }
    assert found - listed == set(), f"packages missing from pyproject [tool.setuptools] packages: {found - listed}"
    assert "bulletin_desk._resources" in listed
