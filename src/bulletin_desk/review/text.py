"""Text rules of the 签发前检查: an article without title or source, template prompts left in,
half-width punctuation, unpaired quotes.

Half-width punctuation is judged exactly as ingest's cleanup judges it (ingest.chars and
ingest.charclass): , : ; ? ! ( ) next to a Chinese character (looking past spaces) — but not inside
a URL or an e-mail address, not in 1,000 or 12:30 — plus a full stop "." right after Chinese text
where a 。 belongs (3.5 and file.docx are left alone). What cleanup would have fixed on import is
what is flagged here, so the two never disagree. Straight quotes " ' and a "..." beside Chinese
are flagged too: in print they are the wrong shape, whatever cleanup made of them.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator

from bulletin_desk.ingest.charclass import has_ideograph, is_chinese, neighbour, protected_mask
from bulletin_desk.ingest.chars import fullwidth_punctuation
from bulletin_desk.model import Issue
from bulletin_desk.review.problems import Location, Problem, problem

PAIRS = (("“", "”"), ("‘", "’"), ("（", "）"), ("《", "》"))


def texts(issue: Issue) -> Iterator[tuple[Location, str]]:
    """Every text an editor typed that prints as Chinese prose, with its location (paragraph = lead + body)."""
    for si, section in enumerate(issue.sections):
        if section.heading:
            yield Location("section.heading", si), section.heading
        for ai, article in enumerate(section.articles):
            if article.title:
                yield Location("article.title", si, ai), article.title
            if article.note:
                yield Location("article.note", si, ai), article.note
            for pi, paragraph in enumerate(article.paragraphs):
                if paragraph.full_text:
                    yield Location("paragraph", si, ai, pi), paragraph.full_text
            if article.source:
                yield Location("article.source", si, ai), article.source


def _at(location: Location, offset: int) -> Location:
    return Location(location.field, location.section, location.article, location.paragraph, offset)


def missing_source(issue: Issue) -> list[Problem]:
    """An article printed without its contributing unit."""
    return [problem("review.source.missing", Location("article.source", si, ai), title=article.title)
            for si, section in enumerate(issue.sections) for ai, article in enumerate(section.articles)
            if not (article.source or "").strip()]


def missing_title(issue: Issue) -> list[Problem]:
    """An article that would print without a title (a new or template-made article never given one)."""
    return [problem("review.title.missing", Location("article.title", si, ai), section=si + 1, article=ai + 1)
            for si, section in enumerate(issue.sections) for ai, article in enumerate(section.articles)
            if not (article.title or "").strip()]


def template_prompts(issue: Issue, prompts: Collection[str]) -> list[Problem]:
    """Paragraphs still holding a district template's prompt text (（简述本区……）) word for word."""
    wanted = {p.strip() for p in prompts if p and p.strip()}
    if not wanted:
        return []
    return [problem("review.template.prompt_left", Location("paragraph", si, ai, pi), title=article.title,
                    text=paragraph.text.strip())
            for si, section in enumerate(issue.sections) for ai, article in enumerate(section.articles)
            for pi, paragraph in enumerate(article.paragraphs) if paragraph.text.strip() in wanted]


def halfwidth_marks(text: str) -> list[int]:
    """Offsets of half-width punctuation in Chinese context (see the module docstring)."""
    fixed = fullwidth_punctuation(text)
    found = {i for i, (a, b) in enumerate(zip(text, fixed, strict=True)) if a != b}
    if "." in text or '"' in text or "'" in text:
        mask = protected_mask(text)
        for i, ch in enumerate(text):
            if mask[i] or ch not in ".\"'":
                continue
            before, after = neighbour(text, i, -1), neighbour(text, i, 1)
            if ch == ".":
                if text[i:i + 3] == "..." and is_chinese(before):  # 开始了... where …… belongs
                    found.update((i, i + 1, i + 2))
                elif is_chinese(before) and (after == "" or is_chinese(after)):
                    found.add(i)
            elif is_chinese(before) or is_chinese(after):  # 开展"文明家庭"评选: straight quotes
                found.add(i)
    return sorted(found)


def halfwidth_punctuation(issue: Issue) -> list[Problem]:
    """One problem per text holding half-width marks in Chinese context: the first mark and how many."""
    out: list[Problem] = []
    for location, text in texts(issue):
        if not has_ideograph(text):
            continue
        found = halfwidth_marks(text)
        if found:
            out.append(problem("review.punct.halfwidth", _at(location, found[0]), mark=text[found[0]],
                               count=len(found)))
    return out


def unpaired_marks(text: str) -> list[tuple[int, str]]:
    """(offset, mark) of every quote or bracket without its partner; each pair is counted on its own."""
    found: list[tuple[int, str]] = []
    for open_mark, close_mark in PAIRS:
        opened: list[int] = []
        for i, ch in enumerate(text):
            if ch == open_mark:
                opened.append(i)
            elif ch == close_mark:
                if opened:
                    opened.pop()
                elif not (ch == "’" and text[i - 1:i].isascii() and text[i - 1:i].isalpha()):  # don’t
                    found.append((i, ch))
        found += [(i, open_mark) for i in opened]
    return sorted(found)


def unpaired_quotes(issue: Issue) -> list[Problem]:
    """One problem per text with an unpaired “” ‘’ （） or 《》: the first one and how many."""
    out: list[Problem] = []
    for location, text in texts(issue):
        found = unpaired_marks(text)
        if found:
            out.append(problem("review.punct.unpaired", _at(location, found[0][0]), mark=found[0][1],
                               count=len(found)))
    return out


__all__ = ["halfwidth_marks", "halfwidth_punctuation", "missing_source", "missing_title", "template_prompts",
           "texts", "unpaired_marks", "unpaired_quotes"]
