"""The fidelity gate's comparison: the engine's lines against LibreOffice's rendering of our DOCX.

Each line is identified by the offset of its first character in the issue's printed text stream
(every line's text, in reading order, whitespace dropped), so a break is "the same" when both
renderers start a line at the same character. LibreOffice's PDF may draw the 版记 text last and
leaves some hanging 、 undrawn (official-layout.md §6), so its lines are mapped onto the engine's
stream by alignment (difflib), not by position.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from tests.support.pdf_lines import PdfLine

from bulletin_desk.layout.page import BlockRole, PageLayout

PAGE_NUMBER = re.compile(r"^[—－-]\d+[—－-]$")
BODY_ROLES = {BlockRole.BODY, BlockRole.H1, BlockRole.H2, BlockRole.H3, BlockRole.H4, BlockRole.NOTE,
              BlockRole.SOURCE, BlockRole.SECTION}  # one grid row per line
HANGING = "、，。"


def _norm(text: str) -> str:
    return "".join(ch for ch in text if not ch.isspace())


@dataclass
class StreamLine:
    page: int
    start: int  # offset of the first character in the stream
    text: str
    role: BlockRole | None = None
    last_of_block: bool = False
    size: float = 0.0
    pitch: float = 0.0  # LibreOffice lines: mean advance from the first glyph to the last


@dataclass
class FidelityResult:
    name: str
    engine_pages: int
    lo_pages: int
    engine_lines: int
    lo_lines: int
    breaks_matched: int
    breaks_total: int
    first_line_mismatches: list[int] = field(default_factory=list)
    short_pages: list[tuple[int, int]] = field(default_factory=list)  # (page, lines) of full body pages ≠ 22
    odd_lines: list[tuple[int, str]] = field(default_factory=list)  # full body lines ≠ 28 字
    unmatched_examples: list[str] = field(default_factory=list)
    full_pages: int = 0  # pages the engine fills with 22 body lines
    full_lines: int = 0  # full body lines checked for 28 字
    stretched_lines: int = 0  # of which stretched by a push-down (checked for ≤ 28 字 only)

    @property
    def break_ratio(self) -> float:
        return self.breaks_matched / self.breaks_total if self.breaks_total else 1.0

    @property
    def ok(self) -> bool:
        return (self.engine_pages == self.lo_pages and not self.first_line_mismatches
                and self.break_ratio >= 0.99 and not self.short_pages and not self.odd_lines
                and self.full_lines > self.stretched_lines)

    def row(self) -> str:
        flag = "ok" if self.ok else "FAIL"
        return (f"{self.name:<10} pages {self.engine_pages:>2}/{self.lo_pages:<2} lines {self.engine_lines:>3}/"
                f"{self.lo_lines:<3} breaks {self.breaks_matched:>3}/{self.breaks_total:<3} "
                f"({100 * self.break_ratio:6.2f} %) first-line misses {len(self.first_line_mismatches)} "
                f"pages≠22 {len(self.short_pages)}/{self.full_pages} "
                f"lines≠28 {len(self.odd_lines)}/{self.full_lines}  {flag}")


def engine_stream(layout: PageLayout) -> tuple[str, list[StreamLine]]:
    """The engine's lines (page numbers left out) as one text stream."""
    text: list[str] = []
    lines: list[StreamLine] = []
    offset = 0
    flat = [(page.index, line) for page in layout.pages for line in page.lines
            if line.role is not BlockRole.PAGE_NUMBER]
    for index, (page, line) in enumerate(flat):
        norm = _norm(line.text)
        if not norm:
            continue
        nxt = flat[index + 1][1] if index + 1 < len(flat) else None
        last = (nxt is None or nxt.source is None or line.source is None
                or (nxt.source.field, nxt.source.section, nxt.source.article, nxt.source.paragraph)
                != (line.source.field, line.source.section, line.source.article, line.source.paragraph))
        size = max((r.size for r in line.runs), default=0.0)
        lines.append(StreamLine(page, offset, norm, line.role, last, size))
        text.append(norm)
        offset += len(norm)
    return "".join(text), lines


def lo_stream(pdf: Sequence[PdfLine], page_height: float, body_bottom: float) -> tuple[str, list[StreamLine]]:
    """LibreOffice's lines, page numbers (below the type area, “—N—”) dropped."""
    text: list[str] = []
    lines: list[StreamLine] = []
    offset = 0
    for line in pdf:
        norm = _norm(line.text)
        if not norm or (line.baseline > body_bottom and PAGE_NUMBER.match(norm)):
            continue
        size = max((c.size for c in line.chars), default=0.0)
        pitch = (line.chars[-1].x0 - line.chars[0].x0) / (len(line.chars) - 1) if len(line.chars) > 1 else 0.0
        lines.append(StreamLine(line.page, offset, norm, None, False, size, pitch))
        text.append(norm)
        offset += len(norm)
    return "".join(text), lines


def _map_offsets(source: str, target: str) -> dict[int, int]:
    """Offsets of ``source`` characters that align with ``target`` characters."""
    matcher = difflib.SequenceMatcher(None, source, target, autojunk=False)
    mapping: dict[int, int] = {}
    for a, b, size in matcher.get_matching_blocks():
        for k in range(size):
            mapping[a + k] = b + k
    return mapping


def compare(name: str, layout: PageLayout, pdf: Sequence[PdfLine], lo_pages: int, *, body_bottom: float,
            lines_per_page: int, chars_per_line: int, advance: float) -> FidelityResult:
    """Compare the engine's pages with LibreOffice's; ``advance`` is the body pitch (15.75 pt = 28 字)."""
    e_text, e_lines = engine_stream(layout)
    l_text, l_lines = lo_stream(pdf, layout.pages[0].height if layout.pages else 842.0, body_bottom)
    mapping = _map_offsets(l_text, e_text)
    lo_starts: set[int] = set()
    lo_page_first: dict[int, int] = {}
    for line in l_lines:
        # a line whose first glyph was not drawn (an undrawn hanging 、) maps by its next character
        mapped = next((mapping[line.start + k] - k for k in range(min(3, len(line.text)))
                       if line.start + k in mapping), None)
        if mapped is None:
            continue
        lo_starts.add(mapped)
        lo_page_first.setdefault(line.page, mapped)
    e_starts = {line.start for line in e_lines}
    e_page_first: dict[int, int] = {}
    for line in e_lines:
        e_page_first.setdefault(line.page, line.start)
    matched = len(e_starts & lo_starts)
    total = max(len(e_starts), len(lo_starts))
    result = FidelityResult(name, len(layout.pages), lo_pages, len(e_lines), len(l_lines), matched, total)
    result.first_line_mismatches = [p for p, start in e_page_first.items() if lo_page_first.get(p) != start]
    for start in sorted(e_starts ^ lo_starts)[:3]:
        result.unmatched_examples.append(e_text[max(0, start - 6):start] + "|" + e_text[start:start + 6])
    # Absolute checks on LibreOffice's own rendering: full body pages hold 22 lines, full lines 28 字.
    first_starts = {0} | {x.start + len(x.text) for x in e_lines if x.last_of_block}
    for page in sorted({line.page for line in e_lines}):
        roles = {line.role for line in e_lines if line.page == page}
        engine_count = sum(1 for line in e_lines if line.page == page)
        if roles <= BODY_ROLES and engine_count == lines_per_page:
            # a full body page (22 body lines in the engine) must hold 22 lines in LibreOffice too
            result.full_pages += 1
            count = sum(1 for line in l_lines if line.page == page)
            if count != lines_per_page:
                result.short_pages.append((page, count))
        e_by_start = {line.start: line for line in e_lines}
        for line in (x for x in l_lines if x.page == page):
            mapped = mapping.get(line.start)
            engine_line = e_by_start.get(mapped) if mapped is not None else None
            if engine_line is None or engine_line.role is not BlockRole.BODY or engine_line.last_of_block:
                continue
            if any(ord(ch) < 0x3000 and ch not in "—…“”‘’·" for ch in line.text):
                continue  # digits and Latin are proportional: such a line holds more or fewer 字
            result.full_lines += 1
            if abs(line.pitch - advance) > 0.1:
                # stretched: a character was pushed down (kinsoku) or hangs; it must still hold no more
                # than the grid allows
                result.stretched_lines += 1
                if len(line.text.rstrip(HANGING)) > chars_per_line:
                    result.odd_lines.append((page, line.text))
                continue
            indent = 2 if engine_line.start in first_starts else 0
            body = line.text
            if len(body) + indent == chars_per_line + 1 and body[-1] in HANGING:
                body = body[:-1]  # a hanging 、，。 sits past the right edge
            if len(body) + indent != chars_per_line:
                result.odd_lines.append((page, line.text))
    return result
