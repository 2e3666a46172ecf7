"""The issue's bulletin-desk/1 JSON carried inside the DOCX, with a hash of the body text.

Contract with the importer (ingest/ reads it with `read_embedded`, defined here so both sides share
one implementation):

* Part ``customXml/item1.xml`` (content type application/xml), related from ``word/document.xml`` by a
  ``.../relationships/customXml`` relationship, with ``customXml/itemProps1.xml`` beside it naming the
  schema ``urn:bulletin-desk:1``.
* Its root is ``<bd:bulletin xmlns:bd="urn:bulletin-desk:1" format="bulletin-desk/1"
  bodyHashAlgorithm="sha256/body-text-1" bodyHash="HEX">`` holding one ``<bd:json>`` element whose text
  is the canonical bulletin-desk/1 JSON of the exported issue (model.codec.dumps).
* ``body-text-1``: walk ``w:body`` of word/document.xml in document order; every ``w:p`` contributes the
  text of its ``w:t`` elements, ``"\\n"`` for each ``w:br``/``w:cr`` and ``"\\t"`` for each ``w:tab``
  element — tab-stop definitions in ``w:pPr/w:tabs`` included (ingest/docx_contract.py counts them the
  same way; do not change one side alone) — while field instructions and text inside ``w:del`` or
  ``w:moveFrom`` do not count; paragraphs are joined with ``"\\n"``; the hash is SHA-256 hex of that
  text in UTF-8. Footers are not part of it (their PAGE fields change on every print).

If the hash still matches, the file is untouched since export and the JSON is the issue; if not, an
editor changed it in Word and the importer must read the paragraphs (by style name, export/styles.py).
"""

from __future__ import annotations

import hashlib
import io
import uuid
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from lxml import etree

from bulletin_desk.export.ooxml import W_NS, w
from bulletin_desk.model import Issue, dumps, loads

BD_NS = "urn:bulletin-desk:1"
HASH_ALGORITHM = "sha256/body-text-1"
ITEM_PART = "customXml/item1.xml"
ITEM_PROPS_PART = "customXml/itemProps1.xml"


def body_text(document_xml: bytes) -> str:
    """The body text as ``body-text-1`` defines it (see the module docstring)."""
    root = etree.fromstring(document_xml)
    body = root.find(w("body"))
    if body is None:
        return ""
    paragraphs: list[str] = []
    for paragraph in body.iter(w("p")):
        pieces: list[str] = []
        for node in paragraph.iter(w("t"), w("br"), w("cr"), w("tab")):
            if _inside_deleted_text(node, paragraph):
                continue
            name = etree.QName(node).localname
            if name == "t":
                pieces.append(node.text or "")
            elif name == "tab":
                pieces.append("\t")
            else:
                pieces.append("\n")
        paragraphs.append("".join(pieces))
    return "\n".join(paragraphs)


def _inside_deleted_text(node: etree._Element, stop: etree._Element) -> bool:
    parent = node.getparent()
    while parent is not None and parent is not stop:
        if parent.tag in (f"{{{W_NS}}}del", f"{{{W_NS}}}moveFrom"):
            return True
        parent = parent.getparent()
    return False


def body_hash(document_xml: bytes) -> str:
    return hashlib.sha256(body_text(document_xml).encode("utf-8")).hexdigest()


def item_xml(issue: Issue, document_xml: bytes, digest: str | None = None) -> bytes:
    """The custom XML item; ``digest`` (body_hash of document_xml) may be passed when already known."""
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<bd:bulletin xmlns:bd="{BD_NS}" format="bulletin-desk/1" bodyHashAlgorithm="{HASH_ALGORITHM}"'
            f' bodyHash="{digest or body_hash(document_xml)}"><bd:json>{escape(dumps(issue))}</bd:json></bd:bulletin>'
            ).encode()


def item_props_xml(document_xml: bytes, digest: str | None = None) -> bytes:
    item_id = "{" + str(uuid.uuid5(uuid.NAMESPACE_URL, BD_NS + (digest or body_hash(document_xml)))).upper() + "}"
    return ('<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'
            '<ds:datastoreItem xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"'
            f' ds:itemID="{item_id}"><ds:schemaRefs><ds:schemaRef ds:uri="{BD_NS}"/></ds:schemaRefs>'
            "</ds:datastoreItem>").encode()


@dataclass(frozen=True)
class EmbeddedIssue:
    """What a DOCX carries: the exported issue and whether its body is still as exported."""

    issue: Issue
    stored_hash: str
    actual_hash: str

    @property
    def untouched(self) -> bool:
        return self.stored_hash == self.actual_hash


def read_embedded(docx: bytes | str | Path) -> EmbeddedIssue | None:
    """The embedded issue of a Bulletin Desk DOCX, or None if the file carries none."""
    data = docx if isinstance(docx, bytes) else Path(docx).read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = set(archive.namelist())
        document_xml = archive.read("word/document.xml")
        for name in sorted(n for n in names if n.startswith("customXml/item") and "Props" not in n):
            root = etree.fromstring(archive.read(name))
            if root.tag != f"{{{BD_NS}}}bulletin":
                continue
            json_node = root.find(f"{{{BD_NS}}}json")
            if json_node is None or root.get("bodyHashAlgorithm") != HASH_ALGORITHM:
                continue
            return EmbeddedIssue(issue=loads(json_node.text or ""), stored_hash=root.get("bodyHash", ""),
                                 actual_hash=body_hash(document_xml))
    return None
