"""An in-memory archive with the archive room's documented interface, for GUI tests.

It lets the GUI tests run against the contract (list/load/save with versions, number proposals,
journal) independently of the SQLite implementation; tests/gui/test_real_archive.py runs the same
flows against the real archive once it is installed.
"""

from __future__ import annotations

import copy
import datetime as _dt
import time
from dataclasses import dataclass

from bulletin_desk.model import Issue, dumps, loads


class ConflictError(Exception):
    pass


@dataclass
class StoredIssue:
    id: int
    version: int
    is_sample: bool
    issue: Issue


@dataclass
class Row:
    id: int
    label: str
    updated_at: str


@dataclass
class Journal:
    issue_id: int | None
    json_text: str
    saved_at: str


class FakeIssues:
    def __init__(self) -> None:
        self.rows: dict[int, StoredIssue] = {}
        self.saves = 0

    def list(self) -> list[Row]:
        return [Row(s.id, f"{s.issue.masthead.title} 第{s.issue.masthead.number}期", "2026-01-01")
                for s in sorted(self.rows.values(), key=lambda s: -s.id)]

    def load(self, issue_id: int) -> StoredIssue:
        return copy.deepcopy(self.rows[issue_id])

    def save(self, issue: Issue, issue_id: int | None, expected_version: int | None) -> StoredIssue:
        self.saves += 1
        if issue_id is None:
            issue_id = max(self.rows, default=0) + 1
            stored = StoredIssue(issue_id, 1, False, loads(dumps(issue)))
        else:
            current = self.rows[issue_id]
            if current.version != expected_version:
                raise ConflictError(issue_id)
            stored = StoredIssue(issue_id, current.version + 1, False, loads(dumps(issue)))
        self.rows[issue_id] = stored
        return copy.deepcopy(stored)

    def propose_numbers(self, series: str, year: int, supplement: bool) -> tuple[int, int | None]:
        same = [s.issue.masthead for s in self.rows.values() if s.issue.masthead.title == series]
        numbers = [m.number or 0 for m in same if m.date and m.date.year == year]
        totals = [m.total_number or 0 for m in same]
        return (max(numbers, default=0) + 1, (max(totals) + 1) if totals else None)


class FakeArchive:
    def __init__(self) -> None:
        self.issues = FakeIssues()
        self.journal: Journal | None = None
        self.journal_writes = 0
        self.journal_times: list[float] = []
        self.closed = False

    def journal_put(self, issue_id: int | None, json_text: str) -> None:
        self.journal_writes += 1
        self.journal_times.append(time.monotonic())
        self.journal = Journal(issue_id, json_text, _dt.datetime.now().isoformat(timespec="seconds"))

    def journal_get(self) -> Journal | None:
        return self.journal

    def journal_clear(self) -> None:
        self.journal = None

    def close(self) -> None:
        self.closed = True
