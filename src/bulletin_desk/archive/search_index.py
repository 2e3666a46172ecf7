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

Building fast (a full build is the first search of a big or freshly upgraded archive). Measured with
cProfile: most of the time went to FTS5 itself, because FTS5 flushes its pending terms to a new
segment whenever a row id is lower than the last one written — and issues were written in id order,
not row-id (date) order, so nearly every issue made a segment and automerge rewrote them again and
again. Issues are now written in row-id order, and each FTS table holds up to ``HASH_BYTES`` of
pending terms (its ``hashsize``) before a flush: ~4× faster and a third smaller. Besides, texts are read
straight from the archive's rows in batches (`docs_from_archive`, the same Docs `docs_of` makes from
an Issue, without rebuilding Issue objects), folding and gram-splitting skip the work a text does not
need (most texts have nothing to fold), each batch is inserted with one ``executemany`` per table,
and a full rebuild runs with ``synchronous=OFF``: the file is derived data — a rebuild cut short by a
crash or power loss leaves a file the next search finds damaged or stale and simply builds again.
The rollback journal stays on, so a cancelled build (the GUI closing) rolls back cleanly.

Smaller: the file is UTF-16 (`ENCODING`), so the copy of the text kept to check candidates (the
``docs`` table) takes 2 bytes a CJK character instead of UTF-8's 3 (FTS5 keeps its own terms in UTF-8
either way). SQLite fixes a file's encoding when it is created, so an index file of an older format,
which is rebuilt anyway, is deleted first (`outdated_file`). Why the text is kept at all rather than
read back from the archive: FTS5 tables without content (the small kind) delete a row only when given
its old tokens, and the archive no longer has an edited issue's old text; ``contentless_delete`` needs
SQLite 3.43, newer than Debian 12's 3.40.1.

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
import re
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from bulletin_desk.archive.search_docs import MAX_ROWS_PER_ISSUE, Doc, docs_from_archive, docs_of
from bulletin_desk.model import Issue

log = logging.getLogger(__name__)

FORMAT = "bulletin-desk-search/3"  # bump when tokens, folding or tables change: the index is rebuilt
SEARCH_INDEX_INFIX = ".search"  # archive.sqlite3 → archive.search.sqlite3 (backups and exports skip it)
BUSY_TIMEOUT_MS = 10_000
ENCODING = "UTF-16le"  # set when the file is created (see the module docstring)
CHUNK = 250  # issues read from the archive per query while (re)building
HASH_BYTES = 16 << 20  # FTS5 pending terms held in memory before a segment is written (default 1 MB)
FULL_REBUILD_SHARE = 0.3  # re-index everything when more than this share of issues changed

_DAY0 = _dt.date(1900, 1, 1)
_ID_BITS, _N_BITS = 26, 18
N_BITS = _N_BITS  # row id = order key << N_BITS | n
_MAX_DAYS = (1 << 17) - 1  # dates before 1900 sort as 1900, after 2258 (a typo like 2920) as 2258
assert MAX_ROWS_PER_ISSUE == (1 << _N_BITS) - 1  # n must fit its bits of the row id

# Length-preserving fold: A–Z, Ａ–Ｚ, ａ–ｚ → a–z; ０–９ → 0–9.
FOLD = {**{c: c + 32 for c in range(0x41, 0x5B)}, **{c: c - 0xFEE0 + 32 for c in range(0xFF21, 0xFF3B)},
        **{c: c - 0xFEE0 for c in range(0xFF41, 0xFF5B)}, **{c: c - 0xFEE0 for c in range(0xFF10, 0xFF1A)}}
_PUA = {c: 0xF0000 + c for c in range(0x80)}  # ASCII → plane 15, so the ascii tokenizer never splits a gram
# Quick tests for "nothing to do" (str.translate with a dict costs ~150 ns a character even then).
_FOLDABLE = re.compile("[A-Z\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]")
_ASCII = re.compile("[\x00-\x7f]")


def search_index_path(archive_path: Path) -> Path:
    """The index file beside ``archive_path``: ``archive.sqlite3`` → ``archive.search.sqlite3``."""
    archive_path = Path(archive_path)
    return archive_path.with_name(archive_path.stem + SEARCH_INDEX_INFIX + archive_path.suffix)


def fold(text: str) -> str:
    return text.translate(FOLD) if _FOLDABLE.search(text) else text


def _to_pua(match: re.Match[str]) -> str:
    return chr(0xF0000 + ord(match[0]))


def grams(folded: str) -> str:
    """Every character and every overlapping pair, space-separated (ASCII moved to plane 15).

    The pairs are interleaved by slice assignment rather than one concatenation per pair: half the
    time of the obvious ``map(str.__add__, …)`` on a full build.
    """
    m = _ASCII.sub(_to_pua, folded) if _ASCII.search(folded) else folded  # few ASCII: faster than translate
    n = len(m)
    if n < 2:
        return m
    pairs = [" "] * (3 * n - 4)
    pairs[0::3] = m[:-1]
    pairs[1::3] = m[1:]
    return " ".join(m) + " " + "".join(pairs)


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
        conn.execute(f"PRAGMA encoding='{ENCODING}'")  # takes effect on a new file only
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA mmap_size=536870912")
        conn.execute("PRAGMA cache_size=-32768")
    except sqlite3.Error:
        conn.close()
        raise
    return conn


def outdated_file(path: Path) -> bool:
    """An index file of another format (rebuilt anyway) not in `ENCODING`: best deleted, then built anew.

    A file that cannot be read now (locked, damaged) is left to the usual paths: False.
    """
    if not path.exists():
        return False
    try:
        conn = sqlite3.connect(str(path), timeout=0.1)
        try:
            encoding = conn.execute("PRAGMA encoding").fetchone()[0]
            return encoding.lower() != ENCODING.lower() and read_meta(conn).get("format") != FORMAT
        finally:
            conn.close()
    except sqlite3.Error:
        return False


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


class _Rows:
    """Rows for the index's tables, gathered for a batch of issues and inserted one executemany each."""

    def __init__(self) -> None:
        self.clear()

    def clear(self) -> None:
        self.states: list[tuple[Any, ...]] = []
        self.docs: list[tuple[Any, ...]] = []
        self.tri: list[tuple[int, str]] = []
        self.grams: list[tuple[int, str]] = []

    def add(self, facts: IssueFacts, docs: Iterable[Doc]) -> None:
        okey = order_key(facts.id, facts.issue_date)
        self.states.append((facts.id, facts.version, facts.updated_at, int(facts.trashed), int(facts.is_sample),
                            facts.series, facts.year, facts.number, facts.total_number, int(facts.supplement),
                            facts.issue_date, okey))
        for n, d in enumerate(docs):
            rowid = (okey << _N_BITS) | n
            folded = fold(d.text)
            self.docs.append((rowid, facts.id, d.field, d.section, d.article, d.paragraph, d.lead_length, d.source,
                              d.text, None if folded is d.text else folded))
            self.tri.append((rowid, folded))
            self.grams.append((rowid, grams(folded)))

    def insert(self, conn: sqlite3.Connection) -> None:
        conn.executemany("INSERT INTO issue_state VALUES(?,?,?,?,?,?,?,?,?,?,?,?)", self.states)
        conn.executemany("INSERT INTO docs VALUES(?,?,?,?,?,?,?,?,?,?)", self.docs)
        conn.executemany("INSERT INTO tri(rowid, t) VALUES(?, ?)", self.tri)
        conn.executemany("INSERT INTO grams(rowid, t) VALUES(?, ?)", self.grams)
        self.clear()


def _add_issue(conn: sqlite3.Connection, facts: IssueFacts, docs: Iterable[Doc]) -> None:
    rows = _Rows()
    rows.add(facts, docs)
    rows.insert(conn)


def _create(conn: sqlite3.Connection, identity: str) -> None:
    for table in TABLES:
        conn.execute(f"DROP TABLE IF EXISTS {table}")
    for statement in SCHEMA:
        conn.execute(statement)
    for table in ("tri", "grams"):
        conn.execute(f"INSERT INTO {table}({table}, rank) VALUES('hashsize', ?)", (HASH_BYTES,))
    conn.executemany("INSERT INTO meta VALUES(?, ?)", [("format", FORMAT), ("archive", identity),
                                                        ("built_at", _dt.datetime.now().isoformat(timespec="seconds"))])


def _chunks(ids: Sequence[int], size: int = CHUNK) -> Iterator[Sequence[int]]:
    for first in range(0, len(ids), size):
        yield ids[first:first + size]


def index_issues(conn: sqlite3.Connection, archive: sqlite3.Connection, facts: Sequence[IssueFacts],
                 progress: Callable[[int, int], None] | None = None, *, fresh: bool = False) -> None:
    """(Re)index ``facts``' issues from the archive, ``CHUNK`` issues per read (``fresh``: tables empty).

    In row-id order (date, then id): FTS5 starts a new segment whenever a row id goes down.
    """
    by_id = {f.id: f for f in facts}
    ids = sorted(by_id, key=lambda i: order_key(i, by_id[i].issue_date))
    done = 0
    rows = _Rows()
    for chunk in _chunks(ids):
        loaded = docs_from_archive(archive, chunk)
        for issue_id in chunk:
            if not fresh:
                _remove_issue(conn, issue_id)
            docs = loaded.get(issue_id)
            if docs is not None:
                rows.add(by_id[issue_id], docs)
        rows.insert(conn)
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
    if force or not current_for(conn, archive_identity(archive)):
        # A full rebuild: no waiting for the disk at commit (a second or more). The file is derived
        # data — cut short by a crash, it is found damaged or stale and built again. The connection
        # is the caller's for this one call (SearchIndex opens one per operation).
        conn.execute("PRAGMA synchronous=OFF")
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
    """Everything from nothing; then each FTS table merged into one segment (smaller, faster to read).

    `synchronise` has set ``synchronous=OFF`` when it knew beforehand that everything is rebuilt.
    """
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


__all__ = ["FORMAT", "MAX_ROWS_PER_ISSUE", "SEARCH_INDEX_INFIX", "Doc", "IssueFacts", "SyncReport",
           "apply_deleted_samples", "apply_saved", "apply_trashed", "connect_index", "docs_from_archive", "docs_of",
           "fold", "grams", "order_key", "search_index_path", "synchronise"]
