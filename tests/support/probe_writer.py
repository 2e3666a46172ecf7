"""The probe DOCX writer, loaded from its file so the probe does not depend on export/'s package import.

export/__init__ imports the whole DOCX writer (python-docx, styles, …), which other engineers change
in parallel; the probe writer is stdlib-only by design, and the layout fidelity measurements should
fail only when the probe itself breaks.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

_PATH = Path(__file__).resolve().parents[2] / "src" / "bulletin_desk" / "export" / "probe_docx.py"
_NAME = "bulletin_desk_probe_docx"

if _NAME in sys.modules:
    probe_docx = sys.modules[_NAME]
else:
    _spec = importlib.util.spec_from_file_location(_NAME, _PATH)
    assert _spec is not None and _spec.loader is not None
    probe_docx = importlib.util.module_from_spec(_spec)
    sys.modules[_NAME] = probe_docx
    _spec.loader.exec_module(probe_docx)

ProbeGeometry = probe_docx.ProbeGeometry
ProbeParagraph = probe_docx.ProbeParagraph
ProbeRun = probe_docx.ProbeRun
probe_docx_bytes = probe_docx.probe_docx_bytes
