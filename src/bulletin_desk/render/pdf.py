"""PDF from the same painter as the screen: real, selectable text with embedded fonts.

`write_pdf_from_layout` paints every page with `paint_page` into a QPdfWriter at 72 dpi (so painter
units are points, as in the PageLayout), fixes the ToUnicode maps (pdf_tounicode) and writes the file
atomically: a failed export never leaves half a PDF where yesterday's good one was.
`write_pdf(issue, path)` is what `bulletin-desk export ISSUE --pdf OUT` calls.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter

from bulletin_desk.catalogue import BulletinDeskError
from bulletin_desk.fileio import atomic_write_bytes
from bulletin_desk.layout import LayoutProfile, layout_issue, load_profile
from bulletin_desk.layout.page import Page, PageLayout
from bulletin_desk.model import Issue, issue_label
from bulletin_desk.render.fonts import FontBook
from bulletin_desk.render.painter import PaintOptions, paint_page, shared_font_book
from bulletin_desk.render.pdf_tounicode import fix_tounicode
from bulletin_desk.render.qt_app import ensure_gui_app

PDF_RESOLUTION = 72  # painter units = points


class RenderError(BulletinDeskError):
    """Painting or writing a PDF/PNG failed for a reason the user can act on."""


def qt_page_layout(page: Page) -> QPageLayout:
    """The page's paper size with zero margins: painter (0, 0) is the sheet's corner."""
    size = QPageSize(QSizeF(page.width, page.height), QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch)
    return QPageLayout(size, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Point)


def pdf_bytes(page_layout: PageLayout, options: PaintOptions | None = None, *, title: str = "",
              book: FontBook | None = None, fix_text: bool = True) -> bytes:
    """The PDF of ``page_layout`` as bytes (ToUnicode fixed unless ``fix_text`` is False)."""
    if not page_layout.pages:
        raise RenderError("render.no_pages")
    ensure_gui_app()
    fonts = book or shared_font_book()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_RESOLUTION)
    writer.setCreator("Bulletin Desk 简报编辑台")
    writer.setTitle(title)
    writer.setPageLayout(qt_page_layout(page_layout.pages[0]))
    painter = QPainter()
    if not painter.begin(writer):
        raise RenderError("render.pdf_failed")
    try:
        for number, page in enumerate(page_layout.pages):
            if number:
                writer.setPageLayout(qt_page_layout(page))
                writer.newPage()
            paint_page(page, painter, options, fonts)
    finally:
        painter.end()
        buffer.close()
    raw = bytes(data.data())
    if not fix_text:
        return raw
    typed = "".join(line.text for page in page_layout.pages for line in page.lines)
    fixed, _changed = fix_tounicode(raw, fonts.twin_resolver(typed))
    return fixed


def write_pdf_from_layout(page_layout: PageLayout, path: str | os.PathLike[str],
                          options: PaintOptions | None = None, *, title: str = "") -> Path:
    """Paint ``page_layout`` into a PDF at ``path`` (atomic write); returns the path."""
    return atomic_write_bytes(path, pdf_bytes(page_layout, options, title=title))


def write_pdf(issue: Issue, path: str | os.PathLike[str], profile: LayoutProfile | None = None,
              options: PaintOptions | None = None) -> Path:
    """Lay ``issue`` out with ``profile`` (default: the official profile) and write its PDF at ``path``."""
    page_layout = layout_issue(issue, profile if profile is not None else load_profile())
    title = " ".join(part for part in (issue.masthead.title, issue_label(issue.masthead)) if part)
    return write_pdf_from_layout(page_layout, path, options, title=title)
