"""layout room: the official layout, pure Python (no Qt).

Public API (other rooms call these names):

- ``load_profile(name_or_path=None) -> LayoutProfile`` — default ``gbt9704-bulletin``.
- ``compose_blocks(issue, profile) -> list[Block]`` — typed blocks with inline runs (the DOCX writer's input).
- ``layout_issue(issue, profile, metrics=None, previous=None) -> PageLayout`` — ``previous`` enables reuse.
- ``StaticMetrics`` — the FontMetrics protocol from the shipped width table.
- ``layout_to_json(page_layout) -> dict`` — the layout-JSON dump.
"""

from bulletin_desk.layout.compose import Block, Group, InlineRun, RuleSpec, compose_blocks
from bulletin_desk.layout.dump import layout_to_json
from bulletin_desk.layout.engine import LayoutCache, layout_issue
from bulletin_desk.layout.linebreak import BrokenLine, break_block
from bulletin_desk.layout.metrics import FontMetrics, StaticMetrics
from bulletin_desk.layout.profile import LayoutProfile, ProfileError, load_profile, profile_from_dict

__all__ = [
    "Block", "BrokenLine", "FontMetrics", "Group", "InlineRun", "LayoutCache", "LayoutProfile", "ProfileError",
    "RuleSpec", "StaticMetrics", "break_block", "compose_blocks", "layout_issue", "layout_to_json", "load_profile",
    "profile_from_dict",
]
