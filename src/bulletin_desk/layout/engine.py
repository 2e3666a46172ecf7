"""Issue + profile → PageLayout: line breaking per block, pagination on the grid, the 版记, page numbers.

Pagination rules (official-layout.md §1, the issue's brief): every block takes whole grid lines, so
body lines sit on the same 22 positions on every page; body text has no widow/orphan control (a page
holds 22 lines); titles, 栏目 and sub-headings keep with the next line, except that a title too tall
to stay whole with them continues on the next page, split between lines; the 版记 is pinned so its last
rule lies on the 版心 bottom of the last page, alone on a new page when it does not fit under the last
text (optionally on an even page, with an unnumbered blank page before it). Two article hints serve the
last squeeze onto 2 or 4 pages: a manual page break starts the article (with its 栏目 heading when it
is the first) at the top of a new page; keep-together moves an article that would split to the next
page when it fits on one page, and does nothing otherwise.

Incremental: ``previous`` (the last PageLayout of the same issue) carries a cache of broken blocks
and finished lines; after a one-character edit only that paragraph is broken again and every page
whose lines did not change is the very same Page object as before (render/ can skip repainting it).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, fields

from bulletin_desk.layout.compose import Block, Group, InlineRun, compose_blocks, on_grid
from bulletin_desk.layout.linebreak import BrokenLine, break_block
from bulletin_desk.layout.metrics import FontMetrics, char_class, default_metrics
from bulletin_desk.layout.page import BlockRole, Face, Line, Page, PageLayout, Rule, SourceRef, TextRun
from bulletin_desk.layout.profile import MM, LayoutProfile, load_profile
from bulletin_desk.model import Issue


@dataclass
class LayoutCache:
    """Broken blocks and finished lines of the last layout, keyed by everything that shapes them."""

    profile: object = None  # the LayoutProfile and FontMetrics these entries were made with
    metrics: object = None
    breaks: dict[tuple[object, ...], tuple[int, list[BrokenLine]]] = field(default_factory=dict)
    lines: dict[tuple[object, ...], Line] = field(default_factory=dict)
    pages: list[Page] = field(default_factory=list)
    stats: dict[str, int] = field(default_factory=lambda: {"broken": 0, "reused": 0})
    next_id: int = 0  # block keys are interned to small ints so line keys hash cheaply


# Every Block field that compares, except ``source`` (it is part of each line's own key, so two blocks of the
# same text share their breaks): the key is built from the dataclass, not from a hand-kept list, so a field
# added to Block later invalidates the cache by default instead of serving stale lines. (A hand-kept list
# once left out ``right_runs`` and ``left_indent``: after editing the date or 共印N份, an incremental
# layout still printed the old ones.)
_SHAPE_FIELDS = tuple(f.name for f in fields(Block) if f.compare and f.name != "source")


def shape_key(block: Block, width: float) -> tuple[object, ...]:
    """What a block's broken lines and finished Line objects depend on, besides the profile and metrics:
    every compared Block field but its source (runs, right-hand runs, indents, role, group, …) and the
    column width."""
    return (*(getattr(block, name) for name in _SHAPE_FIELDS), round(width, 3))


@dataclass
class _Measured:
    block: Block
    lines: list[BrokenLine]
    height: int  # grid lines taken by the text (before/after spacing excluded)
    key: int
    extra_line: bool = False  # right_runs need a line of their own


@dataclass
class _PageBuilder:
    lines: list[Line] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    used: int = 0
    has_text: bool = False
    imprint: bool = False


class _Engine:
    def __init__(self, profile: LayoutProfile, metrics: FontMetrics, previous: LayoutCache | None) -> None:
        self.profile = profile
        self.metrics = metrics
        usable = (previous is not None and previous.metrics is metrics
                  and (previous.profile is profile or previous.profile == profile))
        self.old = previous if usable and previous is not None else LayoutCache()
        self.cache = LayoutCache(profile=profile, metrics=metrics, next_id=self.old.next_id)
        self.top, self.pitch, self.left = profile.top, profile.pitch, profile.left
        self.per_page = profile.grid.lines_per_page

    # ---- measuring
    def measure(self, block: Block) -> _Measured:
        width = self.profile.body_width - block.left_indent - block.right_indent
        key = shape_key(block, width)
        entry = self.cache.breaks.get(key)
        if entry is None:
            entry = self.old.breaks.get(key)
            if entry is None:
                entry = (self.cache.next_id, break_block(block, width, self.metrics, self.profile.breaking))
                self.cache.next_id += 1
                self.cache.stats["broken"] += 1
            else:
                self.cache.stats["reused"] += 1
            self.cache.breaks[key] = entry
        block_id, lines = entry
        extra = False
        if block.right_runs and lines:
            # The right-hand runs (date, 共印N份) close the last line one em clear of its text, or take a
            # line of their own: a long office name or 版记 list never runs into them.
            needed = self.run_width(block.right_runs) + block.size
            extra = lines[-1].right > width - needed
        count = len(lines) + (1 if extra else 0)
        if block.block_lines:
            height = block.block_lines
        elif block.line_pt:
            height = math.ceil(count * block.line_pt / self.profile.pitch - 1e-6)
        else:
            height = count
        if height == 0 and (block.group is not Group.CONTENT or block.right_runs):
            height = 1
        return _Measured(block, lines, height, block_id, extra)

    def run_width(self, runs: tuple[InlineRun, ...]) -> float:
        total = 0.0
        for run in runs:
            for index, ch in enumerate(run.text):
                total += self.metrics.advance(ch, run.face, run.size, run.bold)
                if index + 1 < len(run.text):
                    total += run.tracking
        return total

    # ---- lines
    def baseline(self, box_top: float, box_height: float, size: float) -> float:
        """A grid line's baseline: the em box centred in the row (``baseline_em`` measured from the margin)."""
        return box_top + (box_height - size) / 2 + self.profile.grid.baseline_em * size

    def exact_baseline(self, box_top: float, line_h: float, border: float = 0.0) -> float:
        """The baseline LibreOffice gives a line of exact height ``line_h`` written off the grid: the
        grid's inset, a 版记 row's top ``border`` (it pushes the row's text down), then exact_ascent × H
        — not the centred em box, which put the 版记 2.8 pt and 22 pt titles 0.9 pt too high."""
        return box_top + self.profile.grid_inset + border + self.profile.exact_baseline(line_h)

    def line_baseline(self, block: Block, box_top: float, line_h: float) -> float:
        if on_grid(block):
            return self.baseline(box_top, line_h, block.size)
        return self.exact_baseline(box_top, line_h)

    def make_line(self, item: _Measured, index: int, baseline: float) -> Line:
        block = item.block
        source = block.source
        broken = item.lines[index]
        key = (item.key, index, round(baseline, 3), source)
        line = self.cache.lines.get(key) or self.old.lines.get(key)
        if line is None:
            left = self.profile.left + block.left_indent
            runs = self.text_runs(block.runs, broken, left)
            if index == len(item.lines) - 1 and block.right_runs and not item.extra_line:
                runs += self.right_aligned(block, block.right_runs)
            line = Line(tuple(runs), baseline, block.role,
                        SourceRef(source.field, source.section, source.article, source.paragraph,
                                  broken.start, broken.end))
        self.cache.lines[key] = line
        return line

    def text_runs(self, runs: tuple[InlineRun, ...], broken: BrokenLine, left: float) -> list[TextRun]:
        """TextRuns of one line, split by inline run and by face (digits and Latin in Times New Roman)."""
        result: list[TextRun] = []
        offset = 0
        base = broken.start
        all_xs = broken.xs
        advance = self.metrics.advance
        for run in runs:
            r_start, r_end = offset, offset + len(run.text)
            offset = r_end
            s, e = max(r_start, broken.start), min(r_end, broken.end)
            if s >= e:
                continue
            text = run.text
            songti = run.face is Face.SONGTI
            k = s
            while k < e:
                latin = not char_class(text[k - r_start])[0] and not songti
                j = k + 1
                while j < e and (not char_class(text[j - r_start])[0] and not songti) == latin:
                    j += 1
                xs = tuple([left + x for x in all_xs[k - base:j - base]])
                face = Face.LATIN if latin else run.face
                width = xs[-1] + advance(text[j - 1 - r_start], face, run.size, run.bold) - xs[0]
                result.append(TextRun(text[k - r_start:j - r_start], xs, width, face, run.size, run.bold, run.color))
                k = j
        return result

    def right_aligned(self, block: Block, runs: tuple[InlineRun, ...]) -> list[TextRun]:
        x = self.profile.right - block.right_indent - self.run_width(runs)
        result: list[TextRun] = []
        for run in runs:
            xs: list[float] = []
            for index, ch in enumerate(run.text):
                xs.append(x)
                x += self.metrics.advance(ch, run.face, run.size, run.bold)
                if index + 1 < len(run.text):
                    x += run.tracking
            if xs:
                result.append(TextRun(run.text, tuple(xs), x - xs[0], run.face, run.size, run.bold, run.color))
        return result

    # ---- pagination
    def place(self, page: _PageBuilder, item: _Measured, row: int, *, at_top: bool = False) -> None:
        """Put all of ``item`` at grid row ``row`` of ``page`` (unsplit blocks: titles, masthead, header).

        Lines shorter than the block's whole grid lines are centred in them, except ``at_top`` (a content
        block opening its page): LibreOffice drops spacing before at a page top, so the DOCX writes the
        whole pad after such a block and its lines start at the top of the block, as they do here.
        """
        pitch, top = self.profile.pitch, self.profile.top
        block = item.block
        right_alone = bool(block.right_runs) and (item.extra_line or not item.lines)
        count = max(1, len(item.lines) + right_alone)
        if block.line_pt and not block.block_lines:
            line_h = block.line_pt
        elif block.block_lines:
            line_h = item.height * pitch / count
        else:
            line_h = pitch
        pad = 0.0 if at_top else (item.height * pitch - count * line_h) / 2
        baseline = self.line_baseline(block, top + row * pitch + pad, line_h)
        for index in range(len(item.lines)):
            baseline = self.line_baseline(block, top + row * pitch + pad + index * line_h, line_h)
            page.lines.append(self.make_line(item, index, baseline))
            page.has_text = True
        if right_alone:
            baseline = self.line_baseline(block, top + row * pitch + pad + len(item.lines) * line_h, line_h)
            page.lines.append(self.right_line(item, baseline))
        if block.rule_below is not None:  # under the last line (the office/date line's red rule)
            rule = block.rule_below
            page.rules.append(Rule(self.profile.left, self.profile.right, baseline + rule.gap, rule.thickness,
                                   rule.color))

    def right_line(self, item: _Measured, baseline: float) -> Line:
        """The right-hand runs on a line of their own (no room beside the text, or no text)."""
        block = item.block
        source = SourceRef(block.right_field) if item.lines and block.right_field else block.source
        return Line(tuple(self.right_aligned(block, block.right_runs)), baseline, block.role, source)

    def paginate(self, blocks: list[Block]) -> list[_PageBuilder]:
        header = [self.measure(b) for b in blocks if b.group is Group.HEADER]
        content = [m for m in (self.measure(b) for b in blocks if b.group is Group.CONTENT) if m.lines]
        imprint = [self.measure(b) for b in blocks if b.group is Group.IMPRINT]
        pages = [_PageBuilder()]
        page = pages[0]
        for item in header:
            page.used += item.block.before_lines
            self.place(page, item, page.used)
            page.used += item.height + item.block.after_lines
        flowing = self.flowing_blocks(content)
        for index, item in enumerate(content):
            block = item.block
            if block.page_break_before and page.used > 0:
                page = self.new_page(pages)  # a manual page break: the article starts a new page
            before = block.before_lines if page.used else 0
            splittable = not (block.line_pt or block.block_lines)
            need = before + (1 if splittable else item.height)  # body text may split anywhere (no widow control)
            if index in flowing:
                need = before + self.start_rows(item)
            else:
                if block.keep_with_next or not splittable:
                    need = before + self.keep_chain(content, index, flowing)
                kept = self.kept_article(content, index)
                if kept is not None:
                    need = before + kept
            # a new page only helps what fits on one (a chain longer than a page starts where it is)
            if page.used + need > self.per_page and page.used > 0 and need - before <= self.per_page:
                page = self.new_page(pages)
                before = 0
            page.used += before
            if index in flowing:
                page = self.place_flowing(pages, page, item, last=index == len(content) - 1)
            elif block.line_pt or block.block_lines:
                self.place(page, item, page.used, at_top=page.used == 0)
                page.used += item.height
            else:
                for line_index in range(len(item.lines)):
                    if page.used >= self.per_page:
                        page = self.new_page(pages)
                    baseline = self.line_baseline(block, self.top + page.used * self.pitch, self.pitch)
                    page.lines.append(self.make_line(item, line_index, baseline))
                    page.has_text = True
                    page.used += 1
            page.used += block.after_lines
        if imprint:
            self.place_imprint(pages, imprint)
        return pages

    def rows(self, block: Block, count: int) -> int:
        """Grid lines taken by ``count`` lines of a block of ``line_pt`` lines (titles)."""
        return math.ceil(count * block.line_pt / self.pitch - 1e-6)

    def start_rows(self, item: _Measured) -> int:
        """Grid lines of the start a flowing title must have on its first page: two lines (one when it has
        only one), so a heading before it never stands alone and no title line is orphaned there."""
        return self.rows(item.block, min(2, len(item.lines)))

    def flowing_blocks(self, content: list[_Measured]) -> set[int]:
        """Titles that cannot stay whole: taller than a page, or too tall to share one with the headings
        kept with them and the next line. Such a title continues on the next page, split between lines
        (a title placed whole ran off the page, or left its 【栏目】 alone at the foot of the previous one)."""
        result: set[int] = set()
        for index, item in enumerate(content):
            block = item.block
            if not block.line_pt or block.block_lines or len(item.lines) < 2:
                continue
            first = index
            while first > 0 and content[first - 1].block.keep_with_next:
                first -= 1  # the chain of headings kept with this title starts there
            if item.height > self.per_page or self.keep_chain(content, first) > self.per_page:
                result.add(index)
        return result

    def place_flowing(self, pages: list[_PageBuilder], page: _PageBuilder, item: _Measured, *,
                      last: bool) -> _PageBuilder:
        """Place a flowing title from ``page.used`` on: on each page as many lines as fit, centred in whole
        grid lines (so text below stays on the grid, and the DOCX writes each page's part as a paragraph)
        — a part opening its page at the top of them, as in ``place``; its last line goes with the next
        text when it would end a page. Returns the page it ends on."""
        block, pitch = item.block, self.pitch
        line_h = block.line_pt
        start, count = 0, len(item.lines)
        while start < count:
            room = self.per_page - page.used
            k = 0
            while start + k < count and self.rows(block, k + 1) <= room:
                k += 1
            if start + k == count and k > 1 and not last and self.rows(block, k) + block.after_lines >= room:
                k -= 1  # keep with the next line: the title's last line moves on with it
            if k == 0 and page.used == 0:
                k = 1  # a line taller than a page: nothing else can be done
            if k == 0:
                page = self.new_page(pages)
                continue
            height = self.rows(block, k)
            pad = (height * pitch - k * line_h) / 2 if page.used else 0.0
            for offset in range(k):
                box_top = self.top + page.used * pitch + pad + offset * line_h
                page.lines.append(self.make_line(item, start + offset, self.line_baseline(block, box_top, line_h)))
            page.has_text = True
            page.used += height
            start += k
            if start < count:
                page = self.new_page(pages)
        return page

    def kept_article(self, content: list[_Measured], index: int) -> int | None:
        """Grid lines of a keep-together article starting at ``index`` when it fits on one page, else None.

        The article's own spacing counts, but not the first block's spacing before (the caller adds it,
        and it is dropped at a page top) nor the last block's spacing after (it may fall off the page).
        An article taller than a page is laid out as if it had no hint (Word and LibreOffice give up
        keeping a chain longer than a page too).
        """
        block = content[index].block
        if not block.keep_together or block.source.article is None:
            return None
        key = (block.source.section, block.source.article)
        if index > 0:
            prev = content[index - 1].block.source
            if prev.article is not None and (prev.section, prev.article) == key:
                return None  # not the article's first block
        total = 0
        last_after = 0
        for k in range(index, len(content)):
            other = content[k].block
            if (other.source.section, other.source.article) != key:
                break
            total += (other.before_lines if k > index else 0) + content[k].height + other.after_lines
            last_after = other.after_lines
        total -= last_after
        return total if total <= self.per_page else None

    def keep_chain(self, content: list[_Measured], index: int, flowing: set[int] | frozenset[int] = frozenset()
                   ) -> int:
        """Grid lines that must share a page: this block, following keep-with-next blocks, one more line
        (of a flowing title, only its start)."""
        total = 0
        for k in range(index, len(content)):
            item = content[k]
            before = item.block.before_lines if k > index else 0
            if k in flowing and k > index:
                return total + before + self.start_rows(item)
            kept = self.kept_article(content, k) if k > index else None
            if kept is not None:  # a 栏目 heading keeps with a whole keep-together article
                return total + before + kept
            if item.block.keep_with_next:
                total += before + item.height + item.block.after_lines
                continue
            return total + before + (item.height if item.block.line_pt else 1)
        return total

    def new_page(self, pages: list[_PageBuilder]) -> _PageBuilder:
        page = _PageBuilder()
        pages.append(page)
        return page

    def place_imprint(self, pages: list[_PageBuilder], imprint: list[_Measured]) -> None:
        spec = self.profile.element("imprint")
        rows = sum(item.height for item in imprint)
        last = pages[-1]
        fits = last.used + rows <= self.per_page
        if not fits or (spec.imprint_on_even_page and len(pages) % 2 == 1):
            last = self.new_page(pages)
            if spec.imprint_on_even_page and len(pages) % 2 == 1:
                last = self.new_page(pages)
        last.imprint = True
        row = self.per_page - rows
        pitch, top = self.profile.pitch, self.profile.top
        for item in imprint:
            # each block is a table row in the DOCX, its rule the row's top border: LibreOffice sets the
            # row's text that border's width lower
            border = 0.0
            if item.block.rule_above is not None:
                rule = item.block.rule_above
                border = rule.thickness
                last.rules.append(Rule(self.profile.left, self.profile.right, top + row * pitch, rule.thickness,
                                       rule.color))
            for index in range(len(item.lines)):
                baseline = self.exact_baseline(top + (row + index) * pitch, pitch, border)
                last.lines.append(self.make_line(item, index, baseline))
            if item.block.right_runs and (item.extra_line or not item.lines):
                baseline = self.exact_baseline(top + (row + item.height - 1) * pitch, pitch, border)
                last.lines.append(self.right_line(item, baseline))
            row += item.height
        last.rules.append(Rule(self.profile.left, self.profile.right, self.profile.bottom, spec.thick_rule_pt,
                               self.profile.color("black")))

    # ---- pages
    def page_number_line(self, number: int) -> Line:
        key = ("page-number", number)
        line = self.cache.lines.get(key) or self.old.lines.get(key)
        if line is None:
            line = self._page_number_line(number)
        self.cache.lines[key] = line
        return line

    def _page_number_line(self, number: int) -> Line:
        spec = self.profile.element("page_number")
        text = f"{spec.dash} {number} {spec.dash}"
        run = InlineRun(text, spec.face, spec.size_pt)
        width = self.run_width((run,))
        inset = spec.inset_chars * spec.size_pt
        x = self.profile.right - inset - width if number % 2 else self.profile.left + inset
        xs: list[float] = []
        for ch in text:
            xs.append(x)
            x += self.metrics.advance(ch, run.face, run.size, False)
        baseline = self.profile.bottom + spec.dash_below_body_mm * MM + spec.dash_height_em * spec.size_pt
        return Line((TextRun(text, tuple(xs), width, spec.face, spec.size_pt),), baseline, BlockRole.PAGE_NUMBER)

    def finish(self, builders: list[_PageBuilder]) -> PageLayout:
        spec = self.profile.element("imprint")
        layout = PageLayout(profile_name=self.profile.name)
        for index, builder in enumerate(builders):
            number: int | None = index + 1
            if not builder.has_text and not builder.imprint:
                number = None if len(builders) > 1 else number  # the blank page before the 版记
            elif builder.imprint and not builder.has_text and not spec.number_imprint_only_page:
                number = None
            lines = builder.lines + ([self.page_number_line(number)] if number is not None else [])
            page = Page(index, self.profile.page_width, self.profile.page_height, lines, builder.rules, number)
            old = self.old.pages[index] if index < len(self.old.pages) else None
            if (old is not None and old.page_number == number and len(old.lines) == len(lines)
                    and all(a is b for a, b in zip(old.lines, lines, strict=True)) and old.rules == page.rules):
                page = old
            layout.pages.append(page)
        self.cache.pages = layout.pages
        layout.cache = self.cache
        return layout


def layout_issue(issue: Issue, profile: LayoutProfile | None = None, metrics: FontMetrics | None = None,
                 previous: PageLayout | None = None) -> PageLayout:
    """The pages of ``issue``; pass the previous result as ``previous`` to re-break only what changed."""
    profile = profile or load_profile()
    metrics = metrics or default_metrics()
    cache = previous.cache if previous is not None and isinstance(previous.cache, LayoutCache) else None
    engine = _Engine(profile, metrics, cache)
    return engine.finish(engine.paginate(compose_blocks(issue, profile)))

