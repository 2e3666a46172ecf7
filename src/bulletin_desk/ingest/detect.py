"""Structure detection: clean blocks → an Issue (with masthead) or a single Article, with reasons.

Each block is read once, top to bottom. Its role comes from the source when the source says (a named
style of our own DOCX), otherwise from its shape (patterns.py) and formatting hints (centred or
large → title; a bold opening run → lead). Every decision is recorded with its reason.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bulletin_desk.ingest.blocks import Block, Role
from bulletin_desk.ingest.dates import find_printed_date
from bulletin_desk.ingest.decisions import Decision, excerpt
from bulletin_desk.ingest.imprint import read_colophon, read_copies, read_distribution
from bulletin_desk.ingest.leads import assign_leads
from bulletin_desk.ingest.masthead import read_masthead
from bulletin_desk.ingest.patterns import (
    ATTRIBUTION,
    END_ATTRIBUTION,
    NOTE,
    SECTION,
    LineShape,
    heading_kind,
    is_headline_like,
    is_title_like,
    shape_of,
)
from bulletin_desk.model import Article, Issue, Paragraph, ParagraphKind, Section

TITLE_MAX_CHARS_FORMATTED = 60  # a centred or large line this long is still a headline
_HEADING_ROLES = {Role.H1: "h1", Role.H2: "h2", Role.H3: "h3", Role.H4: "h4"}
_IMPRINT_SHAPES = {LineShape.COLOPHON, LineShape.DISTRIBUTION, LineShape.COPIES}


@dataclass
class Detected:
    issue: Issue | None
    article: Article | None
    decisions: list[Decision] = field(default_factory=list)


@dataclass
class _EndAttribution:
    """A source cut from the end of a paragraph; undone if the article goes on after it."""

    article: Article
    paragraph: Paragraph
    original: str


class _Reader:
    def __init__(self) -> None:
        self.issue = Issue()
        self.decisions: list[Decision] = []
        self.section: Section | None = None
        self.article: Article | None = None
        self.closed = False  # the current article ended with its attribution
        self.pending_note: str | None = None
        self.expect_note = False
        self.end_attribution: _EndAttribution | None = None
        self.paragraph_lines: dict[int, int] = {}
        self.any_section = False

    def decide(self, block: Block, element: str, reason: str, text: str | None = None) -> None:
        self.decisions.append(Decision(block.line, element, reason, excerpt(block.text if text is None else text)))

    # -- containers -------------------------------------------------------------------------------
    def new_section(self, heading: str) -> None:
        self.section = Section(heading=heading)
        self.issue.sections.append(self.section)
        self.article, self.closed, self.any_section = None, False, True

    def new_article(self, title: str) -> Article:
        if self.section is None:
            self.section = Section(heading="")
            self.issue.sections.append(self.section)
        self.article = Article(title=title, note=self.pending_note)
        self.pending_note, self.closed, self.end_attribution = None, False, None
        self.section.articles.append(self.article)
        return self.article

    def current_article(self, block: Block) -> Article:
        if self.article is None:
            self.decide(block, "untitled_article", "text_before_title")
            return self.new_article("")
        return self.article

    def add_paragraph(self, block: Block, paragraph: Paragraph) -> None:
        article = self.current_article(block)
        undo = self.end_attribution
        if undo is not None and undo.article is article:
            undo.paragraph.text = undo.original
            article.source = None
            self.decide(block, "attribution_undone", "text_after_attribution", undo.original[-12:])
        self.end_attribution = None
        self.closed = False
        article.paragraphs.append(paragraph)
        self.paragraph_lines[id(paragraph)] = block.line

    # -- one block --------------------------------------------------------------------------------
    def read(self, block: Block) -> None:
        role, text = block.role, block.text
        if role is Role.PLAIN:
            self.add_paragraph(block, Paragraph(text=text))
            self.decide(block, "paragraph", "table_cell")
            return
        if role is Role.PAGE_NUMBER:
            self.decide(block, "skipped", "page_number_style")
            return
        shape = None if role in (Role.TITLE, Role.BODY) else shape_of(text)
        kind = _HEADING_ROLES.get(role) if role is not None else heading_kind(text)
        if role is Role.SECTION or (role is None and shape is LineShape.SECTION):
            match = SECTION.match(text)
            self.new_section(match.group(1) if match else text.strip("【】 "))
            self.decide(block, "section", "style_name" if role else "brackets_section")
        elif role is Role.NOTE or (role is None and shape is LineShape.NOTE):
            match = NOTE.match(text)
            self.read_note(block, match.group(2).strip() if match else text)
        elif role is Role.SOURCE or (role is None and shape is LineShape.ATTRIBUTION):
            self.read_attribution(block)
        elif shape in _IMPRINT_SHAPES and (role is None or role is Role.IMPRINT):
            self.read_imprint(block, shape)
        elif shape is LineShape.PRINTED_BY and role in (None, Role.IMPRINT, Role.OFFICE_DATE):
            self.read_printed_by(block)
        elif kind:
            self.add_paragraph(block, Paragraph(text=text, kind=ParagraphKind(kind)))
            self.decide(block, kind, "style_name" if role else "heading_numbering")
        elif self.expect_note and role is None:
            self.read_note(block, text)
        elif role is Role.TITLE or (role is None and self.is_title(block)):
            self.read_title(block)
        else:
            self.read_body(block)

    def headline_place(self, block: Block) -> str | None:
        """Why a short line with ，、：— may be a headline here (set apart, or where an article must start).

        Body text broken mid-paragraph looks the same, so the shape alone is not enough.
        """
        if self.closed or self.article is None:
            return "headline_after_opener"
        if block.set_apart and self.article.paragraphs:
            return "headline_set_apart"
        return None

    def is_title(self, block: Block) -> bool:
        text = block.text
        looks = is_title_like(text) or ((block.centred or block.large) and len(text) <= TITLE_MAX_CHARS_FORMATTED
                                        and not block.bold_prefix)
        looks = looks or (is_headline_like(text) and self.headline_place(block) is not None)
        if not looks or shape_of(text) is not None:  # a date or number line alone is never a headline
            return False
        article = self.article
        if article is None or self.closed or article.paragraphs:
            return True
        return text.startswith("——") and bool(article.title)

    def read_title(self, block: Block) -> None:
        text = block.text
        article = self.article
        if article is not None and article.title and not article.paragraphs and text.startswith("——"):
            article.title += "\n" + text
            self.decide(block, "subtitle", "dash_after_title")
            return
        if block.role is Role.TITLE:
            reason = "style_name"
        elif block.centred or block.large:
            reason = "centred_large"
        elif is_title_like(text):
            reason = "title_like"
        else:
            reason = self.headline_place(block) or "title_like"
        self.new_article(text)
        self.decide(block, "title", reason)

    def read_note(self, block: Block, text: str) -> None:
        if not text:
            self.expect_note = True
            self.decide(block, "note_label", "note_label")
            return
        self.expect_note = False
        article = self.article
        if article is not None and article.title and not article.paragraphs and article.note is None:
            article.note = text
            self.decide(block, "note", "note_after_title", text)
        else:
            self.pending_note = text if self.pending_note is None else self.pending_note + "\n" + text
            self.decide(block, "note", "note_before_title", text)

    def read_attribution(self, block: Block) -> None:
        match = ATTRIBUTION.match(block.text)
        source = match.group(1).strip() if match else block.text.strip("（）() ")
        article = self.article
        if article is None or article.source is not None:
            self.read_body(block)
            return
        article.source = source
        self.closed, self.end_attribution = True, None
        self.decide(block, "source", "style_name" if block.role else "attribution_line", source)

    def read_imprint(self, block: Block, shape: LineShape | None) -> None:
        if shape is LineShape.COLOPHON:
            read_colophon(block.text, self.issue.colophon)
            self.decide(block, "colophon", "colophon_label")
        elif shape is LineShape.DISTRIBUTION:
            read_distribution(block.text, self.issue)
            self.decide(block, "distribution", "distribution_label")
        else:
            self.issue.copies = read_copies(block.text)
            self.decide(block, "copies", "copies_pattern")

    def read_printed_by(self, block: Block) -> None:
        """某办秘书科 2021年6月18日印发: who printed the issue and when. The model keeps that as the masthead's
        office and date, so it fills them when the masthead lacks them; it is never an article."""
        found = find_printed_date(block.text)
        masthead = self.issue.masthead
        if found is not None and not masthead.office and masthead.date is None:
            masthead.office, masthead.date = found
        self.decide(block, "printed_by", "printed_by_line")

    def read_body(self, block: Block) -> None:
        text = block.text
        lead = None
        if block.bold_prefix and not block.all_bold and text.startswith(block.bold_prefix):
            lead, text = block.bold_prefix, text[len(block.bold_prefix):]
            self.decide(block, "lead", "lead_bold", lead)
        paragraph = Paragraph(text=text, lead=lead)
        self.add_paragraph(block, paragraph)
        self.decide(block, "paragraph", "style_name" if block.role is Role.BODY else "paragraph_default")
        article = self.article
        match = END_ATTRIBUTION.match(text) if block.role is None else None
        if match and article is not None and article.source is None:
            self.end_attribution = _EndAttribution(article, paragraph, text)
            paragraph.text = match.group(1)
            article.source = match.group(2).strip()
            self.decide(block, "source", "attribution_end", article.source)


def detect(blocks: list[Block]) -> Detected:
    """Read the blocks of one input into an Issue, or an Article when it is a single pasted article."""
    reader = _Reader()
    masthead, start = read_masthead(blocks, reader.decisions)
    if masthead is not None:
        reader.issue.masthead = masthead
    for block in blocks[start:]:
        reader.read(block)
    if reader.pending_note is not None:  # a note with no article after it is kept as a paragraph
        note, reader.pending_note = reader.pending_note, None
        article = reader.article or reader.new_article("")
        article.paragraphs.append(Paragraph(text=note))
    formatted = any(b.formatted for b in blocks)
    for article in reader.issue.articles():
        if not formatted:
            assign_leads(article, reader.paragraph_lines, reader.decisions)
    reader.decisions.sort(key=lambda d: d.line)
    articles = reader.issue.articles()
    if masthead is None and not reader.any_section and len(articles) == 1 and _imprint_empty(reader.issue):
        return Detected(None, articles[0], reader.decisions)
    return Detected(reader.issue, None, reader.decisions)


def _imprint_empty(issue: Issue) -> bool:
    colophon, distribution = issue.colophon, issue.distribution
    return (issue.copies is None and not any(vars(colophon).values()) and not any(vars(distribution).values()))
