"""`bulletin-desk render`: the wiring from an issue file to PDF, PNG and layout JSON."""

from __future__ import annotations

import json

import pymupdf
import pytest
from tests.render.specimen import specimen_layout

from bulletin_desk.cli import main, render_cmds


@pytest.fixture
def fake_layout(monkeypatch):
    """The layout engine's place is taken by the specimen pages (the engine has its own tests)."""
    seen = []

    def layout_for(issue):
        seen.append(issue)
        return specimen_layout(3)

    monkeypatch.setattr(render_cmds, "layout_for", layout_for)
    return seen


def test_render_writes_pdf_pngs_and_layout_json(gui_app, fake_layout, reference_bdjson, tmp_path, capsys):
    pdf, pngs, js = tmp_path / "out.pdf", tmp_path / "png", tmp_path / "layout.json"
    code = main(["--lang", "en", "render", str(reference_bdjson), "--pdf", str(pdf), "--png-dir", str(pngs),
                 "--dpi", "30", "--layout-json", str(js)])
    assert code == 0
    assert fake_layout and fake_layout[0].masthead.title  # the issue file was read
    out = capsys.readouterr().out
    assert "3 pages" in out and str(pdf) in out
    with pymupdf.open(pdf) as doc:
        assert len(doc) == 3
        assert "月日首文一心" in doc[0].get_text()
        assert doc.metadata["title"].startswith(fake_layout[0].masthead.title)
    assert sorted(p.name for p in pngs.iterdir()) == ["page-01.png", "page-02.png", "page-03.png"]
    data = json.loads(js.read_text(encoding="utf-8"))
    first = data["pages"][0]
    assert first["number"] == 1 and first["page_number"] == 1
    body = [line for line in first["lines"] if line["role"] == "body"]
    assert body[-1]["x_mm"] == pytest.approx(28.0, abs=0.01)
    assert body[-1]["source"]["field"] == "paragraph"
    assert {"text", "x_mm", "baseline_mm", "role", "source"} <= set(body[-1])
    red = [r for r in first["rules"] if r["color"] != "#000000"]
    assert red and red[0]["x0_mm"] == pytest.approx(28.0, abs=0.01) and red[0]["x1_mm"] == pytest.approx(184.0)


def test_no_masthead_option_reaches_the_painter(gui_app, fake_layout, reference_bdjson, tmp_path):
    pdf = tmp_path / "plain.pdf"
    assert main(["render", str(reference_bdjson), "--pdf", str(pdf), "--no-masthead"]) == 0
    with pymupdf.open(pdf) as doc:
        assert "首都精神文明建设情况简报" not in doc[0].get_text()


def test_user_errors_exit_1_with_one_line(gui_app, fake_layout, tmp_path, capsys):
    missing = tmp_path / "nope.bdjson"
    assert main(["--lang", "en", "render", str(missing)]) == 1
    assert "No such issue" in capsys.readouterr().err
    broken = tmp_path / "broken.bdjson"
    broken.write_text("{", encoding="utf-8")
    assert main(["render", str(broken)]) == 1
    assert main(["--lang", "en", "render", str(broken.with_name("x.bdjson")), "--png-dir", str(tmp_path),
                 "--dpi", "3"]) == 1


def test_bad_dpi_is_a_user_error(gui_app, fake_layout, reference_bdjson, tmp_path, capsys):
    assert main(["--lang", "en", "render", str(reference_bdjson), "--png-dir", str(tmp_path), "--dpi", "3"]) == 1
    assert "resolution" in capsys.readouterr().err
