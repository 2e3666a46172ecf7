"""Measure how often the engine breaks body lines where LibreOffice breaks them (the fidelity figure).

Body paragraphs of an issue (lead in bold, 2-character indent, justified) go through the probe DOCX
writer, LibreOffice renders them, and each PDF line is mapped back to a source offset. A soft wrap
agrees when LibreOffice starts a line at the same offset as the engine. Characters LibreOffice
leaves undrawn at a line end (a hanging 、 sometimes vanishes from its PDF) are tolerated.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tests.support.pdf_lines import pdf_lines
from tests.support.probe_writer import ProbeParagraph, ProbeRun, probe_docx_bytes
from tests.support.soffice import SofficeRunner

from bulletin_desk.layout import Block, LayoutProfile, StaticMetrics, break_block, compose_blocks, load_profile
from bulletin_desk.layout.page import BlockRole
from bulletin_desk.model import Issue


@dataclass
class Agreement:
    agreed: int = 0
    total: int = 0
    paragraphs: int = 0
    differences: list[tuple[str, list[int], list[int]]] = field(default_factory=list)

    @property
    def ratio(self) -> float:
        return self.agreed / self.total if self.total else 1.0

    def add(self, other: Agreement) -> None:
        self.agreed += other.agreed
        self.total += other.total
        self.paragraphs += other.paragraphs
        self.differences.extend(other.differences)


def body_blocks(issue: Issue, profile: LayoutProfile) -> list[Block]:
    return [b for b in compose_blocks(issue, profile) if b.role is BlockRole.BODY and b.text]


def probe_paragraph(block: Block, profile: LayoutProfile) -> ProbeParagraph:
    return ProbeParagraph(tuple(ProbeRun(r.text, r.bold) for r in block.runs),
                          first_line_chars=block.first_line_indent / block.size)


def engine_starts(block: Block, profile: LayoutProfile) -> list[int]:
    width = profile.body_width - block.left_indent - block.right_indent
    return [line.start for line in break_block(block, width, StaticMetrics(), profile.breaking)]


def libreoffice_starts(texts: list[str], lines: list[str]) -> list[list[int]]:
    """Line starts per paragraph, from the PDF's lines in order (paragraphs in order)."""
    result: list[list[int]] = []
    index = 0
    for text in texts:
        starts: list[int] = []
        pos = 0
        while pos < len(text) and index < len(lines):
            line = lines[index]
            if text.startswith(line, pos):
                starts.append(pos)
            elif text.startswith(line, pos + 1):  # one undrawn character closed the previous line
                starts.append(pos + 1)
                pos += 1
            else:
                raise AssertionError(f"PDF line {line!r} does not continue {text[pos:pos + 30]!r}")
            pos += len(line)
            index += 1
        result.append(starts)
    return result


def measure(issues: list[Issue], runner: SofficeRunner, profile: LayoutProfile | None = None,
            name: str = "agreement") -> Agreement:
    profile = profile or load_profile()
    blocks = [b for issue in issues for b in body_blocks(issue, profile)]
    pdf = runner.docx_bytes_to_pdf(probe_docx_bytes([probe_paragraph(b, profile) for b in blocks]), name)
    texts = [b.text.replace(" ", "") for b in blocks]
    lo = libreoffice_starts(texts, [line.text for line in pdf_lines(str(pdf))])
    result = Agreement()
    for block, lo_starts in zip(blocks, lo, strict=True):
        ours = engine_starts(block, profile)
        if " " in block.text:  # the PDF drops spaces: compare in space-free offsets
            mapping = [i - block.text[:i].count(" ") for i in range(len(block.text) + 1)]
            ours = [mapping[s] for s in ours]
        wraps_lo, wraps_ours = set(lo_starts[1:]), set(ours[1:])
        result.paragraphs += 1
        result.total += max(len(wraps_lo), len(wraps_ours))
        result.agreed += len(wraps_lo & wraps_ours)
        if wraps_lo != wraps_ours:
            result.differences.append((block.text, lo_starts, ours))
    return result


def first_difference(text: str, lo: list[int], ours: list[int]) -> str:
    """The first line where the two disagree, both versions, for a human to read."""
    for k, (a, b) in enumerate(zip(lo, ours, strict=False)):
        if a != b:
            prev = lo[k - 1] if k else 0
            return f"LO: {text[prev:a]}|{text[a:a + 8]}\nus: {text[prev:b]}|{text[b:b + 8]}"
    return f"LO {lo} vs us {ours}"


def main() -> None:  # pragma: no cover - a measuring script
    import sys
    from pathlib import Path

    from bulletin_desk.model import loads

    if sys.argv[1:2] == ["--generated"]:
        from tests.support.generate import generated_issue

        issues = [generated_issue(seed) for seed in range(1, int(sys.argv[2]) + 1)]
        found = measure(issues, SofficeRunner())
        print(f"{found.agreed}/{found.total} soft wraps agree ({found.ratio:.1%}) in {found.paragraphs} paragraphs")
        for text, lo, ours in found.differences:
            print(first_difference(text, lo, ours))
        return
    paths = sys.argv[1:] or [str(Path(__file__).resolve().parents[2] / "resources/samples/reference.bdjson")]
    issues = [loads(Path(p).read_bytes()) for p in paths]
    found = measure(issues, SofficeRunner())
    print(f"{found.agreed}/{found.total} soft wraps agree ({found.ratio:.1%}) in {found.paragraphs} paragraphs")
    for text, lo, ours in found.differences:
        print(first_difference(text, lo, ours))


if __name__ == "__main__":
    main()
