"""DOCX import: our own export (untouched, edited in Word, embedded data damaged), and malformed files."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from docx import Document
from tests.ingest.corpus_support import REFERENCE_JSON
from tests.ingest.docx_builders import OLE_MAGIC, foreign_bulletin_docx, ole_file, rewrite_part, zip_bomb_docx

from bulletin_desk.ingest import IngestError, import_docx_bytes, import_path
from bulletin_desk.ingest import docx_contract as contract
from bulletin_desk.ingest.docx_package import MAX_PART_BYTES
from bulletin_desk.model import dumps, loads


@pytest.fixture(scope="module")
def exported() -> bytes:
    """The reference issue exported by export/ (the writer side of the contract)."""
    from bulletin_desk.export import build_docx_bytes

    return build_docx_bytes(loads(REFERENCE_JSON.read_bytes()))


def _document_xml(docx: bytes) -> str:
    return zipfile.ZipFile(io.BytesIO(docx)).read("word/document.xml").decode("utf-8")


def test_contract_matches_the_writer(exported: bytes) -> None:
    from lxml import etree

    from bulletin_desk.export import embedded, styles

    assert (contract.BD_NS, contract.HASH_ALGORITHM) == (embedded.BD_NS, embedded.HASH_ALGORITHM)
    assert {s.name: s.role.value for s in styles.ROLE_STYLES.values()} == {
        name: role.value for name, role in contract.STYLE_ROLES.items()}
    document = _document_xml(exported).encode("utf-8")
    assert contract.body_hash(etree.fromstring(document)) == embedded.body_hash(document)


def test_our_untouched_docx_gives_the_identical_issue(exported: bytes) -> None:
    result = import_docx_bytes(exported)
    assert result.source_format == "docx-own" and result.issue is not None
    assert dumps(result.issue).encode("utf-8") == REFERENCE_JSON.read_bytes()
    assert result.notices[0].code == "ingest.docx_unchanged"


def test_word_edits_are_read_back_by_style_and_reported(exported: bytes) -> None:
    xml = _document_xml(exported)
    edited = xml.replace("千余只口罩", "两千余只口罩").replace("延庆区文明办", "延庆区委宣传部")
    assert edited != xml
    result = import_docx_bytes(rewrite_part(exported, "word/document.xml", edited.encode("utf-8")))
    assert result.issue is not None
    expected = loads(REFERENCE_JSON.read_bytes())
    expected.sections[0].articles[0].paragraphs[1].text = expected.sections[0].articles[0].paragraphs[1].text \
        .replace("千余只口罩", "两千余只口罩")
    expected.sections[0].articles[2].source = "延庆区委宣传部"
    assert dumps(result.issue) == dumps(expected)  # nothing else lost in the round trip through the styles
    notice = result.notices[0]
    assert notice.code == "ingest.docx_edited"
    assert "sections[0].articles[0].paragraphs[1].text" in str(notice.params["fields"])
    assert "sections[0].articles[2].source" in str(notice.params["fields"])


def test_damaged_embedded_data_falls_back_to_the_styles(exported: bytes) -> None:
    item = zipfile.ZipFile(io.BytesIO(exported)).read(contract.ITEM_PART).decode("utf-8")
    broken = item.replace("bulletin-desk/1", "bulletin-desk/99")
    result = import_docx_bytes(rewrite_part(exported, contract.ITEM_PART, broken.encode("utf-8")))
    assert result.issue is not None and result.notices[0].code == "ingest.docx_embedded_bad"
    assert dumps(result.issue).encode("utf-8") == REFERENCE_JSON.read_bytes()


def test_foreign_docx_keeps_table_cells_as_plain_paragraphs() -> None:
    result = import_docx_bytes(foreign_bulletin_docx())
    assert result.issue is not None and result.source_format == "docx"
    texts = [p.text for p in result.issue.articles()[0].paragraphs]
    assert "新增企业" in texts and "15家" in texts


def test_deleted_tracked_text_does_not_count_and_inserted_text_does() -> None:
    doc = Document()
    doc.add_paragraph("一篇来稿的标题")
    doc.add_paragraph("正文第一句。第二句。")
    data = io.BytesIO()
    doc.save(data)
    w = contract.W_NS
    xml = _document_xml(data.getvalue()).replace(
        "<w:r><w:t>正文第一句。第二句。</w:t></w:r>",
        f'<w:r><w:t>正文第一句。</w:t></w:r><w:del w:id="1" w:author="x" xmlns:w="{w}"><w:r><w:delText>删掉的'
        f'</w:delText></w:r></w:del><w:ins w:id="2" w:author="x"><w:r><w:t>插入的。</w:t></w:r></w:ins>'
        "<w:r><w:t>第二句。</w:t></w:r>")
    result = import_docx_bytes(rewrite_part(data.getvalue(), "word/document.xml", xml.encode("utf-8")))
    assert result.article is not None
    assert result.article.paragraphs[0].text == "正文第一句。插入的。第二句。"


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(("name", "data", "code"), [
    ("garbage.docx", b"this is not a zip at all", "ingest.docx_not_zip"),
    ("truncated.docx", b"PK\x03\x04" + b"\0" * 40, "ingest.docx_not_zip"),
    ("old.doc", ole_file(("WordDocument", "1Table")), "ingest.legacy_word"),
    ("renamed.docx", ole_file(("WordDocument", "1Table")), "ingest.legacy_word"),
    ("kingsoft.wps", ole_file(("WordDocument",)), "ingest.legacy_word"),
    ("renamed-wps.txt", ole_file(("WordDocument",)), "ingest.legacy_word"),
    ("text-named.doc", "不是 Word 文件".encode(), "ingest.legacy_word"),
    ("secret.docx", ole_file(("EncryptionInfo", "EncryptedPackage")), "ingest.docx_encrypted"),
])
def test_malformed_files_give_a_clear_message(tmp_path: Path, name: str, data: bytes, code: str) -> None:
    with pytest.raises(IngestError) as caught:
        import_path(_write(tmp_path, name, data))
    assert caught.value.message.code == code
    if code == "ingest.legacy_word":
        assert "请在 Word/WPS 中另存为 .docx 后再导入" in caught.value.render("zh")


def test_zip_bomb_is_refused_without_inflating_it() -> None:
    bomb = zip_bomb_docx()
    assert len(bomb) < MAX_PART_BYTES // 10
    with pytest.raises(IngestError) as caught:
        import_docx_bytes(bomb)
    assert caught.value.message.code == "ingest.docx_too_big"


def test_zip_bomb_with_a_lying_header_is_cut_off_while_reading() -> None:
    from bulletin_desk.ingest.docx_package import DocxPackage

    bomb = zip_bomb_docx()
    package = DocxPackage.__new__(DocxPackage)
    package.zip = zipfile.ZipFile(io.BytesIO(bomb))
    package.names = package.zip.namelist()
    with pytest.raises(IngestError) as caught:
        package.read("word/document.xml")
    assert caught.value.message.code == "ingest.docx_too_big"


def test_entity_declarations_are_refused() -> None:
    docx = foreign_bulletin_docx()
    evil = (b'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            b'<w:document xmlns:w="' + contract.W_NS.encode() + b'"><w:body><w:p><w:r><w:t>&x;</w:t></w:r>'
            b"</w:p></w:body></w:document>")
    with pytest.raises(IngestError) as caught:
        import_docx_bytes(rewrite_part(docx, "word/document.xml", evil))
    assert caught.value.message.code == "ingest.docx_entities"


def test_missing_document_part_and_bad_xml() -> None:
    docx = foreign_bulletin_docx()
    with pytest.raises(IngestError) as missing:
        import_docx_bytes(rewrite_part(docx, "word/document.xml", None))
    assert missing.value.message.code == "ingest.docx_missing_part"
    with pytest.raises(IngestError) as bad:
        import_docx_bytes(rewrite_part(docx, "word/document.xml", b"<w:document><unclosed>"))
    assert bad.value.message.code == "ingest.docx_bad_xml"


def test_zip_entry_marked_encrypted_is_refused() -> None:
    docx = bytearray(foreign_bulletin_docx())
    docx[6] |= 0x1  # general-purpose flag of the first local header …
    central = docx.find(b"PK\x01\x02")
    docx[central + 8] |= 0x1  # … and of its central directory entry
    with pytest.raises(IngestError) as caught:
        import_docx_bytes(bytes(docx))
    assert caught.value.message.code == "ingest.docx_encrypted"


def test_ole_magic_constant_matches_the_importer() -> None:
    from bulletin_desk.ingest.sniff import OLE_MAGIC as IMPORTER_MAGIC

    assert OLE_MAGIC == IMPORTER_MAGIC


def test_text_box_masthead_and_layout_tables_are_recognised_data_tables_stay_plain() -> None:
    from tests.ingest.docx_builders import layout_tables_docx

    result = import_docx_bytes(layout_tables_docx())
    issue = result.issue
    assert issue is not None
    m = issue.masthead
    assert (m.title, m.number, m.office, m.date.isoformat() if m.date else None) == (
        "科协工作简报", 5, "某区科协", "2024-03-08")  # the text box is read once, not twice
    article = issue.articles()[0]
    assert article.title == "科普大篷车走进社区"
    assert [p.text for p in article.paragraphs][-4:] == ["项目", "数量", "展板", "20块"]
    assert (issue.colophon.editor, issue.distribution.issue_to) == ("周到", "各街道科协。")


def test_word_auto_numbering_is_rebuilt_so_sub_headings_are_recognised() -> None:
    from tests.ingest.docx_builders import auto_numbered_docx

    result = import_docx_bytes(auto_numbered_docx())
    assert result.article is not None
    assert [(p.kind.value, p.text) for p in result.article.paragraphs] == [
        ("body", "正文开头。"), ("h1", "一、总体情况"), ("body", "全县项目进展顺利。"), ("h1", "二、存在问题"),
        ("h2", "（一）前期手续"), ("h2", "（二）资金缺口"), ("h1", "三、下一步")]


def test_chinese_counting_numbers() -> None:
    from bulletin_desk.ingest.docx_numbering import chinese_counting

    assert [chinese_counting(n) for n in (1, 10, 11, 20, 21, 99, 100, 105, 110, 123)] == [
        "一", "十", "十一", "二十", "二十一", "九十九", "一百", "一百零五", "一百一十", "一百二十三"]


def _corpus_issues() -> list[Path]:
    import json

    from tests.ingest.corpus_support import CORPUS

    paths = [*sorted(CORPUS.glob("*.expected.json")), REFERENCE_JSON]
    return [p for p in paths if "article" not in json.loads(p.read_text(encoding="utf-8"))]


@pytest.mark.parametrize("path", _corpus_issues(), ids=lambda p: p.name)
def test_every_corpus_issue_survives_export_and_a_style_only_re_read(path: Path) -> None:
    """Without the embedded JSON, the named styles alone carry the whole issue back (the edited-in-Word path)."""
    import json

    from bulletin_desk.export import build_docx_bytes
    from bulletin_desk.model import issue_from_dict

    issue = issue_from_dict(json.loads(path.read_text(encoding="utf-8")))
    docx = rewrite_part(build_docx_bytes(issue), contract.ITEM_PART, None)
    result = import_docx_bytes(docx)
    assert result.issue is not None and result.source_format == "docx"
    assert dumps(result.issue) == dumps(issue)


def test_a_nested_table_comes_in_once_in_place() -> None:
    from tests.ingest.docx_builders import nested_table_docx

    result = import_docx_bytes(nested_table_docx())
    assert result.article is not None
    assert [p.text for p in result.article.paragraphs] == [
        "强化组织领导。区里成立工作专班。", "各街道完成情况如下：", "街道", "户数", "甲街道", "1200户",
        "以上数据截至月底。", "加强宣传引导。发放资料1万份。"]


def test_foreign_docx_page_number_paragraphs_go_and_a_paragraph_split_at_a_page_rejoins() -> None:
    import io

    from docx import Document

    doc = Document()
    doc.add_paragraph("某区推进垃圾分类工作")
    doc.add_paragraph("强化组织领导。区里成立工作专班，每周调度一次，各街道落实主体")
    doc.add_paragraph("— 2 —")
    doc.add_paragraph("责任，确保任务落到实处。")
    doc.add_paragraph("加强宣传引导。发放资料1万份。")
    out = io.BytesIO()
    doc.save(out)
    result = import_docx_bytes(out.getvalue())
    assert result.article is not None
    assert [p.text for p in result.article.paragraphs] == [
        "强化组织领导。区里成立工作专班，每周调度一次，各街道落实主体责任，确保任务落到实处。",
        "加强宣传引导。发放资料1万份。"]
