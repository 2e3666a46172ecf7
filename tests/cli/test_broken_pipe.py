"""A reader that stops early (`bulletin-desk show … | head -1`) is not an internal error."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REFERENCE = Path(__file__).resolve().parents[2] / "resources" / "samples" / "reference.bdjson"


def test_show_into_a_closed_pipe_ends_quietly_with_exit_0(tmp_path: Path) -> None:
    env = {**os.environ, "XDG_STATE_HOME": str(tmp_path / "state"), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before the first byte is written
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "bulletin_desk", "--archive", str(tmp_path / "a.sqlite3"), "--lang", "en",
             "show", str(REFERENCE)],
            stdout=write_end, stderr=subprocess.PIPE, env=env, timeout=120, check=False,
        )
    finally:
        os.close(write_end)
    stderr = proc.stderr.decode("utf-8", "replace")
    assert proc.returncode == 0, stderr
    assert "internal error" not in stderr.lower() and "Traceback" not in stderr and "BrokenPipe" not in stderr
