"""DOCX inputs built with python-docx at test time: a foreign (hand-typed) bulletin and malformed files.

The foreign bulletin is what a district office types in Word: centred large runs for the masthead and
titles, bold opening runs for lead sentences, 【栏目】, an attribution line, a table (its cells must come
in as plain paragraphs), 报/发 lines. Its expected JSON is tests/fixtures/ingest/corpus/c10_foreign_docx.expected.json.
"""

from __future__ import annotations

import functools
import io
import zipfile

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt


def foreign_bulletin_docx() -> bytes:
    doc = Document()

    def centred(text: str, size: int, bold: bool = False) -> None:
        paragraph = doc.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run(text)
        run.font.size = Pt(size)
        run.bold = bold

    def plain(*runs: tuple[str, bool]) -> None:
        paragraph = doc.add_paragraph()
        for text, bold in runs:
            run = paragraph.add_run(text)
            run.font.size = Pt(16)
            run.bold = bold

    centred("科技创新工作简报", 36, bold=True)
    centred("第 11 期（总第 87 期）", 16)
    plain(("市科学技术局　　　　2024年9月10日", False))
    plain(("【创新动态】", False))
    centred("高新区新增专精特新企业15家", 22)
    plain(("培育梯队成形。", True), ("高新区建立“初创—成长—领军”企业培育库，入库企业达到320家。", False))
    plain(("下一步，高新区将加大政策支持力度。", False))
    table = doc.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "新增企业"
    table.cell(0, 1).text = "15家"
    plain(("（高新区管委会）", False))
    plain(("责编：马骏", False))
    plain(("报：市政府。", False))
    plain(("发：各区科技局。", False))
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def rewrite_part(docx: bytes, name: str, data: bytes | None) -> bytes:
    """A copy of ``docx`` with part ``name`` replaced (or removed when ``data`` is None)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            if item.filename == name:
                continue
            dst.writestr(item, src.read(item.filename))
        if data is not None:
            dst.writestr(name, data)
    return out.getvalue()


@functools.cache
def zip_bomb_docx() -> bytes:
    """A DOCX-shaped zip whose document part inflates to 128 MiB of zeros (about 130 kB compressed)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        dst.writestr("[Content_Types].xml", "<Types/>")
        with dst.open("word/document.xml", "w", force_zip64=True) as handle:
            chunk = b"\0" * (1 << 20)
            for _ in range(128):
                handle.write(chunk)
    return out.getvalue()


OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")


def ole_file(stream_names: tuple[str, ...]) -> bytes:
    """A stand-in for a compound file (.doc/.wps/password-protected .docx): magic plus directory names.

    Real compound files name their streams in UTF-16LE in the directory sector; that is all the
    importer looks at to tell an encrypted DOCX (EncryptedPackage) from a legacy Word/WPS document.
    """
    body = b"".join(name.encode("utf-16-le") + b"\0\0" for name in stream_names)
    return OLE_MAGIC + b"\0" * 504 + body + b"\0" * 512


def layout_tables_docx() -> bytes:
    """A district template: masthead in a text box (with its VML fallback copy), office | date in a
    two-cell row, the 版记 in a one-column table, and a data table that must stay plain."""
    doc = Document()
    anchor = doc.add_paragraph()
    anchor.add_run("")
    doc.add_paragraph("第 5 期")
    row = doc.add_table(rows=1, cols=2)
    row.cell(0, 0).text = "某区科协"
    row.cell(0, 1).text = "2024年3月8日"
    doc.add_paragraph("科普大篷车走进社区")
    doc.add_paragraph("开展科普展览，吸引居民参观。活动持续三天。")
    doc.add_paragraph("丰富互动体验，激发学习兴趣。现场设置体验项目十个。")
    data = doc.add_table(rows=2, cols=2)
    for r, values in enumerate((("项目", "数量"), ("展板", "20块"))):
        for c, value in enumerate(values):
            data.cell(r, c).text = value
    imprint = doc.add_table(rows=2, cols=1)
    imprint.cell(0, 0).text = "责编：周到"
    imprint.cell(1, 0).text = "发：各街道科协。"
    out = io.BytesIO()
    doc.save(out)
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    box = "<w:p><w:r><w:t>科协工作简报</w:t></w:r></w:p>"
    drawing = (f'<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
               f'<mc:Choice Requires="wps"><w:drawing><w:txbxContent>{box}</w:txbxContent></w:drawing></mc:Choice>'
               f'<mc:Fallback><w:pict><w:txbxContent>{box}</w:txbxContent></w:pict></mc:Fallback>'
               f"</mc:AlternateContent>")
    xml = zipfile.ZipFile(io.BytesIO(out.getvalue())).read("word/document.xml").decode("utf-8")
    anchor_run = f"<w:r>{drawing}</w:r>"
    xml = xml.replace("<w:r><w:t></w:t></w:r>", anchor_run, 1).replace("<w:r/>", anchor_run, 1)
    assert "txbxContent" in xml, "the anchor run was not found"
    assert w in xml
    return rewrite_part(out.getvalue(), "word/document.xml", xml.encode("utf-8"))


def auto_numbered_docx() -> bytes:
    """Sub-headings typed with Word's numbering button: 一、 and （一） exist only in numbering.xml."""
    doc = Document()
    doc.add_paragraph("重点项目推进情况")
    lines = ("正文开头。", "§0总体情况", "全县项目进展顺利。", "§0存在问题", "§1前期手续", "§1资金缺口", "§0下一步")
    for text in lines:
        doc.add_paragraph(text)
    out = io.BytesIO()
    doc.save(out)
    xml = zipfile.ZipFile(io.BytesIO(out.getvalue())).read("word/document.xml").decode("utf-8")
    for level in (0, 1):
        xml = xml.replace(f"<w:p><w:r><w:t>§{level}", f'<w:p><w:pPr><w:numPr><w:ilvl w:val="{level}"/>'
                          f'<w:numId w:val="7"/></w:numPr></w:pPr><w:r><w:t>')
    assert "§" not in xml
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    numbering = (f'<w:numbering xmlns:w="{w}"><w:abstractNum w:abstractNumId="3">'
                 '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
                 '<w:lvlText w:val="%1、"/></w:lvl>'
                 '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
                 '<w:lvlText w:val="（%2）"/></w:lvl></w:abstractNum>'
                 '<w:num w:numId="7"><w:abstractNumId w:val="3"/></w:num></w:numbering>')
    data = rewrite_part(out.getvalue(), "word/document.xml", xml.encode("utf-8"))
    return rewrite_part(data, "word/numbering.xml", numbering.encode("utf-8"))


def nested_table_docx() -> bytes:
    """A layout table whose cell holds a data table (districts nest tables to place a box of figures)."""
    doc = Document()
    doc.add_paragraph("某区推进垃圾分类工作")
    doc.add_paragraph("强化组织领导。区里成立工作专班。")
    outer = doc.add_table(rows=1, cols=1)
    cell = outer.cell(0, 0)
    cell.paragraphs[0].text = "各街道完成情况如下："
    inner = cell.add_table(rows=2, cols=2)
    for r, values in enumerate((("街道", "户数"), ("甲街道", "1200户"))):
        for c, value in enumerate(values):
            inner.cell(r, c).text = value
    cell.add_paragraph("以上数据截至月底。")
    doc.add_paragraph("加强宣传引导。发放资料1万份。")
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
