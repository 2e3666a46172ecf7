"""Start the desktop editor: QApplication, translators, settings, archive + lock, recovery, window.

`bulletin-desk` with no command calls `main(ctx, qt_args)`. Start-up order matters for "nothing
lost": the archive is opened first, the lock is written only after a successful open, then the
journal is checked for unsaved edits from a crash before the window shows the issue. Any unexpected
exception is written to the crash log in the platformdirs log folder and the user sees a message
that names the file, never a traceback.
"""

from __future__ import annotations

import datetime as _dt
import gc
import os
import sys
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QTimer

from bulletin_desk import paths

if TYPE_CHECKING:
    from bulletin_desk.gui.archive_link import ArchiveLink
    from bulletin_desk.gui.mainwindow import MainWindow
    from bulletin_desk.gui.settings import Settings

CRASH_LOG = "crash.log"
TEST_HOOK_ENV = "BULLETIN_DESK_TEST_HOOK"  # path of a JSON script; only tests set it


def log_exception(exc_info: Any = None) -> Path:
    """Append a traceback to the crash log and return its path (the message names it)."""
    log = paths.log_dir() / CRASH_LOG
    try:
        log.parent.mkdir(parents=True, exist_ok=True)
        with log.open("a", encoding="utf-8") as handle:
            handle.write(f"--- {_dt.datetime.now().isoformat(timespec='seconds')}\n")
            if exc_info is None:
                handle.write(traceback.format_exc())
            else:
                handle.write("".join(traceback.format_exception(*exc_info)))
    except OSError:
        pass
    return log


def _excepthook(exc_type: Any, value: Any, tb: Any) -> None:
    """An error in a slot: log it and tell the user where the log is; the window keeps running."""
    log = log_exception((exc_type, value, tb))
    try:
        from PySide6.QtWidgets import QApplication, QMessageBox

        if QApplication.instance() is not None:
            text = QCoreApplication.translate(
                "App", "操作未能完成。您的编辑已自动保存，可继续工作。\n请把错误记录文件发给技术支持：\n{0}")
            QMessageBox.critical(None, QCoreApplication.translate("App", "发生内部错误"), text.format(log))
    except Exception:
        pass


def i18n_dir() -> Path:
    from bulletin_desk.gui.i18n import i18n_dir as _i18n_dir

    return _i18n_dir()


def install_translators(app: Any, lang: str) -> list[Any]:
    """Our messages (.qm from resources/i18n) and, for Chinese, Qt's own (standard dialogs)."""
    from bulletin_desk.gui.i18n import install_language

    return install_language(app, "en" if lang == "en" else "zh")


def choose_archive(ctx_path: Path, explicit: bool, settings: Settings) -> Path:
    """--archive or BULLETIN_DESK_ARCHIVE win; then the 设置 choice; then the default."""
    if explicit or os.environ.get(paths.ARCHIVE_ENV):
        return ctx_path
    if settings.archive_path:
        return Path(settings.archive_path)
    return ctx_path


def reference_sample() -> Any:
    from bulletin_desk.model import loads

    return loads((paths.resources_dir() / "samples" / "reference.bdjson").read_bytes())


@dataclass
class Session:
    """What one run of the app holds: the archive link, the window, the notes shown at start."""

    archive_path: Path
    link: ArchiveLink | None = None
    window: MainWindow | None = None
    notes: list[str] = field(default_factory=list)
    locked: bool = False

    def close(self) -> None:
        from bulletin_desk.gui.archive_link import release_lock

        if self.locked:
            release_lock(self.archive_path)
            self.locked = False
        if self.link is not None:
            self.link.close()
            self.link = None


class AppStartError(Exception):
    """Start-up cannot continue; `text` is the message for the user."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text = text


def open_session(archive_path: Path, settings: Settings, ask_restore: Any = None) -> Session:
    """Open archive and lock, pick the issue to show, build the window (no event loop)."""
    from bulletin_desk.gui.archive_link import ArchiveLink, ArchiveLocked, ArchiveUnavailable, acquire_lock, read_lock
    from bulletin_desk.gui.dialogs import ask_restore as default_ask_restore
    from bulletin_desk.gui.document import IssueDocument
    from bulletin_desk.gui.mainwindow import MainWindow

    session = Session(archive_path)
    holder = read_lock(archive_path)
    if holder is not None:
        import socket

        from bulletin_desk.gui.archive_link import _pid_alive

        if holder.host != socket.gethostname() or (_pid_alive(holder.pid) and holder.pid != os.getpid()):
            text = QCoreApplication.translate(
                "App", "档案“{0}”正在被使用：{1} 上的进程 {2}（自 {3} 起）。\n"
                "请先关闭那边的简报编辑台；若那台电脑已关机，请删除锁文件：{4}")
            raise AppStartError(text.format(archive_path, holder.host, holder.pid, holder.since,
                                            archive_path.name + ".lock"))
    try:
        archive_path.parent.mkdir(parents=True, exist_ok=True)
        session.link = ArchiveLink.open(archive_path)
    except ArchiveUnavailable:
        session.notes.append(QCoreApplication.translate("App", "档案模块未就绪：可以编辑和导出，但不能保存到档案。"))
    except Exception as exc:
        log = log_exception()
        text = QCoreApplication.translate("App", "档案“{0}”无法打开：{1}\n可以编辑和导出，但不能保存。详细信息：{2}")
        session.notes.append(text.format(archive_path, exc, log))
    if session.link is not None:
        try:
            stale = acquire_lock(archive_path)
            session.locked = True
        except ArchiveLocked as exc:
            session.link.close()
            text = QCoreApplication.translate("App", "档案正在被 {0} 上的进程 {1} 使用（自 {2} 起）。")
            raise AppStartError(text.format(exc.holder.host, exc.holder.pid, exc.holder.since)) from exc
        if stale is not None:
            text = QCoreApplication.translate(
                "App", "上次在 {0} 运行的简报编辑台（进程 {1}，{2}）未正常退出，已接管其档案锁。")
            session.notes.append(text.format(stale.host, stale.pid, stale.since))

    doc = IssueDocument()
    window = MainWindow(doc, session.link, settings)
    session.window = window
    _load_start_issue(session, settings, ask_restore or default_ask_restore)
    return session


SETTLE_HEAP_AFTER_MS = 1000


def settle_heap() -> None:
    """After start-up: collect once, then exempt what exists from later full collections.

    Everything made while starting (Qt wrappers, SQLAlchemy's tables, the catalogue, the profile)
    lives as long as the window, yet every full collection of the cyclic GC walked all of it:
    60 ms on the GUI thread in the middle of typing (benchmarks/gui_bench.py, measured). Frozen,
    a full collection walks only what was made since. Called by `main` (and the benchmark), not by
    `open_session`: a test run opens hundreds of sessions, whose garbage must stay collectable.
    """
    gc.collect()
    gc.freeze()


def _load_start_issue(session: Session, settings: Settings, ask_restore: Any) -> None:
    window = session.window
    assert window is not None
    doc, link = window.doc, session.link
    if link is not None:
        try:
            entry = link.journal_get()
        except Exception:
            entry = None
        if entry is not None:
            if ask_restore(window, entry):
                version = None
                if entry.issue_id is not None:
                    try:
                        version = link.load(entry.issue_id)[2]
                    except Exception:
                        entry = type(entry)(None, entry.issue, entry.saved_at)
                doc.load(entry.issue, entry.issue_id, version, dirty=True)
                return
            link.journal_clear()
        try:
            rows = link.list_issues()
            wanted = next((i for i in settings.recent_issues if any(r.issue_id == i for r in rows)), None)
            if wanted is None and rows:
                wanted = rows[0].issue_id
            if wanted is not None:
                window.files.open_id(wanted)
                return
        except Exception:
            session.notes.append(QCoreApplication.translate("App", "档案中的简报无法读取，已打开示例。"))
    doc.load(reference_sample())


# Sans-serif CJK faces for the interface, best first. Windows and macOS pick a good one themselves
# (Microsoft YaHei UI, PingFang); fontconfig's fallback for Chinese in Qt's default sans can land on a
# calligraphic 楷体 (AR PL UKai), which makes the menus look like a greeting card.
UI_CJK_FACES = ("Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Droid Sans Fallback")


def prefer_ui_fonts(app: Any) -> str | None:
    """On Linux, give the interface font an explicit sans-serif CJK fallback; returns the face chosen."""
    if sys.platform in ("win32", "darwin"):
        return None
    from PySide6.QtGui import QFontDatabase

    installed = set(QFontDatabase.families())
    face = next((f for f in UI_CJK_FACES if f in installed), None)
    if face is not None:
        font = app.font()
        font.setFamilies([font.family(), face])
        app.setFont(font)
    return face


def _requested_file() -> Path | None:
    try:
        from bulletin_desk import winapp
    except Exception:  # winapp is Windows glue; without it nothing was requested
        return None
    return winapp.requested_file()


def main(ctx: Any = None, qt_args: list[str] | None = None) -> int:
    """Run the editor until the window closes; returns the exit code."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    from bulletin_desk.gui.i18n import choose_language
    from bulletin_desk.gui.settings import load_settings

    settings = load_settings()
    app = QApplication.instance() or QApplication([sys.argv[0], *(qt_args or [])])
    app.setApplicationName("BulletinDesk")
    prefer_ui_fonts(app)
    # QLocale.system() needs the QApplication; --lang counts only when given (ctx.lang has a default)
    cli_lang = ctx.lang if ctx is not None and getattr(ctx, "lang_explicit", False) else None
    install_translators(app, choose_language(settings.language, cli_lang))
    app.setApplicationDisplayName(QCoreApplication.translate("App", "简报编辑台"))
    try:
        from bulletin_desk import winapp

        winapp.prepare_qt_application(app)
        mutex = winapp.acquire_running_mutex()
    except Exception:
        mutex = None
    sys.excepthook = _excepthook
    archive = choose_archive(ctx.archive_path if ctx is not None else paths.archive_path(),
                             bool(ctx is not None and ctx.archive_explicit), settings)
    hook = None
    if os.environ.get(TEST_HOOK_ENV):
        from bulletin_desk.gui.testhook import TestHook

        hook = TestHook(Path(os.environ[TEST_HOOK_ENV]))
    try:
        session = open_session(archive, settings, hook.ask_restore if hook else None)
    except AppStartError as exc:
        QMessageBox.warning(None, QCoreApplication.translate("App", "无法打开档案"), exc.text)
        return 1
    except Exception:
        log = log_exception()
        QMessageBox.critical(None, QCoreApplication.translate("App", "无法启动"), QCoreApplication.translate("App",
            "简报编辑台未能启动。错误记录：{0}").format(log))
        return 3
    window = session.window
    assert window is not None
    window.show()
    for note in session.notes:
        window.statusBar().showMessage(note, 15000)
        if hook is None:
            QMessageBox.information(window, QCoreApplication.translate("App", "提示"), note)
    requested = _requested_file()
    if requested is not None:  # double-click on a .bdjson (the Windows launcher passes --open FILE)
        QTimer.singleShot(0, lambda: window.files.open_file(requested))
    if hook is not None:
        hook.start(window, session.notes)
    QTimer.singleShot(SETTLE_HEAP_AFTER_MS, settle_heap)  # when the window is up and idle, not in its start
    try:
        code = app.exec()
    finally:
        session.close()
        if mutex is not None:
            mutex.release()
    return int(code)
