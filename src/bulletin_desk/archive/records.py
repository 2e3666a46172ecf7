"""What the repository hands back: small frozen records the GUI and the CLI share."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import NamedTuple

from bulletin_desk.model import Issue, Masthead, issue_label


class IssueSummary(NamedTuple):
    """One line of a listing; enough to show and select an issue without loading it.

    A NamedTuple rather than a frozen dataclass, and ``label`` computed when read: listing 10,000
    issues builds 10,000 of these inside the 100 ms budget (benchmarks/archive_bench.py), while a GUI
    list only ever formats the rows it shows.
    """

    id: int
    series: str
    year: int | None
    number: int | None
    total_number: int | None
    supplement: bool
    first_title: str
    updated_at: str
    is_sample: bool
    trashed: bool
    version: int
    issue_date: str | None = None
    char_count: int = 0

    @property
    def label(self) -> str:
        """2020年第19期（总第2128期） — model.issue_label, the one place that spells it."""
        return issue_label(Masthead(number=self.number, total_number=self.total_number, supplement=self.supplement,
                                    date=_dt.date(self.year, 1, 1) if self.year else None))


@dataclass(frozen=True, slots=True)
class StoredIssue:
    """An issue as stored: its archive id and version (pass it back to save to detect conflicts)."""

    id: int
    version: int
    is_sample: bool
    issue: Issue
    updated_at: str = ""
    trashed: bool = False


@dataclass(frozen=True, slots=True)
class RevisionInfo:
    """A superseded version kept on save; ``n`` is what `restore_revision(id, n)` takes."""

    n: int
    version: int
    saved_at: str
    label: str
    first_title: str
    char_count: int


@dataclass(frozen=True, slots=True)
class NumberProposal:
    """The next 第N期 (restarting each year) and 总第M期 (running; None when the series prints none)."""

    series: str
    year: int
    supplement: bool
    number: int
    total_number: int | None
    after_id: int | None = None  # the issue the proposal continues from, if any


@dataclass(frozen=True, slots=True)
class NumberClash:
    """Several issues carrying the same number."""

    kind: str  # "number" (第N期 of a year), "supplement" (增刊第N期) or "total" (总第M期)
    year: int | None
    number: int
    issue_ids: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class NumberGap:
    """Numbers missing between the first and last of a sequence."""

    kind: str  # "number", "supplement" or "total"
    year: int | None
    missing: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class NumberingReport:
    series: str
    duplicates: tuple[NumberClash, ...] = field(default_factory=tuple)
    gaps: tuple[NumberGap, ...] = field(default_factory=tuple)

    @property
    def ok(self) -> bool:
        return not self.duplicates and not self.gaps


@dataclass(frozen=True, slots=True)
class JournalEntry:
    """Unsaved edits the GUI parked in the archive (crash recovery)."""

    issue_id: int | None
    json_text: str
    saved_at: str
