"""The issue repository shared by the GUI and the CLI: save/load with versions, list, trash, revisions.

Every save runs in one ``BEGIN IMMEDIATE`` transaction: read the stored version, refuse a stale one
(`ConflictError` — never a silent lost update), keep the superseded version as a revision, replace the
child rows, bump the version. Either all of it happens or none (a full disk rolls it back).
Statements are SQLAlchemy Core over the ORM tables: saving 100 paragraphs is a handful of executemany
calls, well inside the 20 ms budget (benchmarks/archive_bench.py).

The repository is assembled from parts (runner.py): issues here, and templates(), submissions(),
set_state()/state_history()/open_new_revision() and statistics() from their own modules. An 已签发
(signed) issue is read-only here, in the repository itself — `save`, `trash` and `restore_revision`
raise `ReadOnlyError` — so neither the GUI nor the CLI can forget the rule.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, delete, func, insert, select, update

from bulletin_desk.archive import listing, mapping, numbering
from bulletin_desk.archive.errors import ArchiveError, ConflictError, NotFoundError, ReadOnlyError
from bulletin_desk.archive.records import (
    IssueState,
    IssueSummary,
    NumberingReport,
    NumberProposal,
    RevisionInfo,
    StoredIssue,
)
from bulletin_desk.archive.runner import RepositoryBase, now_text, translated
from bulletin_desk.archive.runner import driver as _driver
from bulletin_desk.archive.schema import ArticleRow, IssueRow, ParagraphRow, RevisionRow, SectionRow
from bulletin_desk.archive.states import StatesMixin
from bulletin_desk.archive.statistics import StatisticsMixin
from bulletin_desk.archive.submissions import SubmissionsMixin
from bulletin_desk.archive.templates_repo import TemplatesMixin
from bulletin_desk.model import Issue, dumps, issue_label, loads

if TYPE_CHECKING:
    from bulletin_desk.archive.search import SearchHit, SearchIndex

issues_t = IssueRow.__table__
sections_t = SectionRow.__table__
articles_t = ArticleRow.__table__
paragraphs_t = ParagraphRow.__table__
revisions_t = RevisionRow.__table__

class IssueRepository(TemplatesMixin, SubmissionsMixin, StatesMixin, StatisticsMixin, RepositoryBase):
    """Issues in one archive file. Methods raise ArchiveError subclasses, never driver errors."""

    def __init__(self, engine: Engine, path: Path, on_write: Callable[[], None] | None = None) -> None:
        super().__init__(engine, path, on_write)
        self._search_index: SearchIndex | None = None

    @property
    def search_index(self) -> SearchIndex:
        """The full-text index beside the archive file (search.py); created on first use."""
        if self._search_index is None:
            from bulletin_desk.archive.search import SearchIndex

            self._search_index = SearchIndex(self._path, self._engine)
        return self._search_index

    def search(self, query: str, year: int | None = None, source: str | None = None, series: str | None = None,
               limit: int = 200, *, include_trashed: bool = False) -> list[SearchHit]:
        """Full-text hits across masthead, 栏目, titles, 按语, sources and body, newest issue first.

        Trashed issues are left out unless ``include_trashed``. A missing or stale index is built or
        brought in step first (the first search of a big archive may take a while: the GUI runs it off
        its thread, or calls ``search_index.ensure_current(progress)`` to show progress).
        """
        return self.search_index.search(query, year=year, source=source, series=series, limit=limit,
                                        include_trashed=include_trashed)

    def issues_with(self, query: str, field: str, *, include_trashed: bool = True) -> set[int]:
        """Ids of every issue with a ``field`` text (e.g. ``section.heading``, ``article.source``)
        containing ``query`` — the workspace's 栏目 and source filters. No limit and no snippets: a
        search capped at N hits dropped issues when a common heading or unit had more than N texts.
        """
        return self.search_index.issue_ids(query, field, include_trashed=include_trashed)

    # ------------------------------------------------------------------ reading
    def list(self, series: str | None = None, year: int | None = None,
             include_trashed: bool = False, *, trashed_only: bool = False) -> list[IssueSummary]:
        """Issues newest first (by date, then number); samples included and flagged."""
        sql, params = listing.list_sql(series, year, include_trashed, trashed_only)
        return self._run_read(lambda conn: listing.summaries(_driver(conn).execute(sql, params).fetchall()))

    def _load(self, conn: Connection, issue_id: int) -> tuple[Any, Issue]:
        row = conn.execute(select(issues_t).where(issues_t.c.id == issue_id)).first()
        if row is None:
            raise NotFoundError("archive.not_found", issue=issue_id)
        sections = conn.execute(select(sections_t.c.id, sections_t.c.heading)
                                .where(sections_t.c.issue_id == issue_id).order_by(sections_t.c.position))
        articles = conn.execute(select(articles_t.c.id, articles_t.c.section_id, articles_t.c.title,
                                       articles_t.c.note, articles_t.c.source, articles_t.c.page_break_before,
                                       articles_t.c.keep_together)
                                .where(articles_t.c.issue_id == issue_id)
                                .order_by(articles_t.c.section_id, articles_t.c.position))
        paragraphs = conn.execute(select(paragraphs_t.c.article_id, paragraphs_t.c.kind, paragraphs_t.c.lead,
                                         paragraphs_t.c.text)
                                  .where(paragraphs_t.c.issue_id == issue_id)
                                  .order_by(paragraphs_t.c.article_id, paragraphs_t.c.position))
        return row, mapping.issue_from_rows(row, sections, articles, paragraphs)

    def load(self, issue_id: int) -> StoredIssue:
        def body(conn: Connection) -> StoredIssue:
            row, issue = self._load(conn, issue_id)
            return StoredIssue(id=row.id, version=row.version, is_sample=bool(row.is_sample), issue=issue,
                               updated_at=row.updated_at, trashed=row.trashed_at is not None, state=row.state)

        return self._run_read(body)

    def summary(self, issue_id: int) -> IssueSummary:
        def body(conn: Connection) -> IssueSummary:
            rows = _driver(conn).execute(listing.SUMMARY_SQL + " WHERE id = ?", (issue_id,)).fetchall()
            if not rows:
                raise NotFoundError("archive.not_found", issue=issue_id)
            return listing.summaries(rows)[0]

        return self._run_read(body)

    # ------------------------------------------------------------------ writing
    @staticmethod
    def _refuse_signed(row: Any) -> None:
        """An 已签发 issue changes only after `open_new_revision` (states.py)."""
        if row.state == IssueState.SIGNED:
            raise ReadOnlyError(row.id, issue_label(mapping.masthead_of(row)))

    @staticmethod
    def _insert_children(conn: Connection, issue_id: int, issue: Issue) -> None:
        paragraph_rows: list[dict[str, Any]] = []
        for section_values, articles in mapping.child_rows(issue):
            section_id = conn.execute(insert(sections_t).values(issue_id=issue_id, **section_values)).lastrowid
            for article_values, paragraphs in articles:
                article_id = conn.execute(insert(articles_t).values(issue_id=issue_id, section_id=section_id,
                                                                    **article_values)).lastrowid
                paragraph_rows.extend({"issue_id": issue_id, "article_id": article_id, **p} for p in paragraphs)
        if paragraph_rows:
            conn.execute(insert(paragraphs_t), paragraph_rows)

    @staticmethod
    def _keep_revision(conn: Connection, row: Any, previous: Issue) -> None:
        seq = conn.execute(select(func.coalesce(func.max(revisions_t.c.seq), 0))
                           .where(revisions_t.c.issue_id == row.id)).scalar_one() + 1
        conn.execute(insert(revisions_t).values(
            issue_id=row.id, seq=seq, version=row.version, saved_at=row.updated_at,
            label=issue_label(previous.masthead), first_title=row.first_title, char_count=row.char_count,
            content=dumps(previous)))

    def _save_in(self, conn: Connection, issue: Issue, issue_id: int | None, expected_version: int | None,
                 *, is_sample: bool = False) -> StoredIssue:
        stamp = now_text()
        values = mapping.issue_values(issue)
        if issue_id is None:
            new_id = conn.execute(insert(issues_t).values(
                **values, is_sample=is_sample, version=1, created_at=stamp, updated_at=stamp)).lastrowid
            assert new_id is not None
            self._insert_children(conn, new_id, issue)
            return StoredIssue(id=new_id, version=1, is_sample=is_sample, issue=issue, updated_at=stamp)
        row, previous = self._load(conn, issue_id)
        self._refuse_signed(row)
        if expected_version is not None and row.version != expected_version:
            raise ConflictError(issue_id, expected_version, row.version, row.updated_at)
        self._keep_revision(conn, row, previous)
        conn.execute(delete(sections_t).where(sections_t.c.issue_id == issue_id))  # cascades to articles, paragraphs
        self._insert_children(conn, issue_id, issue)
        version = row.version + 1
        conn.execute(update(issues_t).where(issues_t.c.id == issue_id).values(
            **values, version=version, updated_at=stamp))
        return StoredIssue(id=issue_id, version=version, is_sample=bool(row.is_sample), issue=issue,
                           updated_at=stamp, trashed=row.trashed_at is not None, state=row.state)

    def save(self, issue: Issue, issue_id: int | None = None, expected_version: int | None = None) -> StoredIssue:
        """Insert (``issue_id=None``) or replace an issue; the replaced version becomes a revision.

        With ``expected_version`` the save is refused (ConflictError) if someone saved in between;
        ``None`` overwrites whatever is stored (imports, scripted fixes).
        """
        stored = self._run_write(lambda conn: self._save_in(conn, issue, issue_id, expected_version))
        self.search_index.note_saved(stored)
        return stored

    def add_sample(self, issue: Issue) -> StoredIssue:
        """Store the shipped sample issue, flagged so numbering and statistics ignore it."""
        stored = self._run_write(lambda conn: self._save_in(conn, issue, None, None, is_sample=True))
        self.search_index.note_saved(stored)
        return stored

    def _set_trashed(self, issue_id: int, value: str | None) -> None:
        def body(conn: Connection) -> None:
            row = conn.execute(select(issues_t).where(issues_t.c.id == issue_id)).first()
            if row is None:
                raise NotFoundError("archive.not_found", issue=issue_id)
            if value is not None:
                self._refuse_signed(row)
            conn.execute(update(issues_t).where(issues_t.c.id == issue_id).values(trashed_at=value))

        self._run_write(body)
        self.search_index.note_trashed(issue_id, value is not None)

    def trash(self, issue_id: int) -> None:
        """Move to the trash (hidden from lists and numbering; `restore` brings it back). Refused when signed."""
        self._set_trashed(issue_id, now_text())

    def restore(self, issue_id: int) -> None:
        self._set_trashed(issue_id, None)

    def delete_sample(self) -> int:
        """Delete the sample issue(s) for good, in one action; returns how many were deleted."""
        deleted = self._run_write(lambda conn: conn.execute(delete(issues_t).where(issues_t.c.is_sample.is_(True)))
                                  .rowcount)
        self.search_index.note_samples_deleted()
        return deleted

    # ------------------------------------------------------------------ revisions
    def revisions(self, issue_id: int) -> list[RevisionInfo]:
        """Superseded versions, newest first."""
        def body(conn: Connection) -> list[RevisionInfo]:
            if conn.execute(select(issues_t.c.id).where(issues_t.c.id == issue_id)).first() is None:
                raise NotFoundError("archive.not_found", issue=issue_id)
            rows = conn.execute(select(revisions_t.c.seq, revisions_t.c.version, revisions_t.c.saved_at,
                                       revisions_t.c.label, revisions_t.c.first_title, revisions_t.c.char_count)
                                .where(revisions_t.c.issue_id == issue_id).order_by(revisions_t.c.seq.desc()))
            return [RevisionInfo(r.seq, r.version, r.saved_at, r.label, r.first_title, r.char_count) for r in rows]

        return self._run_read(body)

    def keep_snapshot(self, issue_id: int, issue: Issue) -> int:
        """Keep an editor's unsaved working copy as a revision, without saving it; returns its number.

        The desktop editor calls this every 设置 interval while a stored issue has unsaved edits, so
        work between explicit saves can be compared and restored from 修订记录 like any superseded
        version. The stored issue and its version stay as they are (the snapshot records the version
        it was edited from). Refused (ReadOnlyError) for a signed issue, like `save`.
        """
        def body(conn: Connection) -> int:
            row = conn.execute(select(issues_t).where(issues_t.c.id == issue_id)).first()
            if row is None:
                raise NotFoundError("archive.not_found", issue=issue_id)
            self._refuse_signed(row)
            values = mapping.issue_values(issue)
            seq = conn.execute(select(func.coalesce(func.max(revisions_t.c.seq), 0))
                               .where(revisions_t.c.issue_id == issue_id)).scalar_one() + 1
            conn.execute(insert(revisions_t).values(
                issue_id=issue_id, seq=seq, version=row.version, saved_at=now_text(),
                label=issue_label(issue.masthead), first_title=values["first_title"],
                char_count=values["char_count"], content=dumps(issue)))
            return int(seq)

        return self._run_write(body)

    def revision_issue(self, issue_id: int, n: int) -> Issue:
        def body(conn: Connection) -> Issue:
            content = conn.execute(select(revisions_t.c.content).where(revisions_t.c.issue_id == issue_id,
                                                                        revisions_t.c.seq == n)).scalar()
            if content is None:
                raise NotFoundError("archive.no_revision", issue=issue_id, n=n)
            return loads(content)

        return self._run_read(body)

    def restore_revision(self, issue_id: int, n: int, expected_version: int | None = None) -> StoredIssue:
        """Make revision ``n`` the current version (the current one is kept as a new revision).

        Refused (ReadOnlyError) for a signed issue, like `save`."""
        def body(conn: Connection) -> StoredIssue:
            content = conn.execute(select(revisions_t.c.content).where(revisions_t.c.issue_id == issue_id,
                                                                        revisions_t.c.seq == n)).scalar()
            if content is None:
                raise NotFoundError("archive.no_revision", issue=issue_id, n=n)
            return self._save_in(conn, loads(content), issue_id, expected_version)

        stored = self._run_write(body)
        self.search_index.note_saved(stored)
        return stored

    # ------------------------------------------------------------------ numbering
    def _numbered(self, conn: Connection, series: str) -> list[numbering.Numbered]:
        rows = conn.execute(select(issues_t.c.id, issues_t.c.year, issues_t.c.number, issues_t.c.total_number,
                                   issues_t.c.supplement)
                            .where(issues_t.c.series == series, issues_t.c.is_sample.is_(False),
                                   issues_t.c.trashed_at.is_(None)))
        return [(r.id, r.year, r.number, r.total_number, bool(r.supplement)) for r in rows]

    def propose_numbers(self, series: str, year: int, supplement: bool = False) -> NumberProposal:
        """The next 第N期 of ``year`` and 总第M期 of ``series`` (samples and trashed issues never count)."""
        return self._run_read(lambda conn: numbering.propose(series, year, supplement, self._numbered(conn, series)))

    def numbering_report(self, series: str) -> NumberingReport:
        return self._run_read(lambda conn: numbering.report(series, self._numbered(conn, series)))

    def series_names(self) -> list[str]:
        """Bulletins (series) in the archive, most issues first; samples left out."""
        def body(conn: Connection) -> list[str]:
            rows = conn.execute(select(issues_t.c.series, func.count()).where(issues_t.c.is_sample.is_(False))
                                .group_by(issues_t.c.series).order_by(func.count().desc()))
            return [r[0] for r in rows]

        return self._run_read(body)


__all__ = ["ArchiveError", "IssueRepository", "now_text", "translated"]
