"""Issue + profile → composed blocks: what prints, in which face and size, with which spacing.

Why a separate step: the preview/PDF engine and the DOCX writer must print the same words with the
same decorations (【】 around 栏目, （） around the source, 报：/送：/发： labels, 共印N份, the 按语
prefix) and the same spacing. compose() decides all of that once; the line breaker and the DOCX
writer only consume Blocks. Every vertical size is in whole grid lines (before_lines, after_lines,
block_lines) or a text line height (line_pt) that the paginator rounds up to whole grid lines per
block, so body lines sit on the same 22 positions on every page.

For the DOCX writer (export/): a Block is one paragraph. ``runs`` are its inline runs (face, size,
bold, colour); ``right_runs`` are set flush right on the block's last line (office | date, 共印N份 on
the last 版记 row), or on a line of their own below it when that line leaves no room for them (then
that line's source field is ``right_field``); ``forced_breaks`` are offsets of editor line breaks
(write ``w:br``); ``rule_below`` is the red rule under the office/date line (under its last line);
``rule_above`` the 版记 rules. Indents are in pt.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import StrEnum

from bulletin_desk.layout.metrics import default_metrics
from bulletin_desk.layout.page import BlockRole, Face, SourceRef
from bulletin_desk.layout.profile import ElementSpec, LayoutProfile
from bulletin_desk.model import Issue, ParagraphKind


class Group(StrEnum):
    """Where a block goes: the 版头 on page 1, the flowing content, or the 版记 pinned to the bottom."""

    HEADER = "header"
    CONTENT = "content"
    IMPRINT = "imprint"


@dataclass(frozen=True)
class InlineRun:
    text: str
    face: Face
    size: float
    bold: bool = False
    color: str = "#000000"
    tracking: float = 0.0  # pt added after every character but a run's last (measured in LibreOffice)


@dataclass(frozen=True)
class RuleSpec:
    thickness: float
    color: str
    gap: float = 0.0  # office/date: below the baseline of the line


@dataclass(frozen=True)
class Block:
    role: BlockRole
    runs: tuple[InlineRun, ...]
    source: SourceRef
    group: Group = Group.CONTENT
    align: str = "justify"  # left | center | right | justify
    size: float = 16.0
    first_line_indent: float = 0.0  # pt
    left_indent: float = 0.0
    right_indent: float = 0.0
    hanging_indent: float = 0.0  # continuation lines start this far right of left_indent (版记)
    line_pt: float = 0.0  # 0: one grid line per text line
    before_lines: int = 0
    after_lines: int = 0
    block_lines: int = 0  # a fixed height in grid lines (masthead); 0: computed
    keep_with_next: bool = False
    balanced: bool = False  # titles: lines of similar length
    max_width: float = 0.0  # titles: the widest line allowed (0: the 版心 less indents)
    forced_breaks: tuple[int, ...] = ()
    right_runs: tuple[InlineRun, ...] = ()
    right_field: str = ""  # the model field right_runs print: the source of a line they must take alone
    rule_below: RuleSpec | None = None
    rule_above: RuleSpec | None = None
    field_offset: int = 0  # where the model field's own text starts in the printed text
    # Article layout hints (the last squeeze onto 2 or 4 pages): ``page_break_before`` on the block that
    # starts the article (its 栏目 heading when it is the 栏目's first article, so the heading goes along);
    # ``keep_together`` on every block of an article that must not be split across pages.
    page_break_before: bool = False
    keep_together: bool = False
    extra: dict[str, str] = field(default_factory=dict, compare=False, hash=False)

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


# The roles the DOCX sets on the line grid (body-size text of the flow, ``snapToGrid`` on): LibreOffice
# centres their lines in the page's grid rows (``grid.baseline_em``). Every other block — 版头, 【栏目】,
# titles, the 版记 — is written off the grid in lines of exact height, whose baseline LibreOffice puts
# elsewhere (LayoutProfile.exact_baseline), so the engine must know which is which.
GRID_ROLES = frozenset({BlockRole.BODY, BlockRole.NOTE, BlockRole.H1, BlockRole.H2, BlockRole.H3, BlockRole.H4,
                        BlockRole.SOURCE})


def on_grid(block: Block) -> bool:
    """Whether the DOCX writes ``block`` on the line grid (else off it, in exact line heights)."""
    return block.group is Group.CONTENT and block.role in GRID_ROLES and not block.line_pt


def _run(profile: LayoutProfile, spec: ElementSpec, text: str, *, bold: bool | None = None,
         size: float | None = None) -> InlineRun:
    size = size or spec.size_pt
    tracking = profile.grid.tracking_pt if abs(size - profile.grid.body_size_pt) < 0.01 else 0.0
    return InlineRun(text, spec.face, size, spec.bold if bold is None else bold, profile.color(spec.color), tracking)


def _block(profile: LayoutProfile, name: str, role: BlockRole, runs: tuple[InlineRun, ...], source: SourceRef,
           **overrides: object) -> Block:
    spec = profile.element(name)
    values: dict[str, object] = {
        "align": spec.align, "size": spec.size_pt,
        "first_line_indent": spec.first_line_chars * spec.size_pt,
        "left_indent": spec.left_chars * spec.size_pt, "right_indent": spec.right_chars * spec.size_pt,
        "line_pt": spec.line_pt, "before_lines": spec.before_lines, "after_lines": spec.after_lines,
        "block_lines": spec.block_lines,
    }
    values.update(overrides)
    return Block(role, runs, source, **values)  # type: ignore[arg-type]


def header_blocks(issue: Issue, profile: LayoutProfile) -> list[Block]:
    head = issue.masthead
    blocks: list[Block] = []
    if head.classification:
        spec = profile.element("classification")
        blocks.append(_block(profile, "classification", BlockRole.CLASSIFICATION,
                             (_run(profile, spec, head.classification),), SourceRef("masthead.classification"),
                             group=Group.HEADER))
    spec = profile.element("masthead")
    size = spec.size_pt
    if spec.fit_to_width and head.title:
        room = profile.body_width - 2 * spec.inset_chars * spec.size_pt
        ems = _rough_width(head.title, 1.0)
        size = min(size, int(room / ems * 2) / 2)  # half-point steps, like Word's size box
    blocks.append(_block(profile, "masthead", BlockRole.MASTHEAD, (_run(profile, spec, head.title, size=size),),
                         SourceRef("masthead.title"), group=Group.HEADER, size=size))
    spec = profile.element("issue_number")
    prefix = "增刊" if head.supplement else ""
    number = f"{prefix}第{head.number}期" if head.number is not None else (prefix or "")
    total = f"（总第{head.total_number}期）" if head.total_number is not None else ""
    pieces = [number + total] if spec.one_line else [number, total]
    for index, piece in enumerate(p for p in pieces if p):
        blocks.append(_block(profile, "issue_number", BlockRole.ISSUE_NUMBER, (_run(profile, spec, piece),),
                             SourceRef("masthead.number" if index == 0 and number else "masthead.total_number"),
                             group=Group.HEADER, before_lines=spec.before_lines if index == 0 else 0))
    spec = profile.element("office_date")
    date = f"{head.date.year}年{head.date.month}月{head.date.day}日" if head.date else ""
    inset = spec.inset_chars * spec.size_pt
    blocks.append(_block(profile, "office_date", BlockRole.OFFICE_DATE, (_run(profile, spec, head.office),),
                         SourceRef("masthead.office"), group=Group.HEADER, align="left",
                         left_indent=inset, right_indent=inset,
                         right_runs=(_run(profile, spec, date),) if date else (), right_field="masthead.date",
                         rule_below=RuleSpec(spec.rule_thickness_pt, profile.color(spec.rule_color),
                                             spec.rule_gap_pt)))
    return blocks


def content_blocks(issue: Issue, profile: LayoutProfile) -> list[Block]:
    blocks = _content_blocks(issue, profile)
    return _with_article_hints(issue, blocks)


def _with_article_hints(issue: Issue, blocks: list[Block]) -> list[Block]:
    """Mark the blocks of articles with ``page_break_before`` / ``keep_together`` (see Block)."""
    articles = issue.sections
    if not any(a.page_break_before or a.keep_together for s in articles for a in s.articles):
        return blocks
    result: list[Block] = []
    seen: set[tuple[int, int]] = set()
    for index, block in enumerate(blocks):
        s_index, a_index = block.source.section, block.source.article
        if s_index is None:
            result.append(block)
            continue
        if a_index is None:  # a 栏目 heading: it carries the break of the 栏目's first article
            following = blocks[index + 1].source if index + 1 < len(blocks) else None
            first = issue.sections[s_index].articles[0] if issue.sections[s_index].articles else None
            starts = (first is not None and first.page_break_before and following is not None
                      and following.section == s_index and following.article == 0)
            result.append(replace(block, page_break_before=True) if starts else block)
            continue
        article = issue.sections[s_index].articles[a_index]
        first_block = (s_index, a_index) not in seen
        seen.add((s_index, a_index))
        heading_took_it = bool(a_index == 0 and issue.sections[s_index].heading)
        result.append(replace(
            block, keep_together=article.keep_together,
            page_break_before=article.page_break_before and first_block and not heading_took_it))
    return result


def _content_blocks(issue: Issue, profile: LayoutProfile) -> list[Block]:
    blocks: list[Block] = []
    heading_roles = {ParagraphKind.H1: BlockRole.H1, ParagraphKind.H2: BlockRole.H2,
                     ParagraphKind.H3: BlockRole.H3, ParagraphKind.H4: BlockRole.H4}
    for s_index, section in enumerate(issue.sections):
        if section.heading:
            spec = profile.element("section")
            blocks.append(_block(profile, "section", BlockRole.SECTION,
                                 (_run(profile, spec, f"【{section.heading}】"),),
                                 SourceRef("heading", s_index), keep_with_next=True, field_offset=1))
        for a_index, article in enumerate(section.articles):
            if article.title:
                blocks.append(_title_block(profile, article.title, s_index, a_index))
            if article.note:
                spec = profile.element("note")
                prefix = "" if article.note.startswith(("编者按", "按：", "按语")) else spec.prefix
                runs = ((_run(profile, spec, prefix, bold=spec.prefix_bold),) if prefix else ()) + (
                    _run(profile, spec, article.note),)
                blocks.append(_block(profile, "note", BlockRole.NOTE, runs, SourceRef("note", s_index, a_index),
                                     field_offset=len(prefix)))
            for p_index, para in enumerate(article.paragraphs):
                role = heading_roles.get(para.kind, BlockRole.BODY)
                spec = profile.element(role.value)
                runs = ((_run(profile, spec, para.lead, bold=True),) if para.lead else ()) + (
                    (_run(profile, spec, para.text),) if para.text else ())
                blocks.append(_block(profile, role.value, role, runs,
                                     SourceRef("paragraph", s_index, a_index, p_index),
                                     keep_with_next=role is not BlockRole.BODY))
            if article.source:
                spec = profile.element("source")
                blocks.append(_block(profile, "source", BlockRole.SOURCE,
                                     (_run(profile, spec, f"{spec.open}{article.source}{spec.close}"),),
                                     SourceRef("source", s_index, a_index), field_offset=len(spec.open)))
    return blocks


def _title_block(profile: LayoutProfile, title: str, s_index: int, a_index: int) -> Block:
    spec = profile.element("title")
    breaks: list[int] = []
    text = ""
    for piece in title.split("\n"):
        if text:
            breaks.append(len(text))
        text += piece.strip()
    max_width = spec.max_chars_per_line * spec.size_pt if spec.max_chars_per_line else 0.0
    return _block(profile, "title", BlockRole.TITLE, (_run(profile, spec, text),), SourceRef("title", s_index, a_index),
                  keep_with_next=True, balanced=True, max_width=max_width, forced_breaks=tuple(breaks))


def imprint_blocks(issue: Issue, profile: LayoutProfile) -> list[Block]:
    """The 版记 rows: colophon items packed on rows, then one row per distribution list."""
    spec = profile.element("imprint")
    labels = spec.labels
    inset = spec.inset_chars * spec.size_pt
    col = issue.colophon
    items = [labels.get(key, "") + value for key, value in (
        ("editor", col.editor), ("reviewer", col.reviewer), ("approver", col.approver), ("phone", col.phone),
        ("fax", col.fax), ("email", col.email)) if value]
    room = profile.body_width - 2 * inset
    gap = "\u3000" * int(spec.item_gap_chars)
    rows: list[str] = []
    for item in items:
        candidate = f"{rows[-1]}{gap}{item}" if rows else item
        if rows and _rough_width(candidate, spec.size_pt) <= room:
            rows[-1] = candidate
        else:
            rows.append(item)
    blocks: list[Block] = []
    thick = RuleSpec(spec.thick_rule_pt, profile.color("black"))
    thin = RuleSpec(spec.thin_rule_pt, profile.color("black"))
    for row in rows:
        blocks.append(_imprint_row(profile, spec, row, "colophon", inset, thick if not blocks else None))
    dist = issue.distribution
    lists = [("report_to", dist.report_to), ("send_to", dist.send_to), ("issue_to", dist.issue_to)]
    if dist.cc:
        lists = [("cc", dist.cc)] + [entry for entry in lists if entry[1]]
    first_dist = True
    for key, value in lists:
        if not value:
            continue
        label = labels.get(key, "")
        rule = thick if not blocks else (thin if first_dist else None)
        blocks.append(_imprint_row(profile, spec, label + value, f"distribution.{key}", inset, rule,
                                   hanging=_rough_width(label, spec.size_pt), field_offset=len(label)))
        first_dist = False
    if issue.copies is not None:
        copies = (_run(profile, spec, spec.copies.format(copies=issue.copies)),)
        if blocks and blocks[-1].source.field.startswith("distribution"):
            blocks[-1] = _with_right(blocks[-1], copies)
        else:
            blocks.append(_block(profile, "imprint", BlockRole.IMPRINT, (), SourceRef("copies"),
                                 group=Group.IMPRINT, align="left", left_indent=inset, right_indent=inset,
                                 right_runs=copies, right_field="copies", rule_above=None if blocks else thick))
    return blocks


def _with_right(block: Block, right: tuple[InlineRun, ...]) -> Block:
    return replace(block, right_runs=right, right_field="copies")


def _imprint_row(profile: LayoutProfile, spec: ElementSpec, text: str, field_name: str, inset: float,
                 rule: RuleSpec | None, *, hanging: float = 0.0, field_offset: int = 0) -> Block:
    return _block(profile, "imprint", BlockRole.IMPRINT, (_run(profile, spec, text),), SourceRef(field_name),
                  group=Group.IMPRINT, align="left", left_indent=inset, right_indent=inset, hanging_indent=hanging,
                  rule_above=rule, field_offset=field_offset)


def _rough_width(text: str, size: float) -> float:
    """Width at ``size`` without letter spacing (packing 版记 items, fitting the masthead)."""
    metrics = default_metrics()
    return sum(metrics.em(ch) for ch in text) * size


def compose_blocks(issue: Issue, profile: LayoutProfile) -> list[Block]:
    """Every block of the issue in print order: 版头, content, then the 版记 rows (group IMPRINT)."""
    return header_blocks(issue, profile) + content_blocks(issue, profile) + imprint_blocks(issue, profile)
