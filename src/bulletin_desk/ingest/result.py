"""What an import found: the issue or article, every cleanup change, every decision with its reason."""

from __future__ import annotations

from dataclasses import dataclass, field

from bulletin_desk.catalogue import Lang, Message, msg
from bulletin_desk.ingest.cleanup import Change
from bulletin_desk.ingest.decisions import Decision
from bulletin_desk.model import Article, Issue


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

    def report_lines(self, lang: Lang = "zh") -> list[str]:
        """The report `--report` prints: notices, then cleanup changes, then decisions, one per line."""
        lines = [notice.render(lang) for notice in self.notices]
        lines.append(msg("ingest.report.summary", changes=len(self.changes),
                             decisions=len(self.decisions)).render(lang))
        for change in self.changes:
            rule = msg(f"ingest.rule.{change.rule}").render(lang)
            lines.append(msg("ingest.report.change", line=change.line, rule=rule,
                                 before=_visible(change.before), after=_visible(change.after)).render(lang))
        for decision in self.decisions:
            element = msg(f"ingest.element.{decision.element}").render(lang)
            reason = msg(f"ingest.reason.{decision.reason}").render(lang)
            lines.append(msg("ingest.report.decision", line=decision.line, element=element,
                                 reason=reason, excerpt=decision.excerpt).render(lang))
        return lines


def _visible(text: str) -> str:
    """Make invisible characters visible in the report (a removed NBSP must show as something)."""
    marks = {"\u00a0": "⍽", "\u200b": "␣", "\n": "⏎", "\t": "⇥", "\u3000": "□"}
    return "".join(marks.get(ch, f"U+{ord(ch):04X}" if _invisible(ch) else ch) for ch in text)


def _invisible(ch: str) -> bool:
    code = ord(ch)
    return (code < 32 or 0x7F <= code < 0xA0 or 0x200B <= code <= 0x200F or 0x2028 <= code <= 0x202E
            or 0x2060 <= code <= 0x2064 or code == 0xFEFF)
