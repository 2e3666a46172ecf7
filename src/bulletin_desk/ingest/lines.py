"""Line-level cleanup: rejoining lines broken by page breaks and hard wraps (page debris: page_debris.py).

Text copied out of a PDF or an e-mail arrives with every printed line (or every page) broken; the
rules here decide, line by line, which breaks are not paragraph ends. Each line keeps its number in the
original text so the report can say where a change happened, and each paragraph keeps what separated it
from its neighbours (nothing, blank lines, a page break): a headline is often known only by standing
apart, and a second cleaning pass must see the same separations to decide the same way (idempotence).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, field
from enum import StrEnum

from bulletin_desk.ingest.changes import Origin, break_id, join_origins, origins_of
from bulletin_desk.ingest.charclass import is_ascii_alnum
from bulletin_desk.ingest.patterns import (
    END_ATTRIBUTION,
    LineShape,
    ends_sentence,
    is_headline_like,
    is_title_like,
    shape_of,
)

_MID_SENTENCE = ("，", "、", ",", "（", "(", "《")  # not “‘: straight quotes are paired only after rejoining
REJOIN_MIN_CHARS = 20  # a shorter line that stops without punctuation is a title or a label, not a break
# Hard-wrapped text: this many lines of one width, at least half the text lines, most of them cut
# mid-sentence. Three equal lines are a list as often as a wrap (参会单位 over three lines); indented
# paragraph starts are evidence enough to need only three.
HARD_WRAP_MIN_LINES = 6
HARD_WRAP_MIN_LINES_INDENTED = 3
_NEVER_JOINS = {LineShape.SECTION, LineShape.ATTRIBUTION, LineShape.ISSUE_NUMBER, LineShape.TOTAL_NUMBER,
                LineShape.SUPPLEMENT, LineShape.CLASSIFICATION, LineShape.DATE, LineShape.PAGE_NUMBER,
                LineShape.HEADING, LineShape.COLOPHON, LineShape.COPIES, LineShape.PRINTED_BY}
# A headline follows these (a 栏目, the end of an article, the masthead's date line), so the line right
# after one may be a headline with ，、：— in it.
_HEADLINE_OPENERS = {LineShape.SECTION, LineShape.ATTRIBUTION, LineShape.DATE}


class Gap(StrEnum):
    """What separates a line from the one before (or after) it."""

    NONE = "none"  # nothing: the next line of the same run of text
    BLANK = "blank"  # blank lines
    BREAK = "break"  # a page break: page-number or running-header debris was removed here
    EDGE = "edge"  # the start or the end of the text


@dataclass
class SourceLine:
    """A line of text with its 1-based line number in the input (the first one, after a rejoin)."""

    text: str
    line: int
    joined_lines: tuple[int, ...] = ()
    width: int = -1  # characters on the physical line as received, indentation included (-1: len(text))
    indented: bool = False  # the received line starts with two spaces, an ideographic space or a tab
    debris: bool = False  # a blank left where page debris (a page number, a running header) was removed
    gap_before: Gap = Gap.NONE
    gap_after: Gap = Gap.NONE
    origins: list[Origin] = field(default_factory=list)  # per character: input line and column (changes.py)

    def char_origins(self) -> list[Origin]:
        return self.origins if len(self.origins) == len(self.text) else origins_of(self.line, self.text)

    @property
    def last_line(self) -> int:
        """The input line this (possibly joined) line ends on."""
        return self.joined_lines[-1] if self.joined_lines else self.line

    @property
    def physical_width(self) -> int:
        return len(self.text) if self.width < 0 else self.width

    @property
    def set_apart(self) -> bool:
        """Blank lines on both sides: how a headline stands in a plain-text bulletin. The text's edge does
        not count: the first line of a paste is as often the start of a paragraph broken at a page."""
        return self.gap_before is Gap.BLANK and self.gap_after is Gap.BLANK


def indentation_marks_paragraphs(lines: list[SourceLine]) -> bool:
    """Paragraph starts are indented (typed in Word, copied as text): at least two such lines."""
    return sum(1 for line in lines if line.indented and line.text) >= 2


@dataclass(frozen=True)
class LineEvent:
    """A line-level change for the report: rule name, line number, the text concerned (⏎ at the break),
    its id, and whether the editor refused it (then the break stays)."""

    rule: str
    line: int
    text: str
    other_line: int = 0
    id: str = ""
    refused: bool = False


def join_lines(upper: SourceLine, lower: SourceLine) -> SourceLine:
    """``upper`` continued by ``lower``: text, input lines, origins; the gaps outside the two."""
    text = join_text(upper.text, lower.text)
    origins = join_origins(upper.char_origins(), len(text) - len(upper.text) - len(lower.text), lower.char_origins())
    return SourceLine(text, upper.line, (*upper.joined_lines, lower.line, *lower.joined_lines),
                      width=lower.physical_width, indented=upper.indented, gap_before=upper.gap_before,
                      gap_after=lower.gap_after, origins=origins)


def break_event(upper: SourceLine, lower: SourceLine, refused: Collection[str]) -> LineEvent:
    """The rejoin of ``upper``'s last input line with ``lower``, refused when its id is in ``refused``."""
    change_id = break_id("rejoin", upper.last_line, lower.line)
    return LineEvent("rejoin", upper.last_line, upper.text[-8:] + "⏎" + lower.text[:8], lower.line, change_id,
                     change_id in refused)


def hard_wrap_width(lines: list[SourceLine]) -> int | None:
    """The fixed width of visibly hard-wrapped text, or None when lines end where paragraphs end."""
    candidates = [line for line in lines if len(line.text) >= 8 and shape_of(line.text) is None]
    if not candidates:
        return None
    width, count = Counter(line.physical_width for line in candidates).most_common(1)[0]
    cut = sum(1 for line in candidates if line.physical_width == width and not ends_sentence(line.text))
    needed = HARD_WRAP_MIN_LINES_INDENTED if indentation_marks_paragraphs(lines) else HARD_WRAP_MIN_LINES
    if count >= needed and 2 * count >= len(candidates) and 2 * cut >= count:
        return width
    return None


def mark_gaps(lines: list[SourceLine]) -> list[SourceLine]:
    """The non-blank lines, each told what separates it from its neighbours (blank lines, a page break)."""
    out: list[SourceLine] = []
    gap = Gap.EDGE
    for line in lines:
        if not line.text:
            if gap is not Gap.EDGE:
                gap = Gap.BREAK if line.debris or gap is Gap.BREAK else Gap.BLANK
            continue
        line.gap_before = gap
        if out:
            out[-1].gap_after = gap
        out.append(line)
        gap = Gap.NONE
    if out:
        out[-1].gap_after = Gap.EDGE
    return out


def _opens_block(previous: SourceLine | None, line: SourceLine) -> bool:
    return (previous is None or line.gap_before is not Gap.NONE or ends_sentence(previous.text)
            or shape_of(previous.text) is not None)


def after_headline_opener(previous: str) -> bool:
    """The line before is a 栏目, an attribution (also ending a paragraph) or the masthead's last line."""
    return shape_of(previous) in _HEADLINE_OPENERS or END_ATTRIBUTION.match(previous) is not None


def starts_headline(line: SourceLine, previous: SourceLine | None, wrap_width: int | None) -> bool:
    """Whether ``line``, which opens a block, is a headline, which never runs on into its first paragraph.

    Without punctuation it is one wherever a block opens (is_title_like); with ，、：— only when blank lines
    set it apart or it comes right after a 栏目, an attribution or the masthead's date — and never when it
    fills a hard-wrapped line to the margin.
    """
    if is_title_like(line.text):
        return True
    if not is_headline_like(line.text) or (wrap_width is not None and line.physical_width >= wrap_width - 1):
        return False
    return line.set_apart or (previous is not None and after_headline_opener(previous.text))


def should_join(current: str, last_piece: int, following: SourceLine, *, is_title: bool,
                wrap_width: int | None, indentation: bool) -> bool:
    """Whether the break after ``current`` (whose last physical line was ``last_piece`` wide) is no paragraph end.

    With indented paragraphs in hard-wrapped text, a line filled to the wrap width continues into an
    unindented next line even after a full stop: the sentence merely ended at the margin. Without that
    evidence, a line ending in 。！？：； never continues.
    """
    text = following.text
    if END_ATTRIBUTION.match(current) or shape_of(current) in _NEVER_JOINS or shape_of(text) is not None:
        return False
    at_wrap_width = wrap_width is not None and last_piece >= wrap_width - 1
    if current.endswith(_MID_SENTENCE):
        return True  # no paragraph or headline ends in ，、 or an opening bracket, however short the line
    if following.set_apart and not at_wrap_width and is_headline_like(text):
        return False  # across a blank line, a short line standing apart opens a block: a headline
    if is_title:  # a headline continues only when hard wrapping cut it at the margin, into its short rest
        return at_wrap_width and (is_title_like(text) or (
            is_headline_like(text) and following.physical_width < (wrap_width or 0) - 1))
    if indentation and at_wrap_width and not following.indented:
        return True
    if ends_sentence(current):
        return False
    if is_title_like(text) and len(text) < REJOIN_MIN_CHARS and not at_wrap_width:
        return False
    # Length of the paragraph so far, not of its last physical line: a second cleaning pass sees the
    # joined text as one line, and must decide the same way (idempotence).
    return len(current) >= REJOIN_MIN_CHARS or at_wrap_width


def join_text(left: str, right: str) -> str:
    """Concatenate a broken line: no space in Chinese, one space between two Latin words."""
    if is_ascii_alnum(left[-1:]) and right[:1].isascii() and right[:1].isalpha() and left[-1:].isalpha():
        return f"{left} {right}"
    return left + right


def rejoin(lines: list[SourceLine], refused: Collection[str] = ()) -> tuple[list[SourceLine], list[LineEvent]]:
    """Paragraphs from lines: join a line to the next non-blank one when the break is not a paragraph end
    and the editor did not refuse that join (its id in ``refused``).

    Each paragraph keeps the gap before its first line and after its last one.
    """
    wrap_width = hard_wrap_width(lines)
    indentation = wrap_width is not None and indentation_marks_paragraphs(lines)
    out: list[SourceLine] = []
    events: list[LineEvent] = []
    current: SourceLine | None = None
    last_piece = 0
    current_is_title = False
    previous_emitted: SourceLine | None = None
    for line in mark_gaps(lines):
        if current is not None and should_join(current.text, last_piece, line, is_title=current_is_title,
                                               wrap_width=wrap_width, indentation=indentation):
            event = break_event(current, line, refused)
            events.append(event)
            if not event.refused:
                current = join_lines(current, line)
                current_is_title = current_is_title and is_headline_like(current.text)
                last_piece = line.physical_width
                continue
        if current is not None:
            out.append(current)
            previous_emitted = current
        current_is_title = _opens_block(previous_emitted, line) and starts_headline(line, previous_emitted, wrap_width)
        current = SourceLine(line.text, line.line, line.joined_lines, gap_before=line.gap_before,
                             gap_after=line.gap_after, origins=line.char_origins())
        last_piece = line.physical_width
    if current is not None:
        out.append(current)
    return out, events
