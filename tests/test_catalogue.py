"""The message catalogue: every code the core uses exists in both languages with the same parameters."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

from bulletin_desk.catalogue import Message, catalogue

SRC = Path(__file__).resolve().parents[1] / "src" / "bulletin_desk"
_CODE = re.compile(r"^(core|model|archive|layout|render|export|ingest|cli|packaging|gui|review)(\.[a-z0-9_]+)+$")
_CALLS_TAKING_CODES = {"msg", "Message", "say", "t", "error_code", "add", "fail", "warn", "problem"}


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def _codes_used_in_source() -> dict[str, str]:
    used: dict[str, str] = {}
    for path in SRC.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if not (name in _CALLS_TAKING_CODES or name.endswith(("Error", "Warning"))):
                continue
            for arg in node.args:
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and _CODE.match(arg.value):
                    used[arg.value] = f"{path.relative_to(SRC)}:{node.lineno}"
    return used


def test_every_code_used_is_in_the_catalogue():
    table = catalogue()
    missing = {code: where for code, where in _codes_used_in_source().items() if code not in table}
    assert not missing, f"message codes used but not in catalogue/: {missing}"


def test_both_languages_take_the_same_parameters():
    for code, (zh, en) in catalogue().items():
        assert zh.strip() and en.strip(), code
        assert _fields(zh) == _fields(en), f"{code}: zh {_fields(zh)} != en {_fields(en)}"
        assert re.search(r"[\u4e00-\u9fff]", zh), f"{code}: the Chinese text has no Chinese"


def test_codes_live_in_their_room_table():
    import importlib

    for room in ("core", "model", "cli"):
        module = importlib.import_module(f"bulletin_desk.catalogue.{room}")
        assert all(code.startswith(room + ".") for code in module.MESSAGES), room


def test_rendering():
    m = Message("model.json.unknown_key", {"path": "masthead.colour", "key": "colour"})
    assert m.render("zh") == "masthead.colour：未知字段“colour”（bulletin-desk/1 中没有这个字段）"
    assert m.render("en").startswith("masthead.colour: unknown key")


def test_default_lang_follows_environment(monkeypatch):
    from bulletin_desk.catalogue import default_lang

    for var in ("BULLETIN_DESK_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    assert default_lang() == "en"
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert default_lang() == "zh"
    monkeypatch.setenv("LC_ALL", "C.UTF-8")
    assert default_lang() == "zh"  # C: no preference, Chinese first
    monkeypatch.setenv("BULLETIN_DESK_LANG", "en")
    assert default_lang() == "en"
