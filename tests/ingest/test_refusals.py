"""Refusing one cleanup change: a stable id per change, the import run again without it, the rest the same."""

from __future__ import annotations

from tests.ingest.corpus_support import REFERENCE_TXT

from bulletin_desk.ingest import IngestResult, import_html, import_path, import_text, reimport
from bulletin_desk.ingest.changes import refused_parts

LONG = "这是一段足够长的正文内容用于测试断行接续规则"  # 22 characters, no punctuation at the end


def _texts(result: IngestResult) -> list[str]:
    article = result.article if result.article is not None else result.issue.articles()[0]  # type: ignore[union-attr]
    return [p.text for p in article.paragraphs]


def test_every_change_has_a_stable_unique_id() -> None:
    first, second = import_path(REFERENCE_TXT), import_path(REFERENCE_TXT)
    ids = [c.id for c in first.changes]
    assert len(ids) == len(set(ids)) > 100
    assert ids == [c.id for c in second.changes]
    assert not any(c.refused for c in first.changes)


def test_refusing_any_one_change_of_the_reference_refuses_that_one_only() -> None:
    """The editor unchecks one line of the report: that change is not made, every other one is proposed as before."""
    result = import_path(REFERENCE_TXT)
    ids = {c.id for c in result.changes}
    for change in result.changes:
        again = reimport(result, {change.id})
        assert {c.id for c in again.changes} == ids, change
        assert [c.id for c in again.changes if c.refused] == [change.id]
        assert again.refused == {change.id}


def test_a_refused_comma_stays_even_after_its_line_is_rejoined() -> None:
    """The paragraph rules run again over the joined paragraph; they must recognise the refused edit."""
    text = f"标题\n\n{LONG},其中\n一部分内容在下一行,另一部分也在。\n"
    result = import_text(text)
    commas = [c for c in result.changes if c.rule == "punctuation"]
    assert [c.line for c in commas] == [3, 4]
    again = reimport(result, {commas[0].id})
    assert _texts(again) == [f"{LONG},其中一部分内容在下一行，另一部分也在。"]
    assert [c.refused for c in again.changes if c.rule == "punctuation"] == [True, False]


def test_a_refused_rejoin_keeps_the_line_break_and_nothing_else_changes() -> None:
    text = f"标题\n\n{LONG}，后面\n还有内容，这是另一段吗。\n\n第二段的内容，写完了。\n"
    result = import_text(text)
    assert _texts(result) == [f"{LONG}，后面还有内容，这是另一段吗。", "第二段的内容，写完了。"]
    rejoin = next(c for c in result.changes if c.rule == "rejoin")
    again = reimport(result, [rejoin.id])
    assert _texts(again) == [f"{LONG}，后面", "还有内容，这是另一段吗。", "第二段的内容，写完了。"]
    assert next(c for c in again.changes if c.rule == "rejoin").refused


def test_a_refused_page_number_removal_keeps_the_line() -> None:
    result = import_text(f"标题\n\n{LONG}。\n\n— 2 —\n\n下一段正文，继续写。\n")
    page = next(c for c in result.changes if c.rule == "page_number")
    again = reimport(result, {page.id})
    assert "— 2 —" in "".join(_texts(again)).replace("—2—", "— 2 —")


def test_html_refusals_work_the_same_way() -> None:
    html = "<h1>标题</h1><p>今年以来，区住建委按照市委市政府部署，扎实推进<br>综合整治工作。</p><p>第二段,正文。</p>"
    result = import_html(html)
    assert _texts(result) == ["今年以来，区住建委按照市委市政府部署，扎实推进综合整治工作。", "第二段，正文。"]
    refuse = [c.id for c in result.changes if c.rule in ("rejoin", "punctuation")]
    again = reimport(result, refuse)
    assert _texts(again) == ["今年以来，区住建委按照市委市政府部署，扎实推进", "综合整治工作。", "第二段,正文。"]


def test_a_grouped_change_is_refused_edit_by_edit() -> None:
    """A Change may hold nearby edits; its id names each, and refusing it refuses them all."""
    result = import_text("标题\n\n大家 说了 5 条意见,都很好。\n")
    spaces = next(c for c in result.changes if c.rule == "cjk_spaces")
    assert "+" in spaces.id
    assert refused_parts([spaces.id]) == set(spaces.id.split("+"))
    again = reimport(result, {spaces.id})
    assert _texts(again) == ["大家 说了 5 条意见，都很好。"]


def test_skipping_a_whole_rule_still_works_and_is_kept_on_reimport() -> None:
    result = import_text("标题\n\n社区\"议事厅\"里,大家 说了 5 条意见。\n", skip_rules=("quotes",))
    assert _texts(result) == ['社区"议事厅"里，大家 说了5条意见。']
    comma = next(c for c in result.changes if c.rule == "punctuation")
    assert _texts(reimport(result, {comma.id})) == ['社区"议事厅"里,大家 说了5条意见。']


def test_a_result_without_a_source_comes_back_as_it_is() -> None:
    from tests.ingest.corpus_support import REFERENCE_JSON

    result = import_path(REFERENCE_JSON)
    assert reimport(result, {"punctuation@1:0:000000"}) is result


def test_the_report_marks_refused_changes() -> None:
    result = import_text("标题\n\n正文,内容很多。\n")
    comma = next(c for c in result.changes if c.rule == "punctuation")
    again = reimport(result, {comma.id})
    assert any("未采用" in line for line in again.report_lines("zh"))
    assert any("(refused)" in line for line in again.report_lines("en"))
    assert not any("未采用" in line for line in result.report_lines("zh"))
