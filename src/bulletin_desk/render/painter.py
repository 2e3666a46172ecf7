"""The one painter: a laid-out Page onto any QPainter (screen, PDF, printer, thumbnails).

Painting is drawing, never deciding: every glyph goes exactly to the x the layout engine measured
(`TextRun.xs`) on the line's baseline, so the preview, the PDF and the paper cannot drift apart,
whichever stand-in font is installed. Glyphs are placed with QGlyphRun + QRawFont (one glyph run per
text run and font), which keeps the text real in PDF (selectable, searchable, embedded fonts).

Coordinates are points from the page's top-left; the caller sets the painter's transform (screen
zoom, printer resolution / 72, a QPdfWriter at 72 dpi).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QGlyphRun, QPainter, QPen, QRawFont

from bulletin_desk.layout.page import BlockRole, Page, Rule, TextRun
from bulletin_desk.render.fonts import FontBook, font_generation


@dataclass(frozen=True)
class PaintOptions:
    """How to paint a page.

    ``show_masthead=False`` is for pre-printed 红头 paper: the red masthead name and the red rule are
    already on the sheet, so they are left out (the 期号, office and date lines still print).
    ``draw_margin_guides`` outlines ``type_area`` (x, y, width, height in pt: the 版心) on screen only.
    ``paper_color`` fills the page first (PNG and screen); None leaves it transparent (PDF, printer).
    """

    show_masthead: bool = True
    draw_margin_guides: bool = False
    type_area: tuple[float, float, float, float] | None = None
    paper_color: str | None = None


DEFAULT_OPTIONS = PaintOptions()
_MASTHEAD_ROLES = frozenset({BlockRole.MASTHEAD})

_colors: dict[str, QColor] = {}
_books = threading.local()


def _color(value: str) -> QColor:
    color = _colors.get(value)
    if color is None:
        color = QColor(value)
        if not color.isValid():
            color = QColor("#000000")
        _colors[value] = color
    return color


def is_masthead_rule(rule: Rule) -> bool:
    """The red rule under the masthead is the only coloured rule; 版记 rules are black."""
    color = _color(rule.color)
    return color.red() > 128 and color.green() < 100 and color.blue() < 100


def shared_font_book() -> FontBook:
    """One FontBook per thread: raw fonts are expensive to create, but QRawFont objects must not be
    shared between the GUI thread (preview) and a worker writing a PDF. A book is rebuilt when the
    editor's stand-in choice changed (fonts.set_font_overrides), so the next paint, PDF or print
    uses the new font without anyone having to tell each thread."""
    generation = font_generation()
    book = getattr(_books, "book", None)
    if book is None or getattr(_books, "generation", None) != generation:
        book = FontBook()
        _books.book = book
        _books.generation = generation
    return book


# Dashes that join: layout gives each "—" of "——" one em (as LibreOffice and the official 仿宋_GB2312 set
# it: one unbroken line), but stand-ins draw a narrower stroke (Noto Serif CJK SC: 14.2 of 16 pt), so
# "——" painted as "— —". A dash next to another is stretched to meet it; its outer end keeps the font's
# own side bearing, and a lone dash is drawn as the font has it. Scaling the glyph horizontally (not
# drawing a rule) keeps it real text in the PDF.
JOINING_DASHES = frozenset("—―")


@dataclass(frozen=True)
class _Dash:
    """One dash glyph, drawn scaled so its ink spans [x0, x1] (pt, absolute)."""

    glyph_run: QGlyphRun
    ink_left: float  # the glyph's ink, from its origin, unscaled
    ink_width: float
    x0: float
    x1: float


def _positions(run: TextRun) -> tuple[float, ...]:
    xs = run.xs
    if len(xs) != len(run.text):  # a layout bug must not crash the preview: pad at one em, or cut
        start = xs[-1] + run.size if xs else 0.0
        xs = (tuple(xs) + tuple(start + i * run.size for i in range(len(run.text) - len(xs))))[:len(run.text)]
    return xs


def _joined(text: str, index: int) -> tuple[bool, bool]:
    """Whether the dash at ``index`` meets a dash on its left, on its right."""
    return (index > 0 and text[index - 1] in JOINING_DASHES,
            index + 1 < len(text) and text[index + 1] in JOINING_DASHES)


def _pieces(run: TextRun, book: FontBook) -> list[QGlyphRun | _Dash]:
    """What to draw for ``run``, in text order (the PDF's text reads in that order): glyph runs, and
    each dash of a "——" on its own, stretched to meet its neighbour."""
    text = run.text
    xs = _positions(run)
    dashes = [i for i, char in enumerate(text) if char in JOINING_DASHES and any(_joined(text, i))]
    if not dashes:
        return list(_glyph_runs(run, book, text, xs))
    pieces: list[QGlyphRun | _Dash] = []
    start = 0
    for index in dashes:
        if start < index:
            pieces.extend(_glyph_runs(run, book, text[start:index], xs[start:index]))
        slot_end = xs[index + 1] if index + 1 < len(text) else run.x + run.width
        pieces.append(_dash(run, book, index, xs[index], slot_end))
        start = index + 1
    if start < len(text):
        pieces.extend(_glyph_runs(run, book, text[start:], xs[start:]))
    return pieces


def _font_for(chain: Sequence[QRawFont], char: str) -> tuple[QRawFont, int]:
    """The first font of ``chain`` that has ``char``, and its glyph (the primary font and 0 if none has it)."""
    for candidate in chain:
        found = candidate.glyphIndexesForString(char)
        if found and found[0]:
            return candidate, found[0]
    return chain[0], 0


def _dash(run: TextRun, book: FontBook, index: int, x: float, slot_end: float) -> QGlyphRun | _Dash:
    """The dash at ``index`` (its slot from ``x`` to ``slot_end``), to be stretched to its joined sides."""
    font, glyph = _font_for(book.chain(run.face, run.size, run.bold), run.text[index])
    ink = font.pathForGlyph(glyph).boundingRect()  # exact (boundingRect() rounds to whole pixels)
    if not glyph or ink.width() <= 0 or slot_end <= x:
        return _make_run(font, [glyph], (x,), 0, 1)
    joins_left, joins_right = _joined(run.text, index)
    x0 = x if joins_left else x + ink.left()
    x1 = slot_end if joins_right else min(slot_end, x + ink.right())
    return _Dash(_make_run(font, [glyph], (0.0,), 0, 1), ink.left(), ink.width(), x0, x1)


def _glyph_runs(run: TextRun, book: FontBook, text: str, xs: tuple[float, ...]) -> list[QGlyphRun]:
    """One QGlyphRun per font used (the face's font, or a fallback for characters it lacks)."""
    chain = book.chain(run.face, run.size, run.bold)
    primary = chain[0]
    indexes = primary.glyphIndexesForString(text)
    if len(indexes) == len(text) and all(indexes):
        return [_make_run(primary, indexes, xs, 0, len(text))]
    # Slow path: some characters need another font (or the text has surrogate pairs).
    groups: list[tuple[QRawFont, list[int], list[int]]] = []  # font, glyphs, char positions
    for pos, char in enumerate(text):
        font, glyph = _font_for(chain, char)
        if groups and groups[-1][0] is font:
            groups[-1][1].append(glyph)
            groups[-1][2].append(pos)
        else:
            groups.append((font, [glyph], [pos]))
    result = []
    for font, glyphs, positions in groups:
        glyph_run = QGlyphRun()
        glyph_run.setRawFont(font)
        glyph_run.setGlyphIndexes(glyphs)
        glyph_run.setPositions([QPointF(xs[p], 0.0) for p in positions])
        result.append(glyph_run)
    return result


def _make_run(font: QRawFont, glyphs: list[int], xs: tuple[float, ...], start: int, end: int) -> QGlyphRun:
    glyph_run = QGlyphRun()
    glyph_run.setRawFont(font)
    glyph_run.setGlyphIndexes(glyphs)
    glyph_run.setPositions([QPointF(x, 0.0) for x in xs[start:end]])
    return glyph_run


def _draw_dash(painter: QPainter, dash: _Dash, baseline: float) -> None:
    """The dash scaled horizontally so its ink runs from x0 to x1: two em dashes join."""
    painter.save()
    painter.translate(dash.x0, baseline)
    painter.scale((dash.x1 - dash.x0) / dash.ink_width, 1.0)
    painter.drawGlyphRun(QPointF(-dash.ink_left, 0.0), dash.glyph_run)
    painter.restore()


def paint_page(page: Page, painter: QPainter, options: PaintOptions | None = None,
               book: FontBook | None = None) -> None:
    """Draw ``page`` in points onto ``painter`` (whose transform the caller has set)."""
    opts = options or DEFAULT_OPTIONS
    fonts = book or shared_font_book()
    painter.save()
    try:
        if opts.paper_color:
            painter.fillRect(QRectF(0.0, 0.0, page.width, page.height), _color(opts.paper_color))
        for rule in page.rules:
            if not opts.show_masthead and is_masthead_rule(rule):
                continue
            half = rule.thickness / 2.0
            painter.fillRect(QRectF(rule.x0, rule.y - half, rule.x1 - rule.x0, rule.thickness), _color(rule.color))
        pen = QPen()
        for line in page.lines:
            if not opts.show_masthead and line.role in _MASTHEAD_ROLES:
                continue
            origin = QPointF(0.0, line.baseline)
            for run in line.runs:
                if not run.text:
                    continue
                pen.setColor(_color(run.color))
                painter.setPen(pen)
                for piece in _pieces(run, fonts):
                    if isinstance(piece, _Dash):
                        _draw_dash(painter, piece, line.baseline)
                    else:
                        painter.drawGlyphRun(origin, piece)
        if opts.draw_margin_guides and opts.type_area:
            guide = QPen(QColor(0, 120, 215, 110))
            guide.setCosmetic(True)
            guide.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(guide)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(*opts.type_area))
    finally:
        painter.restore()


def screen_options(profile: object, *, show_masthead: bool = True, guides: bool = True) -> PaintOptions:
    """Options for the on-screen preview: white paper and the 版心 outline taken from the LayoutProfile
    (``left``, ``top``, ``body_width``, ``body_height`` in pt), so no margin is typed here."""
    area = (float(profile.left), float(profile.top),  # type: ignore[attr-defined]
            float(profile.body_width), float(profile.body_height))  # type: ignore[attr-defined]
    return PaintOptions(show_masthead=show_masthead, draw_margin_guides=guides, type_area=area,
                        paper_color="#FFFFFF")
