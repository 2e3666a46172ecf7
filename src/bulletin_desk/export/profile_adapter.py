"""The one place that reads the LayoutProfile (and runs the engine) for the DOCX writer."""

from __future__ import annotations

from bulletin_desk.export.geometry import DocxGeometry
from bulletin_desk.layout.page import PageLayout
from bulletin_desk.model import Issue


def load_default_profile() -> object:
    from bulletin_desk.layout import load_profile  # type: ignore[attr-defined]

    return load_profile()


def geometry_from_profile(profile: object) -> DocxGeometry:
    raise NotImplementedError("waiting for the layout profile")


def engine_layout(issue: Issue, profile: object | None) -> PageLayout | None:
    if profile is None:
        return None
    from bulletin_desk.layout import layout_issue  # type: ignore[attr-defined]

    return layout_issue(issue, profile)
