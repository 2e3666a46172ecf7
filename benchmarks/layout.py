"""Layout speed on a generated 12-page issue: full layout ≤ 40 ms, relayout after a one-character edit ≤ 5 ms.

Run: ``.venv/bin/python benchmarks/layout.py``. Prints each figure beside its budget and flags OVER;
never part of the test suite (timings in tests are flaky on shared CI machines). Median of repeated runs,
after one warm-up (imports, the metrics table and the profile are loaded once per process in the app too).
The budget is judged on the wall-clock median; the minimum and the CPU-time median are printed beside it
(with the load average) because on a loaded 2-core machine the wall median mostly measures the neighbours.
"""

from __future__ import annotations

import copy
import os
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.support.generate import twelve_page_issue  # noqa: E402

from bulletin_desk.layout import layout_issue, load_profile  # noqa: E402
from bulletin_desk.layout.engine import LayoutCache  # noqa: E402

BUDGETS_MS = {"full layout (12 pages)": 40.0, "relayout after a 1-character edit": 5.0}


def _median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def main(repeats: int = 15) -> int:
    profile = load_profile()
    issue = twelve_page_issue()
    first = layout_issue(issue, profile)  # warm-up
    pages = len(first.pages)
    full: list[float] = []
    full_cpu: list[float] = []
    for _ in range(repeats):
        start, cpu = time.perf_counter(), time.process_time()
        layout_issue(issue, profile)
        full.append(time.perf_counter() - start)
        full_cpu.append(time.process_time() - cpu)
    edits: list[float] = []
    edits_cpu: list[float] = []
    previous = first
    for k in range(repeats):
        edited = copy.deepcopy(issue)
        para = edited.sections[1].articles[0].paragraphs[1]
        para.text = para.text[:40] + "新旧"[k % 2] + para.text[40:]
        start, cpu = time.perf_counter(), time.process_time()
        previous = layout_issue(edited, profile, previous=previous)
        edits.append(time.perf_counter() - start)
        edits_cpu.append(time.process_time() - cpu)
    cache = previous.cache
    assert isinstance(cache, LayoutCache)
    figures = {"full layout (12 pages)": (_median_ms(full), min(full) * 1000, _median_ms(full_cpu)),
               "relayout after a 1-character edit": (_median_ms(edits), min(edits) * 1000, _median_ms(edits_cpu))}
    print(f"generated issue: {pages} pages; last relayout broke {cache.stats['broken']} block(s), "
          f"reused {cache.stats['reused']}")
    over = 0
    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    for name, (value, fastest, cpu) in figures.items():
        budget = BUDGETS_MS[name]
        flag = "OVER" if value > budget else "ok"
        over += value > budget
        print(f"{name:36s} median {value:7.2f} ms (min {fastest:6.2f}, CPU median {cpu:6.2f})   "
              f"budget {budget:5.1f} ms   {flag}")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
