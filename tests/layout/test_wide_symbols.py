"""Wide symbols (℃ ①②③ ※ → Ⅱ № ★ ≤ ◆): the CJK face, one em, and LibreOffice's breaks around them.

Liberation Serif / Times New Roman lack most of them: measured as a half-em Latin letter they were
painted with a CJK fallback glyph one em wide, over the next character. The break and spacing
expectations below were measured in LibreOffice 7.4 with the DOCX's runs (the symbols in the CJK face
in all four font slots), on lines of 一 filled so that the pair in question meets the right edge.
"""

from __future__ import annotations

import itertools

import pytest

from bulletin_desk.layout import Block, LayoutProfile, StaticMetrics, break_block, layout_issue
from bulletin_desk.layout.compose import InlineRun
from bulletin_desk.layout.metrics import is_cjk, is_wide_symbol
from bulletin_desk.layout.page import BlockRole, Face, SourceRef
from bulletin_desk.model import Article, Issue, Paragraph, Section

WIDE = "℃①②③※→Ⅱ№★≤◆∶▲○√◎⑴⒈"


def test_wide_symbols_are_one_em_and_latin_signs_stay_latin(metrics: StaticMetrics) -> None:
    for char in WIDE:
        assert is_wide_symbol(char) and is_cjk(char), char
        assert metrics.advance(char, Face.FANGSONG, 16.0, False) == 16.0, char
    for char in "°±×÷§–‰€™•′″AZ09αǎ":  # in Times New Roman's table, or letters (set proportionally by stand-ins)
        assert not is_wide_symbol(char), char
    for char in "“”‘’—…·":  # these keep their own measured rules
        assert not is_wide_symbol(char), char


def test_wide_symbols_are_laid_out_in_the_cjk_face_in_one_em_slots(profile: LayoutProfile) -> None:
    text = "当日最高气温38℃，重点做好①防暑②降温③保供工作，※注意Ⅱ级响应→及时上报№3号文件。"
    issue = Issue(sections=[Section(articles=[Article(paragraphs=[Paragraph(text=text)])])])
    lines = [line for line in layout_issue(issue, profile).pages[0].lines if line.role is BlockRole.BODY]
    assert "".join(line.text for line in lines) == text
    seen = set()
    for line in lines:
        chars = [(char, x, run) for run in line.runs for char, x in zip(run.text, run.xs, strict=True)]
        for (char, x, run), (_, next_x, _) in itertools.pairwise(chars):
            if char in WIDE:
                seen.add(char)
                assert run.face is Face.FANGSONG, char
                assert next_x - x >= 16.0 - 0.25 - 0.01, char  # one em less the letter spacing: no overlap
    assert seen == set("℃①②③※Ⅱ→№")


def _first_line(profile: LayoutProfile, metrics: StaticMetrics, text: str) -> str:
    block = Block(BlockRole.BODY, (InlineRun(text, Face.FANGSONG, 16.0, tracking=profile.grid.tracking_pt),),
                  SourceRef("paragraph"), align="left")
    first = break_block(block, profile.body_width, metrics, profile.breaking)[0]
    return text[first.start:first.end]


@pytest.mark.parametrize(("pair", "splits"), [
    ("①②", True), ("★★", True), ("→→", True), ("※※", True), ("℃①", True),  # Asian script: anywhere
    ("①3", True), ("①A", True), ("Ⅱ3", True),  # a numeric symbol takes the gap to Latin, a break too
    ("★3", False), ("→A", False), ("≤5", False),  # other symbols are letters to UAX #14
    ("3①", False), ("A①", False), ("3★", False), ("A→", False), ("3Ⅱ", False),  # Latin script: a word
    ("3℃", False), ("A℃", True),  # ℃ is a postfix: kept with a digit, not with a letter
])
def test_breaks_between_a_wide_symbol_and_its_neighbour_as_libreoffice(profile, metrics, pair, splits) -> None:
    text = "一" * 27 + pair + "二二"  # the first character of the pair ends the line, the second does not fit
    assert _first_line(profile, metrics, text) == "一" * 27 + (pair[0] if splits else "")


@pytest.mark.parametrize(("text", "first_line"), [
    ("一" * 25 + "38℃，二二二二", "一" * 25),  # no hanging comma after a symbol in the Latin script
    ("一" * 26 + "3①，二二二二", "一" * 26),
    ("一" * 27 + "①，二二二二", "一" * 27 + "①，"),  # after one in the Asian script it hangs
    ("一" * 23 + "APP■“点单派单", "一" * 23),  # not split at the quote after a Latin-script symbol
])
def test_hanging_and_quotes_next_to_wide_symbols(profile, metrics, text, first_line) -> None:
    assert _first_line(profile, metrics, text) == first_line


@pytest.mark.parametrize(("text", "gap_after"), [
    ("①防暑", "①"),  # at a paragraph start a symbol is in the Latin script: the gap to the ideograph
    ("3Ⅱ级", "Ⅱ"), ("甲①B", "①"), ("3①条", "①"),
])
def test_numeric_symbols_take_the_gap_to_the_other_script(profile, metrics, text, gap_after) -> None:
    block = Block(BlockRole.BODY, (InlineRun(text, Face.FANGSONG, 16.0, tracking=profile.grid.tracking_pt),),
                  SourceRef("paragraph"), align="left")
    xs = break_block(block, profile.body_width, metrics, profile.breaking)[0].xs
    k = text.index(gap_after)
    expected = metrics.advance(gap_after, Face.FANGSONG, 16.0, False) + 0.2 * 16
    assert xs[k + 1] - xs[k] == pytest.approx(expected, abs=0.01)
