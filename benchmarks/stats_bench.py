"""Statistics and backup speed at scale: 10,000 issues. Prints each figure beside its budget and flags OVER.

Run: ``.venv/bin/python benchmarks/stats_bench.py [--issues N] [--keep DIR]``. Uses the same cached
generated archive as archive_bench.py (benchmarks/generate_archive.py), works on a copy, marks every
issue 已签发 (generated issues are drafts, and only signed issues count as adopted) and adds 20
submissions per issue spread over the same years. Figures:
  stats year     statistics() of one calendar year, by source        budget 200 ms
  stats section  the same year by 栏目                               budget 200 ms
  stats all      every year at once, by source (for scale; no budget)
  backup         make_backup() of the whole archive (online backup)  budget 5 s
Never part of the test suite: timings in tests are flaky on shared machines.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate_archive import cached_archive  # noqa: E402

from bulletin_desk.archive import make_backup, open_archive  # noqa: E402

BUDGETS_MS = {"stats year": 200.0, "stats section": 200.0, "backup": 5000.0}


def _timed(func, repeat: int) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), min(times)


def _report(name: str, timing: tuple[float, float], note: str = "") -> bool:
    budget = BUDGETS_MS.get(name)
    ms, fastest = timing
    over = budget is not None and ms > budget
    verdict = "OVER" if over else ("ok" if budget is not None else "—")
    budget_text = f"budget {budget:6.0f} ms" if budget is not None else "no budget     "
    print(f"{name:<14} {ms:9.1f} ms (fastest {fastest:7.1f})   {budget_text}   {verdict}{note}")
    return not over


def _prepare(path: Path, rng: random.Random) -> tuple[int, int]:
    """Sign every issue and add submissions; returns (busiest year, submissions added)."""
    import sqlite3

    conn = sqlite3.connect(path)
    conn.execute("UPDATE issues SET state = 'signed' WHERE is_sample = 0")
    years = [r[0] for r in conn.execute("SELECT year FROM issues WHERE is_sample = 0 AND year IS NOT NULL")]
    busiest = max(set(years), key=years.count)
    stamp = _dt.datetime.now().astimezone().isoformat(timespec="seconds")
    rows = []
    for _ in range(len(years) * 20):
        year = rng.choice(years)
        day = _dt.date(year, 1, 1) + _dt.timedelta(days=rng.randrange(365))
        rows.append((f"第{rng.randint(1, 16)}区文明办", rng.choice(("工作动态", "基层经验")), day.isoformat(),
                     rng.choice(("pending", "adopted", "rejected")), "typed", "来稿", "{}", 300, stamp, stamp))
    conn.executemany("INSERT INTO submissions (unit, section, received, state, origin, title, content, char_count, "
                     "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    conn.commit()
    conn.close()
    return busiest, len(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--issues", type=int, default=10_000)
    parser.add_argument("--keep", type=Path, default=Path(tempfile.gettempdir()) / "bulletin-desk-bench")
    args = parser.parse_args(argv)
    source = cached_archive(args.keep, args.issues)
    work = Path(tempfile.mkdtemp(prefix="bd-stats-bench-"))
    try:
        path = work / "archive.sqlite3"
        shutil.copyfile(source, path)
        open_archive(path, daily_backup=False).close()  # upgrade a cached archive of an older schema first
        year, added = _prepare(path, random.Random(7))
        archive = open_archive(path, daily_backup=False)
        print(f"archive        {args.issues} issues (all signed), {added} submissions, "
              f"{path.stat().st_size / 1048576:.1f} MB; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
        ok = True
        start, end = _dt.date(year, 1, 1), _dt.date(year, 12, 31)
        rows = archive.issues.statistics(start, end)
        assert rows and sum(r.adopted for r in rows) > 0, rows
        ok &= _report("stats year", _timed(lambda: archive.issues.statistics(start, end), 7),
                      f"  ({year}: {len(rows)} units, {sum(r.adopted for r in rows)} adopted, median of 7)")
        ok &= _report("stats section", _timed(lambda: archive.issues.statistics(start, end, by="section"), 7),
                      "  (median of 7)")
        wide = (_dt.date(1900, 1, 1), _dt.date(2100, 12, 31))
        _report("stats all", _timed(lambda: archive.issues.statistics(*wide), 3), "  (every year, median of 3)")
        archive.close()
        out = work / "backup.sqlite3"

        def backup() -> None:
            make_backup(path, out)

        ok &= _report("backup", _timed(backup, 3), f"  ({out.stat().st_size / 1048576 if out.exists() else 0:.1f} MB"
                                                    ", median of 3)")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
