"""Two-way binding of form widgets to document field paths.

A widget edit becomes `IssueDocument.set_field` (an undoable, merging step); a document change
(undo, redo, another view) updates the widget without re-triggering an edit and without moving
the cursor when the text is already right.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, QSignalBlocker
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from bulletin_desk.gui.document import FieldPath, IssueDocument

Getter = Callable[[], Any]
Setter = Callable[[Any], None]


class _Binding:
    def __init__(self, key: str, read_widget: Getter, write_widget: Setter, optional: bool,
                 merge: bool = True) -> None:
        self.key = key
        self.read_widget = read_widget
        self.write_widget = write_widget
        self.optional = optional
        self.merge = merge  # typing merges into one undo step; a switch's every flip is its own step


class FieldForm(QWidget):
    """A form whose widgets edit fields under one path prefix (e.g. ("article", 0, 2))."""

    def __init__(self, doc: IssueDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.prefix: tuple[Any, ...] | None = None
        self._bindings: dict[str, _Binding] = {}
        self._loading = False
        doc.field_changed.connect(self._on_field_changed)

    # ---- what the form edits -------------------------------------------------------------------
    def path(self, key: str) -> FieldPath:
        assert self.prefix is not None
        return (*self.prefix, key)

    def set_prefix(self, prefix: tuple[Any, ...] | None) -> None:
        self.prefix = prefix
        self.refresh()

    def refresh(self) -> None:
        if self.prefix is None:
            return
        for binding in self._bindings.values():
            self._load(binding)

    def _load(self, binding: _Binding) -> None:
        value = self.doc.get(self.path(binding.key))
        if value == self._widget_value(binding):
            return
        self._loading = True
        try:
            binding.write_widget(value)
        finally:
            self._loading = False

    def _widget_value(self, binding: _Binding) -> Any:
        value = binding.read_widget()
        if binding.optional and value in ("", None):
            return None
        return value

    def _edited(self, key: str) -> None:
        if self._loading or self.prefix is None:
            return
        binding = self._bindings[key]
        self.doc.set_field(self.path(key), self._widget_value(binding), merge=binding.merge)

    def _on_field_changed(self, path: FieldPath) -> None:
        if self.prefix is None or tuple(path[:-1]) != tuple(self.prefix):
            return
        binding = self._bindings.get(path[-1])
        if binding is not None:
            self._load(binding)

    # ---- binders -------------------------------------------------------------------------------
    def bind_line(self, key: str, widget: QLineEdit, optional: bool = False) -> QLineEdit:
        def write(value: Any) -> None:
            widget.setText(value or "")

        self._bindings[key] = _Binding(key, widget.text, write, optional)
        widget.textEdited.connect(lambda _t: self._edited(key))
        return widget

    def bind_text(self, key: str, widget: QPlainTextEdit, optional: bool = False) -> QPlainTextEdit:
        widget.setUndoRedoEnabled(False)  # the issue's undo stack is the only one

        def write(value: Any) -> None:
            cursor = widget.textCursor()
            position = cursor.position()
            widget.setPlainText(value or "")
            cursor = widget.textCursor()
            cursor.setPosition(min(position, len(value or "")))
            widget.setTextCursor(cursor)

        self._bindings[key] = _Binding(key, widget.toPlainText, write, optional)
        widget.textChanged.connect(lambda: self._edited(key))
        return widget

    def bind_int(self, key: str, widget: QSpinBox) -> QSpinBox:
        """A spin box whose minimum (shown as the special-value text) means None."""

        def read() -> int | None:
            return None if widget.value() == widget.minimum() else widget.value()

        def write(value: Any) -> None:
            with QSignalBlocker(widget):
                widget.setValue(widget.minimum() if value is None else int(value))

        self._bindings[key] = _Binding(key, read, write, False)
        widget.valueChanged.connect(lambda _v: self._edited(key))
        return widget

    def bind_bool(self, key: str, widget: QCheckBox) -> QCheckBox:
        def write(value: Any) -> None:
            with QSignalBlocker(widget):
                widget.setChecked(bool(value))

        self._bindings[key] = _Binding(key, widget.isChecked, write, False, merge=False)
        widget.toggled.connect(lambda _v: self._edited(key))
        return widget

    def bind_date(self, key: str, widget: QDateEdit, none_box: QCheckBox) -> QDateEdit:
        """A date with a check box: unchecked means no date yet."""

        def read() -> _dt.date | None:
            if not none_box.isChecked():
                return None
            q = widget.date()
            return _dt.date(q.year(), q.month(), q.day())

        def write(value: Any) -> None:
            with QSignalBlocker(widget), QSignalBlocker(none_box):
                none_box.setChecked(value is not None)
                widget.setEnabled(value is not None)
                if value is not None:
                    widget.setDate(QDate(value.year, value.month, value.day))

        self._bindings[key] = _Binding(key, read, write, False)
        widget.dateChanged.connect(lambda _d: self._edited(key))
        none_box.toggled.connect(lambda on: (widget.setEnabled(on), self._edited(key)))
        return widget

    def bind_combo(self, key: str, widget: QComboBox, optional: bool = True) -> QComboBox:
        """An editable combo box; its first item (empty text) means None."""

        def write(value: Any) -> None:
            with QSignalBlocker(widget):
                widget.setCurrentText(value or "")

        self._bindings[key] = _Binding(key, widget.currentText, write, optional)
        widget.currentTextChanged.connect(lambda _t: self._edited(key))
        return widget
