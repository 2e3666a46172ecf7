"""Runs with fonts in all four slots, and the paragraph properties every element shares.

Every run names its fonts explicitly (``w:ascii``, ``w:hAnsi``, ``w:eastAsia``, ``w:cs`` plus
``w:hint="eastAsia"``): a run that relies on a style or a theme looks different in Word, WPS and
LibreOffice. “ ” ‘ ’ — … · are ambiguous-width characters: with Times New Roman in the Latin slots
LibreOffice sets them narrow while Word (hint) sets them one em wide in the CJK face. Writing them in
the CJK face in all four slots makes both set them one em wide, as the preview does (measured,
official-layout.md §6).
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from bulletin_desk.export.geometry import DocxGeometry, ElementStyle, half_points, twips
from bulletin_desk.export.ooxml import el, put
from bulletin_desk.export.styles import ROLE_STYLES
from bulletin_desk.layout.page import BlockRole, Face


def font_attrs(geometry: DocxGeometry, face: Face, *, cjk_everywhere: bool = False) -> dict[str, str]:
    names = geometry.fonts[face]
    latin = names.east_asia if cjk_everywhere else names.latin
    return {"ascii": latin, "hAnsi": latin, "eastAsia": names.east_asia, "cs": latin, "hint": "eastAsia"}


def split_cjk_face(text: str, cjk_chars: str) -> Iterator[tuple[str, bool]]:
    """Cut ``text`` into (piece, wants the CJK face in every slot) pieces."""
    if not text:
        return
    start = 0
    current = text[0] in cjk_chars
    for index, char in enumerate(text):
        flag = char in cjk_chars
        if flag != current:
            yield text[start:index], current
            start, current = index, flag
    yield text[start:], current


def run_properties(geometry: DocxGeometry, style: ElementStyle, *, bold: bool | None = None,
                   cjk_everywhere: bool = False) -> etree._Element:
    rpr = el("rPr")
    put(rpr, el("rFonts", font_attrs(geometry, style.face, cjk_everywhere=cjk_everywhere)))
    is_bold = style.bold if bold is None else bold
    if is_bold:
        put(rpr, el("b"))
        put(rpr, el("bCs"))
    else:
        put(rpr, el("b", {"val": "0"}))
        put(rpr, el("bCs", {"val": "0"}))
    if style.color.upper() != "000000":
        put(rpr, el("color", {"val": style.color.upper()}))
    if style.tracking_pt:
        put(rpr, el("spacing", {"val": twips(style.tracking_pt)}))
    put(rpr, el("sz", {"val": half_points(style.size_pt)}))
    put(rpr, el("szCs", {"val": half_points(style.size_pt)}))
    put(rpr, el("lang", {"val": "en-US", "eastAsia": "zh-CN"}))
    return rpr


def text_element(text: str) -> etree._Element:
    node = el("t")
    node.text = text
    if text != text.strip() or "  " in text:
        node.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return node


def runs(geometry: DocxGeometry, style: ElementStyle, text: str, *, bold: bool | None = None) -> list[etree._Element]:
    """The runs for ``text`` in ``style``: ambiguous punctuation split off into CJK-face runs."""
    result: list[etree._Element] = []
    for piece, cjk in split_cjk_face(text, geometry.cjk_face_chars):
        run = el("r", None, run_properties(geometry, style, bold=bold, cjk_everywhere=cjk))
        run.append(text_element(piece))
        result.append(run)
    return result


def line_break_run(geometry: DocxGeometry, style: ElementStyle) -> etree._Element:
    """An explicit line break (``w:br``), carrying the line's fonts so its height matches."""
    return el("r", None, run_properties(geometry, style), el("br"))


def paragraph_properties(geometry: DocxGeometry, role: BlockRole | None, style: ElementStyle, *,
                         style_id: str | None = None) -> etree._Element:
    """pPr for one element: kinsoku, hanging, grid snapping, exact line height, indents, alignment."""
    ppr = el("pPr")
    sid = style_id or (ROLE_STYLES[role].style_id if role is not None else None)
    if sid:
        put(ppr, el("pStyle", {"val": sid}))
    if style.keep_next:
        put(ppr, el("keepNext"))
    put(ppr, el("widowControl", {"val": "1" if style.widow_control else "0"}))
    put(ppr, el("kinsoku"))
    put(ppr, el("overflowPunct", {"val": "1" if geometry.hanging_punctuation else "0"}))
    if not style.snap_to_grid:
        put(ppr, el("snapToGrid", {"val": "0"}))
    line = style.line_pt or geometry.line_pitch_pt
    put(ppr, el("spacing", {"before": twips(style.before_pt), "beforeLines": 0, "after": twips(style.after_pt),
                            "afterLines": 0, "line": twips(line), "lineRule": "exact"}))
    ind: dict[str, str | int] = {}
    if style.left_chars:
        ind.update(leftChars=round(style.left_chars * 100), left=twips(style.left_chars * style.size_pt))
    else:
        ind.update(leftChars=0, left=0)
    if style.right_chars:
        ind.update(rightChars=round(style.right_chars * 100), right=twips(style.right_chars * style.size_pt))
    else:
        ind.update(rightChars=0, right=0)
    if style.first_line_chars:
        ind.update(firstLineChars=round(style.first_line_chars * 100),
                   firstLine=twips(style.first_line_chars * style.size_pt))
    else:
        ind.update(firstLineChars=0, firstLine=0)
    put(ppr, el("ind", ind))
    put(ppr, el("jc", {"val": style.align}))
    return ppr

