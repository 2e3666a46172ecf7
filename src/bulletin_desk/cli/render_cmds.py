"""`bulletin-desk render ISSUE [--pdf OUT] [--png-dir DIR --dpi N] [--layout-json OUT]`.

Lays the issue out with the official profile and paints it with the one painter (render/): the PDF
and PNGs are exactly what the preview shows and the printer prints. ISSUE is resolved like every other
command's (cli/selectors.py: a .bdjson file, #ID, YYYY-N, YYYY-增N, total:M). The layout JSON is the
layout room's own dump (layout.layout_to_json), so there is one format. Without an output option it
only reports the page count and which fonts stand in for the official faces.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from bulletin_desk.cli.archive_cmds import open_for, with_selection_errors
from bulletin_desk.cli.context import EXIT_OK, CliContext
from bulletin_desk.cli.selectors import looks_like_file, select_issue
from bulletin_desk.model import Issue, issue_label


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("render", help="lay out and paint an issue: PDF, PNG pages, layout JSON",
                                   description="render ISSUE [--pdf OUT] [--png-dir DIR --dpi N] "
                                               "[--layout-json OUT]")
    parser.add_argument("issue", metavar="ISSUE", help="a .bdjson file, #ID, YYYY-N, YYYY-增N or total:M")
    parser.add_argument("--series", metavar="NAME", help="narrow an archive reference to one bulletin")
    parser.add_argument("--pdf", metavar="OUT", help="write the PDF here")
    parser.add_argument("--png-dir", metavar="DIR", help="write page-01.png … into this folder")
    parser.add_argument("--dpi", type=float, default=150.0, metavar="N", help="PNG resolution (default 150)")
    parser.add_argument("--layout-json", metavar="OUT", help="write the page layout as JSON (mm)")
    parser.add_argument("--no-masthead", action="store_true",
                        help="leave out the red masthead and red rule (pre-printed 红头 paper)")
    parser.set_defaults(func=run_render)


def load_issue(ctx: CliContext, args: argparse.Namespace) -> Issue:
    if looks_like_file(args.issue):
        return select_issue(None, args.issue).issue
    with open_for(ctx) as archive:
        return select_issue(archive, args.issue, series=args.series, trashed=None).issue


def layout_for(issue: Issue) -> Any:
    from bulletin_desk.layout import layout_issue, load_profile

    return layout_issue(issue, load_profile())


@with_selection_errors
def run_render(ctx: CliContext, args: argparse.Namespace) -> int:
    from bulletin_desk.fileio import atomic_write_text
    from bulletin_desk.layout import layout_to_json
    from bulletin_desk.render.fonts import font_report
    from bulletin_desk.render.painter import PaintOptions
    from bulletin_desk.render.pdf import write_pdf_from_layout
    from bulletin_desk.render.png import render_pngs
    from bulletin_desk.render.qt_app import ensure_gui_app

    issue = load_issue(ctx, args)
    page_layout = layout_for(issue)
    options = PaintOptions(show_masthead=not args.no_masthead)
    ctx.say("render.cli.pages", pages=len(page_layout.pages))
    if args.layout_json:
        text = json.dumps(layout_to_json(page_layout), ensure_ascii=False, indent=1) + "\n"
        ctx.say("render.cli.written", path=str(atomic_write_text(args.layout_json, text)))
    if args.pdf or args.png_dir:
        ensure_gui_app()
        for item in font_report().substituted:
            ctx.echo(item.message().render(ctx.lang))
    if args.pdf:
        title = " ".join(p for p in (issue.masthead.title, issue_label(issue.masthead)) if p)
        ctx.say("render.cli.written", path=str(write_pdf_from_layout(page_layout, args.pdf, options, title=title)))
    if args.png_dir:
        for path in render_pngs(page_layout, args.png_dir, args.dpi, options):
            ctx.say("render.cli.written", path=str(path))
    return EXIT_OK
