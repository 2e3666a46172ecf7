"""Schema revisions: tell cheaply whether an upgrade is due; if so, back up, then run Alembic.

Start-up stays fast because the revision is read with plain sqlite3 and compared with
``schema.HEAD_REVISION``; Alembic is imported only when they differ. Its Config is built in code with
``script_location`` taken from this package's folder, so upgrades work from a checkout, an installed
wheel and a frozen build alike (no alembic.ini). ``sourceless`` lets a build that ships only .pyc
files still find the revision scripts.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from bulletin_desk.archive.connection import BEGIN_KEY
from bulletin_desk.archive.errors import ArchiveError, translate
from bulletin_desk.archive.sqlite_file import EMPTY, FOREIGN, KNOWN_REVISIONS, connect_raw, read_revision

if TYPE_CHECKING:
    from sqlalchemy import Engine

def migrations_dir() -> Path:
    from bulletin_desk.archive import migrations

    return Path(migrations.__file__).resolve().parent


def current_revision(path: Path) -> str:
    """The archive's Alembic revision, EMPTY for a blank database, FOREIGN for someone else's database."""
    conn = connect_raw(path)
    try:
        return read_revision(conn)
    except sqlite3.Error as exc:
        raise (translate(exc, path) or ArchiveError("archive.open_failed", path=str(path), detail=str(exc))) from exc
    finally:
        conn.close()


def alembic_config(connection: object) -> object:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    config.set_main_option("sourceless", "true")
    config.attributes["connection"] = connection
    return config


def upgrade(engine: Engine, target: str = "head") -> None:
    """Run Alembic's upgrade on one connection of ``engine`` (the caller made the backup).

    The transaction is IMMEDIATE: of two first runs at once, the second waits, then finds the head.
    """
    from alembic import command

    with engine.connect() as conn:
        conn.info[BEGIN_KEY] = "IMMEDIATE"
        command.upgrade(alembic_config(conn), target)  # type: ignore[arg-type]
        conn.commit()


def script_head() -> str:
    """Alembic's own idea of the head revision (tests compare it with HEAD_REVISION)."""
    from alembic.script import ScriptDirectory

    return str(ScriptDirectory.from_config(alembic_config(None)).get_current_head())  # type: ignore[arg-type]


__all__ = ["EMPTY", "FOREIGN", "KNOWN_REVISIONS", "alembic_config", "current_revision", "migrations_dir", "script_head",
           "upgrade"]
