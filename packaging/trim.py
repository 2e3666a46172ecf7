"""What the Windows bundle keeps and what it drops, as data (tests import these lists).

An allow-list for Qt (PySide6 is 190 MB unpacked, the app needs about 45 MB of it) and a deny-list of
patterns for everything else. The app needs Core, Gui, Widgets, PrintSupport and Svg; no WebEngine, no
Quick/QML, no software OpenGL (opengl32sw.dll, 20 MB), no Qt tools, no plugin whose Qt module is gone
(imageformats/qpdf.dll needs Qt6Pdf.dll and would be skipped silently by Qt at run time).
"""

from __future__ import annotations

import fnmatch
import shutil
from collections.abc import Iterable
from pathlib import Path

# Files directly inside lib/PySide6/ that stay (everything else there goes).
PYSIDE6_KEEP = frozenset({
    "__init__.py", "_config.py", "_git_pyside_version.py",
    "pyside6.abi3.dll",
    "Qt6Core.dll", "Qt6Gui.dll", "Qt6Widgets.dll", "Qt6PrintSupport.dll", "Qt6Svg.dll", "Qt6SvgWidgets.dll",
    "QtCore.pyd", "QtGui.pyd", "QtWidgets.pyd", "QtPrintSupport.pyd", "QtSvg.pyd", "QtSvgWidgets.pyd",
    # The MSVC runtime that Qt was linked against ships inside the wheel: no VC++ redistributable needed.
    "msvcp140.dll", "msvcp140_1.dll", "msvcp140_2.dll", "msvcp140_codecvt_ids.dll",
    "vcruntime140.dll", "vcruntime140_1.dll", "concrt140.dll",
})

# Sub-folders of lib/PySide6/ that stay, with the files kept in each (relative to lib/PySide6/).
PYSIDE6_KEEP_FILES_IN_DIRS = frozenset({
    "plugins/platforms/qwindows.dll",
    "plugins/platforms/qoffscreen.dll",  # --self-test -platform offscreen, and headless rendering
    "plugins/platforms/qminimal.dll",
    "plugins/imageformats/qgif.dll",
    "plugins/imageformats/qico.dll",
    "plugins/imageformats/qjpeg.dll",
    "plugins/imageformats/qsvg.dll",
    "plugins/imageformats/qtiff.dll",
    "plugins/imageformats/qwebp.dll",
    "plugins/iconengines/qsvgicon.dll",
    "plugins/styles/qmodernwindowsstyle.dll",
    # Qt's own Chinese strings (standard dialogs, print dialog, context menus).
    "translations/qtbase_zh_CN.qm",
    "translations/qt_zh_CN.qm",
})

SHIBOKEN6_KEEP = frozenset({
    "__init__.py", "_config.py", "_git_shiboken_module_version.py", "Shiboken.pyd", "shiboken6.abi3.dll",
    "msvcp140.dll", "msvcp140_1.dll", "msvcp140_2.dll", "msvcp140_codecvt_ids.dll",
    "vcruntime140.dll", "vcruntime140_1.dll", "concrt140.dll",
})

# Anywhere under lib/ (glob on the path relative to lib/, and on the bare file name).
LIB_DROP_PATTERNS = (
    "*.pyi", "*.lib", "*.pdb", "*.pyx", "*.pxd", "*.h", "*.c",
    "*/__pycache__/*", "lxml/includes/*",
    # Test harnesses and what python-docx never uses (the self-test imports every module of the app).
    "sqlalchemy/testing/*", "alembic/testing/*", "lxml/objectify*",
    "*.exe",
)

# Must never be in the bundle (checked after trimming; globs on paths relative to the bundle root).
MUST_NOT_HAVE = (
    "lib/PySide6/Qt6WebEngine*", "lib/PySide6/Qt6Quick*", "lib/PySide6/Qt6Qml*", "lib/PySide6/QtQml*",
    "lib/PySide6/QtQuick*", "lib/PySide6/opengl32sw.dll", "lib/PySide6/qml", "lib/PySide6/qml/*",
    "lib/PySide6/plugins/imageformats/qpdf.dll", "lib/PySide6/plugins/platforminputcontexts/*",
    "lib/PySide6/plugins/qmltooling/*", "lib/PySide6/plugins/designer/*", "lib/PySide6/plugins/sqldrivers/*",
    "lib/PySide6/Qt6Designer*", "lib/PySide6/Qt6Pdf*", "lib/PySide6/Qt6Network.dll",
    "lib/*.exe", "lib/*/*.exe", "lib/PySide6/include/*", "lib/PySide6/doc/*", "lib/**/*.pyi",
)

# Must be in the bundle (relative to the bundle root).
MUST_HAVE = (
    "runtime/python.exe", "runtime/pythonw.exe", "runtime/BulletinDesk.exe", "runtime/python311.dll",
    "runtime/python3.dll", "runtime/python311.zip", "runtime/python311._pth", "runtime/vcruntime140.dll",
    "runtime/_sqlite3.pyd", "runtime/sqlite3.dll", "runtime/_ctypes.pyd",
    "lib/PySide6/Qt6Core.dll", "lib/PySide6/Qt6Gui.dll", "lib/PySide6/Qt6Widgets.dll",
    "lib/PySide6/Qt6PrintSupport.dll", "lib/PySide6/Qt6Svg.dll", "lib/PySide6/QtCore.pyd",
    "lib/PySide6/plugins/platforms/qwindows.dll", "lib/PySide6/plugins/platforms/qoffscreen.dll",
    "lib/PySide6/plugins/imageformats/qjpeg.dll", "lib/PySide6/plugins/imageformats/qsvg.dll",
    "lib/PySide6/plugins/iconengines/qsvgicon.dll", "lib/PySide6/plugins/styles/qmodernwindowsstyle.dll",
    "lib/PySide6/translations/qtbase_zh_CN.qm", "lib/shiboken6/Shiboken.pyd",
    "lib/lxml/etree.cp311-win_amd64.pyd", "lib/sqlalchemy/__init__.py", "lib/alembic/__init__.py",
    "lib/mako/__init__.py", "lib/markupsafe/__init__.py", "lib/docx/__init__.py", "lib/pypdf/__init__.py",
    "lib/platformdirs/__init__.py",
    "app/bulletin_desk/__init__.py", "app/bulletin_desk/selftest.py", "app/bulletin_desk/winapp.py",
    "app/bulletin_desk/_resources/samples/reference.bdjson",
    "app/bulletin_desk/_resources/icons/bulletin_desk.ico",
    "app/bulletin_desk/_resources/i18n/bulletin_desk_zh_CN.qm", "app/bulletin_desk/_resources/i18n/bulletin_desk_en.qm",
    "bulletin_desk.pyw", "bulletin_desk.ico", "install-manifest.txt", "version.txt",
)

# DLLs that Windows 10 1809+ itself provides (lower-case). Anything else a kept binary imports must be
# inside the bundle, or the build fails.
WINDOWS_SYSTEM_DLLS = frozenset({
    "advapi32.dll", "authz.dll", "bcrypt.dll", "comctl32.dll", "comdlg32.dll", "crypt32.dll", "d2d1.dll",
    "d3d11.dll", "d3d12.dll", "d3d9.dll", "dcomp.dll", "dnsapi.dll", "dwmapi.dll", "dwrite.dll", "dxgi.dll",
    "gdi32.dll", "gdiplus.dll", "imm32.dll", "iphlpapi.dll", "kernel32.dll", "mpr.dll", "msimg32.dll",
    "ncrypt.dll", "netapi32.dll", "ntdll.dll", "ole32.dll", "oleaut32.dll", "opengl32.dll", "powrprof.dll",
    "rpcrt4.dll", "secur32.dll", "setupapi.dll", "shcore.dll", "shell32.dll", "shlwapi.dll",
    "uiautomationcore.dll", "user32.dll", "userenv.dll", "uxtheme.dll", "version.dll", "winhttp.dll",
    "winmm.dll", "winspool.drv", "wintrust.dll", "ws2_32.dll", "wtsapi32.dll", "cfgmgr32.dll", "ucrtbase.dll",
    "propsys.dll", "dbghelp.dll", "psapi.dll", "cabinet.dll", "msi.dll", "hid.dll",
})


def is_system_dll(name: str) -> bool:
    lower = name.lower()
    return lower in WINDOWS_SYSTEM_DLLS or lower.startswith(("api-ms-win-", "ext-ms-win-"))


def _matches(rel: str, patterns: Iterable[str]) -> bool:
    name = rel.rsplit("/", 1)[-1]
    return any(fnmatch.fnmatchcase(rel, p) or fnmatch.fnmatchcase(name, p) for p in patterns)


def _remove(path: Path) -> int:
    if path.is_dir() and not path.is_symlink():
        size = sum(f.stat().st_size for f in path.rglob("*") if f.is_file())
        shutil.rmtree(path)
        return size
    size = path.stat().st_size
    path.unlink()
    return size


def trim_lib(lib: Path) -> int:
    """Apply the allow-lists and drop patterns to an unpacked lib/ folder; returns the bytes removed."""
    removed = 0
    pyside = lib / "PySide6"
    if pyside.is_dir():
        for entry in sorted(pyside.iterdir()):
            if entry.is_file() and entry.name not in PYSIDE6_KEEP:
                removed += _remove(entry)
            elif entry.is_dir():
                for f in sorted(p for p in entry.rglob("*") if p.is_file()):
                    if f.relative_to(pyside).as_posix() not in PYSIDE6_KEEP_FILES_IN_DIRS:
                        removed += _remove(f)
        removed += _prune_empty_dirs(pyside)
    shiboken = lib / "shiboken6"
    if shiboken.is_dir():
        for entry in sorted(shiboken.iterdir()):
            if entry.name not in SHIBOKEN6_KEEP:
                removed += _remove(entry)
    for f in sorted(p for p in lib.rglob("*") if p.is_file()):
        if _matches(f.relative_to(lib).as_posix(), LIB_DROP_PATTERNS):
            removed += _remove(f)
    removed += _prune_empty_dirs(lib)
    return removed


def _prune_empty_dirs(root: Path) -> int:
    for d in sorted((p for p in root.rglob("*") if p.is_dir()), key=lambda p: len(p.parts), reverse=True):
        if not any(d.iterdir()):
            d.rmdir()
    return 0


def forbidden_files(bundle: Path) -> list[str]:
    """Paths (relative, posix) in the bundle that match MUST_NOT_HAVE."""
    found = []
    for f in bundle.rglob("*"):
        rel = f.relative_to(bundle).as_posix()
        if any(fnmatch.fnmatchcase(rel, p) for p in MUST_NOT_HAVE):
            found.append(rel)
    return sorted(found)


def missing_files(bundle: Path) -> list[str]:
    return [rel for rel in MUST_HAVE if not (bundle / rel).is_file()]
