"""The contract between our DOCX writer (export/) and this importer, stated once on the reading side.

* **Embedded issue.** A custom XML part ``customXml/item1.xml`` whose root is
  ``<bd:bulletin xmlns:bd="urn:bulletin-desk:1" format="bulletin-desk/1"
  bodyHashAlgorithm="sha256/body-text-1" bodyHash="HEX">`` with one ``<bd:json>`` child holding the
  canonical bulletin-desk/1 JSON (model.codec.dumps) as text. Any ``customXml/item*.xml`` with that
  root is accepted.
* **body-text-1.** Walk every ``w:p`` under ``w:body`` of word/document.xml in document order (table
  cells included); a paragraph's text is its ``w:t`` text, ``"\\t"`` for every ``w:tab`` element (tab-stop
  definitions in ``w:pPr/w:tabs`` included, as export/embedded.py counts them) and ``"\\n"`` for
  ``w:br``/``w:cr``, skipping anything inside ``w:del``/``w:moveFrom`` (``w:delText``, ``w:instrText``
  never count); paragraphs are joined with ``"\\n"``; the hash is SHA-256 hex of that text in UTF-8.
  Headers and footers are not part of it.
* **Styles.** Each element's paragraphs carry a named style (``STYLE_ROLES``: the name Word shows, or
  the same name without spaces as the style id). A lead is the paragraph's bold opening run.

When the hash matches, the embedded JSON is the issue, byte for byte. When it does not, the editor
changed the file in Word: the paragraphs are read back by style and the differences are reported.
"""

from __future__ import annotations

import hashlib

from lxml import etree

from bulletin_desk.ingest.blocks import Role

BD_NS = "urn:bulletin-desk:1"
BD_ROOT = f"{{{BD_NS}}}bulletin"
BD_JSON = f"{{{BD_NS}}}json"
HASH_ALGORITHM = "sha256/body-text-1"
ITEM_PART = "customXml/item1.xml"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

STYLE_ROLES: dict[str, Role] = {
    "BD Classification": Role.CLASSIFICATION,
    "BD Masthead": Role.MASTHEAD,
    "BD Issue Number": Role.ISSUE_NUMBER,
    "BD Office Date": Role.OFFICE_DATE,
    "BD Section": Role.SECTION,
    "BD Title": Role.TITLE,
    "BD Note": Role.NOTE,
    "BD Body": Role.BODY,
    "BD Heading 1": Role.H1,
    "BD Heading 2": Role.H2,
    "BD Heading 3": Role.H3,
    "BD Heading 4": Role.H4,
    "BD Source": Role.SOURCE,
    "BD Imprint": Role.IMPRINT,
    "BD Page Number": Role.PAGE_NUMBER,
}
_BY_KEY = {**STYLE_ROLES, **{name.replace(" ", ""): role for name, role in STYLE_ROLES.items()}}


def role_for_style(name_or_id: str | None) -> Role | None:
    """The element a paragraph style stands for (by name or id); None for any other style."""
    return _BY_KEY.get(name_or_id or "")


def _w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


_SKIPPED_CONTAINERS = {_w("del"), _w("moveFrom")}


def paragraph_text(paragraph: etree._Element) -> str:
    """A ``w:p``'s text as body-text-1 counts it."""
    pieces: list[str] = []
    for node in paragraph.iter(_w("t"), _w("tab"), _w("br"), _w("cr")):
        if _inside_skipped(node, paragraph):
            continue
        if node.tag == _w("t"):
            pieces.append(node.text or "")
        elif node.tag == _w("tab"):
            pieces.append("\t")  # every w:tab counts, tab-stop definitions in w:pPr/w:tabs included
        else:
            pieces.append("\n")
    return "".join(pieces)


def _inside_skipped(node: etree._Element, stop: etree._Element) -> bool:
    parent = node.getparent()
    while parent is not None and parent is not stop:
        if parent.tag in _SKIPPED_CONTAINERS:
            return True
        parent = parent.getparent()
    return False


def body_text(document: etree._Element) -> str:
    body = document.find(_w("body"))
    if body is None:
        return ""
    return "\n".join(paragraph_text(p) for p in body.iter(_w("p")))


def body_hash(document: etree._Element) -> str:
    return hashlib.sha256(body_text(document).encode("utf-8")).hexdigest()
