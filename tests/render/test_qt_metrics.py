"""Qt's advances from the installed fonts cross-check the layout's static width table."""

from __future__ import annotations

import json

import pytest

from bulletin_desk.layout.metrics import FontMetrics, StaticMetrics, is_cjk
from bulletin_desk.layout.page import Face
from bulletin_desk.paths import resources_dir
from bulletin_desk.render.qt_metrics import QtFontMetrics

# Adobe's Times-Roman AFM widths (thousandths of an em): an independent source for a few characters,
# so a table and a font that were both wrong the same way would still be caught.
TIMES_ROMAN = {"0": 500, "9": 500, " ": 250, ".": 250, "A": 722, "M": 889, "W": 944, "a": 444, "m": 778,
               "z": 444, "%": 833, "@": 921}
TOLERANCE_EM = 0.002  # 0.03 pt at 16 pt: 28 characters drift less than one pt


@pytest.fixture(scope="module")
def metrics(gui_app):
    return QtFontMetrics()


def test_qt_metrics_is_a_layout_font_metrics(metrics):
    probe: FontMetrics = metrics  # the protocol the layout engine measures through
    assert probe.advance("W", Face.LATIN, 16.0, False) == pytest.approx(0.944 * 16, abs=0.03)


@pytest.mark.parametrize("bold", [False, True])
def test_static_latin_table_matches_the_installed_fonts(metrics, bold):
    table = json.loads((resources_dir() / "metrics" / "latin-serif.json").read_text(encoding="utf-8"))
    units = float(table["units_per_em"])
    rows = table["bold" if bold else "regular"]
    assert len(rows) > 90
    static = StaticMetrics()
    wrong = {}
    measured = 0
    for char, width in rows.items():
        if is_cjk(char):
            continue  # “ ” ‘ ’ — … · are set in the CJK face, one em (checked below)
        qt = metrics.advance_em(char, Face.LATIN, bold)
        measured += bool(qt)
        if qt and abs(qt - width / units) > TOLERANCE_EM:
            wrong[char] = (width, round(qt * units, 1))
        assert static.advance(char, Face.LATIN, 16.0, bold) == pytest.approx(16.0 * width / units)
    assert measured > 90
    assert not wrong, f"static table vs Qt (table, Qt) in 1/{units:.0f} em: {wrong}"


def test_latin_stand_in_has_times_new_roman_widths(metrics):
    for char, width in TIMES_ROMAN.items():
        assert metrics.advance_em(char, Face.LATIN) == pytest.approx(width / 1000, abs=TOLERANCE_EM), char


def test_cjk_characters_are_one_em_in_every_face_as_the_layout_assumes(metrics):
    static = StaticMetrics()
    for face in (Face.FANGSONG, Face.XIAOBIAOSONG, Face.KAITI, Face.HEITI, Face.SONGTI):
        for char in "月文，。【】“”":
            assert metrics.advance_em(char, face) == pytest.approx(1.0, abs=0.001), (face, char)
            assert static.advance(char, face, 16.0, False) == 16.0


def test_wide_symbols_are_one_em_in_the_cjk_stand_ins_as_the_layout_assumes(metrics):
    """℃ ① ※ → Ⅱ ★ ≤: measured in the CJK face (the Latin stand-in lacks most), one em as in 仿宋_GB2312.
    (№ is not: Noto Serif CJK SC draws it 1.089 em wide; the official faces set it one em.)"""
    static = StaticMetrics()
    for face in (Face.FANGSONG, Face.XIAOBIAOSONG, Face.KAITI, Face.HEITI, Face.SONGTI):
        for char in "℃①②③※→Ⅱ★≤◆":
            assert metrics.measuring_face(char, Face.LATIN) is not Face.LATIN
            assert metrics.advance_em(char, face) == pytest.approx(1.0, abs=0.001), (face, char)
            assert static.advance(char, face, 16.0, False) == 16.0


def test_advances_scale_with_size_and_sum_without_kerning(metrics):
    assert metrics.text_width("2020", Face.LATIN, 16.0) == pytest.approx(32.0, abs=0.01)
    assert metrics.advance("简", Face.FANGSONG, 22.0) == pytest.approx(22.0, abs=0.01)
    assert metrics.advance("5", Face.FANGSONG, 16.0) == pytest.approx(8.0, abs=0.01)  # digits: Latin face
