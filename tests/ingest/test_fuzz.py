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


# Realistic bulletin fragments in any order, with any separation: structure lines, headlines with and
# without ，、：, attributions, body text ending a sentence or broken mid-sentence, hard-wrapped runs, page
# debris. Random characters alone almost never build a headline followed by its paragraph, which is
# where a second pass used to decide differently (the blank line that made the headline was dropped).
_CLAUSES = ("今年以来", "某街道坚持党建引领", "全面推进基层治理工作", "共建立议事会12个", "解决群众身边问题300余件",
            "强化阵地建设", "覆盖全部社区", "发放宣传资料1万份", "群众知晓率明显提升", "区里成立工作专班")
_BODY = st.lists(st.sampled_from(_CLAUSES), min_size=1, max_size=6).flatmap(
    lambda parts: st.sampled_from(["。", "，", "；", "", "：", "、"]).map(lambda end: "，".join(parts) + end))
_WRAPPED = st.tuples(_BODY, st.integers(8, 20)).map(
    lambda pair: "\n".join(pair[0][i:i + pair[1]] for i in range(0, len(pair[0]), pair[1])))
_FRAGMENT = st.one_of(
    st.sampled_from(["【工作动态】", "【基层动态】", "【编者按】", "全区新时代文明实践工作推进会召开",
                     "坚持党建引领，凝聚多方力量，推动基层社会治理提质增效", "海淀区：多措并举推进垃圾分类",
                     "广泛凝聚各方力量推动志愿服务常态化制度化发展", "——记某社区志愿服务队", "一、强化组织领导",
                     "（二）完善工作机制", "（某街道）", "（海淀区城管委）", "（供稿：某街道办事处）", "工作简报",
                     "第19期", "（总第2128期）", "某办 2020年4月29日", "— 2 —", "－3－", "7", "第2页", "200",
                     "责编：张三  核稿：李四", "报：市文明办。", "参会单位", "区委宣传部、区文明办、区教委"]),
    _BODY, _WRAPPED)
_DOCUMENT = st.lists(st.tuples(_FRAGMENT, st.sampled_from(["\n", "\n", "\n\n", "\n\n\n"])), max_size=16).map(
    lambda pairs: "".join(fragment + separator for fragment, separator in pairs))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_DOCUMENT)
def test_cleanup_of_realistic_bulletin_fragments_is_idempotent(text: str) -> None:
    once = clean_to_string(text)
    assert clean_to_string(once) == once


def test_a_headline_between_blank_lines_stays_apart_on_a_second_pass() -> None:
    """The case hypothesis found: the blank line made the subtitle a headline the first time only."""
    text = ("【工作动态】\n全区新时代文明实践工作推进会召开\n\n广泛凝聚各方力量推动志愿服务常态化制度化发展\n\n"
            "今年以来，各街道积极行动，志愿服务不断深化。")
    once = clean_to_string(text)
    assert clean_to_string(once) == once
    assert "发展\n\n今年以来" in once


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
