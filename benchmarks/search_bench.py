"""Full-text search at scale: 10,000 issues (~30 million characters). Each figure beside its budget, OVER flagged.

Run: ``.venv/bin/python benchmarks/search_bench.py [--issues N] [--keep DIR] [--repeat R]``. The archive is
generated once (benchmarks/generate_archive.py, cached in DIR as archive_bench.py does) and each run
works on a copy, so the index is built from nothing every run. Figures:
  build       the whole search index from nothing (first search of an archive)   reported (no budget)
  index size  the index file beside the archive                                  reported (no budget)
  search      median of every 1–6 character query, each run R times              budget 50 ms
  browser     open the archive and list every issue (what the browser shows)     budget 300 ms
              (the listing alone; the dialog itself, filters and sorting: workspace_bench.py)
  save+index  save of an edited 10-article issue, the index hook included        budget 20 ms
Never part of the test suite: timings in tests are flaky on shared machines.
"""

from __future__ import annotations

import argparse
import copy
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate_archive import generate  # noqa: E402

from bulletin_desk.archive import open_archive  # noqa: E402

SEARCH_MS = 50.0
BROWSER_MS = 300.0
SAVE_MS = 20.0
# 1–6 characters: common and rare, single ideographs to phrases; the reference issue's vocabulary.
QUERIES = ("民", "疫", "的", "鬱", "文明", "志愿", "海淀", "抗疫", "志愿者", "新时代", "精神文明", "文明实践",
           "志愿服务队", "新时代文明", "新时代文明实", "文明实践中心", "不存在的词语")


def timed(func: Callable[[], object], repeat: int) -> tuple[float, float, object]:
    """(median ms, fastest ms, last result)."""
    times: list[float] = []
    result: object = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = func()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), min(times), result


def line(name: str, ms: float, budget: float | None, note: str = "") -> bool:
    over = budget is not None and ms > budget
    judged = f"budget {budget:6.0f} ms   {'OVER' if over else 'ok'}" if budget is not None else "(reported)"
    print(f"{name:<22} {ms:9.1f} ms   {judged}{note}")
    return not over


def table_sizes(index_path: Path) -> str:
    """MB per table of the index (the text copy ``docs`` against the FTS tables), if SQLite has dbstat."""
    import sqlite3

    conn = sqlite3.connect(index_path)
    try:
        rows = conn.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC LIMIT 3").fetchall()
        free = conn.execute("PRAGMA freelist_count").fetchone()[0] * conn.execute("PRAGMA page_size").fetchone()[0]
    except sqlite3.Error:
        return "(dbstat not available)"
    finally:
        conn.close()
    return ", ".join(f"{name} {size / 1048576:.1f} MB" for name, size in rows) + f", free {free / 1048576:.1f} MB"


def source_archive(keep: Path, issues: int) -> Path:
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--issues", type=int, default=10_000)
    parser.add_argument("--keep", type=Path, default=Path(tempfile.gettempdir()) / "bulletin-desk-bench")
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args(argv)
    source = source_archive(args.keep, args.issues)
    work = Path(tempfile.mkdtemp(prefix="bd-search-bench-"))
    ok = True
    try:
        path = work / "archive.sqlite3"
        shutil.copyfile(source, path)
        archive = open_archive(path)
        try:
            conn = archive.engine.raw_connection()
            chars = conn.driver_connection.execute(  # type: ignore[union-attr]
                "SELECT (SELECT total(length(coalesce(lead, '')) + length(text)) FROM paragraphs)"
                " + (SELECT total(length(title) + length(coalesce(note, '')) + length(coalesce(source, '')))"
                " FROM articles)").fetchone()[0]
            conn.close()
            print(f"archive                {args.issues} issues, {int(chars):,} characters of text, "
                  f"{path.stat().st_size / 1048576:.1f} MB; load average {os.getloadavg()[0]:.1f} on "
                  f"{os.cpu_count()} CPUs (timings scale with it)")
            index = archive.issues.search_index
            start, cpu = time.perf_counter(), time.process_time()
            report = index.ensure_current()
            build_s, build_cpu = time.perf_counter() - start, time.process_time() - cpu
            print(f"{'build':<22} {build_s:9.1f} s    (reported; CPU {build_cpu:.1f} s)   {report.reindexed} issues")
            print(f"{'index size':<22} {index.size() / 1048576:9.1f} MB   (reported; archive "
                  f"{path.stat().st_size / 1048576:.1f} MB, left out of backups)")
            print(f"{'  of which':<22} {table_sizes(index.path)}")
            medians: list[float] = []
            for query in QUERIES:
                ms, fastest, hits = timed(lambda q=query: archive.issues.search(q), args.repeat)  # type: ignore[misc]
                medians.append(ms)
                ok &= line(f"search {query!r} ({len(query)})", ms, SEARCH_MS,
                           f"   fastest {fastest:6.1f}   {len(hits)} hits")  # type: ignore[arg-type]
            ok &= line("search (median of all)", statistics.median(medians), SEARCH_MS)
            for label, kw in (("--year", {"year": 1990}), ("--source", {"source": "第3区"}),
                              ("--year --source", {"year": 1990, "source": "第3区"}),
                              ("--source (rare)", {"source": "第16区文明办"})):
                ms, fastest, hits = timed(lambda kw=kw: archive.issues.search("文明", **kw), args.repeat)  # type: ignore[misc]
                ok &= line(f"search 文明 {label}", ms, SEARCH_MS,
                           f"   fastest {fastest:6.1f}   {len(hits)} hits")  # type: ignore[arg-type]
            summaries = archive.issues.list()
            latest = summaries[0]
            stored = archive.issues.load(latest.id)
            state = {"version": stored.version}

            def save_edit() -> None:
                issue = copy.deepcopy(stored.issue)
                issue.sections[0].articles[0].paragraphs[0].text += "改"
                state["version"] = archive.issues.save(issue, latest.id, state["version"]).version

            ms, fastest, _ = timed(save_edit, args.repeat)
            ok &= line("save+index (edit)", ms, SAVE_MS, f"   fastest {fastest:6.1f}")
            ms, fastest, _ = timed(lambda: archive.issues.search("改"), args.repeat)
            ok &= line("search after saves", ms, SEARCH_MS, f"   fastest {fastest:6.1f}")
        finally:
            archive.engine.dispose()

        def browser() -> object:
            opened = open_archive(path)
            try:
                return opened.issues.list()
            finally:
                opened.engine.dispose()

        ms, fastest, rows = timed(browser, args.repeat)
        ok &= line("browser (open + list)", ms, BROWSER_MS, f"   fastest {fastest:6.1f}   {len(rows)} issues")  # type: ignore[arg-type]
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print("all within budget" if ok else "OVER budget (see above)")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
