"""Issue (+ the engine's PageLayout) → the writer's paragraphs.

Which text goes into which paragraph follows the issue's structure; where a title breaks and how
much room is left above the 版记 come from the engine's PageLayout, so the DOCX reproduces the
preview instead of re-deciding it. Every number comes from the geometry (itself from the profile).
"""

from __future__ import annotations

from bulletin_desk.export.geometry import DocxGeometry
from bulletin_desk.export.writer import DocxContent, DocxImprint, DocxParagraph, ImprintRow, Segment
from bulletin_desk.layout.page import BlockRole, PageLayout
from bulletin_desk.model import Issue, ParagraphKind

_HEADING_ROLES = {ParagraphKind.H1: BlockRole.H1, ParagraphKind.H2: BlockRole.H2, ParagraphKind.H3: BlockRole.H3,
                  ParagraphKind.H4: BlockRole.H4, ParagraphKind.BODY: BlockRole.BODY}


def number_line(issue: Issue) -> str:
    """第19期（总第2128期） — the masthead's number line, without the year."""
    m = issue.masthead
    prefix = "增刊" if m.supplement else ""
    core = f"{prefix}第{m.number}期" if m.number is not None else (prefix or "特刊")
    total = f"（总第{m.total_number}期）" if m.total_number is not None else ""
    return core + total


def date_text(issue: Issue) -> str:
    d = issue.masthead.date
    return f"{d.year}年{d.month}月{d.day}日" if d else ""


def imprint_texts(issue: Issue) -> tuple[list[str], list[str]]:
    """(colophon rows, distribution rows) as printed; the last distribution row carries 印数 after a tab."""
    c = issue.colophon
    colophon_items = [f"{label}：{value}" for label, value in (
        ("责编", c.editor), ("核稿", c.reviewer), ("签发", c.approver), ("电话", c.phone), ("传真", c.fax),
        ("邮箱", c.email)) if value]
    colophon_rows: list[str] = []
    row = ""
    for item in colophon_items:
        candidate = f"{row}　{item}" if row else item
        if len(candidate) > 30 and row:  # the engine's own rows replace this when a layout is given
            colophon_rows.append(row)
            row = item
        else:
            row = candidate
    if row:
        colophon_rows.append(row)
    d = issue.distribution
    distribution_rows = [f"{label}：{value}" for label, value in (
        ("报", d.report_to), ("送", d.send_to), ("发", d.issue_to), ("抄送", d.cc)) if value]
    if issue.copies is not None:
        copies = f"（共印{issue.copies}份）"
        if distribution_rows:
            distribution_rows[-1] += f"\t{copies}"
        else:
            distribution_rows.append(f"\t{copies}")
    return colophon_rows, distribution_rows


def _title_breaks(layout: PageLayout | None, role: BlockRole, field: str, section: int | None,
                  article: int | None) -> tuple[int, ...]:
    """Offsets where the engine started a new line of this title (the first line excluded)."""
    if layout is None:
        return ()
    starts = sorted({line.source.start for page in layout.pages for line in page.lines
                     if line.role is role and line.source is not None and line.source.field == field
                     and line.source.section == section and line.source.article == article})
    return tuple(s for s in starts if s > 0)


def masthead_paragraphs(issue: Issue, geometry: DocxGeometry, layout: PageLayout | None) -> list[DocxParagraph]:
    m = issue.masthead
    out: list[DocxParagraph] = []
    if m.classification:
        out.append(DocxParagraph(BlockRole.CLASSIFICATION, (Segment(m.classification),)))
    out.append(DocxParagraph(BlockRole.MASTHEAD, (Segment(m.title),),
                             line_starts=_title_breaks(layout, BlockRole.MASTHEAD, "masthead.title", None, None)))
    out.append(DocxParagraph(BlockRole.ISSUE_NUMBER, (Segment(number_line(issue)),)))
    out.append(DocxParagraph(BlockRole.OFFICE_DATE, (Segment(f"{m.office}\t{date_text(issue)}"),),
                             rule_below=geometry.red_rule, right_tab=True))
    return out


def content_from_issue(issue: Issue, geometry: DocxGeometry, layout: PageLayout | None = None) -> DocxContent:
    paragraphs = masthead_paragraphs(issue, geometry, layout)
    for s_index, section in enumerate(issue.sections):
        if section.heading:
            paragraphs.append(DocxParagraph(BlockRole.SECTION, (Segment(f"【{section.heading}】"),)))
        for a_index, article in enumerate(section.articles):
            if article.note:
                paragraphs.append(DocxParagraph(BlockRole.NOTE, (Segment(article.note),)))
            if article.title:
                breaks = _title_breaks(layout, BlockRole.TITLE, "title", s_index, a_index)
                paragraphs.append(DocxParagraph(BlockRole.TITLE, (Segment(article.title),), line_starts=breaks))
            for paragraph in article.paragraphs:
                segments = []
                if paragraph.lead:
                    segments.append(Segment(paragraph.lead, bold=True))
                if paragraph.text:
                    segments.append(Segment(paragraph.text))
                paragraphs.append(DocxParagraph(_HEADING_ROLES[paragraph.kind], tuple(segments)))
            if article.source:
                paragraphs.append(DocxParagraph(BlockRole.SOURCE, (Segment(f"（{article.source}）"),)))
    colophon_rows, distribution_rows = imprint_texts(issue)
    imprint = None
    rows: list[ImprintRow] = []
    for index, text in enumerate(colophon_rows):
        rows.append(ImprintRow(text, geometry.imprint_thick if index == 0 else None))
    for index, text in enumerate(distribution_rows):
        above = (geometry.imprint_thin if rows else geometry.imprint_thick) if index == 0 else None
        rows.append(ImprintRow(text, above))
    if rows:
        imprint = DocxImprint(rows=tuple(rows), rule_below=geometry.imprint_thick,
                              pad_pt=0.0, row_height_pt=geometry.line_pitch_pt)
    pages = len(layout.pages) if layout is not None else 0
    return DocxContent(paragraphs=paragraphs, imprint=imprint, pages=pages)
