"""The Windows workflow is valid GitHub Actions YAML and says it is unrun (no Windows runner yet)."""

from __future__ import annotations

import subprocess

from tests.packaging.conftest import REPO
from tests.tooling import require_tool

WORKFLOW = REPO / ".github" / "workflows" / "windows-installer.yml"


def test_workflow_validates_against_the_github_schema():
    tool = require_tool("check-jsonschema")
    done = subprocess.run([tool, "--builtin-schema", "vendor.github-workflows", str(WORKFLOW)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_workflow_header_and_steps():
    text = WORKFLOW.read_text(encoding="utf-8")
    header = text.split("\nname:", 1)[0]
    assert "UNRUN" in header and "check-jsonschema" in header
    for needle in ("python packaging/build_windows.py", "windows-2022", "windows-2025", "--self-test",
                   "-m windows", "uninstall.exe", "'/S'"):
        assert needle in text, needle


def _step(text: str, needle: str) -> str:
    """The workflow step (from its ``- name:`` to the next one) whose text contains needle."""
    steps = text.split("\n      - ")
    found = [s for s in steps if needle in s]
    assert len(found) == 1, (needle, len(found))
    return found[0]


def test_build_job_installs_lrelease_before_building():
    """The ubuntu runner's setup-python has no PySide6: without this step the build would not compile the
    .ts (it would fall back to the committed .qm, which only passes while they are current)."""
    text = WORKFLOW.read_text(encoding="utf-8")
    build_job = text.split("\n  test:", 1)[0]
    install = build_job.find("pip install -c constraints.txt PySide6-Essentials")
    assert 0 <= install < build_job.index("python packaging/build_windows.py")


def test_pythonw_log_check_reads_only_what_pythonw_added():
    """The python.exe self-tests before it write 'self-test imports: ok' into the same log file, so a check
    of the whole file could never fail: the step must measure the log first and read only the growth."""
    step = _step(WORKFLOW.read_text(encoding="utf-8"), "self-test under pythonw")
    assert "Select-String" not in step
    measured = step.index("$before = ")
    assert measured < step.index("Start-Process \"$d\\runtime\\BulletinDesk.exe\"")
    assert "GetString($bytes, [int]$before" in step and "'self-test imports: ok'" in step


def test_windows_job_selects_the_locked_file_and_chinese_path_tests():
    """The job's `pytest -m windows` is the issue's "files locked by another process, paths with Chinese
    characters": those tests must carry the mark (which changes nothing in a plain run elsewhere)."""
    import importlib

    wanted = {"tests.archive.test_two_processes": "test_second_process_gets_a_conflict",
              "tests.test_fileio": "test_injected_failures_leave_the_old_file_intact",
              "tests.export.test_docx_files": "test_locked_target_or_full_disk_leaves_the_old_file_intact"}
    for module, name in wanted.items():
        marks = getattr(getattr(importlib.import_module(module), name), "pytestmark", [])
        assert "windows" in [m.name for m in marks], f"{module}::{name} lacks @pytest.mark.windows"
