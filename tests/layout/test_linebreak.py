"""Line breaking properties over generated punctuation-dense mixed text (hypothesis), and exact cases.

Each property would fail if the breaker broke: kinsoku (no prohibited line start, no opener at a line
end), unbreakable units (digit runs, Latin words, ——, ……), and the width window of every non-final
line: between the column less one em and the column (plus the hanging mark when one hangs).
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.support.generate import IDEOGRAPHS, LATIN, TextGen

from bulletin_desk.layout import Block, LayoutProfile, StaticMetrics, break_block
from bulletin_desk.layout.compose import content_blocks
from bulletin_desk.layout.metrics import char_class
from bulletin_desk.model import Article, Issue, Paragraph, Section

EM = 16.0


def body_block(profile: LayoutProfile, text: str, lead: str | None = None) -> Block:
    issue = Issue(sections=[Section(articles=[Article(paragraphs=[Paragraph(text=text, lead=lead)])])])
    return content_blocks(issue, profile)[0]


def lines_of(profile: LayoutProfile, metrics: StaticMetrics, block: Block) -> list[tuple[str, float, bool]]:
    text = block.text
    return [(text[line.start:line.end], line.right, line.hanging)
            for line in break_block(block, profile.body_width, metrics, profile.breaking)]


ideo = st.text(alphabet=IDEOGRAPHS, min_size=1, max_size=6)
token = st.one_of(
    ideo,
    st.builds(lambda w, p: w + p, ideo, st.sampled_from(list("、，。；：！？"))),
    st.builds(lambda w: f"“{w}”", ideo),
    st.builds(lambda w: f"‘{w}’", ideo),
    st.builds(lambda w: f"“{w}。”", ideo),
    st.builds(lambda w: f"《{w}》", ideo),
    st.builds(lambda w: f"（{w}）", ideo),
    st.builds(lambda w: "——" + w, ideo),
    st.builds(lambda w: w + "……", ideo),
    st.builds(lambda n, u: f"{n}{u}", st.integers(0, 10**7), st.sampled_from(["%", "万", "人", "年", "元"])),
    st.builds(lambda w, latin: w + latin, ideo, st.sampled_from(LATIN)),
)
paragraph_text = st.lists(token, min_size=5, max_size=80).map("".join)


def check_lines(profile: LayoutProfile, block: Block, lines: list[tuple[str, float, bool]]) -> None:
    rules = profile.breaking
    assert "".join(text for text, _, _ in lines) == block.text
    for index, (text, right, hanging) in enumerate(lines):
        right -= block.first_line_indent if index == 0 else 0.0  # BrokenLine x includes the indent
        assert text
        if index:
            assert text[0] not in rules.not_line_start, (index, text)
        if index < len(lines) - 1:
            assert text[-1] not in rules.not_line_end, (index, text)
            following = lines[index + 1][0]
            a, b = text[-1], following[0]
            assert not (char_class(a)[2] and char_class(b)[2]), f"split word/number at {text[-4:]}|{following[:4]}"
            assert a + b not in ("——", "……"), f"split {a + b}"
            column = profile.body_width - (block.first_line_indent if index == 0 else 0)
            assert column - EM <= right, (index, text, right)
            assert right <= column + (EM if hanging else 0.0) + 0.01, (index, text, right)
            if hanging:
                assert text[-1] in rules.hanging


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=paragraph_text, lead=st.one_of(st.none(), paragraph_text.map(lambda t: t[:20] + "。")))
def test_properties_hold_on_generated_mixed_text(profile: LayoutProfile, metrics: StaticMetrics, text: str,
                                                 lead: str | None) -> None:
    block = body_block(profile, text, lead)
    check_lines(profile, block, lines_of(profile, metrics, block))


@pytest.mark.parametrize("seed", range(12))
def test_properties_hold_on_the_generator_corpus(profile: LayoutProfile, metrics: StaticMetrics, seed: int) -> None:
    gen = TextGen(seed)
    for _ in range(10):
        para = gen.paragraph(300)
        block = body_block(profile, para.text, para.lead)
        check_lines(profile, block, lines_of(profile, metrics, block))


def test_pure_ideographs_fill_28_characters_ending_at_184_mm(profile: LayoutProfile, metrics: StaticMetrics) -> None:
    block = body_block(profile, IDEOGRAPHS[:200])
    lines = break_block(block, profile.body_width, metrics, profile.breaking)
    assert [line.end - line.start for line in lines[:3]] == [26, 28, 28]
    for line in lines[1:-1]:
        right = profile.left + line.right
        assert abs(right - 184 * 72 / 25.4) <= 0.5 * 72 / 25.4
        assert line.xs[0] == 0.0 and line.xs[1] == pytest.approx(15.75)


def test_a_comma_after_a_full_line_hangs_and_a_closing_quote_pushes(profile: LayoutProfile,
                                                                    metrics: StaticMetrics) -> None:
    full = "一" * 26  # the first line holds 26 after the 2-character indent; 28 after that
    hang = lines_of(profile, metrics, body_block(profile, full + "，二二"))
    assert [t for t, _, _ in hang] == [full + "，", "二二"] and hang[0][2]
    pushed = lines_of(profile, metrics, body_block(profile, full + "”二二"))
    assert [t for t, _, _ in pushed] == ["一" * 25, "一”二二"]
    two = lines_of(profile, metrics, body_block(profile, full + "，。二二"))  # 。 may not start a line: push
    assert [t for t, _, _ in two] == ["一" * 25, "一，。二二"]
    after_digit = lines_of(profile, metrics, body_block(profile, "一" * 24 + "12。二"))
    assert [t for t, _, _ in after_digit] == ["一" * 24, "12。二"]  # no hanging after a digit (measured)


def test_the_gap_between_ideographs_and_digits(profile: LayoutProfile, metrics: StaticMetrics) -> None:
    block = body_block(profile, "月29日")
    line = break_block(block, profile.body_width, metrics, profile.breaking)[0]
    xs = [x - block.first_line_indent for x in line.xs]
    assert xs[1] == pytest.approx(16 + 3.2)  # 月 ends its portion (no spacing) + max(size)/5
    assert xs[2] == pytest.approx(16 + 3.2 + 7.75)
    assert xs[3] == pytest.approx(16 + 3.2 + 7.75 + 8 + 3.2)


def test_only_digits_and_a_very_long_paragraph(profile: LayoutProfile, metrics: StaticMetrics) -> None:
    digits = body_block(profile, "1234567890" * 30)
    lines = lines_of(profile, metrics, digits)
    assert "".join(t for t, _, _ in lines) == digits.text
    assert all(right <= profile.body_width + 0.01 for _, right, _ in lines)
    assert len(lines) >= 300 * 8 / profile.body_width
    long = body_block(profile, TextGen(7).sentence(3000))
    lines = lines_of(profile, metrics, long)
    assert len(long.text) >= 3000 and len(lines) > 3000 / 29


def _variant(profile: LayoutProfile, **flags: bool) -> LayoutProfile:
    import dataclasses

    return dataclasses.replace(profile, breaking=dataclasses.replace(profile.breaking, **flags))


def test_clreq_flags_are_off_by_default_and_work_when_on(profile: LayoutProfile, metrics: StaticMetrics) -> None:
    assert not profile.breaking.compress_punctuation and not profile.breaking.push_in_first
    text = "一，" * 13 + "”二二"
    default = lines_of(profile, metrics, body_block(profile, text))
    assert default[0][0] == "一，" * 12  # 一，” pushed out together (推出), as LibreOffice does
    squeezed_profile = _variant(profile, push_in_first=True)
    pushed_in = lines_of(squeezed_profile, metrics, body_block(squeezed_profile, text))
    assert pushed_in[0][0] == "一，" * 13 + "”"  # 先挤进: the marks give up room for the closing quote
    assert pushed_in[0][1] - 32 <= profile.body_width - 32 + 0.01
    compress_profile = _variant(profile, compress_punctuation=True)
    block = body_block(compress_profile, "一。”二")
    line = break_block(block, profile.body_width, metrics, compress_profile.breaking)[0]
    assert line.xs[2] - line.xs[1] == pytest.approx(16 - 8)  # 。” take 1.5 em (。 ends its portion: no spacing)
    plain = break_block(body_block(profile, "一。”二"), profile.body_width, metrics, profile.breaking)[0]
    assert plain.xs[2] - plain.xs[1] == pytest.approx(16)
