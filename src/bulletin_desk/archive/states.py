"""Issue states 草稿 → 待核 → 已签发, who moved them and why (the state log).

API on the repository (``archive.issues``), for the GUI and the CLI alike:

* ``state(issue_id) -> IssueState``
* ``set_state(issue_id, new_state, who, reason=None, overridden=(), *, expected_version=None) -> StateChange``
  — allowed: draft → review, review → draft, review → signed. Signing takes the list of pre-sign-off
  check codes the signer overrides (review/ computes them; the archive stores what it is given) and
  requires a reason when that list is not empty, so an override is never silent.
* ``state_history(issue_id) -> list[StateChange]`` — oldest first.
* ``open_new_revision(issue_id, who, reason) -> StateChange`` — the one way back from signed to
  draft: deliberate, with a reason, logged.

While an issue is signed the repository refuses `save`, `trash` and `restore_revision`
(`ReadOnlyError`, repository.py). A state change is not an edit of the content: it does not bump
the issue's version, so an editor's open copy stays saveable after a colleague moves it to 待核.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from sqlalchemy import Connection, insert, select, update

from bulletin_desk.archive.errors import ArchiveError, ConflictError, NotFoundError
from bulletin_desk.archive.records import IssueState, StateChange
from bulletin_desk.archive.runner import RepositoryBase, now_text
from bulletin_desk.archive.schema import IssueRow, StateLogRow

_issues = IssueRow.__table__
_log = StateLogRow.__table__

ALLOWED = frozenset({(IssueState.DRAFT, IssueState.REVIEW), (IssueState.REVIEW, IssueState.DRAFT),
                     (IssueState.REVIEW, IssueState.SIGNED)})


def parse_state(value: str | IssueState) -> IssueState:
    try:
        return IssueState(value)
    except ValueError as exc:
        raise ArchiveError("archive.state.unknown", state=str(value)) from exc


class StatesMixin(RepositoryBase):
    """The state part of IssueRepository (see the module docstring)."""

    def state(self, issue_id: int) -> IssueState:
        def body(conn: Connection) -> IssueState:
            value = conn.execute(select(_issues.c.state).where(_issues.c.id == issue_id)).scalar()
            if value is None:
                raise NotFoundError("archive.not_found", issue=issue_id)
            return IssueState(value)

        return self._run_read(body)

    @staticmethod
    def _change(conn: Connection, issue_id: int, old: IssueState, new: IssueState, who: str, reason: str | None,
                overridden: Sequence[str]) -> StateChange:
        at = now_text()
        conn.execute(update(_issues).where(_issues.c.id == issue_id).values(state=new.value))
        codes = tuple(str(c) for c in overridden)
        conn.execute(insert(_log).values(issue_id=issue_id, from_state=old.value, to_state=new.value, who=who or "",
                                         at=at, reason=reason, overridden=json.dumps(list(codes))))
        return StateChange(issue_id, old, new, who or "", at, reason, codes)

    @staticmethod
    def _current(conn: Connection, issue_id: int) -> tuple[IssueState, int, bool]:
        row = conn.execute(select(_issues.c.state, _issues.c.version, _issues.c.trashed_at)
                           .where(_issues.c.id == issue_id)).first()
        if row is None:
            raise NotFoundError("archive.not_found", issue=issue_id)
        return IssueState(row.state), row.version, row.trashed_at is not None

    def set_state(self, issue_id: int, new_state: str | IssueState, who: str, reason: str | None = None,
                  overridden: Sequence[str] = (), *, expected_version: int | None = None) -> StateChange:
        """Move an issue along 草稿 → 待核 → 已签发 (see the module docstring for the rules)."""
        new = parse_state(new_state)
        reason = reason.strip() if reason and reason.strip() else None

        def body(conn: Connection) -> StateChange:
            old, version, trashed = self._current(conn, issue_id)
            if expected_version is not None and version != expected_version:
                raise ConflictError(issue_id, expected_version, version, "")
            if old == new:
                raise ArchiveError("archive.state.unchanged", issue=issue_id, state=new.value)
            if old == IssueState.SIGNED:
                raise ArchiveError("archive.state.signed_needs_revision", issue=issue_id)
            if (old, new) not in ALLOWED:
                raise ArchiveError("archive.state.bad_transition", issue=issue_id, old=old.value, new=new.value)
            if trashed:
                raise ArchiveError("archive.state.trashed", issue=issue_id)
            if new == IssueState.SIGNED and overridden and reason is None:
                raise ArchiveError("archive.state.reason_required", issue=issue_id, codes="、".join(overridden))
            return self._change(conn, issue_id, old, new, who, reason,
                                overridden if new == IssueState.SIGNED else ())

        return self._run_write(body)

    def open_new_revision(self, issue_id: int, who: str, reason: str) -> StateChange:
        """Signed → draft, deliberately: the reason is required and logged. The signed content stays
        as a revision as soon as the issue is next saved (every save keeps the version it replaces)."""
        text = (reason or "").strip()
        if not text:
            raise ArchiveError("archive.state.reason_required_revision", issue=issue_id)

        def body(conn: Connection) -> StateChange:
            old, _version, _trashed = self._current(conn, issue_id)
            if old != IssueState.SIGNED:
                raise ArchiveError("archive.state.not_signed", issue=issue_id)
            return self._change(conn, issue_id, old, IssueState.DRAFT, who, text, ())

        return self._run_write(body)

    def state_history(self, issue_id: int) -> list[StateChange]:
        def body(conn: Connection) -> list[StateChange]:
            self._current(conn, issue_id)
            rows = conn.execute(select(_log).where(_log.c.issue_id == issue_id).order_by(_log.c.id))
            return [StateChange(r.issue_id, IssueState(r.from_state), IssueState(r.to_state), r.who, r.at, r.reason,
                                tuple(json.loads(r.overridden or "[]"))) for r in rows]

        return self._run_read(body)


__all__ = ["ALLOWED", "StatesMixin", "parse_state"]
