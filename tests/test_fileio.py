"""Atomic writes: the old file survives every failure, and the message says what to do.

We run as root, so permission bits do not stop writes: the read-only case drops to an unprivileged uid in
a subprocess, and ENOSPC / a sharing violation are injected at the one replace boundary.
"""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest

from bulletin_desk import fileio
from bulletin_desk.fileio import FileWriteError, atomic_write_bytes, atomic_write_text


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


@pytest.mark.windows  # a Chinese file name replaced in place (os.replace on NTFS in the Windows CI job)
def test_writes_and_replaces(tmp_path):
    target = tmp_path / "期刊.bdjson"
    atomic_write_text(target, "第一版\n")
    atomic_write_text(target, "第二版\n")
    assert target.read_text(encoding="utf-8") == "第二版\n"
    assert _leftovers(tmp_path) == []


def test_keeps_the_file_mode(tmp_path):
    target = tmp_path / "a.txt"
    target.write_bytes(b"x")
    os.chmod(target, 0o640)
    atomic_write_bytes(target, b"y")
    assert target.stat().st_mode & 0o777 == 0o640


@pytest.mark.windows  # EACCES is what Windows raises for a target open in Word (sharing violation)
@pytest.mark.parametrize(
    ("err", "code"),
    [
        (OSError(errno.ENOSPC, "No space left on device"), "core.write.disk_full"),
        (PermissionError(errno.EACCES, "Permission denied"), "core.write.locked_or_readonly"),
        (OSError(errno.EIO, "Input/output error"), "core.write.failed"),
    ],
)
def test_injected_failures_leave_the_old_file_intact(tmp_path, monkeypatch, err, code):
    target = tmp_path / "out.docx"
    target.write_bytes(b"old contents")

    def failing_replace(src: str, dst: str) -> None:
        raise err

    monkeypatch.setattr(fileio, "_replace", failing_replace)
    with pytest.raises(FileWriteError) as info:
        atomic_write_bytes(target, b"new contents" * 1000)
    assert info.value.message.code == code
    assert target.read_bytes() == b"old contents"
    assert _leftovers(tmp_path) == []
    assert str(target) in info.value.render("zh")


def test_missing_folder(tmp_path):
    with pytest.raises(FileWriteError) as info:
        atomic_write_bytes(tmp_path / "nope" / "x.bin", b"1")
    assert info.value.message.code == "core.write.no_folder"


@pytest.mark.parametrize("traversable", [True, False])
def test_read_only_folder_as_unprivileged_user(traversable):
    """A real permission failure: the child drops root before writing into a folder it cannot write."""
    base = Path(tempfile.mkdtemp(prefix="bd-readonly-"))
    os.chmod(base, 0o755 if traversable else 0o700)
    folder = base / "只读文件夹"
    folder.mkdir()
    (folder / "issue.bdjson").write_bytes(b"old")
    os.chmod(folder, 0o555)
    script = textwrap.dedent(
        f"""
        import os, sys
        # import first: root's interpreter folders are not readable by nobody
        from bulletin_desk.fileio import FileWriteError, atomic_write_bytes
        os.setgid(65534); os.setuid(65534)
        try:
            atomic_write_bytes({str(folder / "issue.bdjson")!r}, b"new")
        except FileWriteError as exc:
            print(exc.message.code)
            sys.exit(0)
        sys.exit(1)
        """
    )
    if os.geteuid() != 0:
        pytest.fail("this test drops privileges and must run as root (as CI does)")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() in ("core.write.readonly_folder", "core.write.locked_or_readonly")
    assert (folder / "issue.bdjson").read_bytes() == b"old"
    assert [p.name for p in folder.iterdir()] == ["issue.bdjson"]
    shutil.rmtree(base)


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_new_file_gets_umask_mode_and_replaced_file_keeps_its_mode(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        fresh = atomic_write_bytes(tmp_path / "new.docx", b"x")
        assert fresh.stat().st_mode & 0o777 == 0o640  # not mkstemp's 0600
    finally:
        os.umask(old)
    kept = tmp_path / "kept.txt"
    kept.write_bytes(b"old")
    kept.chmod(0o604)
    atomic_write_bytes(kept, b"new")
    assert kept.stat().st_mode & 0o777 == 0o604 and kept.read_bytes() == b"new"
