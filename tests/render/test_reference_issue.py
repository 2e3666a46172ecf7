"""The reference issue through the real layout engine and the painter: what the PDF says is what the
layout says, line by line, character by character (copy/search fidelity), on official geometry."""

from __future__ import annotations

import pymupdf
import pytest

from bulletin_desk.layout import layout_issue, load_profile
from bulletin_desk.layout.page import BlockRole
from bulletin_desk.model import loads
from bulletin_desk.render.painter import screen_options
from bulletin_desk.render.pdf import write_pdf
from bulletin_desk.render.png import page_image

MM = 72 / 25.4


@pytest.fixture(scope="module")
def reference(gui_app, tmp_path_factory):
    from tests.conftest import SAMPLES

    issue = loads((SAMPLES / "reference.bdjson").read_bytes())
    profile = load_profile()
    layout = layout_issue(issue, profile)
    path = tmp_path_factory.mktemp("ref") / "reference.pdf"
    write_pdf(issue, path)
    doc = pymupdf.open(path)
    yield issue, profile, layout, doc
    doc.close()


def _rows(page: pymupdf.Page) -> list[tuple[float, str, float]]:
    """(baseline, text, first x) of every text row, spaces dropped (PDF extraction invents them)."""
    chars = [(c["origin"][1], c["origin"][0], c["c"]) for b in page.get_text("rawdict")["blocks"]
             for ln in b.get("lines", []) for s in ln["spans"] for c in s["chars"]]
    rows: list[list[tuple[float, float, str]]] = []
    for y, x, ch in sorted(chars):
        if rows and abs(rows[-1][0][0] - y) < 0.2:
            rows[-1].append((y, x, ch))
        else:
            rows.append([(y, x, ch)])
    out = []
    for row in rows:
        row.sort(key=lambda item: item[1])
        out.append((row[0][0], "".join(ch for _y, _x, ch in row if not ch.isspace()), row[0][1]))
    return out


def test_every_line_copies_back_as_laid_out(reference):
    _issue, _profile, layout, doc = reference
    assert len(doc) == len(layout.pages)
    for pdf_page, page in zip(doc, layout.pages, strict=True):
        rows = _rows(pdf_page)
        for line in page.lines:
            expected = "".join(ch for ch in line.text if not ch.isspace())
            if not expected:
                continue
            found = [text for y, text, _x in rows if abs(y - line.baseline) < 0.2]
            assert expected in found, (page.index, line.role, line.text, found)


def test_paragraph_text_is_searchable_verbatim(reference):
    issue, profile, _layout, doc = reference
    text = ""
    for page in doc:  # the text inside the 版心 (page numbers left out), in reading order
        rows = _pdf_rows(page, profile.top, profile.bottom)
        for y in sorted(rows):
            text += "".join(c["c"] for c in sorted(rows[y], key=lambda c: c["origin"][0]))
    text = text.replace(" ", "")
    for article in issue.articles():
        for paragraph in article.paragraphs:
            assert paragraph.full_text.replace(" ", "") in text


def test_body_lines_on_the_official_left_edge_and_grid(reference):
    _issue, profile, layout, doc = reference
    assert doc[0].rect.width / MM == pytest.approx(210, abs=0.2)
    body_starts = [line.x for page in layout.pages for line in page.lines
                   if line.role is BlockRole.BODY and line.source and line.source.start > 0]
    assert body_starts and min(body_starts) / MM == pytest.approx(28.0, abs=0.05)
    assert profile.left / MM == pytest.approx(28.0)


def test_page_numbers_alternate_sides(reference):
    _issue, profile, layout, _doc = reference
    for page in layout.pages:
        numbers = [line for line in page.lines if line.role is BlockRole.PAGE_NUMBER]
        if page.page_number is None:
            assert not numbers
            continue
        assert str(page.page_number) in numbers[0].text
        middle = (profile.left + profile.right) / 2
        assert (numbers[0].x > middle) == bool(page.page_number % 2)


def test_screen_options_take_the_type_area_from_the_profile(reference):
    _issue, profile, layout, _doc = reference
    options = screen_options(profile)
    assert options.type_area == pytest.approx((profile.left, profile.top, profile.body_width, profile.body_height))
    image = page_image(layout.pages[0], 36, options)
    assert image.width() == round(210 / 25.4 * 36)


def _chars(page: pymupdf.Page) -> list[dict]:
    return [c for b in page.get_text("rawdict")["blocks"] for ln in b.get("lines", []) for s in ln["spans"]
            for c in s["chars"]]


def _pdf_rows(page: pymupdf.Page, top: float, bottom: float) -> dict[float, list[dict]]:
    """PDF characters inside the 版心, grouped by baseline."""
    rows: dict[float, list[dict]] = {}
    for char in _chars(page):
        y = char["origin"][1]
        if top < y < bottom:
            key = next((k for k in rows if abs(k - y) < 0.2), y)
            rows.setdefault(key, []).append(char)
    return rows


def test_pdf_body_lines_on_the_grid_full_pages_and_full_lines(reference):
    _issue, profile, layout, doc = reference
    body_baselines = [(i, ln) for i, page in enumerate(layout.pages) for ln in page.lines if ln.role is BlockRole.BODY]
    grid0 = min(ln.baseline for _i, ln in body_baselines)  # the first grid line's baseline
    last_grid_line = profile.grid.lines_per_page - 1
    reached_last, continuation, justified = 0, 0, 0
    for index, line in body_baselines:
        rows = _pdf_rows(doc[index], profile.top, profile.bottom)
        row = next((r for y, r in rows.items() if abs(y - line.baseline) < 0.2), None)
        assert row is not None, (index, line.text)
        y = row[0]["origin"][1]
        k = (y - grid0) / profile.pitch
        assert abs(k - round(k)) < 0.01, (index, line.text, k)  # on the 28.95 pt grid
        assert 0 <= round(k) <= last_grid_line
        reached_last += round(k) == last_grid_line
        if line.source is not None and line.source.start > 0:
            continuation += 1
            assert min(c["origin"][0] for c in row) / MM == pytest.approx(28.0, abs=0.05)  # 顶格 at 28 mm
        end = max(c["bbox"][2] for c in row if not c["c"].isspace()) / MM
        justified += 182.5 <= end <= 184.0 + 16 / MM  # a full line (a hanging mark may pass the edge)
    assert reached_last >= 2  # full pages: body down to the 22nd line
    assert continuation >= 40 and justified >= 40


def test_pdf_red_rule_imprint_rule_and_page_numbers(reference):
    _issue, profile, layout, doc = reference
    red = [d["rect"] for d in doc[0].get_drawings() if d.get("fill") and d["fill"][0] > 0.8 and d["fill"][1] < 0.2]
    assert len(red) == 1
    assert red[0].x0 / MM == pytest.approx(28.0, abs=0.05) and red[0].x1 / MM == pytest.approx(184.0, abs=0.05)
    office = next(line for line in layout.pages[0].lines if line.role is BlockRole.OFFICE_DATE)
    assert red[0].y0 > office.baseline
    last = doc[len(doc) - 1]
    black = sorted((d["rect"] for d in last.get_drawings() if d.get("fill") and max(d["fill"]) < 0.05),
                   key=lambda r: r.y1)
    assert black and abs((black[-1].y0 + black[-1].y1) / 2 / MM - 262.0) < 0.2  # on the 版心 bottom
    for index, page in enumerate(doc):
        below = sorted((c for c in _chars(page) if c["origin"][1] > profile.bottom), key=lambda c: c["origin"][0])
        number = layout.pages[index].page_number
        if number is None:
            assert not below
            continue
        assert "".join(c["c"] for c in below).replace(" ", "") == f"—{number}—"
        middle = (profile.left + profile.right) / 2
        assert (below[0]["origin"][0] > middle) == bool(number % 2)
