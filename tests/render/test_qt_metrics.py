"""Qt's advances from the installed fonts, cross-checked against published metrics."""

from __future__ import annotations

import pytest

from bulletin_desk.layout.page import Face
from bulletin_desk.render.qt_metrics import QtFontMetrics

# Adobe's Times-Roman AFM widths (thousandths of an em); Liberation Serif is metric-compatible with
# Times New Roman, so the Latin stand-in must reproduce them: a layout measured with Times New Roman
# widths then fits on screen and paper alike.
TIMES_ROMAN = {
    "0": 500, "5": 500, "9": 500, " ": 250, ".": 250, ",": 250, "(": 333, "A": 722, "B": 667, "M": 889,
    "W": 944, "a": 444, "e": 444, "i": 278, "m": 778, "w": 722, "z": 444, "-": 333, "%": 833, "@": 921,
}


@pytest.fixture(scope="module")
def metrics(gui_app):
    return QtFontMetrics()


def test_latin_stand_in_has_times_new_roman_widths(metrics):
    for char, width in TIMES_ROMAN.items():
        assert metrics.advance_em(Face.LATIN, char) == pytest.approx(width / 1000, abs=0.002), char


def test_cjk_characters_are_one_em_in_every_cjk_face(metrics):
    for face in (Face.FANGSONG, Face.XIAOBIAOSONG, Face.KAITI, Face.HEITI, Face.SONGTI):
        for char in "月文，。【】“”":
            assert metrics.advance_em(face, char) == pytest.approx(1.0, abs=0.001), (face, char)


def test_advances_scale_with_size_and_sum_without_kerning(metrics):
    assert metrics.advance(Face.LATIN, "W", 16.0) == pytest.approx(0.944 * 16, abs=0.03)
    assert metrics.text_width(Face.LATIN, "2020", 16.0) == pytest.approx(32.0, abs=0.01)
    assert metrics.advance(Face.FANGSONG, "简", 22.0) == pytest.approx(22.0, abs=0.01)
