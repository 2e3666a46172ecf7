"""The DOCX export: the same composed blocks and LayoutProfile as the preview, written so that Word,
WPS and LibreOffice lay the issue out exactly as the preview shows it.

Public API (used by the CLI and the GUI):

* ``write_docx(issue, path, profile=None) -> ExportReport`` — atomic (temp file in the target folder,
  then replace); errors are `bulletin_desk.fileio.FileWriteError` with a message the user can act on.
* ``build_docx_bytes(issue, profile=None) -> bytes``.
"""

from __future__ import annotations

import datetime as _dt
import os
from dataclasses import dataclass, field
from pathlib import Path

from bulletin_desk.catalogue import Message
from bulletin_desk.export.geometry import DocxGeometry
from bulletin_desk.export.sanitize import sanitize_issue
from bulletin_desk.export.writer import build_package
from bulletin_desk.fileio import atomic_write_bytes
from bulletin_desk.layout.profile import LayoutProfile
from bulletin_desk.model import Issue, issue_label


@dataclass
class ExportReport:
    """What an export did: where, how many pages the engine laid out, and warnings as Messages."""

    path: Path | None
    pages: int
    size_bytes: int
    warnings: list[Message] = field(default_factory=list)


def _build(issue: Issue, profile: LayoutProfile | None, now: _dt.datetime | None,
           geometry: DocxGeometry | None = None) -> tuple[bytes, int, list[Message]]:
    from bulletin_desk.export.compose import content_from_blocks
    from bulletin_desk.export.profile_adapter import engine_layout, geometry_from_profile, load_default_profile

    clean, warnings = sanitize_issue(issue)
    profile = profile or load_default_profile()
    geometry = geometry or geometry_from_profile(profile)
    layout = engine_layout(clean, profile)
    assert layout is not None
    content = content_from_blocks(clean, profile, geometry, layout)
    warnings.extend(content.warnings)
    data = build_package(clean, geometry, content, title=issue_label(clean.masthead) or clean.masthead.title,
                         author=clean.masthead.office, now=now)
    return data, content.pages, warnings


def build_docx_bytes(issue: Issue, profile: LayoutProfile | None = None, *, now: _dt.datetime | None = None,
                     geometry: DocxGeometry | None = None) -> bytes:
    """The issue as DOCX bytes (nothing written to disk).

    ``geometry`` overrides what is derived from ``profile`` (the fidelity gate's mutation test writes
    a DOCX whose line pitch disagrees with the engine's); ``now`` fixes the core properties' dates.
    """
    return _build(issue, profile, now, geometry)[0]


def write_docx(issue: Issue, path: str | os.PathLike[str], profile: LayoutProfile | None = None) -> ExportReport:
    """Export ``issue`` to ``path`` atomically; the previous file survives any failure intact."""
    data, pages, warnings = _build(issue, profile, None)
    target = atomic_write_bytes(path, data)
    return ExportReport(path=target, pages=pages, size_bytes=len(data), warnings=warnings)


__all__ = ["ExportReport", "build_docx_bytes", "write_docx"]
