"""Windows-safety rules over src/: every text-mode open names its encoding (a Chinese Windows defaults to
cp936, and the archive's exports must not depend on that)."""

from __future__ import annotations

import ast
import re

from tests.packaging.conftest import REPO

SRC = REPO / "src" / "bulletin_desk"
TEXT_CALLS = {"read_text", "write_text"}


_MODE = re.compile(r"^[rwaxbt+]+$")
NOT_FILE_OPENERS = {"os", "zipfile", "tarfile", "gzip", "webbrowser", "Image", "zf", "tar", "QDesktopServices"}


def _mode(call: ast.Call, position: int) -> str | None:
    """The mode argument if it is a literal mode string; "r" when absent; None when unknown."""
    for kw in call.keywords:
        if kw.arg == "mode":
            return str(kw.value.value) if isinstance(kw.value, ast.Constant) else None
    if len(call.args) > position:
        arg = call.args[position]
        if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and _MODE.match(arg.value):
            return arg.value
        return None
    return "r"


def _offences(source: str) -> list[int]:
    lines = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        keywords = {kw.arg for kw in node.keywords}
        if "encoding" in keywords or None in keywords:
            continue
        if isinstance(func, ast.Name) and func.id == "open":
            mode = _mode(node, 1)
        elif isinstance(func, ast.Attribute) and func.attr == "open":
            if isinstance(func.value, ast.Name) and func.value.id in NOT_FILE_OPENERS:
                continue
            mode = _mode(node, 0)
        elif isinstance(func, ast.Attribute) and func.attr in TEXT_CALLS:
            mode = "r"
        else:
            continue
        if mode is not None and "b" not in mode:
            lines.append(node.lineno)
    return sorted(lines)


def test_every_text_open_names_its_encoding():
    offences = {}
    for path in SRC.rglob("*.py"):
        found = _offences(path.read_text(encoding="utf-8"))
        if found:
            offences[str(path.relative_to(SRC))] = found
    assert offences == {}, f"open()/read_text()/write_text() without encoding= (file: lines): {offences}"


def test_the_rule_has_teeth():
    assert _offences("open('a.txt')\nPath('x').read_text()\np.open('w')\n") == [1, 2, 3]
    assert _offences("open('a', 'rb')\nPath('x').read_text(encoding='utf-8')\np.open('rb')\nos.open(p, 1)\n"
                     "zf.open('word/document.xml')\nf.open(QIODevice.ReadOnly)\n") == []
