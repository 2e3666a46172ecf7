"""WordprocessingML building blocks python-docx lacks, written through lxml in schema order.

Word refuses a document whose ``pPr``/``rPr``/``settings``/``sectPr`` children are out of the order the
schema (ECMA-376 part 1) prescribes, while LibreOffice silently accepts it — so a test on LibreOffice
alone would never catch it. Every child is therefore placed with `put`, which knows each sequence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NSMAP = {"w": W_NS, "r": R_NS}


def w(tag: str) -> str:
    """Clark name of a ``w:`` element or attribute (``w("jc")`` → ``{ns}jc``)."""
    return f"{{{W_NS}}}{tag}"


# ---------------------------------------------------------------- schema sequences (ECMA-376 part 1)

PPR_SEQ = (
    "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
    "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
    "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid",
    "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection",
    "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange",
)
RPR_SEQ = (
    "rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline", "shadow",
    "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing", "w", "kern",
    "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs",
    "em", "lang", "eastAsianLayout", "specVanish", "oMath",
)
SECTPR_SEQ = (
    "headerReference", "footerReference", "footnotePr", "endnotePr", "type", "pgSz", "pgMar", "paperSrc",
    "pgBorders", "lnNumType", "pgNumType", "cols", "formProt", "vAlign", "noEndnote", "titlePg",
    "textDirection", "bidi", "rtlGutter", "docGrid", "printerSettings", "sectPrChange",
)
TBLPR_SEQ = (
    "tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize", "tblStyleColBandSize", "tblW",
    "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd", "tblLayout", "tblCellMar", "tblLook",
)
TCPR_SEQ = (
    "cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap", "tcMar", "textDirection",
    "tcFitText", "vAlign", "hideMark",
)
TRPR_SEQ = (
    "cnfStyle", "divId", "gridBefore", "gridAfter", "wBefore", "wAfter", "cantSplit", "trHeight", "tblHeader",
    "tblCellSpacing", "jc", "hidden",
)
PBDR_SEQ = ("top", "left", "bottom", "right", "between", "bar")
TCBORDERS_SEQ = ("top", "start", "left", "bottom", "end", "right", "insideH", "insideV", "tl2br", "tr2bl")
SETTINGS_SEQ = (
    "writeProtection", "view", "zoom", "removePersonalInformation", "removeDateAndTime",
    "doNotDisplayPageBoundaries", "displayBackgroundShape", "printPostScriptOverText",
    "printFractionalCharacterWidth", "printFormsData", "embedTrueTypeFonts", "embedSystemFonts",
    "saveSubsetFonts", "saveFormsData", "mirrorMargins", "alignBordersAndEdges", "bordersDoNotSurroundHeader",
    "bordersDoNotSurroundFooter", "gutterAtTop", "hideSpellingErrors", "hideGrammaticalErrors",
    "activeWritingStyle", "proofState", "formsDesign", "attachedTemplate", "linkStyles",
    "stylePaneFormatFilter", "stylePaneSortMethod", "documentType", "mailMerge", "revisionView",
    "trackRevisions", "doNotTrackMoves", "doNotTrackFormatting", "documentProtection", "autoFormatOverride",
    "styleLockTheme", "styleLockQFSet", "defaultTabStop", "autoHyphenation", "consecutiveHyphenLimit",
    "hyphenationZone", "doNotHyphenateCaps", "showEnvelope", "summaryLength", "clickAndTypeStyle",
    "defaultTableStyle", "evenAndOddHeaders", "bookFoldRevPrinting", "bookFoldPrinting",
    "bookFoldPrintingSheets", "drawingGridHorizontalSpacing", "drawingGridVerticalSpacing",
    "displayHorizontalDrawingGridEvery", "displayVerticalDrawingGridEvery",
    "doNotUseMarginsForDrawingGridOrigin", "drawingGridHorizontalOrigin", "drawingGridVerticalOrigin",
    "doNotShadeFormData", "noPunctuationKerning", "characterSpacingControl", "printTwoOnOne",
    "strictFirstAndLastChars", "noLineBreaksAfter", "noLineBreaksBefore", "savePreviewPicture",
    "doNotValidateAgainstSchema", "saveInvalidXml", "ignoreMixedContent", "alwaysShowPlaceholderText",
    "doNotDemarcateInvalidXml", "saveXmlDataOnly", "useXSLTWhenSaving", "saveThroughXslt", "showXMLTags",
    "alwaysMergeEmptyNamespace", "updateFields", "hdrShapeDefaults", "footnotePr", "endnotePr", "compat",
    "docVars", "rsids", "mathPr", "attachedSchema", "themeFontLang", "clrSchemeMapping",
    "doNotIncludeSubdocsInStats", "doNotAutoCompressPictures", "forceUpgrade", "captions",
    "readModeInkLockDown", "smartTagType", "schemaLibrary", "shapeDefaults", "doNotEmbedSmartTags",
    "decimalSymbol", "listSeparator",
)

STYLE_SEQ = (
    "name", "aliases", "basedOn", "next", "link", "autoRedefine", "hidden", "uiPriority", "semiHidden",
    "unhideWhenUsed", "qFormat", "locked", "personal", "personalCompose", "personalReply", "rsid", "pPr", "rPr",
    "tblPr", "trPr", "tcPr", "tblStylePr",
)
FONT_SEQ = ("altName", "panose1", "charset", "family", "notTrueType", "pitch", "sig", "embedRegular",
            "embedBold", "embedItalic", "embedBoldItalic")

# Which sequence governs the children of which parent (by local name).
SEQUENCES: dict[str, tuple[str, ...]] = {
    "pPr": PPR_SEQ, "rPr": RPR_SEQ, "sectPr": SECTPR_SEQ, "settings": SETTINGS_SEQ, "tblPr": TBLPR_SEQ,
    "tcPr": TCPR_SEQ, "trPr": TRPR_SEQ, "pBdr": PBDR_SEQ, "tcBorders": TCBORDERS_SEQ, "tblBorders": TCBORDERS_SEQ,
    "style": STYLE_SEQ, "font": FONT_SEQ, "docDefaults": ("rPrDefault", "pPrDefault"),
    "tbl": ("bookmarkStart", "tblPr", "tblGrid", "tr"), "tr": ("tblPrEx", "trPr", "tc"), "tc": ("tcPr", "p", "tbl"),
    "tblCellMar": ("top", "start", "left", "bottom", "end", "right"),
}
# Elements that may repeat (all others replace an existing sibling of the same name).
_REPEATABLE = {"headerReference", "footerReference", "activeWritingStyle", "noLineBreaksAfter",
               "noLineBreaksBefore", "smartTagType", "attachedSchema"}


_RANKS: dict[str, dict[str, int]] = {parent: {name: i for i, name in enumerate(seq)}
                                     for parent, seq in SEQUENCES.items()}
_W_PREFIX = f"{{{W_NS}}}"


def local(element: etree._Element) -> str:
    tag = element.tag
    if isinstance(tag, str) and tag.startswith(_W_PREFIX):
        return tag[len(_W_PREFIX):]
    return etree.QName(element).localname


_R_PREFIX = f"{{{R_NS}}}"


def _attr_name(key: str) -> str:
    if key.startswith("r:"):
        return _R_PREFIX + key[2:]
    if key.startswith("{"):
        return key
    return _W_PREFIX + key


def el(tag: str, attrs: Mapping[str, str | int] | None = None, *children: etree._Element) -> etree._Element:
    """A ``w:`` element with ``w:`` attributes (``r:id`` may be given as ``"r:id"``).

    Namespaces are declared once, on the part's root (see `root_element`), not on every element.
    """
    attrib = {_attr_name(k): str(v) for k, v in attrs.items()} if attrs else None
    node = etree.Element(_W_PREFIX + tag, attrib) if attrib else etree.Element(_W_PREFIX + tag)
    for child in children:
        node.append(child)
    return node


def root_element(tag: str) -> etree._Element:
    """The root of a part, declaring the w: and r: prefixes for everything below it."""
    return etree.Element(_W_PREFIX + tag, nsmap=NSMAP)


def put(parent: etree._Element, child: etree._Element) -> etree._Element:
    """Insert ``child`` into ``parent`` at its schema position (replacing a non-repeatable twin)."""
    ranks = _RANKS[local(parent)]
    name = local(child)
    rank = ranks[name]
    if name not in _REPEATABLE:
        for old in parent.findall(w(name)):
            parent.remove(old)
    for index, sibling in enumerate(parent):
        if ranks.get(local(sibling), -1) > rank:
            parent.insert(index, child)
            return child
    parent.append(child)
    return child


def put_all(parent: etree._Element, children: Iterable[etree._Element]) -> etree._Element:
    for child in children:
        put(parent, child)
    return parent


def out_of_order(parent: etree._Element) -> list[str]:
    """Children of ``parent`` that break its schema sequence (empty when valid); used by the tests."""
    seq = SEQUENCES.get(local(parent))
    if seq is None:
        return []
    problems: list[str] = []
    last = -1
    for child in parent:
        name = local(child)
        if name not in seq:
            problems.append(f"{local(parent)}: unknown child {name}")
            continue
        rank = seq.index(name)
        if rank < last:
            problems.append(f"{local(parent)}: {name} after {seq[last]}")
        last = max(last, rank)
    return problems


def all_out_of_order(root: etree._Element) -> list[str]:
    """Schema-order problems anywhere below ``root``."""
    problems: list[str] = []
    for node in root.iter():
        if isinstance(node.tag, str) and node.tag.startswith(f"{{{W_NS}}}"):
            problems.extend(out_of_order(node))
    return problems


# ---------------------------------------------------------------- text XML can hold

# XML 1.0 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]; surrogates excluded.
_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def illegal_xml_chars(text: str) -> list[tuple[int, str]]:
    """(offset, character) of every character XML cannot hold."""
    return [(m.start(), m.group()) for m in _ILLEGAL_XML.finditer(text)]


def strip_illegal_xml(text: str) -> str:
    return _ILLEGAL_XML.sub("", text)


def to_xml_bytes(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
