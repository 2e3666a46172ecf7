"""Each cleanup rule on its own: what it changes, and what it must leave alone."""

from __future__ import annotations

import pytest

from bulletin_desk.ingest import chars
from bulletin_desk.ingest.cleanup import ALL_RULES, clean_text, clean_to_string


@pytest.mark.parametrize(("raw", "clean"), [
    ("第 19 期", "第19期"),
    ("1000 多支", "1000多支"),
    ("依托 5G 网络", "依托5G网络"),
    ("资源。 区级", "资源。区级"),
    ("大气治理 成效明显", "大气治理 成效明显"),  # two clauses of a title keep their space
    ("Bulletin Desk 软件", "Bulletin Desk软件"),
    ("详见 https://a.example.cn/x 网站", "详见 https://a.example.cn/x 网站"),
])
def test_remove_cjk_spaces(raw: str, clean: str) -> None:
    assert chars.remove_cjk_spaces(raw) == clean


@pytest.mark.parametrize(("raw", "clean"), [
    ("1月2日,实践中心", "1月2日，实践中心"),
    ("责编:张三", "责编：张三"),
    ("响应;线下", "响应；线下"),
    ("真的吗?是的!", "真的吗？是的！"),
    ("社区(村)宣传", "社区（村）宣传"),
    ("(1)建立台账", "（1）建立台账"),
    ("共1,000余件", "共1,000余件"),  # digit grouping
    ("12:30开会", "12:30开会"),  # a time
    ("5G, APP", "5G, APP"),  # no Chinese around
    ("见 https://x.cn/a?b=1,c 页", "见 https://x.cn/a?b=1,c 页"),
    ("致信 a.b@x.gov.cn,谢谢", "致信 a.b@x.gov.cn，谢谢"),
    ("详见网站(https://www.x.gov.cn/a)。", "详见网站（https://www.x.gov.cn/a）。"),  # the ) closes the sentence's (
    ("网址:www.x.gov.cn,电话:62345678", "网址：www.x.gov.cn，电话：62345678"),  # a URL ends before the comma
    ("见 https://x.cn/wiki/A_(b) 页", "见 https://x.cn/wiki/A_(b) 页"),  # a bracket opened inside the URL
    ("见 https://x.cn/a?b=1,c 页", "见 https://x.cn/a?b=1,c 页"),
    ("详见附件1,2,3", "详见附件1，2，3"),  # a list of numbers, not digit grouping
    ("1,2号楼", "1，2号楼"),
    ("共1,000,000元", "共1,000,000元"),
    ("达到¥1,234.56元", "达到¥1,234.56元"),
])
def test_fullwidth_punctuation(raw: str, clean: str) -> None:
    assert chars.fullwidth_punctuation(raw) == clean


@pytest.mark.parametrize(("raw", "clean"), [
    ('上线"东城社区"APP', "上线“东城社区”APP"),
    ('"甲""乙"和"丙"', "“甲”“乙”和“丙”"),
    ("他说“好“的", "他说“好”的"),  # mis-paired curly quotes
    ("称为'小哥'的", "称为‘小哥’的"),
    ("“已经”正确", "“已经”正确"),
    ("it's 中文", "it's 中文"),  # an apostrophe stays
])
def test_pair_quotes(raw: str, clean: str) -> None:
    assert chars.pair_quotes(raw) == clean


@pytest.mark.parametrize(("raw", "clean"), [
    ("关键一步...现将", "关键一步……现将"),
    ("等等。。。", "等等……"),
    ("意见--从", "意见——从"),
    ("1.5...2.5 ok", "1.5...2.5 ok"),  # no Chinese: untouched
    ("见 https://a.cn/x--y 页", "见 https://a.cn/x--y 页"),
    ("初创—成长", "初创—成长"),
])
def test_ellipsis_and_dash(raw: str, clean: str) -> None:
    assert chars.ellipsis_and_dash(raw) == clean


def test_halfwidth_alnum_and_ideographs() -> None:
    assert chars.halfwidth_alnum("２０２２年ＡＰＰ增长２．３％") == "2022年APP增长2.3％"
    assert chars.unify_ideographs("３\u2f49１\u2f47\u2fb8") == "３月１日首"
    assert chars.unify_ideographs("\uf900") == "\u8c48"  # a compatibility ideograph
    assert chars.unify_ideographs("\u2ed4\u2ee2\u2ea0") == "门马民"  # radicals-supplement simplified forms


def test_a_run_of_marks_converts_in_one_pass() -> None:
    """A converted mark is Chinese context for the next one; the rule reaches its own fixed point."""
    assert chars.fullwidth_punctuation("真的?!!!") == "真的？！！！"
    assert chars.fullwidth_punctuation("APP!!!?好") == "APP！！！？好"
    assert chars.fullwidth_punctuation("－)(,,简报") == "－）（，，简报"


def test_url_ends_before_trailing_sentence_punctuation() -> None:
    from bulletin_desk.ingest.charclass import protected_spans, url_end

    assert url_end("https://x.cn/a)。"[:15]) == 14
    assert url_end("https://x.cn/a.") == 14
    assert url_end("www.x.cn,") == 8
    assert url_end("https://x.cn/A_(b)") == 18
    assert url_end("https://x.cn/a\"") == 14
    text = "见(https://x.cn/a)，邮箱a@b.cn."
    assert [text[a:b] for a, b in protected_spans(text)] == ["https://x.cn/a", "a@b.cn"]


def test_invisible_nbsp_and_spaces() -> None:
    assert chars.remove_invisible("志愿者\u200b联合\u200d会\x07\ufeff") == "志愿者联合会"
    assert chars.drop_nbsp("3.5万\u00a0\u00a0人次") == "3.5万人次"
    assert chars.drop_nbsp("第\u00a09\u00a0期") == "第9期"
    assert chars.drop_nbsp("3.5万\u00a0人次") == "3.5万人次"
    assert chars.drop_nbsp("New\u00a0York") == "New York"
    assert chars.normalise_spaces("\u3000\u3000正文\t\t内容  ") == "正文 内容"


def test_every_rule_reports_its_changes_with_line_numbers() -> None:
    text = "标题行\n\n正文 第 3 段,内容\u200b很长很长很长很长很长很长。\n— 2 —\n"
    cleaned = clean_text(text)
    rules = {(c.rule, c.line) for c in cleaned.changes}
    assert ("cjk_spaces", 3) in rules
    assert ("punctuation", 3) in rules
    assert ("invisible", 3) in rules
    assert ("page_number", 4) in rules
    assert [p.text for p in cleaned.paragraphs] == ["标题行", "正文 第3段，内容很长很长很长很长很长很长。"]


def test_a_refused_rule_is_left_out() -> None:
    text = '社区"议事厅"里,大家 说了 5 条意见。'
    assert clean_to_string(text) == "社区“议事厅”里，大家 说了5条意见。"
    assert clean_to_string(text, skip=("quotes",)) == '社区"议事厅"里，大家 说了5条意见。'
    assert clean_to_string(text, skip=("punctuation",)) == "社区“议事厅”里,大家 说了5条意见。"
    assert set(ALL_RULES) >= {"quotes", "punctuation", "rejoin", "page_number", "running_header"}
