"""Write the golden layout dumps (tests/golden/layout/*.json) — by hand only, never from CI.

``python -m tests.support.layout_golden`` after a deliberate layout change; review the diff, commit it
with the reason. tests/layout/test_golden.py compares against these files and never writes them.
"""

from __future__ import annotations

import json
from pathlib import Path

from bulletin_desk.layout import layout_issue, layout_to_json, load_profile
from bulletin_desk.model import Issue, loads

REPO = Path(__file__).resolve().parents[2]
GOLDEN = REPO / "tests" / "golden" / "layout"


def golden_cases() -> dict[str, Issue]:
    from tests.support.generate import generated_issue

    return {
        "reference": loads((REPO / "resources" / "samples" / "reference.bdjson").read_bytes()),
        "generated-3": generated_issue(3),
    }


def dump(issue: Issue) -> str:
    return json.dumps(layout_to_json(layout_issue(issue, load_profile())), ensure_ascii=False, indent=1) + "\n"


if __name__ == "__main__":
    GOLDEN.mkdir(parents=True, exist_ok=True)
    for name, issue in golden_cases().items():
        (GOLDEN / f"{name}.json").write_text(dump(issue), encoding="utf-8")
        print(GOLDEN / f"{name}.json")
