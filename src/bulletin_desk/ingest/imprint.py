"""The 版记: colophon (责编、核稿、签发、电话、传真、邮箱) and distribution (报：送：发：抄送：, 共印N份)."""

from __future__ import annotations

from bulletin_desk.ingest.patterns import COLOPHON_FIELDS, COLOPHON_LABEL, COPIES, DISTRIBUTION
from bulletin_desk.model import Colophon, Issue

_DISTRIBUTION_FIELDS = {"报": "report_to", "抄报": "report_to", "送": "send_to", "发": "issue_to",
                        "抄送": "cc", "分送": "send_to"}


def read_colophon(text: str, colophon: Colophon) -> None:
    """责编：梅雪峰 核稿：田文松 → editor, reviewer; several labels may share a line."""
    matches = list(COLOPHON_LABEL.finditer(text))
    for n, match in enumerate(matches):
        end = matches[n + 1].start() if n + 1 < len(matches) else len(text)
        value = text[match.end():end].strip(" ，,；;")
        name = COLOPHON_FIELDS[match.group(1).lower() if match.group(1).isascii() else match.group(1)]
        if value:
            setattr(colophon, name, value)


def read_copies(text: str) -> int | None:
    match = COPIES.search(text)
    return int(match.group(1)) if match else None


def read_distribution(text: str, issue: Issue) -> None:
    """报：…; a trailing （共印N份） on the same line is the print run, not part of the list."""
    copies = COPIES.search(text)
    if copies:
        issue.copies = int(copies.group(1))
        text = (text[:copies.start()] + text[copies.end():]).strip()
    match = DISTRIBUTION.match(text)
    if match is None:
        return
    value = match.group(2).strip()
    name = _DISTRIBUTION_FIELDS[match.group(1)]
    previous = getattr(issue.distribution, name)
    setattr(issue.distribution, name, value if not previous else previous + value)
