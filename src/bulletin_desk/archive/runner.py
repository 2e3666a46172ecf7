"""What every part of the repository shares: the engine, translated errors, read and write transactions.

The repository is one object for its callers (``archive.issues``) but several modules inside —
issues (repository.py), templates (templates_repo.py), the submissions pool (submissions.py), states
(states.py) and statistics (statistics.py) — so that none grows past a screenful of concerns. Each
part is a mixin over `RepositoryBase`; `IssueRepository` combines them.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import DBAPIError

from bulletin_desk.archive.connection import read_transaction, write_transaction
from bulletin_desk.archive.errors import translate
from bulletin_desk.model import FormatError

T = TypeVar("T")


def now_text() -> str:
    """Local time with its offset, to the second: what editors read in lists."""
    return _dt.datetime.now().astimezone().isoformat(timespec="seconds")


@contextmanager
def translated(path: Path) -> Iterator[None]:
    """Turn driver errors (full disk, lock, read-only, damage) into ArchiveError, unstorable text into FormatError."""
    try:
        yield
    except UnicodeEncodeError as exc:  # a lone surrogate (bad paste): the codec's message, nothing stored
        raise FormatError("model.json.unencodable", "", position=exc.start) from exc
    except DBAPIError as exc:
        mapped = translate(exc, path)
        if mapped is None:
            raise
        raise mapped from exc


def driver(conn: Connection) -> Any:
    """The sqlite3 connection under ``conn`` (same transaction)."""
    return conn.connection.driver_connection


class RepositoryBase:
    """One archive file's engine; reads in one snapshot, writes in one ``BEGIN IMMEDIATE`` transaction."""

    def __init__(self, engine: Engine, path: Path, on_write: Callable[[], None] | None = None) -> None:
        self._engine = engine
        self._path = path
        self._on_write = on_write

    def _run_read(self, body: Callable[[Connection], T]) -> T:
        with translated(self._path), read_transaction(self._engine) as conn:
            return body(conn)

    def _run_write(self, body: Callable[[Connection], T]) -> T:
        with translated(self._path), write_transaction(self._engine) as conn:
            result = body(conn)
        if self._on_write is not None:
            self._on_write()
        return result


__all__ = ["RepositoryBase", "T", "driver", "now_text", "translated"]
