"""Listing issues: the one SELECT behind every list, and a quick read-only path for start-up.

At 10,000 issues SQLAlchemy's per-row Result machinery alone would spend the 100 ms budget, so the
listing runs this fixed SQL on the driver cursor. `quick_list` answers a listing with sqlite3 alone —
no SQLAlchemy import — when the archive is intact, local and already at the newest schema; otherwise
it returns None and the caller opens the archive properly (which creates, upgrades, warns or
explains). `bulletin-desk list` uses it to start in well under a second.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from bulletin_desk.archive.records import IssueSummary
from bulletin_desk.archive.sqlite_file import HEAD_REVISION, connect_raw, header_problem, read_revision

# Column order = IssueSummary field order.
SUMMARY_SQL = ("SELECT id, series, year, number, total_number, supplement, first_title, updated_at, is_sample, "
               "trashed_at, version, issue_date, char_count, state FROM issues")
SUMMARY_ORDER = " ORDER BY issue_date IS NULL, issue_date DESC, supplement, number DESC, id DESC"


def list_sql(series: str | None = None, year: int | None = None, include_trashed: bool = False,
             trashed_only: bool = False) -> tuple[str, list[object]]:
    """The listing query and its parameters, newest first (by date, then number)."""
    where: list[str] = []
    params: list[object] = []
    if series is not None:
        where.append("series = ?")
        params.append(series)
    if year is not None:
        where.append("year = ?")
        params.append(year)
    if trashed_only:
        where.append("trashed_at IS NOT NULL")
    elif not include_trashed:
        where.append("trashed_at IS NULL")
    return SUMMARY_SQL + (" WHERE " + " AND ".join(where) if where else "") + SUMMARY_ORDER, params


def summaries(rows: list[Any]) -> list[IssueSummary]:
    return [IssueSummary(i, series, year, number, total, bool(sup), title, updated, bool(sample), trashed is not None,
                         version, date, chars, state)
            for (i, series, year, number, total, sup, title, updated, sample, trashed, version, date, chars, state)
            in rows]


def quick_list(path: Path, series: str | None = None, year: int | None = None, include_trashed: bool = False,
               trashed_only: bool = False) -> list[IssueSummary] | None:
    """The listing read with sqlite3 alone, or None when the archive needs a proper open first."""
    from bulletin_desk import paths

    try:
        if not path.is_file() or path.stat().st_size == 0 or header_problem(path) is not None:
            return None
        if paths.is_network_path(path):
            return None  # the full open turns WAL off and warns
    except OSError:
        return None
    try:
        conn = connect_raw(path, timeout_ms=2000)
    except sqlite3.Error:
        return None
    try:
        conn.execute("BEGIN")
        if read_revision(conn) != HEAD_REVISION:
            return None
        sql, params = list_sql(series, year, include_trashed, trashed_only)
        return summaries(conn.execute(sql, params).fetchall())
    except sqlite3.Error:
        return None
    finally:
        conn.close()
