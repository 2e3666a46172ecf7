"""Hypothesis: random text, HTML and DOCX mutations never crash the importer; cleanup is idempotent."""

from __future__ import annotations

import contextlib
import io
import zipfile

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.ingest.corpus_support import REFERENCE_TXT
from tests.ingest.docx_builders import foreign_bulletin_docx, rewrite_part

from bulletin_desk.ingest import IngestError, import_docx_bytes, import_html, import_text
from bulletin_desk.ingest.cleanup import clean_to_string

# Characters the rules care about, so random text hits them often: CJK, both punctuation widths,
# quotes, brackets, digits, Latin, spaces of every kind, Kangxi radicals, invisible characters.
_ALPHABET = st.sampled_from(list(
    "工作简报第期总增刊年月日〇一二三十【】（）()，。、；：？！,.;:?!\"'“”‘’《》…-—－"
    "0123456789５ＡaZ  \u3000\u00a0\u200b\t\r\n\f\u2f49\uf900报送发抄责编核稿电话（供稿）按语编者"
    "https://x.cn/a@b.cn"))
_TEXT = st.text(alphabet=_ALPHABET, max_size=300) | st.text(max_size=200)
_LINES = st.lists(st.sampled_from([
    "工作简报", "第 3 期", "（总第 12 期）", "增刊", "某办 2021年3月5日", "【栏目】", "【编者按】", "按语:值得学习.",
    "一篇标题", "一、小标题", "（1）细项", "强化引导，营造氛围。后面内容还有很多很多很多很多。",
    "这一行足够长但没有句末标点会被接起来",
    "（某单位）", "报:市委。", "发:各区。(共印 3 份)", "责编:甲 核稿:乙", "— 2 —", "", "1.2万人参加", '"引号"测试...--',
]), max_size=30).map("\n".join)
_SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_SETTINGS
@given(_TEXT | _LINES)
def test_random_text_imports_without_crashing(text: str) -> None:
    try:
        result = import_text(text)
    except IngestError as exc:
        assert exc.message.code == "ingest.empty"
        assert not clean_to_string(text)
        return
    assert (result.issue is None) != (result.article is None)
    result.report_lines("zh")
    result.report_lines("en")


@_SETTINGS
@given(_TEXT | _LINES)
def test_cleanup_is_idempotent(text: str) -> None:
    once = clean_to_string(text)
    assert clean_to_string(once) == once


def test_cleanup_of_the_reference_is_idempotent() -> None:
    once = clean_to_string(REFERENCE_TXT.read_text(encoding="utf-8"))
    assert clean_to_string(once) == once


_TAGS = st.sampled_from(["<p>", "</p>", "<b>", "</b>", "<strong>", "<div align=center>", "</div>", "<br>",
                         "<h1>", "</h1>", "<span style='font-size:22pt'>", "</span>", "<script>", "</script>",
                         "<style>", "&nbsp;", "&ldquo;", "&#x4e00;", "&bogus;", "<!--", "-->", "<![CDATA[", "<table>",
                         "<td>", "<", ">", "=\"", "'"])


@_SETTINGS
@given(st.lists(_TAGS | _TEXT, max_size=40).map("".join))
def test_random_html_imports_without_crashing(html: str) -> None:
    try:
        result = import_html(html)
    except IngestError as exc:
        assert exc.message.code == "ingest.empty"
        return
    assert (result.issue is None) != (result.article is None)


_BASE_DOCX = foreign_bulletin_docx()
_DOCUMENT_XML = zipfile.ZipFile(io.BytesIO(_BASE_DOCX)).read("word/document.xml")


@_SETTINGS
@given(st.lists(st.tuples(st.integers(0, len(_BASE_DOCX) - 1), st.integers(0, 255)), min_size=1, max_size=8))
def test_byte_flipped_docx_fails_cleanly_or_imports(flips: list[tuple[int, int]]) -> None:
    data = bytearray(_BASE_DOCX)
    for offset, value in flips:
        data[offset] = value
    with contextlib.suppress(IngestError):
        import_docx_bytes(bytes(data))


@_SETTINGS
@given(st.integers(0, len(_DOCUMENT_XML)), st.integers(0, 200), st.binary(max_size=40) | _TAGS.map(str.encode))
def test_mutated_document_xml_fails_cleanly_or_imports(at: int, cut: int, insert: bytes) -> None:
    xml = _DOCUMENT_XML[:at] + insert + _DOCUMENT_XML[at + cut:]
    with contextlib.suppress(IngestError):
        import_docx_bytes(rewrite_part(_BASE_DOCX, "word/document.xml", xml))
