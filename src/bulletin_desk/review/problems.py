"""What a 签发前检查 rule returns: a located problem with a catalogued code (catalogue/review.py).

Located the way the rest of the app locates text — section/article/paragraph indexes plus a field
name, as in `layout.SourceRef` and `archive.search.SearchHit` — so the GUI can jump to it and the
CLI can name it. ``offset`` points at a character inside the field's text where one is to blame
(for a paragraph the text is lead + body, as printed).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from bulletin_desk.catalogue import Lang, Message


@dataclass(frozen=True, slots=True)
class Location:
    """Where a problem is. ``field``: masthead.number|total_number|date, section.heading, article.title,
    article.note, article.source, paragraph, imprint; indexes are None above their level."""

    field: str
    section: int | None = None
    article: int | None = None
    paragraph: int | None = None
    offset: int | None = None

    @property
    def path(self) -> str:
        """As model validation spells it: ``sections[0].articles[2].paragraphs[1]``, ``masthead.number``."""
        if self.section is None:
            return self.field
        out = f"sections[{self.section}]"
        if self.article is None:
            return out + "." + self.field.split(".", 1)[-1]
        out += f".articles[{self.article}]"
        if self.paragraph is not None:
            return out + f".paragraphs[{self.paragraph}]"
        return out + "." + self.field.split(".", 1)[-1]


@dataclass(frozen=True, slots=True)
class Problem:
    """One reason not to sign off yet. Overriding it needs a reason (stored by the archive)."""

    code: str
    params: Mapping[str, object] = field(default_factory=dict)
    location: Location = field(default_factory=lambda: Location("issue"))

    @property
    def message(self) -> Message:
        return Message(self.code, self.params)

    def render(self, lang: Lang = "zh") -> str:
        return self.message.render(lang)


def problem(code: str, location: Location, **params: object) -> Problem:
    """A Problem; every ``code`` is a key of catalogue/review.py (tests/test_catalogue.py checks)."""
    return Problem(code, params, location)


__all__ = ["Location", "Problem", "problem"]
