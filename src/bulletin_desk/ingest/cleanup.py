"""The cleanup pipeline: normalise characters, drop page debris, rejoin broken lines, fix punctuation.

Every change is recorded (rule, line, before, after) so the import dialog can show it and the editor
can refuse a rule (``skip`` names rules to leave out). The whole pipeline is idempotent: cleaning
clean text changes nothing (a hypothesis test holds it to that).
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Collection
from dataclasses import dataclass, field

from bulletin_desk.ingest import chars
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
_CONTEXT = 6
_MAX_PASSES = 4


@dataclass(frozen=True)
class Change:
    """One cleanup change: which rule, on which input line, and the text around it before and after."""

    rule: str
    line: int
    before: str
    after: str


@dataclass
class CleanText:
    paragraphs: list[SourceLine]
    changes: list[Change] = field(default_factory=list)


def _edit_spans(before: str, after: str) -> list[tuple[int, int, int, int]]:
    """(i1, i2, j1, j2) of each edit. Most rules replace characters one for one or only delete them,
    which a linear walk finds; anything else goes to difflib (quadratic, but rare and short)."""
    if len(before) == len(after):
        return [(i, i + 1, i, i + 1) for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b]
    if len(after) < len(before):
        spans: list[tuple[int, int, int, int]] = []
        j = 0
        for i, ch in enumerate(before):
            if j < len(after) and after[j] == ch:
                j += 1
            else:
                spans.append((i, i + 1, j, j))
        if j == len(after):
            return spans
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    return [(i1, i2, j1, j2) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"]


def _excerpts(rule: str, line: int, before: str, after: str) -> list[Change]:
    if rule == "spaces" and before.strip() == after:
        return []  # indentation and trailing blanks only: layout, not content
    merged: list[list[int]] = []  # edits closer than the context are shown as one
    for i1, i2, j1, j2 in _edit_spans(before, after):
        if merged and i1 - merged[-1][1] <= _CONTEXT:
            merged[-1][1], merged[-1][3] = i2, j2
        else:
            merged.append([i1, i2, j1, j2])
    return [Change(rule, line, before[max(0, i1 - _CONTEXT):i2 + _CONTEXT], after[max(0, j1 - _CONTEXT):j2 + _CONTEXT])
            for i1, i2, j1, j2 in merged]


def apply_rules(text: str, line: int, rules: tuple[tuple[str, Rule], ...], skip: Collection[str],
                changes: list[Change]) -> str:
    """Run ``rules`` over ``text`` in order, appending a Change for every difference a rule makes."""
    for name, rule in rules:
        if name in skip:
            continue
        result = rule(text)
        if result != text:
            changes.extend(_excerpts(name, line, text, result))
            text = result
    return text


def clean_fragment(text: str, line: int, skip: Collection[str] = (), changes: list[Change] | None = None) -> str:
    """Clean one paragraph that needs no rejoining (an HTML block, a DOCX paragraph): all character rules."""
    sink = changes if changes is not None else []
    text = text.replace("\r", " ").replace("\n", " ")
    for _ in range(_MAX_PASSES):
        cleaned = apply_rules(text, line, LINE_RULES + PARAGRAPH_RULES, skip, sink)
        if cleaned == text:
            break
        text = cleaned
    return text


def split_lines(text: str) -> list[SourceLine]:
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n")
    return [SourceLine(raw, number, width=len(raw.rstrip()), indented=raw.startswith(("  ", "\u3000", "\t")))
            for number, raw in enumerate(text.split("\n"), start=1)]


def _drop_debris(lines: list[SourceLine], skip: Collection[str], changes: list[Change]) -> list[SourceLine]:
    """Page numbers and running headers become blank lines marked as debris (a page break)."""
    drop: set[int] = set()
    pages: set[int] = set()
    if "page_number" not in skip:
        pages = find_page_numbers(lines)
        drop |= pages
        changes.extend(Change("page_number", lines[i].line, lines[i].text, "") for i in sorted(pages))
    if "running_header" not in skip:
        headers = find_running_headers(lines, pages)
        drop |= headers
        changes.extend(Change("running_header", lines[i].line, lines[i].text, "") for i in sorted(headers))
    return [SourceLine("", line.line, debris=True) if i in drop else line for i, line in enumerate(lines)]


def _as_cleaned_text(paragraphs: list[SourceLine]) -> list[SourceLine]:
    """The lines a second cleaning pass would read from these paragraphs (clean_to_string's layout)."""
    lines: list[SourceLine] = []
    for paragraph in paragraphs:
        if lines and paragraph.gap_before in (Gap.BLANK, Gap.BREAK):
            lines.append(SourceLine("", paragraph.line))
        lines.append(SourceLine(paragraph.text, paragraph.line, paragraph.joined_lines))
    return lines


def _rejoin_until_stable(paragraphs: list[SourceLine], skip: Collection[str],
                         changes: list[Change]) -> list[SourceLine]:
    """Rejoin the cleaned paragraphs again until nothing more joins.

    Hard-wrap detection counts line widths; joining one wrapped run can leave another run the majority,
    which a second cleaning pass would then rejoin. Doing it here makes one pass enough (idempotence).
    """
    for _ in range(_MAX_PASSES):
        again, events = rejoin(_as_cleaned_text(paragraphs))
        if not events:
            break
        changes.extend(_rejoin_change(e) for e in events)
        for paragraph in again:
            paragraph.text = clean_fragment(paragraph.text, paragraph.line, skip, changes)
        paragraphs = [p for p in again if p.text]
    return paragraphs


def _rejoin_change(event: LineEvent) -> Change:
    return Change(event.rule, event.line, event.text.replace("⏎", "\n"), event.text.replace("⏎", ""))


def clean_text(text: str, skip: Collection[str] = ()) -> CleanText:
    """Pasted or extracted text → clean paragraphs, each with its first input line number."""
    changes: list[Change] = []
    lines = split_lines(text)
    for line in lines:
        line.text = apply_rules(line.text, line.line, LINE_RULES, skip, changes)
    kept = _drop_debris(lines, skip, changes)
    if "rejoin" in skip:
        paragraphs = mark_gaps(kept)
    else:
        glued: list[LineEvent] = []
        if "page_number" not in skip:  # a bare number kept as no page number goes back into its sentence
            kept, glued = glue_bare_numbers(kept)
        paragraphs, events = rejoin(kept)
        changes.extend(_rejoin_change(e) for e in glued + events)
    for paragraph in paragraphs:
        paragraph.text = clean_fragment(paragraph.text, paragraph.line, skip, changes)
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
