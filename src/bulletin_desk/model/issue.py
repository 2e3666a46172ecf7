"""The issue as plain dataclasses, mirroring bulletin-desk/1 (shared/docs/bulletin-json.md).

Text is stored clean: full-width Chinese punctuation, no layout characters (no 【】 around headings,
no 报：/送：/发： labels, no parentheses around the source). The layout adds those, so the same
data prints correctly under any layout profile.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from enum import StrEnum


class ParagraphKind(StrEnum):
    """A paragraph is body text or a sub-heading line (一、/（一）/1./（1）).

    Never guessed from text at layout time: 1.2万人… is not a heading.
    """

    BODY = "body"
    H1 = "h1"
    H2 = "h2"
    H3 = "h3"
    H4 = "h4"


@dataclass
class Paragraph:
    """One paragraph; `lead` is the bold opening sentence including its closing 。！？."""

    text: str = ""
    lead: str | None = None
    kind: ParagraphKind = ParagraphKind.BODY

    @property
    def full_text(self) -> str:
        """The paragraph as printed: lead followed by the rest."""
        return (self.lead or "") + self.text


@dataclass
class Article:
    title: str = ""
    note: str | None = None  # 按语 / 编者按, printed before the article
    source: str | None = None  # contributing unit, printed as （海淀区文明办）
    paragraphs: list[Paragraph] = field(default_factory=list)
    # Layout hints for the last squeeze onto 2 or 4 pages. They live in the archive, not in
    # bulletin-desk/1 (whose keys are fixed), so a .bdjson round trip drops them by design.
    page_break_before: bool = False  # start this article on a new page
    keep_together: bool = False  # never split this article across pages


@dataclass
class Section:
    heading: str = ""  # printed as 【heading】
    articles: list[Article] = field(default_factory=list)


@dataclass
class Masthead:
    title: str = ""  # the bulletin (series) name
    number: int | None = None  # 第N期; None for an unnumbered special issue
    total_number: int | None = None  # 总第M期; None when the bulletin prints none
    supplement: bool = False  # 增刊, numbered in its own sequence
    office: str = ""
    date: _dt.date | None = None
    classification: str | None = None  # e.g. 内部资料, or a 密级 mark printed top-left


@dataclass
class Colophon:
    editor: str | None = None  # 责编
    reviewer: str | None = None  # 核稿
    approver: str | None = None  # 签发
    phone: str | None = None
    fax: str | None = None
    email: str | None = None


@dataclass
class Distribution:
    report_to: str | None = None  # 报：
    send_to: str | None = None  # 送：
    issue_to: str | None = None  # 发：
    cc: str | None = None  # 抄送：, for bulletins that print it instead of 报/送/发


@dataclass
class Issue:
    masthead: Masthead = field(default_factory=Masthead)
    sections: list[Section] = field(default_factory=list)
    colophon: Colophon = field(default_factory=Colophon)
    distribution: Distribution = field(default_factory=Distribution)
    copies: int | None = None  # 印数: （共印N份）

    def articles(self) -> list[Article]:
        """All articles in print order."""
        return [a for s in self.sections for a in s.articles]
