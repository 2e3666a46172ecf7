"""The archive browser's model and filters (gui/workspace_model.py), and the dialog fetching the listing once.

Why these: the browser was rebuilt from a QTableWidget (70,000 items at 10,000 issues) into a model
that formats cells lazily and filters a list fetched once; these tests hold what the rebuild must
keep — numbers sort as numbers, equal keys keep the newest-first order, the selection follows its
issue through a sort — and what it is for: a filter change asks the archive nothing.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt

from bulletin_desk.archive.records import IssueSummary
from bulletin_desk.gui.workspace import WorkspaceDialog
from bulletin_desk.gui.workspace_model import ID_ROLE, SORT_ROLE, IssueTableModel, Labels, Listing, filter_rows

LABELS = Labels(headers=("简报", "年份", "期号", "总期号", "首篇标题", "状态", "更新时间"), number="第{0}期",
                total="总第{0}期", sample="{0}（示例）", states={"draft": "草稿", "review": "待核", "signed": "已签发"})


def _row(issue_id: int, number: int | None, *, series: str = "情况简报", year: int | None = 2024,
         state: str = "draft", trashed: bool = False, sample: bool = False) -> IssueSummary:
    return IssueSummary(issue_id, series, year, number, None if number is None else 1000 + number, False,
                        f"标题{issue_id}", "2024-05-06T07:08:09", sample, trashed, 1, None, 0, state)


def _column(model: IssueTableModel, column: int, role: int = Qt.ItemDataRole.DisplayRole) -> list[Any]:
    return [model.index(r, column).data(role) for r in range(model.rowCount())]


def test_cells_are_formatted_when_asked(qtbot) -> None:
    model = IssueTableModel(LABELS)
    model.set_rows([_row(1, 9, state="review"), _row(2, None, year=None, sample=True)])
    assert model.rowCount() == 2 and model.columnCount() == 7
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(7)] == list(LABELS.headers)
    assert [model.index(0, c).data() for c in range(7)] == ["情况简报", "2024", "第9期", "总第1009期", "标题1",
                                                            "待核", "2024-05-06 07:08"]
    assert [model.index(1, c).data() for c in range(5)] == ["情况简报", "", "", "", "标题2（示例）"]
    assert _column(model, 3, ID_ROLE) == [1, 2]


def test_numbers_sort_as_numbers_stably_and_the_selection_follows(qtbot) -> None:
    model = IssueTableModel(LABELS)
    rows = [_row(1, 9), _row(2, 10), _row(3, 100), _row(4, 10), _row(5, None)]
    model.set_rows(rows)
    selection = QItemSelectionModel(model)
    selection.select(model.index(1, 0), QItemSelectionModel.SelectionFlag.Select
                     | QItemSelectionModel.SelectionFlag.Rows)
    model.sort(2, Qt.SortOrder.DescendingOrder)
    assert _column(model, 2) == ["第100期", "第10期", "第10期", "第9期", ""]  # not as text: 第9期 > 第100期
    assert _column(model, 0, ID_ROLE)[1:3] == [2, 4]  # equal numbers keep the listing's order
    assert [model.issue_id(i.row()) for i in selection.selectedRows()] == [2]
    model.sort(2, Qt.SortOrder.AscendingOrder)
    assert _column(model, 2, SORT_ROLE) == [0, 9, 10, 10, 100]
    model.set_rows(rows[:3])  # new rows keep the sort the view asked for
    assert _column(model, 0, ID_ROLE) == [1, 2, 3] and model.row_of(3) == 2 and model.row_of(5) == -1


def test_filters_select_from_the_listing_in_its_order() -> None:
    rows = [_row(1, 3), _row(2, 2, series="工作动态"), _row(3, 1, year=2023, state="signed"),
            _row(4, 4, trashed=True), _row(5, 5, state="review")]
    ids = lambda kept: [r.id for r in kept]  # noqa: E731
    assert ids(filter_rows(rows, Listing())) == [1, 2, 3, 5]
    assert ids(filter_rows(rows, Listing(trashed_only=True))) == [4]
    assert ids(filter_rows(rows, Listing(series="情况简报", year=2024))) == [1, 5]
    assert ids(filter_rows(rows, Listing(state="signed"))) == [3]
    assert ids(filter_rows(rows, Listing(), [{1, 2, 3}, {2, 3, 4}])) == [2, 3]


class _CountingRepo:
    """The real repository, counting listings and `issues_with` lookups."""

    def __init__(self, repo: Any) -> None:
        self._repo, self.lists, self.lookups = repo, 0, 0

    def list(self, *args: Any, **kwargs: Any) -> Any:
        self.lists += 1
        return self._repo.list(*args, **kwargs)

    def issues_with(self, *args: Any, **kwargs: Any) -> Any:
        self.lookups += 1
        return self._repo.issues_with(*args, **kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._repo, name)


def test_the_dialog_fetches_once_and_filters_without_asking(qtbot, real_window, monkeypatch) -> None:
    assert real_window.files.save_as_new()
    real_window.doc.set_field(("article", 0, 0, "source"), "朝阳区文明办")
    assert real_window.files.save_as_new()
    counting = _CountingRepo(real_window.link.repo)
    monkeypatch.setattr(type(real_window.link), "repo", property(lambda _self: counting))
    dialog = WorkspaceDialog(real_window)
    qtbot.addWidget(dialog)
    assert counting.lists == 1 and dialog.model.rowCount() == 3
    assert dialog.table.horizontalHeader().sortIndicatorSection() == 0  # by 简报, as the table widget was
    dialog.state.setCurrentIndex(dialog.state.findData("review"))
    dialog.series.setCurrentIndex(1)
    dialog.year.setCurrentIndex(1)
    dialog.trash_view.setChecked(True)
    assert dialog.model.rowCount() == 0
    for combo in (dialog.state, dialog.series, dialog.year):
        combo.setCurrentIndex(0)
    dialog.trash_view.setChecked(False)
    assert dialog.model.rowCount() == 3 and counting.lists == 1

    dialog.source_filter.setText("朝阳区")
    with qtbot.waitSignal(dialog.filled, timeout=10000):
        dialog.source_filter.editingFinished.emit()
    assert dialog.model.rowCount() == 1 and counting.lookups == 1
    with qtbot.waitSignal(dialog.filled, timeout=1000):  # the answer is kept: shown at once
        dialog.state.setCurrentIndex(dialog.state.findData("draft"))
    assert dialog.model.rowCount() == 1 and counting.lookups == 1 and not dialog.runner.is_busy()

    with qtbot.waitSignal(dialog.filled, timeout=10000):  # the archive changed: fetched and asked again
        assert dialog.trash_selected()
    assert counting.lists == 2 and counting.lookups == 2 and dialog.model.rowCount() == 0
