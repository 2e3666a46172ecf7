"""What the installed Windows app needs before Qt starts: a log file, an identity, a running-marker.

- Under ``pythonw`` (the Start-menu shortcut runs ``runtime\\BulletinDesk.exe``, a renamed pythonw.exe)
  ``sys.stdout``/``sys.stderr`` are None: a print or a traceback would vanish or crash, so both go to
  ``bulletin-desk.log`` in the platformdirs log folder, and ``logging`` writes there too.
- ``SetCurrentProcessExplicitAppUserModelID``: the taskbar groups our windows as 简报编辑台, not Python.
- A named mutex ``BulletinDesk.Running`` that lives as long as the GUI: the installer and uninstaller
  refuse to replace files of a running app by checking it (OpenMutex in installer.nsi).
- ``--open FILE`` (the ``.bdjson`` file association) is taken off the command line here and kept for the
  GUI: :func:`requested_file`.

The GUI's app.py calls :func:`prepare_qt_application` once QApplication exists and holds the object
returned by :func:`acquire_running_mutex` for its lifetime. Everything here is a no-op off Windows.
"""

from __future__ import annotations

import contextlib
import logging
import logging.handlers
import os
import sys
from pathlib import Path
from typing import Any

from bulletin_desk import paths

MUTEX_NAME = "BulletinDesk.Running"  # installer.nsi checks the same name: keep them equal
APP_USER_MODEL_ID = "BulletinDesk.BulletinDesk.1"
LOG_FILENAME = "bulletin-desk.log"
OPEN_SWITCH = "--open"
_ERROR_ALREADY_EXISTS = 183

_requested_file: Path | None = None


def log_file() -> Path:
    return paths.log_dir() / LOG_FILENAME


def setup_logging(*, redirect_missing_streams: bool = True) -> Path:
    """Log to a rotating UTF-8 file; when stdout/stderr are None (pythonw), send them there too.

    A console that cannot encode Chinese (cp1252, or gbk meeting a rare character) replaces what it
    cannot show instead of raising in the middle of a message.
    """
    target = log_file()
    target.parent.mkdir(parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(target, maxBytes=2_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    if not any(getattr(h, "baseFilename", None) == str(target) for h in root.handlers):
        root.addHandler(handler)
    else:
        handler.close()
    root.setLevel(logging.INFO)
    if redirect_missing_streams and (sys.stdout is None or sys.stderr is None):
        stream = target.open("a", encoding="utf-8", buffering=1)
        if sys.stdout is None:
            sys.stdout = stream
        if sys.stderr is None:
            sys.stderr = stream
    for console in (sys.stdout, sys.stderr):
        reconfigure = getattr(console, "reconfigure", None)
        if reconfigure is not None and getattr(console, "name", "") != str(target):
            with contextlib.suppress(ValueError, OSError):
                reconfigure(errors="replace")
    return target


def set_app_user_model_id(app_id: str = APP_USER_MODEL_ID) -> bool:
    """Give the process our own taskbar identity (before the first window). False off Windows."""
    if sys.platform != "win32":
        return False
    try:
        import ctypes

        result = ctypes.windll.shell32.SetCurrentProcessExplicitAppUserModelID(ctypes.c_wchar_p(app_id))
    except (AttributeError, OSError):
        return False
    return result == 0


class RunningMutex:
    """The named mutex held while the GUI runs; ``already_running`` is True if another copy holds it."""

    def __init__(self, handle: int | None, already_running: bool) -> None:
        self.handle = handle
        self.already_running = already_running

    def release(self) -> None:
        if self.handle and sys.platform == "win32":
            import ctypes

            ctypes.windll.kernel32.CloseHandle(ctypes.c_void_p(self.handle))
        self.handle = None


def acquire_running_mutex(name: str = MUTEX_NAME) -> RunningMutex:
    """Create (or open) the named mutex; keep the returned object alive as long as the app runs."""
    if sys.platform != "win32":
        return RunningMutex(None, False)
    import ctypes
    from ctypes import wintypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    kernel32.CreateMutexW.restype = wintypes.HANDLE
    kernel32.CreateMutexW.argtypes = [ctypes.c_void_p, wintypes.BOOL, wintypes.LPCWSTR]
    handle = kernel32.CreateMutexW(None, False, name)
    already = ctypes.get_last_error() == _ERROR_ALREADY_EXISTS
    return RunningMutex(int(handle) if handle else None, already)


def app_icon_path() -> Path:
    """The app icon shipped in resources/icons (.ico on Windows, .png elsewhere)."""
    icons = paths.resources_dir() / "icons"
    return icons / ("bulletin_desk.ico" if sys.platform == "win32" else "bulletin_desk.png")


def prepare_qt_application(app: Any) -> None:
    """Window icon and taskbar identity for a QApplication (called by app.py right after creating it)."""
    from PySide6.QtGui import QIcon

    set_app_user_model_id()
    icon = app_icon_path()
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    if app.platformName() == "offscreen":
        load_system_fonts_if_missing()


FONT_SUFFIXES = (".ttf", ".ttc", ".otf")


def load_system_fonts_if_missing() -> int:
    """Give Qt's offscreen platform on Windows the system fonts; returns how many font files were added.

    On Windows, ``-platform offscreen`` (the self-test, headless export) starts with an *empty* font
    database: it does not enumerate the system fonts as the ``windows`` platform does, so every text would
    paint as nothing. Adding the files of %WINDIR%\\Fonts and the per-user font folder fixes that. A no-op
    off Windows or when Qt already knows fonts. Call it after the QGuiApplication exists.
    """
    if sys.platform != "win32":
        return 0
    from PySide6.QtGui import QFontDatabase

    if QFontDatabase.families():
        return 0
    folders = [Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"]
    if os.environ.get("LOCALAPPDATA"):
        folders.append(Path(os.environ["LOCALAPPDATA"]) / "Microsoft" / "Windows" / "Fonts")
    added = 0
    for folder in folders:
        if not folder.is_dir():
            continue
        for font in sorted(folder.iterdir()):
            if font.suffix.lower() in FONT_SUFFIXES and QFontDatabase.addApplicationFont(str(font)) >= 0:
                added += 1
    logging.getLogger(__name__).info("offscreen platform: loaded %d system font files", added)
    return added


def requested_file() -> Path | None:
    """The file passed with ``--open`` (double-click on a .bdjson), for the GUI to open at start."""
    return _requested_file


def take_open_request(argv: list[str]) -> list[str]:
    """Remove ``--open FILE`` from argv and remember FILE for :func:`requested_file`."""
    global _requested_file
    rest: list[str] = []
    it = iter(argv)
    for arg in it:
        if arg == OPEN_SWITCH:
            value = next(it, None)
            if value:
                _requested_file = Path(value)
        else:
            rest.append(arg)
    return rest


def run_installed_app(argv: list[str]) -> int:
    """Entry point of bulletin_desk.pyw in the Windows bundle: logging first, then the normal CLI/GUI."""
    log = setup_logging()
    logger = logging.getLogger("bulletin_desk.winapp")
    logger.info("start %s argv=%r", sys.executable, argv)
    set_app_user_model_id()
    args = take_open_request(list(argv))
    try:
        from bulletin_desk.cli import main

        code = main(args)
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    except BaseException:
        logger.exception("unhandled error; log file %s", log)
        return 3
    logger.info("exit %s", code)
    return int(code or 0)
