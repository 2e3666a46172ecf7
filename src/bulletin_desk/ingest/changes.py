"""Cleanup changes, their stable ids, and applying a rule so that a change the editor refused stays undone.

The import dialog lets the editor refuse one change, then runs the import again without it. For that a
change needs an id that the second run gives the same change: not its position in the list, nor its
paragraph (a refused join makes different paragraphs), but where its first edited character stood in
the input — line and column — with what it replaced. Characters keep that origin through every rule
and every rejoin, so a comma refused on line 5 is recognised when the paragraph rules, running again
over the joined paragraph, propose it once more.

A Change shown to the editor may group several nearby edits; its id is the ids of its edits joined by
"+", and refusing it refuses each of them (the grouping may differ on the next run).
"""

from __future__ import annotations

import difflib
import hashlib
from collections.abc import Callable, Collection
from dataclasses import dataclass

Origin = tuple[int, int]  # (input line, column in that line as received)
Rule = Callable[[str], str]
PART_SEPARATOR = "+"
CONTEXT = 6  # characters of context either side in a report excerpt; edits closer than this are one change


@dataclass(frozen=True)
class Change:
    """One cleanup change: which rule, on which input line, the text around it before and after, its id,
    and whether the editor refused it (then it is reported but not applied)."""

    rule: str
    line: int
    before: str
    after: str
    id: str = ""
    refused: bool = False

    def __post_init__(self) -> None:
        if not self.id:
            object.__setattr__(self, "id", f"{self.rule}@{self.line}:{_digest(self.before, self.after)}")


def _digest(before: str, after: str) -> str:
    return hashlib.blake2s(f"{before}\x1f{after}".encode(), digest_size=3).hexdigest()


def edit_id(rule: str, origin: Origin, before: str, after: str) -> str:
    """A character edit: the rule, where its first character came from, what it replaced with what."""
    return f"{rule}@{origin[0]}:{origin[1]}:{_digest(before, after)}"


def line_id(rule: str, line: int) -> str:
    """A whole input line removed (a page number, a running header)."""
    return f"{rule}@{line}"


def break_id(rule: str, upper: int, lower: int) -> str:
    """The line break between input lines ``upper`` and ``lower``, removed by a rejoin."""
    return f"{rule}@{upper}>{lower}"


def refused_parts(refused: Collection[str]) -> frozenset[str]:
    """The edit ids inside a set of refused change ids."""
    return frozenset(part for change_id in refused for part in change_id.split(PART_SEPARATOR) if part)


def origins_of(line: int, text: str) -> list[Origin]:
    return [(line, column) for column in range(len(text))]


def join_origins(left: list[Origin], inserted: int, right: list[Origin]) -> list[Origin]:
    """Origins of left + ``inserted`` new characters (a space between Latin words) + right."""
    filler = [left[-1]] * inserted if left else [right[0]] * inserted if right else []
    return left + filler + right


def edit_spans(before: str, after: str) -> list[tuple[int, int, int, int]]:
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


def _groups(spans: list[tuple[int, int, int, int]]) -> list[list[tuple[int, int, int, int]]]:
    """Edits closer than the context are shown (and refused) as one change."""
    groups: list[list[tuple[int, int, int, int]]] = []
    for span in spans:
        if groups and span[0] - groups[-1][-1][1] <= CONTEXT:
            groups[-1].append(span)
        else:
            groups.append([span])
    return groups


def _origin_at(origins: list[Origin], i: int) -> Origin:
    if i < len(origins):
        return origins[i]
    line, column = origins[-1] if origins else (0, -1)
    return line, column + 1


def apply_rule(name: str, text: str, origins: list[Origin], result: str, skip: Collection[str],
               changes: list[Change]) -> tuple[str, list[Origin]]:
    """``text`` with the edits that turn it into ``result``, except those refused; a Change for each group.

    Returns the new text and the origin of each of its characters (an edit's new characters take the
    origin of the first character they replace).
    """
    if name == "spaces" and text.strip() == result:
        start = len(text) - len(text.lstrip())
        return result, origins[start:start + len(result)]  # indentation and trailing blanks: layout, not content
    out: list[str] = []
    out_origins: list[Origin] = []
    position = 0
    for group, parts, refused in _decided_groups(name, text, origins, result, skip):
        i1, j1 = group[0][0], group[0][2]
        i2, j2 = group[-1][1], group[-1][3]
        change = Change(name, _origin_at(origins, i1)[0], text[max(0, i1 - CONTEXT):i2 + CONTEXT],
                        result[max(0, j1 - CONTEXT):j2 + CONTEXT], PART_SEPARATOR.join(parts), refused)
        for a1, a2, b1, b2 in group:
            out.append(text[position:a1])
            out_origins += origins[position:a1]
            if refused:
                out.append(text[a1:a2])
                out_origins += origins[a1:a2]
            else:
                out.append(result[b1:b2])
                origin = _origin_at(origins, a1)
                out_origins += origins[a1:a1 + (b2 - b1)] if a2 - a1 == b2 - b1 else [origin] * (b2 - b1)
            position = a2
        if not (refused and any(c.id == change.id for c in changes)):  # proposed again by a later pass
            changes.append(change)
    out.append(text[position:])
    out_origins += origins[position:]
    return "".join(out), out_origins


def _decided_groups(name: str, text: str, origins: list[Origin], result: str, skip: Collection[str]
                    ) -> list[tuple[list[tuple[int, int, int, int]], list[str], bool]]:
    """The edits grouped for the report, each group all refused or all applied (a group may hold edits
    refused earlier beside a new one: they are reported apart)."""
    decided: list[tuple[list[tuple[int, int, int, int]], list[str], bool]] = []
    for group in _groups(edit_spans(text, result)):
        current: tuple[list[tuple[int, int, int, int]], list[str], bool] | None = None
        for span in group:
            part = edit_id(name, _origin_at(origins, span[0]), text[span[0]:span[1]], result[span[2]:span[3]])
            refused = part in skip
            if current is not None and current[2] == refused:
                current[0].append(span)
                current[1].append(part)
            else:
                current = ([span], [part], refused)
                decided.append(current)
    return decided


def apply_rules(text: str, origins: list[Origin], rules: tuple[tuple[str, Rule], ...], skip: Collection[str],
                changes: list[Change]) -> tuple[str, list[Origin]]:
    """Run ``rules`` over ``text`` in order (a rule named in ``skip`` not at all, an edit whose id is in
    ``skip`` not applied), appending a Change for every difference a rule proposes."""
    for name, rule in rules:
        if name in skip:
            continue
        result = rule(text)
        if result != text:
            text, origins = apply_rule(name, text, origins, result, skip, changes)
    return text, origins
