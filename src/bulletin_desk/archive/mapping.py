"""Issue ↔ rows: the one place that knows how a model.Issue is spread over the tables.

Text goes in and comes out exactly as given (None stays None, "" stays ""), so an issue saved and
loaded is equal to the original and exports byte-equal bulletin-desk/1.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Sequence
from typing import Any

from bulletin_desk.model import (
    Article,
    Colophon,
    Distribution,
    Issue,
    Masthead,
    Paragraph,
    ParagraphKind,
    Section,
    article_char_count,
    issue_char_count,
)

COLOPHON_FIELDS = ("editor", "reviewer", "approver", "phone", "fax", "email")
DISTRIBUTION_FIELDS = ("report_to", "send_to", "issue_to", "cc")


def first_title(issue: Issue) -> str:
    for section in issue.sections:
        for article in section.articles:
            if article.title:
                return article.title
    return ""


def issue_values(issue: Issue) -> dict[str, Any]:
    """The issue row's own columns (no id, version or timestamps)."""
    m = issue.masthead
    values: dict[str, Any] = {
        "series": m.title,
        "year": m.date.year if m.date else None,
        "number": m.number,
        "total_number": m.total_number,
        "supplement": bool(m.supplement),
        "issue_date": m.date.isoformat() if m.date else None,
        "office": m.office,
        "classification": m.classification,
        "copies": issue.copies,
        "first_title": first_title(issue),
        "char_count": issue_char_count(issue),
    }
    for name in COLOPHON_FIELDS:
        values[name] = getattr(issue.colophon, name)
    for name in DISTRIBUTION_FIELDS:
        values[name] = getattr(issue.distribution, name)
    return values


def masthead_of(row: Any) -> Masthead:
    """The masthead from an issue row (also what error messages label an issue with)."""
    return Masthead(
        title=row.series,
        number=row.number,
        total_number=row.total_number,
        supplement=bool(row.supplement),
        office=row.office,
        date=_dt.date.fromisoformat(row.issue_date) if row.issue_date else None,
        classification=row.classification,
    )


def issue_from_rows(row: Any, sections: Iterable[Any], articles: Iterable[Any], paragraphs: Iterable[Any]) -> Issue:
    """Rebuild an Issue from its row and its children (each ordered by position).

    Article rows may lack the layout-hint columns (a reader selecting only the text, like the search
    index): the hints then default to False.
    """
    masthead = masthead_of(row)
    by_section: dict[int, Section] = {}
    ordered: list[Section] = []
    for s in sections:
        section = Section(heading=s.heading, articles=[])
        by_section[s.id] = section
        ordered.append(section)
    by_article: dict[int, Article] = {}
    for a in articles:
        article = Article(title=a.title, note=a.note, source=a.source, paragraphs=[],
                          page_break_before=bool(getattr(a, "page_break_before", False)),
                          keep_together=bool(getattr(a, "keep_together", False)))
        by_article[a.id] = article
        by_section[a.section_id].articles.append(article)
    for p in paragraphs:
        by_article[p.article_id].paragraphs.append(Paragraph(text=p.text, lead=p.lead, kind=ParagraphKind(p.kind)))
    return Issue(
        masthead=masthead,
        sections=ordered,
        colophon=Colophon(**{name: getattr(row, name) for name in COLOPHON_FIELDS}),
        distribution=Distribution(**{name: getattr(row, name) for name in DISTRIBUTION_FIELDS}),
        copies=row.copies,
    )


def child_rows(issue: Issue) -> Sequence[tuple[dict[str, Any], list[tuple[dict[str, Any], list[dict[str, Any]]]]]]:
    """Sections → articles → paragraphs as column dicts (ids are filled in by the repository)."""
    out = []
    for si, section in enumerate(issue.sections):
        arts = []
        for ai, article in enumerate(section.articles):
            paras = [{"position": pi, "kind": p.kind.value, "lead": p.lead, "text": p.text}
                     for pi, p in enumerate(article.paragraphs)]
            arts.append(({"position": ai, "title": article.title, "note": article.note, "source": article.source,
                          "page_break_before": bool(article.page_break_before),
                          "keep_together": bool(article.keep_together), "char_count": article_char_count(article)},
                         paras))
        out.append(({"position": si, "heading": section.heading}, arts))
    return out
