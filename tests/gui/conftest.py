"""GUI fixtures: a window over an in-memory archive (the archive room's interface), dialogs patched."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.gui.fake_archive import FakeArchive

from bulletin_desk import app as app_module
from bulletin_desk.gui import archive_link
from bulletin_desk.gui.settings import Settings


@pytest.fixture
def fake_archive(monkeypatch: pytest.MonkeyPatch) -> FakeArchive:
    archive = FakeArchive()
    monkeypatch.setattr(archive_link.ArchiveLink, "open",
                        classmethod(lambda cls, path: cls(archive, path)))
    return archive


@pytest.fixture
def session(qtbot, tmp_path: Path, fake_archive: FakeArchive) -> Iterator[app_module.Session]:
    """The app as `main` builds it (archive, lock, start issue, window), without the event loop."""
    result = app_module.open_session(tmp_path / "archive.sqlite3", Settings(), lambda _w, _e: True)
    window = result.window
    window.show()
    qtbot.waitExposed(window)
    yield result
    window.doc.stack.setClean()  # closing must not ask to save
    window.close()
    window.runner.wait_idle(5000)
    result.close()
    window.deleteLater()


@pytest.fixture
def window(session: app_module.Session):
    return session.window


@pytest.fixture
def real_session(qtbot, tmp_path: Path) -> Iterator[app_module.Session]:
    """The app over a real SQLite archive in tmp (the archive room itself, not the fake)."""
    result = app_module.open_session(tmp_path / "real.sqlite3", Settings(display_name="王核稿"),
                                     lambda _w, _e: True)
    window = result.window
    assert result.link is not None
    window.show()
    qtbot.waitExposed(window)
    yield result
    window.doc.stack.setClean()
    window.close()
    window.runner.wait_idle(5000)
    result.close()
    window.deleteLater()


@pytest.fixture
def real_window(real_session: app_module.Session):
    return real_session.window
