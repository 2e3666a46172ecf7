"""README keeps its promise: the marked test command is what .ci/run executes, and it installs from constraints."""

from __future__ import annotations

import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _marked_block() -> str:
    lines = (REPO / "README.md").read_text(encoding="utf-8").splitlines()
    start = lines.index("<!-- test-command -->")
    assert lines[start + 1].startswith("```"), "the marker must stand right before a fenced block"
    end = next(i for i in range(start + 2, len(lines)) if lines[i].startswith("```"))
    return "\n".join(lines[start + 2 : end])


def test_ci_runs_exactly_the_readme_test_command():
    script = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    awk = script.split("cmd=$(", 1)[1].split(" README.md)", 1)[0]
    extracted = subprocess.run(["bash", "-c", f"{awk} README.md"], cwd=REPO, capture_output=True, text=True,
                               check=True).stdout.strip()
    assert extracted == _marked_block().strip()


def test_both_commands_use_the_constraints_and_a_venv():
    text = (REPO / "README.md").read_text(encoding="utf-8")
    test_cmd = _marked_block()
    assert "-c constraints.txt" in test_cmd and "python3 -m venv .venv" in test_cmd and "pytest" in test_cmd
    app_cmd = "python3 -m venv .venv && .venv/bin/pip install -q -c constraints.txt -e . && .venv/bin/bulletin-desk"
    assert app_cmd in text
