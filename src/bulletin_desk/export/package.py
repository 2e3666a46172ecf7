"""Our own minimal DOCX part set, replacing python-docx's default template item by item.

python-docx's template opens in Word's 兼容模式 (compatibilityMode 14), declares ``w:lang
eastAsia="en-US"``, uses theme fonts, stamps creator "python-docx" with 2013 dates and ships a thumbnail
and a bibliography customXml part. None of that belongs in an issue an office circulates, so the
package is assembled here from parts we write: content types, relationships, core and app
properties, fontTable, and whatever parts the writer hands in. Zip entries carry a fixed timestamp and
order, so equal input gives equal bytes (apart from the core properties' dates).
"""

from __future__ import annotations

import datetime as _dt
import io
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from lxml import etree

from bulletin_desk.export.ooxml import NSMAP, el, to_xml_bytes, w

CT_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
CT_STYLES = "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"
CT_SETTINGS = "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"
CT_FONTS = "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"
CT_FOOTER = "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"
CT_CORE = "application/vnd.openxmlformats-package.core-properties+xml"
CT_APP = "application/vnd.openxmlformats-officedocument.extended-properties+xml"
CT_CUSTOM_XML_PROPS = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml"

RT_OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
RT_DOCUMENT = f"{RT_OFFICE}/officeDocument"
RT_STYLES = f"{RT_OFFICE}/styles"
RT_SETTINGS = f"{RT_OFFICE}/settings"
RT_FONTS = f"{RT_OFFICE}/fontTable"
RT_FOOTER = f"{RT_OFFICE}/footer"
RT_CUSTOM_XML = f"{RT_OFFICE}/customXml"
RT_CUSTOM_XML_PROPS = f"{RT_OFFICE}/customXmlProps"
RT_APP = f"{RT_OFFICE}/extended-properties"
RT_CORE = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"

_ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # fixed: the zip entries never reveal when or where a file was made


@dataclass(frozen=True)
class Part:
    """One part of the package: its name inside the zip, content type and bytes."""

    name: str  # e.g. "word/styles.xml" (no leading slash)
    content_type: str | None  # None: covered by a Default (xml, rels)
    data: bytes


@dataclass(frozen=True)
class Relationship:
    rel_id: str
    rel_type: str
    target: str  # relative to the source part's folder


def relationships_xml(rels: Sequence[Relationship]) -> bytes:
    rows = "".join(f'<Relationship Id="{r.rel_id}" Type="{r.rel_type}" Target="{escape(r.target)}"/>'
                   for r in rels)
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f"{rows}</Relationships>").encode()


def rels_name(part_name: str) -> str:
    """The relationships part of ``part_name`` (``word/document.xml`` → ``word/_rels/document.xml.rels``)."""
    folder, _, base = part_name.rpartition("/")
    return f"{folder}/_rels/{base}.rels" if folder else f"_rels/{base}.rels"


def content_types_xml(parts: Sequence[Part]) -> bytes:
    overrides = "".join(f'<Override PartName="/{p.name}" ContentType="{p.content_type}"/>'
                        for p in parts if p.content_type)
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f"{overrides}</Types>").encode()


def core_properties_xml(title: str, author: str, when: _dt.datetime) -> bytes:
    """Title = the bulletin label, creator = the issuing office, both dates = now (UTC); nothing else.

    No user name, no machine path, no "python-docx" anywhere (lastModifiedBy is left out on purpose).
    """
    stamp = when.astimezone(_dt.UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"'
        ' xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{escape(title)}</dc:title>"
        f"<dc:creator>{escape(author)}</dc:creator>"
        "<dc:language>zh-CN</dc:language>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>'
        "</cp:coreProperties>"
    ).encode()


def app_properties_xml(pages: int) -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
        f"<Application>Bulletin Desk</Application><Pages>{pages}</Pages><DocSecurity>0</DocSecurity>"
        "</Properties>"
    ).encode()


def font_table_xml(fonts: Sequence[tuple[str, str | None, bool]]) -> bytes:
    """``fonts``: (name, alternative name, is East-Asian). East-Asian faces declare charset 86 (GB2312).

    The charset and altName let Word and WPS pick the right installed substitute (仿宋_GB2312 → 仿宋)
    instead of prompting for a missing font.
    """
    root = etree.Element(w("fonts"), nsmap=NSMAP)
    for name, alt, east_asian in fonts:
        font = el("font", {"name": name})
        if alt:
            font.append(el("altName", {"val": alt}))
        if east_asian:
            font.append(el("charset", {"val": "86"}))
            font.append(el("family", {"val": "auto"}))
            font.append(el("pitch", {"val": "variable"}))
        else:
            font.append(el("charset", {"val": "00"}))
            font.append(el("family", {"val": "roman"}))
            font.append(el("pitch", {"val": "variable"}))
        root.append(font)
    return to_xml_bytes(root)


def zip_package(parts: Sequence[Part], package_rels: Sequence[Relationship],
                part_rels: dict[str, Sequence[Relationship]]) -> bytes:
    """The .docx bytes: [Content_Types].xml first (some readers insist), then rels, then parts in order."""
    entries: list[tuple[str, bytes]] = [("[Content_Types].xml", content_types_xml(parts)),
                                        ("_rels/.rels", relationships_xml(package_rels))]
    for name, rels in part_rels.items():
        entries.append((rels_name(name), relationships_xml(rels)))
    entries.extend((p.name, p.data) for p in parts)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return buffer.getvalue()
