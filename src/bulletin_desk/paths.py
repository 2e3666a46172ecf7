"""Where Bulletin Desk keeps things: the one module that knows the folders.

platformdirs with ``appauthor=False`` gives ``%LOCALAPPDATA%\\BulletinDesk`` on Windows (never the
roaming profile: an archive must not be synced by a domain logon) and the XDG folders elsewhere.
``--archive PATH`` or ``BULLETIN_DESK_ARCHIVE`` choose another archive file; its backups and search
index live beside it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_DIR_NAME = "BulletinDesk"
ARCHIVE_FILENAME = "archive.sqlite3"
ARCHIVE_ENV = "BULLETIN_DESK_ARCHIVE"


def _dirs() -> platformdirs.PlatformDirs:
    return platformdirs.PlatformDirs(APP_DIR_NAME, appauthor=False, roaming=False)


def data_dir() -> Path:
    return Path(_dirs().user_data_dir)


def config_dir() -> Path:
    return Path(_dirs().user_config_dir)


def log_dir() -> Path:
    return Path(_dirs().user_log_dir)


def default_archive_path() -> Path:
    return data_dir() / ARCHIVE_FILENAME


def archive_path(cli_value: str | os.PathLike[str] | None = None) -> Path:
    """The archive to open: the command-line value, else the environment, else the default."""
    if cli_value:
        return Path(cli_value).expanduser()
    env = os.environ.get(ARCHIVE_ENV)
    if env:
        return Path(env).expanduser()
    return default_archive_path()


def backup_dir(archive: Path) -> Path:
    """Backups of an archive live beside it, so moving the archive folder moves its backups."""
    return archive.with_name(archive.stem + "-backups")


def is_network_path(path: Path) -> bool:
    """True for a UNC path or a mapped network drive (Windows), or a network mount (elsewhere).

    SQLite's locking is unreliable over SMB, so callers warn and turn WAL off for such archives.
    """
    text = str(path)
    if text.startswith(("\\\\", "//")):
        return True
    if sys.platform == "win32":
        drive = os.path.splitdrive(os.path.abspath(text))[0]
        if drive:
            try:
                import ctypes

                DRIVE_REMOTE = 4
                return bool(ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == DRIVE_REMOTE)
            except (AttributeError, OSError):
                return False
        return False
    return _is_network_mount(Path(os.path.abspath(text)))


_NETWORK_FS = {"cifs", "smb3", "smbfs", "nfs", "nfs4", "9p", "sshfs", "fuse.sshfs", "davfs", "afs"}


def _is_network_mount(path: Path) -> bool:
    try:
        mounts = Path("/proc/mounts").read_text(encoding="utf-8").splitlines()
    except OSError:
        return False
    best, best_fs = "", ""
    for line in mounts:
        parts = line.split()
        if len(parts) < 3:
            continue
        mount_point, fs_type = parts[1], parts[2]
        if (str(path) == mount_point or str(path).startswith(mount_point.rstrip("/") + "/")) and len(
            mount_point
        ) > len(best):
            best, best_fs = mount_point, fs_type
    return best_fs in _NETWORK_FS


def resources_dir() -> Path:
    """The shipped resources (layouts, templates, i18n, icons, samples) as a real folder."""
    import bulletin_desk._resources as res  # mapped from resources/ by pyproject.toml

    return Path(res.__path__[0])  # type: ignore[attr-defined]
