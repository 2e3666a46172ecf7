"""The cleanup pipeline: normalise characters, drop page debris, rejoin broken lines, fix punctuation.

Every change is recorded (rule, line, before, after, a stable id) so the import dialog can show it and
the editor can refuse it: ``skip`` holds the names of rules to leave out and the edit ids of refused
changes (changes.py), which are reported but not applied. The whole pipeline is idempotent: cleaning
clean text changes nothing (a hypothesis test holds it to that).
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, field

from bulletin_desk.ingest import chars
from bulletin_desk.ingest.changes import Change, Origin, apply_rules, line_id, origins_of
from bulletin_desk.ingest.lines import Gap, LineEvent, SourceLine, mark_gaps, rejoin
from bulletin_desk.ingest.page_debris import find_page_numbers, find_running_headers, glue_bare_numbers

Rule = Callable[[str], str]

# Rules that see one physical line (before rejoining), then rules that need the whole paragraph.
LINE_RULES: tuple[tuple[str, Rule], ...] = (
    ("invisible", chars.remove_invisible),
    ("nbsp", chars.drop_nbsp),
    ("spaces", chars.normalise_spaces),
    ("ideographs", chars.unify_ideographs),
    ("halfwidth", chars.halfwidth_alnum),
    ("punctuation", chars.fullwidth_punctuation),
)
PARAGRAPH_RULES: tuple[tuple[str, Rule], ...] = (
    ("quotes", chars.pair_quotes),
    ("ellipsis_dash", chars.ellipsis_and_dash),
    ("cjk_spaces", chars.remove_cjk_spaces),
)
LINE_LEVEL_RULES = ("page_number", "running_header", "rejoin")
ALL_RULES = tuple(name for name, _ in LINE_RULES + PARAGRAPH_RULES) + LINE_LEVEL_RULES
_MAX_PASSES = 4


@dataclass
class CleanText:
    paragraphs: list[SourceLine]
    changes: list[Change] = field(default_factory=list)


def clean_tracked(text: str, origins: list[Origin], skip: Collection[str],
                  changes: list[Change]) -> tuple[str, list[Origin]]:
    """All character rules, repeated until nothing changes, keeping each character's input origin."""
    text = text.replace("\r", " ").replace("\n", " ")
    for _ in range(_MAX_PASSES):
        cleaned, origins = apply_rules(text, origins, LINE_RULES + PARAGRAPH_RULES, skip, changes)
        if cleaned == text:
            break
        text = cleaned
    return text, origins


def clean_fragment(text: str, line: int, skip: Collection[str] = (), changes: list[Change] | None = None) -> str:
    """Clean one paragraph that needs no rejoining (an HTML block, a DOCX paragraph): all character rules."""
    return clean_tracked(text, origins_of(line, text), skip, changes if changes is not None else [])[0]


def split_lines(text: str) -> list[SourceLine]:
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n")
    return [SourceLine(raw, number, width=len(raw.rstrip()), indented=raw.startswith(("  ", "\u3000", "\t")),
                       origins=origins_of(number, raw))
            for number, raw in enumerate(text.split("\n"), start=1)]


def _drop_debris(lines: list[SourceLine], skip: Collection[str], changes: list[Change]) -> list[SourceLine]:
    """Page numbers and running headers become blank lines marked as debris (a page break)."""
    drop: set[int] = set()
    pages: set[int] = set()
    if "page_number" not in skip:
        pages = find_page_numbers(lines)
        drop |= _removals("page_number", lines, pages, skip, changes)
    if "running_header" not in skip:
        drop |= _removals("running_header", lines, find_running_headers(lines, pages), skip, changes)
    return [SourceLine("", line.line, debris=True) if i in drop else line for i, line in enumerate(lines)]


def _removals(rule: str, lines: list[SourceLine], found: set[int], skip: Collection[str],
              changes: list[Change]) -> set[int]:
    """Report each line ``rule`` found; those the editor refused stay."""
    removed: set[int] = set()
    for i in sorted(found):
        change_id = line_id(rule, lines[i].line)
        changes.append(Change(rule, lines[i].line, lines[i].text, "", change_id, change_id in skip))
        if change_id not in skip:
            removed.add(i)
    return removed


def _as_cleaned_text(paragraphs: list[SourceLine]) -> list[SourceLine]:
    """The lines a second cleaning pass would read from these paragraphs (clean_to_string's layout)."""
    lines: list[SourceLine] = []
    for paragraph in paragraphs:
        if lines and paragraph.gap_before in (Gap.BLANK, Gap.BREAK):
            lines.append(SourceLine("", paragraph.line))
        lines.append(SourceLine(paragraph.text, paragraph.line, paragraph.joined_lines,
                                origins=paragraph.char_origins()))
    return lines


def _rejoin_until_stable(paragraphs: list[SourceLine], skip: Collection[str],
                         changes: list[Change]) -> list[SourceLine]:
    """Rejoin the cleaned paragraphs again until nothing more joins.

    Hard-wrap detection counts line widths; joining one wrapped run can leave another run the majority,
    which a second cleaning pass would then rejoin. Doing it here makes one pass enough (idempotence).
    """
    for _ in range(_MAX_PASSES):
        again, events = rejoin(_as_cleaned_text(paragraphs), skip)
        changes.extend(_rejoin_change(e) for e in events if not _reported(e, changes))
        if all(event.refused for event in events):
            break
        for paragraph in again:
            _clean_paragraph(paragraph, skip, changes)
        paragraphs = [p for p in again if p.text]
    return paragraphs


def _reported(event: LineEvent, changes: list[Change]) -> bool:
    return event.refused and any(change.id == event.id for change in changes)


def _rejoin_change(event: LineEvent) -> Change:
    return Change(event.rule, event.line, event.text.replace("⏎", "\n"), event.text.replace("⏎", ""), event.id,
                  event.refused)


def _clean_paragraph(paragraph: SourceLine, skip: Collection[str], changes: list[Change]) -> None:
    paragraph.text, paragraph.origins = clean_tracked(paragraph.text, paragraph.char_origins(), skip, changes)


def clean_text(text: str, skip: Collection[str] = ()) -> CleanText:
    """Pasted or extracted text → clean paragraphs, each with its first input line number."""
    changes: list[Change] = []
    lines = split_lines(text)
    for line in lines:
        line.text, line.origins = apply_rules(line.text, line.origins, LINE_RULES, skip, changes)
    kept = _drop_debris(lines, skip, changes)
    if "rejoin" in skip:
        paragraphs = mark_gaps(kept)
    else:
        glued: list[LineEvent] = []
        if "page_number" not in skip:  # a bare number kept as no page number goes back into its sentence
            kept, glued = glue_bare_numbers(kept, skip)
        paragraphs, events = rejoin(kept, skip)
        changes.extend(_rejoin_change(e) for e in glued + events)
    for paragraph in paragraphs:
        _clean_paragraph(paragraph, skip, changes)
    paragraphs = [p for p in paragraphs if p.text]
    if "rejoin" not in skip:
        paragraphs = _rejoin_until_stable(paragraphs, skip, changes)
    return CleanText(paragraphs, changes)


def clean_to_string(text: str, skip: Collection[str] = ()) -> str:
    """Clean text as one string (what idempotence is checked on): paragraphs separated by a newline, or by
    a blank line where blank lines or a page break separated them in the input — a headline may be known
    only by standing apart, so cleaning clean text must see the same separations."""
    out: list[str] = []
    for paragraph in clean_text(text, skip).paragraphs:
        if out:
            out.append("\n\n" if paragraph.gap_before in (Gap.BLANK, Gap.BREAK) else "\n")
        out.append(paragraph.text)
    return "".join(out)
