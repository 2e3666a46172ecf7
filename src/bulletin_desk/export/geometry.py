"""What the DOCX writer needs from the LayoutProfile, in WordprocessingML units.

The profile (resources/layouts/*.toml, read by layout/) is the single source of every number; this
module only converts (pt → twips, half-points, eighths of a point) and names things the way
WordprocessingML does. `geometry_from_profile` is the one place that reads the profile, so a renamed
profile key breaks here, loudly, and nowhere else.
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
    """Border widths are in eighths of a point."""
    return max(2, round(pt * 8))


@dataclass(frozen=True)
class FontNames:
    """The names written into ``w:rFonts`` for one official face."""

    east_asia: str  # e.g. 仿宋_GB2312
    latin: str  # e.g. Times New Roman
    alt_name: str | None = None  # English family name, helps substitution (FangSong_GB2312)


@dataclass(frozen=True)
class ElementStyle:
    """One element's paragraph and character properties (a named style in styles.xml)."""

    face: Face
    size_pt: float
    bold: bool = False
    color: str = "000000"  # RRGGBB
    align: str = "both"  # w:jc: left | center | right | both
    line_pt: float = 0.0  # exact line height (0: the body pitch)
    before_pt: float = 0.0
    after_pt: float = 0.0
    first_line_chars: float = 0.0  # indents in characters of this element's size
    left_chars: float = 0.0
    right_chars: float = 0.0
    tracking_pt: float = 0.0  # w:spacing on runs (−0.25 pt on 3号 body text)
    snap_to_grid: bool = True  # large type: False (its line height is written exactly)
    keep_next: bool = False
    widow_control: bool = False


@dataclass(frozen=True)
class RuleStyle:
    thickness_pt: float
    color: str = "000000"
    gap_pt: float = 0.0  # distance between the text and the rule (w:space, pt)


@dataclass(frozen=True)
class DocxGeometry:
    """Page, grid, element styles, rules and line-breaking sets, as the DOCX writer uses them."""

    page_width_pt: float
    page_height_pt: float
    margin_top_pt: float
    margin_right_pt: float
    margin_bottom_pt: float
    margin_left_pt: float
    header_pt: float
    footer_pt: float
    line_pitch_pt: float  # the docGrid linePitch and the body's exact line spacing
    fonts: dict[Face, FontNames]
    elements: dict[BlockRole, ElementStyle]
    red_rule: RuleStyle
    imprint_thick: RuleStyle
    imprint_thin: RuleStyle
    page_number_inset_chars: float = 1.0  # odd pages right, even pages left, 空一字
    page_number_dash: str = "—"
    not_line_start: str = ""  # kinsoku: may not begin a line (w:noLineBreaksBefore)
    not_line_end: str = ""  # kinsoku: may not end a line (w:noLineBreaksAfter)
    hanging_punctuation: bool = True  # w:overflowPunct
    cjk_face_chars: str = "“”‘’—…·"  # written in the CJK face in all four font slots
    extra: dict[str, object] = field(default_factory=dict)

    @property
    def body_width_pt(self) -> float:
        return self.page_width_pt - self.margin_left_pt - self.margin_right_pt

    @property
    def body_height_pt(self) -> float:
        return self.page_height_pt - self.margin_top_pt - self.margin_bottom_pt

    def element(self, role: BlockRole) -> ElementStyle:
        return self.elements.get(role) or self.elements[BlockRole.BODY]
