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
from bulletin_desk.ingest.cleanup import Change, clean_fragment
from bulletin_desk.ingest.lines import LineEvent, SourceLine, mark_gaps, rejoin
from bulletin_desk.ingest.page_debris import find_page_numbers, glue_bare_numbers


def _plain(block: Block) -> bool:
    return block.role is None and not (block.centred or block.large or block.all_bold)


def apply_line_rules(blocks: list[Block], skip: Collection[str], changes: list[Change]) -> list[Block]:
    """Blocks after page-number removal and rejoining; every plain block also learns whether it is set apart."""
    out: list[Block] = []
    run: list[Block] = []
    for block in blocks:
        if _plain(block) and not (block.bold_prefix and run):
            run.append(block)
            continue
        out += _run_rules(run, skip, changes)
        run = [block] if _plain(block) else []
        if not run:
            out.append(block)
    return out + _run_rules(run, skip, changes)


def _as_lines(run: list[Block]) -> list[SourceLine]:
    """Line i is block i; a paragraph boundary is a blank line, a <br> none."""
    lines: list[SourceLine] = []
    for i, block in enumerate(run):
        if i and not block.soft_break_before:
            lines.append(SourceLine("", i))
        lines.append(SourceLine(block.text, i))
    return lines


def _run_rules(run: list[Block], skip: Collection[str], changes: list[Change]) -> list[Block]:
    if not run:
        return []
    lines = _as_lines(run)
    if "page_number" not in skip:
        pages = find_page_numbers(lines)
        changes.extend(Change("page_number", run[lines[i].line].line, lines[i].text, "") for i in sorted(pages))
        lines = [SourceLine("", line.line, debris=True) if i in pages else line for i, line in enumerate(lines)]
    events: list[LineEvent] = []
    if "rejoin" in skip:
        paragraphs = mark_gaps(lines)
    else:
        if "page_number" not in skip:
            lines, events = glue_bare_numbers(lines)
        paragraphs, joined = rejoin(lines)
        events += joined
    changes.extend(Change("rejoin", run[e.line].line, e.text.replace("⏎", "\n"), e.text.replace("⏎", ""))
                   for e in events)
    return [_merged(run, paragraph, skip, changes) for paragraph in paragraphs]


def _merged(run: list[Block], paragraph: SourceLine, skip: Collection[str], changes: list[Change]) -> Block:
    """The block of a paragraph: its first block's hints, the joined text cleaned across the seams."""
    first = run[paragraph.line]
    text = paragraph.text
    if paragraph.joined_lines:
        text = clean_fragment(text, first.line, skip, changes)
    return Block(text, first.line, bold_prefix=first.bold_prefix if text.startswith(first.bold_prefix or "") else None,
                 formatted=first.formatted, set_apart=paragraph.set_apart)
