"""Fixtures of the Windows-packaging tests: the bundle and the installers, built once per session.

Downloads are cached in build/win-cache (kept between local runs; CI caches it too). The bundle and
installers go to a session temp folder, never to the developer's build/ or dist/.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from tests.tooling import require_tool

REPO = Path(__file__).resolve().parents[2]
PACKAGING = REPO / "packaging"
CACHE = REPO / "build" / "win-cache"
if str(PACKAGING) not in sys.path:
    sys.path.insert(0, str(PACKAGING))

import build_windows  # noqa: E402


@pytest.fixture(scope="session")
def bundle_result(tmp_path_factory: pytest.TempPathFactory) -> build_windows.BuildResult:
    require_tool("osslsigncode")
    build_dir = tmp_path_factory.mktemp("winbuild")
    return build_windows.assemble_bundle(build_dir, CACHE, build_windows.project_version())


@pytest.fixture(scope="session")
def bundle(bundle_result: build_windows.BuildResult) -> Path:
    return bundle_result.bundle


@pytest.fixture(scope="session")
def installer_real(bundle: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The release installer (LZMA, about 40 s): the size budget and the first wine install use it."""
    require_tool("makensis")
    out = tmp_path_factory.mktemp("dist") / build_windows.installer_name(build_windows.project_version())
    return build_windows.run_makensis(bundle, build_windows.project_version(), out, compress=True)


UPGRADE_VERSION = "99.0.1"


@pytest.fixture(scope="session")
def installer_upgrade(bundle: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A later version, uncompressed (a few seconds): the structural -WX build and the upgrade test."""
    require_tool("makensis")
    out = tmp_path_factory.mktemp("dist-next") / build_windows.installer_name(UPGRADE_VERSION)
    return build_windows.run_makensis(bundle, UPGRADE_VERSION, out, compress=False)
