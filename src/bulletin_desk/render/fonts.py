"""Official faces → installed fonts, for the screen, the PDF and the printer.

The official faces (仿宋_GB2312, 方正小标宋简体, …) are commercial and usually absent; each face has an
ordered list of official names and of open stand-ins in resources/fonts/substitutes.toml (the same
table the LibreOffice fidelity tests turn into fontconfig aliases). Resolution picks the first installed
name and records what was chosen in a `FontReport`, which the GUI status bar shows ("仿宋：替代字体
Noto Serif CJK SC"), so an editor knows before printing whether the office fonts are there.

Only painting depends on the result: the layout engine measures with its own static tables, so line
and page breaks never change with the stand-in (official-layout.md §6).

The editor may pick the stand-in per face (设置 → 字体). The GUI passes that choice in as a plain
mapping (face value → family, `set_font_overrides`); render never reads GUI settings. An installed
official face still wins over any choice, and a chosen family that is no longer installed falls back
to the table's order with a note in the report, never an error: fonts come and go with the machine.

`FontBook` hands out QRawFonts per (face, size, bold) and finds a fallback font for a character the
chosen font lacks (e.g. a rare ideograph missing from a 楷体 stand-in), so nothing prints as tofu.
"""

from __future__ import annotations

import threading
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase, QRawFont

from bulletin_desk.catalogue import Message
from bulletin_desk.layout.page import Face
from bulletin_desk.paths import resources_dir
from bulletin_desk.render.qt_app import ensure_gui_app

_WEIGHTS = {
    "normal": QFont.Weight.Normal,
    "medium": QFont.Weight.Medium,
    "bold": QFont.Weight.Bold,
    "black": QFont.Weight.Black,
}


@dataclass(frozen=True)
class FaceSpec:
    """One row of substitutes.toml."""

    face: Face
    label_zh: str
    official: tuple[str, ...]
    substitutes: tuple[str, ...]
    weight: str = "normal"


@dataclass(frozen=True)
class FaceResolution:
    """What one official face resolved to on this machine."""

    face: Face
    label_zh: str
    family: str  # the installed family used; "" when neither an official face nor a stand-in exists
    official: bool  # True when ``family`` is one of the official names
    official_names: tuple[str, ...]
    weight: str = "normal"
    chosen: bool = False  # ``family`` is the editor's choice (设置), not the table's first installed stand-in
    unavailable_choice: str = ""  # a family chosen in 设置 that is not installed (any more): 自动 used instead
    auto_family: str = ""  # what 自动 picks here: the official face or the table's first installed stand-in

    @property
    def missing(self) -> bool:
        return not self.family

    def message(self) -> Message:
        """A message code for the GUI/CLI: official face found, stand-in used (chosen or automatic), a
        chosen stand-in that is gone, or nothing usable."""
        if self.missing:
            return Message("render.font.missing", {"face": self.label_zh, "official": self.official_names[0]})
        if self.official:
            return Message("render.font.official", {"face": self.label_zh, "family": self.family})
        if self.unavailable_choice:
            return Message("render.font.choice_missing", {"face": self.label_zh, "choice": self.unavailable_choice,
                                                          "family": self.family})
        code = "render.font.chosen" if self.chosen else "render.font.substitute"
        return Message(code, {"face": self.label_zh, "official": self.official_names[0], "family": self.family})


@dataclass(frozen=True)
class FontReport:
    """Per official face: the font that paints it here. Shown by the GUI status bar and `render`."""

    faces: tuple[FaceResolution, ...] = field(default_factory=tuple)

    def __getitem__(self, face: Face) -> FaceResolution:
        for item in self.faces:
            if item.face == face:
                return item
        raise KeyError(face)

    @property
    def all_official(self) -> bool:
        return all(item.official for item in self.faces)

    @property
    def substituted(self) -> tuple[FaceResolution, ...]:
        return tuple(item for item in self.faces if not item.official)

    def messages(self) -> list[Message]:
        return [item.message() for item in self.faces]


def load_face_specs(path: Path | None = None) -> tuple[FaceSpec, ...]:
    """Read substitutes.toml (the one table of faces and stand-ins)."""
    table_path = path or resources_dir() / "fonts" / "substitutes.toml"
    with table_path.open("rb") as handle:
        data = tomllib.load(handle)
    specs = []
    for key, row in data.get("faces", {}).items():
        specs.append(FaceSpec(
            face=Face(key),
            label_zh=str(row.get("label_zh", key)),
            official=tuple(row.get("official", ())),
            substitutes=tuple(row.get("substitutes", ())),
            weight=str(row.get("weight", "normal")),
        ))
    return tuple(specs)


def _installed_families() -> dict[str, str]:
    """casefolded family name → the name QFontDatabase knows it by."""
    ensure_gui_app()
    return {name.casefold(): name for name in QFontDatabase.families()}


def resolve_faces(specs: tuple[FaceSpec, ...] | None = None,
                  installed: set[str] | None = None,
                  overrides: Mapping[str, str] | None = None) -> FontReport:
    """Resolve every face to the first installed official name, else the editor's chosen stand-in
    (``overrides``: face value → family), else the first installed stand-in of the table.

    ``installed`` (family names) replaces the font database, for tests and for "what if" reports.
    """
    specs = specs if specs is not None else load_face_specs()
    if installed is None:
        known = _installed_families()
    else:
        known = {name.casefold(): name for name in installed}
    choices = {str(key): value for key, value in (overrides or {}).items() if value}
    resolved = []
    for spec in specs:
        family, official = "", False
        for name in spec.official:
            if name.casefold() in known:
                family, official = known[name.casefold()], True
                break
        if not family:
            for name in spec.substitutes:
                if name.casefold() in known:
                    family = known[name.casefold()]
                    break
        auto, chosen, unavailable = family, False, ""
        choice = choices.get(spec.face.value, "")
        if choice and not official:
            if choice.casefold() in known:
                family, chosen = known[choice.casefold()], True
            else:
                unavailable = choice
        resolved.append(FaceResolution(spec.face, spec.label_zh, family, official,
                                       spec.official or (spec.label_zh,), spec.weight,
                                       chosen=chosen, unavailable_choice=unavailable, auto_family=auto))
    return FontReport(tuple(resolved))


_overrides_lock = threading.Lock()
_overrides: tuple[tuple[str, str], ...] = ()  # the editor's stand-in choices, sorted (face value, family)
_generation = 0  # bumped on every change, so per-thread FontBooks know to rebuild


def set_font_overrides(overrides: Mapping[str, str] | None) -> bool:
    """Use the editor's stand-ins (face value → family; "" or absent = 自动) from now on.

    Called by the GUI from its settings: render holds the mapping, not the settings. Returns True
    when the choice changed, so the caller knows to repaint.
    """
    global _overrides, _generation
    new = tuple(sorted((str(key), value) for key, value in (overrides or {}).items() if value))
    with _overrides_lock:
        if new == _overrides:
            return False
        _overrides = new
        _generation += 1
    return True


def font_overrides() -> dict[str, str]:
    """The stand-in choices in force (face value → family)."""
    return dict(_overrides)


def font_generation() -> int:
    """A counter that changes whenever the stand-in choices do (painter.shared_font_book checks it)."""
    return _generation


@lru_cache(maxsize=8)
def _report_for(overrides: tuple[tuple[str, str], ...]) -> FontReport:
    return resolve_faces(overrides=dict(overrides))


def font_report() -> FontReport:
    """The report for this machine with the choices in force (cached per choice: fonts are not
    installed while the app runs)."""
    return _report_for(_overrides)


def cjk_families() -> list[str]:
    """Installed families that write Simplified Chinese, for the 设置 choice (vertical "@" faces left out)."""
    ensure_gui_app()
    return sorted({name for name in QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
                   if not name.startswith("@")}, key=str.casefold)


def face_weight(resolution: FaceResolution, bold: bool) -> int:
    """The QFont weight to ask for.

    substitutes.toml's ``weight`` makes a stand-in look like the official face (Noto Serif CJK at its
    heaviest for 方正小标宋, which is a heavy design at Regular); the official face itself is always
    asked for at Regular, or Qt would embolden 方正小标宋 a second time.
    """
    base = int(QFont.Weight.Normal) if resolution.official else int(_WEIGHTS.get(resolution.weight,
                                                                                   QFont.Weight.Normal))
    return max(base, int(QFont.Weight.Bold)) if bold else base


class FontBook:
    """QRawFonts per (face, size, bold), with per-character fallback; one per painting session or cached.

    Synthetic bold: a face without a bold style (仿宋_GB2312, AR PL UKai) is asked for weight 700 and
    Qt emboldens it, as Word and LibreOffice do; in PDF Qt draws the emboldening pass as a second,
    ActualText-empty copy, so copied text is not doubled.
    """

    def __init__(self, report: FontReport | None = None) -> None:
        ensure_gui_app()
        self.report = report or font_report()
        self._raw: dict[tuple[str, float, int], QRawFont] = {}
        self._chain: dict[tuple[Face, float, bool], tuple[QRawFont, ...]] = {}

    def _raw_font(self, family: str, size: float, weight: int) -> QRawFont:
        key = (family, size, weight)
        raw = self._raw.get(key)
        if raw is None:
            font = QFont(family)
            font.setPixelSize(1)  # replaced below; QFont wants an int pixel size, QRawFont takes reals
            font.setWeight(QFont.Weight(weight))
            font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
            raw = QRawFont.fromFont(font)
            raw.setPixelSize(size)
            self._raw[key] = raw
        return raw

    def chain(self, face: Face, size: float, bold: bool = False) -> tuple[QRawFont, ...]:
        """The face's font first, then fallbacks for characters it lacks."""
        key = (face, size, bold)
        found = self._chain.get(key)
        if found is not None:
            return found
        resolution = self.report[face]
        weight = face_weight(resolution, bold)
        families: list[str] = []
        if resolution.family:
            families.append(resolution.family)
        # Fallbacks: every other resolved family (CJK stand-ins cover ideographs, Latin covers letters).
        for other in self.report.faces:
            if other.family and other.family not in families:
                families.append(other.family)
        fonts = tuple(raw for raw in (self._raw_font(f, size, weight) for f in families) if raw.isValid())
        if not fonts:
            default = QFont()
            default.setPixelSize(max(1, round(size)))
            fonts = (QRawFont.fromFont(default),)
        self._chain[key] = fonts
        return fonts

    def twin_resolver(self, typed_text: str) -> Callable[[str], str | None]:
        """For PDF ToUnicode repair: a character that was never typed → the typed character drawn with
        the same glyph in one of this book's fonts (⽉ → 月, ⺠ → 民), else None.

        Qt names each glyph by one of the code points that reach it, not necessarily the typed one;
        the fonts used for painting know which pairs share a glyph, so no table of radicals is needed.
        """
        typed = {char for char in typed_text if not char.isspace()}
        fonts: dict[tuple[str, int], QRawFont] = {}
        for (family, _size, weight), raw in self._raw.items():
            fonts.setdefault((family, weight), raw)
        glyph_maps: list[tuple[QRawFont, dict[int, str]]] = []
        ordered = sorted(typed)
        for raw in fonts.values():
            by_glyph: dict[int, str] = {}
            for char in ordered:
                found = raw.glyphIndexesForString(char)
                if len(found) == 1 and found[0]:
                    by_glyph.setdefault(found[0], char)
            glyph_maps.append((raw, by_glyph))

        def resolve(char: str) -> str | None:
            if char in typed or len(char) != 1:
                return None
            for raw, by_glyph in glyph_maps:
                found = raw.glyphIndexesForString(char)
                if len(found) == 1 and found[0] in by_glyph:
                    return by_glyph[found[0]]
            return None

        return resolve
