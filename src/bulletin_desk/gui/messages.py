"""Core messages (a code plus parameters) shown in the GUI.

The catalogue already holds every core message in both languages side by side, so the GUI renders
it from there in the window's language rather than duplicating it into the .ts file; GUI-own strings
go through tr(). The window's language is set once at start-up by app.py.
"""

from __future__ import annotations

from bulletin_desk.catalogue import BulletinDeskError, Lang, Message

_lang: Lang = "zh"


def set_language(lang: Lang) -> None:
    global _lang
    _lang = lang


def language() -> Lang:
    return _lang


def render(message: Message | BulletinDeskError) -> str:
    if isinstance(message, BulletinDeskError):
        return message.render(_lang)
    return message.render(_lang)
