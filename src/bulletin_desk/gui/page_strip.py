"""The page strip: a thumbnail of every page under the preview; a click scrolls the preview there.

Editors squeezing an issue onto 2 or 4 pages want to see the whole issue at once: where each article
starts, which page the 版记 fell on. Thumbnails are painted by the same `paint_page` as the preview.
They must never stall typing, so a thumbnail is painted only for a page that changed (the layout
engine hands back the very same Page object for an unchanged page) and one page per event-loop turn.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPixmap
from PySide6.QtWidgets import QListView, QListWidget, QListWidgetItem, QWidget

THUMB_WIDTH = 64  # px; an A4 page is then 90 px high


class PageStrip(QListWidget):
    page_clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pageStrip")
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(False)
        self.setMovement(QListView.Movement.Static)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setIconSize(QSize(THUMB_WIDTH, int(THUMB_WIDTH * 297 / 210)))
        self.setSpacing(4)
        self.setUniformItemSizes(True)
        self.setFixedHeight(self.iconSize().height() + self.fontMetrics().height() + 34)
        self._pages: list[Any] = []
        self._painted: dict[int, tuple[Any, QIcon]] = {}  # page index → (the Page painted, its icon)
        self._todo: list[int] = []
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._paint_next)
        self.itemClicked.connect(lambda item: self.page_clicked.emit(self.row(item)))

    def set_layout(self, layout: Any) -> None:
        """Show the pages of a new PageLayout; unchanged pages keep their thumbnails."""
        pages = list(layout.pages) if layout is not None else []
        self._pages = pages
        while self.count() > len(pages):
            self.takeItem(self.count() - 1)
        self._todo = []
        for index, page in enumerate(pages):
            item = self.item(index)
            if item is None:
                item = QListWidgetItem()
                item.setTextAlignment(Qt.AlignmentFlag.AlignHCenter)
                self.addItem(item)
            number = page.page_number
            item.setText(str(number) if number is not None else self.tr("空白"))
            item.setToolTip(self.tr("第{0}页").format(index + 1))
            painted = self._painted.get(index)
            if painted is not None and painted[0] is page:
                item.setIcon(painted[1])
            else:
                if item.icon().isNull():
                    item.setIcon(self._blank_icon())
                self._todo.append(index)
        for stale in [i for i in self._painted if i >= len(pages)]:
            del self._painted[stale]
        if self._todo:
            self._timer.start()

    def repaint_all(self) -> None:
        """Paint every thumbnail again: the stand-in font changed (设置), the pages did not."""
        self._painted.clear()
        self._todo = list(range(len(self._pages)))
        if self._todo:
            self._timer.start()

    def pending(self) -> int:
        """Thumbnails still to paint (tests and the benchmark wait for 0)."""
        return len(self._todo)

    def show_current(self, index: int) -> None:
        """Mark the page the preview shows (scrolling the preview moves the mark)."""
        if 0 <= index < self.count() and index != self.currentRow():
            self.blockSignals(True)
            self.setCurrentRow(index)
            self.blockSignals(False)
            self.scrollToItem(self.item(index))

    def _blank_icon(self) -> QIcon:
        pixmap = QPixmap(self.iconSize())
        pixmap.fill(QColor("#ffffff"))
        return QIcon(pixmap)

    def _paint_next(self) -> None:
        if not self._todo:
            self._timer.stop()
            return
        index = self._todo.pop(0)
        if index >= len(self._pages):
            return
        page = self._pages[index]
        icon = QIcon(QPixmap.fromImage(render_thumbnail(page, self.iconSize())))
        self._painted[index] = (page, icon)
        item = self.item(index)
        if item is not None:
            item.setIcon(icon)


def render_thumbnail(page: Any, size: QSize) -> QImage:
    """A page scaled into `size` (white paper, grey edge), painted by render/'s `paint_page`."""
    from bulletin_desk.gui.preview import painter_function

    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("#ffffff"))
    paint_page = painter_function()
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        if paint_page is not None:
            scale = min(size.width() / page.width, size.height() / page.height)
            painter.save()
            painter.scale(scale, scale)
            paint_page(page, painter, None)
            painter.restore()
        painter.setPen(QColor("#9aa0a6"))
        painter.drawRect(0, 0, size.width() - 1, size.height() - 1)
    finally:
        painter.end()
    return image
