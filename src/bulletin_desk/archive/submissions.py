"""The submissions pool (稿件库): articles received from units, waiting to be placed in an issue.

API on the repository (``archive.issues``):

* ``submissions(state=None, unit=None, date_from=None, date_to=None) -> list[Submission]`` — newest
  received first;
* ``submission(id) -> Submission``;
* ``save_submission(s) -> Submission`` — insert (``s.id is None``) or update; returns it with its id;
* ``update_submission(id, unit=, received=, section=) -> Submission`` — correct what the pool lists
  (the unit, the date received, the 栏目) without touching the article, the state or the link;
* ``set_submission_state(id, state)`` — 待用/已采用/不用; leaving 已采用 clears the issue link;
* ``place_submission(submission_id, issue_id)`` — marks it 已采用 and links it to the issue it was
  placed in (the GUI adds the article to the issue's outline and saves the issue; placing into a
  signed issue is refused like any change to it, and so is placing one already adopted in another
  issue: one submission is one adoption);
* ``delete_submission(id)``;
* ``section_names() -> list[str]`` — every 栏目 the archive knows, for the pool's 栏目 fields.

The link of an adopted submission to its issue (state 已采用 + ``issue_id``) is what 采用 is counted
and traced by, so an edit may not break it: only `set_submission_state` un-adopts (deliberately, from
the pool's state button); a save may not drop or move the link (a stale copy saved over an adoption
would); the unit may not change to one the linked issue credits nowhere while the old one is credited
there (报送 and 采用 would land on different units); and the date received may not move after the
linked issue's date (it cannot have been printed before it arrived).

Why the article is one JSON value (compact bulletin-desk/1, model/fragments.py) and not rows like an
issue's: a submission is always read, shown and moved whole, and nothing asks SQL about its
paragraphs — the pool is listed and counted by ``unit``, ``received``, ``state`` and ``section``,
which are columns, with ``title`` and ``char_count`` derived at save time for the list. One value
also keeps the text exactly as received until an editor places it.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select, update

from bulletin_desk.archive.errors import ArchiveError, NotFoundError, ReadOnlyError
from bulletin_desk.archive.mapping import masthead_of
from bulletin_desk.archive.records import SUBMISSION_ORIGINS, IssueState, Submission, SubmissionState
from bulletin_desk.archive.runner import RepositoryBase, now_text
from bulletin_desk.archive.schema import ArticleRow, DistrictTemplateRow, IssueRow, SectionRow, SubmissionRow
from bulletin_desk.archive.statistics import credited_units
from bulletin_desk.model import article_char_count, issue_label
from bulletin_desk.model.fragments import dumps_article, loads_article

_subs = SubmissionRow.__table__
_issues = IssueRow.__table__
_sections = SectionRow.__table__
_articles = ArticleRow.__table__
_templates = DistrictTemplateRow.__table__


def _from_row(row: Any) -> Submission:
    return Submission(unit=row.unit, received=_dt.date.fromisoformat(row.received),
                      article=loads_article(row.content), state=SubmissionState(row.state), origin=row.origin,
                      origin_name=row.origin_name, section=row.section, issue_id=row.issue_id, id=row.id,
                      created_at=row.created_at, updated_at=row.updated_at)


def _parse_state(value: str | SubmissionState) -> SubmissionState:
    try:
        return SubmissionState(value)
    except ValueError as exc:
        raise ArchiveError("archive.submission.bad_state", state=str(value)) from exc


def _linked_issue(conn: Connection, row: Any) -> Any | None:
    """The issue row an adopted submission is linked to; None when it is not adopted or the issue is gone."""
    if row.state != SubmissionState.ADOPTED.value or row.issue_id is None:
        return None
    return conn.execute(select(_issues).where(_issues.c.id == row.issue_id)).first()


def _check_link(conn: Connection, row: Any, unit: str, received: _dt.date) -> None:
    """Refuse a new unit or date received that would break an adopted submission's link (module docstring)."""
    issue = _linked_issue(conn, row)
    if issue is None:
        return
    label = issue_label(masthead_of(issue))
    if unit != row.unit:
        credited: set[str] = set()
        for (source,) in conn.execute(select(_articles.c.source).where(_articles.c.issue_id == issue.id)):
            credited.update(credited_units(source))
        if row.unit in credited and unit not in credited:
            raise ArchiveError("archive.submission.linked_unit", id=row.id, issue=issue.id, label=label,
                               old=row.unit, new=unit)
    if received.isoformat() != row.received and issue.issue_date and received.isoformat() > issue.issue_date:
        raise ArchiveError("archive.submission.received_after_issue", id=row.id, issue=issue.id, label=label,
                           received=received.isoformat(), date=issue.issue_date)


class SubmissionsMixin(RepositoryBase):
    """The 稿件库 part of IssueRepository (see the module docstring)."""

    def submissions(self, state: str | SubmissionState | None = None, unit: str | None = None,
                    date_from: _dt.date | None = None, date_to: _dt.date | None = None) -> list[Submission]:
        query = select(_subs)
        if state is not None:
            query = query.where(_subs.c.state == _parse_state(state).value)
        if unit is not None:
            query = query.where(_subs.c.unit == unit)
        if date_from is not None:
            query = query.where(_subs.c.received >= date_from.isoformat())
        if date_to is not None:
            query = query.where(_subs.c.received <= date_to.isoformat())
        query = query.order_by(_subs.c.received.desc(), _subs.c.id.desc())
        return self._run_read(lambda conn: [_from_row(r) for r in conn.execute(query)])

    def _get(self, conn: Connection, submission_id: int) -> Any:
        row = conn.execute(select(_subs).where(_subs.c.id == submission_id)).first()
        if row is None:
            raise NotFoundError("archive.submission.not_found", id=submission_id)
        return row

    def submission(self, submission_id: int) -> Submission:
        return self._run_read(lambda conn: _from_row(self._get(conn, submission_id)))

    def save_submission(self, submission: Submission) -> Submission:
        if not submission.unit.strip():
            raise ArchiveError("archive.submission.no_unit")
        if submission.origin not in SUBMISSION_ORIGINS:
            raise ArchiveError("archive.submission.bad_origin", origin=submission.origin,
                               allowed=", ".join(SUBMISSION_ORIGINS))
        state = _parse_state(submission.state)
        stamp = now_text()
        values = {"unit": submission.unit.strip(), "section": submission.section,
                  "received": submission.received.isoformat(), "state": state.value, "origin": submission.origin,
                  "origin_name": submission.origin_name, "title": submission.article.title,
                  "content": dumps_article(submission.article),
                  "char_count": article_char_count(submission.article),
                  "issue_id": submission.issue_id if state == SubmissionState.ADOPTED else None,
                  "updated_at": stamp}

        def body(conn: Connection) -> Submission:
            if submission.id is None:
                new_id = conn.execute(insert(_subs).values(created_at=stamp, **values)).lastrowid
            else:
                row = self._get(conn, submission.id)
                if _linked_issue(conn, row) is not None and (values["state"], values["issue_id"]) != (
                        row.state, row.issue_id):
                    raise ArchiveError("archive.submission.link_change", id=row.id, issue=row.issue_id)
                _check_link(conn, row, values["unit"], submission.received)
                conn.execute(update(_subs).where(_subs.c.id == submission.id).values(**values))
                new_id = submission.id
            return _from_row(self._get(conn, new_id))

        return self._run_write(body)

    def update_submission(self, submission_id: int, *, unit: str | None = None, received: _dt.date | None = None,
                          section: str | None = None) -> Submission:
        """Change the unit, date received or 栏目 (None: keep); the article, state and link stay as they are.

        The pool's edit dialog calls this rather than `save_submission`, so an edit made while the
        submission was being placed elsewhere cannot write back a stale state or article.
        """

        def body(conn: Connection) -> Submission:
            row = self._get(conn, submission_id)
            new_unit = row.unit if unit is None else unit.strip()
            if not new_unit:
                raise ArchiveError("archive.submission.no_unit")
            new_received = _dt.date.fromisoformat(row.received) if received is None else received
            _check_link(conn, row, new_unit, new_received)
            conn.execute(update(_subs).where(_subs.c.id == submission_id).values(
                unit=new_unit, received=new_received.isoformat(),
                section=row.section if section is None else section.strip(), updated_at=now_text()))
            return _from_row(self._get(conn, submission_id))

        return self._run_write(body)

    def set_submission_state(self, submission_id: int, state: str | SubmissionState) -> Submission:
        new = _parse_state(state)

        def body(conn: Connection) -> Submission:
            row = self._get(conn, submission_id)
            link = row.issue_id if new == SubmissionState.ADOPTED else None
            conn.execute(update(_subs).where(_subs.c.id == submission_id)
                         .values(state=new.value, issue_id=link, updated_at=now_text()))
            return _from_row(self._get(conn, submission_id))

        return self._run_write(body)

    def place_submission(self, submission_id: int, issue_id: int) -> Submission:
        def body(conn: Connection) -> Submission:
            row = self._get(conn, submission_id)
            issue = conn.execute(select(_issues.c.state).where(_issues.c.id == issue_id)).first()
            if issue is None:
                raise NotFoundError("archive.not_found", issue=issue_id)
            if issue.state == IssueState.SIGNED:
                raise ReadOnlyError(issue_id)
            other = _linked_issue(conn, row)
            if other is not None and other.id != issue_id:  # one submission, one adoption
                raise ArchiveError("archive.submission.adopted_elsewhere", id=submission_id, issue=other.id,
                                   label=issue_label(masthead_of(other)))
            conn.execute(update(_subs).where(_subs.c.id == submission_id).values(
                state=SubmissionState.ADOPTED.value, issue_id=issue_id, updated_at=now_text()))
            return _from_row(self._get(conn, submission_id))

        return self._run_write(body)

    def delete_submission(self, submission_id: int) -> None:
        def body(conn: Connection) -> None:
            if conn.execute(delete(_subs).where(_subs.c.id == submission_id)).rowcount == 0:
                raise NotFoundError("archive.submission.not_found", id=submission_id)

        self._run_write(body)

    def section_names(self) -> list[str]:
        """Every 栏目 the archive knows: the templates' own first (in their order), then the rest by use.

        The pool offers these when a submission's 栏目 is chosen, so a unit without a template still
        lands in a real 栏目 row of the statistics instead of a blank one; headings of issues count as
        uses, so the office's regular 栏目 come before a one-off.
        """

        def body(conn: Connection) -> list[str]:
            names: list[str] = []
            for (name,) in conn.execute(select(_templates.c.section).order_by(_templates.c.position,
                                                                              _templates.c.id)):
                if name and name.strip() and name.strip() not in names:
                    names.append(name.strip())
            uses: dict[str, int] = {}
            in_issues = (select(_sections.c.heading, func.count()).join(_issues, _issues.c.id == _sections.c.issue_id)
                         .where(_issues.c.trashed_at.is_(None)).group_by(_sections.c.heading))
            in_pool = select(_subs.c.section, func.count()).group_by(_subs.c.section)
            for query in (in_issues, in_pool):
                for name, count in conn.execute(query):
                    if name and name.strip():
                        uses[name.strip()] = uses.get(name.strip(), 0) + count
            return names + sorted(set(uses) - set(names), key=lambda n: (-uses[n], n))

        return self._run_read(body)


__all__ = ["SubmissionsMixin"]
