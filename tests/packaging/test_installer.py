"""makensis compiles the installer with warnings as errors; the release build fits its size budget."""

from __future__ import annotations

import build_windows
import pe_imports
import pytest

pytestmark = pytest.mark.slow


def test_structural_build_compiles_with_wx(installer_upgrade):
    info = pe_imports.read_imports(installer_upgrade)
    assert info.is_amd64, "the stub must be amd64-unicode: Debian's wine64 cannot run a 32-bit stub"
    assert installer_upgrade.name == "BulletinDesk-99.0.1-win10-x64-setup.exe"


def test_release_installer_fits_the_budget(installer_real):
    size = installer_real.stat().st_size
    print(f"installer: {size / 1e6:.1f} MB (budget 40 MB) sha256 {build_windows.sha256(installer_real)}")
    assert size <= 40 * 1000 * 1000
    assert pe_imports.read_imports(installer_real).is_amd64


def test_version_quad():
    assert build_windows.version_quad("0.1.0") == "0.1.0.0"
    assert build_windows.version_quad("1.2.3rc1") == "1.2.3.1"
