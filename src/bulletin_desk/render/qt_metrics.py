"""Character advances measured by Qt from the fonts that paint: a FontMetrics for the layout engine.

The layout engine measures with static tables (resources/metrics/) so that line breaks never depend on
which stand-in font a machine has. This Qt implementation exists to cross-check those tables against
the real fonts (tests/render/test_qt_metrics.py) and to measure faces the tables do not cover. Advances
come from the fonts' design metrics (no hinting), so they scale exactly with the size.
"""

from __future__ import annotations

from PySide6.QtGui import QRawFont

from bulletin_desk.layout.page import Face
from bulletin_desk.render.fonts import FontBook

_DESIGN_SIZE = 1000.0  # measure at 1000 px per em: advances read directly in thousandths of an em


class QtFontMetrics:
    """Advances (pt) of characters in the installed font of each official face."""

    def __init__(self, book: FontBook | None = None) -> None:
        self._book = book or FontBook()
        self._cache: dict[tuple[Face, bool, str], float] = {}

    def _fonts(self, face: Face, bold: bool) -> tuple[QRawFont, ...]:
        return self._book.chain(face, _DESIGN_SIZE, bold)

    def advance_em(self, face: Face, char: str, bold: bool = False) -> float:
        """The advance of ``char`` in em (1.0 = the font size), from the first font that has it."""
        key = (face, bold, char)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        value = 0.0
        for raw in self._fonts(face, bold):
            glyphs = raw.glyphIndexesForString(char)
            if len(glyphs) == 1 and glyphs[0]:
                advances = raw.advancesForGlyphIndexes(glyphs, QRawFont.LayoutFlag.UseDesignMetrics)
                value = advances[0].x() / _DESIGN_SIZE
                break
        self._cache[key] = value
        return value

    def advance(self, face: Face, char: str, size: float, bold: bool = False) -> float:
        """The advance of ``char`` in pt at ``size`` pt."""
        return self.advance_em(face, char, bold) * size

    def text_width(self, face: Face, text: str, size: float, bold: bool = False) -> float:
        """The sum of the advances (no kerning: the layout places every character itself)."""
        return sum(self.advance(face, char, size, bold) for char in text)

    def family(self, face: Face) -> str:
        return self._book.report[face].family
