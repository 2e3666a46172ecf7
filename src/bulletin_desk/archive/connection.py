"""Opening the SQLite file: header check, engine, per-connection pragmas, write transactions.

* The header is read before SQLite touches the file, so random bytes or a truncated copy are
  reported as damaged and nothing is ever written into them.
* Every connection gets ``foreign_keys=ON`` and a busy timeout, so a second process waits for the
  first to finish instead of failing with "database is locked".
* Writes run in ``BEGIN IMMEDIATE`` transactions (`write_transaction`): the write lock is taken before
  the version is read, so of two processes saving the same issue the second sees the first's version
  and gets a conflict — a deferred read lock upgraded later would fail with SQLITE_BUSY instead.
* WAL on a local disk; on a network share (paths.is_network_path) SQLite's shared memory is unsafe,
  so the archive uses the rollback journal there and the caller warns.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.pool import QueuePool

from bulletin_desk.archive.sqlite_file import connect_raw, header_problem

BUSY_TIMEOUT_MS = 10_000
BEGIN_KEY = "bulletin_desk_begin"


def make_engine(path: Path, *, wal: bool) -> Engine:
    """An engine over the archive file with our pragmas on every connection."""

    def creator() -> sqlite3.Connection:
        return connect_raw(path)

    engine = create_engine("sqlite://", creator=creator, poolclass=QueuePool, pool_size=2, max_overflow=4)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we emit BEGIN ourselves (see _on_begin)
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA foreign_keys=ON")
        mode = cur.execute("PRAGMA journal_mode").fetchone()[0].lower()
        want = "wal" if wal else "delete"
        if mode != want:
            cur.execute(f"PRAGMA journal_mode={want.upper()}")
        cur.execute("PRAGMA synchronous=FULL")  # a save the editor saw succeed survives a power cut
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        mode = conn.info.pop(BEGIN_KEY, "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")

    return engine


@contextmanager
def write_transaction(engine: Engine) -> Iterator[Connection]:
    """A connection inside ``BEGIN IMMEDIATE``: committed on success, rolled back on any error."""
    with engine.connect() as conn:
        conn.info[BEGIN_KEY] = "IMMEDIATE"
        try:
            with conn.begin():
                yield conn
        finally:
            conn.info.pop(BEGIN_KEY, None)


@contextmanager
def read_transaction(engine: Engine) -> Iterator[Connection]:
    """A connection inside one deferred transaction: a consistent snapshot for multi-query reads."""
    with engine.connect() as conn, conn.begin():
        yield conn


__all__ = ["BEGIN_KEY", "BUSY_TIMEOUT_MS", "connect_raw", "header_problem", "make_engine", "read_transaction",
           "write_transaction"]
