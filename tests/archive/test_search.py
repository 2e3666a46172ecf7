"""Full-text search: exact hits on hand-made issues inside a generated archive of 2,000 issues, counts
checked against a plain scan, filters and order, and the index kept in step (hooks, rebuilds).

The big archive is generated once per session (benchmarks/generate_archive.py, ~12 s) and only read
by the tests that share it; tests that change an archive use a small fresh one.
"""

from __future__ import annotations

import datetime as _dt
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from bulletin_desk.archive import Archive, open_archive
from bulletin_desk.archive import search_index as si
from bulletin_desk.archive.search import SearchHit, find_spans, search_index_path, snippet_of
from bulletin_desk.model import Article, Issue, Masthead, Paragraph, Section

REPO = Path(__file__).resolve().parents[2]
GENERATED = 2000
EXT_B = "\U00020000\U00020001"  # 𠀀𠀁 (CJK Extension B, outside the BMP)
EMOJI = "\U0001F600"  # 😀


def hand_issue(series: str, number: int, date: _dt.date, marker: str) -> Issue:
    """Two sections; rare characters placed so every hit's location is known."""
    a1 = Article(title=f"{marker}龘靐测试标题", note="按语提到鬱鬱葱葱。", source="测试区文明办",
                 paragraphs=[Paragraph(text=f"正文含{EXT_B}和{EMOJI}表情，龘出现一次。", lead="一是龘先行。"),
                             Paragraph(text="ＡＢＣ全角字母与2020年，abc半角。")])
    a2 = Article(title="第二篇", source="另一单位",
                 paragraphs=[Paragraph(text="哈哈哈重叠出现；靐靐。")])
    return Issue(masthead=Masthead(title=series, number=number, total_number=None, office="测试办公室", date=date),
                 sections=[Section(heading="栏目甲", articles=[a1]), Section(heading="栏目乙龘", articles=[a2])])


@pytest.fixture(scope="session")
def big(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Archive, dict[str, int]]]:
    """2,000 generated issues plus three hand-made ones; the index is built by the first search."""
    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        from generate_archive import generate
    finally:
        sys.path.remove(str(REPO / "benchmarks"))
    path = tmp_path_factory.mktemp("search") / "archive.sqlite3"
    generate(path, GENERATED)
    archive = open_archive(path)
    ids = {
        "old": archive.issues.save(hand_issue("测试简报", 1, _dt.date(2019, 5, 1), "旧")).id,
        "new": archive.issues.save(hand_issue("测试简报", 2, _dt.date(2021, 6, 1), "新")).id,
        "trashed": archive.issues.save(hand_issue("测试简报", 3, _dt.date(2021, 7, 1), "废")).id,
    }
    archive.issues.trash(ids["trashed"])
    yield archive, ids
    archive.close()


def where(hit: SearchHit) -> tuple[object, ...]:
    return hit.issue_id, hit.path, hit.spans


# ---------------------------------------------------------------------- exact hits
def test_one_character(big):
    archive, ids = big
    hits = archive.issues.search("龘")
    assert [where(h) for h in hits] == [
        (ids["new"], "sections[0].articles[0].title", ((1, 2),)),
        (ids["new"], "sections[0].articles[0].paragraphs[0]", ((2, 3), (16, 17))),
        (ids["new"], "sections[1].heading", ((3, 4),)),
        (ids["old"], "sections[0].articles[0].title", ((1, 2),)),
        (ids["old"], "sections[0].articles[0].paragraphs[0]", ((2, 3), (16, 17))),
        (ids["old"], "sections[1].heading", ((3, 4),)),
    ]
    lead_hit = hits[1]
    assert lead_hit.field == "paragraph" and lead_hit.lead_length == len("一是龘先行。")
    assert lead_hit.text.startswith("一是龘先行。正文含")
    assert hits[0].label == "2021年第2期" and hits[0].series == "测试简报"


def test_two_characters_and_overlaps(big):
    archive, ids = big
    hits = archive.issues.search("靐靐", series="测试简报")
    assert [where(h) for h in hits] == [(ids["new"], "sections[1].articles[0].paragraphs[0]", ((8, 10),)),
                                        (ids["old"], "sections[1].articles[0].paragraphs[0]", ((8, 10),))]
    [overlap] = archive.issues.search("哈哈", year=2021)
    assert overlap.spans == ((0, 3),)  # 哈哈哈: two overlapping occurrences shown as one highlight


def test_three_and_more_characters(big):
    archive, ids = big
    assert [where(h) for h in archive.issues.search("鬱鬱葱葱")] == [
        (ids["new"], "sections[0].articles[0].note", ((4, 8),)),
        (ids["old"], "sections[0].articles[0].note", ((4, 8),))]
    assert [h.path for h in archive.issues.search("测试办公室")] == ["masthead.office"] * 2
    assert archive.issues.search("龘靐测") and archive.issues.search("龘靐测X") == []


def test_extension_b_and_emoji(big):
    archive, _ = big
    for query in (EXT_B, EXT_B[0], EXT_B + "和", EMOJI, EMOJI + "表情", "和" + EMOJI):
        hits = archive.issues.search(query, year=2021)
        assert [h.path for h in hits] == ["sections[0].articles[0].paragraphs[0]"], query
    [hit] = archive.issues.search(EMOJI, year=2021)
    start = hit.text.index(EMOJI)
    assert hit.spans == ((start, start + 1),)
    assert hit.spans_utf16() == ((start + 2, start + 4),)  # the two Extension B characters before it count twice


def test_case_and_full_width_folding(big):
    archive, _ = big
    for query in ("abc", "ABC", "ａｂｃ", "Abc"):
        hits = archive.issues.search(query, year=2021)
        assert [h.spans for h in hits] == [((0, 3), (14, 17))], query
    assert [len(archive.issues.search(q, year=2019)) for q in ("2020", "２０２０")] == [1, 1]


def test_trashed_issues_left_out_unless_asked(big):
    archive, ids = big
    assert ids["trashed"] not in {h.issue_id for h in archive.issues.search("龘")}
    hits = archive.issues.search("龘", include_trashed=True)
    assert {h.issue_id for h in hits if h.trashed} == {ids["trashed"]}
    assert hits[0].issue_id == ids["trashed"]  # the newest date comes first


def test_filters(big):
    archive, ids = big
    assert {h.issue_id for h in archive.issues.search("龘", year=2019)} == {ids["old"]}
    assert {h.path for h in archive.issues.search("龘", source="另一")} == set()
    assert {h.path for h in archive.issues.search("靐", source="另一")} == {"sections[1].articles[0].paragraphs[0]"}
    assert archive.issues.search("龘", series="没有这个简报") == []
    assert archive.issues.search("   ") == [] and archive.issues.search("") == []


# ---------------------------------------------------------------------- the generated 2,000 issues
def plain_count(archive: Archive, query: str) -> int:
    """Texts containing ``query`` among live issues, by a plain instr() scan of the archive's tables."""
    conn = sqlite3.connect(archive.path)
    live = "(SELECT id FROM issues WHERE trashed_at IS NULL)"
    try:
        return sum(conn.execute(sql, (query,)).fetchone()[0] for sql in (
            "SELECT (SELECT count(*) FROM issues WHERE trashed_at IS NULL AND instr(series, ?1) > 0)"
            " + (SELECT count(*) FROM issues WHERE trashed_at IS NULL AND instr(office, ?1) > 0)"
            " + (SELECT count(*) FROM issues WHERE trashed_at IS NULL AND instr(classification, ?1) > 0)",
            f"SELECT count(*) FROM sections WHERE issue_id IN {live} AND instr(heading, ?)",
            f"SELECT count(*) FROM articles WHERE issue_id IN {live} AND instr(title, ?)",
            f"SELECT count(*) FROM articles WHERE issue_id IN {live} AND instr(note, ?)",
            f"SELECT count(*) FROM articles WHERE issue_id IN {live} AND instr(source, ?)",
            f"SELECT count(*) FROM paragraphs WHERE issue_id IN {live} AND instr(coalesce(lead, '') || text, ?)",
        ))
    finally:
        conn.close()


@pytest.mark.parametrize("query", ["民", "疫", "文明", "志愿", "志愿者", "新时代文明实践", "第3区文明办"])
def test_counts_match_a_plain_scan(big, query):
    archive, _ = big
    hits = archive.issues.search(query, limit=10**7)
    assert len(hits) == plain_count(archive, query) > 0
    assert all(query in h.text for h in hits)  # no false hits
    assert all(h.text[a:b].count(query[0]) for h in hits for a, b in h.spans)


def test_limit_and_order(big):
    archive, _ = big
    hits = archive.issues.search("文明", limit=50)
    assert len(hits) == 50
    keys = [(h.issue_date or "", h.issue_id) for h in hits]
    assert keys == sorted(keys, reverse=True)  # newest issue first …
    first = [h for h in hits if h.issue_id == hits[0].issue_id]
    order = [(h.section if h.section is not None else -1, h.article if h.article is not None else -1,
              h.paragraph if h.paragraph is not None else -1) for h in first]
    assert order == sorted(order)  # … and each issue in print order
    everything = archive.issues.search("文明", limit=10**7)
    newest = max((h.issue_date or "", h.issue_id) for h in everything)
    assert (hits[0].issue_date, hits[0].issue_id) == newest


def test_snippets(big):
    archive, _ = big
    for hit in archive.issues.search("实践", limit=30):
        assert hit.snippet == hit.text[hit.snippet_start:hit.snippet_start + len(hit.snippet)].replace("\n", " ")
        a, b = hit.snippet_spans[0]
        assert hit.snippet[a:b] == "实践"
        assert "[实践]" in hit.marked_snippet()


# ---------------------------------------------------------------------- pieces
def test_index_path_beside_the_archive(tmp_path):
    assert search_index_path(tmp_path / "archive.sqlite3") == tmp_path / "archive.search.sqlite3"
    assert search_index_path(tmp_path / "x" / "office.db").name == "office.search.db"


def test_spans_and_snippet_helpers():
    assert find_spans("abcabc", "bc") == ((1, 3), (4, 6))
    assert find_spans("aaaa", "aa") == ((0, 4),)
    text = "前" * 100 + "目标" + "后" * 100
    snippet, start, spans = snippet_of(text, find_spans(text, "目标"))
    assert snippet[spans[0][0]:spans[0][1]] == "目标" and start == 100 - 16
    assert si.grams("ab,") == "\U000F0061 \U000F0062 \U000F002C \U000F0061\U000F0062 \U000F0062\U000F002C"
    assert si.trigram_query('a"bcd') == '"a""b" AND """bc" AND "bcd"'


# ---------------------------------------------------------------------- keeping in step (small archives)
def titles(archive: Archive, query: str, **kw: object) -> list[str]:
    return [h.text for h in archive.issues.search(query, **kw)]  # type: ignore[arg-type]


def simple(text: str, date: _dt.date = _dt.date(2022, 3, 1)) -> Issue:
    return Issue(masthead=Masthead(title="动态", number=1, office="办公室", date=date),
                 sections=[Section(heading="栏目", articles=[Article(title=text, source="单位")])])


def test_hits_follow_save_trash_restore(archive: Archive):
    index = archive.issues.search_index
    assert titles(archive, "甲乙丙") == []  # builds the index
    stored = archive.issues.save(simple("甲乙丙丁"))
    assert index.ensure_current() == si.SyncReport()  # the save hook already indexed it
    assert titles(archive, "甲乙丙") == ["甲乙丙丁"] and titles(archive, "丁") == ["甲乙丙丁"]
    edited = archive.issues.save(simple("戊己庚"), stored.id, stored.version)
    assert titles(archive, "甲乙") == [] and titles(archive, "己") == ["戊己庚"]
    archive.issues.trash(stored.id)
    assert index.ensure_current() == si.SyncReport()
    assert titles(archive, "己") == [] and titles(archive, "己", include_trashed=True) == ["戊己庚"]
    archive.issues.restore(stored.id)
    assert titles(archive, "己") == ["戊己庚"]
    archive.issues.restore_revision(stored.id, 1, edited.version)
    assert index.ensure_current() == si.SyncReport()
    assert titles(archive, "己") == [] and titles(archive, "甲乙丙丁") == ["甲乙丙丁"]
    assert archive.issues.search("首都精神文明")  # the sample issue
    archive.issues.delete_sample()
    assert index.ensure_current() == si.SyncReport()
    assert archive.issues.search("首都精神文明") == []


def test_missing_index_is_built_on_first_search(archive: Archive):
    archive.issues.save(simple("春风化雨"))
    path = archive.issues.search_index.path
    assert path == search_index_path(archive.path)
    assert titles(archive, "化雨") == ["春风化雨"] and path.exists()
    path.unlink()
    archive.issues.save(simple("润物无声"))  # no index file: the hook leaves it to the next search
    assert not path.exists()
    assert titles(archive, "无声") == ["润物无声"] and titles(archive, "化雨") == ["春风化雨"]


def test_stale_index_is_brought_in_step(archive: Archive, archive_path: Path):
    stored = archive.issues.save(simple("春风化雨"))
    assert titles(archive, "春风") == ["春风化雨"]
    other = open_archive(archive_path)  # another process, which never opens the index …
    try:
        other.issues._search_index = None
        with other.engine.begin() as conn:  # … and a change behind every hook's back
            conn.exec_driver_sql("UPDATE articles SET title = '秋月无边' WHERE title = '春风化雨'")
            conn.exec_driver_sql("UPDATE issues SET version = version + 1, updated_at = '2099-01-01' WHERE id = ?",
                                 (stored.id,))
            conn.exec_driver_sql("UPDATE issues SET trashed_at = '2099-01-01' WHERE is_sample")
    finally:
        other.close()
    assert titles(archive, "春风") == [] and titles(archive, "秋月") == ["秋月无边"]
    assert archive.issues.search("首都精神文明") == []  # the sample, trashed behind its back


def test_damaged_or_foreign_index_is_rebuilt(archive: Archive):
    archive.issues.save(simple("春风化雨"))
    index = archive.issues.search_index
    assert titles(archive, "春风") == ["春风化雨"]
    index.path.write_bytes(b"not a database at all" * 100)
    assert titles(archive, "春风") == ["春风化雨"]
    conn = sqlite3.connect(index.path)
    conn.execute("UPDATE meta SET value = 'another archive' WHERE key = 'archive'")
    conn.commit()
    conn.close()
    assert index.ensure_current().rebuilt
    conn = sqlite3.connect(index.path)
    conn.execute("UPDATE meta SET value = 'bulletin-desk-search/0' WHERE key = 'format'")
    conn.commit()
    conn.close()
    assert titles(archive, "春风") == ["春风化雨"] and index.ensure_current() == si.SyncReport()


def test_rebuild_from_check(archive: Archive):
    archive.issues.save(simple("春风化雨"))
    result = archive.check(reindex=True)
    assert result.ok and result.search is not None and result.search.rebuilt  # type: ignore[attr-defined]
    assert archive.issues.search_index.path.exists() and titles(archive, "春风") == ["春风化雨"]


def test_index_stays_out_of_the_archive_file(archive: Archive):
    archive.issues.search("文明")
    conn = sqlite3.connect(archive.path)
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    conn.close()
    assert not any("fts" in n or n in ("tri", "grams", "docs") for n in names)  # Alembic never sees FTS tables


def test_dates_far_out_of_range_still_found(archive: Archive):
    for year in (1850, 2920):
        archive.issues.save(simple(f"远年{year}", _dt.date(year, 5, 1)))
    assert titles(archive, "远年") == ["远年2920", "远年1850"]
    assert titles(archive, "远年", year=1850) == ["远年1850"] and titles(archive, "远年", year=2920) == ["远年2920"]
    assert titles(archive, "远年", year=1900) == []


def test_source_filter_by_ranges_equals_streaming(big, monkeypatch):
    from bulletin_desk.archive import search

    archive, _ = big
    streamed = [where(h) for h in archive.issues.search("文明", source="第3区", limit=300)]
    monkeypatch.setattr(search, "SOURCE_RANGES_MAX", 10**6)
    ranged = [where(h) for h in archive.issues.search("文明", source="第3区", limit=300)]
    assert ranged == streamed and len(streamed) == 300
    assert archive.issues.search("文明", source="没有这个单位") == []


def test_build_reads_the_same_docs_as_the_model(big):
    """The full build reads texts straight from the rows: the same Docs, in the same order, as docs_of."""
    archive, ids = big
    conn = sqlite3.connect(archive.path)
    try:
        every = [r[0] for r in conn.execute("SELECT id FROM issues ORDER BY id")]
        chosen = [*every[:40], *ids.values()]
        from_rows = si.docs_from_archive(conn, chosen)
    finally:
        conn.close()
    for issue_id in chosen:
        assert from_rows[issue_id] == si.docs_of(archive.issues.load(issue_id).issue), issue_id


@pytest.mark.parametrize("text", ["", "a", "龘", "abc 全角,2020年", "a b", f"x{EXT_B}{EMOJI}y", "新时代文明实践"])
def test_grams_are_every_character_and_pair(text):
    m = text.translate(si._PUA)
    expected = m if len(m) < 2 else " ".join(m) + " " + " ".join(map(str.__add__, m, m[1:]))
    assert si.grams(text) == expected
    assert si.fold("ＡＢＣ abc ＤＥＦ１２") == "abc abc def12" and si.fold("文明") == "文明"


def test_index_file_is_utf16_and_an_older_one_is_replaced(archive: Archive, archive_path: Path):
    archive.issues.save(simple("春风化雨"))
    assert titles(archive, "化雨") == ["春风化雨"]
    path = archive.issues.search_index.path

    def encoding() -> str:
        conn = sqlite3.connect(path)
        try:
            return str(conn.execute("PRAGMA encoding").fetchone()[0])
        finally:
            conn.close()

    assert encoding() == si.ENCODING
    archive.close()
    path.unlink()
    conn = sqlite3.connect(path)  # an index of the previous format: UTF-8
    conn.execute("CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    conn.execute("INSERT INTO meta VALUES('format', 'bulletin-desk-search/2')")
    conn.commit()
    conn.close()
    assert encoding() == "UTF-8" and si.outdated_file(path)
    reopened = open_archive(archive_path)
    try:
        assert [h.text for h in reopened.issues.search("化雨") if h.field == "article.title"] == ["春风化雨"]
        assert encoding() == si.ENCODING and not si.outdated_file(path)
    finally:
        reopened.close()


def test_issues_with_a_field_text_has_no_limit(big):
    """The workspace's 栏目/source filters: every issue, however many texts match (a capped search missed some)."""
    archive, ids = big
    conn = sqlite3.connect(archive.path)
    try:
        headed = {r[0] for r in conn.execute("SELECT DISTINCT issue_id FROM sections WHERE heading LIKE '%基层%'")}
        sourced = {r[0] for r in conn.execute("SELECT DISTINCT issue_id FROM articles WHERE source LIKE '%文明办%'")}
    finally:
        conn.close()
    assert len(headed) > 1000 and archive.issues.issues_with("基层", "section.heading") == headed
    assert archive.issues.issues_with("文明办", "article.source") == sourced
    assert archive.issues.issues_with("测试区", "article.source", include_trashed=False) == {ids["old"], ids["new"]}
    assert archive.issues.issues_with("  ", "article.source") == set()
