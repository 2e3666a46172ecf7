"""The engine's own pages, read back from its PDF line by line (PyMuPDF, tests only).

test_pdf_geometry checks the painter on hand-built pages (tests/render/specimen.py), and
test_reference_issue only counts lines ending near the edge: neither would notice the engine putting 26
字 on a line or 21 lines on a page. Here a generated issue with long, punctuation-dense paragraphs goes
through the real engine and render.pdf.pdf_bytes, and every full body line, every full body page and the
版记's last rule are checked where they print:

- a full body line (a non-final line of a body paragraph, every character CJK) holds 28 cells (the
  2-character indent counts on a paragraph's first line): 27 where a character was pushed down, fewer
  only where the next line starts with a unit that cannot be split (“二, 二”, ——, ……, a digit run or
  Latin word), at least as many characters as went missing; 28–29 with the mark where punctuation hangs.
  A non-hanging one ends within 0.5 mm of the 版心's right edge; a hanging mark starts inside it.
- a full body page (only body lines, the next page going on with body text: nothing kept the text off
  it) holds exactly 22 rows, one on each of the 22 grid baselines.
- the 版记's last rule lies on the 版心 bottom of the last page, as thick and as wide as the profile says.
- page numbers: a last page holding text and the 版记 is numbered; a 版记 alone on a new page is numbered
  unless the profile's ``number_imprint_only_page`` is false (the issue's rule, what the engine does).
"""

from __future__ import annotations

import copy
import dataclasses
import itertools
from collections.abc import Iterator

import pymupdf
import pytest
from tests.support.generate import generated_issue

from bulletin_desk.layout import LayoutProfile, layout_issue, load_profile
from bulletin_desk.layout.metrics import char_class
from bulletin_desk.layout.page import BlockRole, Line, Page, PageLayout
from bulletin_desk.model import Issue, Paragraph
from bulletin_desk.render.pdf import pdf_bytes

MM = 72 / 25.4
EDGE_TOL = 0.5 * MM  # a full line's last glyph ends this close to the 版心's right edge
GRID_TOL = 0.3  # pt: baselines on first + k·28.95 pt
CELLS = 28


@dataclasses.dataclass
class Printed:
    issue: Issue
    profile: LayoutProfile
    layout: PageLayout
    doc: pymupdf.Document


def _open(layout: PageLayout) -> pymupdf.Document:
    return pymupdf.open(stream=pdf_bytes(layout), filetype="pdf")


@pytest.fixture(scope="module")
def printed(gui_app) -> Iterator[Printed]:
    # Three articles of four paragraphs of 300–900 characters: a dozen pages, most of them full body pages.
    issue = generated_issue(5, articles=3, paragraphs=4, chars=600)
    profile = load_profile()
    layout = layout_issue(issue, profile)
    doc = _open(layout)
    yield Printed(issue, profile, layout, doc)
    doc.close()


def _rows(page: pymupdf.Page, top: float, bottom: float) -> dict[float, list[dict]]:
    """PDF characters between ``top`` and ``bottom`` grouped by baseline, each row sorted left to right."""
    rows: dict[float, list[dict]] = {}
    for block in page.get_text("rawdict")["blocks"]:
        for line in block.get("lines", []):
            for span in line["spans"]:
                for char in span["chars"]:
                    y = char["origin"][1]
                    if top < y < bottom and not char["c"].isspace():
                        key = next((k for k in rows if abs(k - y) < 0.2), y)
                        rows.setdefault(key, []).append({**char, "size": span["size"]})
    return {y: sorted(row, key=lambda c: c["origin"][0]) for y, row in sorted(rows.items())}


def _paragraph_key(line: Line) -> tuple[object, ...]:
    assert line.source is not None
    return line.source.section, line.source.article, line.source.paragraph


def _full_body_lines(layout: PageLayout) -> list[tuple[int, Line, Line]]:
    """(page index, line, the paragraph's next line) of every full body line: a body line followed by more
    of its paragraph, every character CJK (Latin and digits set narrower, so their lines hold other counts)."""
    body = [(index, line) for index, page in enumerate(layout.pages) for line in page.lines
            if line.role is BlockRole.BODY]
    return [(index, line, following) for (index, line), (_i, following) in itertools.pairwise(body)
            if _paragraph_key(line) == _paragraph_key(following) and all(char_class(ch)[0] for ch in line.text)]


def _unsplittable_start(text: str, profile: LayoutProfile) -> int:
    """Characters at the start of ``text`` no line break may separate (kinsoku sets of the profile, ——, ……,
    digit runs and Latin words): how many may move down together with the first one."""
    rules = profile.breaking
    for k in range(1, len(text)):
        a, b = text[k - 1], text[k]
        latin_pair = char_class(a)[2] and char_class(b)[2]
        if not (a in rules.not_line_end or b in rules.not_line_start or latin_pair or a + b in ("——", "……")):
            return k
    return len(text)


def _row_at(rows: dict[float, list[dict]], baseline: float) -> list[dict]:
    row = next((r for y, r in rows.items() if abs(y - baseline) < 0.2), None)
    assert row is not None, f"nothing printed on baseline {baseline:.2f}"
    return row


def test_full_body_lines_hold_28_cells_and_end_on_the_right_edge(printed: Printed) -> None:
    profile, layout, doc = printed.profile, printed.layout, printed.doc
    full = _full_body_lines(layout)
    assert len(full) >= 100  # long paragraphs: the check runs on many lines, not on a handful
    advance = profile.body_advance
    rows_by_page = {index: _rows(doc[index], profile.top, profile.bottom) for index in {i for i, _l, _f in full}}
    counts = {"plain": 0, "pushed": 0, "hanging": 0}
    for index, line, following in full:
        row = _row_at(rows_by_page[index], line.baseline)
        text = "".join(c["c"] for c in row)
        assert text == line.text, (index, text, line.text)
        indent = round((row[0]["origin"][0] - profile.left) / advance)
        assert indent in (0, 2), (index, text)  # 顶格, or the paragraph's 2-character first-line indent
        cells = indent + len(row)
        last = row[-1]
        where = f"page {index + 1}: {text!r} ({cells} cells)"
        if last["bbox"][2] > profile.right + EDGE_TOL:  # a hanging mark past the edge
            assert last["c"] in profile.breaking.hanging, where
            assert last["origin"][0] <= profile.right + 0.01, where  # it starts inside the 版心
            assert cells in (CELLS, CELLS + 1), where
            counts["hanging"] += 1
            continue
        assert abs(last["bbox"][2] - profile.right) <= EDGE_TOL, f"{where} ends at {last['bbox'][2] / MM:.2f} mm"
        missing = CELLS - cells
        assert missing >= 0, where
        if missing >= 2:  # more than one character went down: only a unit that cannot be split does that
            unit = _unsplittable_start(following.text, profile)
            assert unit >= missing, f"{where} broken early before {following.text[:unit]!r}"
        counts["pushed" if missing else "plain"] += 1
    assert counts["plain"] >= 20 and counts["pushed"] >= 20 and counts["hanging"] >= 3, counts


def _full_body_pages(layout: PageLayout) -> list[int]:
    """Pages of body lines only whose next page goes on with body text: nothing was kept off their foot."""
    def roles(page: Page) -> set[BlockRole]:
        return {line.role for line in page.lines} - {BlockRole.PAGE_NUMBER}

    pages = layout.pages
    return [index for index in range(len(pages) - 1) if roles(pages[index]) == {BlockRole.BODY}
            and next(line.role for line in pages[index + 1].lines) is BlockRole.BODY]


def test_full_body_pages_hold_22_lines_on_the_22_grid_baselines(printed: Printed) -> None:
    profile, layout, doc = printed.profile, printed.layout, printed.doc
    pages = _full_body_pages(layout)
    assert len(pages) >= 6
    size = profile.grid.body_size_pt
    first = profile.top + (profile.pitch - size) / 2 + profile.grid.baseline_em * size
    assert profile.top < first < profile.top + profile.pitch  # the first grid line's baseline, in its line
    grid = [first + k * profile.pitch for k in range(profile.grid.lines_per_page)]
    assert len(grid) == 22 and grid[-1] < profile.bottom
    for index in pages:
        rows = _rows(doc[index], profile.top, profile.bottom)
        baselines = list(rows)
        assert len(baselines) == 22, (index, len(baselines))
        for k, (y, expected) in enumerate(zip(baselines, grid, strict=True)):
            assert abs(y - expected) <= GRID_TOL, f"page {index + 1} line {k + 1}: {y:.2f} pt, grid {expected:.2f}"


def _black_rules(page: pymupdf.Page) -> list[pymupdf.Rect]:
    fills = [d for d in page.get_drawings() if d.get("fill") is not None and max(d["fill"]) < 0.05]
    return sorted((d["rect"] for d in fills), key=lambda r: r.y1)


def test_the_imprints_last_rule_lies_where_the_profile_says(printed: Printed) -> None:
    profile, doc = printed.profile, printed.doc
    spec = profile.element("imprint")
    last = doc[len(doc) - 1]
    rules = _black_rules(last)
    assert len(rules) >= 3  # the first and the last thick rule, a thin one between
    bottom = rules[-1]
    assert (bottom.y0 + bottom.y1) / 2 == pytest.approx(profile.bottom, abs=0.05 * MM)  # the 版心 bottom
    assert bottom.height == pytest.approx(spec.thick_rule_pt, abs=0.05)
    assert bottom.x0 == pytest.approx(profile.left, abs=0.05 * MM)
    assert bottom.x1 == pytest.approx(profile.right, abs=0.05 * MM)
    assert profile.bottom / MM == pytest.approx(262.0)  # 37 + 225 mm: the profile says the official thing
    imprint = [y for y, row in _rows(last, rules[0].y0, profile.bottom).items() if row[0]["size"] < 15]
    assert imprint and all(rules[0].y1 < y < bottom.y0 for y in imprint)  # its rows between its rules
    for page in list(doc)[:-1]:
        assert not [r for r in _black_rules(page) if abs(r.y1 - profile.bottom) < 2]  # only on the last page


# ---- page numbers of the last page (the engine's rule, read from its PDF)

def _number_below(page: pymupdf.Page, profile: LayoutProfile) -> str:
    rows = _rows(page, profile.bottom, page.rect.height)
    return "".join(c["c"] for row in rows.values() for c in row)


def _with_imprint_alone(issue: Issue, profile: LayoutProfile) -> tuple[PageLayout, PageLayout, Issue]:
    """(layout whose last page holds text and the 版记, layout of one more line: the 版记 alone on a new page,
    the issue of that one)."""
    grown = copy.deepcopy(issue)
    paragraphs = grown.sections[-1].articles[-1].paragraphs
    before = layout_issue(grown, profile)
    for _ in range(profile.grid.lines_per_page + 1):
        paragraphs.append(Paragraph(text="文明实践志愿服务常态化开展。"))  # one line each
        after = layout_issue(grown, profile)
        if len(after.pages) > len(before.pages):
            return before, after, grown
        before = after
    raise AssertionError("the 版记 never moved to a page of its own")


def _last_pages(layout: PageLayout) -> PageLayout:
    """The last two pages only (painting them is all the check needs)."""
    return PageLayout(layout.pages[-2:], profile_name=layout.profile_name)


def test_a_last_page_with_text_and_the_imprint_is_numbered_and_an_imprint_alone_by_the_profile(
        printed: Printed) -> None:
    profile = printed.profile
    shared, alone, grown_issue = _with_imprint_alone(printed.issue, profile)
    with _open(_last_pages(shared)) as doc:
        page = doc[1]
        number = len(shared.pages)
        roles = {line.role for line in shared.pages[-1].lines}
        assert BlockRole.IMPRINT in roles and BlockRole.BODY in roles
        assert _number_below(page, profile) == f"—{number}—"
        dash = _rows(page, profile.bottom, page.rect.height)
        x = next(iter(dash.values()))[0]["origin"][0]
        assert (x > (profile.left + profile.right) / 2) == bool(number % 2)  # odd right, even left
    roles = {line.role for line in alone.pages[-1].lines}
    assert roles == {BlockRole.IMPRINT, BlockRole.PAGE_NUMBER}  # the 版记 alone, numbered by default
    with _open(_last_pages(alone)) as doc:
        assert _number_below(doc[1], profile) == f"—{len(alone.pages)}—"
        assert _number_below(doc[0], profile) == f"—{len(alone.pages) - 1}—"
    elements = dict(profile.elements)
    elements["imprint"] = dataclasses.replace(elements["imprint"], number_imprint_only_page=False)
    unnumbered = dataclasses.replace(profile, elements=elements, name=profile.name + "-unnumbered")
    grown = layout_issue(grown_issue, unnumbered)
    assert len(grown.pages) == len(alone.pages)
    with _open(_last_pages(grown)) as doc:
        assert _number_below(doc[1], profile) == ""  # a 版记-only page: no number when the profile says so
        assert _number_below(doc[0], profile) == f"—{len(grown.pages) - 1}—"  # the text before it keeps its own
        assert _rows(doc[1], profile.top, profile.bottom)  # the 版记 is printed all the same

