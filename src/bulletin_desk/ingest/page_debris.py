"""Page debris in extracted text: page numbers and repeated running headers, and the bare numbers that are not.

A printed page leaves its number (— 2 —, -3-, －2－, 第2页, 3/12) and often the bulletin's name at every
break. A number alone on a line is the hard case: it is a page number at a page break, but just as often a
figure the line broke around (本期共有⏎200⏎人参加…). It is taken for debris only in a page-break context —
set apart by blank lines or the text's edge, next to a repeated header, or one of a run of consecutive page
numbers; otherwise it is glued back into its sentence.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection

from bulletin_desk.ingest.lines import LineEvent, SourceLine, break_event, join_lines
from bulletin_desk.ingest.patterns import BARE_NUMBER, LineShape, ends_sentence, shape_of

RUNNING_HEADER_MAX_CHARS = 30


def _header_candidates(lines: list[SourceLine]) -> Counter[str]:
    """Short lines that repeat and are no sentence or structural line: possible running headers."""
    counts = Counter(line.text for line in lines if line.text)
    return Counter({text: n for text, n in counts.items() if n >= 2 and len(text) <= RUNNING_HEADER_MAX_CHARS
                    and not ends_sentence(text) and shape_of(text) is None})


def _page_value(text: str) -> int | None:
    digits = "".join(ch if ch.isdigit() else " " for ch in text).split()
    return int(digits[0]) if digits else None


def _in_consecutive_run(numbered: list[tuple[int, int | None]], position: int) -> bool:
    """The page number at ``position`` is one of two consecutive page numbers (2 … 3) in reading order."""
    value = numbered[position][1]
    if value is None:
        return False
    before = numbered[position - 1][1] if position > 0 else None
    after = numbered[position + 1][1] if position + 1 < len(numbered) else None
    return before == value - 1 or after == value + 1


def _page_break_side(lines: list[SourceLine], index: int, headers: Counter[str], found: set[int], *,
                     before: bool) -> bool:
    """The neighbour on one side is a blank line, the text's edge, other page debris or a repeated running
    header; before the number, also a finished sentence (a figure does not open a paragraph on a line of
    its own). Debris counts as blank because a second cleaning pass sees a blank there."""
    neighbour = index - 1 if before else index + 1
    if neighbour < 0 or neighbour >= len(lines) or not lines[neighbour].text or neighbour in found:
        return True
    text = lines[neighbour].text
    return text in headers or (before and ends_sentence(text))


def find_page_numbers(lines: list[SourceLine]) -> set[int]:
    """Indexes of lines that are page-number debris (— 2 —, -3-, －2－, 第2页, 3/12, a bare 7 at a page break)."""
    numbered = [(i, _page_value(line.text)) for i, line in enumerate(lines)
                if line.text and shape_of(line.text) is LineShape.PAGE_NUMBER]
    headers = _header_candidates(lines)
    found = {i for i, _value in numbered if not BARE_NUMBER.match(lines[i].text)}
    for position, (i, _value) in enumerate(numbered):
        if i not in found and (_in_consecutive_run(numbered, position) or (
                _page_break_side(lines, i, headers, found, before=True)
                and _page_break_side(lines, i, headers, found, before=False))):
            found.add(i)
    return found


def find_running_headers(lines: list[SourceLine], page_numbers: set[int]) -> set[int]:
    """Indexes of repeated running headers (the bulletin name printed at the top of every page).

    A short line that repeats is a header when a repeat sits next to a page number or it repeats three
    times or more; its first occurrence stays when it opens the text (it is then the masthead).
    """
    nonblank = [i for i, line in enumerate(lines) if line.text]
    near_page_number: set[int] = set()
    for pos, i in enumerate(nonblank):
        neighbours = nonblank[max(0, pos - 1):pos] + nonblank[pos + 1:pos + 2]
        if any(n in page_numbers for n in neighbours):
            near_page_number.add(i)
    headers: set[int] = set()
    for text, count in _header_candidates(lines).items():
        where = [i for i in nonblank if lines[i].text == text]
        repeats_at_break = any(i in near_page_number for i in where[1:])
        if not (repeats_at_break or count >= 3):
            continue
        opening = where[0] in nonblank[:3] and not any(p < where[0] for p in page_numbers)  # the masthead
        headers.update(where[1:] if opening else where)
    return headers


def glue_bare_numbers(lines: list[SourceLine], refused: Collection[str] = ()) -> tuple[list[SourceLine],
                                                                                        list[LineEvent]]:
    """A bare number left after page debris was removed goes back into its sentence: onto the line before
    it (and the line after it with it) when that line runs on, else onto the line after it. Glued lines
    leave the list, so no blank line appears where none was. Repeated until nothing glues (7⏎7⏎正文: the
    first 7 has a line to join only once the second has joined its own), as a second pass would. A join
    whose id is in ``refused`` is reported but not made."""
    events: list[LineEvent] = []
    while True:
        lines, more = _glue_once(lines, refused)
        events += [event for event in more if event not in events]
        if all(event.refused for event in more):
            return lines, events


def _glue_once(lines: list[SourceLine], refused: Collection[str]) -> tuple[list[SourceLine], list[LineEvent]]:
    out: list[SourceLine] = []
    events: list[LineEvent] = []
    skip_next = False
    for i, line in enumerate(lines):
        if skip_next:
            skip_next = False
            continue
        if not BARE_NUMBER.match(line.text):
            out.append(line)
            continue
        previous = out[-1] if out and out[-1].text else None
        following = lines[i + 1] if i + 1 < len(lines) and lines[i + 1].text else None
        if previous is not None and (ends_sentence(previous.text) or shape_of(previous.text) is not None):
            previous = None
        if following is not None and shape_of(following.text) is not None:
            following = None
        glued = line
        if previous is not None:
            events.append(event := break_event(previous, line, refused))
            if not event.refused:
                glued = join_lines(out.pop(), line)
        if following is not None:
            events.append(event := break_event(glued, following, refused))
            if not event.refused:
                glued = join_lines(glued, following)
                skip_next = True
        out.append(glued)
    return out, events
