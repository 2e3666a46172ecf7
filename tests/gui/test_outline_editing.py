"""Building an issue through the UI: outline, forms, paragraphs, undo/redo, save and reopen."""

from __future__ import annotations

import time

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QMessageBox

from bulletin_desk.gui import document as document_module
from bulletin_desk.gui.outline import NODE_MIME
from bulletin_desk.gui.testhook import type_text
from bulletin_desk.model import ParagraphKind


def _type(qtbot, widget, text: str) -> None:
    type_text(widget, text)  # key events, as typed (QTest.keyClicks cannot send Chinese)


def test_outline_shows_masthead_sections_articles_colophon_with_source_and_count(window) -> None:
    model = window.outline_model
    assert model.rowCount() == 3  # 报头, one 栏目, 版记
    assert model.data(model.index(0, 0)) == "报头"
    assert model.data(model.index(1, 0)) == "【新时代文明实践中心建设】"
    assert model.data(model.index(2, 0)) == "版记"
    section = model.index(1, 0)
    assert model.rowCount(section) == 3
    first = model.data(model.index(0, 0, section))
    assert first.startswith("海淀区新时代文明实践中心高举旗帜")
    assert "海淀区文明办 · 759字" in first


def test_build_an_issue_through_the_ui(qtbot, window, fake_archive) -> None:
    doc = window.doc
    window.act_new.trigger()  # the sample is unsaved but clean: no question
    assert doc.issue.sections == []
    assert doc.issue.masthead.date is not None
    window.act_add_section.trigger()
    assert window.current_node() == ("section", 0)
    heading = window.editors.section.heading
    heading.selectAll()
    _type(qtbot, heading, "基层动态")
    assert doc.issue.sections[0].heading == "基层动态"
    window.act_add_article.trigger()
    assert window.current_node() == ("article", 0, 0)
    form = window.editors.article
    form.title.selectAll()
    _type(qtbot, form.title, "某区开展志愿服务")
    _type(qtbot, form.source, "某区文明办")
    _type(qtbot, form.body, "率先行动。全区组织志愿者")
    qtbot.keyClick(form.body, Qt.Key.Key_Return)
    _type(qtbot, form.body, "第二段正文")
    article = doc.article(0, 0)
    assert article.title == "某区开展志愿服务"
    assert article.source == "某区文明办"
    assert [p.full_text for p in article.paragraphs] == ["率先行动。全区组织志愿者", "第二段正文"]
    # Ctrl+B on the first paragraph bolds its opening sentence: the lead.
    cursor = form.body.textCursor()
    cursor.setPosition(2)
    form.body.setTextCursor(cursor)
    qtbot.keyClick(form.body, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert doc.article(0, 0).paragraphs[0].lead == "率先行动。"
    assert doc.article(0, 0).paragraphs[0].text == "全区组织志愿者"
    assert form.body.paragraphs()[0].lead == "率先行动。"  # visibly bold in the editor
    # undo the lead, redo it
    window.act_undo.trigger()
    assert doc.article(0, 0).paragraphs[0].lead is None
    assert form.body.paragraphs()[0].lead is None
    window.act_redo.trigger()
    assert doc.article(0, 0).paragraphs[0].lead == "率先行动。"
    # save, change, reopen: the saved text comes back
    assert window.isWindowModified()
    assert window.files.save()
    assert not window.isWindowModified()
    issue_id = doc.issue_id
    form.title.selectAll()
    _type(qtbot, form.title, "改过的标题")
    assert window.isWindowModified()
    doc.stack.setClean()
    window.files.open_id(issue_id)
    assert doc.article(0, 0).title == "某区开展志愿服务"
    assert doc.article(0, 0).paragraphs[0].lead == "率先行动。"
    assert not window.isWindowModified()


def test_typing_in_one_field_is_one_undo_step_until_a_pause(qtbot, window, monkeypatch) -> None:
    doc = window.doc
    window.select_node(("article", 0, 0))
    source = window.editors.article.source
    before = doc.stack.count()
    source.selectAll()
    _type(qtbot, source, "甲乙丙")
    assert doc.stack.count() == before + 1
    # after a pause longer than MERGE_PAUSE_S the next keystroke starts a new step
    clock = [time.monotonic() + 10]
    monkeypatch.setattr(document_module.time, "monotonic", lambda: clock[0])
    _type(qtbot, source, "丁")
    assert doc.stack.count() == before + 2
    window.act_undo.trigger()
    assert doc.article(0, 0).source == "甲乙丙"
    assert source.text() == "甲乙丙"
    window.act_undo.trigger()
    assert doc.article(0, 0).source == "海淀区文明办"
    assert source.text() == "海淀区文明办"


def test_undo_shortcuts(qtbot, window) -> None:
    assert next(s.toString() for s in window.act_undo.shortcuts()) == "Ctrl+Z"
    assert {s.toString() for s in window.act_redo.shortcuts()} == {"Ctrl+Y", "Ctrl+Shift+Z"}
    assert window.act_save.shortcut().toString() == "Ctrl+S"
    assert window.act_export_docx.shortcut().toString() == "Ctrl+E"
    assert window.act_print.shortcut().toString() == "Ctrl+P"
    assert window.act_find.shortcut().toString() == "Ctrl+F"
    assert window.act_replace.shortcut().toString() == "Ctrl+H"


def _drag(model, source_index, row: int, parent: QModelIndex):
    mime = model.mimeData([source_index])
    assert mime.hasFormat(NODE_MIME)
    return mime, model.canDropMimeData(mime, Qt.DropAction.MoveAction, row, 0, parent)


def test_drag_moves_an_article_within_and_across_sections_and_refuses_invalid_places(qtbot, window) -> None:
    doc, model = window.doc, window.outline_model
    titles = [a.title for a in doc.issue.sections[0].articles]
    section = model.index(1, 0)
    # drop the first article after the third, inside its 栏目
    mime, ok = _drag(model, model.index(0, 0, section), 3, section)
    assert ok
    model.dropMimeData(mime, Qt.DropAction.MoveAction, 3, 0, section)
    qtbot.waitUntil(lambda: doc.issue.sections[0].articles[2].title == titles[0])
    assert [a.title for a in doc.issue.sections[0].articles] == [titles[1], titles[2], titles[0]]
    assert window.current_node() == ("article", 0, 2)
    # invalid: an article at top level, an article onto 报头, a 栏目 inside a 栏目
    article = model.index(0, 0, model.index(1, 0))
    assert not _drag(model, article, 1, QModelIndex())[1]
    assert not _drag(model, article, -1, model.index(0, 0))[1]
    window.act_add_section.trigger()
    assert model.rowCount() == 4
    assert not _drag(model, model.index(2, 0), -1, model.index(1, 0))[1]
    assert not _drag(model, model.index(2, 0), 0, QModelIndex())[1]  # above 报头
    # move the article into the new (second) 栏目, then the 栏目 above the first
    mime, ok = _drag(model, model.index(0, 0, model.index(1, 0)), -1, model.index(2, 0))
    assert ok
    model.dropMimeData(mime, Qt.DropAction.MoveAction, -1, 0, model.index(2, 0))
    qtbot.waitUntil(lambda: len(doc.issue.sections[1].articles) == 1)
    assert doc.issue.sections[1].articles[0].title == titles[1]
    mime, ok = _drag(model, model.index(2, 0), 1, QModelIndex())
    assert ok
    model.dropMimeData(mime, Qt.DropAction.MoveAction, 1, 0, QModelIndex())
    qtbot.waitUntil(lambda: doc.issue.sections[0].heading == "新栏目")
    # each move is one undo step
    window.act_undo.trigger()
    assert doc.issue.sections[1].heading == "新栏目"
    window.act_undo.trigger()
    assert len(doc.issue.sections[1].articles) == 0
    window.act_undo.trigger()
    window.act_undo.trigger()
    assert [a.title for a in doc.issue.sections[0].articles] == titles


def test_add_duplicate_delete_rename_and_undo(qtbot, window) -> None:
    doc = window.doc
    window.select_node(("article", 0, 1))
    window.act_duplicate.trigger()
    assert len(doc.issue.sections[0].articles) == 4
    assert doc.article(0, 2).title == doc.article(0, 1).title
    assert window.current_node() == ("article", 0, 2)
    window.act_delete.trigger()
    assert len(doc.issue.sections[0].articles) == 3
    index = window.outline_model.index_of(("section", 0))
    assert window.outline_model.setData(index, "改名栏目")
    assert doc.issue.sections[0].heading == "改名栏目"
    window.act_undo.trigger()
    assert doc.issue.sections[0].heading == "新时代文明实践中心建设"
    window.act_undo.trigger()
    assert len(doc.issue.sections[0].articles) == 4
    window.act_redo.trigger()
    assert len(doc.issue.sections[0].articles) == 3


def test_paragraph_kind_and_lead_toggle_from_buttons(qtbot, window) -> None:
    doc = window.doc
    window.select_node(("article", 0, 0))
    form = window.editors.article
    body = form.body
    cursor = body.textCursor()
    cursor.setPosition(1)
    body.setTextCursor(cursor)
    assert doc.article(0, 0).paragraphs[0].lead == "迅速吹响疫情“集结号”。"
    form.lead_button.click()
    assert doc.article(0, 0).paragraphs[0].lead is None
    form.kind.setCurrentIndex(form.kind.findData(ParagraphKind.H1))
    form.kind.activated.emit(form.kind.currentIndex())
    assert doc.article(0, 0).paragraphs[0].kind == ParagraphKind.H1
    window.act_undo.trigger()
    window.act_undo.trigger()
    assert doc.article(0, 0).paragraphs[0].kind == ParagraphKind.BODY
    assert doc.article(0, 0).paragraphs[0].lead == "迅速吹响疫情“集结号”。"
    assert body.paragraphs()[0].lead == "迅速吹响疫情“集结号”。"


def test_masthead_form_edits_numbers_and_proposes_from_the_archive(qtbot, window, fake_archive) -> None:
    doc = window.doc
    window.files.save()
    window.select_node(("masthead",))
    form = window.editors.masthead
    form.number.setValue(20)
    assert doc.issue.masthead.number == 20
    form.number.setValue(0)  # the minimum means "none"
    assert doc.issue.masthead.number is None
    form.propose = window.files.proposal_for
    form.propose_button.click()
    assert doc.issue.masthead.number == 20
    assert doc.issue.masthead.total_number == 2129
    form.has_date.setChecked(False)
    assert doc.issue.masthead.date is None


def test_closing_with_unsaved_changes_asks_and_cancel_keeps_the_window(qtbot, window, monkeypatch) -> None:
    window.select_node(("article", 0, 0))
    _type(qtbot, window.editors.article.source, "改")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Cancel)
    assert not window.close()
    assert window.isVisible()

