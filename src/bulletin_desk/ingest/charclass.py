"""Character classes the cleanup and detection rules share (CJK ideographs, Chinese punctuation).

A half-width mark is "in Chinese context" when a neighbour (looking past spaces) is an ideograph or
Chinese punctuation; URLs and e-mail addresses are protected spans no rule touches.
"""

from __future__ import annotations

import re

IDEOGRAPH_RANGES = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
CHINESE_PUNCT = "，。、；：？！“”‘’（）《》〈〉【】「」『』…—～·"
_IDEOGRAPH = re.compile(f"[{IDEOGRAPH_RANGES}]")
_CHINESE = re.compile(f"[{IDEOGRAPH_RANGES}{CHINESE_PUNCT}]")

_URL = re.compile(r"(?:https?://|ftp://|www\.)[!-~]+")  # runs until the first non-ASCII or space
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
_URL_TRAILING = ",.;:!?'\")]}>"
_BRACKETS = {")": "(", "]": "[", "}": "{"}
SENTENCE_PUNCT = "，、；：。！？,;:!?"


def is_ideograph(ch: str) -> bool:
    return bool(ch) and _IDEOGRAPH.match(ch) is not None


def is_chinese(ch: str) -> bool:
    """An ideograph or a Chinese (full-width) punctuation mark."""
    return bool(ch) and _CHINESE.match(ch) is not None


def has_ideograph(text: str) -> bool:
    return _IDEOGRAPH.search(text) is not None


def is_ascii_alnum(ch: str) -> bool:
    return bool(ch) and ch.isascii() and ch.isalnum()


def url_end(url: str) -> int:
    """Where a URL found by its ASCII run really ends: the sentence's ), . ; : ! ? ' " after it are not part
    of it (网站(https://x.cn/a)。, www.x.cn,电话) unless a bracket closes one opened inside (…/wiki/A_(b))."""
    end = len(url)
    while end and url[end - 1] in _URL_TRAILING:
        mark = url[end - 1]
        opener = _BRACKETS.get(mark)
        if opener is not None and url[:end].count(opener) >= url[:end].count(mark):
            break  # balanced inside the URL
        end -= 1
    return end


def protected_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every URL and e-mail address, the trailing sentence punctuation left out."""
    spans = [(m.start(), m.start() + url_end(m.group())) for m in _URL.finditer(text)]
    spans += [(m.start(), m.end()) for m in _EMAIL.finditer(text)]
    return spans


def protected_mask(text: str) -> list[bool]:
    """True for every character inside a URL or e-mail address."""
    mask = [False] * len(text)
    for start, end in protected_spans(text):
        for i in range(start, end):
            mask[i] = True
    return mask


def neighbour(text: str, index: int, step: int) -> str:
    """The nearest non-space character before (step -1) or after (step 1) ``index``; "" at an edge."""
    i = index + step
    while 0 <= i < len(text) and text[i] == " ":
        i += step
    return text[i] if 0 <= i < len(text) else ""
