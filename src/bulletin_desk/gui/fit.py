"""The fit readout: how many grid lines are left on the last page, or how many too many.

Editors squeeze an issue onto 2 or 4 pages by the line: they need "本页剩余3行" or "超出7行" (the
版记 was pushed onto a page of its own), not just a page count. Computed from the PageLayout and the
profile's grid (rows = (baseline − top) / pitch), so it always agrees with the preview.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bulletin_desk.layout.page import BlockRole, PageLayout

_NOT_CONTENT = {BlockRole.PAGE_NUMBER, BlockRole.IMPRINT}


@dataclass(frozen=True)
class Fit:
    pages: int
    remaining_lines: int  # grid lines still free on the last page (0 when over)
    overflow_lines: int  # lines to cut so the 版记 fits under the text on the last text page


def _row(baseline: float, top: float, pitch: float) -> int:
    return int((baseline - top) // pitch)


def compute_fit(layout: PageLayout, profile: Any) -> Fit | None:
    if not layout.pages or profile is None:
        return None
    per_page = int(profile.grid.lines_per_page)
    top, pitch = float(profile.top), float(profile.pitch)
    last_text = None
    for page in layout.pages:
        if any(line.role not in _NOT_CONTENT for line in page.lines):
            last_text = page
    used = 0
    if last_text is not None:
        rows = [_row(line.baseline, top, pitch) for line in last_text.lines if line.role not in _NOT_CONTENT]
        used = max(rows) + 1
    imprint_page = None
    imprint_rows = 0
    for page in layout.pages:
        rows = [_row(line.baseline, top, pitch) for line in page.lines if line.role == BlockRole.IMPRINT]
        if rows:
            imprint_page, imprint_rows = page, per_page - min(rows)
    if imprint_page is None or imprint_page is last_text:
        return Fit(len(layout.pages), max(0, per_page - imprint_rows - used), 0)
    over = used + imprint_rows - per_page
    if over > 0:
        return Fit(len(layout.pages), 0, over)
    return Fit(len(layout.pages), per_page - used - imprint_rows, 0)
