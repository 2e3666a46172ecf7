"""A Qt GUI application for headless painting (CLI, tests, benchmarks).

QFontDatabase, QRawFont and QPdfWriter need a QGuiApplication. The desktop app creates its own
QApplication first; everything else calls `ensure_gui_app()`, which reuses whatever application
exists and otherwise starts one on the offscreen platform, so no display is ever needed.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication

_APP: QGuiApplication | None = None


def ensure_gui_app() -> QGuiApplication:
    """The running QGuiApplication (or QApplication); created offscreen if there is none."""
    global _APP
    existing = QCoreApplication.instance()
    if existing is not None:
        if not isinstance(existing, QGuiApplication):
            raise RuntimeError("a QCoreApplication without GUI support is running; fonts cannot be loaded")
        return existing
    if not os.environ.get("QT_QPA_PLATFORM") and not os.environ.get("DISPLAY") and os.name != "nt":
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    _APP = QGuiApplication(["bulletin-desk"])
    return _APP
