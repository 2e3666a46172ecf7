"""PNG pages from the same painter: for the README, for checking by eye and for thumbnails."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QImage, QPainter

from bulletin_desk.fileio import atomic_write_bytes
from bulletin_desk.layout.page import Page, PageLayout
from bulletin_desk.render.painter import PaintOptions, paint_page, shared_font_book
from bulletin_desk.render.pdf import RenderError
from bulletin_desk.render.qt_app import ensure_gui_app

MIN_DPI, MAX_DPI = 18, 600
_INCH_PER_PT = 1 / 72


def page_image(page: Page, dpi: float, options: PaintOptions | None = None) -> QImage:
    """One page as an image at ``dpi`` (white paper unless the options say otherwise)."""
    if not MIN_DPI <= dpi <= MAX_DPI:
        raise RenderError("render.bad_dpi", low=MIN_DPI, high=MAX_DPI, dpi=dpi)
    ensure_gui_app()
    scale = dpi * _INCH_PER_PT
    image = QImage(round(page.width * scale), round(page.height * scale), QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    dots_per_metre = round(dpi / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        painter.scale(scale, scale)
        paint_page(page, painter, options, shared_font_book())
    finally:
        painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    ok = image.save(buffer, "PNG")
    buffer.close()
    if not ok:
        raise RenderError("render.png_failed", path="")
    return bytes(data.data())


def render_pngs(page_layout: PageLayout, out_dir: str | os.PathLike[str], dpi: float = 150,
                options: PaintOptions | None = None, *, stem: str = "page") -> list[Path]:
    """Write ``page-01.png`` … into ``out_dir`` (created if needed, each file atomic); returns the paths."""
    if not page_layout.pages:
        raise RenderError("render.no_pages")
    folder = Path(out_dir)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise RenderError("render.png_failed", path=str(folder)) from exc
    width = max(2, len(str(len(page_layout.pages))))
    written = []
    for page in page_layout.pages:
        target = folder / f"{stem}-{page.index + 1:0{width}d}.png"
        written.append(atomic_write_bytes(target, png_bytes(page_image(page, dpi, options))))
    return written
