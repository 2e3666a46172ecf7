"""What the repository hands back: small frozen records the GUI and the CLI share."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import NamedTuple

from bulletin_desk.model import Article, Issue, Masthead, issue_label


class IssueState(StrEnum):
    """草稿 → 待核 → 已签发. The values are what the archive stores; labels come from the catalogue
    (``archive.state.draft`` …) so the GUI and the CLI spell them alike."""

    DRAFT = "draft"
    REVIEW = "review"
    SIGNED = "signed"


class SubmissionState(StrEnum):
    """A received article: 待用 (waiting), 已采用 (placed in an issue), 不用 (declined)."""

    PENDING = "pending"
    ADOPTED = "adopted"
    REJECTED = "rejected"


SUBMISSION_ORIGINS = ("text", "html", "docx", "typed")


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
    state: str = IssueState.DRAFT.value  # draft / review / signed

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
    state: str = IssueState.DRAFT.value  # a "signed" issue is read-only: save raises ReadOnlyError

    @property
    def read_only(self) -> bool:
        return self.state == IssueState.SIGNED


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


@dataclass(frozen=True, slots=True)
class StateChange:
    """One line of an issue's state history (oldest first in `state_history`)."""

    issue_id: int
    from_state: IssueState
    to_state: IssueState
    who: str
    at: str
    reason: str | None = None
    overridden: tuple[str, ...] = ()  # pre-sign-off check codes the signer chose to override


@dataclass
class Submission:
    """An article received from a unit, in the 稿件库 until it is placed in an issue (or declined).

    ``origin`` is one of SUBMISSION_ORIGINS (how it arrived), ``origin_name`` the file name if any;
    ``section`` is the 栏目 it is meant for (from the unit's template; statistics by 栏目 count it
    there); ``issue_id`` links an adopted submission to the issue it was placed in. ``id`` and the
    timestamps are the archive's: None / "" until `save_submission` stores it.
    """

    unit: str
    received: _dt.date
    article: Article
    state: SubmissionState = SubmissionState.PENDING
    origin: str = "typed"
    origin_name: str | None = None
    section: str = ""
    issue_id: int | None = None
    id: int | None = None
    created_at: str = ""
    updated_at: str = ""


class StatRow(NamedTuple):
    """One line of 信息采用统计: a unit (or 栏目) with 报送数, 采用数, 采用率 and 字数.

    ``rate`` is adopted / submitted, None when nothing was submitted (a rate over zero is no number).
    """

    key: str
    submitted: int
    adopted: int
    rate: float | None
    chars: int
