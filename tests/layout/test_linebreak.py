"""Line breaking properties over generated punctuation-dense mixed text (hypothesis), and exact cases.

Each property would fail if the breaker broke: kinsoku (no prohibited line start, no opener at a line
end), unbreakable units (digit runs, Latin words, ——, ……), and the width window of every non-final
line, on its natural width (BrokenLine.natural, before justification stretched it): at most the column
(a hanging mark starts inside it and passes it), and full — the next line's first breakable piece did
not fit after it, which where that piece is one ideograph is the column less one em.
"""

from __future__ import annotations

import dataclasses

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


def check_lines(profile: LayoutProfile, metrics: StaticMetrics, block: Block) -> int:
    """Every property on the lines of ``block``; returns how many lines the one-em bound was checked on.

    The width window is checked on the natural width (before justification): the justified ``right`` of a
    stretched line is the column less the slack by construction, so it says nothing about a line broken
    too early. A line must be as full as the breaker could make it: the next line's first breakable piece
    (up to its first break between two ideographs) did not fit after it — where that piece is one ideograph,
    this is the issue's bound, the column less one em.
    """
    rules = profile.breaking
    lines = break_block(block, profile.body_width, metrics, profile.breaking)
    # The same block unjustified breaks at the same places; its positions are the natural ones.
    plain = break_block(dataclasses.replace(block, align="left"), profile.body_width, metrics, profile.breaking)
    assert [(ln.start, ln.end, ln.hanging) for ln in plain] == [(ln.start, ln.end, ln.hanging) for ln in lines]
    text = block.text
    assert "".join(text[ln.start:ln.end] for ln in lines) == text
    one_em_checked = 0
    for index, line in enumerate(lines):
        chars = text[line.start:line.end]
        indent = block.first_line_indent if index == 0 else block.hanging_indent  # BrokenLine x includes it
        right, natural = line.right - indent, line.natural - indent
        assert chars
        assert line.natural == pytest.approx(plain[index].right), (index, chars)  # before justification
        assert natural <= right + 0.01, (index, chars)  # justification only stretches
        if index:
            assert chars[0] not in rules.not_line_start, (index, chars)
        if index == len(lines) - 1:
            continue
        assert chars[-1] not in rules.not_line_end, (index, chars)
        following = text[lines[index + 1].start:lines[index + 1].end]
        a, b = chars[-1], following[0]
        assert not (char_class(a)[2] and char_class(b)[2]), f"split word/number at {chars[-4:]}|{following[:4]}"
        assert a + b not in ("——", "……"), f"split {a + b}"
        column = profile.body_width - indent
        assert right <= column + 0.01, (index, chars, right)  # a hanging mark is not part of ``right``
        if line.hanging:
            assert chars[-1] in rules.hanging
            assert column - EM <= natural, (index, chars, natural)  # the mark did not fit after it
            assert line.xs[-1] - indent <= column + 0.01, (index, chars)  # it hangs by at most its em
            continue
        assert right == pytest.approx(column - rules.justify_slack_pt, abs=0.01) or right == pytest.approx(natural)
        if a.isspace():
            continue
        nxt = plain[index + 1]
        piece = next((k for k in range(1, len(following))
                      if char_class(following[k - 1])[1] and char_class(following[k])[1]), len(following))
        piece_width = (nxt.xs[piece] if piece < len(following) else nxt.natural) - nxt.xs[0]
        tracking = -profile.grid.tracking_pt  # the letter spacing after the piece's last character
        gap = rules.latin_cjk_gap_em * EM if char_class(a)[2] or char_class(b)[2] else 0.0
        assert natural + gap + piece_width + tracking > column - 0.01, (
            f"line {index} broken early: {chars!r} ({natural:.2f} pt) could take {following[:piece]!r}")
        if piece == 1 and not gap:
            assert column - EM <= natural, (index, chars, natural)  # the issue's bound
            one_em_checked += 1
    return one_em_checked


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=paragraph_text, lead=st.one_of(st.none(), paragraph_text.map(lambda t: t[:20] + "。")))
def test_properties_hold_on_generated_mixed_text(profile: LayoutProfile, metrics: StaticMetrics, text: str,
                                                 lead: str | None) -> None:
    check_lines(profile, metrics, body_block(profile, text, lead))


@pytest.mark.parametrize("seed", range(12))
def test_properties_hold_on_the_generator_corpus(profile: LayoutProfile, metrics: StaticMetrics, seed: int) -> None:
    gen = TextGen(seed)
    lines = one_em = 0
    for _ in range(10):
        para = gen.paragraph(300)
        block = body_block(profile, para.text, para.lead)
        one_em += check_lines(profile, metrics, block)
        lines += len(break_block(block, profile.body_width, metrics, profile.breaking)) - 1
    assert one_em >= lines // 3  # the one-em bound is checked on many lines, not on a handful


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
