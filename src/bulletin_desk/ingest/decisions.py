"""Structure decisions with their reasons, for `--report` and the import dialog."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Decision:
    """What a line became and why: ``element`` and ``reason`` are catalogue code suffixes.

    Rendered as ``ingest.element.<element>`` and ``ingest.reason.<reason>``; ``excerpt`` is the start of
    the line's text so the editor recognises it.
    """

    line: int
    element: str
    reason: str
    excerpt: str


def excerpt(text: str, limit: int = 24) -> str:
    return text if len(text) <= limit else text[:limit] + "…"
