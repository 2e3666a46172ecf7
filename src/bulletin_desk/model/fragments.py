"""Pieces of bulletin-desk/1 on their own: a paragraph list and one article, as canonical JSON values.

District templates keep a paragraph skeleton and the submissions pool (稿件库) keeps one article
each; both are written with exactly the keys, order and defaults of the article inside a
bulletin-desk/1 issue (codec.py), so an article moves between an issue, a template file and the pool
without a second spelling of the same thing. Reading is as strict as the codec's: an unknown key or a
wrong type raises `FormatError` naming the JSON path under the caller's ``path`` prefix.
"""

from __future__ import annotations

import json
from typing import Any

from bulletin_desk.model.codec import FormatError, _join, _Reader
from bulletin_desk.model.issue import Article, Paragraph, ParagraphKind

PARAGRAPH_KEYS = ("kind", "lead", "text")
ARTICLE_KEYS = ("title", "note", "source", "paragraphs")


def paragraph_to_dict(p: Paragraph) -> dict[str, Any]:
    return {"kind": p.kind.value, "lead": p.lead, "text": p.text}


def paragraphs_to_list(paragraphs: list[Paragraph]) -> list[dict[str, Any]]:
    return [paragraph_to_dict(p) for p in paragraphs]


def article_to_dict(article: Article) -> dict[str, Any]:
    """The article as in bulletin-desk/1 (layout hints are archive-only and not part of it)."""
    return {"title": article.title, "note": article.note, "source": article.source,
            "paragraphs": paragraphs_to_list(article.paragraphs)}


def paragraph_from_dict(raw: Any, path: str) -> Paragraph:
    r = _Reader()
    p = r.obj(raw, path, PARAGRAPH_KEYS)
    kind_raw = p.get("kind", "body") or "body"
    try:
        kind = ParagraphKind(kind_raw)
    except (ValueError, TypeError) as exc:
        raise FormatError("model.json.bad_kind", _join(path, "kind"), value=kind_raw) from exc
    return Paragraph(text=r.string(p, "text", path, nullable=True) or "",
                     lead=r.string(p, "lead", path, nullable=True), kind=kind)


def paragraphs_from_list(raw: Any, path: str) -> list[Paragraph]:
    if raw is None:
        return []
    if not isinstance(raw, list):
        from bulletin_desk.model.codec import _type_name

        raise FormatError("model.json.wrong_type", path, expected="array", found=_type_name(raw))
    return [paragraph_from_dict(item, f"{path}[{i}]") for i, item in enumerate(raw)]


def article_from_dict(raw: Any, path: str = "") -> Article:
    r = _Reader()
    a = r.obj(raw, path, ARTICLE_KEYS)
    return Article(title=r.string(a, "title", path, nullable=True) or "",
                   note=r.string(a, "note", path, nullable=True),
                   source=r.string(a, "source", path, nullable=True),
                   paragraphs=paragraphs_from_list(a.get("paragraphs"), _join(path, "paragraphs")))


def dumps_article(article: Article) -> str:
    """Compact canonical JSON of one article (stored in the archive, never shown to editors)."""
    return json.dumps(article_to_dict(article), ensure_ascii=False, separators=(",", ":"))


def loads_article(text: str) -> Article:
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise FormatError("model.json.invalid", "", line=exc.lineno, column=exc.colno, detail=exc.msg) from exc
    return article_from_dict(raw)


__all__ = ["article_from_dict", "article_to_dict", "dumps_article", "loads_article", "paragraph_from_dict",
           "paragraph_to_dict", "paragraphs_from_list", "paragraphs_to_list"]
