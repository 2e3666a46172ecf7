"""import / export of bulletin-desk/1, the optional DOCX/PDF/ingest hooks, and atomic writes."""

from __future__ import annotations

import errno
import json
from pathlib import Path

import pytest

from bulletin_desk import fileio
from bulletin_desk.cli import import_export_cmds

from .conftest import REFERENCE


def test_export_json_is_byte_equal_to_the_reference(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "out.bdjson"
    result = run("export", "2020-19", "--json", str(out))
    assert result.code == 0, result.err
    assert out.read_bytes() == REFERENCE.read_bytes()


def test_import_with_an_unknown_key_exits_1_naming_it(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(REFERENCE.read_text(encoding="utf-8"))
    data["sections"][0]["articles"][1]["colour"] = "red"
    bad = tmp_path / "bad.bdjson"
    bad.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    for lang in ("zh", "en"):
        result = run("import", str(bad), "--into-archive", lang=lang)
        assert result.code == 1
        assert "sections[0].articles[1].colour" in result.err and "colour" in result.err
        assert len(result.err.strip().splitlines()) == 1
    assert "#2" not in run("list").out


def test_import_to_json_and_into_archive(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "copy.bdjson"
    assert run("import", str(REFERENCE), "--json", str(out)).code == 0
    assert out.read_bytes() == REFERENCE.read_bytes()
    result = run("import", str(REFERENCE), "--into-archive")
    assert result.code == 0 and "#2" in result.out
    listing = run("list").out
    assert listing.count("2020年第19期（总第2128期）") == 2 and listing.count("〔样例〕") == 1


def test_import_summary_and_report(run) -> None:  # type: ignore[no-untyped-def]
    result = run("import", str(REFERENCE), "--report")
    assert result.code == 0
    assert "首都精神文明建设情况简报 2020年第19期（总第2128期）" in result.out and "字" in result.out


def test_import_missing_file(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = run("import", str(tmp_path / "nope.bdjson"))
    assert result.code == 1 and "nope.bdjson" in result.err


def test_other_formats_go_to_ingest_when_present(run, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from bulletin_desk.model import Article, Paragraph

    class Result:
        issue = None
        article = Article(title="单篇稿件", source="朝阳区", paragraphs=[Paragraph(text="正文。")])

        def report_lines(self, lang: str) -> list[str]:
            return [f"report in {lang}"]

    seen: list[Path] = []

    def fake_import_path(path: Path) -> Result:
        seen.append(path)
        return Result()

    monkeypatch.setattr(import_export_cmds, "optional_function",
                        lambda dotted: fake_import_path if dotted.endswith(":import_path") else None)
    src = tmp_path / "稿件.txt"
    src.write_text("单篇稿件\n正文。", encoding="utf-8")
    out = tmp_path / "wrapped.bdjson"
    result = run("import", str(src), "--json", str(out), "--report")
    assert result.code == 0 and seen == [src] and "report in zh" in result.out
    assert json.loads(out.read_text(encoding="utf-8"))["sections"][0]["articles"][0]["title"] == "单篇稿件"


def test_missing_rooms_say_not_available(run, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(import_export_cmds, "optional_function", lambda dotted: None)
    for flag in ("--docx", "--pdf"):
        result = run("export", "2020-19", flag, str(tmp_path / "x"))
        assert result.code == 1 and "本版本尚不支持" in result.err
    src = tmp_path / "a.docx"
    src.write_bytes(b"PK")
    result = run("import", str(src))
    assert result.code == 1 and ".docx" in result.err


def test_export_calls_the_docx_and_pdf_writers(run, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    calls: list[tuple[str, str, Path]] = []

    def writer_for(dotted: str):  # type: ignore[no-untyped-def]
        def write(issue, path):  # type: ignore[no-untyped-def]
            calls.append((dotted, issue.masthead.title, Path(path)))

        return write

    monkeypatch.setattr(import_export_cmds, "optional_function", writer_for)
    assert run("export", "2020-19", "--docx", str(tmp_path / "a.docx")).code == 0
    assert run("export", str(REFERENCE), "--pdf", str(tmp_path / "a.pdf")).code == 0
    assert [c[0] for c in calls] == ["bulletin_desk.export:write_docx", "bulletin_desk.render.pdf:write_pdf"]
    assert all(c[1] == "首都精神文明建设情况简报" for c in calls)


def test_optional_function_finds_real_modules_and_tolerates_absent_ones() -> None:
    assert import_export_cmds.optional_function("bulletin_desk.model:loads") is not None
    assert import_export_cmds.optional_function("bulletin_desk.no_such_room:f") is None
    assert import_export_cmds.optional_function("bulletin_desk.model:no_such_function") is None


def test_export_on_a_full_disk_leaves_the_old_file(run, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "out.bdjson"
    out.write_text("old", encoding="utf-8")
    run("list")  # create the archive first

    def full(src: str, dst: str) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(fileio, "_replace", full)
    result = run("export", "2020-19", "--json", str(out))
    assert result.code == 1 and "磁盘空间不足" in result.err
    assert out.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == ["out.bdjson"]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_export_of_a_missing_issue(run, tmp_path: Path, lang: str) -> None:  # type: ignore[no-untyped-def]
    result = run("export", "#42", "--json", str(tmp_path / "x.bdjson"), lang=lang)
    assert result.code == 1 and "42" in result.err
    assert not (tmp_path / "x.bdjson").exists()


def test_export_docx_says_where_control_characters_were_removed(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The DOCX is written, but the editor learns on stderr that text was changed, and where."""
    data = json.loads(REFERENCE.read_text(encoding="utf-8"))
    data["sections"][0]["articles"][0]["paragraphs"][1]["text"] = "守护\u000b在基层"
    source = tmp_path / "控制字符.bdjson"
    source.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    target = tmp_path / "out.docx"
    result = run("export", str(source), "--docx", str(target))
    assert result.code == 0 and target.exists()
    assert "第1栏第1篇第2段" in result.err and "控制字符" in result.err
