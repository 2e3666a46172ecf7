"""The archive file seen through plain sqlite3: header check, schema revision, a raw connection.

Nothing here imports SQLAlchemy or Alembic, so the cheap questions asked at start-up — is this file
intact? which schema revision is it? — and the quick read-only listing (listing.py) cost no more than
sqlite3 itself.
"""

from __future__ import annotations

import sqlite3
import struct
from pathlib import Path

SQLITE_MAGIC = b"SQLite format 3\x00"
HEAD_REVISION = "0003"  # the newest migration in migrations/versions (tests compare with Alembic's head)
KNOWN_REVISIONS = ("0001", "0002", "0003")  # oldest first; a fixture archive for each lives in tests/fixtures/archives
EMPTY = ""  # a new, empty database: no tables at all
FOREIGN = "?"  # tables present but not ours
RAW_TIMEOUT_MS = 10_000


def header_problem(path: Path) -> str | None:
    """Why the file cannot be an intact SQLite database, or None. An empty file counts as new."""
    try:
        size = path.stat().st_size
        if size == 0:
            return None
        with path.open("rb") as handle:
            header = handle.read(100)
    except OSError as exc:
        return exc.strerror or str(exc)
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        return "not an SQLite database"
    page_size = struct.unpack(">H", header[16:18])[0]
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        return f"bad page size {page_size}"
    change_counter, page_count = struct.unpack(">II", header[24:32])
    valid_for = struct.unpack(">I", header[92:96])[0]
    if valid_for == change_counter and page_count and size < page_count * page_size:
        return f"truncated: {size} of {page_count * page_size} bytes"
    if size % page_size:
        return f"truncated: {size} bytes is not a whole number of {page_size}-byte pages"
    return None


def connect_raw(path: Path, *, timeout_ms: int = RAW_TIMEOUT_MS) -> sqlite3.Connection:
    """A plain sqlite3 connection in autocommit mode, foreign keys on, waiting for locks."""
    conn = sqlite3.connect(str(path), timeout=timeout_ms / 1000, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA foreign_keys=ON")
    return conn


def read_revision(conn: sqlite3.Connection) -> str:
    """The Alembic revision of an open database: EMPTY (no tables), FOREIGN (not ours) or e.g. "0002"."""
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if not tables:
        return EMPTY
    if "alembic_version" not in tables:
        return FOREIGN
    row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    return row[0] if row else EMPTY
