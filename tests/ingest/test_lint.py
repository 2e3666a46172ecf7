"""Guards on the ingest room's source: not tuned to the reference, no Qt, small modules."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from tests.ingest.corpus_support import REFERENCE_TXT

INGEST = Path(__file__).resolve().parents[2] / "src" / "bulletin_desk" / "ingest"
MAX_LINES = 500


def _sources() -> dict[Path, str]:
    return {path: path.read_text(encoding="utf-8") for path in sorted(INGEST.rglob("*.py"))}


def _reference_runs() -> set[str]:
    """Every 4-character run of the reference text (whitespace removed: its breaks are debris).

    Runs made only of ASCII (2020, .com) are not words of the text and would only catch unrelated code.
    """
    reference = re.sub(r"\s+", "", REFERENCE_TXT.read_text(encoding="utf-8"))
    return {reference[i:i + 4] for i in range(len(reference) - 3)} - {""}


def _copied(text: str, runs: set[str]) -> list[str]:
    return sorted(run for run in runs if not run.isascii() and run in text)


def test_no_four_character_run_of_the_reference_text_in_the_rules() -> None:
    """Rules must be general: the reference issue's own words may not appear in ingest/ at all."""
    runs = _reference_runs()
    assert len(runs) > 1500
    found = {path.name: _copied(text, runs) for path, text in _sources().items()}
    assert {name: hits for name, hits in found.items() if hits} == {}


def test_the_lint_would_catch_a_copied_phrase() -> None:
    runs = _reference_runs()
    assert _copied('TITLE_HINT = "高举旗帜"', runs) == ["高举旗帜"]
    assert _copied('DATE = "2020年4月"', runs) != []
    assert _copied('URL = "x.com"', runs) == []


def test_ingest_imports_no_qt_no_sql_no_pymupdf() -> None:
    forbidden = ("PySide6", "PyQt", "fitz", "pymupdf", "sqlite3", "sqlalchemy", "docx")
    for path, text in _sources().items():
        for node in ast.walk(ast.parse(text)):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                assert name.split(".")[0] not in forbidden, f"{path.name} imports {name}"


def test_modules_stay_small() -> None:
    for path, text in _sources().items():
        assert text.count("\n") <= MAX_LINES, path.name


def test_every_rule_element_and_reason_has_both_languages() -> None:
    from bulletin_desk.catalogue import catalogue
    from bulletin_desk.ingest.cleanup import ALL_RULES

    table = catalogue()
    codes = {f"ingest.rule.{rule}" for rule in ALL_RULES}
    pattern = re.compile(r'(?:decide\(\w+, |Decision\(.*?, )"(\w+)", (?:"(\w+)"|"style_name" if)')
    for text in _sources().values():
        for element, reason in pattern.findall(text):
            codes.add(f"ingest.element.{element}")
            if reason:
                codes.add(f"ingest.reason.{reason}")
        fallback = r'(?:reason = |"style_name" if [^"\n]*? else )"(\w+)"'
        codes |= {f"ingest.reason.{r}" for r in re.findall(fallback, text)}
    assert len(codes) > 40
    missing = sorted(code for code in codes if code not in table)
    assert missing == []
