"""The LayoutProfile: every number the preview, the PDF and the DOCX use, read from one TOML file.

Why typed and strict: a profile typo must fail when the profile is loaded, naming the key, rather
than silently printing a bulletin with the wrong margin. Unknown keys are errors for the same reason.
Units are kept as written in the file (mm for the page, pt for type, grid lines for spacing); the
derived values the engine needs (pt margins, line pitch in pt) are properties, so no number is typed twice.
"""

from __future__ import annotations

import math
import re
import tomllib
from dataclasses import MISSING, dataclass, field, fields
from pathlib import Path
from typing import Any

from bulletin_desk.catalogue import BulletinDeskError
from bulletin_desk.layout.page import BlockRole, Face

MM = 72.0 / 25.4  # pt per mm
DEFAULT_PROFILE = "gbt9704-bulletin"


class ProfileError(BulletinDeskError):
    """A profile that cannot be used; the message names the file and the key."""


@dataclass(frozen=True)
class PageSpec:
    width_mm: float
    height_mm: float
    margin_top_mm: float
    margin_left_mm: float
    margin_bottom_mm: float
    margin_right_mm: float


@dataclass(frozen=True)
class GridSpec:
    lines_per_page: int
    line_pitch_twips: int
    chars_per_line: int
    body_size_pt: float
    tracking_pt: float
    baseline_em: float
    exact_ascent: float


@dataclass(frozen=True)
class BreakingSpec:
    not_line_start: str
    not_line_end: str
    hanging: str
    hanging_punctuation: bool
    keep_together: tuple[str, ...]
    latin_cjk_gap_em: float
    latin_dash_em: float
    latin_dash_bold_em: float
    justify_slack_pt: float
    compress_punctuation: bool
    push_in_first: bool


@dataclass(frozen=True)
class ElementSpec:
    """One element's type and spacing; keys an element does not use keep their defaults."""

    face: Face
    size_pt: float
    bold: bool = False
    color: str = "black"
    align: str = "justify"  # left | center | right | justify
    first_line_chars: float = 0.0
    left_chars: float = 0.0
    right_chars: float = 0.0
    line_pt: float = 0.0  # 0: one grid line per text line
    before_lines: int = 0
    after_lines: int = 0
    block_lines: int = 0  # masthead: the block's fixed height in grid lines
    fit_to_width: bool = False
    inset_chars: float = 0.0
    one_line: bool = False
    max_chars_per_line: int = 0
    max_lines: int = 0  # title: more lines than this is a 签发前检查 problem (review/); 0 = no limit
    prefix: str = ""
    prefix_bold: bool = False
    open: str = ""
    close: str = ""
    rule_thickness_pt: float = 0.0
    rule_gap_pt: float = 0.0
    rule_color: str = "black"
    dash: str = "—"
    dash_below_body_mm: float = 7.0
    dash_height_em: float = 0.33
    item_gap_chars: float = 2.0
    thick_rule_pt: float = 0.99
    thin_rule_pt: float = 0.71
    copies: str = "共印{copies}份"
    imprint_on_even_page: bool = False
    number_imprint_only_page: bool = True
    labels: dict[str, str] = field(default_factory=dict)


REQUIRED_ELEMENTS = ("masthead", "issue_number", "office_date", "section", "title", "note", "body",
                     "h1", "h2", "h3", "h4", "source", "page_number", "imprint", "classification")


@dataclass(frozen=True)
class LayoutProfile:
    name: str
    label_zh: str
    page: PageSpec
    grid: GridSpec
    breaking: BreakingSpec
    colors: dict[str, str]
    elements: dict[str, ElementSpec]
    path: str = ""

    # ---- derived geometry (pt, from the page's top-left)
    @property
    def page_width(self) -> float:
        return self.page.width_mm * MM

    @property
    def page_height(self) -> float:
        return self.page.height_mm * MM

    @property
    def left(self) -> float:
        return self.page.margin_left_mm * MM

    @property
    def top(self) -> float:
        return self.page.margin_top_mm * MM

    @property
    def body_width(self) -> float:
        return (self.page.width_mm - self.page.margin_left_mm - self.page.margin_right_mm) * MM

    @property
    def body_height(self) -> float:
        return (self.page.height_mm - self.page.margin_top_mm - self.page.margin_bottom_mm) * MM

    @property
    def right(self) -> float:
        return self.left + self.body_width

    @property
    def bottom(self) -> float:
        return self.top + self.body_height

    @property
    def pitch(self) -> float:
        """The grid line pitch in pt (579 twips = 28.95 pt)."""
        return self.grid.line_pitch_twips / 20.0

    @property
    def body_advance(self) -> float:
        return self.grid.body_size_pt + self.grid.tracking_pt

    @property
    def grid_inset(self) -> float:
        """How far below the top margin LibreOffice starts the page's line grid, in pt.

        Why: with ``docGrid type="lines"`` LibreOffice fits as many rows of the pitch as the type area
        holds and centres them in it (measured: 225 mm hold 22 rows of 579 twips with 18 twips over, and
        every line of the page sits 9 twips = 0.45 pt lower than the margin says; with a 100-twip taller
        bottom margin 12.4 pt lower; without the grid 0). Grid lines have it inside ``baseline_em``
        (measured from the margin); lines of exact height add it to their line's top.
        """
        rows = math.floor(self.body_height / self.pitch + 1e-9)
        return (self.body_height - rows * self.pitch) / 2

    def exact_baseline(self, line_h: float) -> float:
        """The baseline below the top of a line of exact height ``line_h`` (off the grid), in pt.

        Why not centred like a grid line: LibreOffice 7.4 gives a line of fixed height an ascent of
        ``exact_ascent`` (4/5) of that height, whatever the face and size of its text (measured: 10.5–42 pt
        in four faces, lines 14–57.9 pt, to 0.08 pt); the engine must put such lines (版头, 栏目, titles,
        the 版记) where it does.
        """
        return self.grid.exact_ascent * line_h

    def element(self, name: str) -> ElementSpec:
        return self.elements[name]

    def color(self, name: str) -> str:
        """The hex value of colour ``name``. Names are checked when the profile loads (a name missing from
        [colors] used to reach Qt's CSS colours at paint time — "red" printed #FF0000 — and the DOCX as
        "RED"), so a miss here is a profile built around the loader, and it fails as loudly."""
        try:
            return self.colors[name]
        except KeyError:
            raise ProfileError("layout.profile.unknown_color", path=self.path or "<profile>",
                               key=f"colors.{name}", value=name) from None

    def role_element(self, role: BlockRole) -> ElementSpec:
        return self.elements[role.value if role.value in self.elements else "body"]


def _typed(cls: type, table: dict[str, Any], where: str, source: str) -> Any:
    """Build dataclass ``cls`` from ``table``; unknown, missing or mistyped keys raise ProfileError."""
    known = {f.name: f for f in fields(cls)}
    for key in table:
        if key not in known:
            raise ProfileError("layout.profile.unknown_key", path=source, key=f"{where}.{key}")
    values: dict[str, Any] = {}
    for name, spec in known.items():
        key = f"{where}.{name}"
        if name not in table:
            if spec.default is MISSING and spec.default_factory is MISSING:
                raise ProfileError("layout.profile.missing_key", path=source, key=key)
            continue
        value = table[name]
        expected = spec.type if isinstance(spec.type, str) else getattr(spec.type, "__name__", str(spec.type))
        values[name] = _convert(value, str(expected), key, source)
    return cls(**values)


def _convert(value: Any, expected: str, key: str, source: str) -> Any:
    def wrong() -> ProfileError:
        return ProfileError("layout.profile.wrong_type", path=source, key=key, expected=expected,
                            found=type(value).__name__)

    if expected == "float":
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise wrong()
        return float(value)
    if expected == "int":
        if isinstance(value, bool) or not isinstance(value, int):
            raise wrong()
        return value
    if expected == "bool":
        if not isinstance(value, bool):
            raise wrong()
        return value
    if expected == "str":
        if not isinstance(value, str):
            raise wrong()
        return value
    if expected == "Face":
        try:
            return Face(value)
        except ValueError:
            raise ProfileError("layout.profile.bad_value", path=source, key=key, value=str(value)) from None
    if expected.startswith("tuple"):
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise wrong()
        return tuple(value)
    if expected.startswith("dict"):
        if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
            raise wrong()
        return dict(value)
    raise AssertionError(expected)  # pragma: no cover


def _section(data: dict[str, Any], name: str, source: str) -> dict[str, Any]:
    if name not in data:
        raise ProfileError("layout.profile.missing_key", path=source, key=name)
    section = data[name]
    if not isinstance(section, dict):
        raise ProfileError("layout.profile.wrong_type", path=source, key=name, expected="table",
                           found=type(section).__name__)
    return section


_HEX = re.compile(r"#[0-9A-Fa-f]{6}")
# Colour names the engine and the DOCX writer use without an element naming them (the 版记 rules).
_BUILTIN_COLORS = ("black",)


def _colors(table: dict[str, Any], elements: dict[str, ElementSpec], source: str) -> dict[str, str]:
    """[colors] as name → "#RRGGBB", after checking every colour reference against it.

    Why here: an element's ``color = "red"`` with no ``red`` in [colors] would otherwise go through as
    the word itself — Qt paints CSS red (#FF0000, not the profile's red ink) and the DOCX writes an invalid
    ``w:color``. A value that is not #RRGGBB fails for the same reason.
    """
    colors: dict[str, str] = {}
    for name, value in table.items():
        if not isinstance(value, str):
            raise ProfileError("layout.profile.wrong_type", path=source, key=f"colors.{name}", expected="str",
                               found=type(value).__name__)
        if not _HEX.fullmatch(value):
            raise ProfileError("layout.profile.bad_value", path=source, key=f"colors.{name}", value=value)
        colors[str(name)] = value
    for name in _BUILTIN_COLORS:
        if name not in colors:
            raise ProfileError("layout.profile.missing_key", path=source, key=f"colors.{name}")
    for element, spec in elements.items():
        for attr in ("color", "rule_color"):
            value = getattr(spec, attr)
            if value not in colors:
                raise ProfileError("layout.profile.unknown_color", path=source, key=f"elements.{element}.{attr}",
                                   value=value)
    return colors


def profile_from_dict(data: dict[str, Any], source: str = "<profile>") -> LayoutProfile:
    allowed = {"name", "label_zh", "page", "grid", "breaking", "colors", "elements"}
    for key in data:
        if key not in allowed:
            raise ProfileError("layout.profile.unknown_key", path=source, key=key)
    for key in ("name", "label_zh"):
        if not isinstance(data.get(key), str):
            raise ProfileError("layout.profile.missing_key", path=source, key=key)
    elements_table = _section(data, "elements", source)
    elements: dict[str, ElementSpec] = {}
    for name in REQUIRED_ELEMENTS:
        if name not in elements_table:
            raise ProfileError("layout.profile.missing_key", path=source, key=f"elements.{name}")
    for name, table in elements_table.items():
        if name not in REQUIRED_ELEMENTS:
            raise ProfileError("layout.profile.unknown_key", path=source, key=f"elements.{name}")
        elements[name] = _typed(ElementSpec, table, f"elements.{name}", source)
    for name, spec in elements.items():
        if spec.align not in ("left", "center", "right", "justify"):
            raise ProfileError("layout.profile.bad_value", path=source, key=f"elements.{name}.align", value=spec.align)
        if spec.size_pt <= 0:
            raise ProfileError("layout.profile.bad_value", path=source, key=f"elements.{name}.size_pt",
                               value=str(spec.size_pt))
    colors = _colors(_section(data, "colors", source), elements, source)
    profile = LayoutProfile(
        name=data["name"], label_zh=data["label_zh"],
        page=_typed(PageSpec, _section(data, "page", source), "page", source),
        grid=_typed(GridSpec, _section(data, "grid", source), "grid", source),
        breaking=_typed(BreakingSpec, _section(data, "breaking", source), "breaking", source),
        colors=colors, elements=elements, path=source)
    if profile.grid.lines_per_page * profile.pitch > profile.body_height + 0.01:
        raise ProfileError("layout.profile.grid_too_tall", path=source, key="grid.line_pitch_twips",
                           lines=profile.grid.lines_per_page)
    if profile.grid.chars_per_line * profile.body_advance > profile.body_width + 0.01:
        raise ProfileError("layout.profile.grid_too_wide", path=source, key="grid.tracking_pt",
                           chars=profile.grid.chars_per_line)
    return profile


def layouts_dir() -> Path:
    from bulletin_desk.paths import resources_dir

    return resources_dir() / "layouts"


_CACHE: dict[str, LayoutProfile] = {}


def load_profile(name_or_path: str | Path | None = None) -> LayoutProfile:
    """The profile named (a file in resources/layouts) or at a path; default ``gbt9704-bulletin``."""
    target = name_or_path or DEFAULT_PROFILE
    path = Path(target)
    if path.suffix != ".toml":
        path = layouts_dir() / f"{target}.toml"
    key = str(path.resolve())
    if key in _CACHE:
        return _CACHE[key]
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        raise ProfileError("layout.profile.not_found", path=str(path)) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError("layout.profile.invalid", path=str(path), detail=str(exc)) from None
    profile = profile_from_dict(data, str(path))
    _CACHE[key] = profile
    return profile
