"""A block is one clean paragraph of input with whatever the source format tells about it.

Plain text tells nothing but the words; HTML and DOCX add bold opening runs, centring and size;
our own DOCX adds the element's role through its named paragraph style. Detection reads all of
them the same way, so the rules are written once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from bulletin_desk.ingest.changes import Origin


class Role(StrEnum):
    """An element role a block may carry from its source (a named style of our own DOCX)."""

    CLASSIFICATION = "classification"
    MASTHEAD = "masthead"
    ISSUE_NUMBER = "issue_number"
    OFFICE_DATE = "office_date"
    SECTION = "section"
    TITLE = "title"
    NOTE = "note"
    BODY = "body"
    H1 = "h1"
    H2 = "h2"
    H3 = "h3"
    H4 = "h4"
    SOURCE = "source"
    IMPRINT = "imprint"
    PAGE_NUMBER = "page_number"
    PLAIN = "plain"  # a table cell or other content to keep as a plain paragraph, never interpreted


@dataclass
class Block:
    text: str
    line: int
    bold_prefix: str | None = None  # the text of the bold opening run(s), when the source has formatting
    all_bold: bool = False
    centred: bool = False
    large: bool = False
    role: Role | None = None
    formatted: bool = False  # the source carries formatting: leads come from bold runs, not from rules
    set_apart: bool = False  # blank lines (or a paragraph of its own) on both sides: a headline may have ，、：
    soft_break_before: bool = False  # HTML: a <br> separates it from the block before, not a new paragraph
    origins: list[Origin] = field(default_factory=list)  # per character, for change ids (changes.py)
