"""模板管理 dialog, 从模板新建稿件 and the import dialog's unit — against a real archive in tmp."""

from __future__ import annotations

from pathlib import Path

from bulletin_desk.gui import import_dialog, templates_dialog
from bulletin_desk.gui.templates_dialog import TemplatesDialog
from bulletin_desk.model.templates import DistrictTemplate, dumps_templates, loads_templates


def _select(dialog: TemplatesDialog, unit: str) -> None:
    row = [t.unit for t in dialog.templates].index(unit)
    dialog.list.setCurrentRow(row)


def test_templates_dialog_lists_edits_duplicates_deletes_and_previews(qtbot, real_window, monkeypatch) -> None:
    repo = real_window.link.repo
    dialog = TemplatesDialog(repo, real_window)
    qtbot.addWidget(dialog)
    assert dialog.list.count() == len(repo.templates()) == 17
    _select(dialog, "海淀区文明办")
    assert dialog.unit.text() == "海淀区文明办"
    preview = dialog.preview.toPlainText()
    assert "（海淀区文明办）" in preview
    assert dialog.skeleton.rowCount() == len(repo.template_for("海淀区文明办").skeleton) > 0
    first_lead = dialog.skeleton.item(0, 0).text()
    assert first_lead and first_lead in preview

    dialog.contact.setText("海淀区文明办宣传科")
    dialog.skeleton.item(0, 0).setText("新的首句。")
    assert "新的首句。" in dialog.preview.toPlainText()
    assert dialog.save_current() is not None
    stored = repo.template_for("海淀区文明办")
    assert stored.contact == "海淀区文明办宣传科" and stored.skeleton[0].lead == "新的首句。"

    copy_ = dialog.duplicate_template()
    assert copy_ is not None and copy_.unit == "海淀区文明办（副本）"
    assert len(repo.templates()) == 18 and dialog.list.count() == 18
    assert repo.template_for("海淀区文明办（副本）").skeleton == stored.skeleton

    monkeypatch.setattr(TemplatesDialog, "confirm", lambda self, title, text: True)
    _select(dialog, "海淀区文明办（副本）")
    dialog.delete_template()
    assert repo.template_for("海淀区文明办（副本）") is None and dialog.list.count() == 17

    dialog.new_template()
    dialog.unit.setText("测试区文明办")
    dialog.section.setText("基层动态")
    dialog.add_paragraph_row()
    dialog.skeleton.item(0, 0).setText("一、做法。")
    dialog.save_current()
    made = repo.template_for("测试区文明办")
    assert made is not None and made.section == "基层动态" and made.skeleton[0].lead == "一、做法。"


def test_templates_export_and_import_use_the_core_format(qtbot, real_window, tmp_path: Path, monkeypatch) -> None:
    repo = real_window.link.repo
    dialog = TemplatesDialog(repo, real_window)
    qtbot.addWidget(dialog)
    out = tmp_path / "set.json"
    assert dialog.export_file(out)
    assert [t.unit for t in loads_templates(out.read_bytes())] == [t.unit for t in repo.templates()]

    replacement = tmp_path / "office.json"
    replacement.write_text(dumps_templates([DistrictTemplate(unit="甲单位", section="甲栏目"),
                                            DistrictTemplate(unit="乙单位")]), encoding="utf-8")
    monkeypatch.setattr(TemplatesDialog, "confirm", lambda self, title, text: True)
    assert dialog.import_file(replacement)
    assert [t.unit for t in repo.templates()] == ["甲单位", "乙单位"]
    assert dialog.list.count() == 2

    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "bulletin-desk-templates/1", "templates": [{"unit": ""}]}', encoding="utf-8")
    warned: list[str] = []
    monkeypatch.setattr(templates_dialog.QMessageBox, "warning", lambda parent, title, text: warned.append(text))
    assert not dialog.import_file(bad)
    assert warned and [t.unit for t in repo.templates()] == ["甲单位", "乙单位"]


def test_new_article_from_template_is_one_undo_step_under_its_section(qtbot, real_window, monkeypatch) -> None:
    doc = real_window.doc
    repo = real_window.link.repo
    template = repo.template_for("朝阳区文明办")
    headings = [s.heading for s in doc.issue.sections]
    assert template.section not in headings
    monkeypatch.setattr(templates_dialog, "choose_template", lambda window, templates: templates[
        [t.unit for t in templates].index("朝阳区文明办")])
    count = doc.stack.count()
    real_window.act_from_template.trigger()
    assert doc.stack.count() == count + 1
    section = doc.issue.sections[-1]
    assert section.heading == template.section
    article = section.articles[-1]
    assert article.source == "朝阳区文明办"
    assert [p.lead for p in article.paragraphs] == [p.lead for p in template.skeleton]
    assert real_window.current_node() == ("article", len(doc.issue.sections) - 1, 0)

    # a second one goes under the now existing 栏目, not a new one
    real_window.act_from_template.trigger()
    assert [s.heading for s in doc.issue.sections].count(template.section) == 1
    assert len(doc.issue.sections[-1].articles) == 2
    doc.stack.undo()
    doc.stack.undo()
    assert [s.heading for s in doc.issue.sections] == headings


def test_importing_text_from_a_unit_fills_the_source_from_its_template(qtbot, real_window, monkeypatch) -> None:
    monkeypatch.setattr(import_dialog, "ask_import", lambda w, r, n: ("insert", "顺义区文明办"))
    real_window.select_node(("article", 0, 0))
    text = "顺义区开展文明实践活动\n\n顺义区组织志愿者开展文明实践活动，取得良好效果。\n"
    assert import_dialog.run_import(real_window, text=text)
    article = real_window.doc.article(0, 1)
    assert article.source == "顺义区文明办"

    # the dialog offers the archive's units
    result = import_dialog.read_import(real_window, text=text)
    assert result is not None
    dialog = import_dialog.ImportDialog(result[0], result[1], real_window, import_dialog.template_units(real_window))
    qtbot.addWidget(dialog)
    assert dialog.unit.count() == 18 and dialog.chosen_unit() == ""
    dialog.unit.setCurrentIndex(dialog.unit.findData("顺义区文明办"))
    assert dialog.chosen_unit() == "顺义区文明办"
