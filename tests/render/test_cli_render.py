"""`bulletin-desk render`: an issue file or archive reference to PDF, PNG pages and layout JSON."""

from __future__ import annotations

import json

import pymupdf
import pytest

from bulletin_desk.cli import main
from bulletin_desk.model import loads


@pytest.fixture(scope="module")
def rendered(gui_app, tmp_path_factory):
    from tests.conftest import SAMPLES

    out = tmp_path_factory.mktemp("cli")
    pdf, pngs, js = out / "out.pdf", out / "png", out / "layout.json"
    argv = ["--lang", "en", "render", str(SAMPLES / "reference.bdjson"), "--pdf", str(pdf), "--png-dir", str(pngs),
            "--dpi", "30", "--layout-json", str(js)]
    return argv, pdf, pngs, js


def test_render_writes_pdf_pngs_and_layout_json(rendered, capsys):
    argv, pdf, pngs, js = rendered
    assert main(argv) == 0
    out = capsys.readouterr().out
    data = json.loads(js.read_text(encoding="utf-8"))
    pages = len(data["pages"])
    assert f"{pages} pages" in out and str(pdf) in out
    with pymupdf.open(pdf) as doc:
        assert len(doc) == pages
        assert "首都精神文明建设情况简报" in doc[0].get_text()
        assert doc.metadata["title"] == "首都精神文明建设情况简报 2020年第19期（总第2128期）"
    assert sorted(p.name for p in pngs.iterdir()) == [f"page-{i:02d}.png" for i in range(1, pages + 1)]
    first = data["pages"][0]
    assert first["number"] == 1
    body = [line for line in first["lines"] if line["role"] == "body"]
    assert body and {"text", "x_mm", "baseline_mm", "role", "source"} <= set(body[-1])
    assert min(line["x_mm"] for line in body) == pytest.approx(28.0, abs=0.01)
    assert body[-1]["source"]["field"] == "paragraph"


def test_no_masthead_leaves_the_red_name_off(gui_app, tmp_path):
    from tests.conftest import SAMPLES

    pdf = tmp_path / "plain.pdf"
    assert main(["render", str(SAMPLES / "reference.bdjson"), "--pdf", str(pdf), "--no-masthead"]) == 0
    with pymupdf.open(pdf) as doc:
        text = doc[0].get_text()
        assert "首都精神文明建设情况简报" not in text and "首都精神文明办" in text


def test_user_errors_exit_1(gui_app, tmp_path, capsys):
    from tests.conftest import SAMPLES

    assert main(["--lang", "en", "render", str(tmp_path / "nope.bdjson")]) == 1
    broken = tmp_path / "broken.bdjson"
    broken.write_text("{", encoding="utf-8")
    assert main(["render", str(broken)]) == 1
    assert main(["--archive", str(tmp_path / "a.sqlite3"), "render", "2099-1"]) == 1
    capsys.readouterr()
    assert main(["--lang", "en", "render", str(SAMPLES / "reference.bdjson"), "--png-dir", str(tmp_path),
                 "--dpi", "3"]) == 1
    assert "resolution" in capsys.readouterr().err


def test_export_pdf_goes_through_write_pdf(gui_app, tmp_path):
    from tests.conftest import SAMPLES

    from bulletin_desk.render.pdf import write_pdf

    out = tmp_path / "export.pdf"
    assert main(["export", str(SAMPLES / "reference.bdjson"), "--pdf", str(out)]) == 0
    direct = tmp_path / "direct.pdf"
    write_pdf(loads((SAMPLES / "reference.bdjson").read_bytes()), direct)
    with pymupdf.open(out) as exported, pymupdf.open(direct) as written:
        assert len(exported) == len(written) >= 2
        assert exported[1].get_text() == written[1].get_text()
        assert "月" in exported[0].get_text() and "⽉" not in exported[0].get_text()
