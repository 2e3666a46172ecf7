"""The import dialog's report: one check box per cleanup change; unchecking one refuses that change alone."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QTreeWidgetItem

from bulletin_desk.gui import import_dialog
from bulletin_desk.ingest import import_text

LONG = "这是一段足够长的正文内容用于测试断行接续规则，后面"
TEXT = f"某区开展文明实践活动\n\n{LONG}\n还有内容,这是同一段。\n\n第二段的内容,写完了。\n"


def _item(dialog: import_dialog.ImportDialog, rule: str) -> QTreeWidgetItem:
    result = dialog.result
    wanted = next(c.id for c in result.changes if c.rule == rule)
    return next(i for i in dialog.change_items() if i.data(0, import_dialog.CHANGE_ID_ROLE) == wanted)


def _uncheck(qtbot, dialog: import_dialog.ImportDialog, item: QTreeWidgetItem,
             state: Qt.CheckState = Qt.CheckState.Unchecked) -> None:
    """Toggle a box and wait for the import to run again (it runs once the event loop is back)."""
    wanted = item.data(0, import_dialog.CHANGE_ID_ROLE)
    refused = state != Qt.CheckState.Checked
    item.setCheckState(0, state)
    qtbot.waitUntil(lambda: (wanted in dialog.result.refused) == refused and not dialog._rerun_pending)


def _tree_texts(dialog: import_dialog.ImportDialog) -> list[str]:
    texts = []
    stack = [dialog.tree.topLevelItem(i) for i in range(dialog.tree.topLevelItemCount())]
    while stack:
        item = stack.pop(0)
        texts.append(item.text(0))
        stack[:0] = [item.child(i) for i in range(item.childCount())]
    return texts


def test_every_change_is_a_checked_item_and_decisions_follow(qtbot) -> None:
    result = import_text(TEXT)
    dialog = import_dialog.ImportDialog(result, "来稿.txt")
    qtbot.addWidget(dialog)
    items = dialog.change_items()
    assert len(items) == len(result.changes) >= 3
    assert all(i.checkState(0) == Qt.CheckState.Checked for i in items)
    assert all(i.flags() & Qt.ItemFlag.ItemIsUserCheckable for i in items)
    in_order = sorted(result.changes, key=lambda c: c.line)  # reading order
    assert [i.data(0, import_dialog.CHANGE_ID_ROLE) for i in items] == [c.id for c in in_order]
    assert dialog.refused_ids() == frozenset()
    tops = [dialog.report.topLevelItem(i) for i in range(dialog.report.topLevelItemCount())]
    assert tops[-1].childCount() == len(result.decisions)
    assert not tops[-1].child(0).flags() & Qt.ItemFlag.ItemIsUserCheckable


def test_unchecking_a_change_refuses_it_and_refreshes_the_structure(qtbot) -> None:
    dialog = import_dialog.ImportDialog(import_text(TEXT), "来稿.txt")
    qtbot.addWidget(dialog)
    assert "2段，其中0段有加粗首句" in _tree_texts(dialog)
    rejoin = _item(dialog, "rejoin")
    rejoin_id = rejoin.data(0, import_dialog.CHANGE_ID_ROLE)
    _uncheck(qtbot, dialog, rejoin)
    result = dialog.result
    assert result.refused == {rejoin_id}
    assert [p.text for p in result.article.paragraphs] == [LONG, "还有内容，这是同一段。", "第二段的内容，写完了。"]
    assert "3段，其中0段有加粗首句" in _tree_texts(dialog)  # the structure shown is the new one
    refreshed = _item(dialog, "rejoin")
    assert refreshed.checkState(0) == Qt.CheckState.Unchecked
    assert "未采用" in refreshed.text(0) or "refused" in refreshed.text(0)
    assert sum(1 for i in dialog.change_items() if i.checkState(0) != Qt.CheckState.Checked) == 1

    comma = _item(dialog, "punctuation")
    comma_id = comma.data(0, import_dialog.CHANGE_ID_ROLE)
    _uncheck(qtbot, dialog, comma)  # a second refusal adds to the first
    assert dialog.result.refused == {rejoin_id, comma_id}
    assert [p.text for p in dialog.result.article.paragraphs][1] == "还有内容,这是同一段。"

    _uncheck(qtbot, dialog, _item(dialog, "rejoin"), Qt.CheckState.Checked)  # checking again accepts it again
    paragraphs = [p.text for p in dialog.result.article.paragraphs]
    assert paragraphs == [f"{LONG}还有内容,这是同一段。", "第二段的内容，写完了。"]


def test_the_import_applied_is_the_one_shown_with_its_refusals(qtbot, window, monkeypatch) -> None:
    def exec_refusing_the_comma(self: import_dialog.ImportDialog) -> QDialog.DialogCode:
        _uncheck(qtbot, self, _item(self, "punctuation"))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(import_dialog.ImportDialog, "exec", exec_refusing_the_comma)
    window.select_node(("article", 0, 0))
    assert import_dialog.run_import(window, text=TEXT)
    article = window.doc.article(0, 1)
    assert article.title == "某区开展文明实践活动"
    assert [p.text for p in article.paragraphs] == [f"{LONG}还有内容,这是同一段。", "第二段的内容，写完了。"]


def test_an_issue_offers_append_and_replace_an_article_insert(qtbot) -> None:
    issue = import_text("工作简报\n第1期\n【栏目】\n标题\n正文第一句。第二句。\n")
    dialog = import_dialog.ImportDialog(issue, "x.txt")
    qtbot.addWidget(dialog)
    assert dialog.append.isVisibleTo(dialog) and dialog.replace.isVisibleTo(dialog)
    assert not dialog.insert.isVisibleTo(dialog) and dialog.mode() == "append"
    article = import_dialog.ImportDialog(import_text(TEXT), "y.txt")
    qtbot.addWidget(article)
    assert article.insert.isVisibleTo(article) and not article.append.isVisibleTo(article)
    assert article.mode() == "insert"


def test_the_space_bar_on_a_change_refuses_it(qtbot) -> None:
    """Through the view, as the editor does it: the item that changed is rebuilt only after the view is done."""
    dialog = import_dialog.ImportDialog(import_text(TEXT), "来稿.txt")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    item = _item(dialog, "rejoin")
    wanted = item.data(0, import_dialog.CHANGE_ID_ROLE)
    dialog.report.setCurrentItem(item)
    dialog.report.setFocus()
    qtbot.keyClick(dialog.report.viewport(), Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: wanted in dialog.result.refused)
    assert len(dialog.result.article.paragraphs) == 3
    assert _item(dialog, "rejoin").checkState(0) == Qt.CheckState.Unchecked


def test_a_rerun_that_fails_says_why_and_keeps_what_is_shown(qtbot, monkeypatch) -> None:
    import bulletin_desk.ingest as ingest
    from bulletin_desk.ingest import IngestError

    dialog = import_dialog.ImportDialog(import_text(TEXT), "来稿.txt")
    qtbot.addWidget(dialog)
    before = dialog.result

    def failing(result: object, refused: object) -> object:
        raise IngestError("ingest.empty")

    monkeypatch.setattr(ingest, "reimport", failing)
    item = _item(dialog, "rejoin")
    item.setCheckState(0, Qt.CheckState.Unchecked)
    qtbot.waitUntil(lambda: not dialog._rerun_pending)
    assert dialog.result is before
    assert not dialog.rerun_error.isHidden() and dialog.rerun_error.text()
    assert all(i.checkState(0) == Qt.CheckState.Checked for i in dialog.change_items())
