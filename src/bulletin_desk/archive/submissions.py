"""The submissions pool (稿件库): articles received from units, waiting to be placed in an issue.

API on the repository (``archive.issues``):

* ``submissions(state=None, unit=None, date_from=None, date_to=None) -> list[Submission]`` — newest
  received first;
* ``submission(id) -> Submission``;
* ``save_submission(s) -> Submission`` — insert (``s.id is None``) or update; returns it with its id;
* ``set_submission_state(id, state)`` — 待用/已采用/不用; leaving 已采用 clears the issue link;
* ``place_submission(submission_id, issue_id)`` — marks it 已采用 and links it to the issue it was
  placed in (the GUI adds the article to the issue's outline and saves the issue; placing into a
  signed issue is refused like any change to it);
* ``delete_submission(id)``.

Why the article is one JSON value (compact bulletin-desk/1, model/fragments.py) and not rows like an
issue's: a submission is always read, shown and moved whole, and nothing asks SQL about its
paragraphs — the pool is listed and counted by ``unit``, ``received``, ``state`` and ``section``,
which are columns, with ``title`` and ``char_count`` derived at save time for the list. One value
also keeps the text exactly as received until an editor places it.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

from sqlalchemy import Connection, delete, insert, select, update

from bulletin_desk.archive.errors import ArchiveError, NotFoundError, ReadOnlyError
from bulletin_desk.archive.records import SUBMISSION_ORIGINS, IssueState, Submission, SubmissionState
from bulletin_desk.archive.runner import RepositoryBase, now_text
from bulletin_desk.archive.schema import IssueRow, SubmissionRow
from bulletin_desk.model import article_char_count
from bulletin_desk.model.fragments import dumps_article, loads_article

_subs = SubmissionRow.__table__
_issues = IssueRow.__table__


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
                self._get(conn, submission.id)
                conn.execute(update(_subs).where(_subs.c.id == submission.id).values(**values))
                new_id = submission.id
            return _from_row(self._get(conn, new_id))

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
            self._get(conn, submission_id)
            issue = conn.execute(select(_issues.c.state).where(_issues.c.id == issue_id)).first()
            if issue is None:
                raise NotFoundError("archive.not_found", issue=issue_id)
            if issue.state == IssueState.SIGNED:
                raise ReadOnlyError(issue_id)
            conn.execute(update(_subs).where(_subs.c.id == submission_id).values(
                state=SubmissionState.ADOPTED.value, issue_id=issue_id, updated_at=now_text()))
            return _from_row(self._get(conn, submission_id))

        return self._run_write(body)

    def delete_submission(self, submission_id: int) -> None:
        def body(conn: Connection) -> None:
            if conn.execute(delete(_subs).where(_subs.c.id == submission_id)).rowcount == 0:
                raise NotFoundError("archive.submission.not_found", id=submission_id)

        self._run_write(body)


__all__ = ["SubmissionsMixin"]
