"""What a line of a bulletin is, by its shape: 【栏目】, （attribution）, 报：, 责编：, 第N期, page numbers.

Shared by the rejoin rule (a structural line never joins or is joined) and by structure detection.
Patterns accept both half- and full-width marks, because rejoining runs before quotes are paired.
"""

from __future__ import annotations

import re
from enum import StrEnum

from bulletin_desk.ingest.charclass import SENTENCE_PUNCT, has_ideograph
from bulletin_desk.ingest.dates import DATE_PATTERN, find_date_at_end, find_printed_date

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
    r"(责任编辑|责编|编辑|核稿|审核|审稿|签发|联系人|联系电话|电话|传真|电子邮箱|邮箱|E-?mail|Email)\s*[：:]",
    re.IGNORECASE)
# 联系人 is the person the 版记 names for the issue; the model's nearest field is the editor's.
COLOPHON_FIELDS = {"责任编辑": "editor", "责编": "editor", "编辑": "editor", "联系人": "editor", "核稿": "reviewer",
                   "审核": "reviewer", "审稿": "reviewer", "签发": "approver", "联系电话": "phone", "电话": "phone",
                   "传真": "fax", "电子邮箱": "email", "邮箱": "email", "email": "email", "e-mail": "email"}
_YEAR = r"(?:\d{4}\s*年|[〔\[［(（]\s*\d{4}\s*[〕\]］)）])"  # 2021年第5期, 〔2021〕第5期
ISSUE_NUMBER = re.compile(
    rf"^(?:{_YEAR}\s*)?(增刊)?\s*第\s*([0-9{_CN_NUM}]+)\s*期\s*(?:{_O}?\s*总第\s*(\d+)\s*期\s*{_C}?)?$")
TOTAL_FIRST = re.compile(rf"^{_O}?\s*总第\s*(\d+)\s*期\s*{_C}?\s*(增刊)?\s*第\s*([0-9{_CN_NUM}]+)\s*期$")
TOTAL_NUMBER = re.compile(rf"^{_O}?\s*总第\s*(\d+)\s*期\s*{_C}?$")
SUPPLEMENT = re.compile(r"^增\s*刊$")
# 密级：秘密 names the field; the mark itself (秘密, 秘密★1年) is what prints top-left.
CLASSIFICATION = re.compile(
    r"^(?:密\s*级\s*[：:]\s*)?((?:内部资料|内部刊物|内部参阅|注意保存|秘密|机密|绝密)(?:\s*★.*)?(?:\s*注意保存)?)$")
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
    PRINTED_BY = "printed_by"  # 某办秘书科 2021年6月18日印发: the 版记's imprint line


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
        (LineShape.ISSUE_NUMBER, issue_number(text) is not None),
        (LineShape.TOTAL_NUMBER, bool(TOTAL_NUMBER.match(text))),
        (LineShape.SUPPLEMENT, bool(SUPPLEMENT.match(text))),
        (LineShape.CLASSIFICATION, bool(CLASSIFICATION.match(text))),
        (LineShape.COPIES, bool(COPIES.fullmatch(text))),
        (LineShape.DISTRIBUTION, bool(DISTRIBUTION.match(text))),
        (LineShape.COLOPHON, is_colophon_line(text)),
        (LineShape.ATTRIBUTION, bool(ATTRIBUTION.match(text))),
        (LineShape.DATE, is_date_line(text)),
        (LineShape.PRINTED_BY, is_printed_by_line(text)),
        (LineShape.HEADING, heading_kind(text) is not None),
    )
    for shape, hit in checks:
        if hit:
            return shape
    return None


def issue_number(text: str) -> tuple[bool, str, int | None] | None:
    """(增刊, N, total M or None) of a 第N期 line: 第7期, 增刊第3期, 第7期（总第86期）, 第7期 总第86期,
    总第86期 第7期, 2021年第5期; None for any other line."""
    if match := ISSUE_NUMBER.match(text):
        return bool(match.group(1)), match.group(2), int(match.group(3)) if match.group(3) else None
    if match := TOTAL_FIRST.match(text):
        return bool(match.group(2)), match.group(3), int(match.group(1))
    return None


_COLOPHON_PREFIX_MAX = 20  # 某局办公室 联系人：… — a unit name may come before the first label


def is_colophon_line(text: str) -> bool:
    """A 版记 line of labels: 责编：… at the start, or labels later in a short line that is no sentence
    (联系人：张三 电话：… / 某局办公室 联系人：张三). 请拨打电话：12345。 is a sentence, not a 版记 line."""
    first = COLOPHON_LABEL.search(text)
    if first is None:
        return False
    if first.start() == 0:
        return True
    before = text[:first.start()]
    return (first.start() <= _COLOPHON_PREFIX_MAX and not any(p in before for p in SENTENCE_PUNCT)
            and not re.search(r"[。！？!?]", text))


def _looks_like_note(text: str) -> bool:
    """编者按：… or 【编者按】…; a sentence that merely starts with 按语 is not a note."""
    return bool(re.match(r"^[【\[]?\s*(编者按|编者的话|按语|编者注)\s*([】\]]|[：:]|$)", text))


def is_date_line(text: str) -> bool:
    """A date alone, or an office followed by the date (县农业农村局 2021年6月18日)."""
    return _office_before(find_date_at_end(text))


def is_printed_by_line(text: str) -> bool:
    """The imprint line: an office and the date it printed the issue (某办秘书科 2021年6月18日印发)."""
    return _office_before(find_printed_date(text))


def _office_before(found: tuple[str, object] | None) -> bool:
    return found is not None and len(found[0]) <= 30 and not any(p in found[0] for p in SENTENCE_PUNCT)


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
    "is_colophon_line",
    "is_date_line",
    "is_headline_like",
    "is_printed_by_line",
    "is_title_like",
    "issue_number",
    "shape_of",
]
