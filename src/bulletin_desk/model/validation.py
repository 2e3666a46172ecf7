"""Validation of an issue: located problems, never an exception.

A draft is allowed to be incomplete while the editor works; validation says what is missing or
suspicious and where (a JSON-style path plus an optional character offset), and the caller decides
what blocks an action (export warns, 签发 blocks).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from enum import StrEnum

from bulletin_desk.catalogue import Message
from bulletin_desk.model.issue import Issue


class Severity(StrEnum):
    ERROR = "error"  # the output would be wrong or unreadable (control characters)
    WARNING = "warning"  # missing or suspicious, but printable


@dataclass(frozen=True)
class Problem:
    path: str  # e.g. sections[0].articles[1].paragraphs[2].text
    severity: Severity
    message: Message
    offset: int | None = None  # character offset inside the field, when it points at one character


@dataclass
class _Collector:
    problems: list[Problem] = field(default_factory=list)

    def add(self, path: str, severity: Severity, code: str, offset: int | None = None, **params: object) -> None:
        self.problems.append(Problem(path, severity, Message(code, {"path": path, **params}), offset))


def bad_character(text: str) -> tuple[int, str] | None:
    """First character XML and print cannot carry (controls, lone surrogates, noncharacters)."""
    for i, ch in enumerate(text):
        cp = ord(ch)
        if cp in (0x09,):  # a tab is tolerated (cleaned by ingest), but never \n inside a paragraph
            continue
        cat = unicodedata.category(ch)
        if cat == "Cc" or cat == "Cs" or (0xFDD0 <= cp <= 0xFDEF) or (cp & 0xFFFE) == 0xFFFE:
            return i, f"U+{cp:04X}"
    return None


def _check_text(c: _Collector, path: str, text: str | None, *, allow_newline: bool = False) -> None:
    if not text:
        return
    probe = text.replace("\n", "") if allow_newline else text
    found = bad_character(probe)
    if found:
        offset, codepoint = found
        c.add(path, Severity.ERROR, "model.check.bad_char", offset, codepoint=codepoint)


def validate(issue: Issue) -> list[Problem]:
    """Every problem in the issue, in print order."""
    c = _Collector()
    m = issue.masthead
    if not m.title.strip():
        c.add("masthead.title", Severity.WARNING, "model.check.missing", field="masthead.title")
    if not m.office.strip():
        c.add("masthead.office", Severity.WARNING, "model.check.missing", field="masthead.office")
    if m.date is None:
        c.add("masthead.date", Severity.WARNING, "model.check.missing", field="masthead.date")
    if m.number is None and not m.supplement:
        c.add("masthead.number", Severity.WARNING, "model.check.missing", field="masthead.number")
    for key in ("title", "office", "classification"):
        _check_text(c, f"masthead.{key}", getattr(m, key))
    if not issue.sections:
        c.add("sections", Severity.WARNING, "model.check.no_sections")
    for si, section in enumerate(issue.sections):
        spath = f"sections[{si}]"
        _check_text(c, f"{spath}.heading", section.heading)
        if section.heading.startswith("【") or section.heading.endswith("】"):
            c.add(f"{spath}.heading", Severity.WARNING, "model.check.layout_chars", chars="【】")
        if not section.articles:
            c.add(f"{spath}.articles", Severity.WARNING, "model.check.empty_section")
        for ai, article in enumerate(section.articles):
            apath = f"{spath}.articles[{ai}]"
            if not article.title.strip():
                c.add(f"{apath}.title", Severity.WARNING, "model.check.missing", field=f"{apath}.title")
            _check_text(c, f"{apath}.title", article.title, allow_newline=True)
            _check_text(c, f"{apath}.note", article.note)
            _check_text(c, f"{apath}.source", article.source)
            if not (article.source or "").strip():
                c.add(f"{apath}.source", Severity.WARNING, "model.check.no_source")
            elif article.source and article.source.strip()[:1] in "（(":
                c.add(f"{apath}.source", Severity.WARNING, "model.check.layout_chars", chars="（）")
            if not article.paragraphs:
                c.add(f"{apath}.paragraphs", Severity.WARNING, "model.check.no_paragraphs")
            for pi, para in enumerate(article.paragraphs):
                ppath = f"{apath}.paragraphs[{pi}]"
                _check_text(c, f"{ppath}.lead", para.lead)
                _check_text(c, f"{ppath}.text", para.text)
                if "\n" in (para.lead or "") + para.text:
                    c.add(f"{ppath}.text", Severity.ERROR, "model.check.newline_in_paragraph")
    for key in ("editor", "reviewer", "approver", "phone", "fax", "email"):
        _check_text(c, f"colophon.{key}", getattr(issue.colophon, key))
    for key in ("report_to", "send_to", "issue_to", "cc"):
        _check_text(c, f"distribution.{key}", getattr(issue.distribution, key))
    return c.problems
