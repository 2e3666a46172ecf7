"""档案 (the archive workspace): every issue in a sortable, filterable table, and full-text search.

The table is the repository's listing (`list`, with the trash view `trashed_only`); 栏目 and source
unit filters ask the core's search for the issues whose headings or sources contain the text. Open,
复制为下一期 (numbers advanced by `propose_numbers`, the copy opened unsaved), 移到回收站/恢复 and
修订记录 act on the selected issue. The 全文检索 tab runs `IssueRepository.search` and shows each
hit's snippet with the matches highlighted; opening a hit opens the issue and selects the article
and paragraph in the editor.

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

from PySide6.QtCore import Qt, QTimer, Signal
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
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from bulletin_desk.gui.search_runner import Cancelled, Progress, SearchRunner
from bulletin_desk.gui.states import jump_to, state_text

if TYPE_CHECKING:
    from bulletin_desk.gui.mainwindow import MainWindow

HIGHLIGHT = '<span style="background:#ffe066;font-weight:bold">'
SEARCH_LIMIT = 200
FILTER_LIMIT = 100000  # the 栏目/source filters ask the search for every matching issue
DEBOUNCE_MS = 250  # typing pauses this long before the search runs


def highlighted(text: str, spans: tuple[tuple[int, int], ...]) -> str:
    """HTML of ``text`` with each span marked (spans in code points, as SearchHit gives them)."""
    out, at = [], 0
    for a, b in spans:
        out += [html.escape(text[at:a]), HIGHLIGHT, html.escape(text[a:b]), "</span>"]
        at = b
    out.append(html.escape(text[at:]))
    return "".join(out)


class _Item(QTableWidgetItem):
    """A cell that sorts by its number (or text) rather than its display."""

    def __init__(self, text: str, key: Any = None) -> None:
        super().__init__(text)
        self.key = text if key is None else key

    def __lt__(self, other: QTableWidgetItem) -> bool:
        other_key = getattr(other, "key", other.text())
        try:
            return bool(self.key < other_key)
        except TypeError:
            return str(self.key) < str(other_key)


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
            self.show_rows(result)  # type: ignore[arg-type]

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
        self.table = QTableWidget(0, 7)
        self.table.setObjectName("issueTable")
        self.table.setHorizontalHeaderLabels([self.tr("简报"), self.tr("年份"), self.tr("期号"), self.tr("总期号"),
                                              self.tr("首篇标题"), self.tr("状态"), self.tr("更新时间")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(4, 360)
        self.table.cellDoubleClicked.connect(lambda _r, _c: self.open_selected())
        self.table.itemSelectionChanged.connect(self._sync_buttons)
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
        """Fill the series and year choices from the archive, then the table."""
        everything = self.repo.list(include_trashed=True)
        for combo, all_text, values in (
                (self.series, self.tr("全部简报"), sorted({s.series for s in everything if s.series})),
                (self.year, self.tr("全部年份"), sorted({s.year for s in everything if s.year}, reverse=True))):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(all_text, None)
            for value in values:
                combo.addItem(str(value), value)
            at = combo.findData(current)
            combo.setCurrentIndex(max(at, 0))
            combo.blockSignals(False)
        self.fill()

    def _filters(self) -> tuple[dict[str, Any], str, list[tuple[str, str]]]:
        """What the listing is asked for, read from the widgets (on the GUI thread)."""
        listing = {"series": self.series.currentData(), "year": self.year.currentData(),
                   "trashed_only": self.trash_view.isChecked()}
        texts = [(edit.text().strip(), field) for edit, field in (
            (self.section_filter, "section.heading"), (self.source_filter, "article.source"))]
        return listing, self.state.currentData() or "", [(t, f) for t, f in texts if t]

    @staticmethod
    def _filtered(repo: Any, listing: dict[str, Any], state: str, texts: list[tuple[str, str]],
                  progress: Progress | None = None) -> list[Any]:
        """The listing with every filter applied; the 栏目/source texts ask the search (on the worker)."""
        if texts and progress is not None:
            _bring_index_in_step(repo, progress)
        rows = repo.list(**listing)
        if state:
            rows = [r for r in rows if r.state == state]
        for text, field in texts:
            if hasattr(repo, "issues_with"):
                wanted = repo.issues_with(text, field, include_trashed=True)
            else:  # an archive without it: the search, capped
                wanted = {h.issue_id for h in repo.search(text, limit=FILTER_LIMIT, include_trashed=True)
                          if h.field == field}
            rows = [r for r in rows if r.id in wanted]
        return rows

    def rows(self) -> list[Any]:
        """The listing with every filter applied (what the table shows), computed here and now."""
        return self._filtered(self.repo, *self._filters())

    def fill(self) -> None:
        """Show the listing: at once without 栏目/source filters, else when the worker has searched."""
        listing, state, texts = self._filters()
        if not texts:
            self.runner.forget("rows")
            self.show_rows(self._filtered(self.repo, listing, state, texts))
            return
        repo = self.repo
        self.count_label.setText(self.tr("正在检索…"))
        self.runner.request("rows", lambda progress: self._filtered(repo, listing, state, texts, progress))

    def show_rows(self, rows: list[Any]) -> None:
        self.table.setSortingEnabled(False)
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            title = r.first_title or ""
            if r.is_sample:
                title = self.tr("{0}（示例）").format(title)
            cells = [_Item(r.series), _Item(str(r.year or ""), r.year or 0),
                     _Item(self.tr("第{0}期").format(r.number) if r.number is not None else "", r.number or 0),
                     _Item(self.tr("总第{0}期").format(r.total_number) if r.total_number is not None else "",
                           r.total_number or 0),
                     _Item(title), _Item(state_text(r.state)), _Item((r.updated_at or "")[:16].replace("T", " "))]
            for c, cell in enumerate(cells):
                cell.setData(Qt.ItemDataRole.UserRole, r.id)
                self.table.setItem(i, c, cell)
        self.table.setSortingEnabled(True)
        if rows:
            self.table.selectRow(0)
        self.count_label.setText(self.tr("共 {0} 期").format(len(rows)))
        self._sync_buttons()
        self.filled.emit()

    def selected_id(self) -> int | None:
        items = self.table.selectedItems()
        return int(items[0].data(Qt.ItemDataRole.UserRole)) if items else None

    def select_id(self, issue_id: int) -> None:
        for row in range(self.table.rowCount()):
            if int(self.table.item(row, 0).data(Qt.ItemDataRole.UserRole)) == issue_id:
                self.table.selectRow(row)
                return

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
        self.fill()
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
        self.fill()
        return True

    def revisions_of_selected(self) -> None:
        issue_id = self.selected_id()
        if issue_id is not None:
            from bulletin_desk.gui.revisions import RevisionsDialog

            RevisionsDialog(self.window_, issue_id, self).exec()

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
        repo = self.repo

        def work(progress: Progress) -> tuple[str, list[Any]]:
            _bring_index_in_step(repo, progress)
            return text, repo.search(text, limit=SEARCH_LIMIT)

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
        more = self.tr("（只显示前 {0} 条）").format(SEARCH_LIMIT) if len(self.hits) >= SEARCH_LIMIT else ""
        self.hit_count.setText(self.tr("找到 {0} 处{1}").format(len(self.hits), more) if query else "")
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
