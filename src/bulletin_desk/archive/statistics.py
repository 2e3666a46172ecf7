"""信息采用统计: per unit (source) or per 栏目 over a period — 报送数, 采用数, 采用率, 字数.

API: ``archive.issues.statistics(date_from, date_to, by="source" | "section") -> list[StatRow]`` and
``write_statistics_csv(rows, path, by, lang)``.

The rules, as offices count them:

* 报送数 (submitted): submissions received in the period (both ends included), per unit — or per the
  栏目 a submission is meant for when ``by="section"``.
* 采用数 (adopted): articles in 已签发 (signed), non-trashed, non-sample issues whose date falls in the
  period. An article credited to several units counts once for each of them, and each is credited
  its full 字数. Units are split on 、，, ；; / ／ and on spaces, the full-width U+3000 included:
  editors co-credit ``海淀区委宣传部　海淀区文明办`` (or with a slash) as often as with 、, and unit
  names do not contain these characters, so splitting on them never cuts one name in two.
* 采用率 = 采用数 / 报送数, None when nothing was submitted.
* 字数: non-whitespace characters of title, 按语 and paragraphs (model.article_char_count), summed
  from ``articles.char_count``, which the repository writes at save time.

Two aggregate queries on the driver cursor (no ORM rows): a year over 10,000 issues answers in a few
milliseconds (benchmarks/stats_bench.py, budget 200 ms). Splitting the credited units happens after
grouping by the source text, so it costs one pass over the distinct sources, not over the articles.
"""

from __future__ import annotations

import csv
import datetime as _dt
import io
import re
from collections import defaultdict
from pathlib import Path

from sqlalchemy import Connection

from bulletin_desk.archive.errors import ArchiveError
from bulletin_desk.archive.records import StatRow
from bulletin_desk.archive.runner import RepositoryBase, driver
from bulletin_desk.catalogue import Lang, Message

BY = ("source", "section")
# 、，, ；; / ／ and any whitespace (\s covers the full-width U+3000, named anyway for the reader)
_SPLIT = re.compile(r"[、，,；;/／\s\u3000]+")

_ADOPTED_BY_SOURCE = (
    "SELECT a.source, count(*), coalesce(sum(a.char_count), 0) FROM issues AS i "
    "JOIN articles AS a ON a.issue_id = i.id "
    "WHERE i.state = 'signed' AND i.trashed_at IS NULL AND i.is_sample = 0 AND i.issue_date BETWEEN ? AND ? "
    "GROUP BY a.source")
_ADOPTED_BY_SECTION = (
    "SELECT s.heading, count(*), coalesce(sum(a.char_count), 0) FROM issues AS i "
    "JOIN articles AS a ON a.issue_id = i.id JOIN sections AS s ON s.id = a.section_id "
    "WHERE i.state = 'signed' AND i.trashed_at IS NULL AND i.is_sample = 0 AND i.issue_date BETWEEN ? AND ? "
    "GROUP BY s.heading")
_SUBMITTED = "SELECT {col}, count(*) FROM submissions WHERE received BETWEEN ? AND ? GROUP BY {col}"


def credited_units(source: str | None) -> list[str]:
    """The units an attribution credits, in order, each once: ``甲、乙　丙/甲`` → [甲, 乙, 丙]."""
    out: list[str] = []
    for part in _SPLIT.split(source or ""):
        unit = part.strip()
        if unit and unit not in out:
            out.append(unit)
    return out


def compute(adopted: list[tuple[str | None, int, int]], submitted: list[tuple[str | None, int]],
            split: bool) -> list[StatRow]:
    """Combine the two aggregates; pure, so the counting rules are tested without SQL."""
    sub: dict[str, int] = defaultdict(int)
    ado: dict[str, int] = defaultdict(int)
    chars: dict[str, int] = defaultdict(int)
    for key, count in submitted:
        for unit in (credited_units(key) if split else [key or ""]) or [""]:
            sub[unit] += count
    for key, count, total in adopted:
        for unit in (credited_units(key) if split else [key or ""]) or [""]:
            ado[unit] += count
            chars[unit] += total
    rows = [StatRow(key, sub.get(key, 0), ado.get(key, 0),
                    ado.get(key, 0) / sub[key] if sub.get(key) else None, chars.get(key, 0))
            for key in set(sub) | set(ado)]
    rows.sort(key=lambda r: (-r.adopted, -r.submitted, r.key == "", r.key))
    return rows


class StatisticsMixin(RepositoryBase):
    """The statistics part of IssueRepository (see the module docstring)."""

    def statistics(self, date_from: _dt.date, date_to: _dt.date, by: str = "source") -> list[StatRow]:
        if by not in BY:
            raise ArchiveError("archive.stats.bad_by", by=by)
        if date_to < date_from:
            raise ArchiveError("archive.stats.bad_period", date_from=date_from.isoformat(),
                               date_to=date_to.isoformat())
        period = (date_from.isoformat(), date_to.isoformat())

        def body(conn: Connection) -> list[StatRow]:
            cur = driver(conn)
            adopted = cur.execute(_ADOPTED_BY_SOURCE if by == "source" else _ADOPTED_BY_SECTION, period).fetchall()
            submitted = cur.execute(_SUBMITTED.format(col="unit" if by == "source" else "section"),
                                    period).fetchall()
            return compute(adopted, submitted, split=by == "source")

        return self._run_read(body)


def _header(by: str, lang: Lang) -> list[str]:
    first = Message("archive.stats.col_unit" if by == "source" else "archive.stats.col_section").render(lang)
    return [first] + [Message(f"archive.stats.col_{c}").render(lang)
                      for c in ("submitted", "adopted", "rate", "chars")]


def format_rate(rate: float | None) -> str:
    return "" if rate is None else f"{rate * 100:.1f}%"


def statistics_csv(rows: list[StatRow], by: str = "source", lang: Lang = "zh") -> bytes:
    """CSV bytes: UTF-8 with a BOM (so Excel reads the Chinese), CRLF line ends, a total line last."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(_header(by, lang))
    none_key = Message("archive.stats.no_key").render(lang)
    for r in rows:
        writer.writerow([r.key or none_key, r.submitted, r.adopted, format_rate(r.rate), r.chars])
    writer.writerow(total_row(rows, lang))
    return b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8")


def total_row(rows: list[StatRow], lang: Lang = "zh") -> list[object]:
    """合计: sums of the rows (a multi-unit article is in several rows, so 采用数 may exceed the articles)."""
    submitted = sum(r.submitted for r in rows)
    adopted = sum(r.adopted for r in rows)
    return [Message("archive.stats.total").render(lang), submitted, adopted,
            format_rate(adopted / submitted if submitted else None), sum(r.chars for r in rows)]


def write_statistics_csv(rows: list[StatRow], path: Path, by: str = "source", lang: Lang = "zh") -> Path:
    """Write the CSV atomically (bulletin_desk.fileio)."""
    from bulletin_desk.fileio import atomic_write_bytes

    return atomic_write_bytes(path, statistics_csv(rows, by, lang))


__all__ = ["BY", "StatisticsMixin", "compute", "credited_units", "format_rate", "statistics_csv", "total_row",
           "write_statistics_csv"]
