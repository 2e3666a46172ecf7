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


def test_signed_build_verifies(bundle, tmp_path, monkeypatch):
    """--sign-pfx: !uninstfinalize/!finalize run sign_file.py, so the installer carries our signature."""
    import subprocess

    from tests.tooling import require_tool

    osslsigncode = require_tool("osslsigncode")
    openssl = require_tool("openssl")
    key, cert, pfx = tmp_path / "k.pem", tmp_path / "c.pem", tmp_path / "office.pfx"
    subprocess.run([openssl, "req", "-x509", "-newkey", "rsa:2048", "-keyout", str(key), "-out", str(cert),
                    "-days", "2", "-nodes", "-subj", "/CN=Bulletin Desk Test Office",
                    "-addext", "extendedKeyUsage=codeSigning"], check=True, capture_output=True)
    subprocess.run([openssl, "pkcs12", "-export", "-inkey", str(key), "-in", str(cert), "-out", str(pfx),
                    "-passout", "pass:s3cret"], check=True, capture_output=True)
    monkeypatch.setenv("BULLETIN_DESK_SIGN_PASS", "s3cret")
    out = build_windows.run_makensis(bundle, "0.1.0", tmp_path / "signed-setup.exe", compress=False,
                                     sign_command=build_windows.sign_command_for(pfx, "BULLETIN_DESK_SIGN_PASS"))
    done = subprocess.run([osslsigncode, "verify", "-in", str(out), "-CAfile", str(cert)],
                          capture_output=True, text=True)
    assert "Signature verification: ok" in done.stdout, done.stdout + done.stderr
    assert "CN=Bulletin Desk Test Office" in done.stdout
    # The uninstaller was signed before it was packed (stored as is in this uncompressed build): our
    # certificate appears before the installer's own signature (the PE security directory) too.
    data = out.read_bytes()
    cert_table_offset = _security_directory_offset(data)
    assert 0 < cert_table_offset < len(data)
    assert b"Bulletin Desk Test Office" in data[:cert_table_offset], "the packed uninstaller is not signed"


def _security_directory_offset(data: bytes) -> int:
    import struct

    pe = struct.unpack_from("<I", data, 0x3C)[0]
    opt = pe + 24
    assert struct.unpack_from("<H", data, opt)[0] == 0x20B  # PE32+
    offset, _size = struct.unpack_from("<II", data, opt + 112 + 8 * 4)  # IMAGE_DIRECTORY_ENTRY_SECURITY
    return offset
