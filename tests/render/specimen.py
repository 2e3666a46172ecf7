"""Hand-built PageLayouts of the official page, independent of the layout engine.

The painter's tests check what reaches the PDF against these numbers (GB/T 9704 geometry): A4,
版心 156 × 225 mm at 28 mm from the left and 37 mm from the top, 22 lines of 28 characters, a red rule
under the masthead, page numbers "— n —" 7 mm below the 版心 (odd right, even left, 空一字) on every
page (the last one holds text and the 版记, so it is numbered too), and the 版记's last rule on the 版心
bottom of the last page.
"""

from __future__ import annotations

from bulletin_desk.layout.page import BlockRole, Face, Line, Page, PageLayout, Rule, SourceRef, TextRun

MM = 72 / 25.4
PAGE_W, PAGE_H = 210 * MM, 297 * MM
LEFT, TOP = 28 * MM, 37 * MM
AREA_W, AREA_H = 156 * MM, 225 * MM
RIGHT, BOTTOM = LEFT + AREA_W, TOP + AREA_H
LINES, CHARS = 22, 28
LINE_PITCH = 28.95
CHAR_PITCH = AREA_W / CHARS
BODY_SIZE = 16.0
ASCENT = 0.88 * BODY_SIZE  # first baseline: the glyph top on the 版心 top
RED = "#E60012"
RED_RULE_THICKNESS = 2.25
IMPRINT_THICK, IMPRINT_THIN = 0.35 * MM, 0.25 * MM

# The six ideographs Qt's PDF writer maps to Kangxi radicals with Noto CJK (must copy back verbatim).
RADICAL_TWINS = "月日首文一心"
BODY_TEXT = (
    "海淀区文明办坚持以社会主义核心价值观为引领，推动新时代文明实践中心建设，"
    "四月以来，各街道组织志愿服务活动一千余场，首都市民文明素质和城市文明程度不断提高。"
    "心系群众，日日有行动，月月有成效，文化惠民工程深入人心。"
)


def run(text: str, x: float, face: Face = Face.FANGSONG, size: float = BODY_SIZE, *, pitch: float | None = None,
        bold: bool = False, color: str = "#000000") -> TextRun:
    step = CHAR_PITCH if pitch is None else pitch
    xs = tuple(x + i * step for i in range(len(text)))
    return TextRun(text, xs, width=len(text) * step, face=face, size=size, bold=bold, color=color)


def baseline(line_no: int) -> float:
    """Baseline of grid line ``line_no`` (0-based) in the 版心."""
    return TOP + ASCENT + line_no * LINE_PITCH


def body_line(text: str, line_no: int, *, paragraph: int = 0, indent: int = 0, bold_chars: int = 0) -> Line:
    x = LEFT + indent * CHAR_PITCH
    runs = []
    if bold_chars:
        runs.append(run(text[:bold_chars], x, bold=True))
        x += bold_chars * CHAR_PITCH
        text = text[bold_chars:]
    runs.append(run(text, x))
    return Line(tuple(runs), baseline(line_no), BlockRole.BODY,
                SourceRef("paragraph", section=0, article=0, paragraph=paragraph))


def page_number_line(number: int) -> Line:
    """'— n —' in 4号 (14 pt): odd pages right 空一字, even pages left 空一字, 7 mm below the 版心."""
    size = 14.0
    digits = str(number)
    widths = [size, size * 0.25] + [size * 0.5] * len(digits) + [size * 0.25, size]
    total = sum(widths)
    x0 = RIGHT - size - total if number % 2 else LEFT + size
    xs, x = [], x0
    for w in widths:
        xs.append(x)
        x += w
    text = "— " + digits + " —"
    runs = (
        TextRun(text[:2], tuple(xs[:2]), widths[0] + widths[1], Face.SONGTI, size),
        TextRun(digits, tuple(xs[2:2 + len(digits)]), size * 0.5 * len(digits), Face.LATIN, size),
        TextRun(text[-2:], tuple(xs[-2:]), widths[-2] + widths[-1], Face.SONGTI, size),
    )
    dash_y = BOTTOM + 7 * MM  # the em dash's middle sits 7 mm below the 版心
    return Line(runs, dash_y + 0.3 * size, BlockRole.PAGE_NUMBER)


def _body_chars(count: int, offset: int = 0) -> str:
    text = BODY_TEXT * (count // len(BODY_TEXT) + 2)
    return text[offset:offset + count]


def first_page() -> Page:
    page = Page(0, PAGE_W, PAGE_H, page_number=1)
    name = "首都精神文明建设情况简报"
    size = 36.0
    x = LEFT + (AREA_W - len(name) * size) / 2
    page.lines.append(Line((run(name, x, Face.XIAOBIAOSONG, size, pitch=size, color=RED),),
                           TOP + 20 * MM + 0.88 * size, BlockRole.MASTHEAD, SourceRef("masthead.title")))
    number = "第19期（总第2128期）"
    page.lines.append(Line((run(number, LEFT + (AREA_W - len(number) * BODY_SIZE) / 2, pitch=BODY_SIZE),),
                           baseline(4), BlockRole.ISSUE_NUMBER, SourceRef("masthead.number")))
    office, date = "首都精神文明办", "2020年4月29日"
    page.lines.append(Line((run(office, LEFT), run(date, RIGHT - len(date) * CHAR_PITCH)),
                           baseline(6), BlockRole.OFFICE_DATE, SourceRef("masthead.office")))
    page.rules.append(Rule(LEFT, RIGHT, baseline(6) + 0.12 * BODY_SIZE + 4 * MM, RED_RULE_THICKNESS, RED))
    page.lines.append(Line((run("【新时代文明实践中心建设】", LEFT, Face.HEITI),), baseline(8), BlockRole.SECTION,
                           SourceRef("heading", section=0)))
    page.lines.append(Line((run(RADICAL_TWINS, LEFT + 2 * CHAR_PITCH),), baseline(9), BlockRole.BODY,
                           SourceRef("paragraph", section=0, article=0, paragraph=0)))
    for line_no in range(10, LINES):
        page.lines.append(body_line(_body_chars(CHARS, line_no * 7), line_no, paragraph=1))
    page.lines.append(page_number_line(1))
    return page


def body_page(index: int) -> Page:
    """A full page: 22 lines of 28 characters, the first paragraph with a bold lead."""
    page = Page(index, PAGE_W, PAGE_H, page_number=index + 1)
    for line_no in range(LINES):
        if line_no == 0:
            page.lines.append(body_line(_body_chars(CHARS - 2, index), 0, paragraph=2, indent=2, bold_chars=10))
        else:
            page.lines.append(body_line(_body_chars(CHARS, index * 31 + line_no * 5), line_no, paragraph=2))
    page.lines.append(page_number_line(index + 1))
    return page


def imprint_page(index: int) -> Page:
    """The last page: body lines on top, the 版记 pinned to the bottom, and its page number — a last page
    holding text and the 版记 is numbered (the issue's rule; only a 版记 alone on a page of its own may go
    unnumbered, when the profile says so)."""
    page = Page(index, PAGE_W, PAGE_H, page_number=index + 1)
    for line_no in range(10):
        page.lines.append(body_line(_body_chars(CHARS, line_no * 3), line_no, paragraph=3))
    rows = ["责编：张三  核稿：李四  电话：12345678", "报：市委宣传部  送：各区文明办", "发：各街道（共印200份）"]
    imprint_size = 14.0
    first_rule = BOTTOM - len(rows) * LINE_PITCH
    page.rules.append(Rule(LEFT, RIGHT, first_rule, IMPRINT_THICK, "#000000"))
    for i, row in enumerate(rows):
        base = first_rule + (i + 1) * LINE_PITCH - 0.3 * LINE_PITCH
        page.lines.append(Line((run(row, LEFT + imprint_size, Face.FANGSONG, imprint_size, pitch=imprint_size),),
                               base, BlockRole.IMPRINT, SourceRef("colophon")))
        if 0 < i + 1 < len(rows):
            page.rules.append(Rule(LEFT, RIGHT, first_rule + (i + 1) * LINE_PITCH, IMPRINT_THIN, "#000000"))
    page.rules.append(Rule(LEFT, RIGHT, BOTTOM - IMPRINT_THICK / 2, IMPRINT_THICK, "#000000"))
    page.lines.append(page_number_line(index + 1))
    return page


def specimen_layout(pages: int = 4) -> PageLayout:
    """Page 1 with the masthead, full body pages, and last a page of text with the 版记 (every page numbered)."""
    built = [first_page()] + [body_page(i) for i in range(1, pages - 1)] + [imprint_page(pages - 1)]
    return PageLayout(built, profile_name="specimen")
