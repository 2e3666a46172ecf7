"""Word's automatic numbering: the 一、/（一）/1./（1） that Word draws but does not store as text.

A sub-heading typed with Word's numbering button has no "一、" in its runs; detection needs it to
tell a sub-heading from a title, so the label is rebuilt from numbering.xml (format, level text, start)
and counted through the document the way Word counts it.
"""

from __future__ import annotations

from lxml import etree

from bulletin_desk.ingest.docx_contract import W_NS

_CN_DIGITS = "〇一二三四五六七八九"
_CHINESE_FORMATS = {"chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "ideographTraditional",
                    "japaneseCounting", "taiwaneseCounting", "taiwaneseCountingThousand"}


def _w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


def chinese_counting(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (as Word's chineseCounting)."""
    if n <= 0:
        return str(n)
    if n < 10:
        return _CN_DIGITS[n]
    if n < 20:
        return "十" + (_CN_DIGITS[n - 10] if n > 10 else "")
    if n < 100:
        tens, ones = divmod(n, 10)
        return _CN_DIGITS[tens] + "十" + (_CN_DIGITS[ones] if ones else "")
    hundreds, rest = divmod(n, 100)
    if rest == 0:
        tail = ""
    elif rest < 10:
        tail = "零" + _CN_DIGITS[rest]
    else:
        tail = chinese_counting(rest) if rest >= 20 else "一" + chinese_counting(rest)
    return _CN_DIGITS[hundreds % 10] + "百" + tail


def _format(n: int, fmt: str) -> str:
    if fmt in _CHINESE_FORMATS:
        return chinese_counting(n)
    if fmt == "upperLetter":
        return chr(ord("A") + (n - 1) % 26)
    if fmt == "lowerLetter":
        return chr(ord("a") + (n - 1) % 26)
    if fmt == "decimalEnclosedCircle" or fmt == "decimalEnclosedCircleChinese":
        return chr(0x2460 + n - 1) if 1 <= n <= 20 else str(n)
    return str(n)


class Numbering:
    """Counts numbered paragraphs through a document and gives each its label (一、, （二）, 3.)."""

    def __init__(self, root: etree._Element | None) -> None:
        self.levels: dict[tuple[str, int], tuple[str, str, int]] = {}  # (abstract, ilvl) → fmt, text, start
        self.num_to_abstract: dict[str, str] = {}
        self.counters: dict[str, list[int]] = {}
        if root is None:
            return
        for abstract in root.iter(_w("abstractNum")):
            abstract_id = abstract.get(_w("abstractNumId")) or ""
            for level in abstract.iter(_w("lvl")):
                ilvl = int(level.get(_w("ilvl")) or 0)
                fmt_node, text_node, start_node = level.find(_w("numFmt")), level.find(_w("lvlText")), \
                    level.find(_w("start"))
                fmt = fmt_node.get(_w("val")) if fmt_node is not None else "decimal"
                text = text_node.get(_w("val")) if text_node is not None else ""
                start = start_node.get(_w("val")) if start_node is not None else "1"
                self.levels[(abstract_id, ilvl)] = (fmt or "decimal", text or "", int(start) if (start or "").isdigit()
                                                    else 1)
        for num in root.iter(_w("num")):
            abstract = num.find(_w("abstractNumId"))
            if abstract is not None:
                self.num_to_abstract[num.get(_w("numId")) or ""] = abstract.get(_w("val")) or ""

    def label(self, paragraph: etree._Element) -> str:
        """The label Word draws before this paragraph ("" when it is not numbered or is a bullet)."""
        num_pr = paragraph.find(f"{_w('pPr')}/{_w('numPr')}")
        if num_pr is None:
            return ""
        num_node, level_node = num_pr.find(_w("numId")), num_pr.find(_w("ilvl"))
        num_id = num_node.get(_w("val")) if num_node is not None else None
        ilvl_text = level_node.get(_w("val")) if level_node is not None else "0"
        ilvl = int(ilvl_text) if ilvl_text and ilvl_text.isdigit() else 0
        abstract = self.num_to_abstract.get(num_id or "")
        if abstract is None or (abstract, ilvl) not in self.levels or ilvl > 8:
            return ""
        fmt, text, _ = self.levels[(abstract, ilvl)]
        if fmt in ("bullet", "none"):
            return ""
        counters = self.counters.setdefault(abstract, [0] * 9)
        for deeper in range(ilvl + 1, 9):
            counters[deeper] = 0
        counters[ilvl] += 1
        label = text
        for level in range(ilvl + 1):
            level_fmt, _, start = self.levels.get((abstract, level), ("decimal", "", 1))
            label = label.replace(f"%{level + 1}", _format(counters[level] + start - 1, level_fmt))
        return label
