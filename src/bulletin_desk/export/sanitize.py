"""Remove what XML cannot hold (control characters, lone surrogates) before anything is written.

A pasted PDF excerpt can carry U+000B or half of a surrogate pair; lxml refuses such text and Word
reports the whole file as corrupt. Rather than fail the export at 4:55 pm, the characters are
dropped and a warning names where each was (第1栏第2篇第3段; the JSON path where no wording fits).
"""

from __future__ import annotations

import copy
import dataclasses

from bulletin_desk.catalogue import Message, msg, place_in_issue
from bulletin_desk.export.ooxml import illegal_xml_chars, strip_illegal_xml
from bulletin_desk.model import Issue


def _clean(value: object, path: str, warnings: list[Message]) -> object:
    if isinstance(value, str):
        bad = illegal_xml_chars(value)
        if bad:
            warnings.append(msg("export.illegal_chars", where=place_in_issue(path), count=len(bad)))
            return strip_illegal_xml(value)
        return value
    if isinstance(value, list):
        return [_clean(item, f"{path}[{index}]", warnings) for index, item in enumerate(value)]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            current = getattr(value, f.name)
            cleaned = _clean(current, f"{path}.{f.name}" if path else f.name, warnings)
            if cleaned is not current:
                setattr(value, f.name, cleaned)
        return value
    return value


def sanitize_issue(issue: Issue) -> tuple[Issue, list[Message]]:
    """A copy of ``issue`` with XML-illegal characters removed, and one warning per affected field."""
    warnings: list[Message] = []
    clean = copy.deepcopy(issue)
    _clean(clean, "", warnings)
    return clean, warnings
