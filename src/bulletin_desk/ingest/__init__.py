"""ingest: what editors receive (pasted text, HTML, DOCX, PDF-extracted text) → an Issue or an Article.

Public API (the CLI `bulletin-desk import` and the GUI import dialog):

* ``import_path(path) -> IngestResult`` — .txt (UTF-8/BOM/GB18030), .html/.htm, .docx, .bdjson/.json.
* ``import_text(text, skip_rules=()) -> IngestResult`` and ``import_html(html, skip_rules=())`` for the
  clipboard (plain text and text/html); ``import_docx_bytes(data)``.
* ``IngestResult.issue`` / ``.article`` (exactly one is set), ``.changes`` (cleanup, rule + line),
  ``.decisions`` (element + reason), ``.report_lines(lang)``.
* Errors raise ``IngestError`` (a BulletinDeskError) with codes from catalogue/ingest.py.

A rule the editor refuses is left out by naming it in ``skip_rules`` (cleanup.ALL_RULES).
"""

from __future__ import annotations

import re
from collections.abc import Collection
from pathlib import Path

from bulletin_desk.ingest.blocks import Block
from bulletin_desk.ingest.cleanup import ALL_RULES, Change, clean_text
from bulletin_desk.ingest.decisions import Decision
from bulletin_desk.ingest.detect import detect
from bulletin_desk.ingest.errors import IngestError
from bulletin_desk.ingest.result import IngestResult

_CF_HTML_HEADER = re.compile(r"^Version:\d[^<]*?(?=<)", re.DOTALL)  # Windows clipboard HTML, if not stripped


def _require_content(blocks: list[Block]) -> None:
    if not blocks:
        raise IngestError("ingest.empty")


def import_text(text: str, skip_rules: Collection[str] = ()) -> IngestResult:
    """Pasted or extracted plain text → cleaned, then detected."""
    cleaned = clean_text(text, skip_rules)
    blocks = [Block(p.text, p.line, set_apart=p.set_apart) for p in cleaned.paragraphs]
    _require_content(blocks)
    found = detect(blocks)
    return IngestResult(issue=found.issue, article=found.article, changes=cleaned.changes,
                        decisions=found.decisions, source_format="text")


def import_html(html: str, skip_rules: Collection[str] = ()) -> IngestResult:
    """HTML (a file, or the clipboard's text/html): bold opening runs → lead, centred/large → title."""
    from bulletin_desk.ingest.html import html_blocks

    changes: list[Change] = []
    blocks = html_blocks(_CF_HTML_HEADER.sub("", html, count=1), skip_rules, changes)
    _require_content(blocks)
    found = detect(blocks)
    return IngestResult(issue=found.issue, article=found.article, changes=changes,
                        decisions=found.decisions, source_format="html")


def import_docx_bytes(data: bytes, skip_rules: Collection[str] = ()) -> IngestResult:
    from bulletin_desk.ingest.docx import import_docx

    return import_docx(data, skip_rules)


def import_path(path: str | Path, skip_rules: Collection[str] = ()) -> IngestResult:
    """Import a file, choosing the reader by its content first and its extension second."""
    from bulletin_desk.ingest.sniff import import_file

    return import_file(Path(path), skip_rules)


__all__ = ["ALL_RULES", "Change", "Decision", "IngestError", "IngestResult", "import_docx_bytes", "import_html",
           "import_path", "import_text"]
