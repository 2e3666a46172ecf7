"""Suite-wide fixtures: every test gets its own data/config/log folders, never the user's."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "resources" / "samples"
SHARED = REPO.parent / "shared"


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Point platformdirs (XDG on Linux) and the archive override at a temp folder for each test."""
    base = tmp_path_factory.mktemp("userdirs")
    monkeypatch.setenv("XDG_DATA_HOME", str(base / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(base / "config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(base / "state"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(base / "cache"))
    monkeypatch.delenv("BULLETIN_DESK_ARCHIVE", raising=False)


@pytest.fixture
def reference_bdjson() -> Path:
    return SAMPLES / "reference.bdjson"


@pytest.fixture(autouse=True, scope="session")
def _one_qapplication(qapp):  # type: ignore[no-untyped-def]
    """One QApplication for the whole run, made before any test can start a bare QGuiApplication.

    Qt allows one application object per process: if a render or export test ran first and
    `render.qt_app.ensure_gui_app()` made a QGuiApplication, the next QWidget would abort the process.
    The desktop app makes a QApplication first too, so this is also the order production uses.

    At the end the clipboard is emptied: paste tests leave a QMimeData in it, and the offscreen
    platform's clipboard crashes (SIGSEGV) when it still holds data as the application is torn
    down — the run would pass and then exit 139."""
    yield qapp
    qapp.clipboard().clear()
