"""Text files in every encoding Chinese offices produce: detected, not guessed blindly."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from bulletin_desk.ingest import IngestError, import_path
from bulletin_desk.ingest.textfile import decode_text

SAMPLE = "工作简报\n第 2 期\n标题：关于做好年终工作的通知\n各单位要认真落实。𠮷字只在 GB18030 里有。\n"


@pytest.mark.parametrize(("data", "encoding"), [
    (SAMPLE.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF8 + SAMPLE.encode("utf-8"), "utf-8-sig"),
    (SAMPLE.encode("gb18030"), "gb18030"),
    (SAMPLE.replace("𠮷", "吉").encode("gbk"), "gb18030"),
    (codecs.BOM_UTF16_LE + SAMPLE.encode("utf-16-le"), "utf-16-le"),
])
def test_encodings_are_detected(data: bytes, encoding: str) -> None:
    text, found = decode_text(data)
    assert found == encoding
    assert text.replace("吉", "𠮷") == SAMPLE


def test_random_bytes_are_refused_not_mis_decoded() -> None:
    noise = bytes((i * 37 + 11) % 256 for i in range(600))
    with pytest.raises(IngestError) as caught:
        decode_text(noise)
    assert caught.value.message.code == "ingest.encoding_unknown"


def test_import_path_reports_the_encoding(tmp_path: Path) -> None:
    path = tmp_path / "来稿.txt"
    path.write_bytes(SAMPLE.replace("𠮷", "吉").encode("gbk"))
    result = import_path(path)
    assert result.encoding == "gb18030" and result.issue is not None and result.issue.masthead.number == 2


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(IngestError) as missing:
        import_path(tmp_path / "nope.txt")
    assert missing.value.message.code == "ingest.not_found"
    with pytest.raises(IngestError) as directory:
        import_path(tmp_path)
    assert directory.value.message.code == "ingest.unreadable"


def test_html_file_with_gbk_charset(tmp_path: Path) -> None:
    path = tmp_path / "page.htm"
    html = '<html><head><meta charset="gb2312"></head><body><h1>网页标题</h1><p><b>段首句。</b>正文。</p></body></html>'
    path.write_bytes(html.encode("gbk"))
    result = import_path(path)
    assert result.article is not None and result.article.title == "网页标题"
    assert result.article.paragraphs[0].lead == "段首句。"


def test_bdjson_passes_through(tmp_path: Path) -> None:
    from tests.ingest.corpus_support import REFERENCE_JSON

    result = import_path(REFERENCE_JSON)
    assert result.source_format == "bdjson" and result.issue is not None


@pytest.mark.parametrize(("data", "code"), [
    (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nstream\n\x00\x01\x02\nendstream", "ingest.pdf"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "ingest.image"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF", "ingest.image"),
    (b"{\\rtf1\\ansi\\ansicpg936 {\\fonttbl} \\par \xb2\xe2\xca\xd4}", "ingest.rtf"),
])
def test_a_file_that_is_not_text_is_named_for_what_it_is(tmp_path: Path, data: bytes, code: str) -> None:
    """A PDF or picture saved as .txt is not an encoding problem: "save as UTF-8" would mislead."""
    path = tmp_path / "来稿.txt"
    path.write_bytes(data)
    with pytest.raises(IngestError) as caught:
        import_path(path)
    assert caught.value.message.code == code


def test_utf8_with_one_damaged_byte_says_so_and_where() -> None:
    data = bytearray(("工作简报\n第 2 期\n" + "各单位要认真落实。" * 20).encode("utf-8"))
    data[40] = 0xFF
    with pytest.raises(IngestError) as caught:
        decode_text(bytes(data))
    assert caught.value.message.code == "ingest.utf8_damaged"
    assert caught.value.message.params["offset"] in (38, 39, 40)
    truncated = SAMPLE.replace("𠮷", "吉").encode("utf-8")[:-2]  # cut inside the last character
    with pytest.raises(IngestError) as cut:
        decode_text(truncated)
    assert cut.value.message.code == "ingest.utf8_damaged"
