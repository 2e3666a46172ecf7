"""The probe corpus: paragraphs that show, character by character, where LibreOffice 7.4 breaks lines.

Run as a script (``python -m tests.support.probe_corpus``) to print the classification tables
recorded in docs/layout-decisions.md; tests/layout/test_probe_libreoffice.py runs the same corpus
and asserts the engine agrees.

Line-start probe: 28 ideographs fill a line exactly, then the probed character. If LibreOffice lets
it start the next line → "start-ok"; if it stays past the right edge → "hangs"; if the 28th ideograph
is pushed down with it → "no-start". Line-end probe: 27 ideographs, the character, then more
ideographs: if it stays as the 28th character → "end-ok", if it moves down → "no-end".
"""

from __future__ import annotations

from tests.support.probe_writer import ProbeGeometry, ProbeParagraph, ProbeRun, probe_docx_bytes

FILL = "一"
AFTER = "二二"
PROBED = ("、，。．：；？！…—·‘’“”（）《》〈〉「」『』【】〔〕〖〗［］｛｝％＄￥～｜／"
          "!%),.:;?]}([{$'\"-/°℃‰々〃ー")


def start_paragraph(char: str) -> ProbeParagraph:
    return ProbeParagraph((ProbeRun(FILL * 28 + char + AFTER),), first_line_chars=0)


def end_paragraph(char: str) -> ProbeParagraph:
    return ProbeParagraph((ProbeRun(FILL * 27 + char + AFTER),), first_line_chars=0)


def classification_docx(chars: str = PROBED, geometry: ProbeGeometry | None = None) -> bytes:
    paras = [p for c in chars for p in (start_paragraph(c), end_paragraph(c))]
    return probe_docx_bytes(paras, geometry)


def classify(lines: list[str], chars: str = PROBED) -> dict[str, tuple[str, str]]:
    """(start behaviour, end behaviour) per probed character, from the PDF's text lines in order."""
    result: dict[str, tuple[str, str]] = {}
    index = 0
    for char in chars:
        first, second = lines[index], lines[index + 1]
        index += 2
        if first.endswith(char):
            start = "hangs"
        elif second.startswith(FILL + char):
            start = "no-start"
        else:
            start = "start-ok"
        third, fourth = lines[index], lines[index + 1]
        index += 2
        end = "end-ok" if third.endswith(char) else "no-end"
        del fourth
        result[char] = (start, end)
    return result


def main() -> None:  # pragma: no cover - a measuring script
    from tests.support.pdf_lines import pdf_lines
    from tests.support.soffice import SofficeRunner

    runner = SofficeRunner()
    pdf = runner.docx_bytes_to_pdf(classification_docx(), "classify")
    lines = [line.text for line in pdf_lines(str(pdf))]
    table = classify(lines)
    for label in ("hangs", "no-start", "start-ok"):
        print(label, "".join(c for c, (s, _) in table.items() if s == label))
    for label in ("no-end", "end-ok"):
        print(label, "".join(c for c, (_, e) in table.items() if e == label))


if __name__ == "__main__":
    main()
