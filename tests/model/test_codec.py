"""bulletin-desk/1: canonical bytes, strict reading with JSON paths, and a round-trip property."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bulletin_desk.model import (
    Article,
    Colophon,
    Distribution,
    FormatError,
    Issue,
    Masthead,
    Paragraph,
    ParagraphKind,
    Section,
    dump_bytes,
    dumps,
    loads,
)


def test_reference_sample_is_canonical(reference_bdjson):
    data = reference_bdjson.read_bytes()
    issue = loads(data)
    assert dump_bytes(issue) == data
    assert issue.masthead.number == 19 and issue.masthead.total_number == 2128
    assert issue.masthead.date == dt.date(2020, 4, 29)
    assert [a.source for a in issue.articles()] == ["海淀区文明办", "怀柔区文明办", "延庆区文明办"]
    assert all(p.lead and p.lead.endswith("。") for a in issue.articles() for p in a.paragraphs)


def test_canonical_form_details():
    text = dumps(Issue(masthead=Masthead(title="简报", number=1, date=dt.date(2021, 1, 5))))
    assert text.endswith("}\n") and "\r" not in text
    assert text.startswith('{\n  "format": "bulletin-desk/1",\n  "masthead": {\n    "title": "简报"')
    keys = list(json.loads(text))
    assert keys == ["format", "masthead", "sections", "colophon", "distribution", "copies"]
    assert '"date": "2021-01-05"' in text
    assert not dump_bytes(Issue()).startswith(b"\xef\xbb\xbf")


def test_optional_keys_may_be_omitted():
    issue = loads(json.dumps({
        "format": "bulletin-desk/1",
        "masthead": {"title": "简报", "number": 3, "office": "办公室", "date": "2024-02-29"},
        "sections": [{"heading": "栏目", "articles": [{"title": "标题", "paragraphs": [{"text": "正文。"}]}]}],
    }))
    para = issue.sections[0].articles[0].paragraphs[0]
    assert para.kind is ParagraphKind.BODY and para.lead is None
    assert issue.masthead.supplement is False and issue.copies is None
    assert issue.colophon == Colophon() and issue.distribution == Distribution()


def test_bom_is_tolerated_on_reading(reference_bdjson):
    assert loads(b"\xef\xbb\xbf" + reference_bdjson.read_bytes()).masthead.number == 19


@pytest.mark.parametrize(
    ("mutate", "path", "code"),
    [
        (lambda d: d["sections"][0]["articles"][1]["paragraphs"][3].__setitem__("colour", "red"),
         "sections[0].articles[1].paragraphs[3].colour", "model.json.unknown_key"),
        (lambda d: d.__setitem__("extra", 1), "extra", "model.json.unknown_key"),
        (lambda d: d["masthead"].__setitem__("number", "19"), "masthead.number", "model.json.wrong_type"),
        (lambda d: d["masthead"].__setitem__("number", True), "masthead.number", "model.json.wrong_type"),
        (lambda d: d["sections"][0]["articles"][0]["paragraphs"][1].__setitem__("lead", 5),
         "sections[0].articles[0].paragraphs[1].lead", "model.json.wrong_type"),
        (lambda d: d["sections"][0]["articles"][0]["paragraphs"][1].__setitem__("kind", "h9"),
         "sections[0].articles[0].paragraphs[1].kind", "model.json.bad_kind"),
        (lambda d: d["masthead"].__setitem__("date", "2020-4-29"), "masthead.date", "model.json.bad_date"),
        (lambda d: d.__setitem__("format", "bulletin-desk/2"), "format", "model.json.newer_format"),
        (lambda d: d.__setitem__("format", "something/1"), "format", "model.json.bad_format"),
        (lambda d: d.pop("format"), "format", "model.json.missing_key"),
        (lambda d: d.__setitem__("sections", {}), "sections", "model.json.wrong_type"),
        (lambda d: d.__setitem__("copies", -1), "copies", "model.json.negative"),
    ],
)
def test_strict_reading_names_the_path(reference_bdjson, mutate, path, code):
    doc = json.loads(reference_bdjson.read_text(encoding="utf-8"))
    mutate(doc)
    with pytest.raises(FormatError) as info:
        loads(json.dumps(doc, ensure_ascii=False))
    assert info.value.message.code == code
    assert info.value.path == path
    assert path in info.value.render("zh") and path in info.value.render("en")


def test_newer_format_message_names_the_version():
    with pytest.raises(FormatError) as info:
        loads('{"format": "bulletin-desk/7"}')
    assert "bulletin-desk/7" in info.value.render("zh")


def test_broken_json_and_encoding():
    with pytest.raises(FormatError) as info:
        loads('{"format": "bulletin-desk/1",')
    assert info.value.message.code == "model.json.invalid"
    with pytest.raises(FormatError) as info:
        loads("简报".encode("gb18030"))
    assert info.value.message.code == "model.json.not_utf8"


def test_lone_surrogate_cannot_be_written():
    issue = Issue(masthead=Masthead(title="a\ud800b"))
    with pytest.raises(FormatError) as info:
        dump_bytes(issue)
    assert info.value.message.code == "model.json.unencodable"


# ---------------------------------------------------------------- property: Issue → bytes → Issue → bytes

# Text as editors produce it: CJK, CJK Extension B, full-width punctuation, emoji, digits and Latin.
_ALPHABET = st.one_of(
    st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
    st.characters(min_codepoint=0x20000, max_codepoint=0x2A6DF),  # Extension B
    st.sampled_from(list("，。、；：！？“”‘’（）《》【】——……·")),
    st.characters(min_codepoint=0x1F300, max_codepoint=0x1FAFF),  # emoji
    st.characters(min_codepoint=0x20, max_codepoint=0x7E),
)
_text = st.text(_ALPHABET, max_size=60)
_long_text = st.text(_ALPHABET, max_size=3000)
_opt = st.none() | _text
_nat = st.none() | st.integers(min_value=0, max_value=10**6)

_paragraph = st.builds(Paragraph, text=_long_text, lead=_opt, kind=st.sampled_from(list(ParagraphKind)))
_article = st.builds(Article, title=_text, note=_opt, source=_opt, paragraphs=st.lists(_paragraph, max_size=4))
_section = st.builds(Section, heading=_text, articles=st.lists(_article, max_size=3))  # empty sections too
_masthead = st.builds(
    Masthead, title=_text, number=_nat, total_number=_nat, supplement=st.booleans(), office=_text,
    date=st.none() | st.dates(min_value=dt.date(1949, 10, 1), max_value=dt.date(2100, 12, 31)),
    classification=_opt,
)
_issue = st.builds(
    Issue, masthead=_masthead, sections=st.lists(_section, max_size=3),
    colophon=st.builds(Colophon, editor=_opt, reviewer=_opt, approver=_opt, phone=_opt, fax=_opt, email=_opt),
    distribution=st.builds(Distribution, report_to=_opt, send_to=_opt, issue_to=_opt, cc=_opt),
    copies=_nat,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_issue)
def test_round_trip_is_stable_and_equal(issue: Issue):
    first = dump_bytes(issue)
    again = loads(first)
    assert again == issue
    assert dump_bytes(again) == first
