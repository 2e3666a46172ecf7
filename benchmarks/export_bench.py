"""Export speed: a 12-page issue to DOCX (budget 150 ms), LibreOffice's conversion time beside it.

Run: ``.venv/bin/python benchmarks/export_bench.py``. Prints each figure beside its budget and flags
OVER; never part of the test suite (timings in tests are flaky on shared CI machines).
"""

from __future__ import annotations

import copy
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.export.corpus import full_corpus  # noqa: E402

from bulletin_desk.export import build_docx_bytes  # noqa: E402
from bulletin_desk.export.profile_adapter import engine_layout, load_default_profile  # noqa: E402

BUDGET_MS = 150.0


def twelve_page_issue(profile: object):
    """The reference issue grown article by article (from the corpus) until the engine lays out 12 pages."""
    corpus = full_corpus()
    issue = copy.deepcopy(corpus[0][1])
    extra = [a for _, other in corpus[1:] for a in other.articles()]
    while len(engine_layout(issue, profile).pages) < 12 and extra:
        issue.sections[-1].articles.append(copy.deepcopy(extra.pop(0)))
    return issue


def main() -> int:
    profile = load_default_profile()
    issue = twelve_page_issue(profile)
    pages = len(engine_layout(issue, profile).pages)
    build_docx_bytes(issue, profile)  # warm-up: imports, font tables, profile caches
    times = []
    for _ in range(7):
        start = time.perf_counter()
        data = build_docx_bytes(issue, profile)
        times.append((time.perf_counter() - start) * 1000)
    median = statistics.median(times)
    layout_times = []
    for _ in range(7):
        start = time.perf_counter()
        engine_layout(issue, profile)
        layout_times.append((time.perf_counter() - start) * 1000)
    flag = "OVER" if median > BUDGET_MS else "ok"
    print(f"export {pages}-page issue to DOCX (median of 7, incl. layout): {median:7.1f} ms   "
          f"budget {BUDGET_MS:.0f} ms   {flag}")
    print(f"  of which the engine's layout alone (median of 7): {statistics.median(layout_times):7.1f} ms; "
          f"DOCX size {len(data) // 1024} KiB")
    try:
        from tests.support.soffice import SofficeRunner

        runner = SofficeRunner()
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "twelve.docx"
            path.write_bytes(data)
            runner.to_pdf(path)  # first run creates the private profile
            lo_times = []
            for _ in range(3):
                start = time.perf_counter()
                runner.to_pdf(path)
                lo_times.append(time.perf_counter() - start)
        print(f"LibreOffice 7.4 DOCX→PDF of the same file (median of 3, reused profile): "
              f"{statistics.median(lo_times) * 1000:7.0f} ms   (for comparison, no budget)")
    except (FileNotFoundError, RuntimeError) as exc:
        print(f"LibreOffice conversion: not measured ({exc})")
    return 1 if flag == "OVER" else 0


if __name__ == "__main__":
    raise SystemExit(main())
