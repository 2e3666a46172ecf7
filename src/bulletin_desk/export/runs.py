"""Runs with fonts in all four slots, and paragraph properties, in schema order.

Every run names its fonts explicitly (``w:ascii``, ``w:hAnsi``, ``w:eastAsia``, ``w:cs`` plus
``w:hint="eastAsia"``): a run that relies on a style or a theme looks different in Word, WPS and
LibreOffice. “ ” ‘ ’ — … · are ambiguous-width characters: with Times New Roman in the Latin slots
LibreOffice sets them narrow while Word (hint) sets them one em wide in the CJK face. Writing them in
the CJK face in all four slots makes both set them one em wide, as the preview does (measured,
official-layout.md §6). The wide symbols (℃ ①②③ ※ → Ⅱ №, layout.metrics.is_wide_symbol) go the
same way: the Latin font lacks most of them, and the layout gives them the CJK face and one em.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator

from lxml import etree

from bulletin_desk.export.geometry import DocxGeometry, ParaFormat, RunFormat, half_points, twips
from bulletin_desk.export.ooxml import el, put
from bulletin_desk.layout.metrics import is_wide_symbol
from bulletin_desk.layout.page import Face


def font_attrs(geometry: DocxGeometry, face: Face, *, cjk_everywhere: bool = False) -> dict[str, str]:
    names = geometry.fonts[face]
    latin = names.east_asia if cjk_everywhere else names.latin
    return {"ascii": latin, "hAnsi": latin, "eastAsia": names.east_asia, "cs": latin, "hint": "eastAsia"}


def split_cjk_face(text: str, cjk_chars: str) -> Iterator[tuple[str, bool]]:
    """Cut ``text`` into (piece, wants the CJK face in every slot) pieces: ``cjk_chars`` and the wide
    symbols, as the layout sets them."""
    start = 0
    wants = [char in cjk_chars or is_wide_symbol(char) for char in text]
    for index in range(1, len(text) + 1):
        if index == len(text) or wants[index] != wants[start]:
            yield text[start:index], wants[start]
            start = index


_RPR_CACHE: dict[tuple[int, RunFormat, bool], tuple[DocxGeometry, etree._Element]] = {}


def run_properties(geometry: DocxGeometry, fmt: RunFormat, *, cjk_everywhere: bool = False) -> etree._Element:
    """rPr for ``fmt`` (built once per format, then copied: a 12-page issue has thousands of runs)."""
    key = (id(geometry), fmt, cjk_everywhere)
    cached = _RPR_CACHE.get(key)
    if cached is None or cached[0] is not geometry:  # an id can be reused by a new geometry
        if len(_RPR_CACHE) > 512:
            _RPR_CACHE.clear()
        cached = (geometry, _build_run_properties(geometry, fmt, cjk_everywhere))
        _RPR_CACHE[key] = cached
    return copy.deepcopy(cached[1])


def _build_run_properties(geometry: DocxGeometry, fmt: RunFormat, cjk_everywhere: bool) -> etree._Element:
    rpr = el("rPr")
    put(rpr, el("rFonts", font_attrs(geometry, fmt.face, cjk_everywhere=cjk_everywhere)))
    if fmt.bold:
        put(rpr, el("b"))
        put(rpr, el("bCs"))
    else:
        put(rpr, el("b", {"val": "0"}))
        put(rpr, el("bCs", {"val": "0"}))
    put(rpr, el("color", {"val": fmt.color.upper()}))
    if fmt.tracking_pt:
        put(rpr, el("spacing", {"val": twips(fmt.tracking_pt)}))
    put(rpr, el("sz", {"val": half_points(fmt.size_pt)}))
    put(rpr, el("szCs", {"val": half_points(fmt.size_pt)}))
    put(rpr, el("lang", {"val": "en-US", "eastAsia": "zh-CN"}))
    return rpr


def text_element(text: str) -> etree._Element:
    node = el("t")
    node.text = text
    if text != text.strip() or "  " in text:
        node.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return node


def runs(geometry: DocxGeometry, fmt: RunFormat, text: str) -> list[etree._Element]:
    """The runs for ``text``: ambiguous punctuation split off into CJK-face runs; ``\\t`` → ``w:tab``."""
    result: list[etree._Element] = []
    for index, chunk in enumerate(text.split("\t")):
        if index:
            result.append(el("r", None, run_properties(geometry, fmt), el("tab")))
        if not chunk:
            continue
        all_cjk = fmt.face is Face.SONGTI  # 页码: 半角宋体 digits, the face in every slot
        for piece, cjk in split_cjk_face(chunk, geometry.cjk_face_chars):
            run = el("r", None, run_properties(geometry, fmt, cjk_everywhere=cjk or all_cjk))
            run.append(text_element(piece))
            result.append(run)
    return result


def break_run(geometry: DocxGeometry, fmt: RunFormat) -> etree._Element:
    """An explicit line break (``w:br``), carrying the line's fonts so its height matches."""
    return el("r", None, run_properties(geometry, fmt), el("br"))


def paragraph_properties(geometry: DocxGeometry, fmt: ParaFormat, *, style_id: str | None = None) -> etree._Element:
    """pPr: kinsoku, hanging punctuation, grid snapping, exact line height, indents, alignment."""
    ppr = el("pPr")
    if style_id:
        put(ppr, el("pStyle", {"val": style_id}))
    if fmt.keep_next:
        put(ppr, el("keepNext"))
    if fmt.keep_lines:
        put(ppr, el("keepLines"))
    if fmt.page_break_before:
        put(ppr, el("pageBreakBefore"))
    put(ppr, el("widowControl", {"val": "1" if fmt.widow_control else "0"}))
    put(ppr, el("kinsoku"))
    if not geometry.hanging_punctuation:
        # Hanging is Word's default; an explicit w:overflowPunct="1" makes LibreOffice 7.4 break
        # differently from the same file without it (measured), so it is written only to turn hanging off.
        put(ppr, el("overflowPunct", {"val": "0"}))
    if not fmt.snap_to_grid:
        put(ppr, el("snapToGrid", {"val": "0"}))
    line = fmt.line_pt or geometry.line_pitch_pt
    put(ppr, el("spacing", {"before": twips(fmt.before_pt), "beforeLines": 0, "beforeAutospacing": 0,
                            "after": twips(fmt.after_pt), "afterLines": 0, "afterAutospacing": 0,
                            "line": twips(line), "lineRule": "exact"}))
    size = fmt.size_pt
    ind: dict[str, str | int] = {
        "left": twips(fmt.left_pt + fmt.hanging_pt), "leftChars": round((fmt.left_pt + fmt.hanging_pt) / size * 100),
        "right": twips(fmt.right_pt), "rightChars": round(fmt.right_pt / size * 100)}
    if fmt.hanging_pt:
        ind.update(hanging=twips(fmt.hanging_pt), hangingChars=round(fmt.hanging_pt / size * 100))
    else:
        ind.update(firstLine=twips(fmt.first_line_pt), firstLineChars=round(fmt.first_line_pt / size * 100))
    put(ppr, el("ind", ind))
    put(ppr, el("jc", {"val": fmt.align}))
    return ppr
