"""Layout rules of the 签发前检查: a title over the profile's line limit, a 版记 not on an even page.

Both are read off the PageLayout the preview paints (the layout engine's own title breaking —
balanced lines of at most ``max_chars_per_line``, manual breaks kept — and its pagination), so the
check says exactly what will print. Limits come from the LayoutProfile: ``[elements.title]
max_lines`` (0 = none) and ``[elements.imprint] imprint_on_even_page``.
"""

from __future__ import annotations

from collections import Counter

from bulletin_desk.layout import LayoutProfile
from bulletin_desk.layout.page import BlockRole, PageLayout
from bulletin_desk.model import Issue
from bulletin_desk.review.problems import Location, Problem, problem


def title_line_counts(layout: PageLayout) -> Counter[tuple[int, int]]:
    """Printed lines of each article title, keyed by (section, article)."""
    counts: Counter[tuple[int, int]] = Counter()
    for page in layout.pages:
        for line in page.lines:
            src = line.source
            if line.role is BlockRole.TITLE and src is not None and src.section is not None \
                    and src.article is not None:
                counts[(src.section, src.article)] += 1
    return counts


def long_titles(issue: Issue, profile: LayoutProfile, layout: PageLayout) -> list[Problem]:
    """Titles that break into more lines than ``[elements.title] max_lines`` allows."""
    limit = profile.element("title").max_lines
    if limit <= 0:
        return []
    out: list[Problem] = []
    for (si, ai), lines in sorted(title_line_counts(layout).items()):
        if lines > limit:
            title = issue.sections[si].articles[ai].title if si < len(issue.sections) \
                and ai < len(issue.sections[si].articles) else ""
            out.append(problem("review.title.too_long", Location("article.title", si, ai), lines=lines, limit=limit,
                               title=title.replace("\n", "")))
    return out


def imprint_pages(layout: PageLayout) -> list[int]:
    """Physical page numbers (1-based) that carry 版记 lines."""
    return [page.index + 1 for page in layout.pages if any(line.role is BlockRole.IMPRINT for line in page.lines)]


def imprint_not_on_even_page(profile: LayoutProfile, layout: PageLayout) -> list[Problem]:
    """Where the profile wants the 版记 on an even (back) page, it must print there."""
    if not profile.element("imprint").imprint_on_even_page:
        return []
    pages = imprint_pages(layout)
    if not pages or pages[-1] % 2 == 0:
        return []
    return [problem("review.imprint.odd_page", Location("imprint"), page=pages[-1])]


__all__ = ["imprint_not_on_even_page", "imprint_pages", "long_titles", "title_line_counts"]
