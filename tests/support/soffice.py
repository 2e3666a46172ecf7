"""Run LibreOffice headless on a DOCX with a fixed font mapping, and get the PDF back.

Why a private profile dir: a shared user profile makes concurrent runs fail silently (soffice exits 0
without output) and lets one test's settings leak into the next. Why a fontconfig file: none of the
official faces (仿宋_GB2312, 方正小标宋简体 …) are installed, and without an alias LibreOffice falls
back glyph by glyph, so widths change with the machine. The aliases are generated from
resources/fonts/substitutes.toml, the same table the preview and the PDF use.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import tomllib
from pathlib import Path
from xml.sax.saxutils import escape

REPO = Path(__file__).resolve().parents[2]
SUBSTITUTES = REPO / "resources" / "fonts" / "substitutes.toml"

_FC_WEIGHTS = {"normal": 80, "bold": 200, "black": 210}


def fontconfig_xml(substitutes: Path = SUBSTITUTES) -> str:
    """A fonts.conf mapping every official face name to its first substitute (then the system config)."""
    table = tomllib.loads(substitutes.read_text(encoding="utf-8"))
    rules: list[str] = []
    for face in table["faces"].values():
        target = face["substitutes"][0]
        weight = _FC_WEIGHTS.get(face.get("weight", "normal"), 80)
        for name in face["official"]:
            if name == target:
                continue
            edit_weight = (f'<edit name="weight" mode="assign" binding="strong"><int>{weight}</int></edit>'
                           if weight != 80 else "")
            rules.append(f'<match target="pattern"><test name="family"><string>{escape(name)}</string></test>'
                         f'<edit name="family" mode="assign" binding="strong"><string>{escape(target)}</string>'
                         f"</edit>{edit_weight}</match>")
    return ('<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
            + "\n".join(rules) + '\n<include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n</fontconfig>\n')


class SofficeRunner:
    """One private LibreOffice profile + fontconfig file, reused for many conversions (faster)."""

    def __init__(self, workdir: Path | None = None) -> None:
        self.soffice = shutil.which("soffice") or shutil.which("libreoffice")
        if self.soffice is None:
            raise FileNotFoundError("soffice")
        self.workdir = Path(workdir or tempfile.mkdtemp(prefix="bd-soffice-"))
        self.profile = self.workdir / "profile"
        self.fonts_conf = self.workdir / "fonts.conf"
        self.fonts_conf.write_text(fontconfig_xml(), encoding="utf-8")

    def env(self) -> dict[str, str]:
        env = dict(os.environ)
        env["FONTCONFIG_FILE"] = str(self.fonts_conf)
        env["HOME"] = str(self.workdir)
        env.pop("DISPLAY", None)
        return env

    def to_pdf(self, docx: Path, outdir: Path | None = None, timeout: float = 180) -> Path:
        """Convert ``docx`` to PDF next to it (or into ``outdir``); raise if no PDF appears."""
        out = Path(outdir or docx.parent)
        cmd = [self.soffice, f"-env:UserInstallation={self.profile.as_uri()}", "--headless", "--norestore",
               "--convert-to", "pdf", "--outdir", str(out), str(docx)]
        done = subprocess.run(cmd, env=self.env(), capture_output=True, timeout=timeout, check=False)
        pdf = out / (docx.stem + ".pdf")
        if done.returncode != 0 or not pdf.exists():
            raise RuntimeError(f"soffice failed ({done.returncode}): {done.stderr.decode(errors='replace')}")
        return pdf

    def docx_bytes_to_pdf(self, data: bytes, name: str = "probe") -> Path:
        path = self.workdir / f"{name}.docx"
        path.write_bytes(data)
        return self.to_pdf(path)
