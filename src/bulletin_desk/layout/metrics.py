"""Character widths for layout, and the character classes line breaking needs.

Why a static table: line breaks must not change with the fonts installed on a machine, or the CLI,
the preview and the DOCX would disagree. CJK characters and full-width punctuation (including
“ ” ‘ ’ — … ·, which the DOCX sets in the CJK face) take exactly one em; so do the wide symbols
(℃ ①②③ ※ → Ⅱ № ≤ ★ …, see is_wide_symbol), set in the CJK face too; digits and Latin letters take
Times New Roman's advances, shipped as resources/metrics/latin-serif.json (Liberation Serif is its
metric twin). render/ implements the same protocol with Qt and cross-checks this table.
"""

from __future__ import annotations

import json
import unicodedata
from functools import lru_cache
from typing import Protocol

from bulletin_desk.layout.page import Face

# Ambiguous-width marks the DOCX writes in the CJK face (all four font slots): one em wide.
CJK_FACE_CHARS = "“”‘’—…·"


class FontMetrics(Protocol):
    """Advance width of one character, in pt, before letter spacing."""

    def advance(self, char: str, face: Face, size: float, bold: bool) -> float: ...


def _cjk_block(code: int) -> bool:
    return (0x2E80 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF or 0xFE10 <= code <= 0xFE6F
            or 0xFF00 <= code <= 0xFF60 or 0xFFE0 <= code <= 0xFFE6 or 0x20000 <= code <= 0x3FFFF
            or 0xAC00 <= code <= 0xD7AF)


def is_cjk(char: str) -> bool:
    """Set one em wide in the CJK face: ideographs, kana, full-width forms, CJK punctuation, “”‘’—…·,
    and the wide symbols (℃ ① ※ → Ⅱ № …)."""
    if char in CJK_FACE_CHARS:
        return True
    code = ord(char)
    return _cjk_block(code) or (code >= 0xA0 and is_wide_symbol(char))


@lru_cache(maxsize=2048)
def is_wide_symbol(char: str) -> bool:
    """A symbol outside the CJK blocks that is set in the CJK face, one em wide (℃ ①②③ ※ → Ⅱ № ≤ ★ ◆).

    Why: such characters (East Asian width W, F or A) are not in the Latin table — Liberation Serif
    and Times New Roman lack most of them — so they were measured as a half-em Latin letter but painted
    with a CJK fallback glyph one em wide, over the next character. GB2312 fonts (仿宋_GB2312) and the
    CJK stand-ins set them one em wide, and the DOCX writes them in the CJK face in all four font slots
    (like “ ” ‘ ’ — … ·) so LibreOffice and Word do too. The Latin-1 signs Times sets itself (° ± × ÷ §)
    and the marks in the table (– ‰ € ™ • ′ ″) stay Latin; so do letters (Greek, Cyrillic, pinyin
    with tones), which CJK stand-ins set proportionally.
    """
    if char in CJK_FACE_CHARS or char in _latin_table()["regular"] or _cjk_block(ord(char)):  # type: ignore[operator]
        return False  # “ ” ‘ ’ — … · have rules of their own (measured), the rest is Latin or CJK proper
    if unicodedata.east_asian_width(char) not in ("W", "F", "A"):
        return False
    return not unicodedata.category(char).startswith(("L", "M", "Z", "C"))


def sets_in_cjk_face(char: str) -> bool:
    """Outside the CJK blocks but set in the CJK face by the DOCX (a run of its own, the CJK face in all
    four font slots): “ ” ‘ ’ — … · and the wide symbols."""
    return char in CJK_FACE_CHARS or is_wide_symbol(char)


def is_ideograph(char: str) -> bool:
    """A CJK letter (not punctuation): the side of a boundary that gets the ¼-em-ish gap to Latin."""
    if not is_cjk(char) or sets_in_cjk_face(char):
        return False
    return unicodedata.category(char).startswith(("L", "N"))


def is_latin_alnum(char: str) -> bool:
    """Digits and letters set in the Latin face (half-width): they form unbreakable words."""
    return not is_cjk(char) and (char.isalnum())


CharClass = tuple[bool, bool, bool, bool, bool, bool]
_CLASSES: dict[str, CharClass] = {}


def char_class(char: str) -> CharClass:
    """(CJK, ideograph, Latin letter/digit, set in the CJK face by the DOCX, wide symbol, numeric wide symbol
    such as ① Ⅱ), memoised: layout asks per character."""
    found = _CLASSES.get(char)
    if found is None:
        wide = is_wide_symbol(char)
        found = (is_cjk(char), is_ideograph(char), is_latin_alnum(char), sets_in_cjk_face(char), wide,
                 wide and unicodedata.category(char).startswith("N"))
        _CLASSES[char] = found
    return found


@lru_cache(maxsize=1)
def _latin_table() -> dict[str, object]:
    from bulletin_desk.paths import resources_dir

    path = resources_dir() / "metrics" / "latin-serif.json"
    return json.loads(path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


class StaticMetrics:
    """The FontMetrics of the shipped tables: the same widths on every machine."""

    def __init__(self) -> None:
        table = _latin_table()
        units = float(table["units_per_em"])  # type: ignore[arg-type]
        self._regular = {k: v / units for k, v in table["regular"].items()}  # type: ignore[union-attr]
        self._bold = {k: v / units for k, v in table["bold"].items()}  # type: ignore[union-attr]
        self._cache: dict[tuple[str, bool], float] = {}

    def em(self, char: str, bold: bool = False) -> float:
        """Advance in em."""
        key = (char, bold)
        found = self._cache.get(key)
        if found is None:
            found = self._cache[key] = self._em(char, bold)
        return found

    def _em(self, char: str, bold: bool) -> float:
        if is_cjk(char):
            return 1.0
        table = self._bold if bold else self._regular
        width = table.get(char)
        if width is None:
            if unicodedata.east_asian_width(char) in ("W", "F"):
                return 1.0
            width = table.get("n", 0.5)  # an unknown Latin-like character: a typical lower-case width
        return width

    def advance(self, char: str, face: Face, size: float, bold: bool) -> float:
        found = self._cache.get((char, bold))
        if found is None:
            found = self.em(char, bold)
        return found * size


@lru_cache(maxsize=1)
def default_metrics() -> StaticMetrics:
    """The shared StaticMetrics (its memo of widths grows with the characters seen)."""
    return StaticMetrics()
