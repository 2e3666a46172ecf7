"""The layout as plain JSON: golden files, the CLI's ``render --layout-json`` and fidelity reports.

Millimetres rounded to 0.01 mm so a dump is stable across platforms' float formatting and readable
in a diff; lines carry their source so a reviewer sees which paragraph moved.
"""

from __future__ import annotations

from typing import Any

from bulletin_desk.layout.page import PageLayout
from bulletin_desk.layout.profile import MM


def _mm(pt: float) -> float:
    return round(pt / MM, 2)


def layout_to_json(page_layout: PageLayout) -> dict[str, Any]:
    """``{"pages": [{"number", "index", "lines": [{"text", "x_mm", "baseline_mm", "role", "source"}], "rules"}]}``."""
    pages: list[dict[str, Any]] = []
    for page in page_layout.pages:
        lines = []
        for line in page.lines:
            entry: dict[str, Any] = {"text": line.text, "x_mm": _mm(line.x), "baseline_mm": _mm(line.baseline),
                                     "role": line.role.value}
            if line.source is not None:
                src = line.source
                entry["source"] = {"field": src.field, "section": src.section, "article": src.article,
                                   "paragraph": src.paragraph, "start": src.start, "end": src.end}
            lines.append(entry)
        rules = [{"x0_mm": _mm(r.x0), "x1_mm": _mm(r.x1), "y_mm": _mm(r.y), "thickness_pt": round(r.thickness, 2),
                  "color": r.color} for r in page.rules]
        pages.append({"number": page.page_number, "index": page.index, "lines": lines, "rules": rules})
    return {"profile": page_layout.profile_name, "pages": pages}
