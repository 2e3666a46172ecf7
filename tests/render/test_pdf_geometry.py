"""What reaches the PDF is where the official layout puts it (checked with PyMuPDF, tests only).

These pages are hand-built (specimen.py), so they check the painter and the PDF writer, not the engine:
test_engine_pdf.py checks the same rules — 28 字 lines, 22-line pages, the 版记's last rule, numbering —
on the engine's own pages of a generated issue.
"""

from __future__ import annotations

import itertools

import pymupdf
import pytest
from tests.render.specimen import (
    BOTTOM,
    CHAR_PITCH,
    CHARS,
    IMPRINT_THICK,
    LEFT,
    LINE_PITCH,
    LINES,
    MM,
    RED_RULE_THICKNESS,
    RIGHT,
    TOP,
    baseline,
)

from bulletin_desk.layout.page import BlockRole

TOL = 0.15  # pt: the painter must put glyphs where layout measured them, not roughly there


def _chars(page: pymupdf.Page) -> list[dict]:
    """Every character drawn on the page, with its origin (the pen position on the baseline)."""
    chars = []
    for block in page.get_text("rawdict")["blocks"]:
        for line in block.get("lines", []):
            for span in line["spans"]:
                for char in span["chars"]:
                    chars.append({**char, "font": span["font"], "size": span["size"], "color": span["color"]})
    return chars


def _lines_by_baseline(chars: list[dict]) -> dict[float, list[dict]]:
    rows: dict[float, list[dict]] = {}
    for char in chars:
        rows.setdefault(round(char["origin"][1], 1), []).append(char)
    return {y: sorted(row, key=lambda c: c["origin"][0]) for y, row in sorted(rows.items())}


def test_page_size_is_a4(specimen_doc):
    assert len(specimen_doc) == 4
    for page in specimen_doc:
        assert page.rect.width / MM == pytest.approx(210, abs=0.2)
        assert page.rect.height / MM == pytest.approx(297, abs=0.2)


def test_every_glyph_sits_at_the_x_layout_gave(specimen_doc, specimen):
    for pdf_page, page in zip(specimen_doc, specimen.pages, strict=True):
        rows = _lines_by_baseline(_chars(pdf_page))
        for line in page.lines:
            row = next((r for y, r in rows.items() if abs(y - line.baseline) < 0.1), None)
            assert row is not None, f"no text on baseline {line.baseline:.2f} ({line.text})"
            drawn = [c for c in row if not c["c"].isspace()]
            wanted = [(ch, x) for run in line.runs for ch, x in zip(run.text, run.xs, strict=True)
                      if not ch.isspace()]
            assert [c["c"] for c in drawn] == [ch for ch, _ in wanted]
            for char, (_ch, x) in zip(drawn, wanted, strict=True):
                assert char["origin"][0] == pytest.approx(x, abs=TOL)


def test_body_lines_start_on_the_left_edge_28mm_and_fill_the_type_area(specimen_doc):
    page = specimen_doc[1]  # a full body page
    rows = _lines_by_baseline(_chars(page))
    body = [row for y, row in rows.items() if TOP < y < BOTTOM]
    full = [row for row in body if len(row) == CHARS]
    assert len(full) == LINES - 1  # the first line is indented two characters (paragraph start)
    for row in full:
        assert row[0]["origin"][0] / MM == pytest.approx(28.0, abs=0.05)
        # the 28th character's cell ends on the 版心's right edge (28 + 156 mm)
        assert (row[-1]["origin"][0] + CHAR_PITCH) / MM == pytest.approx(184.0, abs=0.05)
    indented = body[0]
    assert indented[0]["origin"][0] == pytest.approx(LEFT + 2 * CHAR_PITCH, abs=TOL)


def test_a_full_page_holds_22_lines_at_the_grid_pitch(specimen_doc):
    rows = _lines_by_baseline(_chars(specimen_doc[2]))
    body = [y for y in rows if TOP < y < BOTTOM]
    assert len(body) == LINES
    assert body[0] == pytest.approx(baseline(0), abs=0.1)
    pitches = [b - a for a, b in itertools.pairwise(body)]
    assert all(p == pytest.approx(LINE_PITCH, abs=0.1) for p in pitches)
    assert body[-1] < BOTTOM


def _fills(page: pymupdf.Page) -> list[dict]:
    return [d for d in page.get_drawings() if d.get("fill") is not None]


def test_red_rule_is_red_full_width_and_under_the_office_line(specimen_doc, specimen):
    red = [d for d in _fills(specimen_doc[0]) if d["fill"][0] > 0.8 and d["fill"][1] < 0.2]
    assert len(red) == 1
    rect = red[0]["rect"]
    assert rect.x0 / MM == pytest.approx(28.0, abs=0.05)
    assert rect.x1 / MM == pytest.approx(184.0, abs=0.05)
    assert rect.height == pytest.approx(RED_RULE_THICKNESS, abs=0.05)
    rule = specimen.pages[0].rules[0]
    assert (rect.y0 + rect.y1) / 2 == pytest.approx(rule.y, abs=0.05)
    office = next(line for line in specimen.pages[0].lines if line.role is BlockRole.OFFICE_DATE)
    assert rule.y > office.baseline  # under the 编印单位/日期 line
    # the masthead name is red too
    name = [c for c in _chars(specimen_doc[0]) if c["c"] == "简" and c["size"] > 30]
    assert name and name[0]["color"] == 0xE60012


def test_page_numbers_text_and_side(specimen_doc):
    # Every page is numbered, the last one too: it holds body text and the 版记 (a page like that is
    # numbered; only a 版记 alone may go without, by the profile — test_engine_pdf checks the engine's rule).
    for index in range(4):
        page = specimen_doc[index]
        rows = _lines_by_baseline(_chars(page))
        below = [row for y, row in rows.items() if y > BOTTOM]
        assert len(below) == 1
        text = "".join(c["c"] for c in below[0])
        assert text == f"— {index + 1} —"
        xs = [c["origin"][0] for c in below[0]]
        if (index + 1) % 2:  # odd: right, 空一字 (14 pt) from the 版心's right edge
            assert xs[0] > (LEFT + RIGHT) / 2
            # the closing dash's em (14 pt) ends one 4号 character before the 版心's right edge
            assert xs[-1] + 14.0 == pytest.approx(RIGHT - 14.0, abs=TOL)
        else:  # even: left, 空一字
            assert xs[0] == pytest.approx(LEFT + 14.0, abs=TOL)
        # the dash is about 7 mm below the 版心's bottom edge
        dash = below[0][0]
        middle = (dash["bbox"][1] + dash["bbox"][3]) / 2
        assert (middle - BOTTOM) / MM == pytest.approx(7.0, abs=1.0)


def test_imprint_last_rule_lies_on_the_type_area_bottom(specimen_doc):
    rules = sorted((d["rect"] for d in _fills(specimen_doc[3])), key=lambda r: r.y1)
    assert len(rules) == 4
    assert all(r.x0 / MM == pytest.approx(28.0, abs=0.05) and r.x1 / MM == pytest.approx(184.0, abs=0.05)
               for r in rules)
    assert rules[-1].y1 / MM == pytest.approx(262.0, abs=0.05)  # 37 + 225 mm
    assert rules[-1].height == pytest.approx(IMPRINT_THICK, abs=0.02)
    assert rules[0].height == pytest.approx(IMPRINT_THICK, abs=0.02)
    assert rules[1].height < IMPRINT_THICK
    black = [d for d in _fills(specimen_doc[3])]
    assert all(max(d["fill"]) < 0.05 for d in black)


def test_fonts_are_embedded_and_text_is_real(specimen_doc):
    fonts = specimen_doc[0].get_fonts(full=True)
    assert fonts
    for _xref, ext, ftype, _name, _ref, _enc, *_ in fonts:
        assert ext != "n/a", f"font not embedded: {ftype}"
    assert "首都精神文明建设情况简报" in specimen_doc[0].get_text()
    assert specimen_doc[0].search_for("新时代文明实践中心建设")
