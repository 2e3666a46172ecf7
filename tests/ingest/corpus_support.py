"""Loading the ingest corpus: each input beside its hand-written expected JSON."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from bulletin_desk.ingest import IngestResult
from bulletin_desk.model import Article, Issue, Section, issue_from_dict, issue_to_dict

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "tests" / "fixtures" / "ingest" / "corpus"
REFERENCE_TXT = REPO.parent / "shared" / "samples" / "reference-bulletin.txt"
REFERENCE_JSON = REPO / "resources" / "samples" / "reference.bdjson"


def article_dict(article: Article) -> dict[str, Any]:
    """An article as bulletin-desk/1 writes it (every key, defaults filled)."""
    return issue_to_dict(Issue(sections=[Section(articles=[article])]))["sections"][0]["articles"][0]


def expected_of(path: Path) -> dict[str, Any]:
    """The normalised expected value: {"issue": full dict} or {"article": full dict}."""
    raw = json.loads(path.read_text(encoding="utf-8"))
    if "article" in raw:
        wrapped = issue_from_dict({"format": "bulletin-desk/1", "masthead": {}, "sections": [
            {"heading": "", "articles": [raw["article"]]}], "colophon": {}, "distribution": {}})
        return {"article": article_dict(wrapped.sections[0].articles[0])}
    return {"issue": issue_to_dict(issue_from_dict(raw))}


def actual_of(result: IngestResult) -> dict[str, Any]:
    if result.article is not None:
        return {"article": article_dict(result.article)}
    assert result.issue is not None
    return {"issue": issue_to_dict(result.issue)}


def corpus_inputs() -> list[Path]:
    return sorted(p for p in CORPUS.iterdir() if p.suffix in (".txt", ".html"))
