"""The 全文检索 tab's year, 简报 and 来源单位 filters reach the same search as the CLI's --year/--series/
--source, a filter change searches again, and a search cut at the hit limit says so — against a real
archive in tmp."""

from __future__ import annotations

import datetime as _dt
from typing import Any

import pytest
from PySide6.QtWidgets import QComboBox

from bulletin_desk.gui import workspace
from bulletin_desk.gui.workspace import WorkspaceDialog

QUERY = "暖心桥"  # in the sample's first article, so in every saved copy of it


def _store_two_years(window: Any) -> tuple[int, int]:
    """The sample saved twice (另存为新一期 dates each today): as it is, and redated 2019 with its first
    article from 朝阳区文明办."""
    assert window.files.save_as_new()
    first = window.doc.issue_id
    assert window.files.save_as_new()
    window.doc.set_field(("masthead", "date"), _dt.date(2019, 6, 3))
    window.doc.set_field(("article", 0, 0, "source"), "朝阳区文明办")
    assert window.files.save()
    return first, window.doc.issue_id


def _dialog(qtbot: Any, window: Any) -> WorkspaceDialog:
    dialog = WorkspaceDialog(window, 1)
    qtbot.addWidget(dialog)
    return dialog


def _search(qtbot: Any, dialog: WorkspaceDialog, query: str) -> list[Any]:
    dialog.query.setText(query)
    with qtbot.waitSignal(dialog.searched, timeout=10000) as blocker:
        dialog.search()
    return list(blocker.args[0])


def _choose(qtbot: Any, dialog: WorkspaceDialog, combo: QComboBox, value: object) -> list[Any]:
    """Pick ``value`` (None: 全部) as the user would; the change alone searches again."""
    at = combo.findData(value)
    assert at >= 0, value
    with qtbot.waitSignal(dialog.searched, timeout=10000) as blocker:
        combo.setCurrentIndex(at)
    return list(blocker.args[0])


def test_year_filter_keeps_only_that_years_hits(qtbot, real_window) -> None:
    first, second = _store_two_years(real_window)
    year = real_window.link.repo.load(first).issue.masthead.date.year
    assert year != 2019
    dialog = _dialog(qtbot, real_window)
    filters = dialog.search_filters
    assert filters.year.itemText(0) == "全部年份" and filters.year.findData(2019) > 0
    assert filters.series.itemText(0) == "全部简报" and filters.source.itemText(0) == "全部单位"
    hits = _search(qtbot, dialog, QUERY)
    years = {h.year for h in hits}
    assert {year, 2019} <= years  # the query spans years (the sample's too)
    assert dialog.hit_count.text() == f"找到 {len(hits)} 处"  # under the limit: nothing more said

    hits = _choose(qtbot, dialog, filters.year, 2019)
    assert hits and {h.year for h in hits} == {2019} and {h.issue_id for h in hits} == {second}
    assert dialog.hits_list.count() == len(hits)
    hits = _choose(qtbot, dialog, filters.year, year)
    assert hits and {h.year for h in hits} == {year} and {h.issue_id for h in hits} == {first}
    hits = _choose(qtbot, dialog, filters.year, None)
    assert {h.year for h in hits} == years

    series = hits[0].series
    hits = _choose(qtbot, dialog, filters.series, series)
    assert hits and {h.series for h in hits} == {series}


def test_source_filter_keeps_only_that_units_articles(qtbot, real_window) -> None:
    _first, second = _store_two_years(real_window)
    dialog = _dialog(qtbot, real_window)
    assert len({h.issue_id for h in _search(qtbot, dialog, QUERY)}) >= 2
    hits = _choose(qtbot, dialog, dialog.search_filters.source, "朝阳区文明办")
    assert hits and {h.issue_id for h in hits} == {second}
    assert {(h.section, h.article) for h in hits} == {(0, 0)}
    # the source and the year together are the CLI's --source with --year
    assert _choose(qtbot, dialog, dialog.search_filters.year, 2019) == hits
    assert dialog.repo.search(QUERY, year=2019, source="朝阳区文明办") == hits


def test_the_hit_limit_is_said_with_how_to_narrow(qtbot, real_window, monkeypatch: pytest.MonkeyPatch) -> None:
    _store_two_years(real_window)
    dialog = _dialog(qtbot, real_window)
    everything = _search(qtbot, dialog, QUERY)
    assert len(everything) > 2 and dialog.hit_count.text() == f"找到 {len(everything)} 处"

    monkeypatch.setattr(workspace, "SEARCH_LIMIT", 2)
    hits = _search(qtbot, dialog, QUERY)
    assert len(hits) == 2 and hits[0].issue_id == everything[0].issue_id  # the newest kept, the rest cut
    assert dialog.hit_count.text() == "找到 2 处（只显示最新的 2 处，请用年份/简报/来源单位缩小范围）"
