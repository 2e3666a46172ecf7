"""Character-level cleanup rules, each a small pure function ``str -> str``.

Order matters only in one place: invisible characters and spacing are normalised first so the
punctuation rules see real neighbours. Every rule is idempotent on its own output; `cleanup.py`
runs them and reports each change.
"""

from __future__ import annotations

import re
import unicodedata

from bulletin_desk.ingest.charclass import (
    has_ideograph,
    is_ascii_alnum,
    is_chinese,
    is_ideograph,
    neighbour,
    protected_mask,
)

_INVISIBLE = re.compile("[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]")
_WIDE_SPACES = re.compile("[\t\u2000-\u200a\u202f\u205f\u3000]")
_NBSP = "\u00a0"
_NBSP_RUN = re.compile("\u00a0+")


def remove_invisible(text: str) -> str:
    """Zero-width, bidi, soft-hyphen and control characters carry nothing a bulletin prints."""
    return _INVISIBLE.sub("", text)


def drop_nbsp(text: str) -> str:
    """NBSP next to Chinese is padding from HTML or Word (第&nbsp;9&nbsp;期, runs between office and date)
    and is removed; between Latin words it is a space."""
    if _NBSP not in text:
        return text

    def replace(match: re.Match[str]) -> str:
        before = text[match.start() - 1:match.start()]
        after = text[match.end():match.end() + 1]
        return "" if is_chinese(before) or is_chinese(after) else " "

    return _NBSP_RUN.sub(replace, text)


def normalise_spaces(text: str) -> str:
    """Tabs and wide spaces become one space; runs collapse; the line is trimmed."""
    text = _WIDE_SPACES.sub(" ", text)
    return re.sub(" {2,}", " ", text).strip(" ")


# CJK Radicals Supplement forms that stand for whole simplified characters; NFKC maps only two of them.
_RADICAL_SUPPLEMENT = str.maketrans(
    "\u2ea0\u2ec1\u2ec4\u2ec5\u2ec6\u2ec9\u2ecb\u2ed3\u2ed4\u2eda\u2edb\u2edc\u2edd\u2ee2\u2ee3\u2ee4"
    "\u2ee5\u2ee6\u2ee7\u2ee8\u2ee9\u2eec\u2eee\u2ef0",
    "民虎西见角贝车长门页风飞食马骨鬼鱼鸟卤麦黄齐齿龙")


def _unify_char(ch: str) -> str:
    code = ord(ch)
    if 0x2E80 <= code <= 0x2FDF or 0xF900 <= code <= 0xFAFF or 0x2F800 <= code <= 0x2FA1F:
        unified = unicodedata.normalize("NFKC", ch)
        if len(unified) == 1 and is_ideograph(unified):
            return unified
    return ch


def unify_ideographs(text: str) -> str:
    """Kangxi radicals and compatibility ideographs (PDF text extraction) → the unified ideographs."""
    if all(ord(ch) < 0x2E80 or 0x3000 <= ord(ch) < 0xF900 for ch in text):
        return text
    return "".join(_unify_char(ch) for ch in text.translate(_RADICAL_SUPPLEMENT))


_FULLWIDTH_ALNUM = {code: code - 0xFEE0 for code in (*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B),
                                                     *range(0xFF41, 0xFF5B))}


def halfwidth_alnum(text: str) -> str:
    """Full-width digits and letters → ASCII (the layout sets digits half-width); ２．３ → 2.3."""
    text = text.translate(_FULLWIDTH_ALNUM)
    return re.sub(r"(?<=\d)．(?=\d)", ".", text)


_SIMPLE_MARKS = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！"}


def fullwidth_punctuation(text: str) -> str:
    """, : ; ? ! ( ) in Chinese context → ，：；？！（）; digit grouping, times, URLs and e-mail untouched.

    A converted mark is Chinese context for the mark beside it (好?!! → 好？！！), so this repeats until
    nothing changes: the rule must be idempotent on its own output.
    """
    for _ in range(len(text) + 1):
        if not any(ch in text for ch in ",:;?!()"):
            return text
        converted = _fullwidth_once(text)
        if converted == text:
            return text
        text = converted
    return text


def _fullwidth_once(text: str) -> str:
    mask = protected_mask(text)
    chars = list(text)
    for i, ch in enumerate(text):
        if mask[i] or ch not in _SIMPLE_MARKS:
            continue
        before, after = neighbour(text, i, -1), neighbour(text, i, 1)
        if ch == "," and is_digit_grouping(text, i):
            continue  # 1,000
        if ch == ":" and before.isdigit() and after.isdigit() and text[i - 1:i].isdigit():
            continue  # 12:30, 3:2
        if ch == "," and before.isdigit() and after.isdigit():
            before, after = _beyond_digit_list(text, i)  # 附件1,2,3: the list's own context decides
        if is_chinese(before) or is_chinese(after):
            chars[i] = _SIMPLE_MARKS[ch]
    _fullwidth_parentheses(text, chars, mask)
    return "".join(chars)


def is_digit_grouping(text: str, i: int) -> bool:
    """The comma at ``i`` groups thousands (1,000 and 12,345,678): a digit before it and exactly three after.

    附件1,2,3 and 1,2号楼 are lists, whose commas are punctuation like any other.
    """
    return (text[i - 1:i].isdigit() and len(text[i + 1:i + 4]) == 3 and text[i + 1:i + 4].isdigit()
            and not text[i + 4:i + 5].isdigit())


def _beyond_digit_list(text: str, i: int) -> tuple[str, str]:
    """The characters just outside the run of digits and commas around ``i``."""
    start, end = i, i
    while start > 0 and (text[start - 1].isdigit() or text[start - 1] in ", "):
        start -= 1
    while end + 1 < len(text) and (text[end + 1].isdigit() or text[end + 1] in ", "):
        end += 1
    return text[start - 1:start], text[end + 1:end + 2]


def _fullwidth_parentheses(text: str, chars: list[str], mask: list[bool]) -> None:
    stack: list[int] = []
    pairs: list[tuple[int, int]] = []
    lonely: list[int] = []
    for i, ch in enumerate(text):
        if mask[i]:
            continue
        if ch in "(（":
            stack.append(i)
        elif ch in ")）":
            if stack:
                pairs.append((stack.pop(), i))
            else:
                lonely.append(i)
    lonely.extend(stack)
    for open_i, close_i in pairs:
        if "(" not in (text[open_i], text[close_i]) and ")" not in (text[open_i], text[close_i]):
            continue
        inner = text[open_i + 1:close_i]
        if (has_ideograph(inner) or is_chinese(neighbour(text, open_i, -1))
                or is_chinese(neighbour(text, close_i, 1))):
            chars[open_i], chars[close_i] = "（", "）"
    for i in lonely:
        if text[i] in "()" and (is_chinese(neighbour(text, i, -1)) or is_chinese(neighbour(text, i, 1))):
            chars[i] = "（" if text[i] == "(" else "）"


def _pair(text: str, chars: list[str], mask: list[bool], marks: str, open_mark: str, close_mark: str,
          *, apostrophes: bool) -> None:
    positions = []
    for i, ch in enumerate(text):
        if mask[i] or ch not in marks:
            continue
        if apostrophes and ch == "'" and is_ascii_alnum(text[i - 1:i]) and is_ascii_alnum(text[i + 1:i + 2]):
            continue  # don't, O'Brien
        positions.append(i)
    wanted = [open_mark if n % 2 == 0 else close_mark for n in range(len(positions))]
    current = [text[i] for i in positions]
    if current == wanted:
        return
    if all(ch != marks[0] for ch in current) and _well_nested(current, open_mark, close_mark):
        return
    for i, mark in zip(positions, wanted, strict=True):
        chars[i] = mark


def _well_nested(marks: list[str], open_mark: str, close_mark: str) -> bool:
    depth = 0
    for mark in marks:
        depth += 1 if mark == open_mark else -1
        if depth < 0 or depth > 1:
            return False
    return depth == 0


def pair_quotes(text: str) -> str:
    """Straight or mis-paired quotes in a Chinese paragraph → “ ” and ‘ ’, alternating open/close."""
    if not has_ideograph(text) or not any(ch in text for ch in "\"“”'‘’"):
        return text
    mask = protected_mask(text)
    chars = list(text)
    _pair(text, chars, mask, "\"“”", "“", "”", apostrophes=False)
    _pair(text, chars, mask, "'‘’", "‘", "’", apostrophes=True)
    return "".join(chars)


_ELLIPSIS = re.compile(r"\.{3,}|。{3,}|…+")
_DASH = re.compile(r"(?:-{2,}|－{2,}|—{3,})")


def ellipsis_and_dash(text: str) -> str:
    """... and 。。。 → ……; -- → —— (in Chinese context only, never inside a URL)."""
    if not has_ideograph(text):
        return text
    mask = protected_mask(text)

    def chinese_around(match: re.Match[str]) -> bool:
        return is_chinese(neighbour(text, match.start(), -1)) or is_chinese(neighbour(text, match.end() - 1, 1))

    def ellipsis(match: re.Match[str]) -> str:
        if mask[match.start()] or (match.group()[0] == "." and not chinese_around(match)):
            return match.group()
        return "……"

    def dash(match: re.Match[str]) -> str:
        if mask[match.start()] or not chinese_around(match):
            return match.group()
        return "——"

    text = _ELLIPSIS.sub(ellipsis, text)
    mask = protected_mask(text)
    return _DASH.sub(dash, text)


def remove_cjk_spaces(text: str) -> str:
    """第 7 期 → 第7期, 300 多人 → 300多人; spaces beside Chinese punctuation go too.

    Kept: a space between two ideographs (a title's clauses), between Latin words, and beside a URL.
    """
    if " " not in text:
        return text
    mask = protected_mask(text)
    out: list[str] = []
    for i, ch in enumerate(text):
        if ch != " ":
            out.append(ch)
            continue
        j = i - 1
        while j >= 0 and text[j] == " ":
            j -= 1
        k = i + 1
        while k < len(text) and text[k] == " ":
            k += 1
        before = text[j] if j >= 0 else ""
        after = text[k] if k < len(text) else ""
        if (j >= 0 and mask[j]) or (k < len(text) and mask[k]):
            out.append(ch)
            continue
        punct = (is_chinese(before) and not is_ideograph(before)) or (is_chinese(after) and not is_ideograph(after))
        mixed = (is_ideograph(before) and is_ascii_alnum(after)) or (is_ascii_alnum(before) and is_ideograph(after))
        if not (punct or mixed):
            out.append(ch)
    return "".join(out)
