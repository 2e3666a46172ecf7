"""Two processes saving the same issue: the second gets the conflict, never "database is locked".

Process A saves and keeps its write transaction open for a moment (it signals from inside it);
process B, holding the same stale version, tries to save meanwhile: it must wait for A's commit
(busy timeout + BEGIN IMMEDIATE), then see A's version and raise ConflictError.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from bulletin_desk.archive import Archive

_CHILD = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from bulletin_desk.archive import ConflictError, open_archive
    from bulletin_desk.archive.repository import IssueRepository

    path, role, signal, version = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3]), int(sys.argv[4])
    archive = open_archive(path)
    stored = archive.issues.load(2)
    issue = stored.issue
    issue.copies = 100 if role == "A" else 200
    if role == "A":
        original = IssueRepository._save_in
        def slow_save(self, conn, *args, **kwargs):
            result = original(self, conn, *args, **kwargs)
            signal.write_text("in transaction")
            time.sleep(1.5)  # keep the write lock while B tries
            return result
        IssueRepository._save_in = slow_save
    else:
        deadline = time.time() + 30
        while not signal.exists():
            if time.time() > deadline:
                print("timeout"); sys.exit(5)
            time.sleep(0.01)
    try:
        archive.issues.save(issue, 2, version)
        print("saved")
    except ConflictError as exc:
        print("conflict", exc.found)
    except Exception as exc:
        print("error", type(exc).__name__, exc)
    archive.close()
""")


# windows: a file locked by another process (SQLite's locks are OS file locks) — the real-Windows CI job
# runs it too (pytest -m windows).
@pytest.mark.windows
def test_second_process_gets_a_conflict(archive: Archive, reference_issue, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    stored = archive.issues.save(reference_issue)
    assert stored.id == 2
    archive.engine.dispose()
    signal = tmp_path / "signal"
    env = {**os.environ}
    args = [str(archive.path), str(signal), str(stored.version)]
    a = subprocess.Popen([sys.executable, "-c", _CHILD, args[0], "A", *args[1:]], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True, env=env)
    b = subprocess.Popen([sys.executable, "-c", _CHILD, args[0], "B", *args[1:]], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True, env=env)
    started = time.monotonic()
    out_a, err_a = a.communicate(timeout=60)
    out_b, err_b = b.communicate(timeout=60)
    assert out_a.strip() == "saved", err_a
    assert out_b.strip() == "conflict 2", out_b + err_b
    assert time.monotonic() - started < 30
    loaded = archive.issues.load(2)
    assert loaded.version == 2 and loaded.issue.copies == 100
