"""Keys, drops and pastes inside the editing pane do what the editor means, not what a bare text box does.

Each of these was broken once: Ctrl+Z in a field did nothing (the text box claimed the key),
a .docx dropped on the body pasted its file:/// path, typing after a bold lead kept typing bold,
Enter at the start of a sub-heading turned it into body text, a paste lost the submission's
title and attribution or left an image placeholder in print, a print of 'page 2' printed all.
"""

from __future__ import annotations

from pathlib import Path

import fitz
from PySide6.QtCore import QEvent, QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QTextCursor
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from bulletin_desk.gui import import_dialog, layout_runner
from bulletin_desk.gui.paragraphs import strip_unprintable
from bulletin_desk.gui.testhook import type_text
from bulletin_desk.model import Paragraph, ParagraphKind


def _body_at(window, article: tuple[int, int], position: int):
    window.select_node(("article", *article))
    body = window.editors.article.body
    body.setFocus()
    cursor = body.textCursor()
    cursor.setPosition(position)
    body.setTextCursor(cursor)
    return body


def test_ctrl_z_and_ctrl_y_typed_in_the_body_use_the_issue_undo_stack(qtbot, window) -> None:
    doc = window.doc
    body = _body_at(window, (0, 0), 0)
    original = doc.article(0, 0).paragraphs[0].full_text
    type_text(body, "测试")
    assert doc.article(0, 0).paragraphs[0].full_text == "测试" + original
    QTest.keyClick(body, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert doc.article(0, 0).paragraphs[0].full_text == original
    assert body.paragraphs()[0].full_text == original
    QTest.keyClick(body, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert doc.article(0, 0).paragraphs[0].full_text == "测试" + original


def test_ctrl_z_in_a_line_field_and_after_a_structure_edit(qtbot, window) -> None:
    doc = window.doc
    window.select_node(("article", 0, 0))
    source = window.editors.article.source
    source.selectAll()
    type_text(source, "甲乙")
    assert doc.article(0, 0).source == "甲乙"
    QTest.keyClick(source, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert doc.article(0, 0).source == "海淀区文明办"
    assert source.text() == "海淀区文明办"
    # a structure edit (not made in this field) is undone from the field too
    articles = len(doc.issue.sections[0].articles)
    window.act_duplicate.trigger()
    assert len(doc.issue.sections[0].articles) == articles + 1
    window.select_node(("article", 0, 0))
    QTest.keyClick(window.editors.article.source, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)  # redo: nothing
    QTest.keyClick(window.editors.article.source, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(doc.issue.sections[0].articles) == articles


def _send_drop(widget, mime: QMimeData) -> QDropEvent:
    enter = QDragEnterEvent(widget.rect().center(), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(widget.rect().center()), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, drop)
    return drop


def test_a_file_dropped_on_the_body_is_imported_not_pasted_as_a_path(qtbot, window, tmp_path: Path,
                                                                     monkeypatch) -> None:
    source = tmp_path / "投稿.txt"
    source.write_text("拖到正文上的稿件\n\n第一段。正文内容。\n", encoding="utf-8")
    monkeypatch.setattr(import_dialog, "ask_import", lambda *a: "insert")
    body = _body_at(window, (0, 0), 0)
    before_text = [p.full_text for p in window.doc.article(0, 0).paragraphs]
    before = len(window.doc.issue.articles())
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(source))])
    mime.setText(QUrl.fromLocalFile(str(source)).toString())
    _send_drop(body.viewport(), mime)
    assert len(window.doc.issue.articles()) == before + 1
    assert [p.full_text for p in window.doc.article(0, 0).paragraphs] == before_text
    assert "file:" not in "".join(p.full_text for p in window.doc.issue.articles()[0].paragraphs)


def test_dropped_plain_text_still_goes_into_the_body(qtbot, window) -> None:
    body = _body_at(window, (0, 0), 0)
    mime = QMimeData()
    mime.setText("拖入文字")
    drop = QDropEvent(QPointF(5, 5), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    assert window.key_router.eventFilter(body.viewport(), drop) is False  # not taken from the text box


def test_typing_after_a_finished_lead_types_body_text(qtbot, window) -> None:
    doc = window.doc
    window.select_node(("article", 0, 0))
    body = window.editors.article.body
    body.set_paragraphs([Paragraph(text="首句。")], force=True)
    body.paragraphs_edited.emit(body.paragraphs())
    body.setFocus()
    cursor = body.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    body.setTextCursor(cursor)
    QTest.keyClick(body, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert doc.article(0, 0).paragraphs[0].lead == "首句。"
    type_text(body, "正文继续")
    paragraph = doc.article(0, 0).paragraphs[0]
    assert (paragraph.lead, paragraph.text) == ("首句。", "正文继续")


def test_typing_inside_an_unfinished_lead_extends_it(qtbot, window) -> None:
    window.select_node(("article", 0, 0))
    body = window.editors.article.body
    body.set_paragraphs([Paragraph(text="其余", lead="加粗")], force=True)
    cursor = body.textCursor()
    cursor.setPosition(2)
    body.setTextCursor(cursor)
    type_text(body, "部分")
    assert body.paragraphs()[0].lead == "加粗部分"


def test_enter_at_the_start_of_a_sub_heading_opens_a_body_paragraph_above_it(qtbot, window) -> None:
    doc = window.doc
    window.select_node(("article", 0, 0))
    body = window.editors.article.body
    body.set_paragraphs([Paragraph(text="一、总体情况", kind=ParagraphKind.H1), Paragraph(text="正文。")],
                        force=True)
    body.paragraphs_edited.emit(body.paragraphs())
    _body_at(window, (0, 0), 0)
    type_text(body, "\n")
    paragraphs = doc.article(0, 0).paragraphs
    assert [(p.full_text, p.kind) for p in paragraphs] == [
        ("", ParagraphKind.BODY), ("一、总体情况", ParagraphKind.H1), ("正文。", ParagraphKind.BODY)]
    assert body.textCursor().blockNumber() == 1
    # Enter in the middle still splits, the new paragraph is body text
    cursor = body.textCursor()
    cursor.setPosition(body.document().findBlockByNumber(1).position() + 2)
    body.setTextCursor(cursor)
    type_text(body, "\n")
    kinds = [(p.full_text, p.kind) for p in doc.article(0, 0).paragraphs]
    assert kinds[1:3] == [("一、", ParagraphKind.H1), ("总体情况", ParagraphKind.BODY)]


def _paste(body, mime: QMimeData) -> None:
    QApplication.clipboard().setMimeData(mime)
    body.paste()


def test_pasting_rich_text_drops_images_and_keeps_every_line_of_text(qtbot, window) -> None:
    body = _body_at(window, (0, 0), 0)
    body.set_paragraphs([Paragraph(text="")], force=True)
    mime = QMimeData()
    mime.setHtml("<html><body><p style='text-align:center'><b>网页粘贴的标题</b></p>"
                 "<p><b>措施有力。</b>各单位<img src='data:image/png;base64,AAAA'>积极落实。</p>"
                 "<p>（海淀区文明办）</p></body></html>")
    mime.setText("网页粘贴的标题\n措施有力。各单位积极落实。\n（海淀区文明办）")
    removed: list[int] = []
    body.pasted_characters_removed.connect(removed.append)
    _paste(body, mime)
    paragraphs = window.doc.article(0, 0).paragraphs
    text = "".join(p.full_text for p in paragraphs)
    assert "\ufffc" not in text
    assert "网页粘贴的标题" in text and "（海淀区文明办）" in text
    assert any(p.lead == "措施有力。" and p.text == "各单位积极落实。" for p in paragraphs)


def test_pasting_a_plain_submission_keeps_its_title_and_attribution(qtbot, window) -> None:
    body = _body_at(window, (0, 0), 0)
    before = len(window.doc.article(0, 0).paragraphs)
    mime = QMimeData()
    mime.setText("拖入的稿件标题\n\n第一段。正文内容。\n\n第二段内容很多很多。\n（海淀区文明办）")
    _paste(body, mime)
    texts = [p.full_text for p in window.doc.article(0, 0).paragraphs]
    assert len(texts) == before + 4
    assert "拖入的稿件标题" in texts and "（海淀区文明办）" in texts


def test_a_short_snippet_is_pasted_inline_and_control_characters_are_dropped_and_counted(qtbot, window) -> None:
    body = _body_at(window, (0, 0), 2)
    original = window.doc.article(0, 0).paragraphs[0].full_text
    removed: list[int] = []
    body.pasted_characters_removed.connect(removed.append)
    mime = QMimeData()
    mime.setText("插\x07入\u200b")
    _paste(body, mime)
    assert window.doc.article(0, 0).paragraphs[0].full_text == original[:2] + "插入" + original[2:]
    assert removed == [2]
    assert "2" in window.statusBar().currentMessage()


def test_strip_unprintable_keeps_tabs_and_drops_emptied_paragraphs() -> None:
    kept, removed = strip_unprintable([Paragraph(text="a\tb\x00"), Paragraph(text="\ufffc")])
    assert [p.text for p in kept] == ["a\tb"] and removed == 2


def test_print_honours_the_page_range_chosen_in_the_print_dialog(qtbot, window, tmp_path, monkeypatch) -> None:
    target = tmp_path / "range.pdf"
    flow = window.files.print_flow()
    monkeypatch.setattr(flow, "ask_options", lambda default: default)

    def ask_printer(printer: QPrinter) -> bool:
        assert flow.page_count == 5  # the dialog is offered the issue's pages
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        printer.setPrintRange(QPrinter.PrintRange.PageRange)
        printer.setFromTo(2, 3)
        return True

    monkeypatch.setattr(flow, "ask_printer", ask_printer)
    assert flow.run() == 2
    with fitz.open(target) as pdf:
        assert pdf.page_count == 2
        assert "首都精神文明建设情况简报" not in pdf[0].get_text()  # page 2 first, not the masthead page


def test_delete_key_in_the_outline_deletes_the_article_and_undo_brings_it_back(qtbot, window) -> None:
    doc = window.doc
    window.select_node(("article", 0, 1))
    title = doc.article(0, 1).title
    count = len(doc.issue.sections[0].articles)
    window.outline.setFocus()
    QTest.keyClick(window.outline, Qt.Key.Key_Delete)
    assert len(doc.issue.sections[0].articles) == count - 1
    window.act_undo.trigger()
    assert doc.article(0, 1).title == title


def test_preview_follows_continuous_typing_within_the_ceiling(qtbot, window, monkeypatch) -> None:
    runner = window.runner
    runner.wait_idle(5000)
    qtbot.waitUntil(runner.is_idle, timeout=5000)
    ready: list[object] = []
    runner.layout_ready.connect(ready.append)
    body = _body_at(window, (0, 0), 0)
    # keystrokes every 150 ms for 1.8 s never leave a 300 ms pause; the preview still moves
    for _ in range(12):
        type_text(body, "字")
        QTest.qWait(150)
        if ready:
            break
    assert ready, "no layout while typing continuously"
    assert layout_runner.MAX_WAIT_MS <= 1000


def test_key_router_ignores_other_windows(qtbot, window) -> None:
    from PySide6.QtWidgets import QLineEdit

    other = QLineEdit()
    qtbot.addWidget(other)
    event = QEvent(QEvent.Type.ShortcutOverride)
    assert window.key_router.eventFilter(other, event) is False


def test_undo_of_a_field_in_another_article_shows_that_article(qtbot, window) -> None:
    doc = window.doc
    window.select_node(("article", 0, 1))
    source = window.editors.article.source
    source.selectAll()
    type_text(source, "丰台区文明办")
    window.select_node(("masthead",))
    window.act_undo.trigger()
    assert window.editors.node == ("article", 0, 1)
    assert window.editors.article.source.text() == doc.article(0, 1).source != "丰台区文明办"
    window.select_node(("masthead",))
    window.act_redo.trigger()
    assert window.editors.node == ("article", 0, 1) and doc.article(0, 1).source == "丰台区文明办"


def test_a_layout_failure_is_worded_and_an_internal_one_logged(qtbot, window, tmp_path, monkeypatch) -> None:
    from bulletin_desk import app as app_module
    from bulletin_desk.catalogue import BulletinDeskError

    logged: list[object] = []
    monkeypatch.setattr(app_module, "log_exception",
                        lambda exc_info=None: logged.append(exc_info) or tmp_path / "crash.log")
    window.runner.layout_failed.emit(BulletinDeskError("render.no_pages"))
    message = window.statusBar().currentMessage()
    assert "排版失败" in message and "没有页面" in message and "render.no_pages" not in message
    assert logged == []
    window.runner.layout_failed.emit(ZeroDivisionError("division by zero"))
    message = window.statusBar().currentMessage()
    assert "crash.log" in message and "ZeroDivisionError" not in message
    assert logged and logged[0][0] is ZeroDivisionError
