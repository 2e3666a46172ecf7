"""The engine's composed blocks and PageLayout → the writer's paragraphs.

The DOCX is written from the SAME composed blocks as the preview (layout.compose.compose_blocks) and
takes from the engine's PageLayout only what a word processor must not decide by itself: where a
title or a 版记 row breaks (written as ``w:br``) and how much room is left above the 版记 on the last
page. Every vertical size is whole grid lines, as in the engine: a block of ``line_pt`` lines is
written as exact lines centred in its rounded-up grid height (spacing before and after).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import replace

from bulletin_desk.export.geometry import DocxGeometry, ParaFormat, RuleStyle, RunFormat
from bulletin_desk.export.profile_adapter import hex_color
from bulletin_desk.export.writer import DocxContent, DocxImprint, DocxParagraph, ImprintRow, RunSpec
from bulletin_desk.layout.compose import Block, Group, InlineRun, compose_blocks, on_grid
from bulletin_desk.layout.page import BlockRole, Line, PageLayout
from bulletin_desk.layout.profile import LayoutProfile
from bulletin_desk.model import Issue

_ALIGN = {"left": "left", "center": "center", "right": "right", "justify": "both"}
# Body-size text of the flow sits on the grid (layout.compose.on_grid); large type, the 版头, 栏目 and the
# 版记 are written off the grid with exact heights of whole grid lines.
_KEEP_NEXT = {BlockRole.SECTION, BlockRole.TITLE, BlockRole.H1, BlockRole.H2, BlockRole.H3, BlockRole.H4}


def _key(line_or_block: Line | Block) -> tuple[object, ...]:
    s = line_or_block.source
    return (s.field, s.section, s.article, s.paragraph) if s is not None else ()


def assign_lines(blocks: Sequence[Block], layout: PageLayout) -> list[list[Line]]:
    """The engine's lines of each block, in order (a new block of the same source restarts at offset 0)."""
    lines = [line for page in layout.pages for line in page.lines if line.role is not BlockRole.PAGE_NUMBER]
    result: list[list[Line]] = [[] for _ in blocks]
    cursor = 0
    for index, block in enumerate(blocks):
        key = _key(block)
        taken: list[Line] = result[index]
        position = cursor
        while position < len(lines):
            line = lines[position]
            same = _key(line) == key and line.role is block.role
            right_alone = _right_alone(block, line)
            if not (same or right_alone):
                break
            if taken and same and line.source is not None and taken[-1].source is not None \
                    and line.source.start <= taken[-1].source.start and not right_alone:
                break  # the next block of the same source (版记 rows share one)
            taken.append(line)
            position += 1
            if right_alone:
                break
        if taken:
            cursor = position
        elif block.group is not Group.IMPRINT:
            # not found right here (the 版记 lines may come out of order): search ahead
            for probe in range(cursor, len(lines)):
                if _key(lines[probe]) == key and lines[probe].role is block.role:
                    taken.append(lines[probe])
    return result


def _right_alone(block: Block, line: Line) -> bool:
    """``line`` holds only ``block``'s right-hand runs (date, 共印N份), below its text (no room beside it)."""
    return bool(block.right_runs and block.right_field and line.source is not None
                and line.source.field == block.right_field and line.role is block.role)


def _run_spec(run: InlineRun) -> RunSpec:
    return RunSpec(run.text, RunFormat(run.face, run.size, run.bold, hex_color(run.color), run.tracking))


def _line_box(block: Block, count: int, pitch: float) -> tuple[float, float]:
    """(exact line height, centring pad above and below) of a block of ``count`` text lines."""
    if block.block_lines:
        return block.block_lines * pitch / count, 0.0
    if block.line_pt:
        height = math.ceil(count * block.line_pt / pitch - 1e-6)
        return block.line_pt, (height * pitch - count * block.line_pt) / 2
    return pitch, 0.0


def _baseline_in_line(profile: LayoutProfile, block: Block, line_h: float) -> float:
    """A line's baseline below its line's top, as the engine and LibreOffice put it (the grid inset of
    lines off the grid left out: it moves the line box and whatever hangs below it alike)."""
    if on_grid(block):
        return (line_h - block.size) / 2 + profile.grid.baseline_em * block.size
    return profile.exact_baseline(line_h)


def _paragraph(block: Block, lines: list[Line], profile: LayoutProfile, *, explicit_breaks: bool,
               at_page_top: bool) -> DocxParagraph:
    pitch = profile.pitch
    text_lines = [ln for ln in lines if not _right_alone(block, ln)]
    count = max(1, len(text_lines))
    line_h, pad = _line_box(block, count, pitch)
    before = (0 if at_page_top and block.group is Group.CONTENT else block.before_lines) * pitch + pad
    after = block.after_lines * pitch + pad
    if at_page_top and block.group is Group.CONTENT and pad:
        # LibreOffice drops spacing before at the top of a page: give the whole pad after instead, so
        # the lines below stay on the grid; the engine, too, sets such a title at the top of its block.
        before, after = 0.0, after + pad
    rule = None
    if block.rule_below is not None:
        # LibreOffice and Word draw a bottom border ``space`` below the line box and add space and
        # width to the paragraph's height; the engine draws it ``gap`` below the baseline without
        # taking room. Place it there and give the room back from the spacing after.
        spec = block.rule_below
        space = max(0.0, _baseline_in_line(profile, block, line_h) + spec.gap - line_h - spec.thickness / 2)
        rule = RuleStyle(spec.thickness, hex_color(spec.color), space)
        after = max(0.0, after - round(space) - spec.thickness)
    starts = tuple(ln.source.start for ln in text_lines[1:] if ln.source is not None)
    size = block.size
    para = ParaFormat(
        size_pt=size, align=_ALIGN[block.align], first_line_pt=block.first_line_indent,
        left_pt=block.left_indent, right_pt=block.right_indent, hanging_pt=block.hanging_indent,
        line_pt=line_h, before_pt=before, after_pt=after,
        snap_to_grid=on_grid(block),
        keep_next=block.keep_with_next or block.role in _KEEP_NEXT)
    right_own_line = bool(lines) and len(lines) > 1 and _right_alone(block, lines[-1])
    return DocxParagraph(
        role=block.role, runs=tuple(_run_spec(r) for r in block.runs if r.text), para=para,
        line_starts=starts if explicit_breaks else (),
        right_runs=tuple(_run_spec(r) for r in block.right_runs if r.text),
        right_on_last_line=True, right_on_own_line=right_own_line,
        right_tab_pt=profile.body_width - block.right_indent, rule_below=rule)


def _page_parts(block: Block, lines: list[Line], page_of: dict[int, int]
                ) -> list[tuple[Block, list[Line], Line | None]]:
    """(block, its lines, the first original line) per page a block of ``line_pt`` lines spans.

    A title too tall to stay whole flows on to the next page in the engine (split between lines, each
    page's part centred in whole grid lines); a word processor left to split one paragraph would put
    the cut elsewhere and the text below off the grid. So each page's part is a paragraph of its own
    (the caller gives the later ones w:pageBreakBefore), with the text and line offsets of that part.
    """
    first = lines[0] if lines else None
    if not block.line_pt or block.block_lines or len({page_of.get(id(line)) for line in lines}) < 2:
        return [(block, lines, first)]
    groups: list[list[Line]] = []
    for line in lines:
        if groups and page_of.get(id(groups[-1][-1])) == page_of.get(id(line)):
            groups[-1].append(line)
        else:
            groups.append([line])
    parts: list[tuple[Block, list[Line], Line | None]] = []
    for number, group in enumerate(groups):
        start = group[0].source.start if group[0].source is not None else 0
        end = group[-1].source.end if group[-1].source is not None else len(block.text)
        shifted = [replace(line, source=replace(line.source, start=line.source.start - start,
                                                end=line.source.end - start)) if line.source is not None else line
                   for line in group]
        part = replace(block, runs=_slice_runs(block.runs, start, end), forced_breaks=(),
                       before_lines=block.before_lines if number == 0 else 0,
                       after_lines=block.after_lines if number == len(groups) - 1 else 0)
        parts.append((part, shifted, group[0]))
    return parts


def _slice_runs(runs: tuple[InlineRun, ...], start: int, end: int) -> tuple[InlineRun, ...]:
    """The inline runs of characters [start, end) of their joined text."""
    result: list[InlineRun] = []
    offset = 0
    for run in runs:
        s, e = max(start, offset), min(end, offset + len(run.text))
        if s < e:
            result.append(replace(run, text=run.text[s - offset:e - offset]))
        offset += len(run.text)
    return tuple(result)


def _rows_used(profile: LayoutProfile, blocks: Sequence[Block], per_block: list[list[Line]],
               page_of: dict[int, int]) -> dict[int, int]:
    """Page → grid rows its text takes from the top (to the bottom of its last line box), as the engine
    placed it. From each line's box, not its baseline: a title opening a page sits at the top of its
    block, so its baseline no longer says which grid row it ends in."""
    used: dict[int, int] = {}
    for block, lines in zip(blocks, per_block, strict=True):
        if block.group is Group.IMPRINT or not lines:
            continue
        count = max(1, sum(1 for ln in lines if not _right_alone(block, ln)))
        line_h, _pad = _line_box(block, count, profile.pitch)
        inset = 0.0 if on_grid(block) else profile.grid_inset
        for line in lines:
            bottom = line.baseline - _baseline_in_line(profile, block, line_h) - inset + line_h
            rows = math.ceil((bottom - profile.top) / profile.pitch - 1e-6)
            page = page_of[id(line)]
            used[page] = max(used.get(page, 0), rows)
    return used


def _kept_articles(blocks: Sequence[Block], per_block: list[list[Line]],
                   page_of: dict[int, int]) -> dict[tuple[int | None, int | None], int]:
    """Keep-together articles the engine set on one page → the index of their last block.

    Only those get ``keepNext`` (all but the last paragraph) and ``keepLines``: an article longer than a
    page is laid out by the engine as if it had no hint, and a word processor must not try either.
    """
    pages: dict[tuple[int | None, int | None], set[int]] = {}
    last: dict[tuple[int | None, int | None], int] = {}
    for index, (block, lines) in enumerate(zip(blocks, per_block, strict=True)):
        if block.keep_together and lines:
            key = (block.source.section, block.source.article)
            pages.setdefault(key, set()).update(page_of[id(line)] for line in lines)
            last[key] = index
    return {key: last[key] for key, seen in pages.items() if len(seen) == 1}


def _with_hints(paragraph: DocxParagraph, *, page_break: bool, keep_next: bool, keep_lines: bool) -> DocxParagraph:
    if not (page_break or keep_next or keep_lines):
        return paragraph
    para = replace(paragraph.para, page_break_before=page_break or paragraph.para.page_break_before,
                   keep_next=keep_next or paragraph.para.keep_next, keep_lines=keep_lines)
    return replace(paragraph, para=para)


def content_from_blocks(issue: Issue, profile: LayoutProfile, geometry: DocxGeometry,
                        layout: PageLayout) -> DocxContent:
    blocks = compose_blocks(issue, profile)
    per_block = assign_lines(blocks, layout)
    page_of = {id(line): page.index for page in layout.pages for line in page.lines}
    kept = _kept_articles(blocks, per_block, page_of)
    paragraphs: list[DocxParagraph] = []
    imprint_rows: list[ImprintRow] = []
    previous_page = 0
    for index, (block, lines) in enumerate(zip(blocks, per_block, strict=True)):
        if block.group is Group.IMPRINT:
            height = len(lines) * profile.pitch if lines else profile.pitch
            paragraph = _paragraph(block, lines, profile, explicit_breaks=True, at_page_top=False)
            paragraph = DocxParagraph(**{**paragraph.__dict__, "para": ParaFormat(
                **{**paragraph.para.__dict__, "line_pt": profile.pitch, "before_pt": 0.0, "after_pt": 0.0,
                   "snap_to_grid": False, "keep_next": False})})
            rule = block.rule_above
            imprint_rows.append(ImprintRow(paragraph, height, RuleStyle(rule.thickness, hex_color(rule.color))
                                           if rule is not None else None))
            continue
        if not lines and block.group is Group.CONTENT:
            continue  # the engine drops empty content blocks too
        parts = _page_parts(block, lines, page_of)
        for number, (part, part_lines, first_line) in enumerate(parts):
            page = page_of.get(id(first_line), previous_page) if first_line is not None else previous_page
            at_top = page != previous_page
            previous_page = page
            # where a word processor must break as the engine did: titles (balanced), the masthead, and an
            # office name long enough to wrap (its date closes the last line)
            explicit = block.role in (BlockRole.TITLE, BlockRole.MASTHEAD, BlockRole.OFFICE_DATE)
            paragraph = _paragraph(part, part_lines, profile, explicit_breaks=explicit, at_page_top=at_top)
            if number < len(parts) - 1:  # a part that ends its page is kept with nothing
                paragraph = replace(paragraph, para=replace(paragraph.para, keep_next=False))
            kept_until = kept.get((block.source.section, block.source.article)) if block.keep_together else None
            paragraphs.append(_with_hints(
                paragraph, page_break=(block.page_break_before or number > 0) and at_top and len(paragraphs) > 0,
                keep_next=kept_until is not None and kept_until != index, keep_lines=kept_until is not None))
    imprint = (_imprint(profile, layout, imprint_rows, previous_page, _rows_used(profile, blocks, per_block, page_of))
               if imprint_rows else None)
    return DocxContent(paragraphs=paragraphs, imprint=imprint, pages=len(layout.pages))


def _imprint(profile: LayoutProfile, layout: PageLayout, rows: list[ImprintRow], last_content_page: int,
             rows_used: dict[int, int]) -> DocxImprint:
    spec = profile.element("imprint")
    imprint_page = next(p for p in reversed(layout.pages) if any(ln.role is BlockRole.IMPRINT for ln in p.lines))
    total_rows = round(sum(r.height_pt for r in rows) / profile.pitch)
    first_row = profile.grid.lines_per_page - total_rows
    new_page = imprint_page.index != last_content_page
    used = 0 if new_page else rows_used.get(imprint_page.index, 0)
    # LibreOffice adds the first row's top border and the last row's bottom border to the table's
    # height (measured: the rules came out one border low, and a 版记 ending on the last grid line
    # pushed the document's closing paragraph onto a new page). The last row gives that room back,
    # so the padding stays whole grid lines (zero for a 版记 right at a page end) and the last rule
    # sits within 2 pt above the 版心 bottom edge (GB/T 9704 allows 1 mm).
    first_rule = rows[0].rule_above.thickness_pt if rows and rows[0].rule_above else 0.0
    shrink = first_rule + spec.thick_rule_pt
    if rows:
        last = rows[-1]
        rows[-1] = ImprintRow(last.paragraph, last.height_pt - shrink, last.rule_above)
    pad = (first_row - used) * profile.pitch
    bottom = RuleStyle(spec.thick_rule_pt, hex_color(profile.color("black")))
    blank = sum(1 for page in layout.pages[last_content_page + 1:imprint_page.index] if not page.lines
                or all(ln.role is BlockRole.PAGE_NUMBER for ln in page.lines))
    return DocxImprint(rows=tuple(rows), rule_below=bottom, pad_pt=max(0.0, pad), new_page=new_page,
                       blank_pages=blank, numbered=imprint_page.page_number is not None)
