"""Render-room fixtures: one specimen PDF per session (painting is the slow part), read with PyMuPDF."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest
from tests.render.specimen import specimen_layout

from bulletin_desk.render.pdf import write_pdf_from_layout
from bulletin_desk.render.qt_app import ensure_gui_app


@pytest.fixture(scope="session")
def gui_app():
    return ensure_gui_app()


@pytest.fixture(scope="session")
def specimen():
    return specimen_layout(4)


@pytest.fixture(scope="session")
def specimen_pdf(gui_app, specimen, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pdf") / "specimen.pdf"
    write_pdf_from_layout(specimen, path, title="specimen")
    return path


@pytest.fixture(scope="session")
def specimen_doc(specimen_pdf: Path):
    doc = pymupdf.open(specimen_pdf)
    yield doc
    doc.close()
