"""查找/替换 across the whole issue (Ctrl+F / Ctrl+H).

The search walks the model, not the widgets, so it finds text in articles that are not open. A hit
selects its article and highlights the text in the editor; 全部替换 is one undo step.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QDialog, QGridLayout, QLabel, QLineEdit, QPushButton

from bulletin_desk.gui.document import FieldPath, node_of_field
from bulletin_desk.model import Issue, Paragraph

if TYPE_CHECKING:
    from bulletin_desk.gui.mainwindow import MainWindow


@dataclass(frozen=True)
class Hit:
    path: FieldPath  # a string field, or ("paragraphs", si, ai) with `paragraph` set
    paragraph: int | None
    part: str  # "paragraph" (offset in lead + text, as the body shows it) for paragraphs, "" otherwise
    start: int


def text_fields(issue: Issue) -> Iterator[tuple[FieldPath, int | None, str, str]]:
    """Every searchable text in print order: (path, paragraph, part, text)."""
    masthead = issue.masthead
    for name in ("title", "office"):
        yield ("masthead", name), None, "", getattr(masthead, name) or ""
    for si, section in enumerate(issue.sections):
        yield ("section", si, "heading"), None, "", section.heading
        for ai, article in enumerate(section.articles):
            for name in ("title", "source", "note"):
                yield ("article", si, ai, name), None, "", getattr(article, name) or ""
            for pi, paragraph in enumerate(article.paragraphs):
                # one text per paragraph: "行动。全区" is found across the end of the bold lead
                yield ("paragraphs", si, ai), pi, "paragraph", paragraph.full_text
    for name in ("editor", "reviewer", "approver", "phone", "fax", "email"):
        yield ("colophon", name), None, "", getattr(issue.colophon, name) or ""
    for name in ("report_to", "send_to", "issue_to", "cc"):
        yield ("distribution", name), None, "", getattr(issue.distribution, name) or ""


def find_all(issue: Issue, needle: str) -> list[Hit]:
    hits = []
    if not needle:
        return hits
    for path, paragraph, part, text in text_fields(issue):
        start = text.find(needle)
        while start >= 0:
            hits.append(Hit(path, paragraph, part, start))
            start = text.find(needle, start + len(needle))
    return hits


def replace_in_paragraph(paragraph: Paragraph, start: int, end: int, replacement: str) -> Paragraph:
    """``paragraph`` with its printed text [start, end) replaced; the bold lead keeps its extent.

    A replacement inside the lead stays bold, one inside the rest stays plain, and one that spans
    the lead's end becomes the end of the lead (the lead still starts the paragraph, bold).
    """
    lead = paragraph.lead or ""
    full = paragraph.full_text
    new_full = full[:start] + replacement + full[end:]
    if end <= len(lead):
        lead_end = len(lead) - (end - start) + len(replacement)
    elif start >= len(lead):
        lead_end = len(lead)
    else:
        lead_end = start + len(replacement)
    return Paragraph(text=new_full[lead_end:], lead=new_full[:lead_end] or None, kind=paragraph.kind)


def replace_all_in(issue: Issue, needle: str, replacement: str) -> int:
    """Replace in place; returns the number of replacements."""
    count = 0
    for path, paragraph, _part, text in list(text_fields(issue)):
        if needle not in text:
            continue
        count += text.count(needle)
        if paragraph is not None:
            paragraphs = issue.sections[path[1]].articles[path[2]].paragraphs
            starts = [i for i in range(len(text)) if text.startswith(needle, i)]
            kept: list[int] = []
            for start in starts:  # non-overlapping, left to right, as str.replace does
                if not kept or start >= kept[-1] + len(needle):
                    kept.append(start)
            target = paragraphs[paragraph]
            for start in reversed(kept):  # from the right, so earlier offsets stay valid
                target = replace_in_paragraph(target, start, start + len(needle), replacement)
            paragraphs[paragraph] = target
        else:
            from bulletin_desk.gui.document import _resolve

            obj, attr = _resolve(issue, path)
            setattr(obj, attr, text.replace(needle, replacement))
    return count


class FindDialog(QDialog):
    def __init__(self, controller: FindReplace) -> None:
        super().__init__(controller.window)
        self.setWindowTitle(self.tr("查找和替换"))
        grid = QGridLayout(self)
        self.find_text = QLineEdit()
        self.replace_text = QLineEdit()
        grid.addWidget(QLabel(self.tr("查找")), 0, 0)
        grid.addWidget(self.find_text, 0, 1)
        grid.addWidget(QLabel(self.tr("替换为")), 1, 0)
        grid.addWidget(self.replace_text, 1, 1)
        self.find_next = QPushButton(self.tr("查找下一个"))
        self.replace_one = QPushButton(self.tr("替换"))
        self.replace_every = QPushButton(self.tr("全部替换"))
        self.result = QLabel()
        grid.addWidget(self.find_next, 0, 2)
        grid.addWidget(self.replace_one, 1, 2)
        grid.addWidget(self.replace_every, 2, 2)
        grid.addWidget(self.result, 2, 0, 1, 2)
        self.find_next.setDefault(True)
        self.find_next.clicked.connect(controller.find_next)
        self.replace_one.clicked.connect(controller.replace_current)
        self.replace_every.clicked.connect(controller.replace_all)


class FindReplace(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.dialog: FindDialog | None = None
        self.current: Hit | None = None
        self._position = -1

    def _dialog(self) -> FindDialog:
        if self.dialog is None:
            self.dialog = FindDialog(self)
        return self.dialog

    def show_find(self) -> None:
        dialog = self._dialog()
        self._show_replace_row(False)
        dialog.show()
        dialog.raise_()
        dialog.find_text.setFocus()

    def show_replace(self) -> None:
        self._show_replace_row(True)
        self._dialog().show()

    def _show_replace_row(self, visible: bool) -> None:
        dialog = self._dialog()
        for widget in (dialog.replace_text, dialog.replace_one, dialog.replace_every):
            widget.setVisible(visible)

    def find_next(self) -> Hit | None:
        dialog = self._dialog()
        hits = find_all(self.window.doc.issue, dialog.find_text.text())
        if not hits:
            self.current = None
            dialog.result.setText(self.tr("未找到。"))
            return None
        self._position = (self._position + 1) % len(hits)
        self.current = hits[self._position]
        dialog.result.setText(self.tr("第{0}处，共{1}处").format(self._position + 1, len(hits)))
        self._reveal(self.current, len(dialog.find_text.text()))
        return self.current

    def _reveal(self, hit: Hit, length: int) -> None:
        node = node_of_field(hit.path)
        self.window.select_node(node)
        if hit.paragraph is None:
            return
        body = self.window.editors.article.body
        block = body.document().findBlockByNumber(hit.paragraph)
        offset = hit.start  # the body's block holds lead + text, as the hit counts
        cursor = QTextCursor(block)
        cursor.setPosition(block.position() + offset)
        cursor.setPosition(block.position() + offset + length, QTextCursor.MoveMode.KeepAnchor)
        body.setTextCursor(cursor)

    def replace_current(self) -> None:
        dialog = self._dialog()
        needle, replacement = dialog.find_text.text(), dialog.replace_text.text()
        hit = self.current
        if hit is None or not needle:
            self.find_next()
            return
        doc = self.window.doc
        if hit.paragraph is None:
            text = doc.get(hit.path) or ""
            if text[hit.start:hit.start + len(needle)] == needle:
                doc.set_field(hit.path, text[:hit.start] + replacement + text[hit.start + len(needle):],
                              self.tr("替换"))
        else:
            import copy

            paragraphs = copy.deepcopy(doc.get(hit.path))
            target = paragraphs[hit.paragraph]
            if target.full_text[hit.start:hit.start + len(needle)] == needle:
                paragraphs[hit.paragraph] = replace_in_paragraph(target, hit.start, hit.start + len(needle),
                                                                 replacement)
                doc.set_field(hit.path, paragraphs, self.tr("替换"))
        self._position -= 1
        self.current = None
        self.find_next()

    def replace_all(self) -> int:
        dialog = self._dialog()
        needle, replacement = dialog.find_text.text(), dialog.replace_text.text()
        if not needle or not find_all(self.window.doc.issue, needle):
            dialog.result.setText(self.tr("未找到。"))
            return 0
        counted: list[int] = []

        def mutate(issue: Issue) -> None:
            counted.append(replace_all_in(issue, needle, replacement))

        self.window.doc.edit_structure(self.tr("全部替换"), mutate, self.window.current_node())
        dialog.result.setText(self.tr("已替换{0}处。").format(counted[0]))
        return counted[0]
