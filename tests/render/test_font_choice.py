"""The editor's stand-in choice (设置 → 字体) reaches the painter, the PDF and the report.

The GUI hands render a plain mapping (face value → family); these tests use that door directly. AR PL
UKai CN (fonts-arphic-ukai) and Noto Serif CJK SC are installed on the test machine.
"""

from __future__ import annotations

import io
from collections.abc import Iterator

import pypdf
import pytest
from tests.render.specimen import specimen_layout

from bulletin_desk.layout.page import Face
from bulletin_desk.render.fonts import font_report, resolve_faces, set_font_overrides
from bulletin_desk.render.painter import shared_font_book
from bulletin_desk.render.pdf import pdf_bytes

UKAI = "AR PL UKai CN"
AUTO_BODY = "Noto Serif CJK SC"


@pytest.fixture(autouse=True)
def no_choice_left_behind() -> Iterator[None]:
    set_font_overrides({})
    yield
    set_font_overrides({})


def test_a_chosen_stand_in_replaces_the_tables_first_choice():
    installed = {"Noto Serif CJK SC", UKAI, "Liberation Serif"}
    report = resolve_faces(installed=installed, overrides={"fangsong": UKAI})
    body = report[Face.FANGSONG]
    assert (body.family, body.chosen, body.official, body.auto_family) == (UKAI, True, False, AUTO_BODY)
    assert body.message().code == "render.font.chosen" and UKAI in body.message().render("zh")
    assert report[Face.XIAOBIAOSONG].family == AUTO_BODY  # other faces keep 自动


def test_an_installed_official_face_wins_over_the_choice():
    report = resolve_faces(installed={"仿宋_GB2312", UKAI}, overrides={"fangsong": UKAI})
    assert report[Face.FANGSONG].family == "仿宋_GB2312" and report[Face.FANGSONG].official
    assert not report[Face.FANGSONG].chosen


def test_a_chosen_family_that_is_gone_falls_back_to_auto_with_a_note():
    report = resolve_faces(installed={AUTO_BODY}, overrides={"fangsong": "Uninstalled Song"})
    body = report[Face.FANGSONG]
    assert body.family == AUTO_BODY and not body.chosen and body.unavailable_choice == "Uninstalled Song"
    message = body.message()
    assert message.code == "render.font.choice_missing"
    assert "Uninstalled Song" in message.render("zh") and "not installed" in message.render("en")


def test_the_painter_uses_the_choice_and_auto_goes_back(gui_app):
    assert shared_font_book().chain(Face.FANGSONG, 16.0)[0].familyName() == AUTO_BODY
    assert set_font_overrides({"fangsong": UKAI})
    assert shared_font_book().chain(Face.FANGSONG, 16.0)[0].familyName() == UKAI
    assert shared_font_book().chain(Face.XIAOBIAOSONG, 22.0)[0].familyName() == AUTO_BODY
    assert font_report()[Face.FANGSONG].chosen
    assert not set_font_overrides({"fangsong": UKAI})  # unchanged: nothing to repaint
    assert set_font_overrides({"fangsong": ""})  # 自动
    assert shared_font_book().chain(Face.FANGSONG, 16.0)[0].familyName() == AUTO_BODY


def test_an_uninstalled_choice_paints_with_auto_and_never_fails(gui_app):
    set_font_overrides({"fangsong": "Uninstalled Song"})
    assert shared_font_book().chain(Face.FANGSONG, 16.0)[0].familyName() == AUTO_BODY
    assert font_report()[Face.FANGSONG].unavailable_choice == "Uninstalled Song"


def _pdf_font_names(data: bytes) -> set[str]:
    names: set[str] = set()
    for page in pypdf.PdfReader(io.BytesIO(data)).pages:
        fonts = page["/Resources"]["/Font"]
        for ref in fonts.values():
            names.add(str(ref.get_object()["/BaseFont"]))
    return names


def test_the_pdf_embeds_the_chosen_body_font(gui_app):
    layout = specimen_layout(3)
    auto_names = _pdf_font_names(pdf_bytes(layout, fix_text=False))
    assert not any("UKai" in name for name in auto_names), auto_names
    set_font_overrides({"fangsong": UKAI, "kaiti": AUTO_BODY})  # kaiti off UKai: only the body can bring it
    chosen_names = _pdf_font_names(pdf_bytes(layout, fix_text=False))
    assert any("UKai" in name for name in chosen_names), chosen_names


def test_the_docx_keeps_naming_the_official_faces(gui_app, tmp_path):
    """The reader's Word/WPS substitutes for itself: the choice here must not leak into the DOCX."""
    import zipfile

    from bulletin_desk.app import reference_sample
    from bulletin_desk.export import write_docx

    set_font_overrides({"fangsong": UKAI, "xiaobiaosong": UKAI})
    target = tmp_path / "issue.docx"
    write_docx(reference_sample(), target)
    with zipfile.ZipFile(target) as docx:
        xml = "".join(docx.read(name).decode("utf-8") for name in docx.namelist() if name.endswith(".xml"))
    assert "仿宋_GB2312" in xml and "方正小标宋简体" in xml
    assert "UKai" not in xml
