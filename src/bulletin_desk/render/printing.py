"""Printing at real size: the 版心 lands 37 mm from the top and 28 mm from the left of the sheet.

Pages are never scaled to fit: a printer whose unprintable margins reach into the 版心 (or the page
number 7 mm below it) would otherwise shrink the issue by a few per cent, and a shrunken 简报 is a
wrong 简报. `check_printer_margins` tells the GUI before printing whether that happens, so it can warn
("use borderless printing or another printer"); the print dialog itself belongs to the GUI.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPageLayout, QPainter
from PySide6.QtPrintSupport import QPrinter

from bulletin_desk.catalogue import Message
from bulletin_desk.layout.page import PageLayout
from bulletin_desk.render.painter import PaintOptions, paint_page, shared_font_book
from bulletin_desk.render.pdf import RenderError, qt_page_layout
from bulletin_desk.render.qt_app import ensure_gui_app

MM_PER_PT = 25.4 / 72


@dataclass(frozen=True)
class MarginCheck:
    """How far the printer's unprintable margins reach into the printed content (mm, 0 = clear)."""

    top: float
    left: float
    bottom: float
    right: float

    @property
    def fits(self) -> bool:
        return max(self.top, self.left, self.bottom, self.right) <= 0.0

    @property
    def worst(self) -> float:
        return max(self.top, self.left, self.bottom, self.right, 0.0)

    def message(self) -> Message:
        if self.fits:
            return Message("render.print.fits")
        return Message("render.print.clipped", {"mm": f"{self.worst:.1f}"})


def content_box(page_layout: PageLayout) -> QRectF:
    """The box (pt) holding everything printed on any page: 版心, red rule, page numbers."""
    box = QRectF()
    for page in page_layout.pages:
        for rule in page.rules:
            box = box.united(QRectF(rule.x0, rule.y - rule.thickness / 2, rule.x1 - rule.x0, rule.thickness))
        for line in page.lines:
            for run in line.runs:
                if run.text:
                    top = line.baseline - run.size * 0.88
                    box = box.united(QRectF(run.x, top, max(run.width, 0.1), run.size * 1.0))
    return box


def check_margins(page_layout: PageLayout, minimum_margins_mm: tuple[float, float, float, float]) -> MarginCheck:
    """How far unprintable margins (top, left, bottom, right in mm) reach into what the issue prints."""
    top, left, bottom, right = (value / MM_PER_PT for value in minimum_margins_mm)
    box = content_box(page_layout)
    if not page_layout.pages or box.isNull():
        return MarginCheck(0.0, 0.0, 0.0, 0.0)
    page = page_layout.pages[0]
    return MarginCheck(
        top=max(0.0, (top - box.top()) * MM_PER_PT),
        left=max(0.0, (left - box.left()) * MM_PER_PT),
        bottom=max(0.0, (box.bottom() - (page.height - bottom)) * MM_PER_PT),
        right=max(0.0, (box.right() - (page.width - right)) * MM_PER_PT),
    )


def check_printer_margins(printer: QPrinter, page_layout: PageLayout) -> MarginCheck:
    """The same check against a real printer's minimum (unprintable) margins."""
    ensure_gui_app()
    layout = printer.pageLayout()
    margins = layout.minimumMargins()
    to_mm = {QPageLayout.Unit.Millimeter: 1.0, QPageLayout.Unit.Point: MM_PER_PT,
             QPageLayout.Unit.Inch: 25.4, QPageLayout.Unit.Pica: 12 * MM_PER_PT,
             QPageLayout.Unit.Didot: 0.376, QPageLayout.Unit.Cicero: 4.512}[layout.units()]
    return check_margins(page_layout, (margins.top() * to_mm, margins.left() * to_mm,
                                       margins.bottom() * to_mm, margins.right() * to_mm))


def print_layout(page_layout: PageLayout, printer: QPrinter, options: PaintOptions | None = None,
                 *, first: int = 1, last: int | None = None) -> int:
    """Print pages ``first``..``last`` (1-based, inclusive) at real size; returns pages printed."""
    if not page_layout.pages:
        raise RenderError("render.no_pages")
    ensure_gui_app()
    pages = page_layout.pages[first - 1:last]
    printer.setFullPage(True)  # painter origin = the sheet's corner, not the printable area's
    printer.setPageLayout(qt_page_layout(pages[0]))
    painter = QPainter()
    if not painter.begin(printer):
        raise RenderError("render.print.failed", printer=printer.printerName() or printer.outputFileName())
    try:
        scale_x = printer.logicalDpiX() / 72.0
        scale_y = printer.logicalDpiY() / 72.0
        for number, page in enumerate(pages):
            if number:
                printer.newPage()
            painter.resetTransform()
            painter.scale(scale_x, scale_y)
            paint_page(page, painter, options, shared_font_book())
    finally:
        painter.end()
    return len(pages)


__all__ = ["MarginCheck", "check_margins", "check_printer_margins", "content_box", "print_layout"]
