"""The fidelity table: per issue of the corpus, the engine's pages against LibreOffice's rendering of
our DOCX (pages, lines, line breaks at the same source offset, first line of every page, 22-line full
body pages, 28 字 full body lines), with the time each step takes.

Run: ``.venv/bin/python benchmarks/fidelity.py``. LibreOffice 7.4 is the only renderer available here:
Word and WPS were NOT checked. Exit status 1 if any issue fails the gate.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.export.conftest import FIXED_NOW  # noqa: E402
from tests.export.corpus import full_corpus  # noqa: E402
from tests.export.fidelity_check import compare  # noqa: E402
from tests.export.test_fidelity import ADVANCE, CHARS_PER_LINE, LINES_PER_PAGE, convert_all  # noqa: E402
from tests.support.pdf_lines import page_count, pdf_lines  # noqa: E402

from bulletin_desk.export import build_docx_bytes  # noqa: E402
from bulletin_desk.export.profile_adapter import (  # noqa: E402
    engine_layout,
    geometry_from_profile,
    load_default_profile,
)


def main() -> int:
    profile = load_default_profile()
    geometry = geometry_from_profile(profile)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        start = time.perf_counter()
        items = []
        for name, issue in full_corpus():
            path = folder / f"{name}.docx"
            path.write_bytes(build_docx_bytes(issue, profile, now=FIXED_NOW))
            items.append((name, engine_layout(issue, profile), path))
        export_s = time.perf_counter() - start
        start = time.perf_counter()
        pdfs = convert_all([path for *_, path in items], folder)
        convert_s = time.perf_counter() - start
        results = []
        for name, layout, path in items:
            pdf = str(pdfs[path])
            results.append(compare(name, layout, pdf_lines(pdf), page_count(pdf),
                                   body_bottom=geometry.page_height_pt - geometry.margin_bottom_pt + 2,
                                   lines_per_page=LINES_PER_PAGE, chars_per_line=CHARS_PER_LINE, advance=ADVANCE))
    print("issue      engine/LibreOffice: pages, lines, line starts at the same source offset, ...")
    for result in results:
        print(result.row() + (f"  unmatched: {result.unmatched_examples}" if result.unmatched_examples else ""))
    matched = sum(r.breaks_matched for r in results)
    total = sum(r.breaks_total for r in results)
    failing = [r.name for r in results if not r.ok]
    print(f"corpus: {len(results)} issues, {sum(r.engine_pages for r in results)} pages, line starts "
          f"{matched}/{total} ({100 * matched / total:.2f} %), full body pages {sum(r.full_pages for r in results)}, "
          f"full body lines {sum(r.full_lines for r in results)}; failing: {failing or 'none'}")
    print(f"export of {len(results)} issues (engine + DOCX): {export_s:.2f} s; one LibreOffice call converting "
          f"all of them: {convert_s:.1f} s")
    print("Renderer checked: LibreOffice 7.4 only. Word and WPS were not available to check.")
    return 1 if failing else 0


if __name__ == "__main__":
    raise SystemExit(main())
