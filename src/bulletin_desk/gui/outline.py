"""The outline: the open issue as a tree (报头, 栏目 → 文章, 版记) with drag-and-drop moves.

A QAbstractItemModel over `IssueDocument`. Top-level rows are 报头 (row 0), one row per 栏目 and
版记 (last row); articles are children of their 栏目. Moves are not done by Qt's row insertion and
removal: a drop is translated into `IssueDocument.move_article`/`move_section`, one undo step, and
an invalid place (an article at top level, a 栏目 inside a 栏目, anything onto 报头/版记) is refused
before the drop happens.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QFont

from bulletin_desk.gui.document import FieldPath, IssueDocument, NodeKey
from bulletin_desk.model import Article, article_char_count

NODE_MIME = "application/x-bulletin-desk-node"
POOL_MIME = "application/x-bulletin-desk-submission"  # a 稿件库 submission id, dragged from the pool
_TOP = 0  # internalId of top-level rows; an article's internalId is its section index + 1

ModelIndex = QModelIndex | QPersistentModelIndex


class OutlineModel(QAbstractItemModel):
    """报头 / 栏目 (with articles) / 版记 as a tree."""

    def __init__(self, doc: IssueDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._doc = doc
        # The pool places a dropped submission: (submission id, section, position); set by gui/pool.py.
        self.pool_drop: Callable[[int, int, int], None] | None = None
        doc.structure_changed.connect(self._on_structure)
        doc.field_changed.connect(self._on_field)

    # ---- mapping between indexes and nodes -------------------------------------------------------
    def _section_count(self) -> int:
        return len(self._doc.issue.sections)

    def node(self, index: ModelIndex) -> NodeKey | None:
        if not index.isValid():
            return None
        if index.internalId() == _TOP:
            row = index.row()
            if row == 0:
                return ("masthead",)
            if row == self._section_count() + 1:
                return ("colophon",)
            return ("section", row - 1)
        return ("article", index.internalId() - 1, index.row())

    def index_of(self, node: NodeKey | None) -> QModelIndex:
        if node is None:
            return QModelIndex()
        kind = node[0]
        if kind == "masthead":
            return self.index(0, 0)
        if kind == "colophon":
            return self.index(self._section_count() + 1, 0)
        if kind == "section":
            if 0 <= node[1] < self._section_count():
                return self.index(node[1] + 1, 0)
            return QModelIndex()
        si, ai = node[1], node[2]
        if 0 <= si < self._section_count() and 0 <= ai < len(self._doc.issue.sections[si].articles):
            return self.index(ai, 0, self.index(si + 1, 0))
        return QModelIndex()

    # ---- QAbstractItemModel ----------------------------------------------------------------------
    def index(self, row: int, column: int, parent: ModelIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            if row < self._section_count() + 2:
                return self.createIndex(row, 0, _TOP)
            return QModelIndex()
        node = self.node(parent)
        if node and node[0] == "section" and row < len(self._doc.issue.sections[node[1]].articles):
            return self.createIndex(row, 0, node[1] + 1)
        return QModelIndex()

    def parent(self, index: ModelIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == _TOP:
            return QModelIndex()
        return self.createIndex(index.internalId(), 0, _TOP)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return self._section_count() + 2
        node = self.node(parent)
        if node and node[0] == "section":
            return len(self._doc.issue.sections[node[1]].articles)
        return 0

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 1

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        node = self.node(index)
        if node is None:
            return None
        issue = self._doc.issue
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if node[0] == "masthead":
                return self.tr("报头")
            if node[0] == "colophon":
                return self.tr("版记")
            if node[0] == "section":
                heading = issue.sections[node[1]].heading
                return self.tr("【{0}】").format(heading) if role == Qt.ItemDataRole.DisplayRole else heading
            article = issue.sections[node[1]].articles[node[2]]
            title = article.title.replace("\n", " ") or self.tr("（无标题）")
            if role == Qt.ItemDataRole.EditRole:
                return article.title
            # Two lines: the title, then the source unit and 字数 (what editors check at a glance).
            return f"{title}\n{self.article_note(article)}"
        if role == Qt.ItemDataRole.ToolTipRole and node[0] == "article":
            article = issue.sections[node[1]].articles[node[2]]
            return self.tr("来源：{0}　字数：{1}").format(article.source or self.tr("（未填）"),
                                                     article_char_count(article))
        if role == Qt.ItemDataRole.UserRole:
            return node
        if role == Qt.ItemDataRole.FontRole and node[0] in ("masthead", "colophon", "section"):
            font = QFont()
            font.setBold(True)
            return font
        return None

    def article_note(self, article: Article) -> str:
        note = self.tr("{0} · {1}字").format(article.source or self.tr("未填来源"), article_char_count(article))
        if article.page_break_before:
            note += self.tr(" · 另起一页")
        if article.keep_together:
            note += self.tr(" · 不跨页")
        return note

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        node = self.node(index)
        if node is None:
            return Qt.ItemFlag.ItemIsDropEnabled  # the root accepts 栏目 between rows
        if node[0] == "section":
            return base | Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled | Qt.ItemFlag.ItemIsEditable
        if node[0] == "article":
            return base | Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Rename in place (F2): a 栏目 heading or an article title, as one undo step."""
        node = self.node(index)
        if role != Qt.ItemDataRole.EditRole or node is None or node[0] not in ("section", "article"):
            return False
        text = str(value).strip()
        if node[0] == "section":
            self._doc.set_field(("section", node[1], "heading"), text, self.tr("重命名栏目"))
        else:
            self._doc.set_field(("article", node[1], node[2], "title"), text, self.tr("重命名文章"))
        return True

    # ---- drag and drop ---------------------------------------------------------------------------
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [NODE_MIME, POOL_MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # type: ignore[override]
        mime = QMimeData()
        nodes = [self.node(i) for i in indexes if self.node(i) and self.node(i)[0] in ("section", "article")]
        if nodes:
            mime.setData(NODE_MIME, json.dumps(list(nodes[0])).encode("utf-8"))
        return mime

    def _drop_target(self, data: QMimeData, row: int, parent: ModelIndex) -> tuple[str, tuple[int, ...]] | None:
        """Where a drop would go, or None when the place is invalid."""
        if data.hasFormat(POOL_MIME) and self.pool_drop is not None and not self._doc.read_only:
            return self._pool_target(data, row, parent)
        if not data.hasFormat(NODE_MIME):
            return None
        try:
            source = tuple(json.loads(bytes(data.data(NODE_MIME).data()).decode("utf-8")))
        except (ValueError, UnicodeDecodeError):
            return None
        target = self.node(parent)
        if source[0] == "article":
            if target is None or target[0] != "section":
                return None  # an article lives inside a 栏目, nowhere else
            to_ai = row if row >= 0 else len(self._doc.issue.sections[target[1]].articles)
            return "article", (source[1], source[2], target[1], to_ai)
        if source[0] == "section":
            if target is not None or row < 1 or row > self._section_count() + 1:
                return None  # 栏目 only between 栏目 (after 报头, before 版记)
            return "section", (source[1], row - 1)
        return None

    def _pool_target(self, data: QMimeData, row: int, parent: ModelIndex) -> tuple[str, tuple[int, ...]] | None:
        """A submission goes into a 栏目 (at the row) or after an article; not onto 报头/版记."""
        try:
            submission_id = int(bytes(data.data(POOL_MIME).data()).decode("ascii"))
        except ValueError:
            return None
        target = self.node(parent)
        if target is not None and target[0] == "section":
            at = row if row >= 0 else len(self._doc.issue.sections[target[1]].articles)
            return "pool", (submission_id, target[1], at)
        if target is not None and target[0] == "article":
            return "pool", (submission_id, target[1], target[2] + 1)
        if target is None and not self._doc.issue.sections:
            return "pool", (submission_id, -1, 0)  # an empty issue: the pool makes the 栏目
        return None

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                        parent: ModelIndex) -> bool:
        if data.hasFormat(POOL_MIME):
            return self._drop_target(data, row, parent) is not None
        return action == Qt.DropAction.MoveAction and self._drop_target(data, row, parent) is not None

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                     parent: ModelIndex) -> bool:
        target = self._drop_target(data, row, parent)
        if target is not None and target[0] == "pool" and self.pool_drop is not None:
            place, pool_args = self.pool_drop, target[1]
            QTimer.singleShot(0, lambda: place(*pool_args))
            return True
        if action != Qt.DropAction.MoveAction or target is None:
            return False
        kind, args = target
        # Deferred: the view is still inside its drag handling, which must not see the model reset.
        if kind == "article":
            QTimer.singleShot(0, lambda: self._doc.move_article(*args))
        else:
            QTimer.singleShot(0, lambda: self._doc.move_section(*args))
        return False  # we moved it ourselves; the view must not remove the source rows

    # ---- following the document --------------------------------------------------------------
    def _on_structure(self, _focus: object) -> None:
        self.beginResetModel()
        self.endResetModel()

    def _on_field(self, path: FieldPath) -> None:
        if path[0] == "section":
            index = self.index_of(("section", path[1]))
        elif path[0] in ("article", "paragraphs"):
            index = self.index_of(("article", path[1], path[2]))
        else:
            return
        if index.isValid():
            self.dataChanged.emit(index, index)
