"""``templates list | show UNIT | import FILE | export OUT``: the archive's district templates.

Files are ``bulletin-desk-templates/1`` (model/templates.py): read strictly (a mistake exits 1 naming
its JSON path), written canonically and atomically. ``import`` replaces the whole set in one
transaction — that is how an office swaps the shipped Beijing set for its own.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from bulletin_desk.catalogue import BulletinDeskError
from bulletin_desk.cli.archive_cmds import open_for
from bulletin_desk.cli.context import EXIT_OK, EXIT_USER, CliContext
from bulletin_desk.model import DistrictTemplate, article_from_template


def cmd_list(ctx: CliContext, args: argparse.Namespace) -> int:
    with open_for(ctx) as archive:
        templates = archive.issues.templates()
    if not templates:
        ctx.say("archive.cli.templates_empty")
    for t in templates:
        contact = " ".join(x for x in (t.contact, t.phone) if x)
        ctx.echo(f"{t.unit}  【{t.section}】  {contact}".rstrip())
    return EXIT_OK


def template_text(ctx: CliContext, t: DistrictTemplate) -> list[str]:
    """The template's fields, then the article it would make, laid out as `show` prints an issue."""
    lines = [ctx.t("archive.cli.template_fields", unit=t.unit, district=t.district, section=t.section,
                   contact=t.contact, phone=t.phone), "", ctx.t("archive.cli.template_preview")]
    article = article_from_template(t)
    lines.append(f"【{t.section}】" if t.section else "")
    lines.append("  " + ctx.t("archive.cli.template_title"))
    lines += ["    " + (p.lead or "") + p.text for p in article.paragraphs]
    lines.append(f"  （{article.source}）")
    return lines


def cmd_show(ctx: CliContext, args: argparse.Namespace) -> int:
    with open_for(ctx) as archive:
        template = archive.issues.template_for(args.unit)
        units = [t.unit for t in archive.issues.templates()] if template is None else []
    if template is None:
        ctx.error_code("archive.cli.template_missing", unit=args.unit)
        near = [u for u in units if args.unit.strip() and (args.unit.strip() in u or u in args.unit)]
        if near:
            ctx.error("  " + "、".join(near))
        return EXIT_USER
    for line in template_text(ctx, template):
        ctx.echo(line)
    return EXIT_OK


def cmd_import(ctx: CliContext, args: argparse.Namespace) -> int:
    from bulletin_desk.model import loads_templates

    path = Path(args.file)
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise BulletinDeskError("archive.select.file_missing", path=str(path)) from exc
    except OSError as exc:
        raise BulletinDeskError("archive.cli.read_failed", path=str(path), detail=exc.strerror or str(exc)) from exc
    templates = loads_templates(data)
    with open_for(ctx) as archive:
        before = len(archive.issues.templates())
        stored = archive.issues.replace_templates(templates)
    ctx.say("archive.cli.templates_imported", count=len(stored), path=str(path), replaced=before)
    return EXIT_OK


def cmd_export(ctx: CliContext, args: argparse.Namespace) -> int:
    from bulletin_desk.fileio import atomic_write_bytes
    from bulletin_desk.model import dump_templates_bytes

    with open_for(ctx) as archive:
        templates = archive.issues.templates()
    out = atomic_write_bytes(args.out, dump_templates_bytes(templates))
    ctx.say("archive.cli.written", path=str(out))
    return EXIT_OK


def register(sub: Any) -> None:
    p = sub.add_parser("templates", help="district templates: list, show UNIT, import FILE, export OUT")
    tsub = p.add_subparsers(dest="templates_command", metavar="ACTION", required=True)
    tsub.add_parser("list", help="every template, in order").set_defaults(func=cmd_list)
    q = tsub.add_parser("show", help="one unit's template and the article it makes")
    q.add_argument("unit", metavar="UNIT")
    q.set_defaults(func=cmd_show)
    q = tsub.add_parser("import", help="replace the whole set with a bulletin-desk-templates/1 file")
    q.add_argument("file", metavar="FILE")
    q.set_defaults(func=cmd_import)
    q = tsub.add_parser("export", help="write the set as a bulletin-desk-templates/1 file")
    q.add_argument("out", metavar="OUT")
    q.set_defaults(func=cmd_export)
