"""The full-text search index: its own rebuildable SQLite file beside the archive.

Why a separate file (``archive.sqlite3`` → ``archive.search.sqlite3``, see `search_index_path`):
the index is derived data — several times bigger than the text it covers and rebuilt from the
archive at any time — so backups and archive exports leave it out (they copy the archive file only),
and Alembic never sees its FTS5 shadow tables: migrations and any autogenerate run against the
archive's metadata alone, and this file has no alembic_version table at all.

Why two FTS5 tables (measured on SQLite 3.40.1): the trigram tokenizer answers MATCH only for 3+
characters, and LIKE on a trigram table silently finds nothing for shorter strings, while a LIKE scan
of 30 million characters costs ~100 ms. So:

* ``tri`` — trigram tokenizer, for queries of 3+ characters (an AND of the query's trigrams);
* ``grams`` — pre-split tokens for 1–2 character queries: every character (a unigram) and every
  overlapping pair (a bigram) of the text, space-separated, under the ``ascii`` tokenizer (which
  keeps every non-ASCII character inside a token). ASCII characters are first mapped into a
  private-use plane so that ``,`` or a space inside a pair is not taken for a separator.

Both are contentless with ``detail=none`` (rowids only, no positions: the smallest index), so a
match is a candidate; the row's text is checked to contain the query before anything is returned —
no false hits. Text is folded first (ASCII and full-width Latin letters to lower case, full-width
digits to ASCII), character for character, so hit offsets stay valid in the original text.

Row ids carry the result order: ``(days since 1900 of the issue date) << 44 | issue id << 18 | n``
(n = the row's place in print order), so ``ORDER BY rowid DESC`` streams hits newest issue first and
a search stops as soon as it has enough, whatever the number of matches.

Keeping in step: the repository tells the index about each save, trash, restore and delete
(`SearchIndex.note_saved` …, best effort: an index problem never fails a save). Every search first
compares a cheap fingerprint of the archive's issues (count, versions, trash, last update) with the
index's; on a difference it re-indexes the issues whose (version, updated_at, trash) changed, or
rebuilds everything when the file is missing, damaged, of another format or of another archive.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import logging
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Any, NamedTuple

from bulletin_desk.model import Issue

log = logging.getLogger(__name__)

FORMAT = "bulletin-desk-search/2"  # bump when tokens, folding or tables change: the index is rebuilt
SEARCH_INDEX_INFIX = ".search"  # archive.sqlite3 → archive.search.sqlite3 (backups and exports skip it)
BUSY_TIMEOUT_MS = 10_000
CHUNK = 250  # issues read from the archive per query while (re)building
FULL_REBUILD_SHARE = 0.3  # re-index everything when more than this share of issues changed

_DAY0 = _dt.date(1900, 1, 1)
_ID_BITS, _N_BITS = 26, 18
N_BITS = _N_BITS  # row id = order key << N_BITS | n
_MAX_DAYS = (1 << 17) - 1  # dates before 1900 sort as 1900, after 2258 (a typo like 2920) as 2258
MAX_ROWS_PER_ISSUE = (1 << _N_BITS) - 1

# Length-preserving fold: A–Z, Ａ–Ｚ, ａ–ｚ → a–z; ０–９ → 0–9.
FOLD = {**{c: c + 32 for c in range(0x41, 0x5B)}, **{c: c - 0xFEE0 + 32 for c in range(0xFF21, 0xFF3B)},
        **{c: c - 0xFEE0 for c in range(0xFF41, 0xFF5B)}, **{c: c - 0xFEE0 for c in range(0xFF10, 0xFF1A)}}
_PUA = {c: 0xF0000 + c for c in range(0x80)}  # ASCII → plane 15, so the ascii tokenizer never splits a gram


def search_index_path(archive_path: Path) -> Path:
    """The index file beside ``archive_path``: ``archive.sqlite3`` → ``archive.search.sqlite3``."""
    archive_path = Path(archive_path)
    return archive_path.with_name(archive_path.stem + SEARCH_INDEX_INFIX + archive_path.suffix)


def fold(text: str) -> str:
    return text.translate(FOLD)


def grams(folded: str) -> str:
    """Every character and every overlapping pair, space-separated (ASCII moved to plane 15)."""
    m = folded.translate(_PUA)
    if len(m) < 2:
        return m
    return " ".join(m) + " " + " ".join(map(str.__add__, m, m[1:]))


def gram_query(folded_query: str) -> str:
    """The MATCH expression for a 1–2 character query on ``grams``."""
    return '"' + folded_query.translate(_PUA) + '"'


def trigram_query(folded_query: str) -> str:
    """The MATCH expression for a 3+ character query on ``tri``: every trigram of it must be there."""
    seen = dict.fromkeys(folded_query[i:i + 3] for i in range(len(folded_query) - 2))
    return " AND ".join('"' + t.replace('"', '""') + '"' for t in seen)


def order_key(issue_id: int, issue_date: str | None) -> int:
    """Issue date then id, packed so that rowids sort newest first (undated issues last)."""
    days = 0
    if issue_date:
        with contextlib.suppress(ValueError):
            days = min(_MAX_DAYS, max(1, (_dt.date.fromisoformat(issue_date) - _DAY0).days))
    return (days << _ID_BITS) | (issue_id & ((1 << _ID_BITS) - 1))


def year_rowids(year: int) -> tuple[int, int]:
    """[low, high) of the row ids of issues dated in ``year``."""
    def days(y: int) -> int:
        try:
            return min(_MAX_DAYS, max(1, (_dt.date(y, 1, 1) - _DAY0).days))
        except ValueError:
            return 1 if y < _DAY0.year else _MAX_DAYS

    low = days(year)
    high = max(days(year + 1), low + 1)  # clamped years share the first or last bucket
    return low << (_ID_BITS + _N_BITS), high << (_ID_BITS + _N_BITS)


class Doc(NamedTuple):
    """One searchable text of an issue, located as the model locates it."""

    field: str  # masthead.title|office|classification, section.heading, article.title|note|source, paragraph
    section: int | None
    article: int | None
    paragraph: int | None
    lead_length: int  # a paragraph's text is lead + text: the lead's length splits the spans
    source: str | None  # the article's source (for --source), None outside articles
    text: str


def docs_of(issue: Issue) -> list[Doc]:
    """Masthead, 栏目 headings, titles, 按语, sources and paragraphs, in print order; empty texts left out."""
    m = issue.masthead
    out = [Doc(f"masthead.{name}", None, None, None, 0, None, value)
           for name, value in (("title", m.title), ("office", m.office), ("classification", m.classification))
           if value]
    for si, section in enumerate(issue.sections):
        if section.heading:
            out.append(Doc("section.heading", si, None, None, 0, None, section.heading))
        for ai, a in enumerate(section.articles):
            if a.title:
                out.append(Doc("article.title", si, ai, None, 0, a.source, a.title))
            if a.note:
                out.append(Doc("article.note", si, ai, None, 0, a.source, a.note))
            for pi, p in enumerate(a.paragraphs):
                full = (p.lead or "") + p.text
                if full:
                    out.append(Doc("paragraph", si, ai, pi, len(p.lead or ""), a.source, full))
            if a.source:
                out.append(Doc("article.source", si, ai, None, 0, a.source, a.source))
    return out[:MAX_ROWS_PER_ISSUE]


class IssueFacts(NamedTuple):
    """What the index keeps of an issue besides its text: the version it saw, filters, the hit label."""

    id: int
    version: int
    updated_at: str
    trashed: bool
    is_sample: bool
    series: str
    year: int | None
    number: int | None
    total_number: int | None
    supplement: bool
    issue_date: str | None


@dataclass(frozen=True)
class SyncReport:
    rebuilt: bool = False  # everything was (re)built
    reindexed: int = 0  # issues whose text was (re)indexed
    removed: int = 0  # issues dropped from the index
    restated: int = 0  # issues whose trash state changed only


SCHEMA = (
    "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE issue_state(id INTEGER PRIMARY KEY, version INTEGER NOT NULL, updated_at TEXT NOT NULL, "
    "trashed INTEGER NOT NULL, is_sample INTEGER NOT NULL, series TEXT NOT NULL, year INTEGER, number INTEGER, "
    "total_number INTEGER, supplement INTEGER NOT NULL, issue_date TEXT, okey INTEGER NOT NULL)",
    "CREATE TABLE docs(id INTEGER PRIMARY KEY, issue_id INTEGER NOT NULL, field TEXT NOT NULL, section INTEGER, "
    "article INTEGER, paragraph INTEGER, lead_length INTEGER NOT NULL, source TEXT, text TEXT NOT NULL, folded TEXT)",
    "CREATE VIRTUAL TABLE tri USING fts5(t, content='', detail=none, columnsize=0, "
    "tokenize='trigram case_sensitive 1')",
    "CREATE VIRTUAL TABLE grams USING fts5(t, content='', detail=none, columnsize=0, tokenize='ascii')",
)
TABLES = ("meta", "issue_state", "docs", "tri", "grams")

# The same fingerprint, computed over the archive's issues and over the index's issue_state.
ARCHIVE_FINGERPRINT = ("SELECT count(*), coalesce(sum(version), 0), coalesce(sum(id * version), 0), "
                       "coalesce(sum(CASE WHEN trashed_at IS NULL THEN 0 ELSE id END), 0), "
                       "coalesce(max(updated_at), '') FROM issues")
INDEX_FINGERPRINT = ("SELECT count(*), coalesce(sum(version), 0), coalesce(sum(id * version), 0), "
                     "coalesce(sum(CASE WHEN trashed THEN id ELSE 0 END), 0), "
                     "coalesce(max(updated_at), '') FROM issue_state")
FACTS_SQL = ("SELECT id, version, updated_at, trashed_at IS NOT NULL, is_sample, series, year, number, total_number, "
             "supplement, issue_date FROM issues")


def connect_index(path: Path) -> sqlite3.Connection:
    """A connection to the index file (created if missing): rollback journal, so it stays one file."""
    conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False)
    try:
        conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA mmap_size=536870912")
        conn.execute("PRAGMA cache_size=-32768")
    except sqlite3.Error:
        conn.close()
        raise
    return conn


def read_meta(conn: sqlite3.Connection) -> dict[str, str]:
    """The index's meta table, or {} when the file is new (no tables)."""
    try:
        return dict(conn.execute("SELECT key, value FROM meta").fetchall())
    except sqlite3.OperationalError as exc:
        if "no such table" in str(exc):
            return {}
        raise


def archive_identity(archive: sqlite3.Connection) -> str:
    """Which archive this is (created_at + created_by): an index of another archive is rebuilt."""
    rows = dict(archive.execute("SELECT key, value FROM archive_meta WHERE key IN ('created_at', 'created_by')")
                .fetchall())
    return f"{rows.get('created_at', '')}|{rows.get('created_by', '')}"


def facts_of(row: Sequence[Any]) -> IssueFacts:
    return IssueFacts(int(row[0]), int(row[1]), str(row[2]), bool(row[3]), bool(row[4]), row[5] or "", row[6],
                      row[7], row[8], bool(row[9]), row[10])


# ---------------------------------------------------------------------- writing rows
def _remove_issue(conn: sqlite3.Connection, issue_id: int) -> bool:
    """Delete an issue's rows from docs and both FTS tables; False when it was not indexed."""
    row = conn.execute("SELECT okey FROM issue_state WHERE id = ?", (issue_id,)).fetchone()
    if row is None:
        return False
    low, high = row[0] << _N_BITS, (row[0] + 1) << _N_BITS
    old = conn.execute("SELECT id, text, folded FROM docs WHERE id >= ? AND id < ?", (low, high)).fetchall()
    for rowid, text, folded in old:
        f = text if folded is None else folded
        conn.execute("INSERT INTO tri(tri, rowid, t) VALUES('delete', ?, ?)", (rowid, f))
        conn.execute("INSERT INTO grams(grams, rowid, t) VALUES('delete', ?, ?)", (rowid, grams(f)))
    conn.execute("DELETE FROM docs WHERE id >= ? AND id < ?", (low, high))
    conn.execute("DELETE FROM issue_state WHERE id = ?", (issue_id,))
    return True


def _add_issue(conn: sqlite3.Connection, facts: IssueFacts, docs: Iterable[Doc]) -> None:
    okey = order_key(facts.id, facts.issue_date)
    conn.execute("INSERT INTO issue_state VALUES(?,?,?,?,?,?,?,?,?,?,?,?)",
                 (facts.id, facts.version, facts.updated_at, int(facts.trashed), int(facts.is_sample), facts.series,
                  facts.year, facts.number, facts.total_number, int(facts.supplement), facts.issue_date, okey))
    doc_rows, tri_rows, gram_rows = [], [], []
    for n, d in enumerate(docs):
        rowid = (okey << _N_BITS) | n
        folded = fold(d.text)
        doc_rows.append((rowid, facts.id, d.field, d.section, d.article, d.paragraph, d.lead_length, d.source, d.text,
                         None if folded == d.text else folded))
        tri_rows.append((rowid, folded))
        gram_rows.append((rowid, grams(folded)))
    conn.executemany("INSERT INTO docs VALUES(?,?,?,?,?,?,?,?,?,?)", doc_rows)
    conn.executemany("INSERT INTO tri(rowid, t) VALUES(?, ?)", tri_rows)
    conn.executemany("INSERT INTO grams(rowid, t) VALUES(?, ?)", gram_rows)


def _create(conn: sqlite3.Connection, identity: str) -> None:
    for table in TABLES:
        conn.execute(f"DROP TABLE IF EXISTS {table}")
    for statement in SCHEMA:
        conn.execute(statement)
    conn.executemany("INSERT INTO meta VALUES(?, ?)", [("format", FORMAT), ("archive", identity),
                                                        ("built_at", _dt.datetime.now().isoformat(timespec="seconds"))])


def _chunks(ids: Sequence[int], size: int = CHUNK) -> Iterator[Sequence[int]]:
    for first in range(0, len(ids), size):
        yield ids[first:first + size]


def _attribute_row(cursor: sqlite3.Cursor, row: tuple[Any, ...]) -> SimpleNamespace:
    """Rows with attribute access, as mapping.issue_from_rows reads them."""
    return SimpleNamespace(**{d[0]: v for d, v in zip(cursor.description, row, strict=True)})


def issues_from_archive(archive: sqlite3.Connection, ids: Sequence[int]) -> dict[int, Issue]:
    """The issues ``ids`` rebuilt from their rows with the repository's own mapping (one pass per table)."""
    from bulletin_desk.archive import mapping

    marks = ",".join("?" * len(ids))
    cur = archive.cursor()
    cur.row_factory = _attribute_row
    rows = {r.id: r for r in cur.execute(f"SELECT * FROM issues WHERE id IN ({marks})", ids)}
    sections: dict[int, list[Any]] = {i: [] for i in rows}
    articles: dict[int, list[Any]] = {i: [] for i in rows}
    paragraphs: dict[int, list[Any]] = {i: [] for i in rows}
    for r in cur.execute(f"SELECT id, issue_id, heading FROM sections WHERE issue_id IN ({marks}) "
                         "ORDER BY issue_id, position", ids):
        sections[r.issue_id].append(r)
    for r in cur.execute(f"SELECT id, issue_id, section_id, title, note, source FROM articles "
                         f"WHERE issue_id IN ({marks}) ORDER BY issue_id, section_id, position", ids):
        articles[r.issue_id].append(r)
    for r in cur.execute(f"SELECT issue_id, article_id, kind, lead, text FROM paragraphs WHERE issue_id IN ({marks}) "
                         "ORDER BY issue_id, article_id, position", ids):
        paragraphs[r.issue_id].append(r)
    cur.close()
    return {i: mapping.issue_from_rows(row, sections[i], articles[i], paragraphs[i]) for i, row in rows.items()}


def index_issues(conn: sqlite3.Connection, archive: sqlite3.Connection, facts: Sequence[IssueFacts],
                 progress: Callable[[int, int], None] | None = None, *, fresh: bool = False) -> None:
    """(Re)index ``facts``' issues from the archive, ``CHUNK`` issues per read (``fresh``: tables empty)."""
    by_id = {f.id: f for f in facts}
    ids = sorted(by_id)
    done = 0
    for chunk in _chunks(ids):
        loaded = issues_from_archive(archive, chunk)
        for issue_id in chunk:
            if not fresh:
                _remove_issue(conn, issue_id)
            issue = loaded.get(issue_id)
            if issue is not None:
                _add_issue(conn, by_id[issue_id], docs_of(issue))
        done += len(chunk)
        if progress is not None:
            progress(done, len(ids))


def synchronise(conn: sqlite3.Connection, archive: sqlite3.Connection, *, force: bool = False,
                progress: Callable[[int, int], None] | None = None) -> SyncReport:
    """Bring the index in step with the archive; both connections idle on entry.

    The index's write lock is taken first and the archive read inside one snapshot, so two processes
    never build at once: the second waits, then finds the index current. The common case — already
    in step — is answered from the two fingerprints without taking the lock.
    """
    if not force and in_step(conn, archive):
        return SyncReport()
    conn.execute("BEGIN IMMEDIATE")
    try:
        archive.execute("BEGIN")
        try:
            report = _synchronise_locked(conn, archive, force=force, progress=progress)
        finally:
            archive.execute("ROLLBACK")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return report


def in_step(conn: sqlite3.Connection, archive: sqlite3.Connection) -> bool:
    """Same format, same archive, same fingerprint: nothing to do."""
    return (current_for(conn, archive_identity(archive))
            and archive.execute(ARCHIVE_FINGERPRINT).fetchone() == conn.execute(INDEX_FINGERPRINT).fetchone())


def _rebuild(conn: sqlite3.Connection, archive: sqlite3.Connection, identity: str, facts: list[IssueFacts],
             progress: Callable[[int, int], None] | None) -> SyncReport:
    """Everything from nothing; then each FTS table merged into one segment (smaller, faster to read)."""
    _create(conn, identity)
    index_issues(conn, archive, facts, progress, fresh=True)
    for table in ("tri", "grams"):
        conn.execute(f"INSERT INTO {table}({table}) VALUES('optimize')")
    return SyncReport(rebuilt=True, reindexed=len(facts))


def _synchronise_locked(conn: sqlite3.Connection, archive: sqlite3.Connection, *, force: bool,
                        progress: Callable[[int, int], None] | None) -> SyncReport:
    identity = archive_identity(archive)
    meta = read_meta(conn)
    if force or meta.get("format") != FORMAT or meta.get("archive") != identity:
        return _rebuild(conn, archive, identity, [facts_of(r) for r in archive.execute(FACTS_SQL)], progress)
    if archive.execute(ARCHIVE_FINGERPRINT).fetchone() == conn.execute(INDEX_FINGERPRINT).fetchone():
        return SyncReport()
    current = {f.id: f for f in (facts_of(r) for r in archive.execute(FACTS_SQL))}
    indexed = {r[0]: (r[1], r[2], bool(r[3])) for r in conn.execute(
        "SELECT id, version, updated_at, trashed FROM issue_state")}
    stale = [f for i, f in current.items() if indexed.get(i, (None, None))[:2] != (f.version, f.updated_at)]
    gone = [i for i in indexed if i not in current]
    restate = [f for i, f in current.items() if i in indexed and indexed[i][:2] == (f.version, f.updated_at)
               and indexed[i][2] != f.trashed]
    if len(stale) > FULL_REBUILD_SHARE * max(len(current), 1) and len(stale) > CHUNK:
        return _rebuild(conn, archive, identity, list(current.values()), progress)
    for issue_id in gone:
        _remove_issue(conn, issue_id)
    conn.executemany("UPDATE issue_state SET trashed = ? WHERE id = ?", [(int(f.trashed), f.id) for f in restate])
    index_issues(conn, archive, stale, progress)
    return SyncReport(reindexed=len(stale), removed=len(gone), restated=len(restate))


# ---------------------------------------------------------------------- hooks (best effort)
def current_for(conn: sqlite3.Connection, identity: str | None = None) -> bool:
    """True when ``conn`` is a complete index of our format (and of archive ``identity``, if given)."""
    meta = read_meta(conn)
    return meta.get("format") == FORMAT and (identity is None or meta.get("archive") == identity)


def apply_saved(conn: sqlite3.Connection, facts: IssueFacts, issue: Issue) -> None:
    """Replace one issue's rows, unless the index already holds a newer version of it."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        if current_for(conn):
            row = conn.execute("SELECT version FROM issue_state WHERE id = ?", (facts.id,)).fetchone()
            if row is None or row[0] <= facts.version:
                _remove_issue(conn, facts.id)
                _add_issue(conn, facts, docs_of(issue))
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def apply_trashed(conn: sqlite3.Connection, issue_id: int, trashed: bool) -> None:
    if current_for(conn):
        conn.execute("UPDATE issue_state SET trashed = ? WHERE id = ?", (int(trashed), issue_id))


def apply_deleted_samples(conn: sqlite3.Connection) -> None:
    if not current_for(conn):
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        for (issue_id,) in conn.execute("SELECT id FROM issue_state WHERE is_sample").fetchall():
            _remove_issue(conn, issue_id)
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


__all__ = ["FORMAT", "SEARCH_INDEX_INFIX", "Doc", "IssueFacts", "SyncReport", "apply_deleted_samples", "apply_saved",
           "apply_trashed", "connect_index", "docs_of", "fold", "grams", "order_key", "search_index_path",
           "synchronise"]
