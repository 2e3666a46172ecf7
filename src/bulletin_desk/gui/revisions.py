"""修订记录: an issue's superseded versions, a readable per-article diff, and restoring one.

The list and the restore are the repository's (`revisions`, `revision_issue`, `restore_revision`,
which refuses a signed issue); the diff is difflib over each article's plain text. Articles are paired
by their titles (difflib over the title sequence), so inserting or moving one article shows that one,
not every article after it; the 版头 and 版记 are compared as they print (the layout's own blocks).
"""

from __future__ import annotations

import difflib
import html
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from bulletin_desk.gui.file_actions import article_plain_text
from bulletin_desk.model import Issue

if TYPE_CHECKING:
    from bulletin_desk.gui.mainwindow import MainWindow

# A printed line with text on both sides (office and date): an ideographic space between, not UI text.
_LEFT_AND_RIGHT = "{0}\u3000{1}"
NOT_TRANSLATED = frozenset({_LEFT_AND_RIGHT})


def _unified(a: list[str], b: list[str]) -> list[str]:
    return [line for line in difflib.unified_diff(a, b, lineterm="", n=1) if not line.startswith(("---", "+++"))]


def article_diffs(old: Issue, new: Issue) -> list[tuple[int, str, list[str]]]:
    """(article number from 1, its title, unified-diff lines) for every article whose text differs.

    The number is the article's place in ``new`` (in ``old`` for one that was removed).
    """
    before, after = old.articles(), new.articles()
    matcher = difflib.SequenceMatcher(a=[a.title for a in before], b=[a.title for a in after], autojunk=False)
    pairs: list[tuple[int | None, int | None]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            pairs.extend(zip(range(i1, i2), range(j1, j2), strict=True))
        else:  # a retitled article pairs with the one in its place; the rest were removed or added
            common = min(i2 - i1, j2 - j1)
            pairs.extend((i1 + k, j1 + k) for k in range(common))
            pairs.extend((i, None) for i in range(i1 + common, i2))
            pairs.extend((None, j) for j in range(j1 + common, j2))
    pairs = _pair_moved(pairs, before, after)
    out: list[tuple[int, str, list[str]]] = []
    for i, j in pairs:
        a = article_plain_text(before[i]).splitlines() if i is not None else []
        b = article_plain_text(after[j]).splitlines() if j is not None else []
        if a == b:
            continue
        number = j if j is not None else i
        title = (after[j] if j is not None else before[i]).title  # type: ignore[index]
        out.append(((number or 0) + 1, title, _unified(a, b)))
    return sorted(out, key=lambda entry: entry[0])


def _pair_moved(pairs: list[tuple[int | None, int | None]], before: list[Any], after: list[Any],
                ) -> list[tuple[int | None, int | None]]:
    """A removed and an added article with the same title are one article that moved."""
    added = {after[j].title: j for i, j in pairs if i is None and j is not None}
    moved = {i: added.pop(before[i].title) for i, j in pairs
             if j is None and i is not None and before[i].title in added}
    taken = set(moved.values())
    out = [(i, moved[i]) if i is not None and i in moved else (i, j) for i, j in pairs
           if not (i is None and j in taken)]
    return out


def printed_frame(issue: Issue) -> list[str]:
    """The 版头 and 版记 lines as they print (masthead, 期号, office and date, 版记 rows, 印数)."""
    from bulletin_desk.layout import load_profile
    from bulletin_desk.layout.compose import header_blocks, imprint_blocks

    profile = load_profile()
    lines = []
    for block in [*header_blocks(issue, profile), *imprint_blocks(issue, profile)]:
        text = "".join(run.text for run in block.runs)
        right = "".join(run.text for run in block.right_runs)
        line = _LEFT_AND_RIGHT.format(text, right) if text and right else text or right
        if line.strip():
            lines.append(line)
    return lines


def frame_diff(old: Issue, new: Issue) -> list[str]:
    """Unified-diff lines of the 版头 and 版记 (empty when both print the same)."""
    a, b = printed_frame(old), printed_frame(new)
    return [] if a == b else _unified(a, b)


class RevisionsDialog(QDialog):
    def __init__(self, window: MainWindow, issue_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.window_ = window
        self.repo: Any = window.link.repo
        self.issue_id = issue_id
        self.setWindowTitle(self.tr("修订记录"))
        self.resize(980, 600)
        layout = QVBoxLayout(self)
        panes = QHBoxLayout()
        self.list = QListWidget()
        self.list.setObjectName("revisionList")
        self.list.currentRowChanged.connect(self._show_diff)
        panes.addWidget(self.list, 2)
        self.diff = QTextBrowser()
        self.diff.setObjectName("revisionDiff")
        panes.addWidget(self.diff, 5)
        layout.addLayout(panes, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.restore_button = buttons.addButton(self.tr("恢复此版本"), QDialogButtonBox.ButtonRole.ActionRole)
        self.restore_button.clicked.connect(lambda _c=False: self.restore_selected())
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.reload()

    def reload(self) -> None:
        self.revisions = self.repo.revisions(self.issue_id)
        self.list.clear()
        for r in self.revisions:
            item = QListWidgetItem(self.tr("第{0}版　{1}\n{2}　{3}字").format(r.version, r.saved_at[:16],
                                                                           r.first_title, r.char_count))
            item.setData(Qt.ItemDataRole.UserRole, r.n)
            self.list.addItem(item)
        self.restore_button.setEnabled(bool(self.revisions))
        if self.revisions:
            self.list.setCurrentRow(0)
        else:
            self.diff.setPlainText(self.tr("这一期还没有修订记录。"))

    def _show_diff(self, row: int) -> None:
        if not 0 <= row < len(self.revisions):
            return
        old = self.repo.revision_issue(self.issue_id, self.revisions[row].n)
        current = self.repo.load(self.issue_id).issue
        intro = self.tr("与当前版本相比（-：此版本，+：当前版本）：")
        parts = [f"<p>{html.escape(intro)}</p>"]
        sections = [(self.tr("版头与版记"), lines) for lines in [frame_diff(old, current)] if lines]
        sections += [(self.tr("第{0}篇：{1}").format(number, title), lines)
                     for number, title, lines in article_diffs(old, current)]
        if not sections:
            same = self.tr("文章内容相同。")
            parts.append(f"<p>{html.escape(same)}</p>")
        for heading, lines in sections:
            parts.append(f"<h4>{html.escape(heading)}</h4><pre>")
            for line in lines:
                colour = "#1a7f37" if line.startswith("+") else "#cf222e" if line.startswith("-") else "#666"
                parts.append(f'<span style="color:{colour}">{html.escape(line)}</span>\n')
            parts.append("</pre>")
        self.diff.setHtml("".join(parts))

    def confirm(self, text: str) -> bool:
        return QMessageBox.question(self, self.tr("恢复此版本"), text) == QMessageBox.StandardButton.Yes

    def restore_selected(self) -> bool:
        row = self.list.currentRow()
        if not 0 <= row < len(self.revisions):
            return False
        rev = self.revisions[row]
        w = self.window_
        if w.doc.issue_id == self.issue_id and w.doc.is_dirty():
            QMessageBox.warning(self, self.tr("恢复此版本"), self.tr("本期有未保存的修改，请先保存或撤销。"))
            return False
        if not self.confirm(self.tr("把这一期恢复为第{0}版（{1}）？当前版本会保留为一条修订记录。").format(
                rev.version, rev.saved_at[:16])):
            return False
        try:
            self.repo.restore_revision(self.issue_id, rev.n)
        except Exception as exc:
            w.files._report_failure(self.tr("无法恢复"), exc)
            return False
        if w.doc.issue_id == self.issue_id:
            w.files.open_id(self.issue_id)
        self.reload()
        return True


def open_revisions(window: MainWindow, issue_id: int | None = None) -> None:
    issue_id = issue_id if issue_id is not None else window.doc.issue_id
    if window.link is None or issue_id is None:
        window.statusBar().showMessage(QCoreApplication.translate(
            "RevisionsDialog", "这一期尚未保存到档案，没有修订记录。"), 4000)
        return
    RevisionsDialog(window, issue_id).exec()
