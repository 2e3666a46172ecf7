"""稿件库: the date received and 栏目 asked when a submission comes in, corrected later, and no double adoption."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from bulletin_desk.archive.records import Submission
from bulletin_desk.gui import pool as pool_module
from bulletin_desk.gui.pool_dialogs import SubmissionDialog
from bulletin_desk.model import Article, Issue, Masthead, Paragraph, Section

SECTIONS = {"海淀区文明办": "工作动态", "朝阳区文明办": "经验交流"}


def _dialog(qtbot, **kwargs) -> SubmissionDialog:
    dialog = SubmissionDialog(["海淀区文明办", "朝阳区文明办", "无模板单位"], ["工作动态", "经验交流", "专题报道"],
                              lambda unit: SECTIONS.get(unit, ""), **kwargs)
    qtbot.addWidget(dialog)
    return dialog


def _answer(monkeypatch, unit: str, received: _dt.date, section: str, title: str = "") -> None:
    """Every SubmissionDialog the pool opens is filled in with these and accepted."""

    def fill(dialog: SubmissionDialog) -> QDialog.DialogCode:
        dialog.unit.setCurrentText(unit)
        dialog.received.setDate(QDate(received.year, received.month, received.day))
        dialog.section.setCurrentText(section)
        if dialog.typed:
            dialog.title.setText(title)
            dialog.text.setPlainText("第一段。\n\n第二段。")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(SubmissionDialog, "exec", fill)


def _errors(monkeypatch, window) -> list[tuple[str, str]]:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(window.files, "show_error", lambda title, text: shown.append((title, text)))
    return shown


def _submission(repo, unit: str = "海淀区文明办", title: str = "来稿") -> Submission:
    return repo.save_submission(Submission(unit=unit, received=_dt.date.today(), section=SECTIONS.get(unit, ""),
                                           article=Article(title=title, source=unit,
                                                           paragraphs=[Paragraph(text="正文一段。")])))


def test_the_dialog_dates_today_and_files_under_the_unit_template_section(qtbot) -> None:
    dialog = _dialog(qtbot)
    assert dialog.received.date().toPython() == _dt.date.today()
    assert not dialog.title.isVisibleTo(dialog)  # import: no title or text asked
    assert dialog.values() == ("海淀区文明办", _dt.date.today(), "工作动态")
    dialog.unit.setCurrentText("朝阳区文明办")
    assert dialog.section.currentText() == "经验交流"  # follows the unit's template …
    dialog.unit.setCurrentText("无模板单位")
    assert dialog.section.currentText() == ""  # … and offers the list when there is none
    assert [dialog.section.itemText(i) for i in range(dialog.section.count())] == ["工作动态", "经验交流", "专题报道"]
    dialog.section.setCurrentIndex(2)
    dialog.section.activated.emit(2)  # picked from the list (QTest cannot type CJK)
    dialog.unit.setCurrentText("海淀区文明办")
    assert dialog.section.currentText() == "专题报道"  # … until the editor chose one
    dialog.received.setDate(QDate(2024, 2, 29))
    assert dialog.values() == ("海淀区文明办", _dt.date(2024, 2, 29), "专题报道")
    typed_over = _dialog(qtbot)
    typed_over.section.lineEdit().setText("自拟栏目")
    typed_over.section.lineEdit().textEdited.emit("自拟栏目")  # typed by hand: kept as well
    typed_over.unit.setCurrentText("朝阳区文明办")
    assert typed_over.section.currentText() == "自拟栏目"
    dialog.unit.setCurrentText("  ")
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()


def test_the_typed_dialog_has_a_section(qtbot) -> None:
    dialog = _dialog(qtbot, typed=True)
    dialog.unit.setCurrentText("无模板单位")
    dialog.section.setCurrentText("专题报道")
    dialog.title.setText("手工录入")
    dialog.text.setPlainText("一段。\n\n 二段。 ")
    typed = dialog.submission()
    assert (typed.unit, typed.section, typed.origin, typed.article.source) == ("无模板单位", "专题报道", "typed",
                                                                               "无模板单位")
    assert [p.text for p in typed.article.paragraphs] == ["一段。", "二段。"]


def test_editing_keeps_a_chosen_section_and_prefills(qtbot) -> None:
    current = Submission(unit="海淀区文明办", received=_dt.date(2023, 5, 6), article=Article(), section="专题报道")
    dialog = _dialog(qtbot, current=current)
    assert dialog.values() == ("海淀区文明办", _dt.date(2023, 5, 6), "专题报道")
    dialog.unit.setCurrentText("朝阳区文明办")
    assert dialog.section.currentText() == "专题报道"  # not the template's: someone chose it
    from_template = _dialog(qtbot, current=Submission(unit="海淀区文明办", received=_dt.date(2023, 5, 6),
                                                      article=Article(), section="工作动态"))
    from_template.unit.setCurrentText("朝阳区文明办")
    assert from_template.section.currentText() == "经验交流"  # the old template's 栏目 follows the new unit


def test_import_and_typed_take_the_date_and_section_given(qtbot, real_window, monkeypatch, tmp_path: Path) -> None:
    panel = pool_module.show_pool(real_window)
    repo = real_window.link.repo
    source = tmp_path / "来稿.txt"
    source.write_text("新单位推进垃圾分类\n\n各街道推进垃圾分类工作，成效明显。\n", encoding="utf-8")
    _answer(monkeypatch, "无模板单位", _dt.date(2024, 3, 4), "专题报道")
    [imported] = panel.import_file(source)
    assert (imported.unit, imported.received, imported.section) == ("无模板单位", _dt.date(2024, 3, 4), "专题报道")
    _answer(monkeypatch, "另一无模板单位", _dt.date(2024, 3, 5), "专题报道", title="手工录入")
    typed = panel.add_typed()
    assert typed is not None and (typed.received, typed.section) == (_dt.date(2024, 3, 5), "专题报道")
    # statistics by 栏目 count them under it, not in a blank row
    rows = repo.statistics(_dt.date(2024, 3, 1), _dt.date(2024, 3, 31), by="section")
    assert [(r.key, r.submitted) for r in rows] == [("专题报道", 2)]
    row = next(i for i, s in enumerate(panel.items) if s.id == imported.id)
    assert panel.table.item(row, 2).text() == "2024-03-04" and panel.table.item(row, 5).text() == "专题报道"


def test_edit_corrects_a_saved_submission(qtbot, real_window, monkeypatch) -> None:
    panel = pool_module.show_pool(real_window)
    repo = real_window.link.repo
    sub = _submission(repo)
    panel.reload()
    panel.select_id(sub.id)
    _answer(monkeypatch, "朝阳区文明办", _dt.date(2024, 1, 8), "经验交流")
    changed = panel.edit_selected()
    assert changed is not None and changed.id == sub.id
    assert (changed.unit, changed.received, changed.section) == ("朝阳区文明办", _dt.date(2024, 1, 8), "经验交流")
    assert changed.article == sub.article
    assert panel.selected().id == sub.id and panel.table.item(panel.table.currentRow(), 0).text() == "朝阳区文明办"


def test_edit_refused_when_it_would_break_the_adoption(qtbot, real_window, monkeypatch) -> None:
    panel = pool_module.show_pool(real_window)
    repo = real_window.link.repo
    issue_id = _other_issue(repo)
    sub = repo.place_submission(_submission(repo).id, issue_id)
    panel.reload()
    panel.select_id(sub.id)
    shown = _errors(monkeypatch, real_window)
    _answer(monkeypatch, "通州区文明办", sub.received, "工作动态")
    assert panel.edit_selected() is None
    assert shown and shown[0][0] == "无法修改稿件" and "通州区文明办" in shown[0][1]
    assert repo.submission(sub.id).unit == "海淀区文明办"


def _other_issue(repo) -> int:
    issue = Issue(masthead=Masthead(title="情况简报", number=30, date=_dt.date.today()),
                  sections=[Section("工作动态", [Article(title="已采用稿", source="海淀区文明办",
                                                         paragraphs=[Paragraph(text="正文。")])])])
    return repo.save(issue).id


def test_a_submission_adopted_elsewhere_is_not_placed_again(qtbot, real_window, monkeypatch) -> None:
    panel = pool_module.show_pool(real_window)
    repo = real_window.link.repo
    other = _other_issue(repo)
    sub = repo.place_submission(_submission(repo).id, other)
    shown = _errors(monkeypatch, real_window)
    steps = real_window.doc.stack.count()
    assert not panel.place(sub.id, -1, 0)
    assert real_window.doc.stack.count() == steps
    title, text = shown[0]
    assert title == "不能重复采用"
    assert "已采用于" in text and repo.summary(other).label in text and "待用" in text
    repo.set_submission_state(sub.id, "pending")  # taken back deliberately: now it may go in
    assert panel.place(sub.id, -1, 0) and len(shown) == 1


def test_placing_twice_into_this_issue_asks(qtbot, real_window, monkeypatch) -> None:
    panel = pool_module.show_pool(real_window)
    repo = real_window.link.repo
    sub = _submission(repo, title="只应放一次")
    doc = real_window.doc
    questions: list[str] = []
    answers = [False, True, False]
    monkeypatch.setattr(pool_module.PoolPanel, "confirm", lambda self, title, text: (questions.append(text),
                                                                                     answers.pop(0))[1])
    assert panel.place(sub.id, -1, 0) and not questions  # the first time nothing is asked
    steps = doc.stack.count()
    assert not panel.place(sub.id, -1, 0)  # placed, not saved yet: asked, answered no
    assert "尚未保存" in questions[-1] and doc.stack.count() == steps
    assert real_window.files.save()
    assert repo.submission(sub.id).state == "adopted"
    assert panel.place(sub.id, -1, 0)  # adopted in this issue: asked, answered yes (deleted from it, say)
    assert "已采用于本期" in questions[-1] and doc.stack.count() == steps + 1
    titles = [a.title for a in doc.issue.articles()]
    assert titles.count("只应放一次") == 2
    assert real_window.files.save()
    assert repo.submission(sub.id).issue_id == doc.issue_id  # still one adoption, of this issue
    doc.stack.undo()
    assert not panel.place(sub.id, -1, 0) and len(questions) == 3
