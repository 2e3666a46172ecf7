"""Atomic writes of the user's files: temp file in the target folder, fsync, then replace.

A crash, a full disk or a locked target never leaves a half-written file behind: either the old file
is intact or the new one is complete. Errors come back as `FileWriteError` with a message code that
says what happened and what to do (a file open in Word, a read-only folder, a full disk).
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from bulletin_desk.catalogue import BulletinDeskError


class FileWriteError(BulletinDeskError):
    """Writing a user's file failed; the previous file (if any) is untouched."""


def _exists(path: Path) -> bool:
    """exists() that answers False instead of raising when the folder itself is unreadable."""
    try:
        return path.exists()
    except OSError:
        return False


def _classify(exc: OSError, target: Path) -> FileWriteError:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return FileWriteError("core.write.disk_full", path=str(target))
    if isinstance(exc, PermissionError) or exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        # On Windows a file open in Word refuses replacement with a sharing violation (EACCES).
        if _exists(target):
            return FileWriteError("core.write.locked_or_readonly", path=str(target))
        return FileWriteError("core.write.readonly_folder", path=str(target.parent))
    if exc.errno == errno.ENOENT:
        return FileWriteError("core.write.no_folder", path=str(target.parent))
    return FileWriteError("core.write.failed", path=str(target), detail=exc.strerror or str(exc))


# Indirection so tests can inject ENOSPC/EACCES at exactly this boundary (root ignores permission bits).
_replace: Callable[[str, str], None] = os.replace


def _current_umask() -> int:
    """The process umask (reading it means setting it; restored at once)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def atomic_write_bytes(target: str | os.PathLike[str], data: bytes) -> Path:
    """Write ``data`` to ``target`` atomically; returns the target path."""
    path = Path(target)
    tmp_name: str | None = None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        # mkstemp creates 0600; a replaced file keeps its mode, a new one gets what open() would give
        # (0666 minus the umask), so an exported DOCX is readable by the colleague it is shared with.
        with contextlib.suppress(OSError):
            mode = path.stat().st_mode & 0o7777 if path.exists() else 0o666 & ~_current_umask()
            os.chmod(tmp_name, mode)
        _replace(tmp_name, str(path))
        tmp_name = None
        return path
    except OSError as exc:
        raise _classify(exc, path) from exc
    finally:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)


def atomic_write_text(target: str | os.PathLike[str], text: str) -> Path:
    """UTF-8 text, ``\\n`` line ends as given (no platform translation)."""
    return atomic_write_bytes(target, text.encode("utf-8"))
