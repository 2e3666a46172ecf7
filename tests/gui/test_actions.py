"""The file actions through the window: export DOCX/PDF, print, import, find/replace, copy text, settings."""

from __future__ import annotations

import unicodedata
import zipfile
from pathlib import Path

import fitz  # PyMuPDF: tests only
import pytest
from PySide6.QtCore import QMimeData, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication

from bulletin_desk.gui import import_dialog
from bulletin_desk.gui.output import PrintChoice
from bulletin_desk.gui.settings import load_settings

SHARED = Path(__file__).resolve().parents[3] / "shared"


def _page_texts(path: Path) -> list[str]:
    """Page texts, NFKC-normalised: a printer PDF maps some glyphs to Kangxi radicals (⾸ for 首)."""
    with fitz.open(path) as pdf:
        return [unicodedata.normalize("NFKC", page.get_text()) for page in pdf]


def test_export_docx_through_the_action(qtbot, window, tmp_path, monkeypatch) -> None:
    target = tmp_path / "out.docx"
    monkeypatch.setattr(window.files, "ask_save_path", lambda *a: target)
    window.act_export_docx.trigger()
    assert target.exists()
    with zipfile.ZipFile(target) as docx:
        assert "word/document.xml" in docx.namelist()
    import docx as python_docx

    texts = [p.text for p in python_docx.Document(str(target)).paragraphs]
    assert any("海淀区新时代文明实践中心" in t for t in texts)
    assert any(t.startswith("迅速吹响疫情“集结号”。") for t in texts)


def test_export_docx_warns_when_control_characters_were_removed(qtbot, window, tmp_path, monkeypatch) -> None:
    from bulletin_desk.gui import output

    target = tmp_path / "out.docx"
    monkeypatch.setattr(window.files, "ask_save_path", lambda *a: target)
    warned: list[str] = []
    monkeypatch.setattr(output.QMessageBox, "warning", lambda _w, _title, text, *a: warned.append(text))
    window.doc.set_field(("article", 0, 0, "title"), "海淀区\x0b实践中心")
    window.act_export_docx.trigger()
    assert target.exists()
    assert warned and "第1栏第1篇标题" in warned[0]


def test_export_pdf_through_the_action_has_the_previews_pages(qtbot, window, tmp_path, monkeypatch) -> None:
    target = tmp_path / "out.pdf"
    monkeypatch.setattr(window.files, "ask_save_path", lambda *a: target)
    window.act_export_pdf.trigger()
    texts = _page_texts(target)
    assert len(texts) == 5
    assert "首都精神文明建设情况简报" in texts[0]
    with fitz.open(target) as pdf:
        rect = pdf[0].rect
    assert (round(rect.width), round(rect.height)) == (595, 842)  # A4 in points


class RecordingPrinter(QPrinter):
    """A QPrinter that remembers the duplex asked for (a PDF printer itself cannot do duplex)."""

    def setDuplex(self, mode) -> None:
        self.duplex_requested = mode
        super().setDuplex(mode)


def _print_to_pdf(window, tmp_path, monkeypatch, choice: PrintChoice) -> tuple[Path, dict]:
    from bulletin_desk.gui import output

    monkeypatch.setattr(output, "QPrinter", RecordingPrinter)
    target = tmp_path / "printed.pdf"
    flow = window.files.print_flow()
    seen: dict = {}
    monkeypatch.setattr(flow, "ask_options", lambda default: (seen.setdefault("default", default), choice)[1])

    def ask_printer(printer: QPrinter) -> bool:
        seen["copies"], seen["duplex"] = printer.copyCount(), printer.duplex_requested
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        seen["printer"] = printer
        return True

    monkeypatch.setattr(flow, "ask_printer", ask_printer)
    monkeypatch.setattr(window.files, "print_flow", lambda: flow)
    window.doc.set_field(("copies",), 120)
    window.act_print.trigger()
    assert seen["default"].copies == 120  # copies default to 印数
    return target, seen


def test_print_at_real_size_with_copies_and_duplex(qtbot, window, tmp_path, monkeypatch) -> None:
    target, seen = _print_to_pdf(window, tmp_path, monkeypatch, PrintChoice(copies=120, duplex=True))
    assert seen["copies"] == 120
    assert seen["duplex"] == QPrinter.DuplexMode.DuplexLongSide
    texts = _page_texts(target)
    assert len(texts) == 5 and "首都精神文明建设情况简报" in texts[0]
    with fitz.open(target) as pdf:
        rect = pdf[0].rect
        words = pdf[0].get_text("words")
    assert (round(rect.width), round(rect.height)) == (595, 842)
    # real size, not scaled to fit: the first body line starts where the layout put it (±1.5 pt)
    from bulletin_desk.gui.output import current_layout

    line = next(line for line in current_layout(window).pages[0].lines if line.role.value == "body")
    starts = [w for w in words if unicodedata.normalize("NFKC", w[4]).startswith(line.text[:3])]
    assert starts, line.text
    pdf_word = starts[0]
    assert abs(pdf_word[3] - line.baseline) < 8
    assert abs(pdf_word[0] - line.x) < 1.5


def test_print_without_the_red_masthead(qtbot, window, tmp_path, monkeypatch) -> None:
    target, _seen = _print_to_pdf(window, tmp_path, monkeypatch,
                                     PrintChoice(copies=1, duplex=False, without_masthead=True))
    first = _page_texts(target)[0]
    assert "首都精神文明建设情况简报" not in first
    assert "第 19 期" in first or "第19期" in first.replace(" ", "")
    with fitz.open(target) as pdf:
        drawings = pdf[0].get_drawings()
    reds = [d for d in drawings if d.get("fill") and d["fill"][0] > 0.7 and d["fill"][1] < 0.3]
    assert reds == []


def test_print_warns_when_printer_margins_cut_into_the_type_area(qtbot, window, monkeypatch) -> None:
    from bulletin_desk.render import printing

    flow = window.files.print_flow()
    monkeypatch.setattr(flow, "ask_options", lambda default: default)
    monkeypatch.setattr(flow, "ask_printer", lambda printer: True)
    monkeypatch.setattr(printing, "check_printer_margins",
                        lambda printer, layout: printing.MarginCheck(12.0, 0.0, 0.0, 0.0))
    warned = []
    monkeypatch.setattr(flow, "confirm_margins", lambda text: (warned.append(text), False)[1])
    assert flow.run(QPrinter()) == 0
    assert warned and "12.0" in warned[0]


def test_import_a_text_file_is_one_undo_step(qtbot, window, tmp_path, monkeypatch) -> None:
    source = tmp_path / "submission.txt"
    source.write_text("某区开展文明实践活动\n（某区文明办）\n\n强化组织。全区成立专班，统筹推进。\n", encoding="utf-8")
    shown = {}

    def accept(win, result, name):
        shown["result"], shown["name"] = result, name
        return "insert"

    monkeypatch.setattr(import_dialog, "ask_import", accept)
    window.select_node(("article", 0, 0))
    before = len(window.doc.issue.sections[0].articles)
    steps = window.doc.stack.count()
    window.files.import_path(source)
    assert shown["name"] == "submission.txt"
    assert len(window.doc.issue.sections[0].articles) == before + 1
    assert window.doc.stack.count() == steps + 1
    assert window.current_node() == ("article", 0, 1)
    window.act_undo.trigger()
    assert len(window.doc.issue.sections[0].articles) == before


def test_import_dialog_shows_structure_and_cleanup_report(qtbot, window) -> None:
    from bulletin_desk.ingest import import_path

    result = import_path(SHARED / "samples" / "reference-bulletin.txt")
    dialog = import_dialog.ImportDialog(result, "reference-bulletin.txt", window)
    qtbot.addWidget(dialog)
    tops = [dialog.tree.topLevelItem(i).text(0) for i in range(dialog.tree.topLevelItemCount())]
    assert any("首都精神文明建设情况简报" in t for t in tops)
    assert any(t.startswith("【") for t in tops)
    assert len(dialog.change_items()) == len(result.changes) > 0
    assert dialog.mode() == "append"
    dialog.replace.setChecked(True)
    assert dialog.mode() == "replace"


def test_dropping_a_file_on_the_window_imports_it(qtbot, window, tmp_path, monkeypatch) -> None:
    source = tmp_path / "drop.txt"
    source.write_text("拖入的稿件标题\n\n第一段。正文内容。\n", encoding="utf-8")
    monkeypatch.setattr(import_dialog, "ask_import", lambda *a: "insert")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(source))])
    before = len(window.doc.issue.articles())
    from PySide6.QtCore import QPointF, Qt

    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    assert len(window.doc.issue.articles()) == before + 1


def test_pasting_word_html_keeps_bold_leads(qtbot, window, monkeypatch) -> None:
    html = ("<html><body><p style='text-align:center'><b>网页粘贴的标题</b></p>"
            "<p><b>措施有力。</b>各单位积极落实。</p><p><b>成效明显。</b>群众满意度提升。</p></body></html>")
    mime = QMimeData()
    mime.setHtml(html)
    mime.setText("网页粘贴的标题\n措施有力。各单位积极落实。")
    QApplication.clipboard().setMimeData(mime)
    captured = {}
    monkeypatch.setattr(import_dialog, "ask_import", lambda w, r, n: (captured.setdefault("r", r), "insert")[1])
    window.select_node(("article", 0, 2))
    window.act_paste_import.trigger()
    article = window.doc.article(0, 3)
    assert [p.lead for p in article.paragraphs if p.lead] == ["措施有力。", "成效明显。"]


def test_paste_into_the_body_keeps_the_bold_lead(qtbot, window) -> None:
    window.select_node(("article", 0, 0))
    body = window.editors.article.body
    mime = QMimeData()
    mime.setHtml("<p><b>新的首句。</b>后面的正文。</p>")
    cursor = body.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    body.setTextCursor(cursor)
    from PySide6.QtCore import Qt

    qtbot.keyClick(body, Qt.Key.Key_Return)
    body.insertFromMimeData(mime)
    last = window.doc.article(0, 0).paragraphs[-1]
    assert (last.lead, last.text) == ("新的首句。", "后面的正文。")
    assert body.paragraphs()[-1].lead == "新的首句。"  # shown bold in the editor


def test_find_and_replace_across_the_issue(qtbot, window) -> None:
    find = window.find
    window.act_replace.trigger()
    dialog = find.dialog
    dialog.find_text.setText("志愿")
    hit = find.find_next()
    assert hit is not None and window.current_node() == node_of(hit)
    dialog.find_text.setText("抗疫")
    dialog.replace_text.setText("战疫")
    count = find.replace_all()
    assert count >= 3
    text = window.doc.issue.sections[0].articles[0].title
    assert "抗疫" not in text and "战疫" in text
    window.act_undo.trigger()  # 全部替换 is one step
    assert "抗疫" in window.doc.issue.sections[0].articles[0].title


def node_of(hit):
    from bulletin_desk.gui.document import node_of_field

    return node_of_field(hit.path)


def test_copy_as_plain_text(qtbot, window) -> None:
    window.select_node(("article", 0, 0))
    window.act_copy_article.trigger()
    text = QApplication.clipboard().text()
    assert text.startswith("海淀区新时代文明实践中心高举旗帜 发动群众共同抗疫\n\n（海淀区文明办）")
    assert "迅速吹响疫情“集结号”。1月29日" in text
    window.act_copy_issue.trigger()
    text = QApplication.clipboard().text()
    assert "【新时代文明实践中心建设】" in text and text.count("（") >= 3


def test_settings_dialog_saves_to_the_config_folder(qtbot, window, monkeypatch) -> None:
    from bulletin_desk.gui import settings_dialog

    def fake_exec(self):
        self.display_name.setText("张三")
        self.snapshot.setValue(15)
        self.language.setCurrentIndex(self.language.findData("en"))
        return settings_dialog.SettingsDialog.DialogCode.Accepted

    monkeypatch.setattr(settings_dialog.SettingsDialog, "exec", fake_exec)
    window.act_settings.trigger()
    saved = load_settings()
    assert (saved.display_name, saved.snapshot_minutes, saved.language) == ("张三", 15, "en")


def test_window_geometry_is_remembered(qtbot, window) -> None:
    window.resize(1000, 700)
    window.remember_geometry()
    saved = load_settings()
    assert saved.window_geometry and saved.window_state


@pytest.mark.parametrize("suffix", [".txt", ".docx", ".bdjson"])
def test_droppable_suffixes(window, tmp_path, suffix) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path / f"x{suffix}"))])
    assert window.files.droppable_path(mime) is not None


def test_long_work_runs_off_the_gui_thread_and_the_window_keeps_running(qtbot, window) -> None:
    import itertools
    import threading
    import time

    from PySide6.QtCore import QTimer

    from bulletin_desk.gui.output import run_with_progress

    ticks: list[float] = []
    heartbeat = QTimer()
    heartbeat.timeout.connect(lambda: ticks.append(time.monotonic()))
    heartbeat.start(20)
    seen: dict = {}

    def work() -> str:
        seen["thread"] = threading.current_thread()
        time.sleep(0.6)
        return "done"

    try:
        assert run_with_progress(window, "busy", work) == "done"
    finally:
        heartbeat.stop()
    assert seen["thread"] is not threading.main_thread()
    assert len(ticks) >= 10  # the event loop kept turning while the work ran
    assert max(b - a for a, b in itertools.pairwise(ticks)) < 0.3

    def fail() -> None:
        raise ValueError("broken file")

    with pytest.raises(ValueError, match="broken file"):
        run_with_progress(window, "busy", fail)
