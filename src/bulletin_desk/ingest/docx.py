"""DOCX import: our own export (the embedded issue), or any Word file read as paragraphs.

A foreign DOCX goes through the same detection as text: each paragraph becomes a block whose hints
are its bold opening runs, centring and font size; table cells come in as plain paragraphs, so
nothing is dropped. Our own DOCX (docx_contract.py) gives back the exported issue unchanged when its
body text is untouched, and is otherwise re-read by style name with the differences reported.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass

from lxml import etree

from bulletin_desk.catalogue import msg
from bulletin_desk.ingest.block_lines import apply_line_rules
from bulletin_desk.ingest.blocks import Block, Role
from bulletin_desk.ingest.cleanup import Change
from bulletin_desk.ingest.detect import detect
from bulletin_desk.ingest.docx_contract import BD_JSON, BD_ROOT, HASH_ALGORITHM, W_NS, body_hash, role_for_style
from bulletin_desk.ingest.docx_numbering import Numbering
from bulletin_desk.ingest.docx_package import DocxPackage
from bulletin_desk.ingest.errors import IngestError
from bulletin_desk.ingest.html import runs_to_block
from bulletin_desk.ingest.patterns import LineShape, shape_of
from bulletin_desk.ingest.result import IngestResult
from bulletin_desk.model import Issue, issue_to_dict, loads

LARGE_HALF_POINTS = 36  # 18 pt: larger than body text (16 pt), as every title and masthead is
_OFF = {"0", "false", "off", "none"}


def _w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


@dataclass
class _StyleInfo:
    name: str
    based_on: str | None
    bold: bool | None
    half_points: int | None
    centred: bool | None


def _toggle(rpr: etree._Element | None, tag: str) -> bool | None:
    if rpr is None:
        return None
    node = rpr.find(_w(tag))
    if node is None:
        return None
    return str(node.get(_w("val"), "true")).lower() not in _OFF


def _size(rpr: etree._Element | None) -> int | None:
    node = rpr.find(_w("sz")) if rpr is not None else None
    value = node.get(_w("val")) if node is not None else None
    return int(value) if value and value.isdigit() else None


def _centred(ppr: etree._Element | None) -> bool | None:
    node = ppr.find(_w("jc")) if ppr is not None else None
    return None if node is None else node.get(_w("val")) == "center"


class _Styles:
    """Paragraph style names and the bold/size/alignment they pass down (basedOn chains)."""

    def __init__(self, root: etree._Element | None) -> None:
        self.styles: dict[str, _StyleInfo] = {}
        self.default_size: int | None = None
        if root is None:
            return
        defaults = root.find(f"{_w('docDefaults')}/{_w('rPrDefault')}/{_w('rPr')}")
        self.default_size = _size(defaults)
        for style in root.iter(_w("style")):
            style_id = style.get(_w("styleId")) or ""
            name_node, based = style.find(_w("name")), style.find(_w("basedOn"))
            self.styles[style_id] = _StyleInfo(
                name=(name_node.get(_w("val")) if name_node is not None else None) or style_id,
                based_on=based.get(_w("val")) if based is not None else None,
                bold=_toggle(style.find(_w("rPr")), "b"), half_points=_size(style.find(_w("rPr"))),
                centred=_centred(style.find(_w("pPr"))))

    def resolve(self, style_id: str | None, attribute: str) -> object:
        seen: set[str] = set()
        while style_id and style_id in self.styles and style_id not in seen:
            seen.add(style_id)
            value = getattr(self.styles[style_id], attribute)
            if value is not None:
                return value
            style_id = self.styles[style_id].based_on
        return None

    def name(self, style_id: str | None) -> str | None:
        return self.styles[style_id].name if style_id in self.styles else style_id


MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_SKIPPED = {_w("del"), _w("moveFrom"), _w("txbxContent"), MC_FALLBACK}


def _inside(node: etree._Element, stop: etree._Element, tags: set[str]) -> bool:
    parent = node.getparent()
    while parent is not None and parent is not stop:
        if parent.tag in tags:
            return True
        parent = parent.getparent()
    return False


def _runs(paragraph: etree._Element) -> Iterator[etree._Element]:
    """The paragraph's own visible runs in order: inserted text counts; deleted text, text boxes
    (read as paragraphs of their own) and the VML fallback copy of a text box do not."""
    for run in paragraph.iter(_w("r")):
        if not _inside(run, paragraph, _SKIPPED):
            yield run


def _text_boxes(paragraph: etree._Element) -> Iterator[etree._Element]:
    """Text boxes anchored in a paragraph (mastheads often sit in one), without their VML duplicate."""
    for box in paragraph.iter(_w("txbxContent")):
        if not _inside(box, paragraph, {MC_FALLBACK, _w("txbxContent")}):
            yield box


def _run_text(run: etree._Element) -> str:
    pieces: list[str] = []
    for node in run:
        if node.tag == _w("t"):
            pieces.append(node.text or "")
        elif node.tag == _w("tab"):
            pieces.append("\t")
        elif node.tag in (_w("br"), _w("cr")):
            pieces.append("")  # a manual break inside a title or paragraph: the layout re-breaks
    return "".join(pieces)


def _paragraph_block(paragraph: etree._Element, number: int, styles: _Styles, skip_rules: Collection[str],
                     changes: list[Change], numbering: Numbering | None = None) -> Block | None:
    ppr = paragraph.find(_w("pPr"))
    style_node = ppr.find(_w("pStyle")) if ppr is not None else None
    style_id = style_node.get(_w("val")) if style_node is not None else None
    role = role_for_style(styles.name(style_id)) or role_for_style(style_id)
    style_bold = bool(styles.resolve(style_id, "bold"))
    style_size = styles.resolve(style_id, "half_points") or styles.default_size
    centred = _centred(ppr)
    if centred is None:
        centred = bool(styles.resolve(style_id, "centred"))
    runs: list[tuple[str, bool]] = []
    label = numbering.label(paragraph) if numbering is not None else ""
    if label:
        runs.append((label, False))
    large = False
    for run in _runs(paragraph):
        text = _run_text(run)
        if not text:
            continue
        rpr = run.find(_w("rPr"))
        bold = _toggle(rpr, "b")
        runs.append((text, style_bold if bold is None else bold))
        size = _size(rpr) or style_size
        if text.strip() and isinstance(size, int) and size >= LARGE_HALF_POINTS:
            large = True
    if not "".join(t for t, _ in runs).strip():
        return None
    block = runs_to_block(runs, number, centred, large, skip_rules, changes)
    if not block.text:
        return None
    block.role = role
    return block


def _units(container: etree._Element) -> Iterator[tuple[str, list[etree._Element]]]:
    """("p", [w:p]) and ("row", [w:tc, …]) in document order, through text boxes and content controls."""
    for child in container:
        if child.tag == _w("p"):
            for box in _text_boxes(child):
                yield from _units(box)
            yield "p", [child]
        elif child.tag == _w("tbl"):
            for row in _rows(child):
                yield "row", row.findall(_w("tc"))
        elif child.tag in (_w("sdt"), _w("customXml"), _w("ins")):
            content = child.find(_w("sdtContent"))
            yield from _units(content if content is not None else child)


def _rows(table: etree._Element) -> Iterator[etree._Element]:
    """The table's own rows (also inside a content control), never the rows of a table nested in a cell:
    iter() walked those too, and the nested table came in twice."""
    for child in table:
        if child.tag == _w("tr"):
            yield child
        elif child.tag in (_w("sdt"), _w("customXml")):
            content = child.find(_w("sdtContent"))
            yield from _rows(content if content is not None else child)


def _cell_blocks(cell: etree._Element, number: int, styles: _Styles, skip_rules: Collection[str],
                 changes: list[Change], numbering: Numbering) -> list[Block]:
    """A cell's paragraphs in order; a table nested in it is read row by row where it stands, once."""
    blocks: list[Block] = []
    for child in cell:
        if child.tag == _w("p"):
            for box in _text_boxes(child):
                blocks.extend(_cell_blocks(box, number, styles, skip_rules, changes, numbering))
            block = _paragraph_block(child, number, styles, skip_rules, changes, numbering)
            blocks.extend([block] if block is not None else [])
        elif child.tag == _w("tbl"):
            for row in _rows(child):
                blocks.extend(_row_blocks(row.findall(_w("tc")), number, styles, skip_rules, changes, numbering))
        elif child.tag in (_w("sdt"), _w("customXml")):
            content = child.find(_w("sdtContent"))
            blocks.extend(_cell_blocks(content if content is not None else child, number, styles, skip_rules,
                                       changes, numbering))
    return blocks


def _row_blocks(cells: list[etree._Element], number: int, styles: _Styles, skip_rules: Collection[str],
                changes: list[Change], numbering: Numbering) -> list[Block]:
    """A table row: a one-column layout table (a 版记 or masthead) is read like body paragraphs; a row
    that reads as one structural line (office | date, 责编 | 核稿) becomes that line; any other cell
    comes in as a plain paragraph, uninterpreted, so a data table is never mistaken for titles."""
    per_cell = [_cell_blocks(cell, number, styles, skip_rules, changes, numbering) for cell in cells]
    blocks = [b for cell in per_cell for b in cell]
    if len(cells) <= 1 or any(b.role not in (None, Role.PLAIN) for b in blocks):
        return blocks
    joined = " ".join(b.text for b in blocks)
    if blocks and shape_of(joined) not in (None, LineShape.HEADING, LineShape.PAGE_NUMBER):
        return [Block(joined, number, formatted=True)]
    for block in blocks:
        block.role = Role.PLAIN
    return blocks


def docx_blocks(package: DocxPackage, skip_rules: Collection[str], changes: list[Change]) -> list[Block]:
    document = package.xml(package.main_document_name())
    body = document.find(_w("body"))
    if body is None:
        raise IngestError("ingest.docx_missing_part", part="w:body")
    styles = _Styles(package.xml("word/styles.xml") if package.has("word/styles.xml") else None)
    numbering = Numbering(package.xml("word/numbering.xml") if package.has("word/numbering.xml") else None)
    blocks: list[Block] = []
    for number, (kind, elements) in enumerate(_units(body), start=1):
        if kind == "row":
            blocks.extend(_row_blocks(elements, number, styles, skip_rules, changes, numbering))
        elif (block := _paragraph_block(elements[0], number, styles, skip_rules, changes, numbering)) is not None:
            blocks.append(block)
    return apply_line_rules(blocks, skip_rules, changes)


@dataclass
class _Embedded:
    issue: Issue | None
    stored_hash: str
    readable: bool


def _embedded(package: DocxPackage) -> _Embedded | None:
    for name in sorted(n for n in package.names if n.startswith("customXml/item") and "Props" not in n
                       and n.endswith(".xml")):
        try:
            root = package.xml(name)
        except Exception:  # a broken custom part of someone else's is not our concern
            continue
        if root.tag != BD_ROOT or root.get("bodyHashAlgorithm") != HASH_ALGORITHM:
            continue
        node = root.find(BD_JSON)
        try:
            issue = loads(node.text or "") if node is not None else None
        except Exception:
            issue = None
        return _Embedded(issue, root.get("bodyHash", ""), issue is not None)
    return None


def differences(before: Issue, after: Issue) -> list[str]:
    """JSON paths (masthead.date, sections[0].articles[1].title, …) whose values differ."""
    out: list[str] = []

    def walk(a: object, b: object, path: str) -> None:
        if isinstance(a, dict) and isinstance(b, dict):
            for key in a.keys() | b.keys():
                walk(a.get(key), b.get(key), f"{path}.{key}" if path else key)
        elif isinstance(a, list) and isinstance(b, list):
            if len(a) != len(b):
                out.append(f"{path}[{len(a)}→{len(b)}]")
            for i, (x, y) in enumerate(zip(a, b, strict=False)):
                walk(x, y, f"{path}[{i}]")
        elif a != b:
            out.append(path)

    walk(issue_to_dict(before), issue_to_dict(after), "")
    return sorted(out)


def import_docx(data: bytes, skip_rules: Collection[str] = ()) -> IngestResult:
    package = DocxPackage(data)
    embedded = _embedded(package)
    if embedded is not None and embedded.issue is not None:
        document = package.xml(package.main_document_name())
        if body_hash(document) == embedded.stored_hash:
            return IngestResult(issue=embedded.issue, source_format="docx-own",
                                notices=[msg("ingest.docx_unchanged")])
    changes: list[Change] = []
    blocks = docx_blocks(package, skip_rules, changes)
    if not blocks:
        raise IngestError("ingest.empty")
    found = detect(blocks)
    result = IngestResult(issue=found.issue, article=found.article, changes=changes, decisions=found.decisions,
                          source_format="docx")
    if embedded is not None:
        result.source_format = "docx-own"
        if embedded.issue is None:
            result.notices.append(msg("ingest.docx_embedded_bad"))
        else:
            reread = found.issue if found.issue is not None else Issue()
            diff = differences(embedded.issue, reread)
            result.notices.append(msg("ingest.docx_edited", fields="、".join(diff[:20]) or "—"))
    return result
