"""Counting and labelling: 字数 counts characters (not words), labels name an issue as editors do."""

from __future__ import annotations

from bulletin_desk.model.issue import Article, Issue, Masthead


def count_chars(text: str | None) -> int:
    """字数: characters that are not whitespace (a Chinese text has no words to count)."""
    if not text:
        return 0
    return sum(1 for ch in text if not ch.isspace())


def article_char_count(article: Article) -> int:
    """字数 of an article: title, 按语 and paragraphs (the attribution is not counted)."""
    return (count_chars(article.title) + count_chars(article.note)
            + sum(count_chars(p.lead) + count_chars(p.text) for p in article.paragraphs))


def issue_char_count(issue: Issue) -> int:
    return sum(article_char_count(a) for a in issue.articles())


def issue_label(masthead: Masthead) -> str:
    """2020年第19期（总第2128期）; 2020年增刊第1期; a missing part is left out, never invented."""
    year = f"{masthead.date.year}年" if masthead.date else ""
    prefix = "增刊" if masthead.supplement else ""
    if masthead.number is not None:
        core = f"{prefix}第{masthead.number}期"
    else:
        core = prefix or "特刊"
    total = f"（总第{masthead.total_number}期）" if masthead.total_number is not None else ""
    return f"{year}{core}{total}"
