"""The LayoutProfile: the official numbers, and a broken profile that names its key."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from bulletin_desk.catalogue import catalogue
from bulletin_desk.layout import LayoutProfile, ProfileError, load_profile, profile_from_dict
from bulletin_desk.layout.profile import MM, layouts_dir


def _data() -> dict:
    return tomllib.loads((layouts_dir() / "gbt9704-bulletin.toml").read_text(encoding="utf-8"))


def test_default_profile_has_the_official_page(profile: LayoutProfile) -> None:
    assert profile.name == "gbt9704-bulletin"
    assert profile.page_width / MM == pytest.approx(210) and profile.page_height / MM == pytest.approx(297)
    assert profile.body_width / MM == pytest.approx(156)
    assert profile.body_height / MM == pytest.approx(225)
    assert profile.left / MM == pytest.approx(28) and profile.top / MM == pytest.approx(37)
    assert profile.pitch == pytest.approx(28.95)
    assert profile.grid.lines_per_page * profile.pitch <= profile.body_height
    assert profile.body_advance == pytest.approx(15.75)
    assert 28 * profile.body_advance <= profile.body_width < 29 * profile.body_advance


def test_load_by_name_and_by_path_give_the_same_profile() -> None:
    assert load_profile() is load_profile("gbt9704-bulletin")
    by_path = load_profile(layouts_dir() / "gbt9704-bulletin.toml")
    assert by_path.grid == load_profile().grid


@pytest.mark.parametrize("dotted", ["grid.line_pitch_twips", "page.margin_top_mm", "breaking.not_line_start",
                                    "elements.title.size_pt", "elements.imprint"])
def test_a_missing_key_is_named(dotted: str) -> None:
    data = _data()
    *parents, last = dotted.split(".")
    table = data
    for part in parents:
        table = table[part]
    del table[last]
    with pytest.raises(ProfileError) as caught:
        profile_from_dict(data, "broken.toml")
    assert caught.value.message.code == "layout.profile.missing_key"
    assert caught.value.message.params["key"] == dotted
    assert dotted in caught.value.render("en") and "broken.toml" in caught.value.render("zh")


def test_unknown_and_mistyped_keys_are_named() -> None:
    data = _data()
    data["grid"]["line_pich_twips"] = 579
    with pytest.raises(ProfileError) as caught:
        profile_from_dict(data)
    assert caught.value.message.params["key"] == "grid.line_pich_twips"
    data = _data()
    data["grid"]["lines_per_page"] = "22"
    with pytest.raises(ProfileError) as caught:
        profile_from_dict(data)
    assert caught.value.message.code == "layout.profile.wrong_type"
    assert caught.value.message.params["key"] == "grid.lines_per_page"
    data = _data()
    data["elements"]["body"]["face"] = "comic"
    with pytest.raises(ProfileError) as caught:
        profile_from_dict(data)
    assert caught.value.message.params["key"] == "elements.body.face"


@pytest.mark.parametrize(("element", "attr"), [("masthead", "color"), ("office_date", "rule_color"),
                                               ("body", "color"), ("imprint", "rule_color")])
def test_a_colour_missing_from_colors_fails_on_load_naming_the_key(element: str, attr: str) -> None:
    data = _data()
    data["elements"][element][attr] = "crimson"  # a CSS name Qt would happily paint
    with pytest.raises(ProfileError) as caught:
        profile_from_dict(data, "broken.toml")
    assert caught.value.message.code == "layout.profile.unknown_color"
    assert caught.value.message.params["key"] == f"elements.{element}.{attr}"
    assert caught.value.message.params["value"] == "crimson"
    assert f"elements.{element}.{attr}" in caught.value.render("en") and "broken.toml" in caught.value.render("zh")


def test_the_masthead_red_is_the_profiles_red_not_css_red() -> None:
    data = _data()
    del data["colors"]["red"]  # "red" was then painted as Qt's #FF0000
    with pytest.raises(ProfileError) as caught:
        profile_from_dict(data)
    assert caught.value.message.code == "layout.profile.unknown_color"
    assert caught.value.message.params["key"] == "elements.masthead.color"
    profile = profile_from_dict(_data())
    assert profile.color(profile.element("masthead").color) == "#E60012"
    with pytest.raises(ProfileError) as caught:
        profile.color("red ink")  # a name the loader never saw: no fall-through at paint time either
    assert caught.value.message.params["key"] == "colors.red ink"


@pytest.mark.parametrize(("change", "code", "key"), [
    ({"red": "E60012"}, "layout.profile.bad_value", "colors.red"),
    ({"red": "#E6001"}, "layout.profile.bad_value", "colors.red"),
    ({"red": 0xE60012}, "layout.profile.wrong_type", "colors.red"),
])
def test_a_colour_value_must_be_hex(change: dict[str, object], code: str, key: str) -> None:
    data = _data()
    data["colors"].update(change)
    with pytest.raises(ProfileError) as caught:
        profile_from_dict(data)
    assert caught.value.message.code == code
    assert caught.value.message.params["key"] == key


def test_black_is_required_for_the_imprint_rules() -> None:
    data = _data()
    del data["colors"]["black"]
    with pytest.raises(ProfileError) as caught:
        profile_from_dict(data)
    assert caught.value.message.code == "layout.profile.missing_key"
    assert caught.value.message.params["key"] == "colors.black"


def test_a_grid_that_does_not_fit_is_refused() -> None:
    data = _data()
    data["grid"]["line_pitch_twips"] = 580  # 22 × 29 pt > 225 mm: only 21 lines would fit
    with pytest.raises(ProfileError) as caught:
        profile_from_dict(data)
    assert caught.value.message.code == "layout.profile.grid_too_tall"
    data = _data()
    data["grid"]["tracking_pt"] = 0.0  # 28 × 16 pt > 156 mm
    with pytest.raises(ProfileError) as caught:
        profile_from_dict(data)
    assert caught.value.message.code == "layout.profile.grid_too_wide"


def test_unreadable_and_invalid_files(tmp_path: Path) -> None:
    with pytest.raises(ProfileError) as caught:
        load_profile(tmp_path / "absent.toml")
    assert caught.value.message.code == "layout.profile.not_found"
    bad = tmp_path / "bad.toml"
    bad.write_text("name = [", encoding="utf-8")
    with pytest.raises(ProfileError) as caught:
        load_profile(bad)
    assert caught.value.message.code == "layout.profile.invalid"


def test_every_layout_code_is_in_the_catalogue_in_both_languages() -> None:
    table = catalogue()
    for code in ("layout.profile.missing_key", "layout.profile.unknown_key", "layout.profile.wrong_type",
                 "layout.profile.bad_value", "layout.profile.unknown_color", "layout.profile.grid_too_tall",
                 "layout.profile.grid_too_wide",
                 "layout.profile.not_found", "layout.profile.invalid"):
        zh, en = table[code]
        assert zh and en
