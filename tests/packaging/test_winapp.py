"""winapp: the log file under pythonw, --open, and the names the installer relies on."""

from __future__ import annotations

import logging
import os
import re
import sys

import pytest
from tests.packaging.conftest import PACKAGING

from bulletin_desk import paths, winapp


@pytest.mark.windows
def test_pythonw_streams_go_to_the_log_file(monkeypatch):
    root = logging.getLogger()
    handlers = list(root.handlers)
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    try:
        log = winapp.setup_logging()
        assert log == paths.log_dir() / "bulletin-desk.log"
        print("简报编辑台 已启动")
        logging.getLogger("t").warning("第19期 日志")
        sys.stdout.flush()
        for handler in root.handlers:
            handler.flush()
        text = log.read_text(encoding="utf-8")
        assert "简报编辑台 已启动" in text and "第19期 日志" in text
    finally:
        stream = sys.stdout
        for handler in list(root.handlers):
            if handler not in handlers:
                root.removeHandler(handler)
                handler.close()
        if stream is not None:
            stream.close()


def test_open_request_is_taken_off_the_command_line():
    rest = winapp.take_open_request(["--open", "C:\\简报\\第19期.bdjson", "-platform", "offscreen"])
    assert rest == ["-platform", "offscreen"]
    assert str(winapp.requested_file()).endswith("第19期.bdjson")


def test_installer_checks_the_same_mutex_name():
    nsi = (PACKAGING / "windows" / "installer.nsi").read_text(encoding="utf-8")
    assert f'!define MUTEX "{winapp.MUTEX_NAME}"' in nsi


def test_off_windows_the_windows_calls_are_harmless():
    if sys.platform == "win32":
        return
    assert winapp.set_app_user_model_id() is False
    assert winapp.acquire_running_mutex().already_running is False
    assert winapp.load_system_fonts_if_missing() == 0


def test_icons_ship_in_the_resources():
    icons = paths.resources_dir() / "icons"
    assert (icons / "bulletin_desk.ico").read_bytes()[:4] == b"\0\0\1\0"
    assert (icons / "bulletin_desk.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert re.search(r"<svg", (icons / "bulletin_desk.svg").read_text(encoding="utf-8"))


@pytest.mark.windows
def test_running_mutex_is_seen_by_a_second_copy():
    name = f"BulletinDesk.Test.{os.getpid()}"
    first = winapp.acquire_running_mutex(name)
    second = winapp.acquire_running_mutex(name)
    try:
        if sys.platform == "win32":
            assert first.handle and not first.already_running
            assert second.already_running, "a second copy must see the first one's mutex"
        else:
            assert first.handle is None and not second.already_running
    finally:
        second.release()
        first.release()
