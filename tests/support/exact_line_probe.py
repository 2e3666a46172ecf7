"""Where LibreOffice 7.4 puts the baseline of a line of exact height: the probe behind ``grid.exact_ascent``
and ``LayoutProfile.grid_inset`` (docs/layout-decisions.md, findings 16–18).

Why a probe: every block the DOCX writes off the line grid (版头, 【栏目】, titles, the 版记 rows) is a
paragraph of exact line height, and the engine must put its baseline where LibreOffice does. The engine
used to centre the em box in the line like a grid line; LibreOffice does not (the 版记 came out 2.8 pt
lower, 22 pt titles 0.9 pt lower). This writes, with the real writer (export/), one exact-height line per
page for every face × size × height below, then a 版记-like table whose rows carry top borders of several
widths, renders it, and compares each baseline with the profile's prediction. A second document with a
taller bottom margin shows the grid inset move with the type area.

Run by hand: ``PYTHONPATH=. .venv/bin/python -m tests.support.exact_line_probe`` (prints the table);
``tests/layout/test_libreoffice_fidelity.py`` asserts it.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

from tests.support.pdf_lines import pdf_lines
from tests.support.soffice import SofficeRunner

from bulletin_desk.export.geometry import ParaFormat, RuleStyle, RunFormat
from bulletin_desk.export.profile_adapter import geometry_from_profile
from bulletin_desk.export.writer import (
    DocxContent,
    DocxImprint,
    DocxParagraph,
    ImprintRow,
    RunSpec,
    build_package,
)
from bulletin_desk.layout.page import BlockRole, Face
from bulletin_desk.layout.profile import MM, LayoutProfile
from bulletin_desk.model import Issue, Masthead

FACES = (Face.FANGSONG, Face.XIAOBIAOSONG, Face.KAITI, Face.HEITI)
SIZES = (10.5, 14.0, 16.0, 22.0, 42.0)
HEIGHTS = (14.0, 28.95, 35.0, 57.9)  # a page number's line, one grid line, a title line, the masthead's two
BORDERS = (0.99, 0.0, 0.25, 0.71, 0.99, 1.5, 2.25, 3.0)  # 版记 rows' top borders (the first as in the 版记)
LINE_TEXT = "一二三"
ROW_TEXT = "报送发"
TALLER_BOTTOM_TWIPS = 100  # the second document: a type area 5 pt shorter, 21 grid rows and 12.4 pt over


@dataclass(frozen=True)
class Case:
    """One measured line: its face, size, line height, top border, and where the profile puts it."""

    kind: str  # "line" (a paragraph at a page top) or "row" (a 版记-like table row)
    face: Face
    size: float
    line_h: float
    border: float
    expected: float  # the profile's baseline, pt from the page top
    found: float | None = None  # LibreOffice's

    @property
    def delta(self) -> float:
        return float("inf") if self.found is None else self.found - self.expected


def _line_cases() -> list[tuple[Face, float, float]]:
    return [(face, size, line_h) for face in FACES for size in SIZES for line_h in HEIGHTS
            if size <= 1.6 * line_h]  # a 42 pt line in a 14 pt one overlaps its neighbours: not a case we write


def probe_docx(profile: LayoutProfile) -> tuple[bytes, list[Case]]:
    """The probe document for ``profile``'s page and grid, and its cases with the profile's prediction.

    Each line case opens a page (no spacing before), so its line's top is the type area's top; the table
    follows the last page's line directly, so its first row's top is that line's bottom. Rows keep their
    exact height (measured: a border does not add to it), so row k starts k grid lines lower.
    """
    geometry = geometry_from_profile(profile)
    top = profile.top + profile.grid_inset
    paragraphs: list[DocxParagraph] = []
    cases: list[Case] = []
    for face, size, line_h in _line_cases():
        fmt = ParaFormat(size, align="left", line_pt=line_h, snap_to_grid=False, page_break_before=bool(paragraphs))
        paragraphs.append(DocxParagraph(BlockRole.TITLE, (RunSpec(LINE_TEXT, RunFormat(face, size)),), fmt))
        cases.append(Case("line", face, size, line_h, 0.0, top + profile.exact_baseline(line_h)))
    row_top = top + cases[-1].line_h
    spec = profile.element("imprint")
    rows: list[ImprintRow] = []
    for index, border in enumerate(BORDERS):
        fmt = ParaFormat(spec.size_pt, align="left", line_pt=profile.pitch, snap_to_grid=False)
        paragraph = DocxParagraph(BlockRole.IMPRINT, (RunSpec(ROW_TEXT, RunFormat(spec.face, spec.size_pt)),), fmt)
        rows.append(ImprintRow(paragraph, profile.pitch, RuleStyle(border) if border else None))
        expected = row_top + index * profile.pitch + border + profile.exact_baseline(profile.pitch)
        cases.append(Case("row", spec.face, spec.size_pt, profile.pitch, border, expected))
    imprint = DocxImprint(tuple(rows), None, pad_pt=0.0)
    issue = Issue(masthead=Masthead(title="probe", office="probe"))
    content = DocxContent(paragraphs, imprint, pages=len(paragraphs))
    return build_package(issue, geometry, content, title="exact-line probe", author="probe"), cases


def taller_bottom(profile: LayoutProfile) -> LayoutProfile:
    """``profile`` with a bottom margin TALLER_BOTTOM_TWIPS larger: another grid inset."""
    page = dataclasses.replace(profile.page,
                               margin_bottom_mm=profile.page.margin_bottom_mm + TALLER_BOTTOM_TWIPS / 20 / MM)
    return dataclasses.replace(profile, page=page, name=profile.name + "-taller-bottom")


def measure(runner: SofficeRunner, profile: LayoutProfile, name: str = "exact-lines") -> list[Case]:
    """Render the probe for ``profile`` and fill in LibreOffice's baselines."""
    data, cases = probe_docx(profile)
    pdf = runner.docx_bytes_to_pdf(data, name)
    printed = pdf_lines(str(pdf))
    lines = [ln for ln in printed if ln.text == LINE_TEXT]
    rows = [ln for ln in printed if ln.text == ROW_TEXT]
    line_cases = [c for c in cases if c.kind == "line"]
    row_cases = [c for c in cases if c.kind == "row"]
    if len(lines) != len(line_cases) or len(rows) != len(row_cases):
        raise AssertionError(f"LibreOffice printed {len(lines)} of {len(line_cases)} probe lines and {len(rows)} of "
                             f"{len(row_cases)} rows")
    return [dataclasses.replace(case, found=line.baseline)
            for case, line in zip(line_cases + row_cases, lines + rows, strict=True)]


def main() -> int:
    import tempfile

    from bulletin_desk.layout.profile import load_profile

    runner = SofficeRunner(Path(tempfile.mkdtemp(prefix="bd-exact-")))
    profile = load_profile()
    print(f"grid inset {profile.grid_inset:.3f} pt, exact_ascent {profile.grid.exact_ascent}")
    groups: dict[tuple[str, float, float], list[Case]] = {}
    for case in measure(runner, profile):
        groups.setdefault((case.kind, case.line_h, case.border), []).append(case)
    print(f"{'kind':<5} {'H':>6} {'B':>5} {'n':>3}  {'baseline in line':>16} {'profile':>8}  LO − profile")
    for (kind, line_h, border), cases in groups.items():
        found = [c.found - (c.expected - profile.exact_baseline(line_h) - border) for c in cases
                 if c.found is not None]
        deltas = [c.delta for c in cases]
        print(f"{kind:<5} {line_h:>6} {border:>5} {len(cases):>3}  {min(found):>7.3f} … {max(found):<6.3f} "
              f"{profile.exact_baseline(line_h) + border:>8.3f}  {min(deltas):+.3f} … {max(deltas):+.3f}")
    other = taller_bottom(profile)
    worst = max((abs(c.delta) for c in measure(runner, other, "exact-lines-taller")), default=float("inf"))
    print(f"bottom margin +{TALLER_BOTTOM_TWIPS} twips: grid inset {other.grid_inset:.3f} pt, worst |LO−profile| "
          f"{worst:.3f} pt")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
