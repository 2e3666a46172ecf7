"""The result of layout: pages of positioned text runs and rules, in points from the page's top-left.

This is the contract between layout/ (which computes it, pure Python) and render/ (which paints it on
screen, into PDF and onto paper) and the fidelity tests (which compare it with LibreOffice's pages).
Every number a painter needs is here, so painting is drawing, never deciding.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Face(StrEnum):
    """Official type faces by role; render/ resolves each to an installed font."""

    XIAOBIAOSONG = "xiaobiaosong"  # 方正小标宋简体: masthead, titles
    FANGSONG = "fangsong"  # 仿宋_GB2312: body, 版记
    KAITI = "kaiti"  # 楷体_GB2312: 按语, h2
    HEITI = "heiti"  # 黑体: h1, 栏目 (by profile)
    SONGTI = "songti"  # 宋体: page numbers
    LATIN = "latin"  # Times New Roman: digits and Latin letters


class BlockRole(StrEnum):
    """What a line is, for styling, click-to-source and the fidelity checks."""

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
    IMPRINT = "imprint"  # 版记 rows
    PAGE_NUMBER = "page_number"


@dataclass(frozen=True)
class SourceRef:
    """Where a line's text comes from, for click-to-source and fidelity comparison.

    ``field`` names the model field (e.g. ``"paragraph"`` = lead + text, ``"title"``, ``"note"``,
    ``"source"``, ``"heading"``, ``"masthead.title"``, ``"colophon"``, ``"distribution.report_to"``);
    ``start``/``end`` are character offsets into that field's printed text.
    """

    field: str
    section: int | None = None
    article: int | None = None
    paragraph: int | None = None
    start: int = 0
    end: int = 0


@dataclass(frozen=True)
class TextRun:
    """Characters of one face, size, weight and colour, each at an exact x position.

    ``xs`` holds the left edge of every character (absolute, pt), so the painter places glyphs
    exactly where layout measured them: the preview, the PDF and the print cannot drift apart.
    """

    text: str
    xs: tuple[float, ...]
    width: float  # from xs[0] to the right edge of the last glyph
    face: Face
    size: float  # pt
    bold: bool = False
    color: str = "#000000"

    @property
    def x(self) -> float:
        return self.xs[0] if self.xs else 0.0


@dataclass(frozen=True)
class Line:
    runs: tuple[TextRun, ...]
    baseline: float  # pt from the page top
    role: BlockRole
    source: SourceRef | None = None

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)

    @property
    def x(self) -> float:
        return self.runs[0].x if self.runs else 0.0


@dataclass(frozen=True)
class Rule:
    """A horizontal rule (the red rule under the masthead, the 版记 rules)."""

    x0: float
    x1: float
    y: float  # centre of the stroke, pt from the page top
    thickness: float  # pt
    color: str = "#000000"


@dataclass
class Page:
    index: int  # 0-based physical page
    width: float  # pt
    height: float  # pt
    lines: list[Line] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    page_number: int | None = None  # the printed number, None where the page carries none


@dataclass
class PageLayout:
    pages: list[Page] = field(default_factory=list)
    profile_name: str = ""
    # The engine's private memory (layout.engine.LayoutCache): pass this PageLayout back as
    # ``layout_issue(..., previous=...)`` and only changed paragraphs are broken again.
    cache: object | None = field(default=None, repr=False, compare=False)
