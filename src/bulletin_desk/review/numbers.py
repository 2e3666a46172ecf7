"""Numbering rules of the 签发前检查: missing or duplicate 期号/总期号, a date in another year than its 期号.

The rules see the rest of the series as plain `Sibling` facts (built from the archive by
``archive.review_facts.signoff_siblings``), so they are tested without a database. As in
archive/numbering.py, 第N期 restarts each calendar year, 增刊 have their own yearly sequence and
usually no 总第M期, 总第M期 runs across years; samples and trashed issues are not siblings.

"Date year ≠ 期号 year": the archive files an issue under its date's year, but which year's
sequence a 第N期 belongs to follows from the issue just before it in the series (by 总第M期 where
both have one, else by date). A 第1期 after 2020年第48期 starts 2021's sequence — dated 2020-12-28
it would be filed as 2020年第1期 (a second one); a 第49期 after 2020年第48期 continues 2020's —
dated 2021-01-04 it would be filed under 2021.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from dataclasses import dataclass

from bulletin_desk.model import Issue
from bulletin_desk.review.problems import Location, Problem, problem


@dataclass(frozen=True, slots=True)
class Sibling:
    """Another issue of the same series, as far as numbering goes."""

    issue_id: int
    year: int | None  # the archive's year: the year of issue_date
    number: int | None
    total_number: int | None
    supplement: bool = False
    issue_date: _dt.date | None = None


def _ids(siblings: Sequence[Sibling]) -> str:
    return ", ".join(f"#{s.issue_id}" for s in siblings)


def missing_numbers(issue: Issue, siblings: Sequence[Sibling]) -> list[Problem]:
    """No 期号; no 总期号 in a series whose other (non-supplement) issues carry one."""
    m = issue.masthead
    out: list[Problem] = []
    if m.number is None:
        out.append(problem("review.number.missing", Location("masthead.number")))
    uses_total = any(s.total_number is not None for s in siblings if not s.supplement)
    if not m.supplement and m.total_number is None and uses_total:
        out.append(problem("review.total.missing", Location("masthead.total_number")))
    return out


def duplicate_numbers(issue: Issue, siblings: Sequence[Sibling]) -> list[Problem]:
    """Another issue of the series with the same 第N期 in the same year, or the same 总第M期."""
    m = issue.masthead
    out: list[Problem] = []
    year = m.date.year if m.date else None
    if m.number is not None and year is not None:
        same = [s for s in siblings if s.supplement == m.supplement and s.year == year and s.number == m.number]
        if same:
            code = "review.supplement.duplicate" if m.supplement else "review.number.duplicate"
            out.append(problem(code, Location("masthead.number"), year=year, number=m.number, ids=_ids(same)))
    if m.total_number is not None and not m.supplement:
        same = [s for s in siblings if not s.supplement and s.total_number == m.total_number]
        if same:
            out.append(problem("review.total.duplicate", Location("masthead.total_number"), total=m.total_number,
                               ids=_ids(same)))
    return out


def previous_sibling(issue: Issue, siblings: Sequence[Sibling]) -> Sibling | None:
    """The issue just before this one in its sequence: by 总第M期 when both carry one, else by date."""
    m = issue.masthead
    kind = [s for s in siblings if s.supplement == m.supplement and s.number is not None and s.year is not None]
    if m.total_number is not None and not m.supplement:
        by_total = [s for s in kind if s.total_number is not None and s.total_number < m.total_number]
        if by_total:
            return max(by_total, key=lambda s: (s.total_number or 0, s.issue_id))
    if m.date is None:
        return None
    date = m.date
    by_date = [s for s in kind if s.issue_date is not None and s.issue_date <= date]
    return max(by_date, key=lambda s: (s.issue_date or date, s.number or 0, s.issue_id), default=None)


def year_mismatch(issue: Issue, siblings: Sequence[Sibling]) -> list[Problem]:
    """The date's year is not the year of the 第N期 sequence the issue continues or starts."""
    m = issue.masthead
    if m.date is None or m.number is None:
        return []
    prev = previous_sibling(issue, siblings)
    if prev is None or prev.number is None or prev.year is None:
        return []
    restarts = m.number <= prev.number
    if restarts and m.date.year <= prev.year:
        sequence_year = prev.year + 1
    elif not restarts and m.date.year != prev.year:
        sequence_year = prev.year
    else:
        return []
    return [problem("review.date.year_mismatch", Location("masthead.date"), date=m.date.isoformat(),
                    number=m.number, sequence_year=sequence_year, date_year=m.date.year, previous_year=prev.year,
                    previous_number=prev.number, previous_id=prev.issue_id)]


def missing_date(issue: Issue) -> list[Problem]:
    return [] if issue.masthead.date is not None else [problem("review.date.missing", Location("masthead.date"))]


__all__ = ["Sibling", "duplicate_numbers", "missing_date", "missing_numbers", "previous_sibling", "year_mismatch"]
