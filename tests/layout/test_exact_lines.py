"""Lines written off the grid in exact heights sit where LibreOffice 7.4 sets them (no LibreOffice here:
the rule itself is held to LibreOffice by test_libreoffice_fidelity.py and the fidelity gate).

The rule (docs/layout-decisions.md, findings 16–19): a line of exact height H has its baseline
exact_ascent × H below its top, its page's grid inset lower; a 版记 row's top rule sets the row's text
its thickness lower; a title opening a page sits at the top of its block (LibreOffice drops spacing
before there), elsewhere centred in it. Body lines keep the grid.
"""

from __future__ import annotations

import math

import pytest

from bulletin_desk.export.compose import content_from_blocks
from bulletin_desk.export.profile_adapter import geometry_from_profile
from bulletin_desk.layout import LayoutProfile, layout_issue
from bulletin_desk.layout.page import BlockRole, Line, PageLayout
from bulletin_desk.model import Article, Issue, Paragraph, Section


def _exact(profile: LayoutProfile, row_top: float, line_h: float, border: float = 0.0) -> float:
    return row_top + profile.grid_inset + border + profile.grid.exact_ascent * line_h


def _row_top(profile: LayoutProfile, row: int) -> float:
    return profile.top + row * profile.pitch


def _grid(profile: LayoutProfile) -> list[float]:
    size = profile.grid.body_size_pt
    first = profile.top + (profile.pitch - size) / 2 + profile.grid.baseline_em * size
    return [first + k * profile.pitch for k in range(profile.grid.lines_per_page)]


def _lines(layout: PageLayout, page: int, role: BlockRole) -> list[Line]:
    return [line for line in layout.pages[page].lines if line.role is role]


def test_the_grid_inset_is_half_what_the_type_area_holds_over_its_rows(profile: LayoutProfile) -> None:
    # 225 mm = 12756 twips hold 22 rows of 579 twips, 18 twips over: 9 twips above
    assert profile.grid_inset == pytest.approx(9 / 20, abs=0.005)
    assert profile.exact_baseline(35.0) == pytest.approx(28.0)


def test_imprint_rows_drop_by_their_top_rule(reference_issue: Issue, profile: LayoutProfile) -> None:
    """Each 版记 line is exact_ascent × pitch into its grid row (plus the inset). A 版记 block is one table
    row in the DOCX and its rule that row's top border: every line of a block that starts on a rule (the
    wrapped 报：… too) is the rule's thickness lower; the others are not moved."""
    layout = layout_issue(reference_issue, profile)
    page = layout.pages[-1]
    imprint = _lines(layout, page.index, BlockRole.IMPRINT)
    thickness = {round(rule.y, 3): rule.thickness for rule in page.rules if rule.y < profile.bottom - 1}
    assert len(imprint) >= 5 and len(thickness) == 2
    spec = profile.element("imprint")
    assert sorted(thickness.values()) == [spec.thin_rule_pt, spec.thick_rule_pt]
    border, lowered = 0.0, 0
    for line in imprint:
        row_top = _row_top(profile, math.floor((line.baseline - profile.top) / profile.pitch))
        assert line.source is not None
        if line.source.start == 0:  # a block's first line: a new table row
            border = next((t for y, t in thickness.items() if abs(y - row_top) < 0.01), 0.0)
        lowered += border > 0
        assert line.baseline == pytest.approx(_exact(profile, row_top, profile.pitch, border), abs=0.005), line.text
    assert lowered == 3  # 责编 … under the thick rule, 报：… (two lines) under the thin one


def test_header_and_section_lines_use_the_exact_line_rule(reference_issue: Issue, profile: LayoutProfile) -> None:
    """The 期号, office/date and 【栏目】 lines are one grid line of exact height: 0.8 × 28.95 pt into the
    row, not the body's centred em box (which put them 1.85 pt higher than LibreOffice does)."""
    layout = layout_issue(reference_issue, profile)
    for role in (BlockRole.ISSUE_NUMBER, BlockRole.OFFICE_DATE, BlockRole.SECTION):
        for line in _lines(layout, 0, role):
            row = round((line.baseline - profile.grid_inset - profile.exact_baseline(profile.pitch) - profile.top)
                        / profile.pitch)
            assert line.baseline == pytest.approx(_exact(profile, _row_top(profile, row), profile.pitch),
                                                  abs=0.005), (role, line.text)
            assert min(abs(line.baseline - g) for g in _grid(profile)) > 1.0  # off the body grid


def _two_articles(title: str, *, break_before: bool) -> Issue:
    body = "各区持续推进新时代文明实践中心建设，" * 3
    articles = [Article(title="第一篇", paragraphs=[Paragraph(text=body)]),
                Article(title=title, paragraphs=[Paragraph(text=body)], page_break_before=break_before)]
    return Issue(sections=[Section(heading="工作动态", articles=articles)])


@pytest.mark.parametrize("title", ["短标题", "关于推进新时代文明实践中心建设的通知" * 2])
def test_a_title_opening_a_page_sits_at_the_top_of_its_block(profile: LayoutProfile, title: str) -> None:
    """LibreOffice drops spacing before at a page top, so the DOCX gives a page-top title its whole
    centring pad after it; the engine sets it at the top of its block too. The body below stays on the
    grid, in the row after the title's whole grid lines."""
    spec = profile.element("title")
    layout = layout_issue(_two_articles(title, break_before=True), profile)
    lines = _lines(layout, 1, BlockRole.TITLE)
    assert lines and layout.pages[1].lines[0] is lines[0]
    for index, line in enumerate(lines):
        assert line.baseline == pytest.approx(_exact(profile, profile.top + index * spec.line_pt, spec.line_pt),
                                              abs=0.005)
    rows = math.ceil(len(lines) * spec.line_pt / profile.pitch)
    body = _lines(layout, 1, BlockRole.BODY)
    assert body[0].baseline == pytest.approx(_grid(profile)[rows], abs=0.005)


def test_a_title_below_other_text_stays_centred_in_its_block(profile: LayoutProfile) -> None:
    spec = profile.element("title")
    layout = layout_issue(_two_articles("短标题", break_before=False), profile)
    second = [line for line in _lines(layout, 0, BlockRole.TITLE) if line.text == "短标题"]
    assert len(second) == 1
    body_before = [line for line in _lines(layout, 0, BlockRole.BODY) if line.baseline < second[0].baseline]
    row = round((body_before[-1].baseline - _grid(profile)[0]) / profile.pitch) + 1
    pad = (2 * profile.pitch - spec.line_pt) / 2
    assert second[0].baseline == pytest.approx(_exact(profile, _row_top(profile, row) + pad, spec.line_pt), abs=0.005)


def test_the_imprint_below_a_page_top_title_is_padded_from_its_whole_block(reference_issue: Issue,
                                                                          profile: LayoutProfile) -> None:
    """A title-only article opening the 版记's page: its block is 2 grid lines, though its baseline lies
    in the first; the DOCX pads the 版记 from the block's end (1 line less and it falls off the page)."""
    reference_issue.sections[-1].articles.append(Article(title="只有标题的一篇", page_break_before=True))
    layout = layout_issue(reference_issue, profile)
    content = content_from_blocks(reference_issue, profile, geometry_from_profile(profile), layout)
    assert content.imprint is not None and not content.imprint.new_page
    first_imprint_row = round((min(rule.y for rule in layout.pages[-1].rules) - profile.top) / profile.pitch)
    assert content.imprint.pad_pt == pytest.approx((first_imprint_row - 2) * profile.pitch)
