"""`bulletin-desk`: no command opens the app; every command runs the same core headless.

The parser is assembled from command modules (cli/<room>_cmds.py), each exposing
``register(subparsers) -> None`` and setting ``func(ctx, args) -> int`` on its sub-parsers, so each
room adds its commands without editing the others'. Exit codes (shared/docs/cli.md): 0 done; 1 the
user's input is wrong (one line, in the chosen language); 2 usage; 3 an internal error (the message
names the log file).
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from bulletin_desk.catalogue import BulletinDeskError, default_lang
from bulletin_desk.cli.context import EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, EXIT_USER, CliContext

# Command modules, in help order; a module that is not there yet is skipped.
COMMAND_MODULES = (
    "bulletin_desk.cli.archive_cmds",
    "bulletin_desk.cli.import_export_cmds",
    "bulletin_desk.cli.render_cmds",
    "bulletin_desk.cli.template_cmds",
    "bulletin_desk.cli.stats_cmds",
)


class _Parser(argparse.ArgumentParser):
    """argparse that exits with 2 on usage errors (its default) but never prints a traceback."""


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="bulletin-desk", description="简报编辑台 Bulletin Desk")
    parser.add_argument("--archive", metavar="PATH", help="archive file (default: the platformdirs data folder)")
    parser.add_argument("--lang", choices=("zh", "en"), help="language of messages (default: system locale)")
    parser.add_argument("--self-test", action="store_true", help="check this installation end to end, exit 0")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:
                continue
            raise
        module.register(sub)
    return parser


def _split_qt_args(argv: list[str]) -> tuple[list[str], list[str]]:
    """Qt's own arguments (``-platform offscreen``, ``-style x``) pass through to the app."""
    qt_with_value = {"-platform", "-style", "-stylesheet", "-qwindowgeometry", "-qwindowtitle",
                     "-qwindowicon", "-plugin", "-platformpluginpath", "-platformtheme", "-display"}
    qt_flags = {"-reverse", "-nograb", "-dograb", "-sync", "-widgetcount"}
    ours: list[str] = []
    qt: list[str] = []
    it = iter(argv)
    for arg in it:
        if arg in qt_with_value:
            qt.append(arg)
            value = next(it, None)
            if value is not None:
                qt.append(value)
        elif arg in qt_flags:
            qt.append(arg)
        else:
            ours.append(arg)
    return ours, qt


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # no real file descriptor (captured in tests): nothing to flush into
        pass


def main(argv: Sequence[str] | None = None) -> int:
    raw = list(sys.argv[1:] if argv is None else argv)
    ours, qt_args = _split_qt_args(raw)
    parser = build_parser()
    try:
        args = parser.parse_args(ours)
    except SystemExit as exc:  # argparse: --help (0) or a usage error (2)
        return int(exc.code or 0) if exc.code in (0, None) else EXIT_USAGE
    ctx = CliContext.from_args(args, lang=args.lang or default_lang())
    try:
        if args.self_test:
            from bulletin_desk.selftest import run_self_test

            return run_self_test(ctx, qt_args)
        if not args.command:
            from bulletin_desk.app import main as app_main

            return app_main(ctx, qt_args)
        return int(args.func(ctx, args))
    except BulletinDeskError as exc:
        ctx.error(exc.render(ctx.lang))
        return EXIT_USER
    except KeyboardInterrupt:
        return EXIT_USER
    except BrokenPipeError:
        # The reader went away (`bulletin-desk show #1 | head`): it has what it wanted. Point stdout at
        # devnull so the interpreter's final flush does not fail again, and end quietly.
        _silence_stdout()
        return EXIT_OK
    except Exception:
        log = ctx.log_exception()
        ctx.error_code("cli.internal_error", log=str(log))
        return EXIT_INTERNAL


__all__ = ["EXIT_INTERNAL", "EXIT_OK", "EXIT_USAGE", "EXIT_USER", "build_parser", "main"]
