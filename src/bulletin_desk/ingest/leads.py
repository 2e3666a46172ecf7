"""Lead sentences: the bold opening sentence of a body paragraph (强化宣传引导，营造浓厚氛围。…).

Plain text carries no bold, so the rule is explicit: the first sentence ending in 。！？ (outside
quotes and brackets), at most LEAD_MAX_CHARS characters, not opening with a number (that is a news
sentence such as 3月2日，…), in a paragraph that has more after it. An article gets leads only when at
least two of its paragraphs qualify and they are at least half of its multi-sentence paragraphs —
bulletins set leads on every paragraph of an article or on none.
"""

from __future__ import annotations

from bulletin_desk.ingest.decisions import Decision, excerpt
from bulletin_desk.model import Article, ParagraphKind

LEAD_MAX_CHARS = 40
_OPENERS = "“‘《（〈「『【"
_CLOSERS = "”’》）〉」』】"


def split_first_sentence(text: str) -> tuple[str, str] | None:
    """(first sentence, rest) when a sentence ends before the paragraph does; None otherwise."""
    depth = 0
    for i, ch in enumerate(text):
        if ch in _OPENERS:
            depth += 1
        elif ch in _CLOSERS:
            depth = max(0, depth - 1)
        elif ch in "。！？" and depth == 0:
            rest = text[i + 1:]
            return (text[:i + 1], rest) if rest.strip() else None
    return None


def _qualifies(split: tuple[str, str] | None) -> bool:
    return split is not None and len(split[0]) <= LEAD_MAX_CHARS and not split[0][0].isdigit()


def assign_leads(article: Article, lines: dict[int, int], decisions: list[Decision]) -> None:
    """Set ``lead`` on the article's body paragraphs when the article follows the lead convention.

    ``lines`` maps ``id(paragraph)`` to its input line, for the decisions.
    """
    body = [p for p in article.paragraphs if p.kind is ParagraphKind.BODY and p.lead is None]
    splits = {id(p): split_first_sentence(p.text) for p in body}
    multi = [p for p in body if splits[id(p)] is not None]
    qualifying = [p for p in body if _qualifies(splits[id(p)])]
    if len(qualifying) < 2 or 2 * len(qualifying) < len(multi):
        return
    for paragraph in qualifying:
        lead, rest = splits[id(paragraph)]  # type: ignore[misc]
        paragraph.lead, paragraph.text = lead, rest.lstrip()
        decisions.append(Decision(lines.get(id(paragraph), 0), "lead", "lead_rule", excerpt(lead)))
