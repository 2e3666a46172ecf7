"""Glyphs keep to the slots layout gave them: "——" paints as one unbroken line, wide symbols do not
overlap their neighbours. Checked on pixels, in the preview's image and in the PDF (one painter)."""

from __future__ import annotations

import itertools

import pymupdf
import pytest
from PySide6.QtGui import QImage

from bulletin_desk.layout import layout_issue, load_profile
from bulletin_desk.layout.page import BlockRole, Line, Page
from bulletin_desk.model import Article, Issue, Paragraph, ParagraphKind, Section
from bulletin_desk.render.pdf import pdf_bytes
from bulletin_desk.render.png import page_image

DPI = 300
SCALE = DPI / 72


def _page_with(text: str, kind: ParagraphKind = ParagraphKind.BODY, title: str = "标题") -> Page:
    issue = Issue(sections=[Section(articles=[Article(title=title, paragraphs=[Paragraph(kind=kind, text=text)])])])
    return layout_issue(issue, load_profile()).pages[0]


def _grey_rows(image: QImage) -> list[bytes]:
    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
    data = bytes(grey.constBits())
    return [data[y * grey.bytesPerLine(): y * grey.bytesPerLine() + grey.width()] for y in range(grey.height())]


def _pdf_rows(page: Page) -> list[bytes]:
    from bulletin_desk.layout.page import PageLayout

    with pymupdf.open(stream=pdf_bytes(PageLayout([page])), filetype="pdf") as doc:
        pixmap = doc[0].get_pixmap(dpi=DPI, colorspace=pymupdf.csGRAY)
        samples, stride = pixmap.samples, pixmap.stride
        return [samples[y * stride: y * stride + pixmap.width] for y in range(pixmap.height)]


def _inked_columns(rows: list[bytes], x0: float, x1: float, top: float, bottom: float) -> list[bool]:
    """For each pixel column between x0 and x1 (pt): any dark pixel between top and bottom (pt)."""
    cols = range(round(x0 * SCALE), round(x1 * SCALE))
    band = rows[round(top * SCALE): round(bottom * SCALE)]
    return [any(row[c] < 128 for row in band) for c in cols]


def _dash_pairs(page: Page) -> list[tuple[Line, float, float]]:
    """(line, x of the first dash, size) of every "——" on the page."""
    found = []
    for line in page.lines:
        for run in line.runs:
            start = run.text.find("——")
            if start >= 0:
                found.append((line, run.xs[start], run.size))
    return found


@pytest.mark.parametrize("kind", [ParagraphKind.BODY, ParagraphKind.H1])
@pytest.mark.parametrize("output", ["image", "pdf"])
def test_two_em_dashes_join_into_one_line(gui_app, kind, output):
    page = _page_with("记者来到现场——一个老旧小区", kind, title="标题——副标题")
    pairs = _dash_pairs(page)
    assert len(pairs) == 2  # the title's and the paragraph's
    rows = _grey_rows(page_image(page, DPI)) if output == "image" else _pdf_rows(page)
    for line, x, size in pairs:
        # the two em slots, less a little at the outer ends (the font's own side bearings)
        inked = _inked_columns(rows, x + 0.1 * size, x + 1.8 * size, line.baseline - size, line.baseline)
        assert all(inked), f"{line.text}: a blank column at {inked.index(False) / SCALE:.2f} pt into the dashes"


def test_a_lone_dash_is_drawn_as_the_font_has_it(gui_app):
    page = _page_with("甲—乙")
    line = next(line for line in page.lines if line.role is BlockRole.BODY)
    run = line.runs[0]
    x = run.xs[run.text.index("—")]
    rows = _grey_rows(page_image(page, DPI))
    inked = _inked_columns(rows, x, x + run.size, line.baseline - run.size, line.baseline)
    assert any(inked) and not inked[-1]  # the stroke ends before the next character's slot


def test_wide_symbols_do_not_overlap_the_next_character(gui_app):
    """℃ ①②③ ※ → Ⅱ: painted in the CJK face in the one-em slot layout gave them (once measured as a
    half-em Latin letter, they were drawn one em wide over the next character)."""
    from bulletin_desk.layout.page import PageLayout

    page = _page_with("当日最高气温38℃，重点做好①防暑②降温③保供工作，※注意Ⅱ级响应→及时上报。")
    body = [line for line in page.lines if line.role is BlockRole.BODY]
    with pymupdf.open(stream=pdf_bytes(PageLayout([page])), filetype="pdf") as doc:
        chars = [c for b in doc[0].get_text("rawdict")["blocks"] for ln in b.get("lines", []) for s in ln["spans"]
                 for c in s["chars"] if not c["c"].isspace()]
    checked = 0
    for line in body:
        row = sorted((c for c in chars if abs(c["origin"][1] - line.baseline) < 0.5), key=lambda c: c["origin"][0])
        assert "".join(c["c"] for c in row) == line.text
        for char, following in itertools.pairwise(row):
            if char["c"] in "℃①②③※→Ⅱ":
                checked += 1
                # the glyph's box ends where the next begins, less the letter spacing (−0.25 pt)
                assert char["bbox"][2] <= following["bbox"][0] + 0.3, (char["c"], following["c"])
                assert char["bbox"][2] - char["bbox"][0] == pytest.approx(16.0, abs=0.1)
    assert checked == 7
