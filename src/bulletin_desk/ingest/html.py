"""HTML (a saved page, or the clipboard's text/html from Word, WPS or a browser) → blocks with hints.

Parsed with the standard library's tolerant HTMLParser: no network, no entity expansion beyond the
HTML named references, nothing executed. Block elements (p, div, h1–h6, li, td, br) end a block; bold
runs at the start of a block become its lead; centring and a large font or an h1/h2 mark a title.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from html.parser import HTMLParser

from bulletin_desk.ingest.block_lines import apply_line_rules
from bulletin_desk.ingest.blocks import Block, Role
from bulletin_desk.ingest.changes import Change, origins_of
from bulletin_desk.ingest.charclass import CHINESE_PUNCT, IDEOGRAPH_RANGES
from bulletin_desk.ingest.cleanup import clean_fragment, clean_tracked
from bulletin_desk.ingest.patterns import LineShape, shape_of

LARGE_FONT_PT = 18.0  # body text is 16 pt (三号); titles are 22 pt (二号) and mastheads larger
_BLOCK_TAGS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "th", "tr", "blockquote", "section",
               "article", "center", "pre", "table", "ul", "ol", "dd", "dt", "header", "footer", "main"}
_SKIP_TAGS = {"script", "style", "head", "title", "nav", "noscript", "template", "svg", "xml", "object"}
_VOID_TAGS = {"br", "img", "hr", "meta", "link", "input", "wbr", "col", "area", "base", "source"}
_BOLD_TAGS = {"b", "strong"}
_SEGMENT_BREAK_IN_CHINESE = re.compile(
    f"(?<=[{IDEOGRAPH_RANGES}{CHINESE_PUNCT}])[ \t]*[\r\n]+[ \t]*(?=[{IDEOGRAPH_RANGES}{CHINESE_PUNCT}])")
_SIZE = re.compile(r"font-size\s*:\s*([\d.]+)\s*(pt|px|em|rem)?", re.IGNORECASE)


def _style_size(style: str) -> float | None:
    match = _SIZE.search(style)
    if match is None:
        return None
    value, unit = float(match.group(1)), (match.group(2) or "px").lower()
    return {"pt": value, "px": value * 0.75, "em": value * 12, "rem": value * 12}[unit]


class _Frame:
    __slots__ = ("bold", "centred", "large", "tag")

    def __init__(self, tag: str, bold: bool, centred: bool, large: bool) -> None:
        self.tag, self.bold, self.centred, self.large = tag, bold, centred, large


class _BlockCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[_Frame] = [_Frame("", False, False, False)]
        self.skip_depth = 0
        self.runs: list[tuple[str, bool]] = []
        self.centred = False
        self.large = False
        self.blocks: list[tuple[list[tuple[str, bool]], bool, bool]] = []
        self.rows: list[int] = []  # open table rows (their ids), innermost last
        self.row_cells: dict[int, int] = {}  # row id → cells seen
        self.block_rows: list[int | None] = []  # per block: the row it sits in
        self.block_soft: list[bool] = []  # per block: a <br>, not a new paragraph, separates it from the last
        self.after_br = False
        self.next_row = 0

    def flush(self, *, line_break: bool = False) -> None:
        """End the current block; ``line_break``: at a <br>, so the next block continues this paragraph."""
        if "".join(text for text, _ in self.runs).strip():
            self.blocks.append((self.runs, self.centred, self.large))
            self.block_rows.append(self.rows[-1] if self.rows else None)
            self.block_soft.append(self.after_br)
            self.after_br = False
        self.after_br = line_break and bool(self.blocks)
        self.runs, self.centred, self.large = [], False, False

    def _table_tag(self, tag: str, opening: bool) -> None:
        if tag == "tr" and opening:
            self.rows.append(self.next_row)
            self.row_cells[self.next_row] = 0
            self.next_row += 1
        elif tag == "tr" and self.rows:
            self.rows.pop()
        elif tag in ("td", "th") and opening and self.rows:
            self.row_cells[self.rows[-1]] += 1

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self.skip_depth += 1
            return
        if tag in _VOID_TAGS:
            if tag == "br":
                self.flush(line_break=True)
            return
        values = {k.lower(): (v or "") for k, v in attrs}
        style = values.get("style", "").lower().replace(" ", "")
        top = self.stack[-1]
        bold = top.bold or tag in _BOLD_TAGS or "font-weight:bold" in style or bool(
            re.search(r"font-weight:[6-9]00", style))
        if "font-weight:normal" in style or "font-weight:400" in style:
            bold = False
        centred = top.centred or tag == "center" or values.get("align", "").lower() == "center" \
            or "text-align:center" in style
        size = _style_size(values.get("style", ""))
        font_size = values.get("size", "")
        large = top.large or tag in ("h1", "h2") or (size is not None and size >= LARGE_FONT_PT) \
            or (tag == "font" and font_size.isdigit() and int(font_size) >= 5)
        if tag in _BLOCK_TAGS:
            self.flush()
        self._table_tag(tag, opening=True)
        self.stack.append(_Frame(tag, bold, centred, large))

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self.skip_depth = max(0, self.skip_depth - 1)
            return
        if tag in _VOID_TAGS:
            return
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                break
        if tag in _BLOCK_TAGS:
            self.flush()
        self._table_tag(tag, opening=False)

    def handle_data(self, data: str) -> None:
        if self.skip_depth:
            return
        data = _SEGMENT_BREAK_IN_CHINESE.sub("", data)  # Word wraps its HTML source mid-sentence
        data = re.sub(r"[\r\n]+", " ", data)
        if not data:
            return
        frame = self.stack[-1]
        if data.strip():
            self.centred = self.centred or frame.centred
            self.large = self.large or frame.large
        self.runs.append((data, frame.bold))


def html_blocks(html: str, skip_rules: Collection[str], changes: list[Change]) -> list[Block]:
    """The HTML as clean blocks, numbered in order (HTML has no useful line numbers).

    Cells of a multi-column table row come in as plain paragraphs (a data table is not a run of
    titles) unless the row reads as one structural line, such as office | date or 责编 | 核稿.
    """
    collector = _BlockCollector()
    collector.feed(html)
    collector.close()
    collector.flush()
    blocks = [runs_to_block(runs, n, centred, large, skip_rules, changes)
              for n, (runs, centred, large) in enumerate(collector.blocks, start=1)]
    for block, soft in zip(blocks, collector.block_soft, strict=True):
        block.soft_break_before = soft
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        row = collector.block_rows[i]
        if row is None or collector.row_cells.get(row, 0) <= 1:
            out.append(blocks[i])
            i += 1
            continue
        j = i
        while j < len(blocks) and collector.block_rows[j] == row:
            j += 1
        joined = " ".join(b.text for b in blocks[i:j])
        if shape_of(joined) not in (None, LineShape.HEADING, LineShape.PAGE_NUMBER):
            out.append(Block(joined, blocks[i].line, formatted=True))
        else:
            for block in blocks[i:j]:
                block.role = Role.PLAIN
                out.append(block)
        i = j
    return apply_line_rules(out, skip_rules, changes)


def runs_to_block(runs: list[tuple[str, bool]], number: int, centred: bool, large: bool,
                  skip_rules: Collection[str], changes: list[Change]) -> Block:
    """A block from (text, bold) runs: the bold opening runs, cleaned alike, become the lead hint."""
    raw = "".join(t for t, _ in runs)
    text, origins = clean_tracked(raw, origins_of(number, raw), skip_rules, changes)
    prefix_raw = ""
    for run_text, bold in runs:
        if not bold:
            if run_text.strip():
                break
            prefix_raw += run_text
            continue
        prefix_raw += run_text
    prefix = clean_fragment(prefix_raw, number, skip_rules, []) if prefix_raw.strip() else ""
    all_bold = bool(prefix) and prefix == text
    if prefix and not all_bold and text.startswith(prefix) and prefix[-1] not in "。！？：":
        closing = re.match(r"[”’」』]*[。！？]", text[len(prefix):])  # bold stopped just short of the full stop
        if closing:
            prefix = text[:len(prefix) + closing.end()]
    lead = prefix if prefix and not all_bold and text.startswith(prefix) and prefix[-1] in "。！？：" else None
    return Block(text, number, bold_prefix=lead, all_bold=all_bold, centred=centred, large=large, formatted=True,
                 origins=origins)
