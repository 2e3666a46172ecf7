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
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer
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
        self.notes = list(notes or [])
        self._steps = list(self.script.get("steps", []))
        QTimer.singleShot(100, self._next)

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
        elif "quit" in step:
            self.window.doc.stack.setClean()
            self.window.close()
            QApplication.quit()
        QTimer.singleShot(delay, self._next)
