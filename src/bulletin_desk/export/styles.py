"""Named paragraph styles, one per element of the bulletin, shared with the DOCX importer.

An editor who restyles the issue in Word changes "BD Body" once, and our importer reads each
paragraph's role back from its style name. The names are therefore a contract between export/ and
ingest/: never rename one without a migration in the importer. Style ids are the names without
spaces (Word keys styles by id, users see the name).
"""

from __future__ import annotations

from dataclasses import dataclass

from bulletin_desk.layout.page import BlockRole


@dataclass(frozen=True)
class StyleName:
    """A paragraph style: ``style_id`` goes into ``w:pStyle``, ``name`` is what Word shows."""

    style_id: str
    name: str
    role: BlockRole | None  # None: a helper style that carries no element of the issue


def _style(name: str, role: BlockRole | None) -> StyleName:
    return StyleName(style_id=name.replace(" ", ""), name=name, role=role)


# The contract: one style per BlockRole, plus "BD Normal" (the base every other style inherits) and
# "BD Imprint Pad" (the empty exact-height paragraph that pushes the 版记 to the bottom of the page).
NORMAL = _style("BD Normal", None)
ROLE_STYLES: dict[BlockRole, StyleName] = {
    BlockRole.CLASSIFICATION: _style("BD Classification", BlockRole.CLASSIFICATION),
    BlockRole.MASTHEAD: _style("BD Masthead", BlockRole.MASTHEAD),
    BlockRole.ISSUE_NUMBER: _style("BD Issue Number", BlockRole.ISSUE_NUMBER),
    BlockRole.OFFICE_DATE: _style("BD Office Date", BlockRole.OFFICE_DATE),
    BlockRole.SECTION: _style("BD Section", BlockRole.SECTION),
    BlockRole.TITLE: _style("BD Title", BlockRole.TITLE),
    BlockRole.NOTE: _style("BD Note", BlockRole.NOTE),
    BlockRole.BODY: _style("BD Body", BlockRole.BODY),
    BlockRole.H1: _style("BD Heading 1", BlockRole.H1),
    BlockRole.H2: _style("BD Heading 2", BlockRole.H2),
    BlockRole.H3: _style("BD Heading 3", BlockRole.H3),
    BlockRole.H4: _style("BD Heading 4", BlockRole.H4),
    BlockRole.SOURCE: _style("BD Source", BlockRole.SOURCE),
    BlockRole.IMPRINT: _style("BD Imprint", BlockRole.IMPRINT),
    BlockRole.PAGE_NUMBER: _style("BD Page Number", BlockRole.PAGE_NUMBER),
}
IMPRINT_PAD = _style("BD Imprint Pad", None)

ALL_STYLES: tuple[StyleName, ...] = (NORMAL, *ROLE_STYLES.values(), IMPRINT_PAD)


def role_for_style_name(name: str) -> BlockRole | None:
    """The element a paragraph style stands for, by name or id (Word may show either); None if not ours."""
    for style in ROLE_STYLES.values():
        if name in (style.name, style.style_id):
            return style.role
    return None
