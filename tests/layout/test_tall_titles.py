"""Titles too tall to stay whole: they continue on the next page, split between lines, never below the 版心.

A title placed whole ran off the page (400 字: a baseline at 1108 pt on an 842 pt page) or, when it fit a
page but not together with its 【栏目】 heading, left the heading alone at the foot of the page before.
"""

from __future__ import annotations

import pytest

from bulletin_desk.layout import LayoutProfile, layout_issue
from bulletin_desk.layout.page import BlockRole, PageLayout
from bulletin_desk.model import Article, Issue, Masthead, Paragraph, Section

WORDS = "关于推进新时代文明实践中心建设的通知" * 40


def _issue(title: str, heading: str = "新时代文明实践") -> Issue:
    return Issue(masthead=Masthead(title="测试简报", number=1, office="办公室"),
                 sections=[Section(heading=heading, articles=[Article(title=title, paragraphs=[
                     Paragraph(text="文" * 300)])])])


def _located(layout: PageLayout, role: BlockRole) -> list[tuple[int, object]]:
    return [(page.index, line) for page in layout.pages for line in page.lines if line.role is role]


@pytest.mark.parametrize("length", [300, 400])
def test_a_tall_title_flows_on_with_its_heading_and_stays_inside_the_type_area(profile: LayoutProfile,
                                                                              length: int) -> None:
    title = WORDS[:length]
    layout = layout_issue(_issue(title), profile)
    for page in layout.pages:
        for line in page.lines:
            if line.role is BlockRole.PAGE_NUMBER:
                continue
            size = max(run.size for run in line.runs)
            assert line.baseline + 0.2 * size <= profile.bottom + 0.01, (page.index, line.text)
            assert line.baseline - size >= profile.top - 0.01, (page.index, line.text)
    titles = _located(layout, BlockRole.TITLE)
    assert "".join(line.text for _, line in titles) == title
    (heading,) = _located(layout, BlockRole.SECTION)
    assert heading[0] == titles[0][0]  # the 栏目 goes with the start of its title
    assert sum(1 for page, _ in titles if page == titles[0][0]) >= 2  # never one title line alone there
    assert len({page for page, _ in titles}) == 2
    body = _located(layout, BlockRole.BODY)
    assert body[0][0] == titles[-1][0]  # the title's end keeps with the text
    grid = [profile.top + (profile.pitch - 16) / 2 + profile.grid.baseline_em * 16 + k * profile.pitch
            for k in range(profile.grid.lines_per_page)]
    for _, line in body:  # each page's part of the title takes whole grid lines: the text stays on the grid
        assert min(abs(line.baseline - g) for g in grid) < 0.01


def test_a_title_that_fits_a_page_with_its_heading_is_still_placed_whole(profile: LayoutProfile) -> None:
    layout = layout_issue(_issue(WORDS[:200]), profile)
    titles = _located(layout, BlockRole.TITLE)
    (heading,) = _located(layout, BlockRole.SECTION)
    assert {page for page, _ in titles} == {heading[0]} == {1}
