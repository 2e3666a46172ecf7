"""The menu actions not covered elsewhere, each triggered as the editor would: 打开, 导入, 关于, F2, 查找, 退出."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit

from bulletin_desk import __version__
from bulletin_desk.gui import dialogs, import_dialog, workspace
from bulletin_desk.gui.testhook import type_text


def test_open_shows_the_archive_workspace(qtbot, real_window, monkeypatch) -> None:
    shown: list[object] = []
    monkeypatch.setattr(workspace.WorkspaceDialog, "exec", lambda self: shown.append(self) or 0)
    real_window.act_open.trigger()
    assert len(shown) == 1 and shown[0].parent() is real_window


def test_import_through_the_file_dialog_adds_the_article(qtbot, window, tmp_path: Path, monkeypatch) -> None:
    source = tmp_path / "来稿.txt"
    source.write_text("菜单导入的稿件\n\n第一段。正文内容。\n（朝阳区文明办）\n", encoding="utf-8")
    monkeypatch.setattr(window.files, "ask_import_path", lambda: source)
    monkeypatch.setattr(import_dialog, "ask_import", lambda *a: "insert")
    before = len(window.doc.issue.articles())
    window.act_import.trigger()
    titles = [a.title for a in window.doc.issue.articles()]
    assert len(titles) == before + 1 and "菜单导入的稿件" in titles
    monkeypatch.setattr(window.files, "ask_import_path", lambda: None)  # cancelled: nothing changes
    window.act_import.trigger()
    assert len(window.doc.issue.articles()) == before + 1


def test_about_names_the_version(qtbot, window, monkeypatch) -> None:
    seen: list[str] = []
    monkeypatch.setattr(dialogs.QMessageBox, "about", lambda _parent, _title, text: seen.append(text))
    window.act_about.trigger()
    assert seen and __version__ in seen[0] and "GB/T 9704-2012" in seen[0]


def test_f2_renames_a_section_in_place_and_undo_restores_it(qtbot, window) -> None:
    window.select_node(("section", 0))
    old = window.doc.issue.sections[0].heading
    window.outline.setFocus()
    QTest.keyClick(window.outline, Qt.Key.Key_F2)
    assert window.outline.state() == QAbstractItemView.State.EditingState
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.text() == old
    editor.selectAll()
    type_text(editor, "工作动态")
    QTest.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on the next turn of the event loop
    qtbot.waitUntil(lambda: window.doc.issue.sections[0].heading == "工作动态", timeout=2000)
    window.act_undo.trigger()
    assert window.doc.issue.sections[0].heading == old


def test_find_opens_the_dialog_and_selects_the_hit_in_the_article(qtbot, window) -> None:
    window.act_find.trigger()
    dialog = window.find.dialog
    assert dialog is not None and dialog.isVisible() and not dialog.replace_text.isVisible()
    dialog.find_text.setText("集结号")
    dialog.find_next.click()
    hit = window.find.current
    assert hit is not None
    assert hit.path == ("paragraphs", 0, 0) and hit.paragraph == 0 and hit.part == "paragraph" and hit.start == 7
    assert window.editors.node == ("article", 0, 0)
    selected = window.editors.article.body.textCursor().selectedText()
    assert selected == "集结号"
    dialog.close()


def test_quit_closes_the_window_when_nothing_is_unsaved(qtbot, window) -> None:
    window.doc.stack.setClean()
    window.act_quit.trigger()
    assert not window.isVisible()


def test_find_and_replace_across_the_end_of_the_bold_lead() -> None:
    from bulletin_desk.gui.find import find_all, replace_all_in, replace_in_paragraph
    from bulletin_desk.model import Article, Issue, Paragraph, Section

    p = Paragraph(text="全区共建。", lead="统一行动。")
    # inside the lead: stays bold; inside the rest: stays plain; across the end: joins the lead
    assert replace_in_paragraph(p, 2, 4, "部署") == Paragraph(text="全区共建。", lead="统一部署。")
    assert replace_in_paragraph(p, 5, 7, "全市") == Paragraph(text="全市共建。", lead="统一行动。")
    assert replace_in_paragraph(p, 4, 7, "，全市") == Paragraph(text="共建。", lead="统一行动，全市")
    issue = Issue(sections=[Section(heading="动态", articles=[Article(title="t", paragraphs=[p])])])
    hits = find_all(issue, "行动。全区")
    assert [(h.path, h.paragraph, h.start) for h in hits] == [(("paragraphs", 0, 0), 0, 2)]
    assert replace_all_in(issue, "。", "！") == 2
    assert issue.sections[0].articles[0].paragraphs[0] == Paragraph(text="全区共建！", lead="统一行动！")


def test_replace_in_the_window_across_the_lead_keeps_it_bold(qtbot, window) -> None:
    lead = window.doc.article(0, 0).paragraphs[0].lead
    rest = window.doc.article(0, 0).paragraphs[0].text
    window.act_replace.trigger()
    dialog = window.find.dialog
    dialog.find_text.setText(lead[-2:] + rest[:2])
    dialog.replace_text.setText("＠＠")
    dialog.find_next.click()
    assert window.editors.article.body.textCursor().selectedText() == lead[-2:] + rest[:2]
    dialog.replace_one.click()
    paragraph = window.doc.article(0, 0).paragraphs[0]
    assert paragraph.lead == lead[:-2] + "＠＠" and paragraph.text == rest[2:]
    window.act_undo.trigger()
    assert window.doc.article(0, 0).paragraphs[0].lead == lead
    dialog.close()
