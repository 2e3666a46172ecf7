"""The issue model: plain dataclasses, the bulletin-desk/1 codec and validation. Imports nothing of the app."""

from bulletin_desk.model.codec import (
    FORMAT,
    FormatError,
    dump_bytes,
    dumps,
    issue_from_dict,
    issue_to_dict,
    loads,
)
from bulletin_desk.model.issue import (
    Article,
    Colophon,
    Distribution,
    Issue,
    Masthead,
    Paragraph,
    ParagraphKind,
    Section,
)
from bulletin_desk.model.text import article_char_count, count_chars, issue_char_count, issue_label
from bulletin_desk.model.validation import Problem, Severity, bad_character, validate

__all__ = [
    "FORMAT", "Article", "Colophon", "Distribution", "FormatError", "Issue", "Masthead", "Paragraph",
    "ParagraphKind", "Problem", "Section", "Severity", "article_char_count", "bad_character", "count_chars",
    "dump_bytes", "dumps", "issue_char_count", "issue_from_dict", "issue_label", "issue_to_dict", "loads",
    "validate",
]
