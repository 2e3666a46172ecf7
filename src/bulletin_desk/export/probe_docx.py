"""A body-only DOCX, written to learn how LibreOffice 7.4 breaks Chinese lines (the layout probe).

Why this exists: the layout engine must put every line break where a word processor puts it when it
opens the DOCX we export. The only word processor we can run is LibreOffice 7.4, so the probe writes
exactly the body-text WordprocessingML the real writer uses (page and margins, ``docGrid
type="lines" linePitch="579"``, exact 579-twip spacing, −0.25 pt run spacing, fonts in all four
slots, kinsoku sets in settings.xml) and nothing else, renders it, and the tests compare lines.
It is also the smallest complete example of those settings for the full DOCX writer in export/.

Only ``zipfile`` and string building: no python-docx template, so no theme fonts or stray defaults
can leak in and change the measurement.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

# Characters LibreOffice (with Latin font slots naming Times New Roman) would set narrow in the Latin
# face; written in the CJK face in all four slots so Word and LibreOffice both give them one em.
CJK_FACE_CHARS = "“”‘’—…·"


@dataclass(frozen=True)
class ProbeRun:
    """Text of one weight; the writer splits off ambiguous punctuation into CJK-face runs itself."""

    text: str
    bold: bool = False


@dataclass(frozen=True)
class ProbeParagraph:
    runs: tuple[ProbeRun, ...]
    first_line_chars: float = 2.0
    align: str = "both"  # w:jc


@dataclass(frozen=True)
class ProbeGeometry:
    """The numbers of the body text, in WordprocessingML units (from the LayoutProfile)."""

    page_w: int = 11906  # twips
    page_h: int = 16838
    margin_top: int = 2098
    margin_right: int = 1474
    margin_bottom: int = 1984
    margin_left: int = 1588
    line_pitch: int = 579  # twips: docGrid linePitch and the exact line spacing
    size_half_points: int = 32  # 16 pt
    tracking_twips: int = -5  # −0.25 pt on every body run
    east_asia_font: str = "仿宋_GB2312"
    latin_font: str = "Times New Roman"
    not_line_start: str = ""  # w:noLineBreaksBefore (empty: not written)
    not_line_end: str = ""  # w:noLineBreaksAfter
    # None: no w:overflowPunct element. Measured: LibreOffice 7.4 hangs 、，。：；？！ only when the element is
    # absent or w:val="0" (Word: absent = on); w:val="1" makes it push instead (an inverted import).
    overflow_punct: bool | None = None
    compress_punctuation: bool = False  # characterSpacingControl
    extra_ppr: str = ""  # raw pPr children for experiments (e.g. autoSpaceDE)
    cjk_face_chars: str = CJK_FACE_CHARS
    lang_east_asia: str = "zh-CN"
    notes: dict[str, str] = field(default_factory=dict)


def _attr(value: str) -> str:
    return escape(value, {'"': "&quot;"})


def _split_cjk(text: str, cjk_chars: str) -> Iterable[tuple[str, bool]]:
    start = 0
    for index in range(1, len(text) + 1):
        if index == len(text) or (text[index] in cjk_chars) != (text[start] in cjk_chars):
            yield text[start:index], text[start] in cjk_chars
            start = index


def _run_xml(geo: ProbeGeometry, text: str, bold: bool, cjk_everywhere: bool) -> str:
    latin = geo.east_asia_font if cjk_everywhere else geo.latin_font
    fonts = (f'<w:rFonts w:ascii="{_attr(latin)}" w:hAnsi="{_attr(latin)}" '
             f'w:eastAsia="{_attr(geo.east_asia_font)}" w:cs="{_attr(latin)}" w:hint="eastAsia"/>')
    weight = "<w:b/><w:bCs/>" if bold else '<w:b w:val="0"/><w:bCs w:val="0"/>'
    spacing = f'<w:spacing w:val="{geo.tracking_twips}"/>' if geo.tracking_twips else ""
    size = f'<w:sz w:val="{geo.size_half_points}"/><w:szCs w:val="{geo.size_half_points}"/>'
    lang = f'<w:lang w:val="en-US" w:eastAsia="{geo.lang_east_asia}"/>'
    return (f"<w:r><w:rPr>{fonts}{weight}{spacing}{size}{lang}</w:rPr>"
            f'<w:t xml:space="preserve">{escape(text)}</w:t></w:r>')


def _paragraph_xml(geo: ProbeGeometry, para: ProbeParagraph) -> str:
    first = round(para.first_line_chars * 100)
    first_twips = round(para.first_line_chars * geo.size_half_points * 10)
    overflow = "" if geo.overflow_punct is None else f'<w:overflowPunct w:val="{int(geo.overflow_punct)}"/>'
    ppr = ('<w:pPr><w:widowControl w:val="0"/><w:kinsoku/>'
           f"{overflow}"
           f"{geo.extra_ppr}"
           f'<w:spacing w:before="0" w:beforeLines="0" w:after="0" w:afterLines="0" '
           f'w:line="{geo.line_pitch}" w:lineRule="exact"/>'
           f'<w:ind w:left="0" w:leftChars="0" w:right="0" w:rightChars="0" '
           f'w:firstLineChars="{first}" w:firstLine="{first_twips}"/>'
           f'<w:jc w:val="{para.align}"/></w:pPr>')
    runs = "".join(_run_xml(geo, piece, run.bold, cjk)
                   for run in para.runs for piece, cjk in _split_cjk(run.text, geo.cjk_face_chars))
    return f"<w:p>{ppr}{runs}</w:p>"


def document_xml(geo: ProbeGeometry, paragraphs: Sequence[ProbeParagraph]) -> str:
    body = "".join(_paragraph_xml(geo, p) for p in paragraphs)
    sect = (f'<w:sectPr><w:pgSz w:w="{geo.page_w}" w:h="{geo.page_h}"/>'
            f'<w:pgMar w:top="{geo.margin_top}" w:right="{geo.margin_right}" w:bottom="{geo.margin_bottom}" '
            f'w:left="{geo.margin_left}" w:header="851" w:footer="1400" w:gutter="0"/>'
            f'<w:docGrid w:type="lines" w:linePitch="{geo.line_pitch}"/></w:sectPr>')
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<w:document xmlns:w="{W_NS}"><w:body>{body}{sect}</w:body></w:document>')


def settings_xml(geo: ProbeGeometry) -> str:
    control = "compressPunctuation" if geo.compress_punctuation else "doNotCompress"
    kinsoku = ""
    if geo.not_line_end:
        kinsoku += f'<w:noLineBreaksAfter w:lang="{geo.lang_east_asia}" w:val="{_attr(geo.not_line_end)}"/>'
    if geo.not_line_start:
        kinsoku += f'<w:noLineBreaksBefore w:lang="{geo.lang_east_asia}" w:val="{_attr(geo.not_line_start)}"/>'
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<w:settings xmlns:w="{W_NS}"><w:defaultTabStop w:val="420"/>'
            f'<w:characterSpacingControl w:val="{control}"/>{kinsoku}'
            f'<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word"'
            f' w:val="15"/></w:compat></w:settings>')


def styles_xml(geo: ProbeGeometry) -> str:
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<w:styles xmlns:w="{W_NS}"><w:docDefaults><w:rPrDefault><w:rPr>'
            f'<w:rFonts w:ascii="{_attr(geo.latin_font)}" w:hAnsi="{_attr(geo.latin_font)}" '
            f'w:eastAsia="{_attr(geo.east_asia_font)}" w:cs="{_attr(geo.latin_font)}"/>'
            f'<w:sz w:val="{geo.size_half_points}"/><w:szCs w:val="{geo.size_half_points}"/>'
            f'<w:lang w:val="en-US" w:eastAsia="{geo.lang_east_asia}"/></w:rPr></w:rPrDefault>'
            f"<w:pPrDefault><w:pPr/></w:pPrDefault></w:docDefaults>"
            f'<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
            f"</w:styles>")


_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/settings.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>'
    '<Override PartName="/word/styles.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
    "</Types>")
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="word/document.xml"/></Relationships>')
_DOC_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'settings" Target="settings.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'styles" Target="styles.xml"/></Relationships>')


def probe_docx_bytes(paragraphs: Sequence[ProbeParagraph], geometry: ProbeGeometry | None = None) -> bytes:
    """The DOCX (bytes) holding ``paragraphs`` as body text, with fixed timestamps (reproducible)."""
    geo = geometry or ProbeGeometry()
    parts = {
        "[Content_Types].xml": _CONTENT_TYPES,
        "_rels/.rels": _ROOT_RELS,
        "word/_rels/document.xml.rels": _DOC_RELS,
        "word/document.xml": document_xml(geo, paragraphs),
        "word/settings.xml": settings_xml(geo),
        "word/styles.xml": styles_xml(geo),
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, text.encode("utf-8"))
    return buffer.getvalue()
