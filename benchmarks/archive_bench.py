"""Archive speed at scale: 10,000 issues. Prints each figure beside its budget and flags OVER.

Run: ``.venv/bin/python benchmarks/archive_bench.py [--issues N] [--keep DIR]``. The archive is
generated once (benchmarks/generate_archive.py, cached in DIR, default the system temp folder) and
each run works on a copy. Figures:
  open      open_archive() of the big archive, in a warm process           budget 300 ms
  list      Archive.issues.list() of all issues                            budget 100 ms
  save new  save of a new 10-article issue                                 budget 20 ms
  save edit save of an edited 10-article issue (keeps a revision)          budget 20 ms
  cold list `bulletin-desk list` in a fresh process (imports included)     budget 1 s
Never part of the test suite: timings in tests are flaky on shared machines.
"""

from __future__ import annotations

import argparse
import copy
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate_archive import SERIES, _reference, cached_archive, make_issue  # noqa: E402

from bulletin_desk.archive import open_archive  # noqa: E402

BUDGETS_MS = {"open": 300.0, "list": 100.0, "save new": 20.0, "save edit": 20.0, "cold list": 1000.0}


def _median_ms(func, repeat: int) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """(median, fastest) in ms; the median is judged, the fastest shows what an idle machine does."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), min(times)


def _report(name: str, timing: tuple[float, float], note: str = "") -> bool:
    budget = BUDGETS_MS[name]
    ms, fastest = timing
    over = ms > budget
    print(f"{name:<10} {ms:9.1f} ms (fastest {fastest:7.1f})   budget {budget:6.0f} ms   "
          f"{'OVER' if over else 'ok'}{note}")
    return not over


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--issues", type=int, default=10_000)
    parser.add_argument("--keep", type=Path, default=Path(tempfile.gettempdir()) / "bulletin-desk-bench")
    args = parser.parse_args(argv)
    source = cached_archive(args.keep, args.issues)
    work = Path(tempfile.mkdtemp(prefix="bd-bench-"))
    try:
        path = work / "archive.sqlite3"
        shutil.copyfile(source, path)
        print(f"archive    {args.issues} issues, {path.stat().st_size / 1048576:.1f} MB on disk; "
              f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs (timings scale with it)")
        ok = True

        def open_close() -> None:
            open_archive(path).engine.dispose()

        open_close()  # warm: imports, page cache
        ok &= _report("open", _median_ms(open_close, 7), "  (median of 7)")

        archive = open_archive(path)
        rows = archive.issues.list()
        assert len(rows) >= args.issues, len(rows)
        ok &= _report("list", _median_ms(archive.issues.list, 7), f"  ({len(rows)} rows, median of 7)")

        rng = random.Random(5)
        template = _reference()
        pool = [p.text for a in template.articles() for p in a.paragraphs if len(p.text) > 60]
        fresh = [make_issue(rng, template, pool, SERIES[0], 2099, n, None, False) for n in range(1, 22)]
        it = iter(fresh)
        ok &= _report("save new", _median_ms(lambda: archive.issues.save(next(it)), 20),
                      "  (10 articles, median of 20)")
        stored = archive.issues.save(fresh[-1])
        state = {"version": stored.version}

        def save_edit() -> None:
            edited = copy.deepcopy(stored.issue)
            edited.sections[0].articles[0].title += "改"
            state["version"] = archive.issues.save(edited, stored.id, state["version"]).version

        ok &= _report("save edit", _median_ms(save_edit, 20), "  (10 articles + revision, median of 20)")
        archive.engine.dispose()

        env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "0"}
        cmd = [sys.executable, "-m", "bulletin_desk", "--archive", str(path), "list"]
        subprocess.run(cmd, capture_output=True, env=env, check=True)  # warm the file cache and .pyc files

        def cold() -> None:
            subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=True)

        ok &= _report("cold list", _median_ms(cold, 5), "  (fresh process, median of 5)")
        print(f"archive    {path.stat().st_size / 1048576:.1f} MB after the run "
              f"(+ {sum(p.stat().st_size for p in work.glob('archive.sqlite3-*')) / 1048576:.1f} MB WAL)")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
