"""The archive's side of the 签发前检查: the numbering facts of a series, as review.Sibling values.

review/ is pure (no SQL); this adapter reads what its numbering rules need through the repository's
listing (trashed issues and samples never count, as in archive/numbering.py) and leaves out the issue
being checked, so an issue never clashes with its own stored version.
"""

from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING

from bulletin_desk.review.numbers import Sibling

if TYPE_CHECKING:
    from bulletin_desk.archive.repository import IssueRepository


def _date(text: str | None) -> _dt.date | None:
    try:
        return _dt.date.fromisoformat(text) if text else None
    except ValueError:
        return None


def signoff_siblings(repo: IssueRepository, series: str, exclude_id: int | None = None) -> tuple[Sibling, ...]:
    """The other live issues of ``series`` (not trashed, not samples, not ``exclude_id``)."""
    return tuple(Sibling(s.id, s.year, s.number, s.total_number, s.supplement, _date(s.issue_date))
                 for s in repo.list(series=series) if not s.is_sample and s.id != exclude_id)


__all__ = ["signoff_siblings"]
