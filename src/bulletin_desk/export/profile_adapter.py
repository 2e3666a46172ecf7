"""The one place that reads the LayoutProfile (and runs the engine) for the DOCX writer.

Every number of the DOCX comes through here from resources/layouts/*.toml and
resources/fonts/substitutes.toml: page and margins, the grid pitch, sizes, faces, colours, rules,
kinsoku sets, the page-number position. A renamed profile key breaks here, loudly, and nowhere else.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache

from bulletin_desk.export.geometry import DocxGeometry, ElementStyle, FontNames, ParaFormat, RunFormat
from bulletin_desk.layout.compose import GRID_ROLES
from bulletin_desk.layout.page import BlockRole, Face, PageLayout
from bulletin_desk.layout.profile import MM, LayoutProfile, load_profile
from bulletin_desk.model import Issue

_ALIGN = {"left": "left", "center": "center", "right": "right", "justify": "both"}
_KEEP_NEXT = {BlockRole.SECTION, BlockRole.TITLE, BlockRole.H1, BlockRole.H2, BlockRole.H3, BlockRole.H4}


def load_default_profile() -> LayoutProfile:
    return load_profile()


@lru_cache(maxsize=1)
def font_names() -> dict[Face, FontNames]:
    """Official face names (what an office PC has installed) from resources/fonts/substitutes.toml."""
    from bulletin_desk.paths import resources_dir

    table = tomllib.loads((resources_dir() / "fonts" / "substitutes.toml").read_text(encoding="utf-8"))["faces"]
    latin = table["latin"]["official"][0]
    names: dict[Face, FontNames] = {}
    for face in Face:
        official = table[face.value]["official"]
        alt = table[face.value].get("docx_alt") or next((n for n in official[1:] if n.isascii()), None)
        names[face] = FontNames(east_asia=official[0], latin=official[0] if face is Face.SONGTI else latin,
                                alt_name=alt)
    return names


def hex_color(value: str) -> str:
    return value.lstrip("#").upper()


def element_style(profile: LayoutProfile, role: BlockRole) -> ElementStyle:
    """A role's named style: the profile's element, with the DOCX's exact grid-line heights."""
    spec = profile.role_element(role)
    pitch = profile.pitch
    body_size = abs(spec.size_pt - profile.grid.body_size_pt) < 0.01
    run = RunFormat(spec.face, spec.size_pt, spec.bold, hex_color(profile.color(spec.color)),
                    profile.grid.tracking_pt if body_size else 0.0)
    para = ParaFormat(
        size_pt=spec.size_pt, align=_ALIGN[spec.align], first_line_pt=spec.first_line_chars * spec.size_pt,
        left_pt=spec.left_chars * spec.size_pt, right_pt=spec.right_chars * spec.size_pt,
        line_pt=spec.line_pt or (spec.block_lines * pitch if spec.block_lines else pitch),
        before_pt=spec.before_lines * pitch, after_pt=spec.after_lines * pitch,
        snap_to_grid=role in GRID_ROLES and not spec.line_pt, keep_next=role in _KEEP_NEXT)
    return ElementStyle(run, para)


def geometry_from_profile(profile: LayoutProfile) -> DocxGeometry:
    page = profile.page
    number = profile.element("page_number")
    # The page number: the em dash's stroke lies dash_below_body_mm under the 版心 (GB/T 9704 §7.5).
    # Its line is exactly one em high, and LibreOffice puts the baseline of a line of exact height
    # exact_ascent of it below the line's top (measured; no grid inset: the footer is not in the type
    # area). The centred em box (baseline_em) put the number 2.14 pt above the engine's.
    baseline = profile.bottom + number.dash_below_body_mm * MM + number.dash_height_em * number.size_pt
    line_top = baseline - profile.exact_baseline(number.size_pt)
    footer_pt = profile.page_height - (line_top + number.size_pt)
    number_style = ElementStyle(
        RunFormat(number.face, number.size_pt),
        ParaFormat(number.size_pt, align="right", line_pt=number.size_pt, snap_to_grid=False))
    return DocxGeometry(
        page_width_pt=profile.page_width, page_height_pt=profile.page_height,
        margin_top_pt=page.margin_top_mm * MM, margin_right_pt=page.margin_right_mm * MM,
        margin_bottom_pt=page.margin_bottom_mm * MM, margin_left_pt=page.margin_left_mm * MM,
        footer_pt=footer_pt, line_pitch_pt=profile.pitch, fonts=font_names(),
        elements={role: element_style(profile, role) for role in BlockRole if role is not BlockRole.PAGE_NUMBER},
        page_number=number_style, page_number_dash=number.dash,
        not_line_start=profile.breaking.not_line_start, not_line_end=profile.breaking.not_line_end,
        hanging_punctuation=profile.breaking.hanging_punctuation,
        extra={"page_number_inset_pt": number.inset_chars * number.size_pt},
    )


def engine_layout(issue: Issue, profile: LayoutProfile | None) -> PageLayout | None:
    if profile is None:
        return None
    from bulletin_desk.layout.engine import layout_issue

    return layout_issue(issue, profile)

