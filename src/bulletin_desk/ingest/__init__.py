"""ingest: what editors receive (pasted text, HTML, DOCX, PDF-extracted text) → an Issue or an Article.

Public API (the CLI `bulletin-desk import` and the GUI import dialog):

* ``import_path(path) -> IngestResult`` — .txt (UTF-8/BOM/GB18030), .html/.htm, .docx, .bdjson/.json.
* ``import_text(text, skip_rules=(), refused=())`` and ``import_html(html, …)`` for the clipboard (plain
  text and text/html); ``import_docx_bytes(data, …)``.
* ``IngestResult.issue`` / ``.article`` (exactly one is set), ``.changes`` (cleanup: rule, line, a stable
  ``id``, ``refused``), ``.decisions`` (element + reason), ``.report_lines(lang)``.
* ``reimport(result, refused)``: the same import again with the changes whose ids are in ``refused`` not
  applied — the editor refuses one change, the rest of the result is what it was.
* Errors raise ``IngestError`` (a BulletinDeskError) with codes from catalogue/ingest.py.

A whole rule is left out by naming it in ``skip_rules`` (cleanup.ALL_RULES).
"""

from __future__ import annotations

import re
from collections.abc import Collection
from pathlib import Path

from bulletin_desk.ingest.blocks import Block
from bulletin_desk.ingest.changes import refused_parts
from bulletin_desk.ingest.cleanup import ALL_RULES, Change, clean_text
from bulletin_desk.ingest.decisions import Decision
from bulletin_desk.ingest.detect import detect
from bulletin_desk.ingest.errors import IngestError
from bulletin_desk.ingest.result import ImportSource, IngestResult

_CF_HTML_HEADER = re.compile(r"^Version:\d[^<]*?(?=<)", re.DOTALL)  # Windows clipboard HTML, if not stripped


def _require_content(blocks: list[Block]) -> None:
    if not blocks:
        raise IngestError("ingest.empty")


def skip_set(skip_rules: Collection[str], refused: Collection[str]) -> frozenset[str]:
    """What the cleanup leaves out: whole rules by name, and each edit of a refused change by its id."""
    return frozenset(skip_rules) | refused_parts(refused)


def _finish(result: IngestResult, source: ImportSource, refused: Collection[str]) -> IngestResult:
    result.source, result.refused = source, frozenset(refused)
    return result


def import_text(text: str, skip_rules: Collection[str] = (), refused: Collection[str] = ()) -> IngestResult:
    """Pasted or extracted plain text → cleaned, then detected."""
    cleaned = clean_text(text, skip_set(skip_rules, refused))
    blocks = [Block(p.text, p.line, set_apart=p.set_apart) for p in cleaned.paragraphs]
    _require_content(blocks)
    found = detect(blocks)
    result = IngestResult(issue=found.issue, article=found.article, changes=cleaned.changes,
                          decisions=found.decisions, source_format="text")
    return _finish(result, ImportSource("text", text, tuple(skip_rules)), refused)


def import_html(html: str, skip_rules: Collection[str] = (), refused: Collection[str] = ()) -> IngestResult:
    """HTML (a file, or the clipboard's text/html): bold opening runs → lead, centred/large → title."""
    from bulletin_desk.ingest.html import html_blocks

    changes: list[Change] = []
    blocks = html_blocks(_CF_HTML_HEADER.sub("", html, count=1), skip_set(skip_rules, refused), changes)
    _require_content(blocks)
    found = detect(blocks)
    result = IngestResult(issue=found.issue, article=found.article, changes=changes,
                          decisions=found.decisions, source_format="html")
    return _finish(result, ImportSource("html", html, tuple(skip_rules)), refused)


def import_docx_bytes(data: bytes, skip_rules: Collection[str] = (), refused: Collection[str] = ()) -> IngestResult:
    from bulletin_desk.ingest.docx import import_docx

    result = import_docx(data, skip_set(skip_rules, refused))
    return _finish(result, ImportSource("docx", data, tuple(skip_rules)), refused)


def import_path(path: str | Path, skip_rules: Collection[str] = (), refused: Collection[str] = ()) -> IngestResult:
    """Import a file, choosing the reader by its content first and its extension second."""
    from bulletin_desk.ingest.sniff import import_file

    return import_file(Path(path), skip_rules, refused)


def reimport(result: IngestResult, refused: Collection[str]) -> IngestResult:
    """The import ``result`` came from, run again with the changes whose ids are in ``refused`` not applied.

    A refused change is reported (``refused=True``) but not made; everything else is decided as before.
    A result without changes to refuse (our own DOCX read as exported, a .bdjson) comes back as it is.
    """
    source = result.source
    if source is None:
        return result
    if source.kind == "text":
        again = import_text(str(source.data), source.skip_rules, refused)
    elif source.kind == "html":
        again = import_html(str(source.data), source.skip_rules, refused)
    else:
        again = import_docx_bytes(bytes(source.data), source.skip_rules, refused)  # type: ignore[arg-type]
    again.encoding = result.encoding
    return again


__all__ = ["ALL_RULES", "Change", "Decision", "IngestError", "IngestResult", "import_docx_bytes", "import_html",
           "import_path", "import_text", "reimport"]
