"""The layout as JSON: what `bulletin-desk render --layout-json OUT` writes.

For checking a layout without Qt (fidelity scripts, diffs between versions, bug reports):
``{"pages": [{"number": 1, "page_number": 1, "lines": [{"text", "x_mm", "baseline_mm", "role",
"source": {...}}], "rules": [...]}]}``. Millimetres from the page's top-left, rounded to 0.01 mm;
``number`` is the physical page (1-based), ``page_number`` the printed number (null where none prints).
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict
from pathlib import Path
from typing import Any

from bulletin_desk.fileio import atomic_write_text
from bulletin_desk.layout.page import Line, Page, PageLayout, Rule

MM_PER_PT = 25.4 / 72
FORMAT = "bulletin-desk-layout/1"


def _mm(value: float) -> float:
    return round(value * MM_PER_PT, 2)


def _line(line: Line) -> dict[str, Any]:
    right = max((run.x + run.width for run in line.runs), default=line.x)
    return {
        "text": line.text,
        "x_mm": _mm(line.x),
        "right_mm": _mm(right),
        "baseline_mm": _mm(line.baseline),
        "role": str(line.role),
        "source": asdict(line.source) if line.source is not None else None,
    }


def _rule(rule: Rule) -> dict[str, Any]:
    return {"x0_mm": _mm(rule.x0), "x1_mm": _mm(rule.x1), "y_mm": _mm(rule.y),
            "thickness_mm": round(rule.thickness * MM_PER_PT, 3), "color": rule.color}


def _page(page: Page) -> dict[str, Any]:
    return {
        "number": page.index + 1,
        "page_number": page.page_number,
        "width_mm": _mm(page.width),
        "height_mm": _mm(page.height),
        "lines": [_line(line) for line in page.lines],
        "rules": [_rule(rule) for rule in page.rules],
    }


def layout_to_dict(page_layout: PageLayout) -> dict[str, Any]:
    return {"format": FORMAT, "profile": page_layout.profile_name,
            "pages": [_page(page) for page in page_layout.pages]}


def layout_to_json(page_layout: PageLayout) -> str:
    return json.dumps(layout_to_dict(page_layout), ensure_ascii=False, indent=1) + "\n"


def write_layout_json(page_layout: PageLayout, path: str | os.PathLike[str]) -> Path:
    """Write the layout JSON atomically; returns the path."""
    return atomic_write_text(path, layout_to_json(page_layout))
