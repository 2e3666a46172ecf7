"""review room: the 签发前检查 (pre-sign-off check), pure Python (no Qt, no SQL).

``signoff_problems(issue, *, siblings, profile, layout=None) -> list[Problem]`` runs every rule and
returns located problems with catalogued codes (catalogue/review.py); an empty list means the issue
may be signed off. The GUI and the CLI show them; overriding one needs a reason, which the archive
stores — this room only judges. Each rule is its own small function, tested on its own:

* numbers.missing_numbers, numbers.duplicate_numbers, numbers.year_mismatch, numbers.missing_date
  (``siblings``: the series' other issues as `Sibling` facts — archive.review_facts.signoff_siblings);
* text.missing_title, text.missing_source, text.template_prompts (``template_prompts``: the
  archive's template skeleton texts), text.halfwidth_punctuation, text.unpaired_quotes;
* layout_rules.long_titles, layout_rules.imprint_not_on_even_page (on the PageLayout the preview
  paints; computed here when ``layout`` is not given).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from bulletin_desk.layout import LayoutProfile
from bulletin_desk.layout.page import PageLayout
from bulletin_desk.model import Issue
from bulletin_desk.review import text as text_rules
from bulletin_desk.review.layout_rules import imprint_not_on_even_page, long_titles
from bulletin_desk.review.numbers import Sibling, duplicate_numbers, missing_date, missing_numbers, year_mismatch
from bulletin_desk.review.problems import Location, Problem, problem
from bulletin_desk.review.text import halfwidth_punctuation, missing_source, missing_title, unpaired_quotes

# Every code a rule can return, in the order problems are listed (the GUI may group by it).
CODES = (
    "review.number.missing", "review.total.missing", "review.number.duplicate", "review.supplement.duplicate",
    "review.total.duplicate", "review.date.missing", "review.date.year_mismatch", "review.title.missing",
    "review.source.missing", "review.template.prompt_left",
    "review.punct.halfwidth", "review.punct.unpaired", "review.title.too_long", "review.imprint.odd_page",
)


def signoff_problems(issue: Issue, *, siblings: Sequence[Sibling], profile: LayoutProfile,
                     layout: PageLayout | None = None, template_prompts: Collection[str] = ()) -> list[Problem]:
    """Every reason ``issue`` should not be signed off yet, numbering first, then text, then layout.

    ``template_prompts``: the prompt texts of the archive's district templates' skeletons; a
    paragraph still holding one word for word was never written.
    """
    if layout is None:
        from bulletin_desk.layout import layout_issue

        layout = layout_issue(issue, profile)
    return [
        *missing_numbers(issue, siblings),
        *duplicate_numbers(issue, siblings),
        *missing_date(issue),
        *year_mismatch(issue, siblings),
        *missing_title(issue),
        *missing_source(issue),
        *text_rules.template_prompts(issue, template_prompts),
        *halfwidth_punctuation(issue),
        *unpaired_quotes(issue),
        *long_titles(issue, profile, layout),
        *imprint_not_on_even_page(profile, layout),
    ]


__all__ = ["CODES", "Location", "Problem", "Sibling", "problem", "signoff_problems"]
