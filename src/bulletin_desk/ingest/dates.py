"""Dates and numbers as bulletins print them: 2023年12月1日, 二〇二三年十二月一日, 2023.12.1, 第十二期."""

from __future__ import annotations

import datetime as _dt
import re

_DIGITS = {"〇": 0, "○": 0, "零": 0, "O": 0, "Ｏ": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6,
           "七": 7, "八": 8, "九": 9}
_CN = "〇○零OＯ一二三四五六七八九十"

DATE_PATTERN = re.compile(
    rf"(?P<y>\d{{4}}|[{_CN}]{{4}})\s*年\s*(?P<m>\d{{1,2}}|[{_CN}]{{1,3}})\s*月\s*(?P<d>\d{{1,2}}|[{_CN}]{{1,3}})\s*[日号]"
    r"|(?P<y2>\d{4})\s*[-./]\s*(?P<m2>\d{1,2})\s*[-./]\s*(?P<d2>\d{1,2})(?!\d)"
)


def chinese_number(text: str) -> int | None:
    """一 → 1, 十二 → 12, 三十一 → 31, 一百零二 → 102; 二〇二三 (digit by digit) → 2023; 12 → 12."""
    text = text.strip()
    if not text:
        return None
    if text.isdigit():
        return int(text)
    if all(ch in _DIGITS for ch in text):
        value = 0
        for ch in text:
            value = value * 10 + _DIGITS[ch]
        return value
    total, current = 0, 0
    for ch in text:
        if ch in _DIGITS:
            current = _DIGITS[ch]
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        elif ch == "百":
            total += (current or 1) * 100
            current = 0
        else:
            return None
    return total + current


def parse_date(match: re.Match[str]) -> _dt.date | None:
    if match.group("y"):
        parts = (match.group("y"), match.group("m"), match.group("d"))
    else:
        parts = (match.group("y2"), match.group("m2"), match.group("d2"))
    numbers = [chinese_number(p) for p in parts]
    if any(n is None for n in numbers):
        return None
    try:
        return _dt.date(numbers[0], numbers[1], numbers[2])  # type: ignore[arg-type]
    except ValueError:
        return None


# What may follow a date and still leave it the line's last word: the weekday (（星期三）, 周三).
_DAY = r"(?:星期|礼拜|周)[一二三四五六日天]"
_WEEKDAY = re.compile(rf"\s*(?:[（(]\s*{_DAY}\s*[）)]|{_DAY})?\s*")
# The imprint line of a 版记, and some mastheads: 某办秘书科 2021年6月18日印发.
_PRINTED = re.compile(r"\s*(?:印发|编印|印)\s*$")


def find_date_at_end(text: str) -> tuple[str, _dt.date] | None:
    """(what precedes the date, the date) when ``text`` ends with a date, perhaps with its weekday after it
    (2021年6月18日（星期三）); None otherwise."""
    last = None
    for match in DATE_PATTERN.finditer(text):
        last = match
    if last is None or not _WEEKDAY.fullmatch(text, last.end()):
        return None
    date = parse_date(last)
    if date is None:
        return None
    return text[:last.start()].strip(), date


def find_printed_date(text: str) -> tuple[str, _dt.date] | None:
    """(the office, the date) of an imprint line: 某办秘书科 2021年6月18日印发; None for any other line."""
    suffix = _PRINTED.search(text)
    if suffix is None:
        return None
    return find_date_at_end(text[:suffix.start()])
