"""Manual page break and keep-together from the window: form switches, outline menu, undo, preview, journal."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMenu

from bulletin_desk.gui.archive_link import ArchiveLink


def _settle(qtbot, window) -> None:
    qtbot.waitUntil(lambda: window.runner.is_idle() and window.preview.page_count() > 0, timeout=10000)


def _first_line_of(window, section: int, article: int):
    for index, page in enumerate(window.preview.canvas.pages()):
        for line in page.lines:
            if line.source is not None and (line.source.section, line.source.article) == (section, article):
                return index, line
    raise AssertionError((section, article))


def _starts_page(window, section: int, article: int) -> bool:
    index, line = _first_line_of(window, section, article)
    page = window.preview.canvas.pages()[index]
    return min(ln.baseline for ln in page.lines) == line.baseline


def test_the_article_form_switches_set_a_page_break_as_one_undo_step_each(qtbot, window) -> None:
    # a short second article: the third one then starts mid-page
    window.doc.set_field(("paragraphs", 0, 1), window.doc.article(0, 1).paragraphs[:1])
    window.runner.request_now()
    qtbot.waitUntil(lambda: window.runner.is_idle() and not _starts_page(window, 0, 2), timeout=10000)
    pages = window.preview.page_count()
    window.select_node(("article", 0, 2))
    form = window.editors.article
    steps = window.doc.stack.count()
    form.page_break.click()
    assert window.doc.article(0, 2).page_break_before
    assert window.doc.stack.count() == steps + 1
    assert window.act_page_break.isChecked()
    qtbot.waitUntil(lambda: window.runner.is_idle() and _starts_page(window, 0, 2), timeout=10000)
    assert window.preview.page_count() >= pages
    assert "另起一页" in window.outline_model.data(window.outline_model.index_of(("article", 0, 2)))
    form.keep_together.click()
    form.keep_together.click()  # two flips, two steps: a switch never merges
    assert window.doc.stack.count() == steps + 3
    window.act_undo.trigger()
    assert window.doc.article(0, 2).keep_together
    assert form.keep_together.isChecked()
    window.act_undo.trigger()
    window.act_undo.trigger()
    assert not window.doc.article(0, 2).page_break_before
    assert not form.page_break.isChecked() and not window.act_page_break.isChecked()
    qtbot.waitUntil(lambda: window.runner.is_idle() and not _starts_page(window, 0, 2), timeout=10000)


def test_the_outline_context_menu_offers_the_switches_for_an_article(qtbot, window) -> None:
    window.select_node(("article", 0, 2))
    shown: dict[str, list] = {}

    def close_menu() -> None:
        menu = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMenu) and w.isVisible())
        shown["actions"] = [a for a in menu.actions() if not a.isSeparator()]
        menu.close()

    QTimer.singleShot(50, close_menu)
    rect = window.outline.visualRect(window.outline.currentIndex())
    window.outline.customContextMenuRequested.emit(QPoint(rect.center()))
    assert window.act_page_break in shown["actions"] and window.act_keep_together in shown["actions"]
    assert window.act_keep_together.isEnabled() and not window.act_keep_together.isChecked()
    window.act_keep_together.trigger()
    assert window.doc.article(0, 2).keep_together
    assert window.editors.article.keep_together.isChecked()
    window.act_undo.trigger()
    assert not window.doc.article(0, 2).keep_together
    window.select_node(("masthead",))
    assert not window.act_page_break.isEnabled()
    window.act_page_break.trigger()  # nothing to do on the 报头
    assert not any(a.page_break_before for a in window.doc.issue.articles())


def test_ctrl_return_in_the_body_sets_the_page_break(qtbot, window) -> None:
    window.select_node(("article", 0, 1))
    body = window.editors.article.body
    body.setFocus()
    paragraphs = len(window.doc.article(0, 1).paragraphs)
    qtbot.keyClick(body, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.act_page_break.shortcut().toString() == "Ctrl+Return"
    assert window.doc.article(0, 1).page_break_before
    assert len(window.doc.article(0, 1).paragraphs) == paragraphs  # no new paragraph typed


def test_the_hints_reach_the_journal_and_come_back(qtbot, window, fake_archive) -> None:
    window.select_node(("article", 0, 1))
    window.editors.article.keep_together.click()
    qtbot.waitUntil(lambda: fake_archive.journal is not None, timeout=2500)
    entry = ArchiveLink(fake_archive, window.link.path).journal_get()
    assert entry is not None and entry.issue.sections[0].articles[1].keep_together
    assert entry.issue.sections[0].articles[1].title == window.doc.article(0, 1).title
