"""Manual page break and keep-together: the hints editors use for the last squeeze onto 2 or 4 pages."""

from __future__ import annotations

import copy

from bulletin_desk.layout import LayoutProfile, compose_blocks, layout_issue
from bulletin_desk.layout.page import BlockRole, PageLayout
from bulletin_desk.model import Article, Issue, Masthead, Paragraph, Section


def _article(title: str, paragraphs: int, chars: int = 60) -> Article:
    return Article(title=title, source="某区文明办",
                   paragraphs=[Paragraph(text=("文明实践活动持续开展，" * 20)[:chars - 1] + "。")
                               for _ in range(paragraphs)])


def _issue(*articles: Article, heading: str = "基层动态") -> Issue:
    return Issue(masthead=Masthead(title="情况简报", number=1, office="某某办公室"),
                 sections=[Section(heading=heading, articles=list(articles))])


def _pages_of(layout: PageLayout, article: int, section: int = 0) -> list[int]:
    return sorted({page.index for page in layout.pages for line in page.lines
                   if line.source is not None and (line.source.section, line.source.article) == (section, article)})


def _first_row(layout: PageLayout, article: int, profile: LayoutProfile) -> tuple[int, float]:
    """(page, baseline) of the article's first printed line."""
    for page in layout.pages:
        for line in page.lines:
            if line.source is not None and line.source.article == article:
                return page.index, line.baseline
    raise AssertionError(article)


def test_page_break_before_starts_the_article_at_the_top_of_a_new_page(profile: LayoutProfile) -> None:
    issue = _issue(_article("第一篇", 1, 20), _article("第二篇", 1, 20))
    plain = layout_issue(issue, profile)
    assert _pages_of(plain, 1) == [0]  # both short articles share page 1
    issue.sections[0].articles[1].page_break_before = True
    broken = layout_issue(issue, profile)
    page, baseline = _first_row(broken, 1, profile)
    assert page == 1 and _pages_of(broken, 0) == [0]
    title = next(line for line in broken.pages[1].lines if line.role is BlockRole.TITLE)
    top_of_page = min(line.baseline for line in broken.pages[1].lines)
    assert baseline == title.baseline == top_of_page  # no spacing before at the page top


def test_a_break_on_a_sections_first_article_takes_the_heading_along(profile: LayoutProfile) -> None:
    first = _issue(_article("甲", 1, 20))
    second = Section(heading="第二栏目", articles=[_article("乙", 1, 20)])
    first.sections.append(second)
    second.articles[0].page_break_before = True
    layout = layout_issue(first, profile)
    heading = next(line for page in layout.pages for line in page.lines if line.text == "【第二栏目】")
    page_of_heading = next(p.index for p in layout.pages if heading in p.lines)
    assert page_of_heading == 1 and _pages_of(layout, 0) == [0]
    assert min(line.baseline for line in layout.pages[1].lines) == heading.baseline
    blocks = compose_blocks(first, profile)
    marked = [b for b in blocks if b.page_break_before]
    assert [b.role for b in marked] == [BlockRole.SECTION]


def test_a_break_at_the_top_of_a_page_adds_no_blank_page(profile: LayoutProfile) -> None:
    issue = _issue(_article("第一篇", 1, 20))
    issue.sections[0].articles[0].page_break_before = True  # the heading is right under the 版头 …
    layout = layout_issue(issue, profile)
    assert _pages_of(layout, 0) == [1]  # … so it moves, once
    issue.sections[0].articles.append(copy.deepcopy(issue.sections[0].articles[0]))
    layout = layout_issue(issue, profile)
    assert _pages_of(layout, 1) == [2]


def _splitting_case(profile: LayoutProfile) -> tuple[Issue, PageLayout]:
    """Two articles, the second of which starts on page 1 and runs onto page 2."""
    for paragraphs in range(3, 12):
        issue = _issue(_article("第一篇", 1, 50), _article("第二篇", paragraphs, 50))
        layout = layout_issue(issue, profile)
        if _pages_of(layout, 1) == [0, 1]:
            return issue, layout
    raise AssertionError("no splitting case")


def test_keep_together_moves_an_article_that_would_split(profile: LayoutProfile) -> None:
    issue, plain = _splitting_case(profile)
    issue.sections[0].articles[1].keep_together = True
    kept = layout_issue(issue, profile)
    assert _pages_of(kept, 1) == [1]
    _page, baseline = _first_row(kept, 1, profile)
    assert baseline == min(line.baseline for line in kept.pages[1].lines)
    texts = [line.text for p in kept.pages for line in p.lines if line.source and line.source.article == 1]
    assert texts == [line.text for p in plain.pages for line in p.lines if line.source and line.source.article == 1]


def test_keep_together_is_a_no_op_when_the_article_fits_or_is_longer_than_a_page(profile: LayoutProfile) -> None:
    issue = _issue(_article("第一篇", 1, 20), _article("第二篇", 1, 20))
    before = layout_issue(issue, profile)
    issue.sections[0].articles[1].keep_together = True
    assert [[line.text for line in p.lines] for p in layout_issue(issue, profile).pages] == \
        [[line.text for line in p.lines] for p in before.pages]
    long = _issue(_article("第一篇", 1, 50), _article("长文", 14, 150))
    plain = layout_issue(long, profile)
    assert len(_pages_of(plain, 1)) >= 2
    long.sections[0].articles[1].keep_together = True
    hinted = layout_issue(long, profile)
    assert [[(line.text, line.baseline) for line in p.lines] for p in hinted.pages] == \
        [[(line.text, line.baseline) for line in p.lines] for p in plain.pages]


def test_keep_together_on_a_sections_first_article_keeps_the_heading_with_it(profile: LayoutProfile) -> None:
    issue, _plain = _splitting_case(profile)
    moved = issue.sections[0].articles.pop(1)
    issue.sections.append(Section(heading="第二栏目", articles=[moved]))
    moved.keep_together = True
    layout = layout_issue(issue, profile)
    heading_page = next(p.index for p in layout.pages for line in p.lines if line.text == "【第二栏目】")
    article_pages = sorted({p.index for p in layout.pages for line in p.lines
                            if line.source and line.source.section == 1 and line.source.article == 0})
    assert article_pages == [heading_page] == [1]


def test_hints_do_not_change_an_issue_without_them(reference_issue: Issue, profile: LayoutProfile) -> None:
    blocks = compose_blocks(reference_issue, profile)
    assert not any(b.page_break_before or b.keep_together for b in blocks)
