"""Choosing the reader for a file: by its first bytes first (a renamed .doc is still a .doc), then its name."""

from __future__ import annotations

import re
from collections.abc import Collection
from pathlib import Path

from bulletin_desk.ingest.errors import IngestError
from bulletin_desk.ingest.result import IngestResult
from bulletin_desk.ingest.textfile import decode_text

OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")  # compound file: .doc, .wps, .et, or an encrypted .docx
ZIP_MAGIC = b"PK\x03\x04"
LEGACY_SUFFIXES = {".doc", ".wps", ".dot", ".wpt", ".rtf"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSON_SUFFIXES = {".bdjson", ".json"}
MAX_INPUT_BYTES = 50 * 1024 * 1024
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
_HTML_START = re.compile(rb"^\s*(?:<!doctype html|<html|<meta|<body|<div|<p[ >])", re.IGNORECASE)
# Files that are not text, by their first bytes: named for what they are, not "save as UTF-8".
_NOT_TEXT: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "ingest.pdf"),
    (b"{\\rtf", "ingest.rtf"),
    (b"\x89PNG\r\n\x1a\n", "ingest.image"),
    (b"\xff\xd8\xff", "ingest.image"),
    (b"GIF87a", "ingest.image"),
    (b"GIF89a", "ingest.image"),
)


def read_input(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_INPUT_BYTES:
            raise IngestError("ingest.too_large", size=size, limit=MAX_INPUT_BYTES)
        return path.read_bytes()
    except FileNotFoundError:
        raise IngestError("ingest.not_found", path=str(path)) from None
    except IsADirectoryError:
        raise IngestError("ingest.unreadable", path=str(path), detail="directory") from None
    except OSError as exc:
        raise IngestError("ingest.unreadable", path=str(path), detail=exc.strerror or str(exc)) from None


def import_file(path: Path, skip_rules: Collection[str] = (), refused: Collection[str] = ()) -> IngestResult:
    from bulletin_desk.ingest import import_docx_bytes, import_html, import_text

    data = read_input(path)
    suffix = path.suffix.lower()
    for magic, code in _NOT_TEXT:
        if data.startswith(magic):
            raise IngestError(code)
    if data.startswith(OLE_MAGIC):
        if _ENCRYPTED_STREAM in data:
            raise IngestError("ingest.docx_encrypted")
        raise IngestError("ingest.legacy_word")
    if suffix in LEGACY_SUFFIXES and not data.startswith(ZIP_MAGIC):
        raise IngestError("ingest.legacy_word")
    if data.startswith(ZIP_MAGIC) or suffix in (".docx", ".docm", ".dotx"):
        return import_docx_bytes(data, skip_rules, refused)
    if suffix in JSON_SUFFIXES:
        return _import_json(data)
    if suffix in HTML_SUFFIXES or _HTML_START.match(data[:512]):
        return import_html(_decode_html(data), skip_rules, refused)
    text, encoding = decode_text(data)
    result = import_text(text, skip_rules, refused)
    result.encoding = encoding
    return result


def _import_json(data: bytes) -> IngestResult:
    from bulletin_desk.model import loads

    return IngestResult(issue=loads(data), source_format="bdjson", encoding="utf-8")


def _decode_html(data: bytes) -> str:
    """HTML: its declared charset when it names one we know, otherwise the text-file detection."""
    declared = re.search(rb"charset\s*=\s*[\"']?([A-Za-z0-9_-]+)", data[:2048])
    if declared:
        name = declared.group(1).decode("ascii").lower()
        if name in ("gb2312", "gbk", "gb18030"):
            name = "gb18030"
        try:
            return data.decode(name).removeprefix("\ufeff")
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_text(data)[0]
