"""The masthead block at the top of an issue: name, 第N期/增刊, （总第M期）, 密级, office, date.

A masthead exists when an issue-number line (第N期, 增刊第N期, 增刊) appears among the first lines;
without one, the input is an article (or a bare list of articles). The masthead ends after its date.
"""

from __future__ import annotations

from bulletin_desk.ingest.blocks import Block, Role
from bulletin_desk.ingest.dates import chinese_number, find_date_at_end, find_printed_date
from bulletin_desk.ingest.decisions import Decision, excerpt
from bulletin_desk.ingest.lines import join_text
from bulletin_desk.ingest.patterns import (
    CLASSIFICATION,
    SUPPLEMENT,
    TOTAL_NUMBER,
    LineShape,
    is_title_like,
    issue_number,
    shape_of,
)
from bulletin_desk.model import Masthead

MASTHEAD_SEARCH_BLOCKS = 6  # the issue number is within this many blocks of the top, or there is no masthead
_NUMBER_SHAPES = {LineShape.ISSUE_NUMBER, LineShape.SUPPLEMENT}


def _shape(block: Block) -> LineShape | None:
    if block.role is Role.ISSUE_NUMBER:
        return LineShape.ISSUE_NUMBER if issue_number(block.text) else LineShape.SUPPLEMENT
    if block.role is Role.CLASSIFICATION:
        return LineShape.CLASSIFICATION
    if block.role is Role.MASTHEAD:
        return None
    return shape_of(block.text)


def _number_index(blocks: list[Block]) -> int | None:
    for i, block in enumerate(blocks[:MASTHEAD_SEARCH_BLOCKS]):
        if block.role is Role.ISSUE_NUMBER or (block.role is None and _shape(block) in _NUMBER_SHAPES):
            return i
        if block.role in (Role.SECTION, Role.TITLE, Role.BODY) or shape_of(block.text) is LineShape.SECTION:
            return None
    return None


def read_masthead(blocks: list[Block], decisions: list[Decision]) -> tuple[Masthead | None, int]:
    """The masthead and the index of the first block after it; (None, 0) when there is none."""
    number_at = _number_index(blocks)
    if number_at is None:
        return None, 0
    masthead = Masthead()
    classification: list[str] = []
    for block in blocks[:number_at]:
        if _shape(block) is LineShape.CLASSIFICATION:
            match = CLASSIFICATION.match(block.text)
            classification.append(match.group(1) if match else block.text)
            decisions.append(Decision(block.line, "classification", "pattern_classification", excerpt(block.text)))
        else:  # a long name set on two lines (某县农业农村⏎工作动态) is one name
            masthead.title = join_text(masthead.title, block.text) if masthead.title else block.text
            decisions.append(Decision(block.line, "masthead_title", "before_issue_number", excerpt(block.text)))
    if classification:
        masthead.classification = " ".join(classification)
    index = number_at
    while index < len(blocks):
        block = blocks[index]
        if not _read_number_line(block, masthead, decisions):
            break
        index += 1
    return masthead, _read_office_and_date(blocks, index, masthead, decisions)


def _read_number_line(block: Block, masthead: Masthead, decisions: list[Decision]) -> bool:
    text = block.text
    if found := issue_number(text):
        supplement, number, total = found
        masthead.supplement = masthead.supplement or supplement
        masthead.number = chinese_number(number)
        if total is not None:
            masthead.total_number = total
        decisions.append(Decision(block.line, "issue_number", "pattern_issue_number", excerpt(text)))
        return True
    if match := TOTAL_NUMBER.match(text):
        masthead.total_number = int(match.group(1))
        decisions.append(Decision(block.line, "total_number", "pattern_total_number", excerpt(text)))
        return True
    if SUPPLEMENT.match(text):
        masthead.supplement = True
        decisions.append(Decision(block.line, "supplement", "pattern_supplement", excerpt(text)))
        return True
    return False


def _read_office_and_date(blocks: list[Block], index: int, masthead: Masthead, decisions: list[Decision]) -> int:
    """Office and date follow the number: on one line, on two, or (rarely) the date alone; the date may have
    its weekday after it, or 印发 (某办 2021年6月18日印发)."""
    for offset in (0, 1):
        if index + offset >= len(blocks):
            return index
        block = blocks[index + offset]
        found = find_date_at_end(block.text) or find_printed_date(block.text)
        if found is None:
            continue
        office, date = found
        if offset == 1:
            office_block = blocks[index]
            if office or not is_title_like(office_block.text) or shape_of(office_block.text) is not None:
                return index
            office = office_block.text
            decisions.append(Decision(office_block.line, "office", "line_before_date", excerpt(office)))
        elif office:
            decisions.append(Decision(block.line, "office", "text_before_date", excerpt(office)))
        masthead.office = office
        masthead.date = date
        decisions.append(Decision(block.line, "date", "pattern_date", date.isoformat()))
        return index + offset + 1
    return index
