"""Language (issue 6): every user-visible string through tr(), complete catalogues, compiled .qm in step.

- The lint parses gui/*.py and app.py and fails on a string literal with CJK characters outside a
  tr()/translate()/QT_TRANSLATE_NOOP call, and on a tr() whose text is not a literal (an f-string
  cannot be looked up). Docstrings are exempt. A module may exempt justified literals — text that is
  not interface, such as the bulletin's own Chinese typography or a language's own name — by listing
  them in a module-level ``NOT_TRANSLATED = frozenset({...})`` of literals or module constants.
- The catalogues: lupdate over today's sources finds nothing the committed .ts lack (and the .ts hold
  nothing the sources dropped); every message finished and non-empty; lrelease of the committed .ts
  gives exactly the committed .qm. The fix for any of these: ``python packaging/update_translations.py``.
- The window follows the chosen language, Qt's standard buttons too, and core Messages with it.
"""

from __future__ import annotations

import ast
import importlib.util
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel, QMessageBox

from bulletin_desk import app as app_module
from bulletin_desk.catalogue import BulletinDeskError
from bulletin_desk.gui import i18n, messages
from bulletin_desk.gui.settings import Settings

REPO = Path(__file__).resolve().parents[2]
CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")
TR_NAMES = frozenset({"tr", "translate", "QT_TRANSLATE_NOOP", "QT_TR_NOOP", "QT_TRANSLATE_NOOP3"})
ALLOW_LIST_NAME = "NOT_TRANSLATED"


def _update_translations() -> ModuleType:
    """packaging/update_translations.py (the folder name would shadow the PyPI `packaging` package)."""
    name = "bulletin_desk_update_translations"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, REPO / "packaging" / "update_translations.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


def linted_files() -> list[Path]:
    """The same files lupdate reads: a string the lint accepts is one the catalogues must hold."""
    return _update_translations().source_files(REPO)


def _call_name(call: ast.Call) -> str | None:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else None


def _is_tr_call(call: ast.Call) -> bool:
    name = _call_name(call)
    if name == "translate":  # QCoreApplication.translate, not QPainter.translate(point)
        return isinstance(call.func, ast.Attribute) and isinstance(call.func.value, ast.Name) and \
            call.func.value.id in ("QCoreApplication", "QApplication", "QGuiApplication")
    return name in TR_NAMES


def allow_list(tree: ast.Module) -> tuple[frozenset[str], set[int]]:
    """The module's NOT_TRANSLATED values and the ids of the literal nodes that define them."""
    constants: dict[str, ast.Constant] = {}
    collections: dict[str, ast.Set | ast.List | ast.Tuple] = {}
    values: set[str] = set()
    nodes: set[int] = set()
    for stmt in tree.body:
        target, value = None, None
        if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name):
            target, value = stmt.targets[0].id, stmt.value
        elif isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name) and stmt.value is not None:
            target, value = stmt.target.id, stmt.value
        if target is None or value is None:
            continue
        if isinstance(value, ast.Constant) and isinstance(value.value, str):
            constants[target] = value
        if isinstance(value, ast.Set | ast.List | ast.Tuple):
            collections[target] = value
        if target == ALLOW_LIST_NAME:
            members = value.args[0] if isinstance(value, ast.Call) and value.args else None
            if isinstance(members, ast.Name):
                members = collections.get(members.id)
            assert isinstance(members, ast.Set | ast.List | ast.Tuple), \
                f"{ALLOW_LIST_NAME} must be frozenset({{literals or module constants}}) or frozenset(MODULE_TUPLE)"
            for element in members.elts:
                if isinstance(element, ast.Name) and element.id in constants:
                    element = constants[element.id]
                assert isinstance(element, ast.Constant) and isinstance(element.value, str), \
                    f"{ALLOW_LIST_NAME} may list only string literals or module-level string constants"
                values.add(element.value)
                nodes.add(id(element))
    return frozenset(values), nodes


def lint_source(text: str, filename: str = "<string>") -> list[str]:
    """Offences in one module: untranslated CJK literals and tr() calls without a literal text."""
    tree = ast.parse(text, filename)
    allowed, allow_nodes = allow_list(tree)
    exempt: set[int] = set(allow_nodes)
    problems: list[str] = []
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and body and \
                isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
            exempt.add(id(body[0].value))  # docstring
        if isinstance(node, ast.Call) and _is_tr_call(node):
            texts = node.args[1:2] if _call_name(node) in ("translate", "QT_TRANSLATE_NOOP", "QT_TRANSLATE_NOOP3") \
                else node.args[:1]
            for arg in texts:
                if not (isinstance(arg, ast.Constant) and isinstance(arg.value, str)):
                    problems.append(f"{filename}:{node.lineno}: {_call_name(node)}() needs a string literal "
                                    f"(lupdate cannot read {ast.unparse(arg)[:60]}); use tr('…{{0}}…').format(x)")
            exempt.update(id(arg) for arg in node.args if isinstance(arg, ast.Constant))
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and CJK.search(node.value) and \
                id(node) not in exempt and node.value not in allowed:
            problems.append(f"{filename}:{node.lineno}: untranslated {node.value[:40]!r}: wrap it in self.tr() "
                            f"(or list it in {ALLOW_LIST_NAME} if it is not interface text)")
    return problems


# ---- the lint -----------------------------------------------------------------------------------------

def test_no_untranslated_chinese_in_gui() -> None:
    problems = [p for path in linted_files()
                for p in lint_source(path.read_text(encoding="utf-8"), str(path.relative_to(REPO)))]
    assert not problems, "\n".join(problems)


def test_lint_catches_what_it_should() -> None:
    """The lint itself: offenders found, translations, docstrings and the allow-list let through."""
    bad = '''
def f(self):
    """文档字符串可以是中文。"""
    a = "未翻译"
    b = f"共{n}页"
    c = self.tr(f"共{n}页")
    d = QCoreApplication.translate("Ctx", "第{0}期").format(1)
    e = self.tr("保存") + "、"
    painter.translate("点")
'''
    found = lint_source(bad)
    assert {int(p.split(":")[1]) for p in found} == {4, 5, 6, 8, 9}, found
    assert any("'未翻译'" in p for p in found) and any("needs a string literal" in p for p in found)
    assert any("'、'" in p for p in found) and any("'点'" in p for p in found)
    allowed = 'SEP = "　"\nNOT_TRANSLATED = frozenset({SEP, "中文"})\nx = SEP + "中文" + "　"\n'
    assert lint_source(allowed) == []
    marks = 'MARKS = ("", "秘密")\nNOT_TRANSLATED = frozenset(MARKS)\nbox.addItems(MARKS)\ny = "机密"\n'
    assert [int(p.split(":")[1]) for p in lint_source(marks)] == [4]


# ---- the catalogues -----------------------------------------------------------------------------------

def _catalogues() -> dict[str, Path]:
    tool = _update_translations()
    return {language: REPO / "resources" / "i18n" / f"{stem}.ts" for language, stem in tool.CATALOGUES.items()}


def test_catalogues_complete_and_finished() -> None:
    tool = _update_translations()
    for language, ts in _catalogues().items():
        assert ts.is_file(), f"{ts} missing: run packaging/update_translations.py"
        found = tool.read_ts(ts)
        assert len(found) > 200
        bad = [m for m in found if m.kind or not m.translation.strip()]
        assert not bad, f"{ts.name}: unfinished, vanished or empty: {[(m.context, m.source) for m in bad][:20]}"
        if language == tool.SOURCE_LANGUAGE:
            assert [m for m in found if m.translation != m.source] == []


def test_english_has_no_chinese_left_but_quoted_typography() -> None:
    """English may keep Chinese only where it shows the document's own marks (一、, （一）, 【】)."""
    tool = _update_translations()
    for m in tool.read_ts(_catalogues()["en"]):
        rest = re.sub(r"一、|（一）|（1）|【[^】]*】|“|”", "", m.translation)
        assert not re.search(r"[\u4e00-\u9fff]", rest), (m.context, m.source, m.translation)


def test_every_source_string_is_in_the_catalogues(tmp_path: Path) -> None:
    tool = _update_translations()
    fresh = tmp_path / "fresh_en.ts"
    tool.run_lupdate(tool.source_files(REPO), fresh, "en")
    wanted = {m.key for m in tool.read_ts(fresh)}
    for ts in _catalogues().values():
        have = {m.key for m in tool.read_ts(ts)}
        missing, stale = sorted(wanted - have), sorted(have - wanted)
        assert not missing, f"{ts.name} lacks (run packaging/update_translations.py, translate, commit): {missing}"
        assert not stale, f"{ts.name} holds strings the sources dropped (run packaging/update_translations.py): {stale}"


def test_committed_qm_matches_lrelease_of_committed_ts(tmp_path: Path) -> None:
    tool = _update_translations()
    for ts in _catalogues().values():
        rebuilt = tmp_path / (ts.stem + ".qm")
        tool.run_lrelease(ts, rebuilt)
        committed = ts.with_suffix(".qm")
        assert committed.is_file(), f"{committed.name} missing: run packaging/update_translations.py"
        assert committed.read_bytes() == rebuilt.read_bytes(), \
            f"{committed.name} is not lrelease of {ts.name}: run packaging/update_translations.py"


# ---- the running window -------------------------------------------------------------------------------

@pytest.fixture
def restore_language(qapp: QApplication) -> Iterator[None]:
    yield
    i18n.clear_language(qapp)


def _window_in(lang: str, qapp: QApplication, tmp_path: Path) -> app_module.Session:
    i18n.install_language(qapp, lang)  # type: ignore[arg-type]
    return app_module.open_session(tmp_path / "archive.sqlite3", Settings(), lambda _w, _e: True)


def _close(session: app_module.Session) -> None:
    window = session.window
    assert window is not None
    window.doc.stack.setClean()
    window.close()
    window.runner.wait_idle(5000)
    session.close()
    window.deleteLater()


@pytest.mark.parametrize(("lang", "file_menu", "save", "edit_menu"), [
    ("en", "&File", "&Save", "&Edit"),
    ("zh", "文件(&F)", "保存(&S)", "编辑(&E)"),
])
def test_window_speaks_the_chosen_language(qapp, qtbot, tmp_path, fake_archive, restore_language, monkeypatch,
                                           lang, file_menu, save, edit_menu) -> None:
    session = _window_in(lang, qapp, tmp_path)
    window = session.window
    try:
        qtbot.addWidget(window)
        menus = [a.text() for a in window.menuBar().actions()]
        assert menus[:2] == [file_menu, edit_menu]
        assert window.act_save.text() == save
        # a core catalogue Message shown by the window follows the same language
        shown: list[str] = []
        monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: shown.append(text))
        error = BulletinDeskError("archive.full", path="x.sqlite3")

        def refuse(*_a, **_k):
            raise error

        monkeypatch.setattr(window.link, "save", refuse)
        window.act_save.trigger()
        assert shown == [error.render(lang)]
        assert messages.language() == lang
    finally:
        _close(session)


def test_english_and_chinese_messages_differ() -> None:
    error = BulletinDeskError("archive.full", path="x.sqlite3")
    assert error.render("en") != error.render("zh") and not CJK.search(error.render("en").replace("x.sqlite3", ""))


@pytest.mark.parametrize(("lang", "ok", "cancel"), [("zh", "确定", "取消"), ("en", "OK", "Cancel")])
def test_qt_standard_buttons_follow_the_language(qapp, qtbot, restore_language, lang, ok, cancel) -> None:
    i18n.install_language(qapp, lang)  # type: ignore[arg-type]
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    texts = [box.button(b).text().replace("&", "") for b in (QDialogButtonBox.StandardButton.Ok,
                                                            QDialogButtonBox.StandardButton.Cancel)]
    assert texts == [ok, cancel]


def test_language_choice(monkeypatch) -> None:
    monkeypatch.delenv("BULLETIN_DESK_LANG", raising=False)
    monkeypatch.setattr(i18n, "system_language", lambda: "en")
    assert i18n.choose_language("") == "en"
    assert i18n.choose_language("zh") == "zh"
    assert i18n.choose_language("zh", "en") == "en"  # --lang wins over 设置
    monkeypatch.setenv("BULLETIN_DESK_LANG", "zh_CN")
    assert i18n.choose_language("en") == "zh"
    assert i18n.choose_language("en", "en") == "en"


def test_system_language_follows_qlocale(monkeypatch) -> None:
    from PySide6.QtCore import QLocale

    for name, expected in (("zh_CN", "zh"), ("zh_TW", "zh"), ("en_US", "en"), ("de_DE", "en")):
        monkeypatch.setattr(QLocale, "system", staticmethod(lambda n=name: QLocale(n)))
        assert i18n.system_language() == expected, name


def test_cli_lang_reaches_the_app(monkeypatch) -> None:
    import argparse

    from bulletin_desk.cli.context import CliContext

    assert CliContext.from_args(argparse.Namespace(lang="en"), "en").lang_explicit
    assert not CliContext.from_args(argparse.Namespace(lang=None), "zh").lang_explicit


def test_settings_dialog_says_language_applies_at_next_start(qtbot, restore_language, qapp) -> None:
    from bulletin_desk.gui.settings_dialog import SettingsDialog

    i18n.install_language(qapp, "en")
    dialog = SettingsDialog(Settings(language="zh"))
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Settings"
    assert [dialog.language.itemText(i) for i in range(dialog.language.count())] == \
        ["System default", "中文", "English"]
    assert dialog.language.currentData() == "zh"
    labels = [label.text() for label in dialog.findChildren(QLabel)]
    assert any("next time" in text for text in labels), labels
