"""档案 (the archive workspace): every issue in a sortable, filterable table, and full-text search.

The table is the repository's listing, fetched once when the dialog opens (and again after an action
changed the archive: trash, restore, a revision restored) — trashed issues included, so the series,
year, state and trash-view filters select from that list in Python without asking the archive again.
The table is a view of `IssueTableModel` (workspace_model.py), which formats only the cells on screen:
at 10,000 issues a QTableWidget's 70,000 items took over a second to build on every filter change.
栏目 and source unit filters ask the core's search index for the issues whose headings or sources
contain the text (on the worker); the answers are kept until the listing is fetched again. Open,
复制为下一期 (numbers advanced by `propose_numbers`, the copy opened unsaved), 移到回收站/恢复 and
修订记录 act on the selected issue. The 全文检索 tab runs `IssueRepository.search` and shows each
hit's snippet with the matches highlighted, narrowed by year, 简报 and 来源单位 (workspace_search.py);
opening a hit opens the issue and selects the article and paragraph in the editor.

Searches and the filter lookups run on a worker (search_runner.py) — the first search of a large or
freshly upgraded archive builds the index, which must not freeze the window: a status line says
正在检索…, and a progress bar follows the index while it is built or brought in step. Typing in the
search box searches after a short pause (`DEBOUNCE_MS`); a newer query's hits replace an older one's.
`searched` and `filled` tell tests (and anyone else) when results are on screen.
"""

from __future__ import annotations

import copy
import datetime as _dt
import html
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from bulletin_desk.gui.search_runner import Cancelled, Progress, SearchRunner
from bulletin_desk.gui.states import jump_to, state_text
from bulletin_desk.gui.workspace_model import (
    IssueTableModel,
    Labels,
    Listing,
    TextFilter,
    filter_rows,
    wanted_ids,
)
from bulletin_desk.gui.workspace_search import SearchFilters, known_units, refill_choices

if TYPE_CHECKING:
    from bulletin_desk.gui.mainwindow import MainWindow

HIGHLIGHT = '<span style="background:#ffe066;font-weight:bold">'
SEARCH_LIMIT = 200
DEBOUNCE_MS = 250  # typing pauses this long before the search runs


def highlighted(text: str, spans: tuple[tuple[int, int], ...]) -> str:
    """HTML of ``text`` with each span marked (spans in code points, as SearchHit gives them)."""
    out, at = [], 0
    for a, b in spans:
        out += [html.escape(text[at:a]), HIGHLIGHT, html.escape(text[a:b]), "</span>"]
        at = b
    out.append(html.escape(text[at:]))
    return "".join(out)


def _bring_index_in_step(repo: Any, progress: Progress) -> None:
    """Build or update the search index with progress reports (on the worker, before searching)."""
    index = getattr(repo, "search_index", None)
    if index is not None and hasattr(index, "ensure_current"):
        index.ensure_current(progress)


class WorkspaceDialog(QDialog):
    searched = Signal(list)  # the hits now shown
    filled = Signal()  # the table now shows the filtered listing

    def __init__(self, window: MainWindow, start_tab: int = 0) -> None:
        super().__init__(window)
        self.window_ = window
        self.repo: Any = window.link.repo
        self._everything: list[Any] = []  # the whole listing, trashed issues included (see `reload`)
        self._wanted: dict[TextFilter, set[int]] = {}  # 栏目/source filter answers for that listing
        getattr(self.repo, "search_index", None)  # made here, not lazily by two threads at once
        self.runner = SearchRunner(self)
        self.runner.finished.connect(self._on_finished)
        self.runner.progress.connect(self._on_progress)
        self.runner.busy_changed.connect(self._on_busy)
        self.setWindowTitle(self.tr("档案"))
        self.resize(1100, 680)
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)
        self.tabs.addTab(self._browser_tab(), self.tr("简报列表"))
        self.tabs.addTab(self._search_tab(), self.tr("全文检索"))
        self.tabs.setCurrentIndex(start_tab)
        bottom = QHBoxLayout()
        self.status = QLabel()
        self.status.setObjectName("searchStatus")
        self.progress = QProgressBar()
        self.progress.setObjectName("searchProgress")
        self.progress.setMaximumWidth(260)
        self.progress.setRange(0, 0)  # busy indicator until the index reports its size
        self.progress.hide()
        bottom.addWidget(self.status)
        bottom.addWidget(self.progress)
        bottom.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        bottom.addWidget(buttons)
        layout.addLayout(bottom)
        self._units = known_units(self.repo)  # they change only in other dialogs: asked once
        self.reload()

    def done(self, result: int) -> None:
        """Closing stops the worker's queue; an index build under way stops at its next batch."""
        self._debounce.stop()
        self.runner.close()
        super().done(result)

    # ---- the worker -----------------------------------------------------------------------------
    def _on_busy(self, busy: bool) -> None:
        self.status.setText(self.tr("正在检索…") if busy else "")
        self.progress.setRange(0, 0)
        self.progress.setVisible(busy)

    def _on_progress(self, _kind: str, done: int, total: int) -> None:
        self.status.setText(self.tr("正在建立检索索引（{0}/{1} 期）…").format(done, total))
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.show()

    def _on_finished(self, kind: str, result: object) -> None:
        if isinstance(result, Cancelled):
            return
        if isinstance(result, Exception):
            if kind == "search":
                self.hit_count.setText("")
            else:
                self.count_label.setText("")
            self._fail(self.tr("检索失败"), result)
            return
        if kind == "search":
            query, hits = result  # type: ignore[misc]
            self.show_hits(query, hits)
        else:
            fetched, found = result  # type: ignore[misc]
            if fetched is self._everything:  # not an answer about a listing fetched since
                self._wanted.update(found)
            self.fill()

    # ---- the browser ----------------------------------------------------------------------------
    def _browser_tab(self) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        filters = QHBoxLayout()
        self.series = QComboBox()
        self.year = QComboBox()
        self.state = QComboBox()
        self.state.addItem(self.tr("全部状态"), "")
        for value in ("draft", "review", "signed"):
            self.state.addItem(state_text(value), value)
        self.section_filter = QLineEdit()
        self.section_filter.setPlaceholderText(self.tr("栏目"))
        self.source_filter = QLineEdit()
        self.source_filter.setPlaceholderText(self.tr("来源单位"))
        self.trash_view = QCheckBox(self.tr("回收站"))
        for label, widget in ((self.tr("简报"), self.series), (self.tr("年份"), self.year),
                              (self.tr("状态"), self.state)):
            filters.addWidget(QLabel(label))
            filters.addWidget(widget)
        filters.addWidget(self.section_filter)
        filters.addWidget(self.source_filter)
        filters.addWidget(self.trash_view)
        box.addLayout(filters)
        for combo in (self.series, self.year, self.state):
            combo.currentIndexChanged.connect(lambda _i: self.fill())
        for edit in (self.section_filter, self.source_filter):
            edit.editingFinished.connect(self.fill)
        self.trash_view.toggled.connect(lambda _on: self.fill())
        self.model = IssueTableModel(Labels(
            headers=(self.tr("简报"), self.tr("年份"), self.tr("期号"), self.tr("总期号"), self.tr("首篇标题"),
                     self.tr("状态"), self.tr("更新时间")),
            number=self.tr("第{0}期"), total=self.tr("总第{0}期"), sample=self.tr("{0}（示例）"),
            states={value: state_text(value) for value in ("draft", "review", "signed")}), self)
        self.table = QTableView()
        self.table.setObjectName("issueTable")
        self.table.setModel(self.model)
        # no row numbers: they mean nothing once sorted, and at 10,000 rows the header's size hint alone
        # asked the model for ~3,500 header cells (tens of ms of the 300 ms budget to open the browser)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(4, 360)
        # as the table widget did: sorted by 简报 (descending, the header's default), the listing's
        # newest-first order within each; a header click sorts the model (`IssueTableModel.sort`)
        self.table.setSortingEnabled(True)
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        self.table.selectionModel().selectionChanged.connect(lambda _new, _old: self._sync_buttons())
        box.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.open_button = self._button(row, self.tr("打开"), self.open_selected)
        self.next_button = self._button(row, self.tr("复制为下一期"), self.duplicate_as_next)
        self.trash_button = self._button(row, self.tr("移到回收站"), self.trash_selected)
        self.restore_button = self._button(row, self.tr("从回收站恢复"), self.restore_selected)
        self.revisions_button = self._button(row, self.tr("修订记录…"), self.revisions_of_selected)
        row.addStretch(1)
        self.count_label = QLabel()
        row.addWidget(self.count_label)
        box.addLayout(row)
        return page

    def _button(self, row: QHBoxLayout, text: str, slot: Any) -> QPushButton:
        button = QPushButton(text)
        button.clicked.connect(lambda _checked=False: slot())
        row.addWidget(button)
        return button

    def reload(self) -> None:
        """Fetch the listing (the one query), fill the series and year choices from it, then the table."""
        self._everything = self.repo.list(include_trashed=True)
        self._wanted = {}
        for combo, all_text, values in (
                (self.series, self.tr("全部简报"), sorted({s.series for s in self._everything if s.series})),
                (self.year, self.tr("全部年份"), sorted({s.year for s in self._everything if s.year}, reverse=True))):
            refill_choices(combo, all_text, values)
        self.search_filters.set_choices(self._everything, self._units)
        self.fill()

    def _filters(self) -> tuple[Listing, list[TextFilter]]:
        """What the listing is filtered by, read from the widgets (on the GUI thread)."""
        listing = Listing(series=self.series.currentData(), year=self.year.currentData(),
                          state=self.state.currentData() or "", trashed_only=self.trash_view.isChecked())
        texts = [(edit.text().strip(), field) for edit, field in (
            (self.section_filter, "section.heading"), (self.source_filter, "article.source"))]
        return listing, [(t, f) for t, f in texts if t]

    def rows(self) -> list[Any]:
        """The listing with every filter applied (what the table shows), the text filters asked here and now."""
        listing, texts = self._filters()
        found = wanted_ids(self.repo, texts)
        return filter_rows(self._everything, listing, [found[t] for t in texts])

    def fill(self) -> None:
        """Show the filtered listing: at once when every 栏目/source text has its answer, else when the
        worker has asked the search index (it may have to bring the index in step first)."""
        listing, texts = self._filters()
        missing = [t for t in texts if t not in self._wanted]
        if not missing:
            self.runner.forget("rows")
            self.show_rows(filter_rows(self._everything, listing, [self._wanted[t] for t in texts]))
            return
        repo, fetched = self.repo, self._everything

        def work(progress: Progress) -> tuple[list[Any], dict[TextFilter, set[int]]]:
            _bring_index_in_step(repo, progress)
            return fetched, wanted_ids(repo, missing)

        self.count_label.setText(self.tr("正在检索…"))
        self.runner.request("rows", work)

    def show_rows(self, rows: list[Any]) -> None:
        """Hand ``rows`` to the model (one reset, nothing formatted until painted) and select the first."""
        self.model.set_rows(rows)
        if rows:
            self.table.selectRow(0)
        self.count_label.setText(self.tr("共 {0} 期").format(len(rows)))
        self._sync_buttons()
        self.filled.emit()

    def selected_id(self) -> int | None:
        chosen = self.table.selectionModel().selectedRows()
        return self.model.issue_id(chosen[0].row()) if chosen else None

    def select_id(self, issue_id: int) -> None:
        row = self.model.row_of(issue_id)
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0, QModelIndex()))

    def _sync_buttons(self) -> None:
        chosen = self.selected_id() is not None
        trash = self.trash_view.isChecked()
        for button in (self.open_button, self.next_button, self.revisions_button):
            button.setEnabled(chosen and not trash)
        self.trash_button.setEnabled(chosen and not trash)
        self.restore_button.setEnabled(chosen and trash)

    # ---- actions --------------------------------------------------------------------------------
    def _fail(self, title: str, exc: Exception) -> None:
        self.window_.files._report_failure(title, exc)

    def open_id(self, issue_id: int) -> bool:
        files = self.window_.files
        if not files._confirm_discard():
            return False
        try:
            files.open_id(issue_id)
        except Exception as exc:
            self._fail(self.tr("打开失败"), exc)
            return False
        self.accept()
        return True

    def open_selected(self) -> bool:
        issue_id = self.selected_id()
        return issue_id is not None and self.open_id(issue_id)

    def duplicate_as_next(self) -> bool:
        """A copy of the selected issue with today's date and the next numbers, opened unsaved."""
        issue_id = self.selected_id()
        w = self.window_
        if issue_id is None or not w.files._confirm_discard():
            return False
        try:
            issue = copy.deepcopy(self.repo.load(issue_id).issue)
        except Exception as exc:
            self._fail(self.tr("打开失败"), exc)
            return False
        issue.masthead.date = _dt.date.today()
        proposal = w.files.proposal_for(issue.masthead)
        if proposal is not None:
            issue.masthead.number, issue.masthead.total_number = proposal
        w.doc.load(issue, None, None, dirty=True)
        w.select_node(("masthead",))
        self.accept()
        return True

    def trash_selected(self) -> bool:
        issue_id = self.selected_id()
        if issue_id is None:
            return False
        try:
            self.repo.trash(issue_id)
        except Exception as exc:
            self._fail(self.tr("无法移到回收站"), exc)
            return False
        self.reload()
        return True

    def restore_selected(self) -> bool:
        issue_id = self.selected_id()
        if issue_id is None:
            return False
        try:
            self.repo.restore(issue_id)
        except Exception as exc:
            self._fail(self.tr("无法恢复"), exc)
            return False
        self.reload()
        return True

    def revisions_of_selected(self) -> None:
        issue_id = self.selected_id()
        if issue_id is not None:
            from bulletin_desk.gui.revisions import RevisionsDialog

            RevisionsDialog(self.window_, issue_id, self).exec()
            self.reload()  # a restored revision changes the issue's title and time

    # ---- search ---------------------------------------------------------------------------------
    def _search_tab(self) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        row = QHBoxLayout()
        self.query = QLineEdit()
        self.query.setObjectName("archiveQuery")
        self.query.setPlaceholderText(self.tr("在报头、栏目、标题、按语、来源和正文中检索"))
        self.query.returnPressed.connect(self.search)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self.search)
        self.query.textEdited.connect(lambda _text: self._debounce.start())
        row.addWidget(self.query, 1)
        self._button(row, self.tr("检索"), self.search)
        box.addLayout(row)
        self.search_filters = SearchFilters()
        self.search_filters.changed.connect(self.search)
        box.addWidget(self.search_filters)
        self.hit_count = QLabel()
        box.addWidget(self.hit_count)
        self.hits_list = QListWidget()
        self.hits_list.setObjectName("searchHits")
        self.hits_list.itemActivated.connect(lambda item: self.open_hit(self.hits_list.row(item)))
        self.hits_list.itemDoubleClicked.connect(lambda item: self.open_hit(self.hits_list.row(item)))
        box.addWidget(self.hits_list, 1)
        self.hits: list[Any] = []
        self.shown_query = ""
        return page

    def search(self) -> None:
        """Search for the query on the worker; `show_hits` puts the hits on screen (newest query wins)."""
        self._debounce.stop()
        text = self.query.text().strip()
        if not text:
            self.runner.forget("search")
            self.show_hits("", [])
            return
        repo, narrow, limit = self.repo, self.search_filters.value(), SEARCH_LIMIT

        def work(progress: Progress) -> tuple[str, list[Any]]:
            _bring_index_in_step(repo, progress)
            return text, repo.search(text, year=narrow.year, source=narrow.source, series=narrow.series, limit=limit)

        self.hit_count.setText(self.tr("正在检索…"))
        self.runner.request("search", work)

    def show_hits(self, query: str, hits: list[Any]) -> None:
        self.hits_list.clear()
        self.hits = list(hits)
        self.shown_query = query
        for hit in self.hits:
            item = QListWidgetItem()
            label = QLabel(self.hit_html(hit))
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setWordWrap(True)
            label.setContentsMargins(4, 2, 4, 2)
            item.setSizeHint(label.sizeHint().expandedTo(label.minimumSizeHint()))
            self.hits_list.addItem(item)
            self.hits_list.setItemWidget(item, label)
        self.hit_count.setText(self.search_filters.count_text(len(self.hits), SEARCH_LIMIT) if query else "")
        self.searched.emit(self.hits)

    def hit_html(self, hit: Any) -> str:
        where = f"{hit.series} {hit.label}"
        snippet = highlighted(hit.snippet, hit.snippet_spans)
        if hit.snippet_start:
            snippet = "…" + snippet
        if hit.snippet_cut_after:
            snippet += "…"
        return f"<b>{html.escape(where)}</b><br>{snippet}"

    def open_hit(self, row: int) -> bool:
        """Open the hit's issue and select its article and paragraph (the match selected)."""
        if not 0 <= row < len(self.hits):
            return False
        hit = self.hits[row]
        w = self.window_
        if not self.open_id(hit.issue_id):
            return False
        spans = hit.spans_utf16()
        jump_to(w, hit.field, hit.section, hit.article, hit.paragraph, spans[0][0] if spans else 0)
        if hit.field == "paragraph" and spans:
            body = w.editors.article.body
            block = body.document().findBlockByNumber(hit.paragraph)
            if block.isValid():
                cursor = body.textCursor()
                cursor.setPosition(block.position() + spans[0][0])
                cursor.setPosition(block.position() + spans[0][1], cursor.MoveMode.KeepAnchor)
                body.setTextCursor(cursor)
        return True


def open_workspace(window: MainWindow, start_tab: int = 0) -> None:
    if window.link is None:
        window.files._no_archive()
        return
    dialog = WorkspaceDialog(window, start_tab)
    dialog.exec()
    dialog.deleteLater()  # its worker stops with it (at most one batch of an index build later)


def open_search(window: MainWindow) -> None:
    open_workspace(window, 1)


def open_revisions(window: MainWindow) -> None:
    from bulletin_desk.gui.revisions import open_revisions as show

    show(window)
