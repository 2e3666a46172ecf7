"""Generate a large archive for the archive benchmarks: N issues (default 10,000) of 10 articles each.

Run: ``.venv/bin/python benchmarks/generate_archive.py OUT [--issues N] [--seed S]``.
Issues go through the repository's own save code (`IssueRepository._save_in`), 500 per transaction so
generation takes about a minute; texts are cut from the reference issue so sizes are realistic
(about 3,000 字 an issue). Numbering runs over several series and years, with a few supplements.
"""

from __future__ import annotations

import argparse
import copy
import datetime as _dt
import random
import sys
import time
from pathlib import Path

from bulletin_desk import paths
from bulletin_desk.archive import open_archive
from bulletin_desk.archive.connection import write_transaction
from bulletin_desk.model import Article, Issue, Paragraph, Section, loads

SERIES = ("首都精神文明建设情况简报", "文明实践工作动态", "志愿服务信息", "创城工作简报")
BATCH = 500


def _reference() -> Issue:
    return loads((paths.resources_dir() / "samples" / "reference.bdjson").read_bytes())


def make_issue(rng: random.Random, template: Issue, pool: list[str], series: str, year: int, number: int,
               total: int | None, supplement: bool, articles: int = 10) -> Issue:
    issue = copy.deepcopy(template)
    issue.masthead.title = series
    issue.masthead.number, issue.masthead.total_number = number, total
    issue.masthead.supplement = supplement
    issue.masthead.date = _dt.date(year, 1, 1) + _dt.timedelta(days=min(number * 7, 360))
    arts = []
    for i in range(articles):
        paras = [Paragraph(text=rng.choice(pool)[: rng.randint(60, 160)], lead=rng.choice(pool)[:14] + "。")
                 for _ in range(rng.randint(2, 3))]
        arts.append(Article(title=f"第{number}期稿件{i + 1}：" + rng.choice(pool)[:16],
                            source=f"第{i % 16 + 1}区文明办",
                            paragraphs=paras))
    issue.sections = [Section(heading="工作动态", articles=arts[:5]), Section(heading="基层经验", articles=arts[5:])]
    return issue


def cached_archive(keep: Path, issues: int) -> Path:
    """The generated archive of ``issues`` issues in ``keep``, generated once and reused by every benchmark
    (a half-written one from an interrupted run is thrown away, never used)."""
    keep.mkdir(parents=True, exist_ok=True)
    source = keep / f"archive-{issues}.sqlite3"
    if not source.exists():
        print(f"generating {source} …", file=sys.stderr)
        partial = source.with_suffix(".partial")
        for leftover in (partial, Path(str(partial) + "-wal"), Path(str(partial) + "-shm")):
            leftover.unlink(missing_ok=True)
        generate(partial, issues)
        partial.rename(source)
    return source


def generate(out: Path, issues: int, seed: int = 1) -> Path:
    rng = random.Random(seed)
    template = _reference()
    pool = [p.text for a in template.articles() for p in a.paragraphs if len(p.text) > 60]
    archive = open_archive(out)
    repo = archive.issues
    plan: list[tuple[str, int, int, int | None, bool]] = []
    per_series = issues // len(SERIES) + 1
    for s_index, series in enumerate(SERIES):
        total = 1000 * (s_index + 1)
        year, number = 1980, 0
        for _ in range(per_series):
            number += 1
            if number > 48:
                year, number = year + 1, 1
            if rng.random() < 0.03:
                plan.append((series, year, rng.randint(1, 3), None, True))
            else:
                total += 1
                plan.append((series, year, number, total, False))
    plan = plan[:issues]
    rng.shuffle(plan)
    start = time.perf_counter()
    for first in range(0, len(plan), BATCH):
        with write_transaction(archive.engine) as conn:
            for series, year, number, total, supplement in plan[first:first + BATCH]:
                repo._save_in(conn, make_issue(rng, template, pool, series, year, number, total, supplement),
                              None, None)
        print(f"  {min(first + BATCH, len(plan))}/{len(plan)} issues, {time.perf_counter() - start:.0f} s",
              file=sys.stderr)
    archive.engine.dispose()  # no daily backup for a generated file
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--issues", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    if args.out.exists():
        parser.error(f"{args.out} exists")
    generate(args.out, args.issues, args.seed)
    print(f"{args.out}: {args.issues} issues, {args.out.stat().st_size / 1048576:.1f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
