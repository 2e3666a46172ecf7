"""Validation locates problems and never raises on a draft; counting is by 字; labels read as editors say them."""

from __future__ import annotations

import datetime as dt

from bulletin_desk.model import (
    Article,
    Issue,
    Masthead,
    Paragraph,
    Section,
    Severity,
    article_char_count,
    count_chars,
    issue_label,
    loads,
    validate,
)


def test_reference_issue_has_no_problems(reference_bdjson):
    assert validate(loads(reference_bdjson.read_bytes())) == []


def test_empty_draft_is_reported_not_raised():
    problems = validate(Issue())
    paths = {p.path for p in problems}
    assert {"masthead.title", "masthead.office", "masthead.date", "masthead.number", "sections"} <= paths
    assert all(p.severity is Severity.WARNING for p in problems)


def test_control_character_is_located():
    issue = Issue(
        masthead=Masthead(title="简报", number=1, office="办", date=dt.date(2024, 1, 1)),
        sections=[Section(heading="栏目", articles=[Article(title="题", source="单位", paragraphs=[
            Paragraph(text="正文\x07还有"),
        ])])],
    )
    problems = [p for p in validate(issue) if p.severity is Severity.ERROR]
    assert len(problems) == 1
    assert problems[0].path == "sections[0].articles[0].paragraphs[0].text"
    assert problems[0].offset == 2
    assert "U+0007" in problems[0].message.render("zh")


def test_layout_characters_typed_by_hand_are_flagged():
    issue = Issue(sections=[Section(heading="【栏目】", articles=[Article(title="t", source="（海淀区文明办）",
                                                                       paragraphs=[Paragraph(text="x")])])])
    codes = {(p.path, p.message.code) for p in validate(issue)}
    assert ("sections[0].heading", "model.check.layout_chars") in codes
    assert ("sections[0].articles[0].source", "model.check.layout_chars") in codes


def test_count_chars_counts_characters_not_words():
    assert count_chars("1月29日，实践中心 发出 APP") == 15
    assert count_chars(None) == 0
    art = Article(title="标题 一", note="按语", paragraphs=[Paragraph(lead="首句。", text="其余。")])
    assert article_char_count(art) == 3 + 2 + 6


def test_issue_label():
    m = Masthead(number=19, total_number=2128, date=dt.date(2020, 4, 29))
    assert issue_label(m) == "2020年第19期（总第2128期）"
    assert issue_label(Masthead(number=1, supplement=True, date=dt.date(2021, 3, 1))) == "2021年增刊第1期"
    assert issue_label(Masthead(number=5)) == "第5期"
