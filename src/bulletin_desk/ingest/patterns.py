"""What a line of a bulletin is, by its shape: 【栏目】, （attribution）, 报：, 责编：, 第N期, page numbers.

Shared by the rejoin rule (a structural line never joins or is joined) and by structure detection.
Patterns accept both half- and full-width marks, because rejoining runs before quotes are paired.
"""

from __future__ import annotations

import re
from enum import StrEnum

from bulletin_desk.ingest.charclass import SENTENCE_PUNCT, has_ideograph
from bulletin_desk.ingest.dates import DATE_PATTERN, find_date_at_end

_CN_NUM = "〇零一二三四五六七八九十百"
_O = "[（(]"
_C = "[）)]"

SECTION = re.compile(r"^【\s*([^【】]+?)\s*】$")
NOTE = re.compile(r"^[【\[]?\s*(编者按|编者的话|按语|编者注)\s*[】\]]?\s*[：:]?\s*(.*)$")
ATTRIBUTION = re.compile(rf"^{_O}\s*(?:供稿(?:单位)?\s*[：:]\s*)?([^（）()，。！？,]{{2,40}}?)\s*(?:供稿)?\s*{_C}$")
END_ATTRIBUTION = re.compile(
    rf"^(.*[。！？!?”’])\s*{_O}\s*(?:供稿(?:单位)?\s*[：:]\s*)?([^（）()，。！？,]{{2,30}}?)\s*(?:供稿)?\s*{_C}$")
DISTRIBUTION = re.compile(r"^(抄送|分送|抄报|报|送|发)\s*[：:]\s*(.*)$")
COPIES = re.compile(rf"{_O}?\s*共印\s*(\d+)\s*份\s*{_C}?")
COLOPHON_LABEL = re.compile(
    r"(责任编辑|责编|编辑|核稿|审核|审稿|签发|联系电话|电话|传真|电子邮箱|邮箱|E-?mail|Email)\s*[：:]", re.IGNORECASE)
COLOPHON_FIELDS = {"责任编辑": "editor", "责编": "editor", "编辑": "editor", "核稿": "reviewer", "审核": "reviewer",
                   "审稿": "reviewer", "签发": "approver", "联系电话": "phone", "电话": "phone", "传真": "fax",
                   "电子邮箱": "email", "邮箱": "email", "email": "email", "e-mail": "email"}
ISSUE_NUMBER = re.compile(
    rf"^(?:\d{{4}}\s*年\s*)?(增刊)?\s*第\s*([0-9{_CN_NUM}]+)\s*期\s*(?:{_O}\s*总第\s*(\d+)\s*期\s*{_C})?$")
TOTAL_NUMBER = re.compile(rf"^{_O}?\s*总第\s*(\d+)\s*期\s*{_C}?$")
SUPPLEMENT = re.compile(r"^增\s*刊$")
CLASSIFICATION = re.compile(r"^(内部资料|内部刊物|内部参阅|注意保存|秘密|机密|绝密)(?:\s*★.*)?(?:\s*注意保存)?$")
PAGE_NUMBER = re.compile(
    r"^(?:[-－—–~～][-－—–~～\s]*\d{1,3}[-－—–~～\s]*[-－—–~～]|第\s*\d{1,3}\s*页(?:\s*[，,/]?\s*共\s*\d{1,3}\s*页)?"
    r"|\d{1,3}\s*/\s*\d{1,3}|\d{1,3})$")
BARE_NUMBER = re.compile(r"^\d{1,3}$")  # a page number only in a page-break context (page_debris.py)

HEADINGS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("h1", re.compile(r"^[一二三四五六七八九十]+\s*、")),
    ("h2", re.compile(rf"^{_O}\s*[一二三四五六七八九十]+\s*{_C}")),
    ("h3", re.compile(r"^\d{1,2}\s*[.．、](?!\d)")),
    ("h4", re.compile(rf"^{_O}\s*\d{{1,2}}\s*{_C}")),
)
HEADING_MAX_CHARS = 40
TITLE_MAX_CHARS = 40
_TERMINAL = re.compile(r"[。！？：；!?:;][”’」』）)》]*$")


class LineShape(StrEnum):
    """The structural kinds a single line can have on its own."""

    SECTION = "section"
    NOTE = "note"
    ATTRIBUTION = "attribution"
    DISTRIBUTION = "distribution"
    COPIES = "copies"
    COLOPHON = "colophon"
    ISSUE_NUMBER = "issue_number"
    TOTAL_NUMBER = "total_number"
    SUPPLEMENT = "supplement"
    CLASSIFICATION = "classification"
    DATE = "date"
    PAGE_NUMBER = "page_number"
    HEADING = "heading"


def heading_kind(text: str) -> str | None:
    """h1…h4 for 一、/（一）/1./（1） sub-heading lines; None for body text such as 1.2万人…"""
    if len(text) > HEADING_MAX_CHARS or re.search(r"[。！？!?]", text[:-1]):
        return None
    for kind, pattern in HEADINGS:
        if pattern.match(text):
            return kind
    return None


def shape_of(text: str) -> LineShape | None:
    """The structural shape of one line, or None for ordinary text (titles and paragraphs)."""
    if not text:
        return None
    checks: tuple[tuple[LineShape, bool], ...] = (
        (LineShape.PAGE_NUMBER, bool(PAGE_NUMBER.match(text))),
        (LineShape.SECTION, bool(SECTION.match(text)) and not NOTE.match(text.strip("【】 "))),
        (LineShape.NOTE, bool(NOTE.match(text)) and _looks_like_note(text)),
        (LineShape.ISSUE_NUMBER, bool(ISSUE_NUMBER.match(text))),
        (LineShape.TOTAL_NUMBER, bool(TOTAL_NUMBER.match(text))),
        (LineShape.SUPPLEMENT, bool(SUPPLEMENT.match(text))),
        (LineShape.CLASSIFICATION, bool(CLASSIFICATION.match(text))),
        (LineShape.COPIES, bool(COPIES.fullmatch(text))),
        (LineShape.DISTRIBUTION, bool(DISTRIBUTION.match(text))),
        (LineShape.COLOPHON, bool(COLOPHON_LABEL.match(text))),
        (LineShape.ATTRIBUTION, bool(ATTRIBUTION.match(text))),
        (LineShape.DATE, is_date_line(text)),
        (LineShape.HEADING, heading_kind(text) is not None),
    )
    for shape, hit in checks:
        if hit:
            return shape
    return None


def _looks_like_note(text: str) -> bool:
    """编者按：… or 【编者按】…; a sentence that merely starts with 按语 is not a note."""
    return bool(re.match(r"^[【\[]?\s*(编者按|编者的话|按语|编者注)\s*([】\]]|[：:]|$)", text))


def is_date_line(text: str) -> bool:
    """A date alone, or an office followed by the date (县农业农村局 2021年6月18日)."""
    found = find_date_at_end(text)
    if found is None:
        return False
    before = found[0]
    return len(before) <= 30 and not any(p in before for p in SENTENCE_PUNCT)


def is_title_like(text: str) -> bool:
    """Short, and no sentence punctuation: how headlines look. Such a line is a title wherever it stands."""
    return 0 < len(text) <= TITLE_MAX_CHARS and not any(p in text for p in SENTENCE_PUNCT) \
        and not text.endswith(("。", "！", "？"))


_HEADLINE_NEVER = re.compile(r"[。！？!?；;]")
_OPEN_ENDING = ("，", "、", ",", "：", ":", "（", "(", "《", "“", "‘", "【")


def is_headline_like(text: str) -> bool:
    """A title that may carry ，、：— (守正创新，提质增效 / 某区：多措并举推进垃圾分类): short, no sentence
    ends (。！？；) and not stopping on a mark that leads on. Unlike is_title_like, the same shape is common in
    body text broken mid-paragraph, so callers also need the line's place: set apart by blank lines, or
    right after a 栏目, an attribution or the masthead."""
    return (0 < len(text) <= TITLE_MAX_CHARS and has_ideograph(text) and not _HEADLINE_NEVER.search(text)
            and not text.endswith(_OPEN_ENDING))


def ends_sentence(text: str) -> bool:
    """Ends in 。！？：； (possibly followed by a closing quote or bracket)."""
    return bool(_TERMINAL.search(text))


__all__ = [
    "BARE_NUMBER",
    "COLOPHON_FIELDS",
    "COLOPHON_LABEL",
    "COPIES",
    "DATE_PATTERN",
    "DISTRIBUTION",
    "END_ATTRIBUTION",
    "ISSUE_NUMBER",
    "NOTE",
    "SECTION",
    "TOTAL_NUMBER",
    "LineShape",
    "ends_sentence",
    "heading_kind",
    "is_date_line",
    "is_headline_like",
    "is_title_like",
    "shape_of",
]
