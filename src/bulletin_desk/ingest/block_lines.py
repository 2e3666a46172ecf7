"""The line rules on HTML and DOCX blocks: page-number debris and broken lines, as for plain text.

Word's HTML and DOCX files converted from PDF carry the same debris as extracted text: a paragraph
that is only — 2 —, a sentence broken with <br> or split over two paragraphs at a page break. The
blocks are handed to the very rules the text uses (page_debris.py, lines.py): a <br> is a line break,
a new paragraph is a blank line. Blocks whose formatting says what they are (a style of our own DOCX,
centred or large, all bold, a table cell) are never joined, and a bold lead always starts a paragraph.
"""

from __future__ import annotations

from collections.abc import Collection

from bulletin_desk.ingest.blocks import Block
from bulletin_desk.ingest.changes import Change, line_id, origins_of
from bulletin_desk.ingest.cleanup import clean_tracked
from bulletin_desk.ingest.lines import LineEvent, SourceLine, mark_gaps, rejoin
from bulletin_desk.ingest.page_debris import find_page_numbers, glue_bare_numbers


def _plain(block: Block) -> bool:
    return block.role is None and not (block.centred or block.large or block.all_bold)


def apply_line_rules(blocks: list[Block], skip: Collection[str], changes: list[Change]) -> list[Block]:
    """Blocks after page-number removal and rejoining; every plain block also learns whether it is set apart.

    ``skip`` holds rules to leave out and refused change ids, as for text. Block k of the input is line k
    for the line rules, so a change's id names the blocks it joins.
    """
    out: list[Block] = []
    run: list[tuple[int, Block]] = []
    for k, block in enumerate(blocks, start=1):
        if _plain(block) and not (block.bold_prefix and run):
            run.append((k, block))
            continue
        out += _run_rules(run, skip, changes)
        run = [(k, block)] if _plain(block) else []
        if not run:
            out.append(block)
    return out + _run_rules(run, skip, changes)


def _as_lines(run: list[tuple[int, Block]]) -> list[SourceLine]:
    """Line k is block k; a paragraph boundary is a blank line, a <br> none."""
    lines: list[SourceLine] = []
    for k, block in run:
        if lines and not block.soft_break_before:
            lines.append(SourceLine("", k))
        origins = block.origins if len(block.origins) == len(block.text) else origins_of(block.line, block.text)
        lines.append(SourceLine(block.text, k, origins=origins))
    return lines


def _run_rules(run: list[tuple[int, Block]], skip: Collection[str], changes: list[Change]) -> list[Block]:
    if not run:
        return []
    by_number = dict(run)
    lines = _as_lines(run)
    if "page_number" not in skip:
        pages = set()
        for i in sorted(find_page_numbers(lines)):
            change_id = line_id("page_number", lines[i].line)
            changes.append(Change("page_number", by_number[lines[i].line].line, lines[i].text, "", change_id,
                                  change_id in skip))
            if change_id not in skip:
                pages.add(i)
        lines = [SourceLine("", line.line, debris=True) if i in pages else line for i, line in enumerate(lines)]
    events: list[LineEvent] = []
    if "rejoin" in skip:
        paragraphs = mark_gaps(lines)
    else:
        if "page_number" not in skip:
            lines, events = glue_bare_numbers(lines, skip)
        paragraphs, joined = rejoin(lines, skip)
        events += joined
    changes.extend(Change("rejoin", by_number[e.line].line, e.text.replace("⏎", "\n"), e.text.replace("⏎", ""),
                          e.id, e.refused) for e in events)
    return [_merged(by_number[paragraph.line], paragraph, skip, changes) for paragraph in paragraphs]


def _merged(first: Block, paragraph: SourceLine, skip: Collection[str], changes: list[Change]) -> Block:
    """The block of a paragraph: its first block's hints, the joined text cleaned across the seams."""
    text, origins = paragraph.text, paragraph.char_origins()
    if paragraph.joined_lines:
        text, origins = clean_tracked(text, origins, skip, changes)
    lead = first.bold_prefix if first.bold_prefix and text.startswith(first.bold_prefix) else None
    return Block(text, first.line, bold_prefix=lead, formatted=first.formatted, set_apart=paragraph.set_apart,
                 origins=origins)
