"""compose_blocks: the words that print around the model's clean text, and the DOCX writer's contract."""

from __future__ import annotations

import ast
from pathlib import Path

from bulletin_desk.layout import Group, LayoutProfile, compose_blocks
from bulletin_desk.layout.page import BlockRole, Face
from bulletin_desk.model import Article, Distribution, Issue, Masthead, Paragraph, ParagraphKind, Section

LAYOUT_SRC = Path(__file__).resolve().parents[2] / "src" / "bulletin_desk" / "layout"


def test_reference_blocks(reference_issue: Issue, profile: LayoutProfile) -> None:
    blocks = compose_blocks(reference_issue, profile)
    by_role = {}
    for block in blocks:
        by_role.setdefault(block.role, block)  # the first block of each role
    assert by_role[BlockRole.SECTION].text == "【新时代文明实践中心建设】"
    assert by_role[BlockRole.SOURCE].text == "（海淀区文明办）" and by_role[BlockRole.SOURCE].align == "right"
    office = by_role[BlockRole.OFFICE_DATE]
    assert office.text == "首都精神文明办" and office.right_runs[0].text == "2020年4月29日"
    assert office.rule_below is not None and office.rule_below.thickness == 2.25
    body = by_role[BlockRole.BODY]
    assert body.runs[0].bold and body.runs[0].text == "迅速吹响疫情“集结号”。" and not body.runs[1].bold
    assert body.runs[0].tracking == -0.25 and body.first_line_indent == 32
    title = by_role[BlockRole.TITLE]
    assert title.runs[0].face is Face.XIAOBIAOSONG and title.size == 22 and title.keep_with_next
    imprint = [b for b in blocks if b.group is Group.IMPRINT]
    assert [b.text[:3] for b in imprint] == ["责编：", "传真：", "报：中", "送：首", "发：各"]
    assert imprint[0].rule_above is not None and imprint[2].rule_above is not None
    assert imprint[1].rule_above is None and imprint[2].hanging_indent == 28  # wrapped rows align after 报：
    assert [b.group for b in blocks][:4] == [Group.HEADER] * 4


def test_headings_notes_copies_and_one_line_issue_number(profile: LayoutProfile) -> None:
    issue = Issue(masthead=Masthead(title="简报", number=3, total_number=99, supplement=True),
                  sections=[Section(articles=[Article(
                      title="标题", note="本期刊发……", paragraphs=[
                          Paragraph(text="一、总体情况", kind=ParagraphKind.H1),
                          Paragraph(text="（一）具体", kind=ParagraphKind.H2),
                          Paragraph(text="正文。")])])],
                  distribution=Distribution(cc="各区文明办"), copies=120)
    blocks = compose_blocks(issue, profile)
    roles = [b.role for b in blocks]
    assert roles.count(BlockRole.ISSUE_NUMBER) == 2
    assert [b.text for b in blocks if b.role is BlockRole.ISSUE_NUMBER] == ["增刊第3期", "（总第99期）"]
    note = next(b for b in blocks if b.role is BlockRole.NOTE)
    assert note.runs[0].text == "编者按：" and note.runs[0].bold and note.runs[1].face is Face.KAITI
    h1 = next(b for b in blocks if b.role is BlockRole.H1)
    h2 = next(b for b in blocks if b.role is BlockRole.H2)
    assert h1.runs[0].face is Face.HEITI and h2.runs[0].face is Face.KAITI and h1.keep_with_next
    last = [b for b in blocks if b.group is Group.IMPRINT][-1]
    assert last.text == "抄送：各区文明办" and last.right_runs[0].text == "共印120份"
    masthead = next(b for b in blocks if b.role is BlockRole.MASTHEAD)
    assert masthead.size == 42  # a short name keeps the profile's 初号


def test_long_masthead_is_fitted_to_the_type_area(reference_issue: Issue, profile: LayoutProfile) -> None:
    masthead = next(b for b in compose_blocks(reference_issue, profile) if b.role is BlockRole.MASTHEAD)
    assert masthead.size < 42
    assert masthead.size * len(masthead.text) <= profile.body_width - profile.element("masthead").size_pt


def test_layout_imports_no_qt() -> None:
    for path in LAYOUT_SRC.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            for name in names:
                assert not name.startswith(("PySide6", "PyQt", "shiboken", "fitz", "pymupdf", "sqlalchemy",
                                            "sqlite3")), f"{path.name} imports {name}"
