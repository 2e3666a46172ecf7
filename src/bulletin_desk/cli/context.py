"""What every command gets: the archive path, the language, and output that renders message codes."""

from __future__ import annotations

import argparse
import datetime as _dt
import sys
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from bulletin_desk import paths
from bulletin_desk.catalogue import Lang, Message

EXIT_OK = 0
EXIT_USER = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3


@dataclass
class CliContext:
    archive_path: Path
    archive_explicit: bool
    lang: Lang
    out: TextIO = field(default_factory=lambda: sys.stdout)
    err: TextIO = field(default_factory=lambda: sys.stderr)
    lang_explicit: bool = False  # --lang given: the desktop app lets it override the 设置 choice

    @classmethod
    def from_args(cls, args: argparse.Namespace, lang: Lang) -> CliContext:
        explicit = getattr(args, "archive", None)
        return cls(archive_path=paths.archive_path(explicit), archive_explicit=bool(explicit), lang=lang,
                   lang_explicit=bool(getattr(args, "lang", None)))

    def t(self, code: str, **params: object) -> str:
        """Render a message code in the chosen language."""
        return Message(code, params).render(self.lang)

    def echo(self, text: str = "") -> None:
        stream = self.out or sys.__stdout__
        if stream is not None:
            print(text, file=stream)

    def say(self, code: str, **params: object) -> None:
        self.echo(self.t(code, **params))

    def error(self, text: str) -> None:
        stream = self.err or sys.__stderr__
        if stream is not None:
            print(text, file=stream)

    def error_code(self, code: str, **params: object) -> None:
        self.error(self.t(code, **params))

    def log_exception(self) -> Path:
        """Append the current traceback to the crash log and return its path."""
        log = paths.log_dir() / "crash.log"
        try:
            log.parent.mkdir(parents=True, exist_ok=True)
            with log.open("a", encoding="utf-8") as handle:
                handle.write(f"--- {_dt.datetime.now().isoformat(timespec='seconds')}\n")
                handle.write(traceback.format_exc())
        except OSError:
            pass
        return log
