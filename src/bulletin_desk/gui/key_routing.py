"""Keys and drops that must reach the issue, not the text box that happens to have focus.

Every editor in the window has its own undo switched off (the issue's QUndoStack is the only
history), yet a QLineEdit or QTextEdit still claims Ctrl+Z/Ctrl+Y as "its" key through the
ShortcutOverride event, so the window's 撤销/重做 would never fire while the cursor is in a
field — exactly where an editor presses them. Likewise a .docx dropped on the body would be
pasted as a ``file:///…`` line by the text box instead of being imported. One application-wide
event filter, limited to widgets of the main window (dialogs keep their own behaviour), routes
both to the window.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

if TYPE_CHECKING:
    from bulletin_desk.gui.mainwindow import MainWindow

_TEXT_WIDGETS = (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox, QComboBox)
_DRAG_EVENTS = (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop)


class EditorKeyRouter(QObject):
    """Sends undo/redo keys typed in any field to the issue's stack, dropped files to import."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)  # removed by Qt when this object (a child of the window) dies

    def detach(self) -> None:
        """Stop filtering (the window is closing); Qt would drop the filter with this object anyway."""
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def _in_window(self, obj: QObject) -> QWidget | None:
        if not isinstance(obj, QWidget):
            return None
        try:
            return obj if obj.window() is self.window else None
        except RuntimeError:  # a widget being deleted
            return None

    def _history_action(self, event: QKeyEvent) -> str:
        pressed = QKeySequence(event.keyCombination())
        if any(pressed.matches(s) == QKeySequence.SequenceMatch.ExactMatch for s in self.window.act_undo.shortcuts()):
            return "undo"
        if any(pressed.matches(s) == QKeySequence.SequenceMatch.ExactMatch for s in self.window.act_redo.shortcuts()):
            return "redo"
        return ""

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            return self._route_key(obj, event)  # type: ignore[arg-type]
        if kind in _DRAG_EVENTS:
            return self._route_drop(obj, event)  # type: ignore[arg-type]
        return False

    def _route_key(self, obj: QObject, event: QKeyEvent) -> bool:
        widget = self._in_window(obj)
        if widget is None or not isinstance(widget, _TEXT_WIDGETS):
            return False
        which = self._history_action(event)
        if not which:
            return False
        if event.type() == QEvent.Type.ShortcutOverride:
            event.ignore()  # not the text box's key: the window's 撤销/重做 shortcut fires
            return True
        # a key press that reached the box anyway (no shortcut matched): do it here
        stack = self.window.doc.stack
        stack.undo() if which == "undo" else stack.redo()
        return True

    def _route_drop(self, obj: QObject, event: QDropEvent) -> bool:
        if self._in_window(obj) is None or obj is self.window:
            return False  # the window's own dragEnterEvent/dropEvent handle drops on its frame
        path = self.window.files.droppable_path(event.mimeData())
        if path is None:
            return False  # text, an outline row being moved, a file we cannot import: as usual
        if isinstance(event, (QDragEnterEvent, QDragMoveEvent)):
            event.acceptProposedAction()
            return True
        event.acceptProposedAction()
        self.window.files.import_path(path)
        return True
