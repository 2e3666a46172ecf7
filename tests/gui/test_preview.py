"""The live preview follows the document: pages, line text, click → source, cursor → scroll, fit readout."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor

from bulletin_desk.gui.fit import compute_fit
from bulletin_desk.gui.testhook import type_text
from bulletin_desk.layout import layout_issue, load_profile


def _settle(qtbot, window) -> None:
    """Wait until the debounced layout ran and the preview shows the document's current state."""
    qtbot.waitUntil(lambda: window.runner.is_idle() and window.preview.page_count() > 0, timeout=10000)


def _texts(window) -> list[str]:
    return [line.text for page in window.preview.canvas.pages() for line in page.lines]


def test_preview_shows_the_layout_engines_pages(qtbot, window) -> None:
    _settle(qtbot, window)
    expected = layout_issue(window.doc.issue, load_profile())
    assert window.preview.page_count() == len(expected.pages) == 5
    assert _texts(window) == [line.text for page in expected.pages for line in page.lines]
    assert window.status.pages.text() == "共5页"
    assert "22 行 × 28 字" in window.status.profile.text()
    assert window.status.profile.toolTip() == "gbt9704-bulletin"
    assert window.status.chars.text() == "字数：1937"


def test_typing_updates_the_preview_text_and_page_count(qtbot, window) -> None:
    _settle(qtbot, window)
    window.select_node(("article", 0, 0))
    form = window.editors.article
    cursor = form.title.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    form.title.setTextCursor(cursor)
    type_text(form.title, "新增字样")
    qtbot.waitUntil(lambda: any("新增字样" in t for t in _texts(window)), timeout=10000)
    # a long paragraph pushes the issue onto another page
    pages = window.preview.page_count()
    body = form.body
    cursor = body.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    body.setTextCursor(cursor)
    body.textCursor().insertText("很长的补充内容。" * 120)
    qtbot.waitUntil(lambda: window.preview.page_count() > pages, timeout=10000)
    window.act_undo.trigger()
    qtbot.waitUntil(lambda: window.preview.page_count() == pages, timeout=10000)


def test_latest_layout_wins_after_a_burst_of_edits(qtbot, window) -> None:
    _settle(qtbot, window)
    for n in range(15):
        window.doc.set_field(("article", 0, 1, "title"), f"标题第{n}稿")
        window.runner.request_now()  # no debounce: jobs pile up, only the newest may be shown
    qtbot.waitUntil(lambda: window.runner.is_idle(), timeout=10000)
    texts = _texts(window)
    assert any("标题第14稿" in t for t in texts)
    assert not any("标题第13稿" in t for t in texts)


def test_click_on_a_preview_line_selects_its_article_and_paragraph(qtbot, window) -> None:
    _settle(qtbot, window)
    canvas = window.preview.canvas
    target = None
    for index, page in enumerate(canvas.pages()):
        for line in page.lines:
            if line.source and line.source.article == 1 and line.source.paragraph == 2:
                target = (index, page, line)
                break
        if target:
            break
    index, page, line = target
    zoom = canvas.zoom
    x = (canvas.page_left(page) + line.x + 30) * zoom
    y = (canvas.page_top(index) + line.baseline - 5) * zoom
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=QPoint(int(x), int(y)))
    assert window.current_node() == ("article", 0, 1)
    assert window.editors.article.body.current_paragraph() == 2


def test_editing_cursor_scrolls_the_preview(qtbot, window) -> None:
    _settle(qtbot, window)
    window.preview.set_zoom(1.5)
    window.select_node(("article", 0, 2))
    body = window.editors.article.body
    bar = window.preview.verticalScrollBar()
    block = body.document().findBlockByNumber(3)
    cursor = body.textCursor()
    cursor.setPosition(block.position())
    body.setTextCursor(cursor)
    found = window.preview.canvas.find_line(0, 2, 3)
    assert found is not None
    index, line = found
    top = (window.preview.canvas.page_top(index) + line.baseline) * window.preview.canvas.zoom
    assert bar.value() <= top <= bar.value() + window.preview.viewport().height()
    assert window.preview.canvas.highlight == found


def test_zoom_fit_width_and_fit_page(qtbot, window) -> None:
    _settle(qtbot, window)
    preview = window.preview
    preview.fit_width()
    wide = preview.canvas.zoom
    preview.fit_page()
    whole = preview.canvas.zoom
    assert whole < wide
    page = preview.canvas.pages()[0]
    assert (page.height + 36) * whole <= preview.viewport().height()
    preview.zoom_in()
    assert preview.fit_mode == ""
    assert abs(preview.canvas.zoom - 1.2 * whole) < 1e-6


def test_fit_readout_counts_grid_lines(qtbot, window) -> None:
    _settle(qtbot, window)
    profile = load_profile()
    fit = compute_fit(window.runner.layout, profile)
    assert fit is not None
    assert (fit.pages, fit.remaining_lines, fit.overflow_lines) == (5, 8, 0)
    assert window.fit_label.text() == "本页剩余8行 · 共5页"
    # nine more lines of text: the 版记 no longer fits under the text and is pushed onto page 6
    import copy

    paragraphs = copy.deepcopy(window.doc.article(0, 2).paragraphs)
    paragraphs[-1].text += "补" * (28 * 9)
    window.doc.set_field(("paragraphs", 0, 2), paragraphs)
    qtbot.waitUntil(lambda: window.fit_label.text().startswith("超出"), timeout=10000)
    fit = compute_fit(window.runner.layout, profile)
    assert fit.overflow_lines >= 1 and fit.pages == 6
    assert window.fit_label.text() == f"超出{fit.overflow_lines}行 · 共6页"


def test_page_strip_shows_every_page_and_a_click_scrolls_the_preview(qtbot, window) -> None:
    _settle(qtbot, window)
    strip = window.page_strip
    qtbot.waitUntil(lambda: strip.pending() == 0, timeout=10000)
    assert strip.count() == window.preview.page_count() == 5
    assert [strip.item(i).text() for i in range(strip.count())] == ["1", "2", "3", "4", "5"]
    image = strip.item(0).icon().pixmap(strip.iconSize()).toImage()
    reds = sum(1 for x in range(image.width()) for y in range(image.height() // 3)
               if image.pixelColor(x, y).red() - image.pixelColor(x, y).green() > 60)
    assert reds > 0  # the thumbnail of page 1 shows the red masthead: it was painted by paint_page
    window.preview.set_zoom(1.0)
    rect = strip.visualItemRect(strip.item(3))
    qtbot.mouseClick(strip.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.preview.current_page() == 3
    assert strip.currentRow() == 3
    # an edit on page 5 repaints page 5 only: the other thumbnails are kept
    kept = {i: strip._painted[i][1].cacheKey() for i in range(4)}
    window.doc.set_field(("article", 0, 2, "source"), "改过的来源")
    window.runner.request_now()
    qtbot.waitUntil(lambda: window.runner.is_idle() and strip.pending() == 0, timeout=10000)
    assert {i: strip._painted[i][1].cacheKey() for i in range(4)} == kept
