"""`bulletin-desk render ISSUE [--pdf OUT] [--png-dir DIR --dpi N] [--layout-json OUT]`.

Lays the issue out with the official profile and paints it with the one painter (render/): the PDF
and PNGs are exactly what the preview shows and the printer prints. Without an output option it only
reports the page count and which fonts stand in for the official faces.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from bulletin_desk.catalogue import BulletinDeskError
from bulletin_desk.cli.context import EXIT_OK, CliContext


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("render", help="lay out and paint an issue: PDF, PNG pages, layout JSON",
                                   description="render ISSUE [--pdf OUT] [--png-dir DIR --dpi N] "
                                               "[--layout-json OUT]")
    parser.add_argument("issue", metavar="ISSUE", help="a .bdjson file, #ID, YYYY-N, YYYY-增N or total:M")
    parser.add_argument("--pdf", metavar="OUT", help="write the PDF here")
    parser.add_argument("--png-dir", metavar="DIR", help="write page-01.png … into this folder")
    parser.add_argument("--dpi", type=float, default=150.0, metavar="N", help="PNG resolution (default 150)")
    parser.add_argument("--layout-json", metavar="OUT", help="write the page layout as JSON (mm)")
    parser.add_argument("--no-masthead", action="store_true",
                        help="leave out the red masthead and red rule (pre-printed 红头 paper)")
    parser.add_argument("--series", metavar="NAME", help="narrow an archive reference to one bulletin")
    parser.set_defaults(func=run_render)


def load_issue(ctx: CliContext, ref: str, series: str | None = None) -> Any:
    """An issue from a bulletin-desk/1 file, else from the archive (#ID, YYYY-N, total:M)."""
    from bulletin_desk.model import loads

    path = Path(ref)
    if path.suffix.lower() in (".bdjson", ".json") or path.is_file():
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise BulletinDeskError("render.cli.no_issue", issue=ref) from exc
        return loads(data)
    try:
        from bulletin_desk.cli import import_export_cmds
    except ImportError as exc:
        raise BulletinDeskError("render.cli.no_issue", issue=ref) from exc
    resolver = getattr(import_export_cmds, "load_issue", None)
    if resolver is None:
        raise BulletinDeskError("render.cli.no_issue", issue=ref)
    return resolver(ctx, ref, series)


def layout_for(issue: Any) -> Any:
    try:
        from bulletin_desk.layout import layout_issue, load_profile  # type: ignore[attr-defined]
    except ImportError as exc:
        raise BulletinDeskError("render.cli.no_layout") from exc
    return layout_issue(issue, load_profile())


def run_render(ctx: CliContext, args: argparse.Namespace) -> int:
    from bulletin_desk.render.fonts import font_report
    from bulletin_desk.render.layout_json import write_layout_json
    from bulletin_desk.render.painter import PaintOptions
    from bulletin_desk.render.pdf import write_pdf_from_layout
    from bulletin_desk.render.png import render_pngs
    from bulletin_desk.render.qt_app import ensure_gui_app

    issue = load_issue(ctx, args.issue, args.series)
    page_layout = layout_for(issue)
    options = PaintOptions(show_masthead=not args.no_masthead)
    ctx.say("render.cli.pages", pages=len(page_layout.pages))
    if args.layout_json:
        ctx.say("render.cli.written", path=str(write_layout_json(page_layout, args.layout_json)))
    if args.pdf or args.png_dir:
        ensure_gui_app()
        for item in font_report().substituted:
            ctx.echo(item.message().render(ctx.lang))
    if args.pdf:
        from bulletin_desk.model import issue_label

        title = " ".join(p for p in (issue.masthead.title, issue_label(issue.masthead)) if p)
        ctx.say("render.cli.written", path=str(write_pdf_from_layout(page_layout, args.pdf, options, title=title)))
    if args.png_dir:
        for path in render_pngs(page_layout, args.png_dir, args.dpi, options):
            ctx.say("render.cli.written", path=str(path))
    return EXIT_OK
