"""What the DOCX writer needs, in WordprocessingML terms: run and paragraph formats, page, fonts.

The numbers come from the LayoutProfile and the engine's composed blocks (profile_adapter.py is the
one place that reads them); this module only holds them and converts units (pt → twips, half-points,
eighths of a point), so no number is typed twice.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bulletin_desk.layout.page import BlockRole, Face


def twips(pt: float) -> int:
    """1 pt = 20 twips (dxa)."""
    return round(pt * 20)


def half_points(pt: float) -> int:
    return round(pt * 2)


def eighth_points(pt: float) -> int:
    """Border widths are in eighths of a point (2 … 96)."""
    return min(96, max(2, round(pt * 8)))


@dataclass(frozen=True)
class FontNames:
    """The names written into ``w:rFonts`` for one official face."""

    east_asia: str  # e.g. 仿宋_GB2312
    latin: str  # e.g. Times New Roman (宋体 for page numbers: 半角宋体 digits)
    alt_name: str | None = None  # English family name, helps substitution (FangSong_GB2312)


@dataclass(frozen=True)
class RunFormat:
    face: Face
    size_pt: float
    bold: bool = False
    color: str = "000000"  # RRGGBB
    tracking_pt: float = 0.0  # w:spacing (−0.25 pt on 16 pt body runs)


@dataclass(frozen=True)
class ParaFormat:
    """Direct paragraph formatting; lengths in pt, ``size_pt`` turns indents into character units."""

    size_pt: float
    align: str = "both"  # w:jc: left | center | right | both
    first_line_pt: float = 0.0
    left_pt: float = 0.0
    right_pt: float = 0.0
    hanging_pt: float = 0.0  # continuation lines indented further than the first (版记 lists)
    line_pt: float = 0.0  # exact line height
    before_pt: float = 0.0
    after_pt: float = 0.0
    snap_to_grid: bool = True  # large type: False (its height is written exactly)
    keep_next: bool = False
    keep_lines: bool = False  # w:keepLines: the paragraph is never split across pages (keep-together)
    widow_control: bool = False
    page_break_before: bool = False


@dataclass(frozen=True)
class RuleStyle:
    thickness_pt: float
    color: str = "000000"
    space_pt: float = 0.0  # w:space of a paragraph border: text bottom → rule


@dataclass(frozen=True)
class ElementStyle:
    """A named style's formats (styles.xml): what an editor sees and restyles in Word."""

    run: RunFormat
    para: ParaFormat


@dataclass(frozen=True)
class DocxGeometry:
    """Page, grid, fonts, footers, line-breaking sets and per-element styles."""

    page_width_pt: float
    page_height_pt: float
    margin_top_pt: float
    margin_right_pt: float
    margin_bottom_pt: float
    margin_left_pt: float
    footer_pt: float  # page bottom → bottom of the footer line (w:pgMar/@w:footer)
    line_pitch_pt: float  # the docGrid linePitch and the body's exact line spacing
    fonts: dict[Face, FontNames]
    elements: dict[BlockRole, ElementStyle]
    page_number: ElementStyle
    page_number_dash: str = "—"
    not_line_start: str = ""  # kinsoku: may not begin a line (w:noLineBreaksBefore)
    not_line_end: str = ""  # kinsoku: may not end a line (w:noLineBreaksAfter)
    hanging_punctuation: bool = True  # w:overflowPunct
    cjk_face_chars: str = "“”‘’—…·"  # written in the CJK face in all four font slots (so are the wide symbols)
    header_pt: float = 42.55  # 15 mm: unused (no headers) but Word wants a value
    extra: dict[str, object] = field(default_factory=dict)

    @property
    def body_width_pt(self) -> float:
        return self.page_width_pt - self.margin_left_pt - self.margin_right_pt

    @property
    def body_height_pt(self) -> float:
        return self.page_height_pt - self.margin_top_pt - self.margin_bottom_pt

    def element(self, role: BlockRole) -> ElementStyle:
        return self.elements.get(role) or self.elements[BlockRole.BODY]
