"""A scripted user for end-to-end tests, enabled only by BULLETIN_DESK_TEST_HOOK.

The crash-recovery test starts the real app in a subprocess with this variable pointing at a JSON
script. The hook drives the window through the same widgets and undo path a person uses (key
events into the editors), writes marker files the test waits for, and answers the restore
question. Without the variable nothing here is ever imported.

Script: ``{"restore": true, "steps": [{"select": ["article", 0, 0]}, {"type": "title", "text": "…"},
{"wait_journal": true}, {"dump": "/path/state.json"}, {"marker": "/path/ready"}, {"quit": true}]}``.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from bulletin_desk.fileio import atomic_write_text
from bulletin_desk.model import dumps


def type_text(widget: QWidget, text: str) -> None:
    """Type `text` into `widget` as key events (QTest.keyClicks cannot send Chinese characters)."""
    widget.setFocus()
    for char in text:
        if char == "\n":
            press = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, "\r")
        else:
            press = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
        QApplication.sendEvent(widget, press)
        release = QKeyEvent(QEvent.Type.KeyRelease, press.key(), Qt.KeyboardModifier.NoModifier, press.text())
        QApplication.sendEvent(widget, release)


def rss_kb() -> int:
    """Resident memory of this process in KiB (Linux /proc; 0 where unavailable)."""
    try:
        for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


class _PaintWatch(QObject):
    """Notes that the preview canvas handled a paint event while it had pages."""

    def __init__(self, canvas: QWidget) -> None:
        super().__init__(canvas)
        self.canvas = canvas
        self.painted = False
        canvas.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and watched is self.canvas and self.canvas.pages():  # type: ignore[attr-defined]
            QTimer.singleShot(0, self._mark)  # after the paint event itself has run
        return False

    def _mark(self) -> None:
        self.painted = True


class TestHook:
    __test__ = False  # not a pytest class

    def __init__(self, script_path: Path) -> None:
        self.script: dict[str, Any] = json.loads(script_path.read_text(encoding="utf-8"))
        self.restored: bool | None = None
        self.window: Any = None

    def ask_restore(self, _parent: Any, _entry: Any) -> bool:
        self.restored = bool(self.script.get("restore", True))
        return self.restored

    def start(self, window: Any, notes: list[str] | None = None) -> None:
        self.window = window
        self._paint_watch = _PaintWatch(window.preview.canvas)
        self.notes = list(notes or [])
        self._steps = list(self.script.get("steps", []))
        QTimer.singleShot(10, self._next)

    def _preview_painted(self) -> bool:
        runner = self.window.runner
        return bool(runner.is_idle() and self.window.preview.page_count() and self._paint_watch.painted)

    def _next(self) -> None:
        if not self._steps:
            return
        step = self._steps.pop(0)
        delay = 20
        if "select" in step:
            self.window.select_node(tuple(step["select"]))
        elif "type" in step:
            form = self.window.editors.article
            widget = {"title": form.title, "source": form.source, "body": form.body}[step["type"]]
            type_text(widget, step["text"])
        elif "undo" in step:
            self.window.act_undo.trigger()
        elif "wait_journal" in step:
            if self.window.autosaver.pending():
                self._steps.insert(0, step)
                delay = 50
        elif "dump" in step:
            state = {"restored": self.restored, "dirty": self.window.doc.is_dirty(), "notes": self.notes,
                     "issue_id": self.window.doc.issue_id,
                     "issue": json.loads(dumps(self.window.doc.issue))}
            atomic_write_text(step["dump"], json.dumps(state, ensure_ascii=False))
        elif "marker" in step:
            atomic_write_text(step["marker"], "ok")
        elif "load" in step:  # benchmarks: open a given issue file (not stored in the archive)
            from bulletin_desk.model import loads

            self.window.doc.load(loads(Path(step["load"]).read_bytes()))
            self._paint_watch.painted = False
        elif "ready" in step:  # benchmarks: once the preview has painted pages, say when and how big
            if not self._preview_painted():
                self._steps.insert(0, step)
                delay = 5
            else:
                atomic_write_text(step["ready"], json.dumps({
                    "time": time.time(), "cpu_s": time.process_time(), "pages": self.window.preview.page_count(),
                    "rss_kb": rss_kb()}))
        elif "quit" in step:
            self.window.doc.stack.setClean()
            self.window.close()
            QApplication.quit()
        QTimer.singleShot(delay, self._next)
