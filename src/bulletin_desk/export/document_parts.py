"""settings.xml, styles.xml, footers and section properties, built from the geometry.

Choices that make Word, WPS and LibreOffice lay the issue out like the preview:
compatibilityMode 15 (no 兼容模式 banner), zh-CN everywhere, no theme fonts (WPS's "missing font"
prompt), the engine's kinsoku sets, no punctuation compression (LibreOffice does none, so the preview
does none), odd/even footers, a ``lines`` grid with the profile's pitch — never ``linesAndChars`` with a
negative charSpace, which LibreOffice sets at 14 字 a line.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Literal

from lxml import etree

from bulletin_desk.export.geometry import DocxGeometry, ElementStyle, ParaFormat, RunFormat, half_points, twips
from bulletin_desk.export.ooxml import NSMAP, el, put, to_xml_bytes, w
from bulletin_desk.export.runs import font_attrs, paragraph_properties, run_properties, runs
from bulletin_desk.export.styles import IMPRINT_PAD, NORMAL, ROLE_STYLES
from bulletin_desk.layout.page import BlockRole, Face

WORD_URI = "http://schemas.microsoft.com/office/word"


def settings_xml(geometry: DocxGeometry) -> bytes:
    root = etree.Element(w("settings"), nsmap=NSMAP)
    put(root, el("zoom", {"percent": 100}))
    put(root, el("defaultTabStop", {"val": twips(geometry.element(BlockRole.BODY).run.size_pt * 2)}))
    put(root, el("evenAndOddHeaders"))
    put(root, el("characterSpacingControl", {"val": "doNotCompress"}))
    if geometry.not_line_end:
        put(root, el("noLineBreaksAfter", {"lang": "zh-CN", "val": geometry.not_line_end}))
    if geometry.not_line_start:
        put(root, el("noLineBreaksBefore", {"lang": "zh-CN", "val": geometry.not_line_start}))
    compat = el("compat")
    for name, value in (("compatibilityMode", "15"), ("overrideTableStyleFontSizeAndJustification", "1"),
                        ("enableOpenTypeFeatures", "1"), ("doNotFlipMirrorIndents", "1"),
                        ("differentiateMultirowTableHeaders", "1")):
        compat.append(el("compatSetting", {"name": name, "uri": WORD_URI, "val": value}))
    put(root, compat)
    put(root, el("themeFontLang", {"val": "en-US", "eastAsia": "zh-CN"}))
    put(root, el("decimalSymbol", {"val": "."}))
    put(root, el("listSeparator", {"val": ","}))
    return to_xml_bytes(root)


def _paragraph_style(geometry: DocxGeometry, style_id: str, name: str, element: ElementStyle, *,
                     default: bool = False, based_on: str | None = NORMAL.style_id,
                     next_id: str | None = None) -> etree._Element:
    node = el("style", {"type": "paragraph", "styleId": style_id, **({"default": "1"} if default else {})})
    node.append(el("name", {"val": name}))
    if based_on and based_on != style_id:
        node.append(el("basedOn", {"val": based_on}))
    if next_id:
        node.append(el("next", {"val": next_id}))
    node.append(el("qFormat"))
    node.append(paragraph_properties(geometry, element.para))
    node.append(run_properties(geometry, element.run))
    return node


_NEXT_IS_BODY = (BlockRole.TITLE, BlockRole.SECTION, BlockRole.H1, BlockRole.H2, BlockRole.H3, BlockRole.H4)


def styles_xml(geometry: DocxGeometry) -> bytes:
    """docDefaults in the body face (explicit names, zh-CN) and one named style per element."""
    body = geometry.element(BlockRole.BODY)
    root = etree.Element(w("styles"), nsmap=NSMAP)
    rpr_default = el("rPr", None)
    put(rpr_default, el("rFonts", font_attrs(geometry, body.run.face)))
    put(rpr_default, el("sz", {"val": half_points(body.run.size_pt)}))
    put(rpr_default, el("szCs", {"val": half_points(body.run.size_pt)}))
    put(rpr_default, el("lang", {"val": "en-US", "eastAsia": "zh-CN", "bidi": "ar-SA"}))
    ppr_default = el("pPr")
    put(ppr_default, el("kinsoku"))
    if not geometry.hanging_punctuation:
        put(ppr_default, el("overflowPunct", {"val": "0"}))
    put(ppr_default, el("spacing", {"before": 0, "after": 0, "line": twips(geometry.line_pitch_pt),
                                    "lineRule": "exact"}))
    root.append(el("docDefaults", None, el("rPrDefault", None, rpr_default), el("pPrDefault", None, ppr_default)))
    root.append(_paragraph_style(geometry, NORMAL.style_id, NORMAL.name, body, default=True, based_on=None))
    for role, name in ROLE_STYLES.items():
        element = geometry.page_number if role is BlockRole.PAGE_NUMBER else geometry.element(role)
        next_id = ROLE_STYLES[BlockRole.BODY].style_id if role in _NEXT_IS_BODY else None
        root.append(_paragraph_style(geometry, name.style_id, name.name, element, next_id=next_id))
    pad = ElementStyle(run=RunFormat(body.run.face, 1.0), para=ParaFormat(1.0, snap_to_grid=False, line_pt=1.0))
    root.append(_paragraph_style(geometry, IMPRINT_PAD.style_id, IMPRINT_PAD.name, pad))
    root.append(el("style", {"type": "character", "default": "1", "styleId": "DefaultParagraphFont"},
                   el("name", {"val": "Default Paragraph Font"}), el("uiPriority", {"val": 1}),
                   el("semiHidden"), el("unhideWhenUsed")))
    zero = {"w": 0, "type": "dxa"}
    root.append(el("style", {"type": "table", "default": "1", "styleId": "TableNormal"},
                   el("name", {"val": "Normal Table"}), el("uiPriority", {"val": 99}), el("semiHidden"),
                   el("unhideWhenUsed"),
                   el("tblPr", None, el("tblInd", zero),
                      el("tblCellMar", None, el("top", zero), el("left", zero), el("bottom", zero),
                         el("right", zero)))))
    return to_xml_bytes(root)


# ---------------------------------------------------------------- footers

FooterKind = Literal["odd", "even", "empty"]


def _field_run(geometry: DocxGeometry, fmt: RunFormat, child: etree._Element) -> etree._Element:
    return el("r", None, run_properties(geometry, fmt, cjk_everywhere=True), child)


def footer_xml(geometry: DocxGeometry, kind: FooterKind) -> bytes:
    """A footer holding “— PAGE —” (odd: right, inset one character; even: left, inset one character).

    ``empty`` is written for pages that carry no number: a section without its own footer reference
    would inherit the previous section's footer.
    """
    style = geometry.page_number
    root = etree.Element(w("ftr"), nsmap=NSMAP)
    inset = geometry.extra.get("page_number_inset_pt", style.run.size_pt)
    assert isinstance(inset, float | int)
    if kind == "odd":
        para = replace(style.para, align="right", right_pt=float(inset), left_pt=0.0)
    elif kind == "even":
        para = replace(style.para, align="left", left_pt=float(inset), right_pt=0.0)
    else:
        para = style.para
    style_id = ROLE_STYLES[BlockRole.PAGE_NUMBER].style_id
    paragraph = el("p", None, paragraph_properties(geometry, para, style_id=style_id))
    if kind != "empty":
        dash = geometry.page_number_dash
        fmt = style.run
        paragraph.extend(runs(geometry, fmt, f"{dash} "))
        paragraph.append(_field_run(geometry, fmt, el("fldChar", {"fldCharType": "begin"})))
        instr = el("instrText")
        instr.text = " PAGE "
        instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        paragraph.append(_field_run(geometry, fmt, instr))
        paragraph.append(_field_run(geometry, fmt, el("fldChar", {"fldCharType": "separate"})))
        paragraph.extend(runs(geometry, fmt, "1"))
        paragraph.append(_field_run(geometry, fmt, el("fldChar", {"fldCharType": "end"})))
        paragraph.extend(runs(geometry, fmt, f" {dash}"))
    root.append(paragraph)
    return to_xml_bytes(root)


# ---------------------------------------------------------------- section

def section_properties(geometry: DocxGeometry, odd_footer: str, even_footer: str,
                       first_footer: str | None = None, *, starts_new_page: bool = False) -> etree._Element:
    """sectPr: A4, margins, footer distance, odd/even (and optionally first-page) footers, a lines grid.

    Every section names its footers, empty ones included: a section without a reference would
    inherit the previous section's page numbers.
    """
    sect = el("sectPr")
    put(sect, el("footerReference", {"type": "default", "r:id": odd_footer}))
    put(sect, el("footerReference", {"type": "even", "r:id": even_footer}))
    if first_footer:
        put(sect, el("footerReference", {"type": "first", "r:id": first_footer}))
    if starts_new_page:
        put(sect, el("type", {"val": "nextPage"}))  # the default, written out for readers that assume otherwise
    put(sect, el("pgSz", {"w": twips(geometry.page_width_pt), "h": twips(geometry.page_height_pt)}))
    # The left margin is whatever makes the text column exactly the engine's width in whole twips,
    # never a twip wider: LibreOffice fits a 28th character on a 1587-twip margin (28.00 mm rounded
    # down) where the engine, measuring 156 mm, does not (measured).
    width = twips(geometry.page_width_pt)
    left = width - twips(geometry.margin_right_pt) - int(geometry.body_width_pt * 20)
    put(sect, el("pgMar", {"top": twips(geometry.margin_top_pt), "right": twips(geometry.margin_right_pt),
                           "bottom": twips(geometry.margin_bottom_pt), "left": left,
                           "header": twips(geometry.header_pt), "footer": twips(geometry.footer_pt),
                           "gutter": 0}))
    put(sect, el("cols", {"space": 0}))
    if first_footer:
        put(sect, el("titlePg"))
    put(sect, el("docGrid", {"type": "lines", "linePitch": twips(geometry.line_pitch_pt)}))
    return sect


def fonts_in_use(geometry: DocxGeometry) -> list[tuple[str, str | None, bool]]:
    """fontTable entries: every East-Asian face (charset 86) and every Latin face, once each."""
    seen: dict[str, tuple[str, str | None, bool]] = {}
    for face in Face:
        names = geometry.fonts.get(face)
        if names is None:
            continue
        if face is not Face.LATIN:
            seen.setdefault(names.east_asia, (names.east_asia, names.alt_name, True))
        seen.setdefault(names.latin, (names.latin, None, False))
    return list(seen.values())
