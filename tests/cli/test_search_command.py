"""`archive search QUERY [--year] [--source] [--series] [--json]` and `archive check --reindex`."""

from __future__ import annotations

import json
from pathlib import Path

from bulletin_desk.catalogue import catalogue


def test_search_lists_located_hits(run, archive_file: Path) -> None:  # type: ignore[no-untyped-def]
    run("list")
    result = run("archive", "search", "海淀区")
    assert result.code == 0, result.err
    assert "建立全文检索索引" in result.err  # the first search builds the index, said on stderr
    assert "#1" in result.out and "2020年第19期" in result.out
    assert "第1栏第1篇标题中：[海淀区]新时代文明实践中心" in result.out
    assert "共2处（1期）" in result.out
    again = run("archive", "search", "海淀区", lang="en")
    assert again.err == "" and "section 1, article 1, title: [海淀区]" in again.out


def test_search_filters_and_nothing_found(run) -> None:  # type: ignore[no-untyped-def]
    run("list")
    assert "第1栏第1篇署名中：[海淀]区文明办" in run("archive", "search", "海淀", "--source", "海淀").out
    assert "没有找到“海淀”" in run("archive", "search", "海淀", "--year", "2019").out
    assert "没有找到" in run("archive", "search", "海淀", "--source", "朝阳").out
    assert "没有找到" in run("archive", "search", "海淀", "--series", "别的简报").out
    limited = run("archive", "search", "文明", "--limit", "3")
    assert limited.out.count("\n#") + limited.out.startswith("#") == 3 and "只列出了前3处" in limited.out


def test_search_json(run) -> None:  # type: ignore[no-untyped-def]
    run("list")
    result = run("archive", "search", "抗疫", "--json")
    hits = json.loads(result.out)
    assert hits and all("抗疫" in h["text"] for h in hits)
    first = hits[0]
    assert first["issue_id"] == 1 and first["path"].startswith("sections[") and first["sample"] is True
    a, b = first["spans"][0]
    assert first["text"][a:b] == "抗疫"


def test_search_needs_an_archive(run, archive_file: Path) -> None:  # type: ignore[no-untyped-def]
    assert run("archive", "search", "海淀").code == 1 and not archive_file.exists()


def test_check_reindex_rebuilds_the_search_index(run, archive_file: Path) -> None:  # type: ignore[no-untyped-def]
    run("list")
    index = archive_file.with_name("archive.search.sqlite3")
    assert not index.exists()
    result = run("archive", "check", "--reindex")
    assert result.code == 0, result.err
    assert "已重建全文检索索引" in result.out and index.exists()
    assert run("archive", "search", "海淀区").err == ""  # already built: nothing to say


def test_every_hit_field_has_a_place_name() -> None:
    table = catalogue()
    for field in ("masthead.title", "masthead.office", "masthead.classification", "section.heading",
                  "article.title", "article.note", "article.source", "paragraph"):
        assert "archive.cli.where." + field.replace(".", "_") in table, field
