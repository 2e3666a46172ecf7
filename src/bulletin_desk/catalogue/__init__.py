"""Message codes with parameters, rendered in Chinese or English without Qt.

The core never formats user-facing sentences itself: it raises or returns a `Message` (a code plus
parameters). The CLI renders it here; the GUI renders the same code through Qt's tr(). Each room keeps
its own table (catalogue/<room>.py, ``MESSAGES = {code: (zh, en)}``), so both languages of a message
are written side by side and can never drift apart; tests/test_catalogue.py checks every code used in
src/ is present and that zh and en take the same parameters.
"""

from __future__ import annotations

import importlib
import locale
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

Lang = Literal["zh", "en"]

# Rooms whose tables make up the catalogue; a room adds its module here.
_ROOMS = ("core", "model", "archive", "workspace", "layout", "render", "export", "ingest", "cli", "packaging",
          "review")


def _load() -> dict[str, tuple[str, str]]:
    table: dict[str, tuple[str, str]] = {}
    for room in _ROOMS:
        try:
            module = importlib.import_module(f"bulletin_desk.catalogue.{room}")
        except ModuleNotFoundError as exc:
            if exc.name == f"bulletin_desk.catalogue.{room}":
                continue
            raise
        for code, pair in module.MESSAGES.items():
            if code in table:
                raise RuntimeError(f"message code {code!r} defined twice")
            table[code] = pair
    return table


_TABLE: dict[str, tuple[str, str]] | None = None


def catalogue() -> dict[str, tuple[str, str]]:
    """Every known code → (zh, en) format strings."""
    global _TABLE
    if _TABLE is None:
        _TABLE = _load()
    return _TABLE


def default_lang() -> Lang:
    """The system's language: Chinese unless the locale clearly names another one.

    ``BULLETIN_DESK_LANG`` wins; a C/POSIX locale (CI, minimal containers) counts as no preference.
    """
    explicit = os.environ.get("BULLETIN_DESK_LANG", "")
    if explicit:
        return "en" if explicit.lower().startswith("en") else "zh"
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value and value not in ("C", "POSIX") and not value.startswith("C."):
            return "zh" if value.lower().startswith("zh") else "en"
    try:
        loc = (locale.getlocale()[0] or "").lower()
    except ValueError:
        loc = ""
    if not loc or loc in ("c", "posix") or loc.startswith(("zh", "chinese")):
        return "zh"
    return "en"


@dataclass(frozen=True)
class Message:
    """A user-facing message: a code from the catalogue plus its parameters."""

    code: str
    params: Mapping[str, object] = field(default_factory=dict)

    def render(self, lang: Lang = "zh") -> str:
        pair = catalogue().get(self.code)
        if pair is None:
            return f"{self.code} {dict(self.params)}"
        template = pair[0] if lang == "zh" else pair[1]
        # a parameter may itself be a message (a place in the issue, say): rendered in the same language
        params = {k: v.render(lang) if isinstance(v, Message) else v for k, v in self.params.items()}
        try:
            return template.format(**params)
        except (KeyError, IndexError, ValueError):
            return f"{template} {dict(self.params)}"

    def __str__(self) -> str:
        return self.render("zh")


class BulletinDeskError(Exception):
    """Base of every error the core raises for the user to act on; carries a `Message`."""

    def __init__(self, code: str, **params: object) -> None:
        self.message = Message(code, params)
        super().__init__(self.message.render("en"))

    def render(self, lang: Lang = "zh") -> str:
        return self.message.render(lang)


def msg(code: str, **params: object) -> Message:
    """Shorthand used by the core: ``msg("archive.conflict", issue=3)``."""
    return Message(code, params)


def place_in_issue(path: str) -> Message | str:
    """A JSON path of the issue (``sections[0].articles[1].paragraphs[2].text``) as an editor reads it.

    Warnings name where they found something; "第1栏第2篇第3段" is what an editor can go to, the
    path is kept only for places without a wording (it still locates the field exactly).
    """
    import re

    found = re.fullmatch(r"sections\[(\d+)\](?:\.heading|\.articles\[(\d+)\]\.(title|note|source|paragraphs"
                         r"\[(\d+)\]\.(?:text|lead)))", path)
    if found:
        section, article, field_name, paragraph = found.groups()
        numbers = {"section": int(section) + 1}
        if article is None:
            return Message("archive.cli.where.section_heading", numbers)
        numbers["article"] = int(article) + 1
        if paragraph is not None:
            return Message("archive.cli.where.paragraph", {**numbers, "paragraph": int(paragraph) + 1})
        return Message(f"archive.cli.where.article_{field_name}", numbers)
    if path in ("masthead.title", "masthead.office", "masthead.classification"):
        return Message("archive.cli.where." + path.replace(".", "_"))
    return path
