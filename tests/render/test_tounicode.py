"""Copying or searching our PDF gives back the text typed: 月 stays 月, never the radical ⽉."""

from __future__ import annotations

import pymupdf
from tests.render.specimen import LEFT, PAGE_H, PAGE_W, TOP, run

from bulletin_desk.layout.page import BlockRole, Face, Line, Page, PageLayout
from bulletin_desk.render.pdf import pdf_bytes
from bulletin_desk.render.pdf_tounicode import (
    compatibility_resolver,
    fix_cmap_bytes,
    fix_tounicode,
    parse_cmap,
)

SIX = "月日首文一心"


def _layout(text: str, face: Face = Face.FANGSONG, bold: bool = False) -> PageLayout:
    line = Line((run(text, LEFT, face, bold=bold),), TOP + 20, BlockRole.BODY)
    return PageLayout([Page(0, PAGE_W, PAGE_H, [line])])


def _text(data: bytes) -> str:
    with pymupdf.open(stream=data, filetype="pdf") as doc:
        return "".join(page.get_text() for page in doc)


def test_the_six_ideographs_copy_back_verbatim(gui_app):
    assert _text(pdf_bytes(_layout(SIX))).strip() == SIX


def test_qt_alone_would_give_radicals_so_the_fix_is_what_works(gui_app):
    raw = pdf_bytes(_layout(SIX), fix_text=False)
    assert _text(raw).strip() != SIX  # PySide6 6.8: ⽉⽇⾸⽂⼀⼼; if Qt ever fixes this, drop the repair
    fixed, changed = fix_tounicode(raw)
    assert changed == 6
    assert _text(fixed).strip() == SIX


def test_radicals_without_a_decomposition_are_fixed_from_the_font(gui_app):
    # 民 comes back as ⺠ (U+2EA0), which NFKC does not fold: only the font knows they are twins
    text = "人民群众文明心"
    assert _text(pdf_bytes(_layout(text))).strip() == text
    assert _text(pdf_bytes(_layout(text, Face.HEITI, bold=True))).strip() == text


def test_a_typed_radical_stays_a_radical(gui_app):
    assert _text(pdf_bytes(_layout("⽉"))).strip() == "⽉"
    assert compatibility_resolver("⽉")("⽉") is None
    assert compatibility_resolver("月")("⽉") == "月"


def test_cmap_parser_reads_ranges_arrays_and_chars():
    cmap = b"""/CIDInit /ProcSet findresource begin
begincmap
1 begincodespacerange
<0000> <FFFF>
endcodespacerange
2 beginbfrange
<0001> <0003> [<2F49> <0041> <D840DC00>]
<0010> <0012> <0061>
endbfrange
1 beginbfchar
<0020> <2F00>
endbfchar
endcmap
"""
    mapping, width = parse_cmap(cmap)
    assert width == 2
    assert mapping == {1: "⽉", 2: "A", 3: "\U00020000", 0x10: "a", 0x11: "b", 0x12: "c", 0x20: "⼀"}
    fixed, changed = fix_cmap_bytes(cmap, compatibility_resolver())
    assert changed == 2
    again, _ = parse_cmap(fixed)
    assert again == {**mapping, 1: "月", 0x20: "一"}
    assert fixed.startswith(b"/CIDInit") and fixed.rstrip().endswith(b"endcmap")


def test_a_clean_pdf_is_returned_untouched(gui_app):
    raw = pdf_bytes(_layout("简报编辑"), fix_text=False)
    fixed, changed = fix_tounicode(raw)
    assert changed == 0 and fixed is raw


def test_the_repaired_file_is_a_valid_pdf_for_other_readers(gui_app, tmp_path):
    # the repair is an incremental update with a classic xref table (Qt writes PDF 1.4); the title stays
    import io
    import subprocess

    import pypdf
    from tests.tooling import require_tool

    data = pdf_bytes(_layout(SIX + "人民"), title="首都精神文明建设情况简报")
    reader = pypdf.PdfReader(io.BytesIO(data), strict=True)
    assert reader.metadata.title == "首都精神文明建设情况简报"
    assert reader.pages[0].extract_text().strip() == SIX + "人民"
    target = tmp_path / "six.pdf"
    target.write_bytes(data)
    text = subprocess.run([require_tool("pdftotext"), str(target), "-"], capture_output=True, check=True,
                          text=True).stdout
    assert text.strip() == SIX + "人民"
