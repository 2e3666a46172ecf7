"""The build's translation step: compiled with lrelease when there is one, else the committed .qm — but
only when it says exactly what its .ts says (the GitHub build machine has Python, NSIS and osslsigncode,
and PySide6 only if the workflow installs it).

Each test builds its own small catalogue in a temporary "repository", so the real resources/i18n (edited
by whoever adds interface strings) cannot make these tests pass or fail; tests/gui/test_i18n.py checks the
real ones against lrelease.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import build_windows
import pytest
import update_translations

TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>App</name>
    <message>
        <source>简报编辑台</source>
        <translation>Bulletin Desk</translation>
    </message>
    <message>
        <source>、</source>
        <comment>list separator</comment>
        <translation>, </translation>
    </message>
    <message>
        <source>第{0}期
“{1}” &amp; 【栏目】</source>
        <translation>No. {0}
“{1}” &amp; 【栏目】</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>简报编辑台</source>
        <translation>Bulletin Desk (window)</translation>
    </message>
    <message>
        <source>保存</source>
        <comment>menu</comment>
        <translation>Save</translation>
    </message>
    <message>
        <source>保存</source>
        <comment>button</comment>
        <translation>Save now</translation>
    </message>
</context>
</TS>
"""


def _catalogue(tmp_path: Path, ts_text: str = TS) -> tuple[Path, Path]:
    """A repo with resources/i18n/demo_en.ts and the .qm lrelease makes of it (the committed pair)."""
    repo = tmp_path / "repo"
    i18n = repo / "resources" / "i18n"
    i18n.mkdir(parents=True)
    ts = i18n / "demo_en.ts"
    ts.write_text(ts_text, encoding="utf-8")
    update_translations.run_lrelease(ts, ts.with_suffix(".qm"))
    return repo, ts


@pytest.fixture
def committed(tmp_path: Path) -> tuple[Path, Path]:
    return _catalogue(tmp_path)


@pytest.fixture
def no_lrelease(committed: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A build machine without lrelease (after ``committed`` used it): an empty PATH, a Python whose
    folder has no pyside6-lrelease, and no importable PySide6 (whose wheel carries an lrelease binary)."""
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    monkeypatch.setattr(sys, "executable", str(empty / "python3"))
    monkeypatch.setitem(sys.modules, "PySide6", None)
    assert build_windows.find_lrelease() is None


def test_without_lrelease_the_committed_qm_is_bundled(committed, tmp_path, no_lrelease, capsys):
    repo, ts = committed
    app = tmp_path / "app"
    made = build_windows.compile_translations(repo, app)
    assert made == [app / "bulletin_desk" / "_resources" / "i18n" / "demo_en.qm"]
    assert made[0].read_bytes() == ts.with_suffix(".qm").read_bytes()
    out = capsys.readouterr().out
    assert "no lrelease found" in out and "committed demo_en.qm" in out, out


def test_without_lrelease_a_stale_qm_stops_the_build(committed, tmp_path, no_lrelease):
    repo, ts = committed
    ts.write_text(TS.replace("<translation>Save now</translation>", "<translation>Save it now</translation>"),
                  encoding="utf-8")
    with pytest.raises(build_windows.BuildError, match="Save it now"):
        build_windows.compile_translations(repo, tmp_path / "app")


def test_without_lrelease_a_new_message_or_an_unfinished_one_stops_the_build(committed, tmp_path, no_lrelease):
    repo, ts = committed
    added = TS.replace("</context>\n</TS>", "    <message>\n        <source>新</source>\n"
                       "        <translation>New</translation>\n    </message>\n</context>\n</TS>")
    ts.write_text(added, encoding="utf-8")
    with pytest.raises(build_windows.BuildError, match="'新'"):
        build_windows.compile_translations(repo, tmp_path / "app")
    ts.write_text(TS.replace("<translation>Save</translation>", '<translation type="unfinished">Save</translation>'),
                  encoding="utf-8")
    with pytest.raises(build_windows.BuildError, match="unfinished"):
        build_windows.compile_translations(repo, tmp_path / "app")


def test_without_lrelease_a_dropped_message_or_a_missing_qm_stops_the_build(committed, tmp_path, no_lrelease):
    repo, ts = committed
    start = TS.index("    <message>\n        <source>保存</source>\n        <comment>button")
    end = TS.index("</message>", start) + len("</message>\n")
    ts.write_text(TS[:start] + TS[end:], encoding="utf-8")
    with pytest.raises(build_windows.BuildError, match=r"in demo_en\.qm but not in demo_en\.ts"):
        build_windows.compile_translations(repo, tmp_path / "app")
    ts.with_suffix(".qm").unlink()
    with pytest.raises(build_windows.BuildError, match=r"demo_en\.qm is missing"):
        build_windows.compile_translations(repo, tmp_path / "app")


def test_with_lrelease_the_ts_is_compiled(tmp_path, capsys):
    """The usual path (and the only one before): the committed .qm is not even looked at."""
    repo, ts = _catalogue(tmp_path)
    expected = ts.with_suffix(".qm").read_bytes()
    ts.with_suffix(".qm").unlink()
    made = build_windows.compile_translations(repo, tmp_path / "app")
    assert [p.name for p in made] == ["demo_en.qm"] and made[0].read_bytes() == expected
    assert "compiled 1 .ts with" in capsys.readouterr().out


def test_qm_reader_agrees_with_lrelease(tmp_path):
    """The reader sees what lrelease wrote: escapes, line breaks, one source in two contexts, comments kept
    where they disambiguate and dropped where they don't."""
    _, ts = _catalogue(tmp_path)
    compiled = update_translations.read_qm(ts.with_suffix(".qm"))
    assert compiled[("App", "简报编辑台", "")] == ["Bulletin Desk"]
    assert compiled[("MainWindow", "简报编辑台", "")] == ["Bulletin Desk (window)"]
    assert compiled[("App", "第{0}期\n“{1}” & 【栏目】", "")] == ["No. {0}\n“{1}” & 【栏目】"]
    assert [compiled.get(("App", "、", c)) for c in ("", "list separator")].count([", "]) == 1
    assert sorted(t for (c, s, _), t in compiled.items() if s == "保存") == [["Save"], ["Save now"]]
    assert len(compiled) == 6
    assert update_translations.qm_problems(ts, ts.with_suffix(".qm")) == []


def test_a_file_that_is_not_a_qm_is_reported(committed, tmp_path, no_lrelease):
    repo, ts = committed
    shutil.copy2(ts, ts.with_suffix(".qm"))
    with pytest.raises(build_windows.BuildError, match=r"not a Qt \.qm file"):
        build_windows.compile_translations(repo, tmp_path / "app")
