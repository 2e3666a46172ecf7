"""``stats --from DATE --to DATE [--by source|section] [--csv OUT]``: 信息采用统计 for a period.

Prints a table (报送数, 采用数, 采用率, 字数 per unit or 栏目, then 合计), columns padded by display
width so Chinese names line up in a terminal; ``--csv`` also writes the same figures as UTF-8 CSV with
a BOM (Excel opens it), atomically. The counting rules live in archive/statistics.py.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import unicodedata
from pathlib import Path
from typing import Any

from bulletin_desk.catalogue import BulletinDeskError
from bulletin_desk.cli.archive_cmds import open_for
from bulletin_desk.cli.context import EXIT_OK, CliContext


def _date(value: str, option: str) -> _dt.date:
    try:
        if len(value) != 10:
            raise ValueError(value)
        return _dt.date.fromisoformat(value)
    except ValueError as exc:
        raise BulletinDeskError("archive.cli.bad_date", option=option, value=value) from exc


def width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def _pad(text: str, size: int, right: bool = False) -> str:
    fill = " " * max(0, size - width(text))
    return fill + text if right else text + fill


def table(rows: list[list[str]]) -> list[str]:
    """Left-align the first column, right-align the numbers."""
    sizes = [max(width(r[i]) for r in rows) for i in range(len(rows[0]))]
    return ["  ".join(_pad(cell, sizes[i], right=i > 0) for i, cell in enumerate(r)).rstrip() for r in rows]


def cmd_stats(ctx: CliContext, args: argparse.Namespace) -> int:
    from bulletin_desk.archive.statistics import _header, format_rate, total_row, write_statistics_csv

    start, end = _date(args.date_from, "--from"), _date(args.date_to, "--to")
    with open_for(ctx) as archive:
        rows = archive.issues.statistics(start, end, by=args.by)
    if not rows:
        ctx.say("archive.cli.stats_empty", date_from=start.isoformat(), date_to=end.isoformat())
    else:
        none_key = ctx.t("archive.stats.no_key")
        cells = [_header(args.by, ctx.lang)]
        cells += [[r.key or none_key, str(r.submitted), str(r.adopted), format_rate(r.rate) or "—", str(r.chars)]
                  for r in rows]
        cells.append([str(c) if c != "" else "—" for c in total_row(rows, ctx.lang)])
        for line in table(cells):
            ctx.echo(line)
    if args.csv:
        out = write_statistics_csv(rows, Path(args.csv), args.by, ctx.lang)
        ctx.say("archive.cli.written", path=str(out))
    return EXIT_OK


def register(sub: Any) -> None:
    p = sub.add_parser("stats", help="信息采用统计: submitted, adopted, rate and characters per unit or section")
    p.add_argument("--from", dest="date_from", required=True, metavar="DATE", help="first day, YYYY-MM-DD")
    p.add_argument("--to", dest="date_to", required=True, metavar="DATE", help="last day, YYYY-MM-DD (included)")
    p.add_argument("--by", choices=("source", "section"), default="source")
    p.add_argument("--csv", metavar="OUT", help="also write the table as CSV (UTF-8 with BOM)")
    p.set_defaults(func=cmd_stats)
