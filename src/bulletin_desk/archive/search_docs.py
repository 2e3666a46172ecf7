"""The searchable texts of an issue (`Doc`), from an Issue or straight from the archive's rows.

Why two readers: the repository's save hook has the Issue in hand (`docs_of`), while a full build of
the index reads thousands of issues — rebuilding an Issue object for each cost half the reading time,
so `docs_from_archive` makes the same Docs from plain rows (the tests compare the two, issue by issue).
Both give masthead, 栏目 headings, titles, 按语, paragraphs and sources in print order.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import NamedTuple

from bulletin_desk.model import Issue

MAX_ROWS_PER_ISSUE = (1 << 18) - 1  # a row's place in its issue has 18 bits of the row id (search_index)


class Doc(NamedTuple):
    """One searchable text of an issue, located as the model locates it."""

    field: str  # masthead.title|office|classification, section.heading, article.title|note|source, paragraph
    section: int | None
    article: int | None
    paragraph: int | None
    lead_length: int  # a paragraph's text is lead + text: the lead's length splits the spans
    source: str | None  # the article's source (for --source), None outside articles
    text: str


def docs_of(issue: Issue) -> list[Doc]:
    """Masthead, 栏目 headings, titles, 按语, sources and paragraphs, in print order; empty texts left out."""
    m = issue.masthead
    out = [Doc(f"masthead.{name}", None, None, None, 0, None, value)
           for name, value in (("title", m.title), ("office", m.office), ("classification", m.classification))
           if value]
    for si, section in enumerate(issue.sections):
        if section.heading:
            out.append(Doc("section.heading", si, None, None, 0, None, section.heading))
        for ai, a in enumerate(section.articles):
            if a.title:
                out.append(Doc("article.title", si, ai, None, 0, a.source, a.title))
            if a.note:
                out.append(Doc("article.note", si, ai, None, 0, a.source, a.note))
            for pi, p in enumerate(a.paragraphs):
                full = (p.lead or "") + p.text
                if full:
                    out.append(Doc("paragraph", si, ai, pi, len(p.lead or ""), a.source, full))
            if a.source:
                out.append(Doc("article.source", si, ai, None, 0, a.source, a.source))
    return out[:MAX_ROWS_PER_ISSUE]


def docs_from_archive(archive: sqlite3.Connection, ids: Sequence[int]) -> dict[int, list[Doc]]:
    """The Docs of issues ``ids`` read straight from their rows (one query per table): what `docs_of`
    makes of the same issue, in the same order, without rebuilding Issue objects (tests compare both)."""
    marks = ",".join("?" * len(ids))
    heads = {r[0]: r[1:] for r in archive.execute(
        f"SELECT id, series, office, classification FROM issues WHERE id IN ({marks})", ids)}
    sections: dict[int, list[tuple[int, str]]] = {i: [] for i in heads}
    for issue_id, section_id, heading in archive.execute(
            f"SELECT issue_id, id, heading FROM sections WHERE issue_id IN ({marks}) ORDER BY issue_id, position", ids):
        sections[issue_id].append((section_id, heading))
    articles: dict[int, list[tuple[int, str, str | None, str | None]]] = {}  # by section id
    for section_id, article_id, title, note, source in archive.execute(
            f"SELECT section_id, id, title, note, source FROM articles WHERE issue_id IN ({marks}) "
            "ORDER BY issue_id, section_id, position", ids):
        articles.setdefault(section_id, []).append((article_id, title, note, source))
    paragraphs: dict[int, list[tuple[str, str]]] = {}  # by article id: (lead, text)
    for article_id, lead, text in archive.execute(
            f"SELECT article_id, lead, text FROM paragraphs WHERE issue_id IN ({marks}) "
            "ORDER BY issue_id, article_id, position", ids):
        paragraphs.setdefault(article_id, []).append((lead or "", text))
    out: dict[int, list[Doc]] = {}
    for issue_id, (title, office, classification) in heads.items():
        docs = [Doc(f"masthead.{name}", None, None, None, 0, None, value)
                for name, value in (("title", title), ("office", office), ("classification", classification))
                if value]
        for s, (section_id, heading) in enumerate(sections[issue_id]):
            if heading:
                docs.append(Doc("section.heading", s, None, None, 0, None, heading))
            for a, (article_id, a_title, note, source) in enumerate(articles.get(section_id, ())):
                if a_title:
                    docs.append(Doc("article.title", s, a, None, 0, source, a_title))
                if note:
                    docs.append(Doc("article.note", s, a, None, 0, source, note))
                for p, (lead, text) in enumerate(paragraphs.get(article_id, ())):
                    if lead or text:
                        docs.append(Doc("paragraph", s, a, p, len(lead), source, lead + text))
                if source:
                    docs.append(Doc("article.source", s, a, None, 0, source, source))
        out[issue_id] = docs[:MAX_ROWS_PER_ISSUE]
    return out


__all__ = ["MAX_ROWS_PER_ISSUE", "Doc", "docs_from_archive", "docs_of"]
