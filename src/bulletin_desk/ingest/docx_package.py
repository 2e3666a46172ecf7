"""Opening a DOCX safely: a real zip, bounded inflation (no zip bombs), XML without DTDs or entities.

Word files come from other offices and the internet; a hostile or broken one must end in a clear
message, never in a hang, a crash or a read of local files through an external entity.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib

from lxml import etree

from bulletin_desk.ingest.errors import IngestError

MAX_PART_BYTES = 32 * 1024 * 1024  # document.xml of a long bulletin is well under 2 MB
MAX_TOTAL_BYTES = 96 * 1024 * 1024
MAX_ENTRIES = 5000
_DTD = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)


class DocxPackage:
    """The parts of a DOCX, read on demand, each bounded in size and parsed without entity resolution."""

    def __init__(self, data: bytes) -> None:
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self.zip.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError):
            raise IngestError("ingest.docx_not_zip") from None
        if len(infos) > MAX_ENTRIES:
            raise IngestError("ingest.docx_too_big", part="(zip)", limit=MAX_ENTRIES)
        if any(info.flag_bits & 0x1 for info in infos):
            raise IngestError("ingest.docx_encrypted")
        declared = sum(info.file_size for info in infos)
        if declared > MAX_TOTAL_BYTES:
            raise IngestError("ingest.docx_too_big", part="(zip)", limit=MAX_TOTAL_BYTES)
        self.names = [info.filename for info in infos]
        self._parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                                       dtd_validation=False, remove_comments=True, remove_pis=True)

    def has(self, name: str) -> bool:
        return name in self.names

    def read(self, name: str) -> bytes:
        """A part's bytes, inflating at most MAX_PART_BYTES (the declared size may lie)."""
        if name not in self.names:
            raise IngestError("ingest.docx_missing_part", part=name)
        try:
            with self.zip.open(name) as handle:
                data = handle.read(MAX_PART_BYTES + 1)
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, NotImplementedError,
                RuntimeError) as exc:
            raise IngestError("ingest.docx_bad_xml", part=name, detail=type(exc).__name__) from None
        if len(data) > MAX_PART_BYTES:
            raise IngestError("ingest.docx_too_big", part=name, limit=MAX_PART_BYTES)
        return data

    def xml(self, name: str) -> etree._Element:
        data = self.read(name)
        if _DTD.search(data[:4096]) or _DTD.search(data):
            raise IngestError("ingest.docx_entities", part=name)
        try:
            return etree.fromstring(data, self._parser)
        except etree.XMLSyntaxError as exc:
            raise IngestError("ingest.docx_bad_xml", part=name, detail=str(exc)[:80]) from None

    def main_document_name(self) -> str:
        """word/document.xml, or wherever [Content_Types].xml/_rels say the main part is."""
        if self.has("word/document.xml"):
            return "word/document.xml"
        if self.has("_rels/.rels"):
            rels = self.xml("_rels/.rels")
            for rel in rels:
                if str(rel.get("Type", "")).endswith("/officeDocument"):
                    target = str(rel.get("Target", "")).lstrip("/")
                    if self.has(target):
                        return target
        raise IngestError("ingest.docx_missing_part", part="word/document.xml")
