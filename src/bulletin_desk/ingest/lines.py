"""Line-level cleanup: page-number debris, running headers, and rejoining lines broken by page breaks.

Text copied out of a PDF or an e-mail arrives with every printed line (or every page) broken; the
rules here decide, line by line, what is debris and which breaks are not paragraph ends. Each line
keeps its number in the original text so the report can say where a change happened.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from bulletin_desk.ingest.charclass import is_ascii_alnum
from bulletin_desk.ingest.patterns import END_ATTRIBUTION, LineShape, ends_sentence, is_title_like, shape_of

_MID_SENTENCE = ("，", "、", ",", "（", "(", "《")  # not “‘: straight quotes are paired only after rejoining
REJOIN_MIN_CHARS = 20  # a shorter line that stops without punctuation is a title or a label, not a break
HARD_WRAP_MIN_LINES = 3  # this many lines of one width (and 40 % of the text lines) = hard-wrapped text
_NEVER_JOINS = {LineShape.SECTION, LineShape.ATTRIBUTION, LineShape.ISSUE_NUMBER, LineShape.TOTAL_NUMBER,
                LineShape.SUPPLEMENT, LineShape.CLASSIFICATION, LineShape.DATE, LineShape.PAGE_NUMBER,
                LineShape.HEADING, LineShape.COLOPHON, LineShape.COPIES}


@dataclass
class SourceLine:
    """A line of text with its 1-based line number in the input (the first one, after a rejoin)."""

    text: str
    line: int
    joined_lines: tuple[int, ...] = ()
    width: int = -1  # characters on the physical line as received, indentation included (-1: len(text))
    indented: bool = False  # the received line starts with two spaces, an ideographic space or a tab

    @property
    def physical_width(self) -> int:
        return len(self.text) if self.width < 0 else self.width


def indentation_marks_paragraphs(lines: list[SourceLine]) -> bool:
    """Paragraph starts are indented (typed in Word, copied as text): at least two such lines."""
    return sum(1 for line in lines if line.indented and line.text) >= 2


@dataclass(frozen=True)
class LineEvent:
    """A line-level change for the report: rule name, line number, the text concerned."""

    rule: str
    line: int
    text: str
    other_line: int = 0


def find_page_numbers(lines: list[SourceLine]) -> set[int]:
    """Indexes of lines that are page-number debris (— 2 —, -3-, －2－, 第2页, 3/12, a bare 7)."""
    return {i for i, line in enumerate(lines) if line.text and shape_of(line.text) is LineShape.PAGE_NUMBER}


def find_running_headers(lines: list[SourceLine], page_numbers: set[int]) -> set[int]:
    """Indexes of repeated running headers (the bulletin name printed at the top of every page).

    A short line that repeats is a header when a repeat sits next to a page number or it repeats three
    times or more; its first occurrence stays when it opens the text (it is then the masthead).
    """
    counts = Counter(line.text for line in lines if line.text)
    nonblank = [i for i, line in enumerate(lines) if line.text]
    near_page_number: set[int] = set()
    for pos, i in enumerate(nonblank):
        neighbours = nonblank[max(0, pos - 1):pos] + nonblank[pos + 1:pos + 2]
        if any(n in page_numbers for n in neighbours):
            near_page_number.add(i)
    headers: set[int] = set()
    for text, count in counts.items():
        if count < 2 or len(text) > 30 or ends_sentence(text) or shape_of(text) is not None:
            continue
        where = [i for i in nonblank if lines[i].text == text]
        repeats_at_break = any(i in near_page_number for i in where[1:])
        if not (repeats_at_break or count >= 3):
            continue
        opening = where[0] in nonblank[:3]
        headers.update(where[1:] if opening else where)
    return headers


def hard_wrap_width(lines: list[SourceLine]) -> int | None:
    """The fixed width of visibly hard-wrapped text, or None when lines end where paragraphs end."""
    lengths = [line.physical_width for line in lines if len(line.text) >= 8 and shape_of(line.text) is None]
    if not lengths:
        return None
    width, count = Counter(lengths).most_common(1)[0]
    if count >= HARD_WRAP_MIN_LINES and count >= 0.4 * len(lengths):
        return width
    return None


def _opens_block(previous: SourceLine | None, blank_before: bool) -> bool:
    return previous is None or blank_before or ends_sentence(previous.text) or shape_of(previous.text) is not None


def should_join(current: str, last_piece: int, following: SourceLine, *, is_title: bool,
                wrap_width: int | None, indentation: bool) -> bool:
    """Whether the break after ``current`` (whose last physical line was ``last_piece`` wide) is no paragraph end.

    With indented paragraphs in hard-wrapped text, a line filled to the wrap width continues into an
    unindented next line even after a full stop: the sentence merely ended at the margin.
    """
    text = following.text
    if END_ATTRIBUTION.match(current) or shape_of(current) in _NEVER_JOINS or shape_of(text) is not None:
        return False
    at_wrap_width = wrap_width is not None and last_piece >= wrap_width - 1
    if current.endswith(_MID_SENTENCE):
        return True  # no paragraph or headline ends in ，、 or an opening bracket, however short the line
    if is_title:  # a headline continues only when hard wrapping cut it at the margin
        return at_wrap_width and is_title_like(text)
    if indentation and at_wrap_width and not following.indented:
        return True
    if ends_sentence(current) and not (at_wrap_width and current.endswith(("；", ";"))):
        return False  # filled to the margin, a ； is mid-paragraph: paragraphs end in 。！？ or ：
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


def rejoin(lines: list[SourceLine]) -> tuple[list[SourceLine], list[LineEvent]]:
    """Paragraphs from lines: join a line to the next non-blank one when the break is not a paragraph end."""
    wrap_width = hard_wrap_width(lines)
    indentation = wrap_width is not None and indentation_marks_paragraphs(lines)
    out: list[SourceLine] = []
    events: list[LineEvent] = []
    current: SourceLine | None = None
    last_piece = 0
    current_is_title = False
    blank_before = True
    previous_emitted: SourceLine | None = None
    for line in lines:
        if not line.text:
            blank_before = True
            continue
        if current is not None and should_join(current.text, last_piece, line, is_title=current_is_title,
                                               wrap_width=wrap_width, indentation=indentation):
            events.append(LineEvent("rejoin", current.line, current.text[-8:] + "⏎" + line.text[:8], line.line))
            current = SourceLine(join_text(current.text, line.text), current.line,
                                 (*current.joined_lines, line.line))
            current_is_title = current_is_title and is_title_like(current.text)
            last_piece = line.physical_width
            blank_before = False
            continue
        if current is not None:
            out.append(current)
            previous_emitted = current
        opens = _opens_block(previous_emitted, blank_before)
        current = SourceLine(line.text, line.line)
        current_is_title = opens and is_title_like(line.text)
        last_piece = line.physical_width
        blank_before = False
    if current is not None:
        out.append(current)
    return out, events
