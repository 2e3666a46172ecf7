"""Lines of text as LibreOffice printed them, read back from its PDF with PyMuPDF (tests only: AGPL).

Each line keeps its characters with their x positions, so a test can compare not just where a
line breaks but where each glyph sits. Hanging punctuation that LibreOffice leaves undrawn (§6: some
hanging 、 vanish from its PDF) is not recoverable here; comparisons work on source offsets and
tolerate it (see align.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pymupdf


@dataclass
class PdfChar:
    char: str
    x0: float
    x1: float
    size: float
    font: str


@dataclass
class PdfLine:
    page: int  # 0-based
    baseline: float  # pt from the page top
    chars: list[PdfChar] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(c.char for c in self.chars)

    @property
    def x0(self) -> float:
        return self.chars[0].x0 if self.chars else 0.0

    @property
    def x1(self) -> float:
        return self.chars[-1].x1 if self.chars else 0.0


def pdf_lines(pdf_path: str, *, tolerance: float = 2.0) -> list[PdfLine]:
    """Every visual line of every page, top to bottom, characters left to right; spaces dropped."""
    result: list[PdfLine] = []
    with pymupdf.open(pdf_path) as doc:
        for page_index, page in enumerate(doc):
            rows: list[PdfLine] = []
            raw = page.get_text("rawdict")
            for block in raw["blocks"]:
                for line in block.get("lines", []):
                    for span in line["spans"]:
                        for ch in span["chars"]:
                            if ch["c"].isspace():
                                continue
                            base = ch["origin"][1]
                            row = next((r for r in rows if abs(r.baseline - base) <= tolerance), None)
                            if row is None:
                                row = PdfLine(page_index, base)
                                rows.append(row)
                            row.chars.append(PdfChar(ch["c"], ch["bbox"][0], ch["bbox"][2], span["size"],
                                                     span["font"]))
            for row in rows:
                row.chars.sort(key=lambda c: (round(c.x0, 1), c.x1))  # a zero-width 2nd “—” before the next
            rows.sort(key=lambda r: r.baseline)
            result.extend(rows)
    return result


def page_count(pdf_path: str) -> int:
    with pymupdf.open(pdf_path) as doc:
        return doc.page_count
