"""Each official face resolves to an installed font, and the report says which (for the status bar)."""

from __future__ import annotations

from bulletin_desk.layout.page import Face
from bulletin_desk.render.fonts import FontBook, font_report, load_face_specs, resolve_faces

OFFICIAL_NAMES = {
    Face.FANGSONG: {"仿宋_GB2312", "仿宋", "FangSong"},
    Face.XIAOBIAOSONG: {"方正小标宋简体"},
    Face.KAITI: {"楷体_GB2312", "楷体", "KaiTi"},
    Face.HEITI: {"黑体", "SimHei"},
    Face.SONGTI: {"宋体", "SimSun"},
    Face.LATIN: {"Times New Roman"},
}


def test_the_table_names_every_official_face_the_issue_asks_for():
    specs = {spec.face: spec for spec in load_face_specs()}
    assert set(specs) == set(Face)
    for face, names in OFFICIAL_NAMES.items():
        assert names <= set(specs[face].official), face
        assert specs[face].substitutes, face


def test_official_face_wins_over_stand_in():
    report = resolve_faces(installed={"仿宋", "Noto Serif CJK SC", "Liberation Serif", "Times New Roman"})
    assert report[Face.FANGSONG].family == "仿宋" and report[Face.FANGSONG].official
    assert report[Face.LATIN].family == "Times New Roman" and report[Face.LATIN].official
    assert report[Face.SONGTI].family == "Noto Serif CJK SC" and not report[Face.SONGTI].official
    assert not report.all_official
    assert Face.SONGTI in {item.face for item in report.substituted}


def test_stand_ins_and_missing_faces_are_reported_in_both_languages():
    report = resolve_faces(installed={"Liberation Serif"})
    heiti = report[Face.HEITI]
    assert heiti.missing
    assert "黑体" in heiti.message().render("zh") and "no stand-in" in heiti.message().render("en")
    latin = report[Face.LATIN].message()
    assert latin.code == "render.font.substitute"
    assert "Liberation Serif" in latin.render("zh") and "Times New Roman" in latin.render("en")


def test_this_machine_uses_the_documented_simplified_chinese_stand_ins(gui_app):
    # official-layout.md §6: 仿宋/宋体/小标宋 → Noto Serif CJK SC, 楷体 → AR PL UKai CN,
    # 黑体 → Noto Sans CJK SC, Times New Roman → Liberation Serif
    report = font_report()
    assert report[Face.FANGSONG].family == "Noto Serif CJK SC"
    assert report[Face.XIAOBIAOSONG].family == "Noto Serif CJK SC"
    assert report[Face.SONGTI].family == "Noto Serif CJK SC"
    assert report[Face.KAITI].family == "AR PL UKai CN"
    assert report[Face.HEITI].family == "Noto Sans CJK SC"
    assert report[Face.LATIN].family == "Liberation Serif"


def test_font_book_falls_back_for_characters_the_face_lacks(gui_app):
    book = FontBook()
    chain = book.chain(Face.LATIN, 16.0)
    assert chain[0].familyName() == "Liberation Serif"
    assert not chain[0].supportsCharacter("月")
    assert any(raw.supportsCharacter("月") for raw in chain[1:])


def test_twin_resolver_finds_the_typed_ideograph_behind_a_radical(gui_app):
    book = FontBook()
    book.chain(Face.FANGSONG, 16.0)
    resolve = book.twin_resolver("人民月")
    assert resolve("⺠") == "民"  # U+2EA0: no Unicode decomposition, same glyph in Noto CJK
    assert resolve("⽉") == "月"
    assert resolve("月") is None  # typed: never changed
    assert resolve("⽇") is None  # 日 was not typed: nothing to map it to


def test_stand_in_weight_applies_to_stand_ins_only():
    from PySide6.QtGui import QFont

    from bulletin_desk.render.fonts import face_weight

    official = resolve_faces(installed={"方正小标宋简体"})[Face.XIAOBIAOSONG]
    stand_in = resolve_faces(installed={"Noto Serif CJK SC"})[Face.XIAOBIAOSONG]
    assert official.official and not stand_in.official
    assert face_weight(official, False) == int(QFont.Weight.Normal)  # never emboldened a second time
    assert face_weight(stand_in, False) == int(QFont.Weight.Black)  # the heavy look of 小标宋
    assert face_weight(official, True) == int(QFont.Weight.Bold)
    fangsong = resolve_faces(installed={"仿宋_GB2312"})[Face.FANGSONG]
    assert face_weight(fangsong, True) == int(QFont.Weight.Bold)  # Qt emboldens 仿宋 (no bold style)
