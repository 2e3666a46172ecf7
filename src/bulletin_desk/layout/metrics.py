"""Character widths for layout, and the character classes line breaking needs.

Why a static table: line breaks must not change with the fonts installed on a machine, or the CLI,
the preview and the DOCX would disagree. CJK characters and full-width punctuation (including
“ ” ‘ ’ — … ·, which the DOCX sets in the CJK face) take exactly one em; digits and Latin letters
take Times New Roman's advances, shipped as resources/metrics/latin-serif.json (Liberation Serif is
its metric twin). render/ implements the same protocol with Qt and cross-checks this table.
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


def is_cjk(char: str) -> bool:
    """Set one em wide in the CJK face: ideographs, kana, full-width forms, CJK punctuation, “”‘’—…·."""
    if char in CJK_FACE_CHARS:
        return True
    code = ord(char)
    return (0x2E80 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF or 0xFE10 <= code <= 0xFE6F
            or 0xFF00 <= code <= 0xFF60 or 0xFFE0 <= code <= 0xFFE6 or 0x20000 <= code <= 0x3FFFF
            or 0xAC00 <= code <= 0xD7AF)


def is_ideograph(char: str) -> bool:
    """A CJK letter (not punctuation): the side of a boundary that gets the ¼-em-ish gap to Latin."""
    if not is_cjk(char) or char in CJK_FACE_CHARS:
        return False
    return unicodedata.category(char).startswith(("L", "N"))


def is_latin_alnum(char: str) -> bool:
    """Digits and letters set in the Latin face (half-width): they form unbreakable words."""
    return not is_cjk(char) and (char.isalnum())


_CLASSES: dict[str, tuple[bool, bool, bool, bool]] = {}


def char_class(char: str) -> tuple[bool, bool, bool, bool]:
    """(CJK, ideograph, Latin letter/digit, set in the CJK face by the DOCX), memoised: layout asks per character."""
    found = _CLASSES.get(char)
    if found is None:
        found = (is_cjk(char), is_ideograph(char), is_latin_alnum(char), char in CJK_FACE_CHARS)
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
