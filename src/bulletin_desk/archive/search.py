"""Full-text search of the archive: located hits with highlight spans, newest issue first.

`SearchIndex` is what `IssueRepository.search` and ``bulletin-desk archive search`` use; the index
file and its two FTS5 tables are described in search_index.py (why trigram for 3+ characters and
pre-split grams for 1–2, why a separate file). A query is one literal string (no operators): what the
editor typed, trimmed; ASCII case and full-width Latin letters and digits are ignored. Every hit is
checked against the row's own text, so a hit always contains the query.

A `SearchHit` locates its text the way the model does (section, article and paragraph indexes and a
field name, plus ``path`` in validation's style), carries every occurrence as ``spans`` (offsets in
``text``, in code points — a CJK Extension B character or an emoji counts one; ``spans_utf16``
gives Qt's UTF-16 offsets) and a short ``snippet`` around the first one with its own spans, so a GUI
can highlight without searching again.
"""

from __future__ import annotations

import contextlib
import logging
import queue
import sqlite3
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from bulletin_desk.archive import search_index as si
from bulletin_desk.archive.errors import ArchiveError
from bulletin_desk.archive.search_index import SyncReport, search_index_path
from bulletin_desk.model import Masthead, issue_label

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from bulletin_desk.archive.records import StoredIssue

log = logging.getLogger(__name__)

SNIPPET_BEFORE = 16  # characters kept before the first occurrence
SNIPPET_LENGTH = 72  # characters in a snippet (at most)
DEFAULT_LIMIT = 200

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One text that contains the query, and where it sits in its issue.

    ``field`` is masthead.title|office|classification, section.heading, article.title, article.note
    (按语), article.source or paragraph (``text`` is then lead + body; ``lead_length`` tells where the
    bold lead ends). ``section``/``article``/``paragraph`` are indexes as in ``Issue.sections[s]
    .articles[a].paragraphs[p]``, None where the field is above that level.
    """

    issue_id: int
    series: str
    year: int | None
    number: int | None
    total_number: int | None
    supplement: bool
    issue_date: str | None
    trashed: bool
    is_sample: bool
    field: str
    section: int | None
    article: int | None
    paragraph: int | None
    text: str
    lead_length: int
    spans: tuple[Span, ...]
    snippet: str
    snippet_start: int  # offset of the snippet in ``text``: > 0 means text was cut before it
    snippet_spans: tuple[Span, ...]

    @property
    def label(self) -> str:
        """2020年第19期（总第2128期）, as listings spell it."""
        import datetime as _dt

        return issue_label(Masthead(number=self.number, total_number=self.total_number, supplement=self.supplement,
                                    date=_dt.date(self.year, 1, 1) if self.year else None))

    @property
    def path(self) -> str:
        """The field as model validation names it, e.g. ``sections[0].articles[2].paragraphs[1]``."""
        if self.field.startswith("masthead."):
            return self.field
        out = f"sections[{self.section}]"
        if self.field == "section.heading":
            return out + ".heading"
        out += f".articles[{self.article}]"
        if self.field == "paragraph":
            return out + f".paragraphs[{self.paragraph}]"
        return out + "." + self.field.split(".", 1)[1]

    @property
    def snippet_cut_after(self) -> bool:
        return self.snippet_start + len(self.snippet) < len(self.text)

    def spans_utf16(self) -> tuple[Span, ...]:
        """``spans`` as UTF-16 offsets (what QTextCursor and QString count)."""
        return tuple((_utf16(self.text, a), _utf16(self.text, b)) for a, b in self.spans)

    def marked_snippet(self, before: str = "[", after: str = "]", ellipsis: str = "…") -> str:
        """The snippet with each occurrence wrapped in ``before``/``after`` (for plain-text output)."""
        parts, at = [], 0
        for a, b in self.snippet_spans:
            parts += [self.snippet[at:a], before, self.snippet[a:b], after]
            at = b
        parts.append(self.snippet[at:])
        return (ellipsis if self.snippet_start else "") + "".join(parts) + (ellipsis if self.snippet_cut_after else "")


def _utf16(text: str, index: int) -> int:
    return index + sum(1 for ch in text[:index] if ord(ch) > 0xFFFF)


def find_spans(folded_text: str, folded_query: str) -> tuple[Span, ...]:
    """Every occurrence (overlapping ones merged), as (start, end) offsets."""
    spans: list[Span] = []
    at = folded_text.find(folded_query)
    while at >= 0:
        end = at + len(folded_query)
        if spans and at <= spans[-1][1]:
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((at, end))
        at = folded_text.find(folded_query, at + 1)
    return tuple(spans)


def snippet_of(text: str, spans: tuple[Span, ...]) -> tuple[str, int, tuple[Span, ...]]:
    """A window of the text around the first span (line breaks shown as spaces), with spans inside it."""
    first = spans[0][0] if spans else 0
    start = max(0, min(first - SNIPPET_BEFORE, len(text) - SNIPPET_LENGTH))
    end = min(len(text), start + SNIPPET_LENGTH)
    inside = tuple((max(a, start) - start, min(b, end) - start) for a, b in spans if a < end and b > start)
    return text[start:end].replace("\n", " "), start, inside


def normalise_query(query: str) -> str:
    return si.fold(query.strip())


# ---------------------------------------------------------------------- the query
_SELECT = ("SELECT d.issue_id, d.field, d.section, d.article, d.paragraph, d.lead_length, d.text, s.series, s.year, "
           "s.number, s.total_number, s.supplement, s.issue_date, s.trashed, s.is_sample "
           "FROM {table} AS f JOIN docs AS d ON d.id = f.rowid JOIN issue_state AS s ON s.id = d.issue_id "
           "WHERE f.{table} MATCH ? AND instr(coalesce(d.folded, d.text), ?) > 0")


SOURCE_RANGES_MAX = 400  # a --source held by at most this many issues is searched issue by issue


def _match(folded: str) -> tuple[str, str]:
    return ("grams", si.gram_query(folded)) if len(folded) < 3 else ("tri", si.trigram_query(folded))


def source_issue_keys(conn: sqlite3.Connection, source: str) -> list[int]:
    """Order keys (newest first) of the issues with an article whose source contains ``source``.

    Found through the index itself (sources are indexed texts), so a --source that few issues carry
    is answered from those issues' row-id ranges instead of every match of the query.
    """
    table, match = _match(si.fold(source))
    keys: dict[int, None] = {}
    for (key,) in conn.execute(f"SELECT d.id >> {si.N_BITS} FROM {table} AS f JOIN docs AS d ON d.id = f.rowid "
                               f"WHERE f.{table} MATCH ? AND d.field = 'article.source' AND instr(d.source, ?) > 0 "
                               "ORDER BY f.rowid DESC", (match, source)):
        keys[key] = None
        if len(keys) > SOURCE_RANGES_MAX:
            break  # a common source: matches are dense, the plain stream is the faster way
    return list(keys)


def query_sql(folded: str, *, year: int | None, source: str | None, series: str | None,
              include_trashed: bool) -> tuple[str, list[object]]:
    """The SQL and parameters for one search: grams for 1–2 characters, trigrams for more."""
    table, match = _match(folded)
    sql = _SELECT.format(table=table)
    params: list[object] = [match, folded]
    if not include_trashed:
        sql += " AND s.trashed = 0"
    if year is not None:  # row ids start with the date: the year is a range the FTS table seeks to
        low, high = si.year_rowids(year)
        sql += " AND f.rowid >= ? AND f.rowid < ? AND s.year = ?"
        params += [low, high, year]
    if series is not None:
        sql += " AND s.series = ?"
        params.append(series)
    if source:
        sql += " AND instr(d.source, ?) > 0"
        params.append(source)
    return sql + " ORDER BY f.rowid DESC", params


def run_query(conn: sqlite3.Connection, query: str, *, year: int | None = None, source: str | None = None,
              series: str | None = None, include_trashed: bool = False, limit: int = DEFAULT_LIMIT) -> list[SearchHit]:
    """Hits from an index connection: newest issue first, print order inside an issue, at most ``limit``.

    Rows stream newest first (row ids carry the order) and reading stops once ``limit`` hits are in
    and the last issue is complete, so a one-character query over 30 million characters costs no
    more than the hits it returns.
    """
    folded = normalise_query(query)
    if not folded or limit <= 0:
        return []
    source = source.strip() if source else None
    sql, params = query_sql(folded, year=year, source=source, series=series, include_trashed=include_trashed)
    # Lazily: executing runs the first step, which for a filter nothing passes is the whole scan.
    cursors: Iterator[Iterator[tuple]] = (conn.execute(sql, params) for _ in (1,))  # type: ignore[type-arg]
    if source:
        keys = source_issue_keys(conn, source)
        if len(keys) <= SOURCE_RANGES_MAX:  # each issue's row-id range on its own, newest first
            ranged = sql.replace(" ORDER BY", " AND f.rowid >= ? AND f.rowid < ? ORDER BY")
            cursors = (conn.execute(ranged, [*params, k << si.N_BITS, (k + 1) << si.N_BITS]) for k in keys)
    rows = []
    last_issue = None
    for cursor in cursors:
        for row in cursor:
            if len(rows) >= limit and row[0] != last_issue:
                break
            rows.append(row)
            last_issue = row[0]
        if len(rows) >= limit:
            break
    hits: list[tuple[int, SearchHit]] = []
    for n, (issue_id, field, section, article, paragraph, lead_length, text, series_, year_, number, total,
            supplement, issue_date, trashed, is_sample) in enumerate(rows):
        spans = find_spans(si.fold(text), folded)
        snippet, start, inside = snippet_of(text, spans)
        hits.append((n, SearchHit(issue_id, series_, year_, number, total, bool(supplement), issue_date,
                                  bool(trashed), bool(is_sample), field, section, article, paragraph, text,
                                  lead_length, spans, snippet, start, inside)))
    # Rows came newest issue first but each issue's rows last-to-first: put each issue in print order.
    first_seen: dict[int, int] = {}
    for n, hit in hits:
        first_seen.setdefault(hit.issue_id, n)
    hits.sort(key=lambda item: (first_seen[item[1].issue_id], -item[0]))
    return [hit for _, hit in hits[:limit]]


def run_issue_ids(conn: sqlite3.Connection, query: str, field: str, *, include_trashed: bool = True) -> set[int]:
    """Every issue with a ``field`` text containing ``query``: ids only, no limit (for filters)."""
    folded = normalise_query(query)
    if not folded:
        return set()
    table, match = _match(folded)
    sql = (f"SELECT DISTINCT d.issue_id FROM {table} AS f JOIN docs AS d ON d.id = f.rowid "
           f"JOIN issue_state AS s ON s.id = d.issue_id WHERE f.{table} MATCH ? AND d.field = ? "
           "AND instr(coalesce(d.folded, d.text), ?) > 0")
    if not include_trashed:
        sql += " AND s.trashed = 0"
    return {row[0] for row in conn.execute(sql, (match, field, folded))}


# ---------------------------------------------------------------------- the index beside an archive
def _is_damage(exc: sqlite3.Error) -> bool:
    text = str(exc).lower()
    return type(exc) is sqlite3.DatabaseError or any(
        s in text for s in ("not a database", "malformed", "corrupt", "vtable constructor failed"))


class SearchIndex:
    """The search index of one archive (file: `search_index_path`), opened per operation.

    A connection per call keeps it safe from any thread (the GUI searches off its own thread) and
    holds no file open between searches. The repository's notes (`note_saved` …) are applied by a
    short-lived worker thread, so a save returns as soon as the archive has it (the index's ~10–20 ms
    are not the editor's to wait for); a search first waits for notes still pending, and the thread is
    not a daemon, so a command that saves and exits still updates the index. A note lost anyway (a
    crash) is caught by the next search's fingerprint.
    """

    def __init__(self, archive_path: Path, engine: Engine) -> None:
        self.archive_path = Path(archive_path)
        self.path = search_index_path(self.archive_path)
        self._engine = engine
        self._notes: queue.Queue[Callable[[sqlite3.Connection], None]] = queue.Queue()
        self._worker: threading.Thread | None = None
        self._worker_lock = threading.Lock()
        self._file_checked = False

    @contextlib.contextmanager
    def _archive(self) -> Iterator[sqlite3.Connection]:
        raw = self._engine.raw_connection()
        try:
            conn = raw.driver_connection
            assert isinstance(conn, sqlite3.Connection)
            yield conn
        finally:
            raw.close()

    def _discard(self) -> None:
        """Delete a damaged index file (it is rebuilt from the archive)."""
        for extra in ("", "-journal", "-wal", "-shm"):
            with contextlib.suppress(FileNotFoundError):
                Path(str(self.path) + extra).unlink()

    def _with_index(self, body: Callable[[sqlite3.Connection], object]) -> object:
        """Run ``body`` on an index connection; a damaged file is deleted and ``body`` run once more."""
        if not self._file_checked:  # once: an index of an older format is rebuilt in a new file
            self._file_checked = True
            if si.outdated_file(self.path):
                with contextlib.suppress(OSError):  # in use elsewhere (Windows): rebuilt in place instead
                    self._discard()
        for attempt in (1, 2):
            try:
                conn = si.connect_index(self.path)
            except sqlite3.Error as exc:
                if attempt == 2 or not _is_damage(exc):
                    raise self._error(exc) from exc
                self._discard()
                continue
            try:
                return body(conn)
            except sqlite3.Error as exc:
                if attempt == 2 or not _is_damage(exc):
                    raise self._error(exc) from exc
                log.warning("search index %s damaged (%s): rebuilding", self.path, exc)
            finally:
                conn.close()
            self._discard()
        raise AssertionError("unreachable")

    def _error(self, exc: sqlite3.Error) -> ArchiveError:
        if "locked" in str(exc).lower() or "busy" in str(exc).lower():
            return ArchiveError("archive.search.busy", path=str(self.path))
        return ArchiveError("archive.search.failed", path=str(self.path), detail=str(exc))

    # ------------------------------------------------------------------ keeping in step
    def ensure_current(self, progress: Callable[[int, int], None] | None = None) -> SyncReport:
        """Build the index if missing, bring it in step if stale; returns what was done."""
        return self._sync(False, progress)

    def rebuild(self, progress: Callable[[int, int], None] | None = None) -> SyncReport:
        """Rebuild from scratch (``archive check --reindex``)."""
        return self._sync(True, progress)

    def _sync(self, force: bool, progress: Callable[[int, int], None] | None) -> SyncReport:
        self.flush()

        def body(conn: sqlite3.Connection) -> SyncReport:
            with self._archive() as archive:
                return si.synchronise(conn, archive, force=force, progress=progress)

        result = self._with_index(body)
        assert isinstance(result, SyncReport)
        return result

    def _hook(self, body: Callable[[sqlite3.Connection], None]) -> None:
        """Queue a repository change for the worker (started when none is running)."""
        if not self.path.exists():
            return  # nothing to keep in step: the first search builds the index
        self._notes.put(body)
        with self._worker_lock:
            if self._worker is None or not self._worker.is_alive():
                self._worker = threading.Thread(target=self._apply_notes, name="search-index-notes")
                self._worker.start()

    def _apply_notes(self) -> None:
        """Apply queued changes in order, then end; on any trouble leave it to the next search."""
        while True:
            try:
                body = self._notes.get(timeout=0.05)
            except queue.Empty:
                return
            try:
                conn = si.connect_index(self.path)
                try:
                    body(conn)
                finally:
                    conn.close()
            except (sqlite3.Error, OSError) as exc:
                log.warning("search index %s not updated (%s); the next search brings it in step", self.path, exc)
            finally:
                self._notes.task_done()

    def flush(self) -> None:
        """Wait until every queued change is in the index."""
        self._notes.join()

    def note_saved(self, stored: StoredIssue) -> None:
        from bulletin_desk.archive.mapping import issue_values

        values = issue_values(stored.issue)
        facts = si.IssueFacts(stored.id, stored.version, stored.updated_at, stored.trashed, stored.is_sample,
                              values["series"], values["year"], values["number"], values["total_number"],
                              values["supplement"], values["issue_date"])
        self._hook(lambda conn: si.apply_saved(conn, facts, stored.issue))

    def note_trashed(self, issue_id: int, trashed: bool) -> None:
        self._hook(lambda conn: si.apply_trashed(conn, issue_id, trashed))

    def note_samples_deleted(self) -> None:
        self._hook(si.apply_deleted_samples)

    # ------------------------------------------------------------------ searching
    def search(self, query: str, *, year: int | None = None, source: str | None = None, series: str | None = None,
               include_trashed: bool = False, limit: int = DEFAULT_LIMIT) -> list[SearchHit]:
        """Hits for ``query`` (see the module docstring); the index is built or brought in step first."""
        if not normalise_query(query):
            return []
        self.flush()

        def body(conn: sqlite3.Connection) -> list[SearchHit]:
            with self._archive() as archive:
                si.synchronise(conn, archive)
            return run_query(conn, query, year=year, source=source, series=series, include_trashed=include_trashed,
                             limit=limit)

        result = self._with_index(body)
        assert isinstance(result, list)
        return result

    def issue_ids(self, query: str, field: str, *, include_trashed: bool = True) -> set[int]:
        """Ids of the issues with a ``field`` text containing ``query`` (`run_issue_ids`), index in step first."""
        if not normalise_query(query):
            return set()
        self.flush()

        def body(conn: sqlite3.Connection) -> set[int]:
            with self._archive() as archive:
                si.synchronise(conn, archive)
            return run_issue_ids(conn, query, field, include_trashed=include_trashed)

        result = self._with_index(body)
        assert isinstance(result, set)
        return result

    def size(self) -> int:
        """Bytes on disk (0 when not built yet)."""
        try:
            return self.path.stat().st_size
        except OSError:
            return 0


__all__ = ["DEFAULT_LIMIT", "SearchHit", "SearchIndex", "SyncReport", "find_spans", "run_query", "search_index_path",
           "snippet_of"]
