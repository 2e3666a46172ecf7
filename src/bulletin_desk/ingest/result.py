"""What an import found: the issue or article, every cleanup change, every decision with its reason."""

from __future__ import annotations

from dataclasses import dataclass, field

from bulletin_desk.catalogue import Lang, Message, msg
from bulletin_desk.ingest.changes import Change
from bulletin_desk.ingest.decisions import Decision
from bulletin_desk.model import Article, Issue


@dataclass(frozen=True)
class ImportSource:
    """What an import read, kept so it can be run again with changes refused (ingest.reimport)."""

    kind: str  # text | html | docx
    data: str | bytes
    skip_rules: tuple[str, ...] = ()


@dataclass
class IngestResult:
    """The import, before anything in the open issue changes.

    Exactly one of ``issue`` and ``article`` is set. ``changes`` (cleanup) and ``decisions`` (structure)
    are data for the import dialog; ``notices`` are messages such as "edited in Word: these fields differ".
    """

    issue: Issue | None = None
    article: Article | None = None
    changes: list[Change] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    source_format: str = "text"  # text | html | docx | docx-own | bdjson
    encoding: str | None = None
    notices: list[Message] = field(default_factory=list)
    refused: frozenset[str] = frozenset()  # ids of the changes the editor refused (reported, not applied)
    source: ImportSource | None = field(default=None, repr=False, compare=False)

    def report_lines(self, lang: Lang = "zh") -> list[str]:
        """The report `--report` prints: notices, then cleanup changes, then decisions, one per line."""
        lines = [notice.render(lang) for notice in self.notices]
        applied = sum(1 for change in self.changes if not change.refused)
        lines.append(msg("ingest.report.summary", changes=applied, decisions=len(self.decisions)).render(lang))
        lines += [change_line(change, lang) for change in self.changes]
        lines += [decision_line(decision, lang) for decision in self.decisions]
        return lines


def change_line(change: Change, lang: Lang = "zh") -> str:
    """One cleanup change as the report shows it; a refused one says so."""
    rule = msg(f"ingest.rule.{change.rule}").render(lang)
    code = "ingest.report.change_refused" if change.refused else "ingest.report.change"
    return msg(code, line=change.line, rule=rule, before=_visible(change.before),
               after=_visible(change.after)).render(lang)


def decision_line(decision: Decision, lang: Lang = "zh") -> str:
    element = msg(f"ingest.element.{decision.element}").render(lang)
    reason = msg(f"ingest.reason.{decision.reason}").render(lang)
    return msg("ingest.report.decision", line=decision.line, element=element, reason=reason,
               excerpt=decision.excerpt).render(lang)


def _visible(text: str) -> str:
    """Make invisible characters visible in the report (a removed NBSP must show as something)."""
    marks = {"\u00a0": "⍽", "\u200b": "␣", "\n": "⏎", "\t": "⇥", "\u3000": "□"}
    return "".join(marks.get(ch, f"U+{ord(ch):04X}" if _invisible(ch) else ch) for ch in text)


def _invisible(ch: str) -> bool:
    code = ord(ch)
    return (code < 32 or 0x7F <= code < 0xA0 or 0x200B <= code <= 0x200F or 0x2028 <= code <= 0x202E
            or 0x2060 <= code <= 0x2064 or code == 0xFEFF)
