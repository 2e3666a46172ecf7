"""Commands over the archive: list, show, new, trash, restore, revisions, archive info|check|backup|restore|upgrade.

Each command opens the archive through `open_for` (warnings such as a network drive go to stderr, so
stdout stays the answer) and closes it when done. The archive package (SQLAlchemy) is imported inside
the commands: `bulletin-desk --help` and the other rooms' commands never pay for it.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import functools
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bulletin_desk.cli.context import EXIT_OK, EXIT_USER, CliContext
from bulletin_desk.cli.selectors import Selected, SelectionError, select_issue
from bulletin_desk.model import Issue, issue_label

if TYPE_CHECKING:
    from bulletin_desk.archive import Archive, IssueSummary

Command = Callable[[CliContext, argparse.Namespace], int]


# ---------------------------------------------------------------------- shared helpers
def open_for(ctx: CliContext, *, create: bool = True) -> Archive:
    """Open the context's archive, telling the user (on stderr) about a first run, an upgrade or a warning."""
    from bulletin_desk.archive import open_archive

    archive = open_archive(ctx.archive_path, create=create)
    if archive.created:
        ctx.error_code("archive.cli.created", path=str(archive.path))
    if archive.upgraded_from:
        from bulletin_desk.archive.schema import HEAD_REVISION

        ctx.error_code("archive.cli.upgraded", old=archive.upgraded_from, new=HEAD_REVISION,
                       backup=str(archive.upgrade_backup))
    for warning in archive.warnings:
        ctx.error(warning.render(ctx.lang))
    return archive


def summary_line(ctx: CliContext, s: IssueSummary) -> str:
    marks = ""
    if s.is_sample:
        marks += " " + ctx.t("archive.cli.sample_mark")
    if s.trashed:
        marks += " " + ctx.t("archive.cli.trashed_mark")
    if s.state == "review":  # 待核 / 已签发 are worth seeing in a listing; a draft is the ordinary case
        marks += " " + ctx.t("archive.cli.review_mark")
    elif s.state == "signed":
        marks += " " + ctx.t("archive.cli.signed_mark")
    title = s.first_title if len(s.first_title) <= 30 else s.first_title[:29] + "…"
    return f"#{s.id:<5} {s.label:<22} {s.issue_date or '':<10}  {s.series}  {title}{marks}"


def with_selection_errors(func: Command) -> Command:
    """Report no/several matches with the candidates, exit 1."""

    @functools.wraps(func)
    def wrapper(ctx: CliContext, args: argparse.Namespace) -> int:
        try:
            return func(ctx, args)
        except SelectionError as exc:
            ctx.error(exc.render(ctx.lang))
            if exc.candidates and exc.message.code == "archive.select.no_match":
                ctx.error(ctx.t("archive.select.candidates"))
            for candidate in exc.candidates:
                ctx.error("  " + summary_line(ctx, candidate))
            return EXIT_USER

    return wrapper


def select_in_archive(ctx: CliContext, archive: Archive, args: argparse.Namespace, *,
                      trashed: bool | None = False) -> Selected:
    selected = select_issue(archive, args.issue, series=args.series, trashed=trashed)
    if selected.stored is None:
        raise SelectionError("archive.select.not_in_archive", selector=args.issue)
    return selected


def _add_issue_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("issue", metavar="ISSUE", help="#ID, YYYY-N, YYYY-增N, total:M or a .bdjson file")
    parser.add_argument("--series", metavar="NAME", help="the bulletin, where several share the archive")


# ---------------------------------------------------------------------- list / show
def cmd_list(ctx: CliContext, args: argparse.Namespace) -> int:
    from bulletin_desk.archive.listing import quick_list

    # An intact, current, local archive is listed with sqlite3 alone (no SQLAlchemy import: cold start
    # well under 1 s); anything else — first run, upgrade due, network drive, damage — opens it properly.
    rows = quick_list(ctx.archive_path, series=args.series, year=args.year, trashed_only=args.trash)
    if rows is None:
        with open_for(ctx) as archive:
            rows = archive.issues.list(series=args.series, year=args.year, trashed_only=args.trash)
    if not rows:
        ctx.say("archive.cli.list_empty")
    else:
        ctx.echo("\n".join(summary_line(ctx, s) for s in rows))
    return EXIT_OK


def issue_text(issue: Issue) -> list[str]:
    """The issue as plain text, in print order, with the labels the layout would print."""
    m = issue.masthead
    lines = [m.title, issue_label(m), f"{m.office}    {m.date.isoformat() if m.date else ''}".rstrip()]
    if m.classification:
        lines.insert(0, m.classification)
    for section in issue.sections:
        lines += ["", f"【{section.heading}】" if section.heading else ""]
        for article in section.articles:
            lines += ["", "  " + article.title.replace("\n", " ")]
            if article.note:
                lines.append("  " + article.note)
            for p in article.paragraphs:
                lines.append("    " + (p.lead or "") + p.text)
            if article.source:
                lines.append(f"  （{article.source}）")
    c, d = issue.colophon, issue.distribution
    credits = [f"{label}：{value}" for label, value in (("责编", c.editor), ("核稿", c.reviewer), ("签发", c.approver),
                                                     ("电话", c.phone), ("传真", c.fax), ("邮箱", c.email)) if value]
    lines += ["", "  ".join(credits)] if credits else []
    for label, value in (("报", d.report_to), ("送", d.send_to), ("发", d.issue_to), ("抄送", d.cc)):
        if value:
            lines.append(f"{label}：{value}")
    if issue.copies is not None:
        lines.append(f"（共印{issue.copies}份）")
    return lines


@with_selection_errors
def cmd_show(ctx: CliContext, args: argparse.Namespace) -> int:
    from bulletin_desk.cli.selectors import looks_like_file

    if looks_like_file(args.issue):
        selected = select_issue(None, args.issue)
    else:
        with open_for(ctx) as archive:
            selected = select_issue(archive, args.issue, series=args.series, trashed=None)
    if selected.stored is not None:
        s = selected.stored
        meta = ctx.t("archive.cli.show_meta", id=s.id, version=s.version, updated_at=s.updated_at)
        meta += " · " + ctx.t(f"archive.state.{s.state}")
        if s.is_sample:
            meta += " " + ctx.t("archive.cli.sample_mark")
        if s.trashed:
            meta += " " + ctx.t("archive.cli.trashed_mark")
        ctx.echo(meta)
    for line in issue_text(selected.issue):
        ctx.echo(line)
    return EXIT_OK


# ---------------------------------------------------------------------- new
def prefilled_issue(template: Issue | None, *, when: _dt.date, supplement: bool) -> Issue:
    """A new issue taking the series, office, colophon, distribution and copies of ``template``; no sections."""
    from copy import deepcopy

    from bulletin_desk.model import Masthead

    issue = Issue()
    if template is not None:
        t = template.masthead
        issue.masthead = Masthead(title=t.title, office=t.office, classification=t.classification)
        issue.colophon = deepcopy(template.colophon)
        issue.distribution = deepcopy(template.distribution)
        issue.copies = template.copies
    issue.masthead.date = when
    issue.masthead.supplement = supplement
    return issue


@with_selection_errors
def cmd_new(ctx: CliContext, args: argparse.Namespace) -> int:
    when = _dt.date.fromisoformat(args.date) if args.date else _dt.date.today()
    with open_for(ctx) as archive:
        template_id: int | None = None
        template: Issue | None = None
        if args.from_issue:
            selected = select_issue(archive, args.from_issue, series=args.series, trashed=None)
            template, template_id = selected.issue, selected.issue_id
        else:
            latest = next((s for s in archive.issues.list(series=args.series) if not s.is_sample), None)
            if latest is not None:
                template, template_id = archive.issues.load(latest.id).issue, latest.id
        issue = prefilled_issue(template, when=when, supplement=args.supplement)
        if args.series and not args.from_issue:
            issue.masthead.title = args.series  # a bulletin's first issue: the series is named, not copied
        proposal = archive.issues.propose_numbers(issue.masthead.title, when.year, args.supplement)
        issue.masthead.number = proposal.number
        issue.masthead.total_number = proposal.total_number
        stored = archive.issues.save(issue)
    if template is None:
        ctx.error_code("archive.cli.new_blank")
    elif template_id is not None:
        ctx.error_code("archive.cli.new_from", id=template_id)
    ctx.say("archive.cli.new_done", id=stored.id, series=issue.masthead.title, label=issue_label(issue.masthead))
    return EXIT_OK


# ---------------------------------------------------------------------- trash / restore / revisions
@with_selection_errors
def cmd_trash(ctx: CliContext, args: argparse.Namespace) -> int:
    with open_for(ctx) as archive:
        selected = select_in_archive(ctx, archive, args)
        assert selected.stored is not None
        label = issue_label(selected.issue.masthead)
        if selected.stored.is_sample:
            archive.issues.delete_sample()
            ctx.say("archive.cli.sample_deleted", id=selected.stored.id)
            return EXIT_OK
        archive.issues.trash(selected.stored.id)
    ctx.say("archive.cli.trashed", id=selected.stored.id, label=label)
    return EXIT_OK


@with_selection_errors
def cmd_restore(ctx: CliContext, args: argparse.Namespace) -> int:
    with open_for(ctx) as archive:
        selected = select_in_archive(ctx, archive, args, trashed=True if not args.issue.startswith("#") else None)
        assert selected.stored is not None
        if not selected.stored.trashed:
            ctx.error_code("archive.cli.not_trashed", id=selected.stored.id)
            return EXIT_USER
        archive.issues.restore(selected.stored.id)
    ctx.say("archive.cli.restored", id=selected.stored.id, label=issue_label(selected.issue.masthead))
    return EXIT_OK


@with_selection_errors
def cmd_revisions(ctx: CliContext, args: argparse.Namespace) -> int:
    with open_for(ctx) as archive:
        selected = select_in_archive(ctx, archive, args, trashed=None)
        assert selected.stored is not None
        issue_id = selected.stored.id
        if args.restore is not None:
            stored = archive.issues.restore_revision(issue_id, args.restore, expected_version=selected.stored.version)
            ctx.say("archive.cli.revision_restored", id=issue_id, n=args.restore, version=stored.version)
            return EXIT_OK
        revisions = archive.issues.revisions(issue_id)
    if not revisions:
        ctx.say("archive.cli.no_revisions", id=issue_id)
    for r in revisions:
        ctx.echo(f"{r.n:>4}  v{r.version:<4} {r.saved_at}  {r.label}  {r.char_count}字  {r.first_title}")
    return EXIT_OK


# ---------------------------------------------------------------------- archive …
def _size(n: int) -> str:
    return f"{n / 1048576:.1f} MB" if n >= 1048576 else f"{n / 1024:.0f} KB"


def cmd_archive_info(ctx: CliContext, args: argparse.Namespace) -> int:
    with open_for(ctx, create=False) as archive:
        info = archive.info()
    ctx.say("archive.cli.info", path=str(info.path), size=_size(info.size), revision=info.revision,
            mode=info.journal_mode, issues=info.issues, trashed=info.trashed, samples=info.samples,
            revisions=info.revisions, created=info.created_at)
    ctx.say("archive.cli.backups", count=len(info.backups), latest=str(info.backups[0]) if info.backups else "—")
    return EXIT_OK


def _what(ctx: CliContext, kind: str, year: int | None, numbers: tuple[int, ...] | int) -> str:
    nums = numbers if isinstance(numbers, tuple) else (numbers,)
    joined = "、".join(str(n) for n in nums) if ctx.lang == "zh" else ", ".join(str(n) for n in nums)
    if kind == "total":
        return f"总第{joined}期" if ctx.lang == "zh" else f"total no. {joined}"
    prefix = "增刊" if kind == "supplement" else ""
    return f"{year}年{prefix}第{joined}期" if ctx.lang == "zh" else (
        f"{year} {'supplement ' if prefix else ''}no. {joined}")


def cmd_archive_check(ctx: CliContext, args: argparse.Namespace) -> int:
    with open_for(ctx, create=False) as archive:
        result = archive.check(reindex=args.reindex)
    if args.reindex:
        ctx.say("archive.cli.reindexed")
        if result.search is not None:
            ctx.say("archive.cli.search_reindexed", path=str(archive.issues.search_index.path),
                    issues=getattr(result.search, "reindexed", 0), size=_size(archive.issues.search_index.size()))
    if result.integrity == ["ok"]:
        ctx.say("archive.cli.check_ok")
    else:
        ctx.error_code("archive.cli.check_failed", detail="; ".join(result.integrity[:5]))
    if result.foreign_keys:
        ctx.error_code("archive.cli.fk_failed", count=result.foreign_keys)
    for report in result.numbering:
        rep: Any = report
        for clash in rep.duplicates:
            ctx.say("archive.cli.duplicate", series=rep.series, what=_what(ctx, clash.kind, clash.year, clash.number),
                    ids=", #".join(str(i) for i in clash.issue_ids))
        for gap in rep.gaps:
            ctx.say("archive.cli.gap", series=rep.series, what=_what(ctx, gap.kind, gap.year, gap.missing))
        if rep.ok:
            ctx.say("archive.cli.numbering_ok", series=rep.series)
    return EXIT_OK if result.ok else EXIT_USER


def cmd_archive_backup(ctx: CliContext, args: argparse.Namespace) -> int:
    with open_for(ctx, create=False) as archive:
        out = archive.backup(Path(args.out) if args.out else None)
    ctx.say("archive.cli.backup_done", path=str(out))
    return EXIT_OK


def _pid_alive(pid: int) -> bool:
    if sys.platform == "win32":
        import ctypes

        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        ctypes.windll.kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        ctypes.windll.kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def app_holding(archive: Path) -> tuple[str, int] | None:
    """(host, pid) of a running app that has this archive open, read from the app's lock file beside it.

    The lock (``<archive>.lock``: host, pid, time) is written by the GUI (gui/archive_link.py). A lock
    from another computer cannot be checked and counts as held; a dead process's lock does not.
    """
    import json
    import socket

    try:
        data = json.loads(archive.with_name(archive.name + ".lock").read_text(encoding="utf-8"))
        host, pid = str(data["host"]), int(data["pid"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if host == socket.gethostname() and (pid == os.getpid() or not _pid_alive(pid)):
        return None
    return host, pid


def cmd_archive_restore(ctx: CliContext, args: argparse.Namespace) -> int:
    from bulletin_desk.archive import restore_backup

    holder = None if args.force else app_holding(ctx.archive_path)
    if holder is not None:  # replacing the file under a running app would break what it has open
        ctx.error_code("archive.cli.in_use", path=str(ctx.archive_path), host=holder[0], pid=holder[1])
        return EXIT_USER
    used, kept = restore_backup(ctx.archive_path, Path(args.backup) if args.backup else None)
    ctx.say("archive.cli.restore_done", path=str(ctx.archive_path), backup=str(used))
    if kept is not None:
        ctx.say("archive.cli.restore_kept", path=str(kept))
    return EXIT_OK


def cmd_archive_upgrade(ctx: CliContext, args: argparse.Namespace) -> int:
    from bulletin_desk.archive.schema import HEAD_REVISION

    archive = open_for(ctx, create=False)  # opening upgrades (after a backup) and says so on stderr
    try:
        if archive.upgraded_from:
            ctx.say("archive.cli.upgraded", old=archive.upgraded_from, new=HEAD_REVISION,
                    backup=str(archive.upgrade_backup))
        else:
            ctx.say("archive.cli.up_to_date", revision=HEAD_REVISION)
    finally:
        archive.close()
    return EXIT_OK


# ---------------------------------------------------------------------- registration
def register(sub: Any) -> None:
    p = sub.add_parser("list", help="issues in the archive")
    p.add_argument("--year", type=int)
    p.add_argument("--series", metavar="NAME")
    p.add_argument("--trash", action="store_true", help="list the trash instead")
    p.set_defaults(func=cmd_list)

    p = sub.add_parser("show", help="one issue, as text")
    _add_issue_arg(p)
    p.set_defaults(func=cmd_show)

    p = sub.add_parser("new", help="a new issue, numbers proposed, pre-filled from ISSUE or the last one")
    p.add_argument("--from", dest="from_issue", metavar="ISSUE")
    p.add_argument("--series", metavar="NAME")
    p.add_argument("--supplement", action="store_true", help="a 增刊 (numbered in its own sequence)")
    p.add_argument("--date", metavar="YYYY-MM-DD", help="the issue date (default: today)")
    p.set_defaults(func=cmd_new)

    for name, func, text in (("trash", cmd_trash, "move an issue to the trash (the sample is deleted)"),
                             ("restore", cmd_restore, "bring an issue back from the trash")):
        p = sub.add_parser(name, help=text)
        _add_issue_arg(p)
        p.set_defaults(func=func)

    p = sub.add_parser("revisions", help="earlier versions of an issue")
    _add_issue_arg(p)
    p.add_argument("--restore", type=int, metavar="N", help="make revision N the current version")
    p.set_defaults(func=cmd_revisions)

    p = sub.add_parser("archive", help="the archive file: info, check, backup, restore, upgrade")
    asub = p.add_subparsers(dest="archive_command", metavar="ACTION", required=True)
    asub.add_parser("info").set_defaults(func=cmd_archive_info)
    q = asub.add_parser("check")
    q.add_argument("--reindex", action="store_true", help="rebuild SQLite's indexes and the full-text search index")
    q.set_defaults(func=cmd_archive_check)
    q = asub.add_parser("backup")
    q.add_argument("out", nargs="?", metavar="OUT")
    q.set_defaults(func=cmd_archive_backup)
    q = asub.add_parser("restore")
    q.add_argument("backup", nargs="?", metavar="BACKUP", help="default: the newest backup")
    q.add_argument("--force", action="store_true", help="even if the app's lock file says it is open")
    q.set_defaults(func=cmd_archive_restore)
    asub.add_parser("upgrade").set_defaults(func=cmd_archive_upgrade)
    from bulletin_desk.cli.search_cmds import add_search_parser

    add_search_parser(asub)
