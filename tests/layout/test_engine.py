"""Pages: the grid, the 版头, the 版记 pinned to the 版心 bottom, page numbers, edge cases, incremental reuse."""

from __future__ import annotations

import copy
import dataclasses

import pytest
from tests.support.generate import TextGen, generated_issue

from bulletin_desk.layout import LayoutCache, LayoutProfile, compose_blocks, layout_issue, layout_to_json
from bulletin_desk.layout.page import BlockRole, Face, PageLayout
from bulletin_desk.layout.profile import MM
from bulletin_desk.model import Article, Colophon, Distribution, Issue, Masthead, Paragraph, Section


def body_lines(layout: PageLayout, page: int) -> list:
    return [line for line in layout.pages[page].lines if line.role is BlockRole.BODY]


def first_grid_baseline(profile: LayoutProfile) -> float:
    return profile.top + (profile.pitch - 16) / 2 + profile.grid.baseline_em * 16


def test_reference_issue_takes_five_pages_like_the_printed_issue(reference_issue: Issue,
                                                                  profile: LayoutProfile) -> None:
    layout = layout_issue(reference_issue, profile)
    assert len(layout.pages) == 5
    assert [p.page_number for p in layout.pages] == [1, 2, 3, 4, 5]
    page1 = layout.pages[0]
    roles = [line.role for line in page1.lines]
    assert roles[:4] == [BlockRole.MASTHEAD, BlockRole.ISSUE_NUMBER, BlockRole.ISSUE_NUMBER, BlockRole.OFFICE_DATE]
    assert [line.text for line in page1.lines[1:3]] == ["第19期", "（总第2128期）"]
    masthead = page1.lines[0].runs[0]
    assert masthead.color != "#000000" and masthead.face is Face.XIAOBIAOSONG
    assert masthead.width <= profile.body_width  # fitted to the 版心
    red = page1.rules[0]
    assert red.x0 == pytest.approx(profile.left) and red.x1 == pytest.approx(profile.right)
    assert red.y > page1.lines[3].baseline


def test_a_full_body_page_is_22_lines_on_the_grid(profile: LayoutProfile) -> None:
    gen = TextGen(21)
    long = Paragraph(text="".join(gen.word(3, 8) + "，" for _ in range(400)) + "。")
    layout = layout_issue(Issue(sections=[Section(articles=[Article(title="标题", paragraphs=[long])])]), profile)
    lines = [line for line in layout.pages[1].lines if line.role is not BlockRole.PAGE_NUMBER]
    assert len(lines) == 22 and {line.role for line in lines} == {BlockRole.BODY}
    first = first_grid_baseline(profile)
    for k, line in enumerate(lines):
        assert line.baseline == pytest.approx(first + k * 28.95, abs=0.01)
    assert lines[-1].baseline < profile.bottom
    lengths = {len(line.text) for line in lines}
    assert lengths <= {27, 28, 29} and 28 in lengths  # 27 where a character was pushed, 29 where one hangs
    for line in lines:
        last = line.runs[-1]
        right = last.xs[-1] + 16
        if len(line.text) == 29:
            right = last.xs[-2] + 16  # the hanging mark lies past the edge
            assert line.text[-1] in profile.breaking.hanging
        assert abs(right - 184 * MM) <= 0.5 * MM, line.text


def test_body_text_fills_every_page_to_the_22nd_line(reference_issue: Issue, profile: LayoutProfile) -> None:
    layout = layout_issue(reference_issue, profile)
    last_grid = first_grid_baseline(profile) + 21 * profile.pitch
    checked = 0
    for page, following in zip(layout.pages, layout.pages[1:], strict=False):
        if following.lines[0].role is BlockRole.BODY:  # a paragraph runs on: this page must be full
            text = [line for line in page.lines if line.role is not BlockRole.PAGE_NUMBER]
            assert text[-1].baseline == pytest.approx(last_grid, abs=0.01), page.index
            checked += 1
    assert checked >= 2


def test_every_body_line_on_every_page_sits_on_one_of_the_22_positions(profile: LayoutProfile) -> None:
    layout = layout_issue(generated_issue(5, articles=8), profile)
    grid = [first_grid_baseline(profile) + k * profile.pitch for k in range(22)]
    for page in layout.pages:
        for line in page.lines:
            if line.role is BlockRole.BODY:
                assert min(abs(line.baseline - g) for g in grid) < 0.01


def test_lines_know_their_source(reference_issue: Issue, profile: LayoutProfile) -> None:
    layout = layout_issue(reference_issue, profile)
    text = reference_issue.sections[0].articles[1].paragraphs[2].full_text
    found = [line for page in layout.pages for line in page.lines
             if line.source and line.source.field == "paragraph" and line.source.article == 1
             and line.source.paragraph == 2]
    assert "".join(line.text for line in found) == text
    assert found[0].source.start == 0 and found[-1].source.end == len(text)
    lead = found[0].runs[0]
    assert lead.bold and text.startswith(lead.text) and not found[0].runs[-1].bold


def test_page_numbers_odd_right_even_left_seven_mm_below(reference_issue: Issue, profile: LayoutProfile) -> None:
    layout = layout_issue(reference_issue, profile)
    for page in layout.pages:
        number = [line for line in page.lines if line.role is BlockRole.PAGE_NUMBER]
        assert len(number) == 1 and number[0].text == f"— {page.page_number} —"
        run = number[0].runs[0]
        assert run.size == 14 and run.face is Face.SONGTI
        if page.page_number % 2:
            assert run.x + run.width == pytest.approx(profile.right - 14, abs=0.01)
        else:
            assert run.x == pytest.approx(profile.left + 14)
        dash_y = number[0].baseline - 0.33 * 14
        assert dash_y == pytest.approx(profile.bottom + 7 * MM, abs=0.01)


def test_imprint_last_rule_on_the_body_bottom(reference_issue: Issue, profile: LayoutProfile) -> None:
    layout = layout_issue(reference_issue, profile)
    last = layout.pages[-1]
    rules = sorted(last.rules, key=lambda r: r.y)
    assert rules[-1].y == pytest.approx(profile.bottom) and rules[-1].thickness == pytest.approx(0.99)
    assert [round(r.thickness, 2) for r in rules] == [0.99, 0.71, 0.99]
    imprint = [line for line in last.lines if line.role is BlockRole.IMPRINT]
    assert imprint[0].text.startswith("责编：梅雪峰")
    assert all(line.runs[0].size == 14 for line in imprint)
    assert all(line.x >= profile.left + 14 - 0.01 for line in imprint)
    wrapped = [line for line in imprint if not line.text[:3].endswith("：") and "：" not in line.text[:3]]
    assert wrapped and all(line.x == pytest.approx(profile.left + 14 + 28) for line in wrapped)  # after 报：


def _issue_with_body_lines(profile: LayoutProfile, lines_on_last_page: int) -> Issue:
    """An issue whose single article ends after exactly ``lines_on_last_page`` body lines of page 2."""
    issue = Issue(masthead=Masthead(title="测试简报", number=1, office="办公室"),
                  sections=[Section(articles=[Article(paragraphs=[])])],
                  colophon=Colophon(editor="甲", phone="1"), distribution=Distribution(report_to="乙"))
    header = sum(b.before_lines + b.after_lines + max(b.block_lines, 1) for b in compose_blocks(issue, profile)
                 if b.group.value == "header")
    body_lines_total = (22 - header) + lines_on_last_page
    # one paragraph per line: 20 characters each, one line each
    issue.sections[0].articles[0].paragraphs = [Paragraph(text="文" * 20) for _ in range(body_lines_total)]
    return issue


def test_imprint_that_just_fits_and_one_that_just_does_not(profile: LayoutProfile) -> None:
    rows = 2  # 责编/电话 on one row, 报： on one row
    fits = layout_issue(_issue_with_body_lines(profile, 22 - rows), profile)
    assert len(fits.pages) == 2
    assert any(line.role is BlockRole.IMPRINT for line in fits.pages[1].lines)
    assert fits.pages[1].page_number == 2
    over = layout_issue(_issue_with_body_lines(profile, 22 - rows + 1), profile)
    assert len(over.pages) == 3
    assert not any(line.role is BlockRole.IMPRINT for line in over.pages[1].lines)
    alone = over.pages[2]
    assert {line.role for line in alone.lines} == {BlockRole.IMPRINT, BlockRole.PAGE_NUMBER}
    assert alone.page_number == 3  # numbered unless the profile says otherwise


def _with_imprint_option(profile: LayoutProfile, **changes: object) -> LayoutProfile:
    elements = dict(profile.elements)
    elements["imprint"] = dataclasses.replace(elements["imprint"], **changes)
    return dataclasses.replace(profile, elements=elements, name=profile.name + "-variant")


def test_imprint_on_even_page_leaves_an_unnumbered_blank(profile: LayoutProfile) -> None:
    even = _with_imprint_option(profile, imprint_on_even_page=True)
    layout = layout_issue(_issue_with_body_lines(profile, 22), even)  # text fills page 2 → 版记 to page 4
    assert len(layout.pages) == 4
    assert layout.pages[2].lines == [] and layout.pages[2].page_number is None
    assert layout.pages[3].page_number == 4
    on_odd = layout_issue(_issue_with_body_lines(profile, 3), _with_imprint_option(
        profile, imprint_on_even_page=True))  # fits on page 2 (even): stays
    assert len(on_odd.pages) == 2
    unnumbered = layout_issue(_issue_with_body_lines(profile, 22), _with_imprint_option(
        profile, number_imprint_only_page=False))
    assert unnumbered.pages[-1].page_number is None


def test_empty_issue(profile: LayoutProfile) -> None:
    layout = layout_issue(Issue(), profile)
    assert len(layout.pages) == 1
    assert layout.pages[0].page_number == 1
    assert len(layout.pages[0].rules) == 1  # the red rule under the (empty) office line
    assert layout_to_json(layout)["pages"][0]["number"] == 1


def test_a_200_character_title_is_balanced_and_keeps_book_titles_whole(profile: LayoutProfile) -> None:
    words = TextGen(3).sentence(200)
    title = "关于《" + words[:12] + "》" + words[12:190]
    issue = Issue(sections=[Section(articles=[Article(title=title, paragraphs=[Paragraph(text="正文。")])])])
    layout = layout_issue(issue, profile)
    lines = [line for page in layout.pages for line in page.lines if line.role is BlockRole.TITLE]
    assert "".join(line.text for line in lines) == title
    assert all(line.runs[0].size == 22 for line in lines)
    widths = [line.runs[-1].x + line.runs[-1].width - line.x for line in lines]
    assert len(lines) > 1 and max(widths) <= 18 * 22 + 0.01  # the profile's 18 characters of 22 pt at most
    assert max(widths) <= sum(widths) / len(widths) + 2 * 22  # balanced: no long lines over a short tail
    for line in lines:
        assert line.text.count("《") == line.text.count("》")
        left_room = line.x - profile.left
        right_room = profile.right - (line.runs[-1].x + line.runs[-1].width)
        assert abs(left_room - right_room) < 1.0  # centred


def test_an_editors_line_break_in_a_title_is_kept(profile: LayoutProfile) -> None:
    issue = Issue(sections=[Section(articles=[Article(title="第一行\n第二行很长一些", paragraphs=[])])])
    layout = layout_issue(issue, profile)
    assert [line.text for line in layout.pages[0].lines if line.role is BlockRole.TITLE] == ["第一行", "第二行很长一些"]


def test_titles_keep_with_the_next_line(profile: LayoutProfile) -> None:
    issue = _issue_with_body_lines(profile, 21)
    issue.sections[0].articles.append(Article(title="新的文章标题", paragraphs=[Paragraph(text="文" * 80)]))
    layout = layout_issue(issue, profile)
    for page in layout.pages:
        roles = [line.role for line in page.lines if line.role is not BlockRole.PAGE_NUMBER]
        if BlockRole.TITLE in roles:
            assert roles[-1] is not BlockRole.TITLE


def test_a_30_page_issue(profile: LayoutProfile) -> None:
    issue = generated_issue(30, articles=16, paragraphs=6, chars=170)
    layout = layout_issue(issue, profile)
    assert len(layout.pages) >= 30
    assert [p.page_number for p in layout.pages] == list(range(1, len(layout.pages) + 1))
    assert any(line.role is BlockRole.IMPRINT for line in layout.pages[-1].lines)
    texts = "".join(line.text for page in layout.pages for line in page.lines if line.role is BlockRole.BODY)
    assert texts == "".join(p.full_text for a in issue.articles() for p in a.paragraphs if p.kind.value == "body")


def test_incremental_relayout_breaks_only_the_edited_paragraph(profile: LayoutProfile) -> None:
    issue = generated_issue(9, articles=6)
    first = layout_issue(issue, profile)
    edited = copy.deepcopy(issue)
    para = edited.sections[2].articles[1].paragraphs[-1]
    para.text = para.text[:10] + "新" + para.text[10:]
    second = layout_issue(edited, profile, previous=first)
    assert isinstance(second.cache, LayoutCache) and second.cache.stats["broken"] == 1
    assert layout_to_json(second) == layout_to_json(layout_issue(edited, profile))  # same as from scratch
    reused = [a is b for a, b in zip(first.pages, second.pages, strict=False)]
    changed_page = next(i for i, page in enumerate(second.pages)
                        if any(line.source and line.source.field == "paragraph" and line.source.section == 2
                               and line.source.article == 1 and line.source.paragraph == len(
                                   edited.sections[2].articles[1].paragraphs) - 1 for line in page.lines))
    assert all(reused[:changed_page])  # pages before the edit are the very same objects
    assert not reused[changed_page]


def test_a_changed_profile_or_metrics_is_never_served_from_the_cache(profile: LayoutProfile) -> None:
    issue = generated_issue(4, articles=2)
    first = layout_issue(issue, profile)
    wider = dataclasses.replace(profile, grid=dataclasses.replace(profile.grid, tracking_pt=-0.3))
    again = layout_issue(issue, wider, previous=first)
    assert isinstance(again.cache, LayoutCache) and again.cache.stats["reused"] == 0
    same = layout_issue(issue, profile, previous=first)
    assert isinstance(same.cache, LayoutCache) and same.cache.stats["broken"] == 0
    assert all(a is b for a, b in zip(first.pages, same.pages, strict=True))


def _texts(layout: PageLayout) -> list[list[str]]:
    return [[line.text for line in page.lines] for page in layout.pages]


@pytest.mark.parametrize("copies_before", [None, 200])
def test_incremental_relayout_after_editing_the_date_and_the_copies_prints_the_new_ones(
        reference_issue: Issue, profile: LayoutProfile, copies_before: int | None) -> None:
    """The date (right of the office) and 共印N份 (right of the last 版记 row) are right-hand runs: an
    incremental layout must not serve the lines that carried the old ones."""
    import datetime

    reference_issue.copies = copies_before
    first = layout_issue(reference_issue, profile)
    edited = copy.deepcopy(reference_issue)
    edited.masthead.date = datetime.date(2021, 1, 2)
    edited.copies = 350
    again = layout_issue(edited, profile, previous=first)
    fresh = layout_issue(edited, profile)
    assert _texts(again) == _texts(fresh)
    assert layout_to_json(again) == layout_to_json(fresh)
    texts = [text for page in _texts(again) for text in page]
    assert any(text.endswith("2021年1月2日") for text in texts)
    assert any(text.endswith("共印350份") for text in texts)


def test_incremental_relayout_after_editing_copies_on_their_own_row(profile: LayoutProfile) -> None:
    issue = Issue(masthead=Masthead(title="测试简报", number=1, office="办公室"),
                  sections=[Section(articles=[Article(paragraphs=[Paragraph(text="文" * 50)])])],
                  colophon=Colophon(editor="甲", phone="1"), distribution=Distribution(report_to="乙"))
    issue.copies = 200
    first = layout_issue(issue, profile)
    edited = copy.deepcopy(issue)
    edited.copies = 350
    again = layout_issue(edited, profile, previous=first)
    assert _texts(again) == _texts(layout_issue(edited, profile))
    assert any("共印350份" in text for text in _texts(again)[-1])


def test_the_cache_key_covers_what_shapes_a_line_but_not_where_it_comes_from(profile: LayoutProfile) -> None:
    from bulletin_desk.layout.engine import shape_key

    block = next(b for b in compose_blocks(Issue(masthead=Masthead(office="办公室")), profile)
                 if b.role is BlockRole.OFFICE_DATE)
    key = shape_key(block, 400.0)
    assert shape_key(dataclasses.replace(block, left_indent=block.left_indent + 16), 400.0) != key
    assert shape_key(dataclasses.replace(block, right_runs=(block.runs[0],)), 400.0) != key
    assert shape_key(dataclasses.replace(block, role=BlockRole.BODY), 400.0) != key
    moved = dataclasses.replace(block, source=dataclasses.replace(block.source, field="elsewhere"))
    assert shape_key(moved, 400.0) == key  # the source is part of every line's own key


LONG_OFFICE = "中共北京市委宣传部北京市精神文明建设委员会办公室"  # 24 字: leaves no room for the date


@pytest.mark.parametrize("office", ["办公室", LONG_OFFICE, LONG_OFFICE + "综合处", LONG_OFFICE * 2])
def test_the_office_name_never_runs_into_the_date(profile: LayoutProfile, office: str) -> None:
    """Like 共印N份 on the last 版记 row: the date closes the office's last line one em clear of it, or
    takes a line of its own; the red rule goes under the last line and the text below moves down."""
    import datetime

    issue = Issue(masthead=Masthead(title="测试简报", number=1, office=office, date=datetime.date(2020, 4, 29)),
                  sections=[Section(articles=[Article(paragraphs=[Paragraph(text="文" * 50)])])])
    page = layout_issue(issue, profile).pages[0]
    lines = [line for line in page.lines if line.role is BlockRole.OFFICE_DATE]
    date_runs = [(k, run) for k, line in enumerate(lines) for run in line.runs if run.text == "2020年4月29日"]
    assert len(date_runs) == 1
    row, date = date_runs[0]
    assert row == len(lines) - 1  # on the last line
    assert date.x + date.width == pytest.approx(profile.right)
    for line in lines:
        for run in line.runs:
            if run is not date and line is lines[row]:
                assert run.x + run.width + 16 <= date.x + 0.01, (run.text, run.x + run.width, date.x)
            assert run.x + run.width <= profile.right + 0.01
    assert "".join(line.text for line in lines).replace("2020年4月29日", "") == office
    red = page.rules[0]
    assert red.y == pytest.approx(lines[-1].baseline + profile.element("office_date").rule_gap_pt)
    body = next(line for line in page.lines if line.role is BlockRole.BODY)
    assert body.baseline > red.y + profile.pitch
    assert len(lines) == (1 if office == "办公室" else 2)
