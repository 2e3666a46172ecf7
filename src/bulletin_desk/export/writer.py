"""document.xml from the writer's paragraph list, and the whole package around it.

The writer never decides layout: it receives paragraphs already composed by layout/ (roles, inline
bold runs, the title line breaks the engine chose, the 版记 rows and how much space is left above
them on the last page) and writes them so Word, WPS and LibreOffice reproduce the engine's lines.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field

from lxml import etree

from bulletin_desk.export import embedded
from bulletin_desk.export.document_parts import (
    fonts_in_use,
    footer_xml,
    section_properties,
    settings_xml,
    styles_xml,
)
from bulletin_desk.export.geometry import DocxGeometry, ElementStyle, RuleStyle, eighth_points, twips
from bulletin_desk.export.ooxml import NSMAP, el, put, to_xml_bytes, w
from bulletin_desk.export.package import (
    CT_APP,
    CT_CORE,
    CT_CUSTOM_XML_PROPS,
    CT_FONTS,
    CT_FOOTER,
    CT_MAIN,
    CT_SETTINGS,
    CT_STYLES,
    RT_APP,
    RT_CORE,
    RT_CUSTOM_XML,
    RT_CUSTOM_XML_PROPS,
    RT_DOCUMENT,
    RT_FONTS,
    RT_FOOTER,
    RT_SETTINGS,
    RT_STYLES,
    Part,
    Relationship,
    app_properties_xml,
    core_properties_xml,
    font_table_xml,
    zip_package,
)
from bulletin_desk.export.runs import line_break_run, paragraph_properties, run_properties, runs
from bulletin_desk.export.styles import IMPRINT_PAD
from bulletin_desk.layout.page import BlockRole
from bulletin_desk.model import Issue


@dataclass(frozen=True)
class Segment:
    """Inline text of one weight; a ``\\t`` in ``text`` becomes a ``w:tab``."""

    text: str
    bold: bool | None = None  # None: the element's weight


@dataclass(frozen=True)
class DocxParagraph:
    """One paragraph as the engine composed it."""

    role: BlockRole
    segments: tuple[Segment, ...]
    line_starts: tuple[int, ...] = ()  # offsets (into the joined text) where an explicit w:br goes
    rule_below: RuleStyle | None = None  # the red rule under the office/date line
    right_tab: bool = False  # a right-aligned tab stop at the body's right edge (office ⇥ date)

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.segments)


@dataclass(frozen=True)
class ImprintRow:
    """One row of the 版记: its text (``\\t`` before a right-aligned part) and the rule above it."""

    text: str
    rule_above: RuleStyle | None = None


@dataclass(frozen=True)
class DocxImprint:
    rows: tuple[ImprintRow, ...]
    rule_below: RuleStyle | None
    pad_pt: float  # empty space above the 版记 on its page, so its last rule sits on the 版心 bottom
    row_height_pt: float


@dataclass
class DocxContent:
    """Everything the writer puts into the document body."""

    paragraphs: list[DocxParagraph]
    imprint: DocxImprint | None = None
    pages: int = 0  # the engine's page count (app.xml)
    warnings: list = field(default_factory=list)


# ---------------------------------------------------------------- paragraphs

def _segment_runs(geometry: DocxGeometry, style: ElementStyle, segment: Segment) -> list[etree._Element]:
    out: list[etree._Element] = []
    for index, piece in enumerate(segment.text.split("\t")):
        if index:
            out.append(el("r", None, run_properties(geometry, style, bold=segment.bold), el("tab")))
        out.extend(runs(geometry, style, piece, bold=segment.bold))
    return out


def _split_segments(segments: tuple[Segment, ...], cuts: tuple[int, ...]) -> list[list[Segment]]:
    """Cut the segments at the given text offsets (the title lines)."""
    lines: list[list[Segment]] = [[]]
    offset = 0
    cut_iter = iter(sorted(c for c in cuts if c > 0))
    next_cut = next(cut_iter, None)
    for segment in segments:
        text = segment.text
        while next_cut is not None and offset < next_cut <= offset + len(text):
            head = text[: next_cut - offset]
            if head:
                lines[-1].append(Segment(head, segment.bold))
            lines.append([])
            text = text[next_cut - offset:]
            offset = next_cut
            next_cut = next(cut_iter, None)
        if text:
            lines[-1].append(Segment(text, segment.bold))
        offset += len(text)
    return lines


def paragraph_element(geometry: DocxGeometry, paragraph: DocxParagraph) -> etree._Element:
    style = geometry.element(paragraph.role)
    ppr = paragraph_properties(geometry, paragraph.role, style)
    if paragraph.rule_below is not None:
        rule = paragraph.rule_below
        put(ppr, el("pBdr", None, el("bottom", {"val": "single", "sz": eighth_points(rule.thickness_pt),
                                                 "space": round(rule.gap_pt), "color": rule.color})))
    if paragraph.right_tab:
        put(ppr, el("tabs", None, el("tab", {"val": "right", "pos": twips(geometry.body_width_pt)})))
    node = el("p", None, ppr)
    for index, line in enumerate(_split_segments(paragraph.segments, paragraph.line_starts)):
        if index:
            node.append(line_break_run(geometry, style))
        for segment in line:
            node.extend(_segment_runs(geometry, style, segment))
    return node


# ---------------------------------------------------------------- 版记

def _border(tag: str, rule: RuleStyle | None) -> etree._Element:
    if rule is None:
        return el(tag, {"val": "nil"})
    return el(tag, {"val": "single", "sz": eighth_points(rule.thickness_pt), "space": 0, "color": rule.color})


def imprint_elements(geometry: DocxGeometry, imprint: DocxImprint) -> list[etree._Element]:
    """Exact-height padding, then the 版记 as an inline one-column table (tblW and tblGrid both, for WPS).

    An inline table rather than a bottom-anchored floating one: LibreOffice 7.4 imports floating tables
    as frames and lets them overlap text at a page end, while the padding (whose height the engine
    computed) moves the table to exactly the same place in every renderer.
    """
    out: list[etree._Element] = []
    style = geometry.element(BlockRole.IMPRINT)
    width = twips(geometry.body_width_pt)
    if imprint.pad_pt >= 1:
        pad_style = ElementStyle(face=style.face, size_pt=1, snap_to_grid=False, line_pt=imprint.pad_pt)
        ppr = paragraph_properties(geometry, None, pad_style, style_id=IMPRINT_PAD.style_id)
        out.append(el("p", None, ppr))
    table = el("tbl")
    tblpr = el("tblPr")
    put(tblpr, el("tblW", {"w": width, "type": "dxa"}))
    put(tblpr, el("jc", {"val": "center"}))
    put(tblpr, el("tblInd", {"w": 0, "type": "dxa"}))
    put(tblpr, el("tblBorders", None, el("top", {"val": "nil"}), el("left", {"val": "nil"}),
                  el("bottom", {"val": "nil"}), el("right", {"val": "nil"}), el("insideH", {"val": "nil"}),
                  el("insideV", {"val": "nil"})))
    put(tblpr, el("tblLayout", {"type": "fixed"}))
    put(tblpr, el("tblCellMar", None, el("top", {"w": 0, "type": "dxa"}), el("left", {"w": 0, "type": "dxa"}),
                  el("bottom", {"w": 0, "type": "dxa"}), el("right", {"w": 0, "type": "dxa"})))
    put(tblpr, el("tblLook", {"val": "0000", "firstRow": 0, "lastRow": 0, "firstColumn": 0, "lastColumn": 0,
                              "noHBand": 1, "noVBand": 1}))
    table.append(tblpr)
    table.append(el("tblGrid", None, el("gridCol", {"w": width})))
    row_style = ElementStyle(**{**style.__dict__, "line_pt": imprint.row_height_pt})
    last = len(imprint.rows) - 1
    for index, row in enumerate(imprint.rows):
        trpr = el("trPr")
        put(trpr, el("cantSplit"))
        put(trpr, el("trHeight", {"val": twips(imprint.row_height_pt), "hRule": "exact"}))
        tcpr = el("tcPr")
        put(tcpr, el("tcW", {"w": width, "type": "dxa"}))
        put(tcpr, el("tcBorders", None, _border("top", row.rule_above), el("left", {"val": "nil"}),
                     _border("bottom", imprint.rule_below if index == last else None), el("right", {"val": "nil"})))
        put(tcpr, el("vAlign", {"val": "center"}))
        ppr = paragraph_properties(geometry, BlockRole.IMPRINT, row_style)
        if "\t" in row.text:
            put(ppr, el("tabs", None, el("tab", {"val": "right", "pos": width - twips(style.right_chars *
                                                                                       style.size_pt)})))
        paragraph = el("p", None, ppr)
        paragraph.extend(_segment_runs(geometry, row_style, Segment(row.text)))
        table.append(el("tr", None, trpr, el("tc", None, tcpr, paragraph)))
    out.append(table)
    return out


# ---------------------------------------------------------------- the package

def document_xml(geometry: DocxGeometry, content: DocxContent) -> bytes:
    root = etree.Element(w("document"), nsmap=NSMAP)
    body = etree.SubElement(root, w("body"))
    for paragraph in content.paragraphs:
        body.append(paragraph_element(geometry, paragraph))
    if content.imprint is not None:
        body.extend(imprint_elements(geometry, content.imprint))
    # A document must end with a paragraph after a table; keep it one exact hairline high so it never
    # spills onto a new page.
    tail_style = ElementStyle(face=geometry.element(BlockRole.BODY).face, size_pt=1, snap_to_grid=False,
                              line_pt=1)
    body.append(el("p", None, paragraph_properties(geometry, None, tail_style, style_id=IMPRINT_PAD.style_id)))
    body.append(section_properties(geometry, odd_footer="rIdFooterOdd", even_footer="rIdFooterEven"))
    return to_xml_bytes(root)


def build_package(issue: Issue, geometry: DocxGeometry, content: DocxContent, *, title: str, author: str,
                  now: _dt.datetime | None = None) -> bytes:
    """The .docx bytes for composed content: our part set, nothing from python-docx's template."""
    when = now or _dt.datetime.now(_dt.UTC)
    doc_xml = document_xml(geometry, content)
    parts = [
        Part("word/document.xml", CT_MAIN, doc_xml),
        Part("word/styles.xml", CT_STYLES, styles_xml(geometry)),
        Part("word/settings.xml", CT_SETTINGS, settings_xml(geometry)),
        Part("word/fontTable.xml", CT_FONTS, font_table_xml(fonts_in_use(geometry))),
        Part("word/footer1.xml", CT_FOOTER, footer_xml(geometry, "odd")),
        Part("word/footer2.xml", CT_FOOTER, footer_xml(geometry, "even")),
        Part(embedded.ITEM_PART, None, embedded.item_xml(issue, doc_xml)),
        Part(embedded.ITEM_PROPS_PART, CT_CUSTOM_XML_PROPS, embedded.item_props_xml(doc_xml)),
        Part("docProps/core.xml", CT_CORE, core_properties_xml(title, author, when)),
        Part("docProps/app.xml", CT_APP, app_properties_xml(content.pages)),
    ]
    package_rels = [Relationship("rId1", RT_DOCUMENT, "word/document.xml"),
                    Relationship("rId2", RT_CORE, "docProps/core.xml"),
                    Relationship("rId3", RT_APP, "docProps/app.xml")]
    part_rels = {
        "word/document.xml": [
            Relationship("rIdStyles", RT_STYLES, "styles.xml"),
            Relationship("rIdSettings", RT_SETTINGS, "settings.xml"),
            Relationship("rIdFonts", RT_FONTS, "fontTable.xml"),
            Relationship("rIdFooterOdd", RT_FOOTER, "footer1.xml"),
            Relationship("rIdFooterEven", RT_FOOTER, "footer2.xml"),
            Relationship("rIdBulletin", RT_CUSTOM_XML, "../customXml/item1.xml"),
        ],
        embedded.ITEM_PART: [Relationship("rId1", RT_CUSTOM_XML_PROPS, "itemProps1.xml")],
    }
    return zip_package(parts, package_rels, part_rels)


