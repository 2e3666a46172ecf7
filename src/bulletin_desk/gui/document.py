"""The open issue and its one undo stack: every edit in the window goes through here.

Widgets never change the model directly. They call `IssueDocument` methods, which push a
QUndoCommand; the command changes the model and the document emits a signal. Outline, editors,
preview and autosave listen to those signals, so an undo reaches every view the same way a
keystroke does.

Fields are addressed by paths (tuples), not object references, because undo may replace objects:
``("masthead", "title")``, ``("section", 0, "heading")``, ``("article", 0, 1, "title")``,
``("paragraphs", 0, 1)`` (the whole list), ``("colophon", "editor")``, ``("distribution", "cc")``,
``("copies",)``.
"""

from __future__ import annotations

import copy
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from bulletin_desk.model import Article, Issue, Paragraph, Section

FieldPath = tuple[Any, ...]
# A node of the outline: ("masthead",), ("section", si), ("article", si, ai), ("colophon",)
NodeKey = tuple[Any, ...]

ARTICLE_HINTS = ("page_break_before", "keep_together")  # layout hints an editor switches per article
MERGE_PAUSE_S = 2.0  # typing in one field merges into one undo step until a pause this long
_FIELD_COMMAND_ID = 4711


def _resolve(issue: Issue, path: FieldPath) -> tuple[object, str]:
    """The object and attribute name a field path points at."""
    head = path[0]
    if head in ("masthead", "colophon", "distribution"):
        return getattr(issue, head), path[1]
    if head == "copies":
        return issue, "copies"
    if head == "section":
        return issue.sections[path[1]], path[2]
    if head == "article":
        return issue.sections[path[1]].articles[path[2]], path[3]
    if head == "paragraphs":
        return issue.sections[path[1]].articles[path[2]], "paragraphs"
    raise KeyError(path)


def get_field(issue: Issue, path: FieldPath) -> Any:
    obj, attr = _resolve(issue, path)
    return getattr(obj, attr)


def article_hints(issue: Issue) -> list[list[int]]:
    """[section, article, page_break_before, keep_together] of every hinted article.

    The hints are not part of bulletin-desk/1 (its keys are fixed), so text made by `dumps` does not
    show them; the layout runner's change check and the autosave journal add this list beside it.
    """
    return [[si, ai, int(a.page_break_before), int(a.keep_together)]
            for si, s in enumerate(issue.sections) for ai, a in enumerate(s.articles)
            if a.page_break_before or a.keep_together]


def apply_article_hints(issue: Issue, hints: Any) -> None:
    """Put back what `article_hints` listed; entries that no longer fit the issue are ignored."""
    for entry in hints if isinstance(hints, list) else []:
        try:
            si, ai, page_break, keep = (int(v) for v in entry)
            article = issue.sections[si].articles[ai]
        except (TypeError, ValueError, IndexError):
            continue
        article.page_break_before, article.keep_together = bool(page_break), bool(keep)


def node_of_field(path: FieldPath) -> NodeKey:
    """The outline node a field belongs to (for selecting it after undo)."""
    head = path[0]
    if head in ("masthead", "copies"):
        return ("masthead",) if head == "masthead" else ("colophon",)
    if head in ("colophon", "distribution"):
        return ("colophon",)
    if head == "section":
        return ("section", path[1])
    return ("article", path[1], path[2])


class SetFieldCommand(QUndoCommand):
    """One field's new value; consecutive typing in the same field merges until a pause."""

    def __init__(self, doc: IssueDocument, path: FieldPath, old: Any, new: Any, text: str) -> None:
        super().__init__(text)
        self._doc = doc
        self.path = path
        self.old = copy.deepcopy(old)
        self.new = copy.deepcopy(new)
        self.last_time = time.monotonic()
        self.mergeable = True
        self._pushed = False  # the first redo is the push itself, not a replay

    def id(self) -> int:
        return _FIELD_COMMAND_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetFieldCommand) or other.path != self.path or not (
                self.mergeable and other.mergeable):
            return False
        if other.last_time - self.last_time > MERGE_PAUSE_S:
            return False
        self.new = copy.deepcopy(other.new)
        self.last_time = other.last_time
        return True

    def redo(self) -> None:
        self._doc._apply_field(self.path, copy.deepcopy(self.new))
        if self._pushed:
            self._doc.field_replayed.emit(self.path)
        self._pushed = True

    def undo(self) -> None:
        self._doc._apply_field(self.path, copy.deepcopy(self.old))
        self._doc.field_replayed.emit(self.path)


class SnapshotCommand(QUndoCommand):
    """A structure edit (add, delete, move, duplicate, import): the issue before and after.

    Whole-issue snapshots keep every structure edit trivially reversible; an issue is a few
    hundred paragraphs, so a deep copy costs well under a millisecond per step.
    """

    def __init__(self, doc: IssueDocument, text: str, before: Issue, after: Issue,
                 focus_before: NodeKey | None, focus_after: NodeKey | None) -> None:
        super().__init__(text)
        self._doc = doc
        self._before = before
        self._after = after
        self._focus_before = focus_before
        self._focus_after = focus_after

    def redo(self) -> None:
        self._doc._apply_issue(copy.deepcopy(self._after), self._focus_after)

    def undo(self) -> None:
        self._doc._apply_issue(copy.deepcopy(self._before), self._focus_before)


class IssueDocument(QObject):
    """The issue being edited, where it is stored, and its undo stack."""

    field_changed = Signal(object)  # FieldPath
    field_replayed = Signal(object)  # FieldPath changed by undo/redo: the window shows where
    structure_changed = Signal(object)  # NodeKey to select, or None
    changed = Signal()  # any change: autosave and preview listen here
    stored_changed = Signal()  # issue id / version changed (after save or open)

    def __init__(self, issue: Issue | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.issue: Issue = issue if issue is not None else Issue()
        self.issue_id: int | None = None
        self.version: int | None = None
        self.read_only = False  # an 已签发 issue: no edit reaches the model or the undo stack
        self.stack = QUndoStack(self)

    # ---- reading -------------------------------------------------------------------------------
    def get(self, path: FieldPath) -> Any:
        return get_field(self.issue, path)

    def section(self, si: int) -> Section:
        return self.issue.sections[si]

    def article(self, si: int, ai: int) -> Article:
        return self.issue.sections[si].articles[ai]

    def is_dirty(self) -> bool:
        return not self.stack.isClean()

    # ---- loading -------------------------------------------------------------------------------
    def load(self, issue: Issue, issue_id: int | None = None, version: int | None = None,
             dirty: bool = False) -> None:
        """Replace the issue without an undo step (open, new, restore from the journal)."""
        self.stack.clear()
        self.issue = issue
        self.issue_id = issue_id
        self.version = version
        if dirty:
            # A restored journal is unsaved work: leave the stack "not clean" with no undo step.
            self.stack.resetClean()
        self.structure_changed.emit(None)
        self.stored_changed.emit()
        self.changed.emit()

    def mark_saved(self, issue_id: int | None, version: int | None) -> None:
        self.issue_id = issue_id
        self.version = version
        self.stack.setClean()
        self.stored_changed.emit()

    # ---- field edits ---------------------------------------------------------------------------
    def set_field(self, path: FieldPath, value: Any, text: str = "", merge: bool = True) -> None:
        """Change one field as an undo step; `merge=False` for switches, whose every flip is a step."""
        old = self.get(path)
        if old == value or self.read_only:
            return
        command = SetFieldCommand(self, path, old, value, text or self.tr("编辑"))
        command.mergeable = merge
        self.stack.push(command)

    def set_article_hint(self, si: int, ai: int, hint: str, on: bool) -> None:
        """Manual page break (`page_break_before`) or `keep_together` of an article, one undo step each."""
        if hint not in ARTICLE_HINTS:
            raise KeyError(hint)
        text = self.tr("另起一页") if hint == "page_break_before" else self.tr("本文不跨页")
        self.set_field(("article", si, ai, hint), bool(on), text, merge=False)

    def _apply_field(self, path: FieldPath, value: Any) -> None:
        obj, attr = _resolve(self.issue, path)
        setattr(obj, attr, value)
        self.field_changed.emit(path)
        self.changed.emit()

    # ---- structure edits -----------------------------------------------------------------------
    def edit_structure(self, text: str, mutate: Callable[[Issue], NodeKey | None],
                       focus_before: NodeKey | None = None) -> None:
        """Run `mutate` on a copy of the issue and push the result as one undoable step."""
        if self.read_only:
            return
        before = copy.deepcopy(self.issue)
        after = copy.deepcopy(self.issue)
        focus_after = mutate(after)
        self.stack.push(SnapshotCommand(self, text, before, after, focus_before, focus_after))

    def _apply_issue(self, issue: Issue, focus: NodeKey | None) -> None:
        self.issue = issue
        self.structure_changed.emit(focus)
        self.changed.emit()

    def replace_issue(self, issue: Issue, text: str) -> None:
        """Import: the whole issue replaced, one undoable step."""
        self.edit_structure(text, lambda target: _replace_all(target, issue), None)

    def add_section(self, after: int | None = None, heading: str = "") -> None:
        def mutate(issue: Issue) -> NodeKey:
            at = len(issue.sections) if after is None else after + 1
            issue.sections.insert(at, Section(heading=heading or self.tr("新栏目")))
            return ("section", at)

        self.edit_structure(self.tr("添加栏目"), mutate)

    def add_article(self, si: int, after: int | None = None, article: Article | None = None) -> None:
        def mutate(issue: Issue) -> NodeKey:
            articles = issue.sections[si].articles
            at = len(articles) if after is None else after + 1
            articles.insert(at, copy.deepcopy(article) if article else Article(
                title=self.tr("新文章"), paragraphs=[Paragraph()]))
            return ("article", si, at)

        self.edit_structure(self.tr("添加文章"), mutate, ("section", si))

    def duplicate_article(self, si: int, ai: int) -> None:
        def mutate(issue: Issue) -> NodeKey:
            articles = issue.sections[si].articles
            articles.insert(ai + 1, copy.deepcopy(articles[ai]))
            return ("article", si, ai + 1)

        self.edit_structure(self.tr("复制文章"), mutate, ("article", si, ai))

    def delete_article(self, si: int, ai: int) -> None:
        def mutate(issue: Issue) -> NodeKey:
            articles = issue.sections[si].articles
            del articles[ai]
            if articles:
                return ("article", si, min(ai, len(articles) - 1))
            return ("section", si)

        self.edit_structure(self.tr("删除文章"), mutate, ("article", si, ai))

    def duplicate_section(self, si: int) -> None:
        def mutate(issue: Issue) -> NodeKey:
            issue.sections.insert(si + 1, copy.deepcopy(issue.sections[si]))
            return ("section", si + 1)

        self.edit_structure(self.tr("复制栏目"), mutate, ("section", si))

    def delete_section(self, si: int) -> None:
        def mutate(issue: Issue) -> NodeKey:
            del issue.sections[si]
            if issue.sections:
                return ("section", min(si, len(issue.sections) - 1))
            return ("masthead",)

        self.edit_structure(self.tr("删除栏目"), mutate, ("section", si))

    def move_article(self, si: int, ai: int, to_si: int, to_ai: int) -> bool:
        """Move an article before position `to_ai` of section `to_si` (positions before removal)."""
        sections = self.issue.sections
        if not (0 <= si < len(sections) and 0 <= ai < len(sections[si].articles)):
            return False
        if not 0 <= to_si < len(sections):
            return False
        to_ai = max(0, min(to_ai, len(sections[to_si].articles)))
        if to_si == si and to_ai in (ai, ai + 1):
            return False  # dropped onto itself

        def mutate(issue: Issue) -> NodeKey:
            article = issue.sections[si].articles.pop(ai)
            target = to_ai - 1 if (to_si == si and to_ai > ai) else to_ai
            issue.sections[to_si].articles.insert(target, article)
            return ("article", to_si, target)

        self.edit_structure(self.tr("移动文章"), mutate, ("article", si, ai))
        return True

    def move_section(self, si: int, to_si: int) -> bool:
        """Move a section before position `to_si` (a position before removal)."""
        count = len(self.issue.sections)
        if not 0 <= si < count:
            return False
        to_si = max(0, min(to_si, count))
        if to_si in (si, si + 1):
            return False

        def mutate(issue: Issue) -> NodeKey:
            section = issue.sections.pop(si)
            target = to_si - 1 if to_si > si else to_si
            issue.sections.insert(target, section)
            return ("section", target)

        self.edit_structure(self.tr("移动栏目"), mutate, ("section", si))
        return True


def _replace_all(target: Issue, source: Issue) -> NodeKey:
    fresh = copy.deepcopy(source)
    target.masthead = fresh.masthead
    target.sections = fresh.sections
    target.colophon = fresh.colophon
    target.distribution = fresh.distribution
    target.copies = fresh.copies
    return ("article", 0, 0) if fresh.sections and fresh.sections[0].articles else ("masthead",)
