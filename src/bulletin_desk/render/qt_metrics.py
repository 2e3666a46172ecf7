"""Character advances measured by Qt from the fonts that paint: the layout's FontMetrics, with Qt.

The layout engine measures with static tables (layout/metrics.py: CJK one em, digits and Latin from
resources/metrics/latin-serif.json) so that line breaks never depend on which stand-in a machine has.
This implementation follows the same protocol (``advance(char, face, size, bold)``) and the same rule
for which face measures a character (CJK, “”‘’—…· and the wide symbols ℃ ① ※ → in the CJK face, the rest
in the Latin face), but reads the advances from the installed fonts: tests/render/test_qt_metrics.py
cross-checks the table against it, and a machine with the official fonts can be checked the same way.
Design metrics (no hinting) make the advances scale exactly with the size.
"""

from __future__ import annotations

from PySide6.QtGui import QRawFont

from bulletin_desk.layout.metrics import is_cjk
from bulletin_desk.layout.page import Face
from bulletin_desk.render.fonts import FontBook

_DESIGN_SIZE = 1000.0  # measure at 1000 px per em: advances read directly in thousandths of an em


class QtFontMetrics:
    """Advances (pt) of characters in the installed font of each official face."""

    def __init__(self, book: FontBook | None = None) -> None:
        self._book = book or FontBook()
        self._cache: dict[tuple[Face, bool, str], float] = {}

    def measuring_face(self, char: str, face: Face) -> Face:
        """The face whose font measures ``char`` (the DOCX sets it in the same slot)."""
        if is_cjk(char):
            return Face.FANGSONG if face is Face.LATIN else face
        return Face.LATIN

    def advance_em(self, char: str, face: Face, bold: bool = False) -> float:
        """The advance of ``char`` in em (1.0 = the font size), from the first font that has it."""
        measured_in = self.measuring_face(char, face)
        key = (measured_in, bold, char)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        value = 0.0
        for raw in self._book.chain(measured_in, _DESIGN_SIZE, bold):
            glyphs = raw.glyphIndexesForString(char)
            if len(glyphs) == 1 and glyphs[0]:
                advances = raw.advancesForGlyphIndexes(glyphs, QRawFont.LayoutFlag.UseDesignMetrics)
                value = advances[0].x() / _DESIGN_SIZE
                break
        self._cache[key] = value
        return value

    def advance(self, char: str, face: Face, size: float, bold: bool = False) -> float:
        """The advance of ``char`` in pt at ``size`` pt (layout.metrics.FontMetrics)."""
        return self.advance_em(char, face, bold) * size

    def text_width(self, text: str, face: Face, size: float, bold: bool = False) -> float:
        """The sum of the advances (no kerning: the layout places every character itself)."""
        return sum(self.advance(char, face, size, bold) for char in text)

    def family(self, face: Face) -> str:
        return self._book.report[face].family
