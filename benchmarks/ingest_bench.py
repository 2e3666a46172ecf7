"""Import speed: a 5-page pasted text must import (cleanup + detection) within its budget.

Prints each figure beside its budget and flags OVER. The text is built from the reference issue's
extracted text (with its debris) repeated to five printed pages, plus every kind of debris the
cleanup handles, so the rules do real work. Run: .venv/bin/python benchmarks/ingest_bench.py
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from bulletin_desk.ingest import import_html, import_text  # noqa: E402

REFERENCE = REPO.parent / "shared" / "samples" / "reference-bulletin.txt"
CHARS_PER_PAGE = 22 * 28  # the official grid: 22 lines of 28 字
BUDGET_MS = {"5-page text": 150.0, "5-page HTML": 150.0}


def five_page_text() -> str:
    base = REFERENCE.read_text(encoding="utf-8")
    head, _, rest = base.partition("【")
    body, _, imprint = ("【" + rest).partition("责编")
    text = head
    n = 0
    while sum(1 for ch in text if not ch.isspace()) < 5 * CHARS_PER_PAGE:
        n += 1
        text += body.replace("\u3000", " ") + f"\n— {n} —\n{head.strip().splitlines()[0]}\n"
    return text + "责编" + imprint


def five_page_html(text: str) -> str:
    paragraphs = [line for line in text.splitlines() if line.strip()]
    return "<html><body>" + "".join(f"<p><b>{p[:8]}</b>{p[8:]}</p>" for p in paragraphs) + "</body></html>"


def measure(label: str, run, repeat: int = 15) -> float:
    run()  # warm-up: regex compilation, imports
    times, cpu = [], []
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        run()
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    median = statistics.median(times)
    budget = BUDGET_MS[label]
    flag = "OVER" if median > budget else "ok"
    print(f"{label:<14} median {median:7.1f} ms (CPU {statistics.median(cpu):6.1f} ms)  max {max(times):7.1f} ms"
          f"  budget {budget:6.0f} ms  {flag}")
    return median


def main() -> int:
    if hasattr(os, "getloadavg"):
        print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores (wall times grow with it)")
    text = five_page_text()
    chars = sum(1 for ch in text if not ch.isspace())
    print(f"input: {chars} 字 (~{chars / CHARS_PER_PAGE:.1f} pages), {text.count(chr(10))} lines")
    over = 0
    over += measure("5-page text", lambda: import_text(text)) > BUDGET_MS["5-page text"]
    html = five_page_html(text)
    over += measure("5-page HTML", lambda: import_html(html)) > BUDGET_MS["5-page HTML"]
    return 1 if over else 0


if __name__ == "__main__":
    raise SystemExit(main())
