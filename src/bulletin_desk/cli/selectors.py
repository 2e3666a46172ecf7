"""The ISSUE argument of the command line (shared/docs/cli.md).

One of: a file path (``.bdjson``/``.json``, read as bulletin-desk/1); ``#ID`` (the archive id that
``list`` shows); ``YYYY-N`` (第N期 of year YYYY); ``YYYY-增N`` (增刊第N期); ``total:M`` (总第M期).
``--series NAME`` narrows the match where several bulletins share an archive. No match or several:
`SelectionError` (exit 1) carrying the candidates to list. Where a real issue and the shipped sample
share a number, the real one wins: the sample is there to be looked at, never to shadow work.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from bulletin_desk.catalogue import BulletinDeskError
from bulletin_desk.model import Issue, loads

if TYPE_CHECKING:
    from bulletin_desk.archive import Archive, IssueSummary, StoredIssue

_YEAR_NUMBER = re.compile(r"^(\d{4})-(增|增刊|s|S)?(\d+)$")
_TOTAL = re.compile(r"^total:(\d+)$", re.IGNORECASE)
_ID = re.compile(r"^#(\d+)$")
FILE_SUFFIXES = (".bdjson", ".json")


class SelectionError(BulletinDeskError):
    """The ISSUE argument matched nothing or several issues; ``candidates`` are shown to the user."""

    def __init__(self, code: str, candidates: list[IssueSummary] | None = None, **params: object) -> None:
        super().__init__(code, **params)
        self.candidates = candidates or []


@dataclass
class Selected:
    """What an ISSUE argument named: a file's issue, or an archived one (``stored`` set)."""

    issue: Issue
    stored: StoredIssue | None = None
    path: Path | None = None
    summary: IssueSummary | None = field(default=None)

    @property
    def issue_id(self) -> int | None:
        return self.stored.id if self.stored else None


def looks_like_file(text: str) -> bool:
    return text.lower().endswith(FILE_SUFFIXES) or (("/" in text or "\\" in text) and not text.startswith("#"))


def read_issue_file(path: Path) -> Issue:
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise SelectionError("archive.select.file_missing", path=str(path)) from exc
    except OSError as exc:
        raise BulletinDeskError("archive.cli.read_failed", path=str(path), detail=exc.strerror or str(exc)) from exc
    return loads(data)


def _matches(summaries: list[IssueSummary], selector: str) -> list[IssueSummary] | None:
    """Summaries matching a number selector; None when the text is not a number selector."""
    m = _YEAR_NUMBER.match(selector)
    if m:
        year, supplement, number = int(m.group(1)), bool(m.group(2)), int(m.group(3))
        return [s for s in summaries if s.year == year and s.number == number and s.supplement == supplement]
    m = _TOTAL.match(selector)
    if m:
        total = int(m.group(1))
        return [s for s in summaries if s.total_number == total]
    return None


def _nearby(summaries: list[IssueSummary], selector: str) -> list[IssueSummary]:
    year = selector[:4] if selector[:4].isdigit() else None
    near = [s for s in summaries if year is None or str(s.year) == year]
    return (near or summaries)[:10]


def select_issue(archive: Archive | None, selector: str, *, series: str | None = None,
                 trashed: bool | None = False, files: bool = True) -> Selected:
    """Resolve ``selector``. ``trashed``: False = live issues only, True = the trash only, None = both.

    ``#ID`` always finds the issue, trashed or not. ``archive`` may be None when only files are wanted.
    """
    if files and looks_like_file(selector):
        path = Path(selector)
        return Selected(issue=read_issue_file(path), path=path)
    m = _ID.match(selector)
    if m:
        if archive is None:
            raise SelectionError("archive.select.bad", selector=selector)
        stored = archive.issues.load(int(m.group(1)))
        return Selected(issue=stored.issue, stored=stored, summary=archive.issues.summary(stored.id))
    if _YEAR_NUMBER.match(selector) is None and _TOTAL.match(selector) is None:
        if files and Path(selector).is_file():
            return Selected(issue=read_issue_file(Path(selector)), path=Path(selector))
        raise SelectionError("archive.select.bad", selector=selector)
    if archive is None:
        raise SelectionError("archive.select.bad", selector=selector)
    summaries = archive.issues.list(series=series, include_trashed=trashed is None, trashed_only=trashed is True)
    found = _matches(summaries, selector) or []
    if len(found) > 1:
        real = [s for s in found if not s.is_sample]
        if len(real) == 1:
            found = real
    if not found:
        raise SelectionError("archive.select.no_match", _nearby(summaries, selector), selector=selector)
    if len(found) > 1:
        raise SelectionError("archive.select.several", found, selector=selector, count=len(found))
    stored = archive.issues.load(found[0].id)
    return Selected(issue=stored.issue, stored=stored, summary=found[0])
