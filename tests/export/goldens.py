"""Golden XML of the exported reference issue: pretty-printed, volatile parts blanked.

The goldens under tests/golden/docx/ are regenerated ONLY by running this module explicitly
(``.venv/bin/python -m tests.export.goldens``) after a deliberate change, and reviewed as a diff;
under CI=true it refuses, so CI can never bless its own output.
"""

from __future__ import annotations

import io
import os
import re
import sys
import zipfile
from pathlib import Path

from lxml import etree

GOLDEN_DIR = Path(__file__).resolve().parents[1] / "golden" / "docx"
PARTS = {
    "word/document.xml": "document.xml",
    "word/styles.xml": "styles.xml",
    "word/settings.xml": "settings.xml",
    "word/footer1.xml": "footer-odd.xml",
    "word/footer2.xml": "footer-even.xml",
    "word/footer3.xml": "footer-empty.xml",  # pages without a number (blank page, unnumbered 版记 page)
    "word/fontTable.xml": "fontTable.xml",
    "docProps/core.xml": "core.xml",
    "[Content_Types].xml": "content-types.xml",
    "word/_rels/document.xml.rels": "document.xml.rels",
}
_VOLATILE = [
    (re.compile(r"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)"), r"\1VOLATILE\2"),
]


def pretty(xml: bytes) -> str:
    parser = etree.XMLParser(remove_blank_text=True)
    text = etree.tostring(etree.fromstring(xml, parser), pretty_print=True, encoding="unicode")
    for pattern, replacement in _VOLATILE:
        text = pattern.sub(replacement, text)
    return text


def golden_texts(docx: bytes) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        return {golden: pretty(archive.read(part)) for part, golden in PARTS.items()}


def reference_docx() -> bytes:
    from tests.export.conftest import FIXED_NOW
    from tests.export.corpus import reference_issue

    from bulletin_desk.export import build_docx_bytes

    return build_docx_bytes(reference_issue(), now=FIXED_NOW)


def main() -> int:
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        print("refusing to regenerate goldens under CI=true", file=sys.stderr)
        return 1
    GOLDEN_DIR.mkdir(parents=True, exist_ok=True)
    for name, text in golden_texts(reference_docx()).items():
        (GOLDEN_DIR / name).write_text(text, encoding="utf-8")
        print("wrote", GOLDEN_DIR / name)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
