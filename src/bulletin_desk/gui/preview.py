"""The live preview: the pages exactly as the layout engine laid them out, painted by render/.

Pages are stacked vertically on a grey desk. Zoom is pixels per point; fit width and fit page
recompute it from the viewport. A new layout keeps the reader's place (the same page and offset).
A click on a line reports its SourceRef (→ outline and editor); `show_source` scrolls to the first
line of a paragraph (← editing cursor).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QScrollArea, QWidget

PAGE_GAP_PT = 18.0
MIN_ZOOM, MAX_ZOOM = 0.2, 4.0


def painter_function() -> Any:
    try:
        from bulletin_desk.render.painter import paint_page
    except ImportError:
        return None
    return paint_page


class PagesCanvas(QWidget):
    """Paints all pages of a PageLayout at `zoom` pixels per point."""

    line_clicked = Signal(object)  # SourceRef

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layout_result: Any = None
        self.zoom = 1.0
        self.message = ""
        self.highlight: Any = None  # the Line under the editing cursor
        self.setMouseTracking(False)
        self.setAutoFillBackground(False)

    # ---- geometry in points ------------------------------------------------------------------
    def pages(self) -> list[Any]:
        return list(self.layout_result.pages) if self.layout_result is not None else []

    def page_top(self, index: int) -> float:
        """Top of page `index` in points from the canvas top."""
        top = PAGE_GAP_PT
        for page in self.pages()[:index]:
            top += page.height + PAGE_GAP_PT
        return top

    def page_left(self, page: Any) -> float:
        width_pt = self.width() / self.zoom
        return max(PAGE_GAP_PT, (width_pt - page.width) / 2)

    def content_size(self) -> QSize:
        pages = self.pages()
        if not pages:
            return QSize(400, 300)
        width = max(p.width for p in pages) + 2 * PAGE_GAP_PT
        height = self.page_top(len(pages))
        return QSize(int(width * self.zoom), int(height * self.zoom))

    def sizeHint(self) -> QSize:
        return self.content_size()

    def page_at(self, y_pt: float) -> int:
        for index in range(len(self.pages())):
            if y_pt < self.page_top(index + 1):
                return index
        return max(0, len(self.pages()) - 1)

    # ---- painting ----------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#8a8f96"))
        paint_page = painter_function()
        if not self.pages() or paint_page is None:
            painter.setPen(QColor("#ffffff"))
            painter.drawText(self.rect().adjusted(20, 20, -20, -20), Qt.AlignmentFlag.AlignHCenter,
                             self.message)
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        visible = QRectF(event.rect())
        for index, page in enumerate(self.pages()):
            top, left = self.page_top(index), self.page_left(page)
            rect = QRectF(left * self.zoom, top * self.zoom, page.width * self.zoom, page.height * self.zoom)
            if not rect.intersects(visible):
                continue
            painter.fillRect(rect.translated(3, 3), QColor(0, 0, 0, 60))
            painter.fillRect(rect, QColor("#ffffff"))
            painter.save()
            painter.translate(rect.topLeft())
            painter.scale(self.zoom, self.zoom)
            paint_page(page, painter, None)
            if self.highlight is not None and self.highlight[0] == index:
                line = self.highlight[1]
                size = max((r.size for r in line.runs), default=16.0)
                painter.setPen(QPen(QColor(30, 110, 220, 200), 1.2))
                painter.drawLine(QPointF(line.x - 6, line.baseline - size), QPointF(line.x - 6, line.baseline + 2))
            painter.restore()

    # ---- click → source ----------------------------------------------------------------------
    def line_at(self, x_px: float, y_px: float) -> tuple[int, Any] | None:
        x_pt, y_pt = x_px / self.zoom, y_px / self.zoom
        index = self.page_at(y_pt)
        pages = self.pages()
        if not pages:
            return None
        page = pages[index]
        local_y = y_pt - self.page_top(index)
        local_x = x_pt - self.page_left(page)
        best, best_distance = None, 1e9
        for line in page.lines:
            if line.source is None:
                continue
            size = max((r.size for r in line.runs), default=16.0)
            top, bottom = line.baseline - size, line.baseline + size * 0.3
            if top <= local_y <= bottom and -20 <= local_x <= page.width + 20:
                distance = abs(local_y - (line.baseline - size / 2))
                if distance < best_distance:
                    best, best_distance = line, distance
        return (index, best) if best is not None else None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        hit = self.line_at(event.position().x(), event.position().y())
        if hit is not None:
            self.line_clicked.emit(hit[1].source)
        super().mousePressEvent(event)

    def find_line(self, section: int, article: int, paragraph: int | None) -> tuple[int, Any] | None:
        """The first line printed from a paragraph (or from the article's title when None)."""
        for index, page in enumerate(self.pages()):
            for line in page.lines:
                source = line.source
                if source is None or source.section != section or source.article != article:
                    continue
                if paragraph is None or source.paragraph == paragraph:
                    return index, line
        return None


class PreviewView(QScrollArea):
    """The scrollable preview with zoom, fit width and fit page."""

    source_clicked = Signal(object)  # SourceRef
    zoom_changed = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.canvas = PagesCanvas()
        self.canvas.line_clicked.connect(self.source_clicked)
        self.setWidget(self.canvas)
        self.setWidgetResizable(False)
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.fit_mode = "width"  # "width", "page" or "" (a fixed zoom)
        self.set_message(self.tr("正在排版……"))

    def set_message(self, text: str) -> None:
        self.canvas.message = text
        self.canvas.update()

    def set_layout(self, layout: Any) -> None:
        """Show a new PageLayout, keeping the reader on the same page and offset."""
        bar = self.verticalScrollBar()
        y_pt = bar.value() / self.canvas.zoom
        page = self.canvas.page_at(y_pt)
        offset = y_pt - self.canvas.page_top(page)
        had_pages = bool(self.canvas.pages())
        self.canvas.layout_result = layout
        self._apply_zoom()
        if had_pages:
            page = min(page, len(self.canvas.pages()) - 1)
            bar.setValue(int((self.canvas.page_top(page) + offset) * self.canvas.zoom))

    def page_count(self) -> int:
        return len(self.canvas.pages())

    # ---- zoom ----------------------------------------------------------------------------------
    def set_zoom(self, zoom: float) -> None:
        self.fit_mode = ""
        self._set_zoom_value(zoom)

    def fit_width(self) -> None:
        self.fit_mode = "width"
        self._apply_zoom()

    def fit_page(self) -> None:
        self.fit_mode = "page"
        self._apply_zoom()

    def zoom_in(self) -> None:
        self.set_zoom(self.canvas.zoom * 1.2)

    def zoom_out(self) -> None:
        self.set_zoom(self.canvas.zoom / 1.2)

    def _apply_zoom(self) -> None:
        pages = self.canvas.pages()
        if pages and self.fit_mode:
            page = pages[0]
            viewport = self.viewport().size()
            by_width = (viewport.width() - 4) / (page.width + 2 * PAGE_GAP_PT)
            if self.fit_mode == "width":
                zoom = by_width
            else:
                zoom = min(by_width, (viewport.height() - 4) / (page.height + 2 * PAGE_GAP_PT))
            self._set_zoom_value(zoom)
        else:
            self._set_zoom_value(self.canvas.zoom)

    def _set_zoom_value(self, zoom: float) -> None:
        zoom = max(MIN_ZOOM, min(MAX_ZOOM, zoom))
        changed = abs(zoom - self.canvas.zoom) > 1e-6
        self.canvas.zoom = zoom
        self.canvas.resize(self.canvas.content_size())
        self.canvas.update()
        if changed:
            self.zoom_changed.emit(zoom)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        if self.fit_mode:
            self._apply_zoom()

    # ---- editing cursor → preview ------------------------------------------------------------
    def show_source(self, section: int, article: int, paragraph: int | None) -> bool:
        found = self.canvas.find_line(section, article, paragraph)
        if found is None:
            return False
        index, line = found
        self.canvas.highlight = found
        page = self.canvas.pages()[index]
        y = (self.canvas.page_top(index) + line.baseline) * self.canvas.zoom
        x = (self.canvas.page_left(page) + line.x) * self.canvas.zoom
        self.ensureVisible(int(x), int(y), 40, int(self.viewport().height() / 3))
        self.canvas.update()
        return True

    def current_page(self) -> int:
        """The page at the top third of the view (the page strip marks it)."""
        y_pt = (self.verticalScrollBar().value() + self.viewport().height() / 3) / self.canvas.zoom
        return self.canvas.page_at(y_pt)

    def show_page(self, index: int) -> None:
        self.verticalScrollBar().setValue(int(self.canvas.page_top(index) * self.canvas.zoom) - 4)
