"""document.xml from the writer's paragraph list, and the whole package around it.

The writer never decides layout: it receives paragraphs already composed by layout/ (roles, inline
runs, the line breaks the engine chose for titles and 版记 rows, how much room is left above the
版记) and writes them so Word, WPS and LibreOffice reproduce the engine's lines.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field

from lxml import etree

from bulletin_desk.catalogue import Message
from bulletin_desk.export import embedded
from bulletin_desk.export.document_parts import (
    fonts_in_use,
    footer_xml,
    section_properties,
    settings_xml,
    styles_xml,
)
from bulletin_desk.export.geometry import DocxGeometry, ParaFormat, RuleStyle, RunFormat, eighth_points, twips
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
from bulletin_desk.export.runs import break_run, paragraph_properties, runs
from bulletin_desk.export.styles import IMPRINT_PAD, ROLE_STYLES
from bulletin_desk.layout.page import BlockRole
from bulletin_desk.model import Issue


@dataclass(frozen=True)
class RunSpec:
    text: str
    fmt: RunFormat


@dataclass(frozen=True)
class DocxParagraph:
    """One paragraph as the engine composed it."""

    role: BlockRole
    runs: tuple[RunSpec, ...]
    para: ParaFormat
    line_starts: tuple[int, ...] = ()  # offsets into the text where an explicit w:br goes
    right_runs: tuple[RunSpec, ...] = ()  # flush right after a tab (office ⇥ date, 共印N份)
    right_on_last_line: bool = False  # the right runs close the last line (else the first)
    right_on_own_line: bool = False  # the right runs need a line of their own (after a break)
    right_tab_pt: float = 0.0  # the right tab stop, from the text column's left edge
    rule_below: RuleStyle | None = None  # the red rule under the office/date line

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


@dataclass(frozen=True)
class ImprintRow:
    """One 版记 row (a table row of exact height) and the rule above it."""

    paragraph: DocxParagraph
    height_pt: float
    rule_above: RuleStyle | None = None


@dataclass(frozen=True)
class DocxImprint:
    rows: tuple[ImprintRow, ...]
    rule_below: RuleStyle | None
    pad_pt: float  # empty space above the 版记 on its page, so its last rule sits on the 版心 bottom
    new_page: bool = False  # the 版记 starts a page of its own
    blank_pages: int = 0  # empty pages the engine put before it (版记 on an even page), never numbered
    numbered: bool = True  # whether the 版记's page carries a page number


@dataclass
class DocxContent:
    """Everything the writer puts into the document body."""

    paragraphs: list[DocxParagraph]
    imprint: DocxImprint | None = None
    pages: int = 0  # the engine's page count (app.xml)
    warnings: list[Message] = field(default_factory=list)


# ---------------------------------------------------------------- paragraphs

def _split(specs: tuple[RunSpec, ...], cuts: tuple[int, ...]) -> list[list[RunSpec]]:
    """Cut the runs at the given text offsets (the engine's line starts)."""
    lines: list[list[RunSpec]] = [[]]
    offset = 0
    pending = sorted(c for c in set(cuts) if c > 0)
    for spec in specs:
        text = spec.text
        while pending and offset < pending[0] <= offset + len(text):
            cut = pending.pop(0)
            head = text[: cut - offset]
            if head:
                lines[-1].append(RunSpec(head, spec.fmt))
            lines.append([])
            text = text[cut - offset:]
            offset = cut
        if text:
            lines[-1].append(RunSpec(text, spec.fmt))
        offset += len(text)
    return lines


def paragraph_element(geometry: DocxGeometry, paragraph: DocxParagraph) -> etree._Element:
    ppr = paragraph_properties(geometry, paragraph.para, style_id=ROLE_STYLES[paragraph.role].style_id)
    if paragraph.rule_below is not None:
        rule = paragraph.rule_below
        put(ppr, el("pBdr", None, el("bottom", {"val": "single", "sz": eighth_points(rule.thickness_pt),
                                                 "space": round(rule.space_pt), "color": rule.color})))
    if paragraph.right_runs:
        put(ppr, el("tabs", None, el("tab", {"val": "right", "pos": twips(paragraph.right_tab_pt)})))
    node = el("p", None, ppr)
    lines = _split(paragraph.runs, paragraph.line_starts)
    fallback = paragraph.runs[0].fmt if paragraph.runs else (paragraph.right_runs[0].fmt if paragraph.right_runs
                                                            else RunFormat(geometry.element(paragraph.role).run.face,
                                                                           paragraph.para.size_pt))
    for index, line in enumerate(lines):
        if index:
            node.append(break_run(geometry, line[0].fmt if line else fallback))
        for spec in line:
            node.extend(runs(geometry, spec.fmt, spec.text))
        right_here = paragraph.right_runs and not paragraph.right_on_own_line and (
            index == (len(lines) - 1 if paragraph.right_on_last_line else 0))
        if right_here:
            _append_right(geometry, node, paragraph.right_runs)
    if paragraph.right_runs and paragraph.right_on_own_line:
        if paragraph.runs:
            node.append(break_run(geometry, fallback))
        _append_right(geometry, node, paragraph.right_runs)
    return node


def _append_right(geometry: DocxGeometry, node: etree._Element, specs: tuple[RunSpec, ...]) -> None:
    node.extend(runs(geometry, specs[0].fmt, "\t"))
    for spec in specs:
        node.extend(runs(geometry, spec.fmt, spec.text))


# ---------------------------------------------------------------- 版记

def _border(tag: str, rule: RuleStyle | None) -> etree._Element:
    if rule is None:
        return el(tag, {"val": "nil"})
    return el(tag, {"val": "single", "sz": eighth_points(rule.thickness_pt), "space": 0, "color": rule.color})


def imprint_elements(geometry: DocxGeometry, imprint: DocxImprint) -> list[etree._Element]:
    """Exact-height padding, then the 版记 as an inline one-column table (tblW and tblGrid both, for WPS).

    Inline rather than a bottom-anchored floating table: LibreOffice 7.4 imports floating tables as
    frames, which overlap text at a page end; the padding, whose height the engine computed, puts the
    table at the same place in every renderer, and rows of exact height keep the last rule on the
    版心 bottom edge.
    """
    out: list[etree._Element] = []
    width = twips(geometry.body_width_pt)
    in_own_section = _imprint_sections(imprint)
    if imprint.pad_pt >= 0.5 or imprint.new_page:
        pad = ParaFormat(1.0, snap_to_grid=False, line_pt=max(imprint.pad_pt, 0.5),
                         page_break_before=imprint.new_page and not in_own_section)
        out.append(el("p", None, paragraph_properties(geometry, pad, style_id=IMPRINT_PAD.style_id)))
    table = el("tbl")
    tblpr = el("tblPr")
    zero = {"w": 0, "type": "dxa"}
    put(tblpr, el("tblW", {"w": width, "type": "dxa"}))
    put(tblpr, el("jc", {"val": "left"}))
    put(tblpr, el("tblInd", zero))
    put(tblpr, el("tblBorders", None, *(el(side, {"val": "nil"}) for side in
                                        ("top", "left", "bottom", "right", "insideH", "insideV"))))
    put(tblpr, el("tblLayout", {"type": "fixed"}))
    put(tblpr, el("tblCellMar", None, el("top", zero), el("left", zero), el("bottom", zero), el("right", zero)))
    put(tblpr, el("tblLook", {"val": "0000", "firstRow": 0, "lastRow": 0, "firstColumn": 0, "lastColumn": 0,
                              "noHBand": 1, "noVBand": 1}))
    table.append(tblpr)
    table.append(el("tblGrid", None, el("gridCol", {"w": width})))
    last = len(imprint.rows) - 1
    for index, row in enumerate(imprint.rows):
        trpr = el("trPr")
        put(trpr, el("cantSplit"))
        put(trpr, el("trHeight", {"val": twips(row.height_pt), "hRule": "exact"}))
        tcpr = el("tcPr")
        put(tcpr, el("tcW", {"w": width, "type": "dxa"}))
        put(tcpr, el("tcBorders", None, _border("top", row.rule_above), el("left", {"val": "nil"}),
                     _border("bottom", imprint.rule_below if index == last else None), el("right", {"val": "nil"})))
        put(tcpr, el("vAlign", {"val": "top"}))
        table.append(el("tr", None, trpr, el("tc", None, tcpr, paragraph_element(geometry, row.paragraph))))
    out.append(table)
    return out


def _imprint_sections(imprint: DocxImprint) -> bool:
    """Whether the 版记 (and blank pages before it) need sections of their own: only for unnumbered pages."""
    return imprint.new_page and (imprint.blank_pages > 0 or not imprint.numbered)


_NUMBERED = ("rIdFooterOdd", "rIdFooterEven")
_UNNUMBERED = ("rIdFooterEmpty", "rIdFooterEmpty")


# ---------------------------------------------------------------- the package

def document_xml(geometry: DocxGeometry, content: DocxContent) -> bytes:
    root = etree.Element(w("document"), nsmap=NSMAP)
    body = etree.SubElement(root, w("body"))
    for paragraph in content.paragraphs:
        body.append(paragraph_element(geometry, paragraph))
    final_footers, final_new_page = _NUMBERED, False
    if content.imprint is not None and _imprint_sections(content.imprint):
        # Pages without a number are sections with empty footers: the content's section ends with its
        # last paragraph, each blank page is a section of one empty paragraph, the 版记 the last one.
        last = body[-1] if len(body) else None
        if last is not None and last.tag == w("p"):
            put(last.find(w("pPr")), section_properties(geometry, *_NUMBERED))
        for index in range(content.imprint.blank_pages):
            blank = ParaFormat(geometry.element(BlockRole.BODY).para.size_pt, snap_to_grid=False)
            ppr = paragraph_properties(geometry, blank, style_id=IMPRINT_PAD.style_id)
            put(ppr, section_properties(geometry, *_UNNUMBERED, starts_new_page=index > 0 or last is not None))
            body.append(el("p", None, ppr))
        final_footers = _NUMBERED if content.imprint.numbered else _UNNUMBERED
        final_new_page = True
    if content.imprint is not None:
        body.extend(imprint_elements(geometry, content.imprint))
        # A document must end with a paragraph; after the 版记 it is a hairline high so it never
        # spills onto a new page.
        tail = ParaFormat(1.0, snap_to_grid=False, line_pt=0.5)
        body.append(el("p", None, paragraph_properties(geometry, tail, style_id=IMPRINT_PAD.style_id)))
    body.append(section_properties(geometry, *final_footers, starts_new_page=final_new_page))
    return to_xml_bytes(root)


def build_package(issue: Issue, geometry: DocxGeometry, content: DocxContent, *, title: str, author: str,
                  now: _dt.datetime | None = None) -> bytes:
    """The .docx bytes for composed content: our part set, nothing from python-docx's template."""
    when = now or _dt.datetime.now(_dt.UTC)
    doc_xml = document_xml(geometry, content)
    digest = embedded.body_hash(doc_xml)
    parts = [
        Part("word/document.xml", CT_MAIN, doc_xml),
        Part("word/styles.xml", CT_STYLES, styles_xml(geometry)),
        Part("word/settings.xml", CT_SETTINGS, settings_xml(geometry)),
        Part("word/fontTable.xml", CT_FONTS, font_table_xml(fonts_in_use(geometry))),
        Part("word/footer1.xml", CT_FOOTER, footer_xml(geometry, "odd")),
        Part("word/footer2.xml", CT_FOOTER, footer_xml(geometry, "even")),
        Part("word/footer3.xml", CT_FOOTER, footer_xml(geometry, "empty")),
        Part(embedded.ITEM_PART, None, embedded.item_xml(issue, doc_xml, digest)),
        Part(embedded.ITEM_PROPS_PART, CT_CUSTOM_XML_PROPS, embedded.item_props_xml(doc_xml, digest)),
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
            Relationship("rIdFooterEmpty", RT_FOOTER, "footer3.xml"),
            Relationship("rIdBulletin", RT_CUSTOM_XML, "../customXml/item1.xml"),
        ],
        embedded.ITEM_PART: [Relationship("rId1", RT_CUSTOM_XML_PROPS, "itemProps1.xml")],
    }
    return zip_package(parts, package_rels, part_rels)
