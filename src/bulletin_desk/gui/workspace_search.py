"""The 全文检索 tab's year, 简报 and 来源单位 filters, and the line that says how many hits are shown.

Why: a search shows at most the newest `workspace.SEARCH_LIMIT` hits, so for a common one- or
two-character query (海淀, 文明) older issues were out of reach — the list was silently cut at the
newest issues. The CLI's ``archive search QUERY --year Y --source UNIT --series NAME`` narrows the same
search; these combo boxes pass the same three arguments to `IssueRepository.search` (still on the
workspace's search worker, latest query wins), and when the cap is reached the count line says so and
points at the filters instead of letting the cut go unnoticed.

The choices come from what the dialog already has or can ask cheaply: years and series from the
workspace's listing (fetched once per `WorkspaceDialog.reload`), units as the 稿件库 lists them (the
templates' units, then the submissions' other units). "全部…" (no data) means no filter.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget


@dataclass(frozen=True, slots=True)
class SearchFilter:
    """What the search is narrowed to: None is no filter (the keyword arguments of `repo.search`)."""

    year: int | None = None
    series: str | None = None
    source: str | None = None


def known_units(repo: Any) -> list[str]:
    """The templates' units in their order, then the submissions' other units sorted (as the 稿件库 lists them).

    A repository without templates or submissions (an older or fake archive) simply offers none.
    """
    units = [t.unit for t in repo.templates()] if hasattr(repo, "templates") else []
    others = {s.unit for s in repo.submissions()} if hasattr(repo, "submissions") else set()
    return units + sorted(u for u in others - set(units) if u)


def refill_choices(combo: QComboBox, all_text: str, values: Iterable[Any]) -> None:
    """Replace the choices, keeping the chosen value where it is still offered (no change signal)."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(all_text, None)
    for value in values:
        combo.addItem(str(value), value)
    combo.setCurrentIndex(max(combo.findData(current), 0))
    combo.blockSignals(False)


class SearchFilters(QWidget):
    """年份 / 简报 / 来源单位 combo boxes above the hits; `changed` when the user picks another value."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.year = QComboBox()
        self.year.setObjectName("searchYear")
        self.series = QComboBox()
        self.series.setObjectName("searchSeries")
        self.source = QComboBox()
        self.source.setObjectName("searchSource")
        for label, combo in ((self.tr("年份"), self.year), (self.tr("简报"), self.series),
                             (self.tr("来源单位"), self.source)):
            row.addWidget(QLabel(label))
            row.addWidget(combo)
            combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        row.addStretch(1)

    def set_choices(self, listing: Iterable[Any], units: Iterable[str]) -> None:
        """Years (newest first) and series from the listing's issues, and the known units."""
        rows = list(listing)
        refill_choices(self.year, self.tr("全部年份"), sorted({r.year for r in rows if r.year}, reverse=True))
        refill_choices(self.series, self.tr("全部简报"), sorted({r.series for r in rows if r.series}))
        refill_choices(self.source, self.tr("全部单位"), units)

    def value(self) -> SearchFilter:
        """The chosen filter (read on the GUI thread; the worker gets this frozen copy)."""
        return SearchFilter(self.year.currentData(), self.series.currentData(), self.source.currentData())

    def count_text(self, count: int, limit: int) -> str:
        """找到 N 处, and when the cap was reached that only the newest are shown and how to reach the rest."""
        text = self.tr("找到 {0} 处").format(count)
        if count >= limit:
            text += self.tr("（只显示最新的 {0} 处，请用年份/简报/来源单位缩小范围）").format(limit)
        return text


__all__ = ["SearchFilter", "SearchFilters", "known_units"]
