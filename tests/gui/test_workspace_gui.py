"""The archive workspace (browser, filters, duplicate as next, trash, search, revisions) and the states
草稿 → 待核 → 已签发 in the main window — against a real archive in tmp."""

from __future__ import annotations

import copy

from PySide6.QtCore import Qt

from bulletin_desk.gui import revisions as revisions_module
from bulletin_desk.gui import states as states_module
from bulletin_desk.gui.revisions import RevisionsDialog
from bulletin_desk.gui.states import SignoffDialog
from bulletin_desk.gui.workspace import HIGHLIGHT, WorkspaceDialog
from bulletin_desk.gui.workspace_model import SORT_ROLE


def _store_two(window) -> tuple[int, int]:
    """The sample saved as two real issues of its series (the second with the next numbers)."""
    assert window.files.save_as_new()
    first = window.doc.issue_id
    window.doc.set_field(("masthead", "total_number"), 500)
    assert window.files.save()
    window.doc.set_field(("article", 0, 0, "source"), "朝阳区文明办")
    assert window.files.save_as_new()
    return first, window.doc.issue_id


def _workspace(qtbot, window) -> WorkspaceDialog:
    dialog = WorkspaceDialog(window)
    qtbot.addWidget(dialog)
    return dialog


def test_browser_lists_filters_sorts_and_opens(qtbot, real_window) -> None:
    first, second = _store_two(real_window)
    dialog = _workspace(qtbot, real_window)
    model = dialog.model
    assert model.rowCount() == 3  # the sample and the two saved issues
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(7)]
    assert headers == ["简报", "年份", "期号", "总期号", "首篇标题", "状态", "更新时间"]
    dialog.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)
    numbers = [model.index(r, 2).data(SORT_ROLE) for r in range(3)]
    assert numbers == sorted(numbers, reverse=True) and model.index(0, 2).data() == "第19期"
    dialog.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)
    assert [model.index(r, 2).data(SORT_ROLE) for r in range(3)] == sorted(numbers)

    dialog.source_filter.setText("朝阳区文明办")
    with qtbot.waitSignal(dialog.filled, timeout=10000):  # the filters search on the worker
        dialog.fill()
    assert dialog.model.rowCount() == 1 and dialog.selected_id() == second
    dialog.source_filter.setText("")
    dialog.section_filter.setText("新时代文明实践")
    with qtbot.waitSignal(dialog.filled, timeout=10000):
        dialog.fill()
    assert dialog.model.rowCount() == 3
    dialog.section_filter.setText("没有这个栏目")
    with qtbot.waitSignal(dialog.filled, timeout=10000):
        dialog.fill()
    assert dialog.model.rowCount() == 0
    dialog.section_filter.setText("")
    dialog.state.setCurrentIndex(dialog.state.findData("review"))
    assert dialog.model.rowCount() == 0
    dialog.state.setCurrentIndex(0)
    assert dialog.model.rowCount() == 3

    dialog.select_id(first)
    assert dialog.open_selected()
    assert real_window.doc.issue_id == first


def test_duplicate_as_next_trash_and_restore(qtbot, real_window) -> None:
    first, second = _store_two(real_window)
    stored = real_window.link.repo.load(second).issue
    dialog = _workspace(qtbot, real_window)
    dialog.select_id(second)
    assert dialog.duplicate_as_next()
    doc = real_window.doc
    assert doc.issue_id is None and doc.is_dirty()
    assert doc.issue.masthead.total_number == stored.masthead.total_number + 1
    assert [a.title for a in doc.issue.articles()] == [a.title for a in stored.articles()]
    doc.stack.setClean()

    dialog = _workspace(qtbot, real_window)
    dialog.select_id(first)
    assert dialog.trash_selected()
    assert first not in [r.id for r in dialog.rows()]
    dialog.trash_view.setChecked(True)
    assert [r.id for r in dialog.rows()] == [first]
    assert dialog.restore_button.isEnabled() and not dialog.open_button.isEnabled()
    assert dialog.restore_selected()
    dialog.trash_view.setChecked(False)
    assert first in [r.id for r in dialog.rows()]


def test_search_highlights_hits_and_jumps_to_the_paragraph(qtbot, real_window) -> None:
    _store_two(real_window)
    dialog = _workspace(qtbot, real_window)
    dialog.query.setText("暖心桥")
    with qtbot.waitSignal(dialog.searched, timeout=10000) as blocker:
        dialog.search()
    hits = blocker.args[0]
    assert hits and dialog.hits_list.count() == len(hits)
    label = dialog.hits_list.itemWidget(dialog.hits_list.item(0))
    assert HIGHLIGHT + "暖心桥</span>" in label.text()
    row = next(i for i, h in enumerate(hits) if h.field == "paragraph")
    hit = hits[row]
    real_window.select_node(("masthead",))
    assert dialog.open_hit(row)
    assert real_window.doc.issue_id == hit.issue_id
    assert real_window.current_node() == ("article", hit.section, hit.article)
    body = real_window.editors.article.body
    cursor = body.textCursor()
    assert cursor.selectedText() == "暖心桥"
    assert cursor.block().blockNumber() == hit.paragraph


def test_revisions_list_diff_and_restore(qtbot, real_window, monkeypatch) -> None:
    _store_two(real_window)
    doc = real_window.doc
    old_title = doc.article(0, 0).title
    doc.set_field(("article", 0, 0, "title"), "改过的标题")
    assert real_window.files.save()
    dialog = RevisionsDialog(real_window, doc.issue_id)
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 1
    text = dialog.diff.toPlainText()
    assert "-" + old_title in text and "+改过的标题" in text
    monkeypatch.setattr(RevisionsDialog, "confirm", lambda self, text: True)
    assert dialog.restore_selected()
    assert doc.article(0, 0).title == old_title and not doc.is_dirty()
    assert dialog.list.count() == 2
    assert revisions_module.article_diffs(doc.issue, copy.deepcopy(doc.issue)) == []


def test_states_submit_sign_read_only_and_new_revision(qtbot, real_window, monkeypatch) -> None:
    _store_two(real_window)
    states = real_window.states
    doc = real_window.doc
    doc.set_field(("article", 0, 1, "source"), "")  # a problem for the 签发前检查
    assert states.state == "draft" and "草稿" in states.status_label.text()
    assert not states.act_sign.isEnabled()
    assert states.submit()
    assert states.state == "review" and "待核" in real_window.windowTitle()
    assert states.act_sign.isEnabled() and states.act_return.isEnabled()

    seen: dict[str, list] = {}
    def cancel(w, problems):
        seen["p"] = problems
        return None

    monkeypatch.setattr(states_module, "ask_signoff", cancel)
    assert not states.sign()  # cancelled: still in review
    assert states.state == "review"

    monkeypatch.setattr(states_module, "ask_signoff", lambda w, problems: "领导已同意")
    assert states.sign()
    assert states.state == "signed"
    history = real_window.link.repo.state_history(doc.issue_id)
    assert history[-1].to_state == "signed" and history[-1].who == "王核稿"
    assert "review.source.missing" in history[-1].overridden
    assert history[-1].overridden == tuple(p.code for p in seen["p"]) and history[-1].reason == "领导已同意"

    # read-only: forms disabled, no edit reaches the model or the undo stack, banner offers a new revision
    assert doc.read_only and not real_window.editors.isEnabled()
    assert states.banner.isVisible() and not real_window.act_save.isEnabled()
    title, steps = doc.article(0, 0).title, doc.stack.count()
    doc.set_field(("article", 0, 0, "title"), "不应改变")
    real_window.add_article()
    assert doc.article(0, 0).title == title and doc.stack.count() == steps and not doc.is_dirty()
    # nor does undo: the edit made before signing (source emptied) cannot be taken back now
    assert not real_window.act_undo.isEnabled()
    real_window.act_undo.trigger()
    doc.stack.undo()
    assert doc.article(0, 1).source in ("", None) and not doc.is_dirty()

    monkeypatch.setattr(states_module, "ask_reason", lambda w: "更正数字")
    states.banner_button.click()
    assert states.state == "draft" and not doc.read_only and real_window.editors.isEnabled()
    assert not states.banner.isVisible()
    assert real_window.link.repo.state_history(doc.issue_id)[-1].reason == "更正数字"


def test_signoff_dialog_needs_a_reason_to_override_and_jumps_to_problems(qtbot, real_window) -> None:
    _store_two(real_window)
    doc = real_window.doc
    doc.set_field(("article", 0, 1, "source"), "")
    problems = real_window.states.problems()
    codes = [p.code for p in problems]
    assert "review.source.missing" in codes
    dialog = SignoffDialog(real_window, problems)
    qtbot.addWidget(dialog)
    assert not dialog.sign_button.isEnabled()
    dialog.reason.setText("特殊情况")
    assert dialog.sign_button.isEnabled()
    real_window.select_node(("masthead",))
    row = codes.index("review.source.missing")
    dialog._jump(dialog.list.item(row))
    assert real_window.current_node() == ("article", 0, 1)
    assert "来源" in dialog.list.item(row).text() or dialog.list.item(row).text()

    clean = SignoffDialog(real_window, [])
    qtbot.addWidget(clean)
    assert clean.sign_button.isEnabled() and not clean.reason.isVisibleTo(clean)
