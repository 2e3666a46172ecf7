"""Break a block's text into lines the way LibreOffice 7.4 breaks our DOCX (docs/layout-decisions.md).

The model, each part measured with the probe (tests/support/probe_corpus.py):

- Text is cut into *portions* where the run changes (bold, face, the CJK-face runs of “ ” ‘ ’ — … ·)
  or the script changes (CJK ↔ Latin/digits). Letter spacing (−0.25 pt on 三号 text) is added after
  every character except the last of a portion.
- Between an ideograph and a digit/Latin character LibreOffice inserts max(size)/5 (3.2 pt at
  16 pt); never next to punctuation.
- A character fits when its glyph (not the spacing after it) ends inside the column. At the first one
  that does not: a mark of the hanging set hangs past the edge unless it follows a digit/Latin letter
  or the next character may not start a line either; otherwise the break moves back over line-start/
  line-end prohibitions, Latin/digits glued to quotes and brackets, and unbreakable units (digit runs,
  Latin words, ——, ……, 《…》 in titles).
- "—" takes the script of the character before it; Latin-shaped (after Latin, at a paragraph start)
  it is narrow. A CJK "——" is one glyph: no letter spacing between its halves.
- The wide symbols (℃ ①②③ ※ → Ⅱ ★, set one em wide in the CJK face) are weak too: the script of the
  character before them, Latin at a paragraph start. The numeric ones (① Ⅱ) take the gap to Latin
  like an ideograph or a digit of their script; none is split from a touching Latin letter, digit or
  another such symbol in the Latin script (LibreOffice breaks Latin text by UAX #14, which resolves
  them to AL, ℃ is PO; Asian text anywhere); a mark hangs after one only when it is in the Asian
  script (measured: "38℃，" and "3①，" move down whole, "一①，" hangs).
- Justified lines stretch every gap except those inside a Latin word or digit run, so the last glyph
  ends ``justify_slack_pt`` inside the 版心; lines with a hanging mark are not stretched.
"""

from __future__ import annotations

from dataclasses import dataclass

from bulletin_desk.layout.compose import Block
from bulletin_desk.layout.metrics import _CLASSES, CharClass, FontMetrics, char_class
from bulletin_desk.layout.profile import BreakingSpec

# Measured in LibreOffice 7.4: "PM‘认’" and "’CBD" and "（业）VR" are never split at the quote/bracket.
_GLUE_AFTER_LATIN = "“”‘’（）《》【】〔〕「」『』"
_GLUE_BEFORE_LATIN = "“”‘’（）《》【】〔〕「」『』"
_QUOTES = "“”‘’"
_POSTFIX = "℃℉"  # wide symbols of UAX #14 class PO: kept with a digit before them, not with a letter


@dataclass(frozen=True)
class BrokenLine:
    """One line of a block: characters [start, end) of ``block.text``, each at ``xs`` (pt from the
    block's left edge, i.e. the 版心 left + left_indent)."""

    start: int
    end: int
    xs: tuple[float, ...]
    right: float  # right edge of the last glyph (same origin), after justification
    hanging: bool = False
    # The same edge before justification stretched the line (equal to ``right`` on a line that is not
    # stretched: a hanging one, the last of a paragraph, a centred one). Kept because ``right`` of a justified
    # line is the column by construction: only this says how full the breaker really made the line.
    natural: float = 0.0


_CLASS_CACHE = _CLASSES
# Full-width marks with a blank half (clreq 标点挤压): what compress_punctuation and push_in_first may trim.
_FULL_PUNCT = "、，。．：；？！“”‘’（）《》〈〉「」『』【】〔〕〖〗"


class _Chars:
    """Per-character facts of one block, computed once (widths, portions, gaps, break permissions)."""

    __slots__ = ("adv", "allowed", "asian", "em", "gap_before", "glyph", "latin", "n", "portion_start", "text",
                 "whole")

    def __init__(self, block: Block, metrics: FontMetrics, rules: BreakingSpec, *, protect_brackets: bool) -> None:
        # One pass over the characters (this runs for every paragraph of a full layout: keep it lean).
        text = block.text
        n = len(text)
        self.text = text
        self.n = n
        glyph = [0.0] * n
        adv = [0.0] * n
        sizes = [0.0] * n
        latin = [False] * n
        asian = [True] * n  # in the Asian script (a mark may hang after it)
        portion_start = [True] * n
        gap_before = [0.0] * n
        allowed = [True] * (n + 1)  # allowed[i]: a line may break before character i
        whole = [True] * (n + 1)  # whole[i]: a break before i splits no word, digit run, —— or ……
        not_start, not_end = rules.not_line_start, rules.not_line_end
        gap_em, dash_em, dash_bold_em = rules.latin_cjk_gap_em, rules.latin_dash_em, rules.latin_dash_bold_em
        classes = _CLASS_CACHE
        advance = metrics.advance
        pos = 0
        prev_ch = ""
        prev_class: CharClass = (True, False, False, False, False, False)
        prev_script = True  # True: Asian. Spaces, "—" and wide symbols are weak: they take the script before them.
        prev_run = -1
        prev_tracking = 0.0
        prev_latin = False
        prev_word = False  # a Latin letter/digit or a wide symbol
        prev_alnum = False  # takes the gap at a script change: an ideograph, a Latin letter/digit, ① Ⅱ
        prev_size = 0.0
        for r_index, run in enumerate(block.runs):
            face, size, bold, tracking = run.face, run.size, run.bold, run.tracking
            for ch in run.text:
                cls = classes.get(ch) or char_class(ch)
                width = advance(ch, face, size, bold)
                if ch == "—":
                    script = prev_script if pos else False  # at the paragraph start: Latin (measured)
                    if not script:  # LibreOffice then sets it narrow, from the CJK face's Latin shaping
                        width = size * (dash_bold_em if bold else dash_em)
                elif ch.isspace():
                    script = prev_script if pos else True
                elif cls[4]:
                    script = prev_script if pos else False  # a wide symbol at the paragraph start: Latin (measured)
                else:
                    script = cls[0]
                is_latin = not cls[0] and not ch.isspace()
                word = is_latin or cls[4]
                alnum = cls[1] or cls[2] or cls[5]
                glyph[pos] = width
                sizes[pos] = size
                latin[pos] = is_latin
                asian[pos] = cls[0] and (script or not cls[4])
                if pos:
                    starts = r_index != prev_run or cls[3] != prev_class[3] or script != prev_script
                    portion_start[pos] = starts
                    # spacing after the previous character unless it ends its portion; CJK "——" is one glyph
                    if not starts and not (prev_ch == "—" == ch and script):
                        adv[pos - 1] += prev_tracking
                    if script != prev_script and prev_alnum and alnum:
                        gap_before[pos] = gap_em * max(prev_size, size)
                    inside_word = prev_word and word and not (prev_ch == "-" and ch.isalpha())
                    if inside_word and (cls[4] or prev_class[4]):
                        # LibreOffice breaks an Asian-script character anywhere (kinsoku aside) and a Latin one by
                        # UAX #14, where a wide symbol is a letter (℃ a postfix: not after a digit); the gap to an
                        # ① or Ⅱ of the other script is a break too (measured: "①|3", "A|℃", "①|②", not "★3")
                        inside_word = not script and not gap_before[pos] and not (ch in _POSTFIX and prev_ch.isalpha())
                    # LibreOffice (UAX #14 tailored): no break between Latin/digits and a touching quote/bracket.
                    # (After a wide symbol in the Latin script only quotes: "APP■“点" is not split, "A★（" is.)
                    glued = ((prev_latin and ch in _GLUE_AFTER_LATIN) or (is_latin and prev_ch in _GLUE_BEFORE_LATIN)
                             or (prev_word and not prev_script and ch in _QUOTES))
                    if ch in not_start or prev_ch in not_end or inside_word or glued or ch.isspace():
                        allowed[pos] = False
                    if inside_word:
                        whole[pos] = False
                adv[pos] = width
                prev_ch, prev_class, prev_script, prev_run = ch, cls, script, r_index
                prev_tracking, prev_latin, prev_word, prev_alnum, prev_size = tracking, is_latin, word, alnum, size
                pos += 1
        if rules.compress_punctuation:  # clreq: two adjacent marks take 1.5 em (off: no renderer does it)
            for i in range(n - 1):
                if text[i] in _FULL_PUNCT and text[i + 1] in _FULL_PUNCT:
                    adv[i] -= 0.5 * sizes[i]
        for unit in rules.keep_together:
            start = text.find(unit)
            while start >= 0:
                for k in range(start + 1, start + len(unit)):
                    allowed[k] = whole[k] = False
                start = text.find(unit, start + 1)
        if protect_brackets:
            depth_start = -1
            for i, ch in enumerate(text):
                if ch == "《":
                    depth_start = i
                elif ch == "》" and depth_start >= 0:
                    for k in range(depth_start + 1, i + 1):
                        allowed[k] = False
                    depth_start = -1
        self.adv = adv
        self.whole = whole
        self.glyph = glyph
        self.gap_before = gap_before
        self.allowed = allowed
        self.portion_start = portion_start
        self.latin = latin
        self.asian = asian
        self.em = sizes


def _break_segment(info: _Chars, start: int, stop: int, widths: tuple[float, float], rules: BreakingSpec,
                   hanging: bool = True) -> list[tuple[int, int, bool]]:
    """(start, end, hanging) of each line of text[start:stop]; widths = (first line, other lines)."""
    text, adv, gap, allowed = info.text, info.adv, info.gap_before, info.allowed
    hanging_set = rules.hanging if rules.hanging_punctuation and hanging else ""
    not_start = rules.not_line_start
    glyph = info.glyph
    lines: list[tuple[int, int, bool]] = []
    s = start
    limit = widths[0] + 0.005
    while s < stop:
        # A character fits when its glyph (not the letter spacing after it) ends inside the column.
        x = adv[s]
        i = s + 1
        while i < stop:
            if x + gap[i] + glyph[i] > limit:
                break
            x += gap[i] + adv[i]
            i += 1
        if i >= stop:
            lines.append((s, stop, False))
            break
        c = i  # the first character that does not fit
        if text[c].isspace():
            end, hang = c + 1, False
        elif text[c] in hanging_set and info.asian[c - 1] and (c + 1 >= stop or text[c + 1] not in not_start):
            end, hang = c + 1, True
        elif rules.push_in_first and text[c] in not_start and _squeezable(info, s, c) >= x + gap[c] + glyph[c] - limit:
            end, hang = c + 1, False  # 先挤进: trim the line's marks to take the mark in (see _positions)
        else:
            b = c
            while b > s and not allowed[b]:
                b -= 1
            if b == s:  # nothing allowed on this line: keep at least words and ——/…… whole, else cut
                b = c
                while b > s and not info.whole[b]:
                    b -= 1
            end, hang = (b if b > s else c), False
        lines.append((s, end, hang))
        s = end
        limit = widths[1] + 0.005
    return lines


def _squeezable(info: _Chars, start: int, stop: int) -> float:
    """How much trimming the blank halves of the full-width marks in text[start:stop + 1] could gain."""
    return sum(0.5 * info.em[k] for k in range(start, stop + 1) if info.text[k] in _FULL_PUNCT)


def _positions(info: _Chars, start: int, end: int, *, stretch_to: float | None, hanging: bool,
               column: float) -> tuple[tuple[float, ...], float, float]:
    """x of each character (from the line's own left edge), the right edge of the last glyph, and that edge
    before justification stretched the line."""
    adv, gap, latin, glyph = info.adv, info.gap_before, info.latin, info.glyph
    visible_end = end - 1 if hanging else end
    while visible_end > start and info.text[visible_end - 1].isspace():
        visible_end -= 1
    xs: list[float] = []
    x = 0.0
    for i in range(start, end):
        if i > start:
            x += gap[i]
        xs.append(x)
        x += adv[i]
    right = xs[visible_end - 1 - start] + glyph[visible_end - 1] if visible_end > start else 0.0
    if not hanging and right > column + 0.01:  # pushed in (push_in_first): trim the marks evenly
        marks = [i for i in range(start, visible_end - 1) if info.text[i] in _FULL_PUNCT]
        if marks:
            cut = (right - column) / len(marks)
            shift = 0.0
            mark_set = set(marks)
            for i in range(start, end):
                xs[i - start] -= shift
                if i in mark_set:
                    shift += cut
            right = column
    natural = right
    if stretch_to is not None and not hanging and visible_end - start > 1 and right < stretch_to:
        slots = [i for i in range(start + 1, visible_end) if not (latin[i - 1] and latin[i])]
        if slots:
            extra = (stretch_to - right) / len(slots)
            slot_set = set(slots)
            shift = 0.0
            for i in range(start + 1, end):
                if i in slot_set:
                    shift += extra
                xs[i - start] += shift
            right = stretch_to
    return tuple(xs), right, natural


def break_block(block: Block, width: float, metrics: FontMetrics, rules: BreakingSpec) -> list[BrokenLine]:
    """Lines of ``block`` in a column ``width`` pt wide (the 版心 less the block's left/right indents)."""
    text = block.text
    if not text:
        return []
    info = _Chars(block, metrics, rules, protect_brackets=block.balanced)
    first_w = width - block.first_line_indent
    other_w = width - block.hanging_indent
    if block.max_width:
        first_w = min(first_w, block.max_width)
        other_w = min(other_w, block.max_width)
    cuts = [0, *block.forced_breaks, len(text)]
    hangs = block.align in ("justify", "left")
    spans: list[tuple[int, int, bool, bool]] = []  # start, end, hanging, last line of its segment
    for k in range(len(cuts) - 1):
        seg_first = first_w if k == 0 else other_w
        # Centred and right-aligned lines (titles, the source) never hang: they would look off-centre, and
        # the DOCX writes their breaks explicitly.
        pieces = _break_segment(info, cuts[k], cuts[k + 1], (seg_first, other_w), rules, hangs)
        if block.balanced and len(pieces) > 1:
            pieces = _balance(info, cuts[k], cuts[k + 1], len(pieces), max(seg_first, other_w), rules)
        spans.extend((s, e, h, idx == len(pieces) - 1) for idx, (s, e, h) in enumerate(pieces))
    result: list[BrokenLine] = []
    for index, (s, e, hang, seg_last) in enumerate(spans):
        line_width = first_w if index == 0 else other_w
        stretch = line_width - rules.justify_slack_pt if block.align == "justify" and not seg_last else None
        xs, right, natural = _positions(info, s, e, stretch_to=stretch, hanging=hang, column=line_width)
        indent = block.first_line_indent if index == 0 else block.hanging_indent
        if block.align in ("center", "right"):
            column = width - (block.first_line_indent if index == 0 else block.hanging_indent)
            room = column - right
            indent += room / 2 if block.align == "center" else room
        result.append(BrokenLine(s, e, tuple(x + indent for x in xs), right + indent, hang, natural + indent))
    return result


def _balance(info: _Chars, start: int, stop: int, count: int, width: float, rules: BreakingSpec
             ) -> list[tuple[int, int, bool]]:
    """The narrowest column that still takes ``count`` lines: lines of similar length (titles)."""
    low, high = width / count, width
    best = _break_segment(info, start, stop, (width, width), rules, False)
    while high - low > 0.5:
        mid = (low + high) / 2
        trial = _break_segment(info, start, stop, (mid, mid), rules, False)
        if len(trial) <= count:
            best, high = trial, mid
        else:
            low = mid
    return best
