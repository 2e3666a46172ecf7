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
from bulletin_desk.model.templates import (
    TEMPLATES_FORMAT,
    DistrictTemplate,
    article_from_template,
    dump_templates_bytes,
    dumps_templates,
    loads_templates,
)
from bulletin_desk.model.text import article_char_count, count_chars, issue_char_count, issue_label
from bulletin_desk.model.validation import Problem, Severity, bad_character, validate

__all__ = [
    "FORMAT", "TEMPLATES_FORMAT", "Article", "Colophon", "Distribution", "DistrictTemplate", "FormatError", "Issue",
    "Masthead", "Paragraph", "ParagraphKind", "Problem", "Section", "Severity", "article_char_count",
    "article_from_template", "bad_character", "count_chars", "dump_bytes", "dump_templates_bytes", "dumps",
    "dumps_templates", "issue_char_count", "issue_from_dict", "issue_label", "issue_to_dict", "loads",
    "loads_templates", "validate",
]
