"""Every corpus input imports to the JSON written for it by hand before the rules were; the reference too."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.ingest.corpus_support import (
    CORPUS,
    REFERENCE_JSON,
    REFERENCE_TXT,
    actual_of,
    corpus_inputs,
    expected_of,
)
from tests.ingest.docx_builders import foreign_bulletin_docx

from bulletin_desk.cli import main
from bulletin_desk.ingest import import_docx_bytes, import_path
from bulletin_desk.model import dumps


def _show(value: dict) -> str:
    return json.dumps(value, ensure_ascii=False, indent=1)


@pytest.mark.parametrize("path", corpus_inputs(), ids=lambda p: p.name)
def test_corpus_input_imports_to_its_expected_json(path: Path) -> None:
    expected = expected_of(path.with_suffix(".expected.json"))
    assert _show(actual_of(import_path(path))) == _show(expected)


def test_foreign_docx_imports_to_its_expected_json() -> None:
    expected = expected_of(CORPUS / "c10_foreign_docx.expected.json")
    assert _show(actual_of(import_docx_bytes(foreign_bulletin_docx()))) == _show(expected)


def test_corpus_is_varied_enough() -> None:
    inputs = corpus_inputs()
    assert len(inputs) + 1 >= 12  # plus the generated foreign DOCX
    raw = {p.name: p.read_bytes() for p in inputs}
    assert any(data[:3] == b"\xef\xbb\xbf" for data in raw.values()), "a UTF-8 file with BOM"
    assert any(p.endswith(".html") for p in raw), "HTML"
    assert sum(1 for data in raw.values() if b"\r\n" in data) >= 2, "CRLF files"
    not_utf8 = 0
    for data in raw.values():
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            not_utf8 += 1
    assert not_utf8 >= 2, "GBK / GB18030 files"


def test_reference_text_imports_byte_equal_to_the_reference_json() -> None:
    result = import_path(REFERENCE_TXT)
    assert result.issue is not None
    assert dumps(result.issue).encode("utf-8") == REFERENCE_JSON.read_bytes()


def test_cli_import_writes_the_reference_byte_equal(tmp_path: Path) -> None:
    out = tmp_path / "out.bdjson"
    assert main(["--lang", "en", "import", str(REFERENCE_TXT), "--json", str(out)]) == 0
    assert out.read_bytes() == REFERENCE_JSON.read_bytes()


def test_cli_import_report_lists_changes_and_decisions(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "zh", "import", str(REFERENCE_TXT), "--report"]) == 0
    out = capsys.readouterr().out
    assert "第19行 [接续断行]" in out  # the paragraph broken by the page break
    assert "（总第2128期）" in out and "形如“（总第M期）”" in out
    assert "段首句（加粗）" in out


def test_cli_import_of_a_legacy_word_file_says_save_as_docx(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    from tests.ingest.docx_builders import ole_file

    doc = tmp_path / "来稿.doc"
    doc.write_bytes(ole_file(("WordDocument", "1Table")))
    assert main(["--lang", "zh", "import", str(doc), "--json", str(tmp_path / "x.bdjson")]) == 1
    assert "请在 Word/WPS 中另存为 .docx 后再导入" in capsys.readouterr().err
