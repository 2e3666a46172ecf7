"""The painter's options, bold, fallback glyphs, PNG output and printing at real size."""

from __future__ import annotations

import pymupdf
import pytest
from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QColor, QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter
from tests.render.specimen import LEFT, MM, PAGE_H, PAGE_W, TOP, run, specimen_layout

from bulletin_desk import fileio
from bulletin_desk.fileio import FileWriteError
from bulletin_desk.layout.page import BlockRole, Face, Line, Page, PageLayout, TextRun
from bulletin_desk.render.painter import PaintOptions, paint_page
from bulletin_desk.render.pdf import RenderError, pdf_bytes, write_pdf_from_layout
from bulletin_desk.render.png import page_image, render_pngs
from bulletin_desk.render.printing import check_margins, check_printer_margins, print_layout


def _one_line(text: str, face: Face = Face.FANGSONG, bold: bool = False, size: float = 16.0) -> PageLayout:
    line = Line((run(text, LEFT, face, size, bold=bold),), TOP + 40, BlockRole.BODY)
    return PageLayout([Page(0, PAGE_W, PAGE_H, [line])])


def _ink(image: QImage) -> int:
    """Dark pixels (a count of ink) in the image, read from its grey bytes."""
    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
    data = bytes(grey.constBits())[: grey.bytesPerLine() * grey.height()]
    return sum(1 for value in data if value < 128)


def _pdf_ink(page: pymupdf.Page) -> int:
    """Dark pixels of the PDF page rasterised by MuPDF at 150 dpi (grey)."""
    pixmap = page.get_pixmap(dpi=150, colorspace=pymupdf.csGRAY)
    return sum(1 for value in pixmap.samples if value < 128)


def test_pre_printed_red_paper_skips_the_masthead_and_red_rule(gui_app, specimen):
    plain = pdf_bytes(PageLayout([specimen.pages[0]]), PaintOptions(show_masthead=False))
    with pymupdf.open(stream=plain, filetype="pdf") as doc:
        page = doc[0]
        assert "简报" not in page.get_text().split("\n")[0]
        assert "首都精神文明建设情况简报" not in page.get_text()
        assert "第19期" in page.get_text().replace(" ", "")  # the issue number still prints
        assert not [d for d in page.get_drawings() if d.get("fill") and d["fill"][0] > 0.8]


@pytest.mark.parametrize("face", [Face.FANGSONG, Face.KAITI])
def test_bold_is_heavier_and_copies_once(gui_app, face):
    # Noto Serif CJK SC has a bold weight; AR PL UKai (楷体 stand-in) has none: Qt emboldens it
    regular = page_image(_one_line("文明实践", face).pages[0], 150)
    bold = page_image(_one_line("文明实践", face, bold=True).pages[0], 150)
    assert _ink(bold) > _ink(regular) * 1.25  # measured: about 1.4 for both
    with pymupdf.open(stream=pdf_bytes(_one_line("文明实践", face, bold=True)), filetype="pdf") as doc:
        assert doc[0].get_text().strip() == "文明实践"
        bold_pdf_ink = _pdf_ink(doc[0])
    with pymupdf.open(stream=pdf_bytes(_one_line("文明实践", face)), filetype="pdf") as doc:
        regular_pdf_ink = _pdf_ink(doc[0])
    assert bold_pdf_ink > regular_pdf_ink * 1.15  # the PDF (and so the paper) is bold too


def test_characters_missing_from_the_face_still_print(gui_app):
    # Liberation Serif (Times New Roman's stand-in) has no ideographs: they come from a CJK fallback
    xs = (LEFT, LEFT + 11.55, LEFT + 27.55)  # A is 11.55 pt wide at 16 pt, 月 one em
    line = Line((TextRun("A月B", xs, 38.2, Face.LATIN, 16.0),), TOP + 40, BlockRole.BODY)
    layout = PageLayout([Page(0, PAGE_W, PAGE_H, [line])])
    with pymupdf.open(stream=pdf_bytes(layout), filetype="pdf") as doc:
        assert doc[0].get_text().strip() == "A月B"
        fonts = {f[3] for f in doc[0].get_fonts()}
        assert any("Liberation" in name for name in fonts) and any("CJK" in name for name in fonts)


def test_pngs_have_the_page_size_at_the_dpi_and_ink_where_layout_put_it(gui_app, specimen, tmp_path):
    paths = render_pngs(specimen, tmp_path / "png", dpi=50)
    assert [p.name for p in paths] == ["page-01.png", "page-02.png", "page-03.png", "page-04.png"]
    image = QImage(str(paths[0]))
    assert image.width() == round(210 / 25.4 * 50) and image.height() == round(297 / 25.4 * 50)
    rule = specimen.pages[0].rules[0]
    px = QColor(image.pixel(round((LEFT + 100) * 50 / 72), round(rule.y * 50 / 72)))
    assert px.red() > 200 and px.green() < 80  # the red rule
    assert QColor(image.pixel(round((LEFT - 3 * MM) * 50 / 72), round(rule.y * 50 / 72))).lightness() > 250
    with pytest.raises(RenderError):
        render_pngs(specimen, tmp_path / "bad", dpi=5)


def test_margin_guides_only_when_asked(gui_app):
    page = _one_line("文").pages[0]
    area = (LEFT, TOP, 156 * MM, 225 * MM)
    without = page_image(page, 36, PaintOptions(type_area=area))
    guided = page_image(page, 36, PaintOptions(draw_margin_guides=True, type_area=area))
    x = round(LEFT * 0.5)

    def bluish(image: QImage) -> int:
        pixels = [QColor(image.pixel(cx, y)) for cx in (x - 1, x, x + 1) for y in range(100, 300)]
        return sum(1 for p in pixels if p.blue() - p.red() > 20)

    assert bluish(without) == 0
    assert bluish(guided) > 50


def test_print_at_real_size_through_qprinter(gui_app, specimen, tmp_path):
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A5), QPageLayout.Orientation.Landscape,
                                      QMarginsF(20, 20, 20, 20)))  # the next print job resets this
    assert print_layout(specimen, printer) == 4
    with pymupdf.open(tmp_path / "printed.pdf") as doc:
        assert len(doc) == 4
        assert doc[0].rect.width / MM == pytest.approx(210, abs=0.3)
        first_body = specimen.pages[1].lines[1]
        spans = [s for b in doc[1].get_text("rawdict")["blocks"] for ln in b.get("lines", []) for s in ln["spans"]]
        origins = [c["origin"] for s in spans for c in s["chars"]]
        on_line = [o for o in origins if abs(o[1] - first_body.baseline) < 0.3]
        assert min(o[0] for o in on_line) / MM == pytest.approx(28.0, abs=0.1)  # not scaled to fit


def test_printer_margins_that_cut_into_the_type_area_are_reported(gui_app, specimen):
    assert check_margins(specimen, (5, 5, 5, 5)).fits
    clipped = check_margins(specimen, (5, 30, 5, 5))
    assert not clipped.fits
    assert clipped.left == pytest.approx(2.0, abs=0.05)
    assert clipped.message().code == "render.print.clipped"
    # page numbers sit about 269 mm down: a 30 mm bottom margin cuts them
    assert check_margins(specimen, (5, 5, 30, 5)).bottom > 0
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    assert check_printer_margins(printer, specimen).fits


def test_a_failed_write_leaves_the_previous_pdf_intact(gui_app, tmp_path, monkeypatch):
    target = tmp_path / "issue.pdf"
    target.write_bytes(b"%PDF-previous")

    def refuse(_src: str, _dst: str) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(fileio, "_replace", refuse)
    with pytest.raises(FileWriteError):
        write_pdf_from_layout(_one_line("文"), target)
    assert target.read_bytes() == b"%PDF-previous"
    assert list(tmp_path.iterdir()) == [target]


def test_paint_page_on_a_plain_image_matches_the_png_path(gui_app):
    page = specimen_layout(3).pages[1]
    image = QImage(round(PAGE_W), round(PAGE_H), QImage.Format.Format_RGB32)
    image.fill(0xFFFFFFFF)
    painter = QPainter(image)
    paint_page(page, painter)
    painter.end()
    assert _ink(image) > 1000


def test_a_run_with_too_few_positions_still_paints_every_character(gui_app):
    line = Line((TextRun("文明实践", (LEFT, LEFT + 16), 64, Face.FANGSONG, 16.0),), TOP + 40, BlockRole.BODY)
    data = pdf_bytes(PageLayout([Page(0, PAGE_W, PAGE_H, [line])]))
    with pymupdf.open(stream=data, filetype="pdf") as doc:
        chars = [c for b in doc[0].get_text("rawdict")["blocks"] for ln in b["lines"] for s in ln["spans"]
                 for c in s["chars"]]
        assert [c["c"] for c in chars] == list("文明实践")
        assert chars[2]["origin"][0] == pytest.approx(LEFT + 32, abs=0.1)


def test_screen_options_outline_the_profiles_type_area():
    from types import SimpleNamespace

    from bulletin_desk.render.painter import screen_options

    profile = SimpleNamespace(left=LEFT, top=TOP, body_width=156 * MM, body_height=225 * MM)
    options = screen_options(profile, show_masthead=False)
    assert options.type_area == (LEFT, TOP, 156 * MM, 225 * MM)
    assert options.draw_margin_guides and not options.show_masthead and options.paper_color == "#FFFFFF"


def test_a_pdf_can_be_written_from_a_worker_thread(gui_app, specimen):
    import threading

    from bulletin_desk.render.painter import shared_font_book

    results: dict[str, object] = {}

    def work() -> None:
        results["book"] = shared_font_book()
        results["pdf"] = pdf_bytes(PageLayout(specimen.pages[:2]))

    worker = threading.Thread(target=work)
    worker.start()
    worker.join(60)
    assert results["book"] is not shared_font_book()  # QRawFonts are not shared across threads
    with pymupdf.open(stream=results["pdf"], filetype="pdf") as doc:
        assert "月日首文一心" in doc[0].get_text()
