"""`bulletin-desk archive search QUERY [--year Y] [--source UNIT] [--series NAME] [--json]`.

Registered under the ``archive`` command by archive_cmds.register (it is one of the archive file's
actions in shared/docs/cli.md). One line per hit — archive id, issue label, where in the issue, and a
snippet with each occurrence in [brackets] — or, with ``--json``, every field of `SearchHit` (spans in
code points and in UTF-16) for scripts. The first search of an archive builds the index; that is said
on stderr so stdout stays the answer.
"""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, Any

from bulletin_desk.cli.context import EXIT_OK, CliContext

if TYPE_CHECKING:
    from bulletin_desk.archive.search import SearchHit


def where(ctx: CliContext, hit: SearchHit) -> str:
    """The hit's place in its issue, in the user's language (indexes shown from 1)."""
    params = {"section": (hit.section or 0) + 1, "article": (hit.article or 0) + 1,
              "paragraph": (hit.paragraph or 0) + 1}
    return ctx.t("archive.cli.where." + hit.field.replace(".", "_"), **params)


def hit_json(hit: SearchHit) -> dict[str, Any]:
    return {"issue_id": hit.issue_id, "series": hit.series, "label": hit.label, "year": hit.year,
            "number": hit.number, "total_number": hit.total_number, "supplement": hit.supplement,
            "issue_date": hit.issue_date, "trashed": hit.trashed, "sample": hit.is_sample, "field": hit.field,
            "path": hit.path, "section": hit.section, "article": hit.article, "paragraph": hit.paragraph,
            "text": hit.text, "lead_length": hit.lead_length, "spans": [list(s) for s in hit.spans],
            "spans_utf16": [list(s) for s in hit.spans_utf16()], "snippet": hit.snippet,
            "snippet_start": hit.snippet_start, "snippet_spans": [list(s) for s in hit.snippet_spans]}


def cmd_archive_search(ctx: CliContext, args: argparse.Namespace) -> int:
    from bulletin_desk.cli.archive_cmds import open_for

    with open_for(ctx, create=False) as archive:
        if not archive.issues.search_index.path.exists():
            ctx.error_code("archive.cli.search_building")
        hits = archive.issues.search(args.query, year=args.year, source=args.source, series=args.series,
                                     limit=args.limit, include_trashed=args.trash)
    if args.json:
        ctx.echo(json.dumps([hit_json(h) for h in hits], ensure_ascii=False, indent=1))
        return EXIT_OK
    if not hits:
        ctx.say("archive.cli.search_none", query=args.query.strip())
        return EXIT_OK
    for hit in hits:
        marks = " " + ctx.t("archive.cli.trashed_mark") if hit.trashed else ""
        marks += " " + ctx.t("archive.cli.sample_mark") if hit.is_sample else ""
        ctx.say("archive.cli.search_hit", id=hit.issue_id, label=hit.label, where=where(ctx, hit),
                snippet=hit.marked_snippet(), marks=marks)
    ctx.say("archive.cli.search_count", count=len(hits), issues=len({h.issue_id for h in hits}))
    if len(hits) >= args.limit:
        ctx.say("archive.cli.search_more", limit=args.limit)
    return EXIT_OK


def add_search_parser(asub: Any) -> None:
    """``archive search`` on the ``archive`` command's sub-parsers."""
    q = asub.add_parser("search", help="full-text search across masthead, titles, 按语 and body")
    q.add_argument("query", metavar="QUERY")
    q.add_argument("--year", type=int, help="issues of this year only")
    q.add_argument("--source", metavar="UNIT", help="articles whose source contains UNIT")
    q.add_argument("--series", metavar="NAME", help="the bulletin, where several share the archive")
    q.add_argument("--limit", type=int, default=200, metavar="N", help="at most N hits (default 200)")
    q.add_argument("--trash", action="store_true", help="search trashed issues too")
    q.add_argument("--json", action="store_true", help="hits as JSON (spans in code points and UTF-16)")
    q.set_defaults(func=cmd_archive_search)


__all__ = ["add_search_parser", "cmd_archive_search", "hit_json", "where"]
