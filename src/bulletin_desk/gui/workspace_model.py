"""The archive browser's table: a model over the listing's rows, and the filters applied to that list.

Why a model and not a QTableWidget: a table widget holds one item object per cell, so 10,000 issues
made 70,000 QTableWidgetItems every time a filter changed — 1.2–1.5 s with the window frozen, and as
long again to open the browser (benchmarks/workspace_bench.py). `IssueTableModel` keeps the listing's
IssueSummary tuples as they are and formats a cell only when the view asks for it, i.e. for the few
dozen rows on screen; sorting reorders the Python list (a key per column, stable).

Why the filters run on a list in Python: the browser fetches the whole listing once, trashed issues
included (`IssueRepository.list(include_trashed=True)`, ~100 ms at 10,000 issues); series, year,
state and the trash view then select from it in a few milliseconds, with no query per change. The
栏目 and source-unit filters need the search index (`issues_with`): `wanted_ids` asks it on the worker
and the dialog keeps the answers until the archive is fetched again.

The words (headers, 第N期, 总第M期, （示例）, state names) come from the dialog as `Labels`, already
translated, so they stay in the WorkspaceDialog's translation context and this module has none.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, NamedTuple

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

ID_ROLE = Qt.ItemDataRole.UserRole  # the issue id, on every cell of its row
SORT_ROLE = Qt.ItemDataRole.UserRole + 1  # what the column sorts by (a number where the text is 第N期)
FILTER_LIMIT = 100000  # an archive without `issues_with`: its search, asked for every matching text

Index = QModelIndex | QPersistentModelIndex
TextFilter = tuple[str, str]  # (text typed, search field such as "article.source")


class Labels(NamedTuple):
    """The table's words in the window's language (the dialog translates them)."""

    headers: tuple[str, ...]  # 简报, 年份, 期号, 总期号, 首篇标题, 状态, 更新时间
    number: str  # 第{0}期
    total: str  # 总第{0}期
    sample: str  # {0}（示例）
    states: dict[str, str]  # draft → 草稿 …; an unknown state shows as stored


class Listing(NamedTuple):
    """What the browser's series, year, state and trash filters ask for (None/"" = any)."""

    series: str | None = None
    year: int | None = None
    state: str = ""
    trashed_only: bool = False


def filter_rows(rows: Iterable[Any], listing: Listing, wanted: Sequence[set[int]] = ()) -> list[Any]:
    """The rows the filters let through, in the listing's order (newest first).

    The trash view shows only trashed issues, the normal view only the others — as the repository's
    ``list(trashed_only=…)`` did; ``wanted`` holds one id set per 栏目/source text filter.
    """
    kept = [r for r in rows if r.trashed == listing.trashed_only]
    if listing.series is not None:  # one pass per filter in use: 10,000 rows in a few milliseconds
        kept = [r for r in kept if r.series == listing.series]
    if listing.year is not None:
        kept = [r for r in kept if r.year == listing.year]
    if listing.state:
        kept = [r for r in kept if r.state == listing.state]
    for ids in wanted:
        kept = [r for r in kept if r.id in ids]
    return kept


def wanted_ids(repo: Any, texts: Sequence[TextFilter]) -> dict[TextFilter, set[int]]:
    """Ids of the issues each 栏目/source text filter matches, every issue (trashed too), no cap.

    Runs on the worker: the search index answers (built first by the caller when it is behind).
    """
    found: dict[TextFilter, set[int]] = {}
    for text, field in texts:
        if hasattr(repo, "issues_with"):
            found[(text, field)] = set(repo.issues_with(text, field, include_trashed=True))
        else:  # an archive without it: the search, capped
            found[(text, field)] = {h.issue_id for h in repo.search(text, limit=FILTER_LIMIT, include_trashed=True)
                                    if h.field == field}
    return found


class IssueTableModel(QAbstractTableModel):
    """The browser's rows: IssueSummary tuples, each cell formatted when the view shows it."""

    COLUMNS = 7

    def __init__(self, labels: Labels, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.labels = labels
        self._rows: list[Any] = []
        self._sort: tuple[int, Qt.SortOrder] | None = None  # kept through `set_rows`, as a view expects
        self._keys: list[Callable[[Any], Any]] = [  # per column: what it sorts by
            lambda r: r.series or "", lambda r: r.year or 0, lambda r: r.number or 0,
            lambda r: r.total_number or 0, self._title, self._state, lambda r: r.updated_at or ""]

    # ---- the rows -------------------------------------------------------------------------------
    def set_rows(self, rows: Iterable[Any]) -> None:
        """Show ``rows`` (in the current sort order, if the view has sorted): one reset, no items."""
        self.beginResetModel()
        self._rows = list(rows)
        if self._sort is not None:
            self._sort_rows(*self._sort)
        self.endResetModel()

    def rows(self) -> list[Any]:
        """The rows in display order (a copy)."""
        return list(self._rows)

    def row_data(self, row: int) -> Any:
        return self._rows[row]

    def issue_id(self, row: int) -> int:
        return int(self._rows[row].id)

    def row_of(self, issue_id: int) -> int:
        """The display row of ``issue_id``, or -1 when the filters hide it."""
        return next((i for i, r in enumerate(self._rows) if r.id == issue_id), -1)

    # ---- QAbstractTableModel ----------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's own default)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(r, index.column())
        if role == SORT_ROLE:
            return self._keys[index.column()](r)
        if role == ID_ROLE:
            return r.id
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.labels.headers[section] if 0 <= section < len(self.labels.headers) else None
        return super().headerData(section, orientation, role)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by the column's key (numbers as numbers), stably: equal keys keep the listing order."""
        if not 0 <= column < self.COLUMNS:
            self._sort = None
            return
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        ids = [self._rows[i.row()].id for i in before]
        self._sort_rows(column, order)
        at = {r.id: i for i, r in enumerate(self._rows)}
        self.changePersistentIndexList(before, [self.index(at[issue_id], i.column())
                                                for issue_id, i in zip(ids, before, strict=True)])
        self.layoutChanged.emit()

    # ---- cells ------------------------------------------------------------------------------------
    def _sort_rows(self, column: int, order: Qt.SortOrder) -> None:
        self._rows.sort(key=self._keys[column], reverse=order == Qt.SortOrder.DescendingOrder)

    def _title(self, r: Any) -> str:
        title = r.first_title or ""
        return self.labels.sample.format(title) if r.is_sample else title

    def _state(self, r: Any) -> str:
        return self.labels.states.get(r.state, r.state or "")

    def _text(self, r: Any, column: int) -> str:
        if column == 0:
            return str(r.series or "")
        if column == 1:
            return str(r.year or "")
        if column == 2:
            return self.labels.number.format(r.number) if r.number is not None else ""
        if column == 3:
            return self.labels.total.format(r.total_number) if r.total_number is not None else ""
        if column == 4:
            return self._title(r)
        if column == 5:
            return self._state(r)
        return (r.updated_at or "")[:16].replace("T", " ")
