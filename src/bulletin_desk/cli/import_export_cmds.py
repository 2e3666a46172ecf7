"""``import FILE [--json OUT | --into-archive] [--report]`` and ``export ISSUE (--json | --docx | --pdf) OUT``.

bulletin-desk/1 files are read here with the strict codec (an unknown key exits 1 naming its JSON
path). Other formats (.txt, .html, .docx) go to ``bulletin_desk.ingest.import_path`` and DOCX/PDF
export to ``bulletin_desk.export.write_docx`` / ``bulletin_desk.render.pdf.write_pdf`` — imported
lazily, inside the command, and only if that room provides them; otherwise the command says the
feature is not in this version (exit 1). Every file written is written atomically.
"""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bulletin_desk.catalogue import BulletinDeskError
from bulletin_desk.cli.archive_cmds import open_for, with_selection_errors
from bulletin_desk.cli.context import EXIT_OK, EXIT_USER, CliContext
from bulletin_desk.cli.selectors import FILE_SUFFIXES, looks_like_file, read_issue_file, select_issue
from bulletin_desk.model import Issue, Section, issue_char_count, issue_label


def optional_function(dotted: str) -> Callable[..., Any] | None:
    """``module:function`` if that room ships it, else None (a later issue will)."""
    module_name, _, name = dotted.partition(":")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name and module_name.startswith(exc.name):
            return None
        raise
    func = getattr(module, name, None)
    return func if callable(func) else None


def _not_available(ctx: CliContext, zh: str, en: str) -> int:
    ctx.error_code("archive.cli.not_available", what=zh if ctx.lang == "zh" else en)
    return EXIT_USER


# ---------------------------------------------------------------------- import
def _ingest(ctx: CliContext, path: Path, report: bool) -> Issue | None:
    import_path = optional_function("bulletin_desk.ingest:import_path")
    if import_path is None:
        raise BulletinDeskError("archive.cli.unsupported_type", suffix=path.suffix or path.name)
    if not path.is_file():
        raise BulletinDeskError("archive.select.file_missing", path=str(path))
    result = import_path(path)
    if report:
        for line in result.report_lines(ctx.lang):
            ctx.echo(line)
    issue = getattr(result, "issue", None)
    if issue is None:
        article = getattr(result, "article", None)
        if article is None:
            ctx.error_code("archive.cli.nothing_found", path=str(path))
            return None
        ctx.error_code("archive.cli.article_only")
        issue = Issue(sections=[Section(heading="", articles=[article])])
    return issue


def _report_problems(ctx: CliContext, issue: Issue) -> None:
    from bulletin_desk.model import validate

    problems = validate(issue)
    if not problems:
        ctx.say("archive.cli.no_problems")
    for problem in problems:
        ctx.echo(f"{problem.severity.value}: {problem.message.render(ctx.lang)}")


def cmd_import(ctx: CliContext, args: argparse.Namespace) -> int:
    path = Path(args.file)
    if path.suffix.lower() in FILE_SUFFIXES:
        issue = read_issue_file(path)
        if args.report:
            _report_problems(ctx, issue)
    else:
        found = _ingest(ctx, path, args.report)
        if found is None:
            return EXIT_USER
        issue = found
    if args.json:
        from bulletin_desk.fileio import atomic_write_bytes
        from bulletin_desk.model import dump_bytes

        out = atomic_write_bytes(args.json, dump_bytes(issue))
        ctx.say("archive.cli.written", path=str(out))
    elif args.into_archive:
        with open_for(ctx) as archive:
            stored = archive.issues.save(issue)
        ctx.say("archive.cli.imported", id=stored.id, label=f"{issue.masthead.title} {issue_label(issue.masthead)}")
    else:
        ctx.say("archive.cli.summary", label=f"{issue.masthead.title} {issue_label(issue.masthead)}".strip(),
                sections=len(issue.sections), articles=len(issue.articles()), chars=issue_char_count(issue))
    return EXIT_OK


# ---------------------------------------------------------------------- export
@with_selection_errors
def cmd_export(ctx: CliContext, args: argparse.Namespace) -> int:
    if args.docx:
        writer = optional_function("bulletin_desk.export:write_docx")
        if writer is None:
            return _not_available(ctx, "导出 Word（DOCX）", "DOCX export")
    elif args.pdf:
        writer = optional_function("bulletin_desk.render.pdf:write_pdf")
        if writer is None:
            return _not_available(ctx, "导出 PDF", "PDF export")
    if looks_like_file(args.issue):
        selected = select_issue(None, args.issue)
    else:
        with open_for(ctx) as archive:
            selected = select_issue(archive, args.issue, series=args.series, trashed=None)
    if args.json:
        from bulletin_desk.fileio import atomic_write_bytes
        from bulletin_desk.model import dump_bytes

        out = atomic_write_bytes(args.json, dump_bytes(selected.issue))
    else:
        out = Path(args.docx or args.pdf)
        report = writer(selected.issue, out)
        for warning in getattr(report, "warnings", None) or []:  # written, but text was removed: say where
            ctx.error(warning.render(ctx.lang))
    ctx.say("archive.cli.written", path=str(out))
    return EXIT_OK


def register(sub: Any) -> None:
    p = sub.add_parser("import", help=".txt .html .docx .bdjson/.json → an issue (or one article)")
    p.add_argument("file", metavar="FILE")
    target = p.add_mutually_exclusive_group()
    target.add_argument("--json", metavar="OUT", help="write the issue as bulletin-desk/1")
    target.add_argument("--into-archive", action="store_true", help="save it as a new issue in the archive")
    p.add_argument("--report", action="store_true", help="print what was recognised and what looks wrong")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("export", help="an issue as .bdjson, .docx or .pdf")
    p.add_argument("issue", metavar="ISSUE", help="#ID, YYYY-N, YYYY-增N, total:M or a .bdjson file")
    p.add_argument("--series", metavar="NAME")
    fmt = p.add_mutually_exclusive_group(required=True)
    fmt.add_argument("--json", metavar="OUT")
    fmt.add_argument("--docx", metavar="OUT")
    fmt.add_argument("--pdf", metavar="OUT")
    p.set_defaults(func=cmd_export)
