"""信息采用统计: a period, by unit or by 栏目, a table and a bar chart, CSV export.

The figures are the core's (`IssueRepository.statistics`, archive/statistics.py: who counts, which
issues, 采用率, 字数) and so is the CSV (`write_statistics_csv`, atomic). The chart is a small
QPainter widget (QtCharts is not in PySide6-Essentials): per row a pale bar for 报送数 and a dark
one for 采用数, on one scale.
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from bulletin_desk.archive.statistics import format_rate, total_row, write_statistics_csv
from bulletin_desk.catalogue import Message
from bulletin_desk.gui import messages

if TYPE_CHECKING:
    from bulletin_desk.gui.mainwindow import MainWindow

SUBMITTED_COLOUR = QColor("#b7c9e2")
ADOPTED_COLOUR = QColor("#2f5597")


def preset_period(name: str, today: _dt.date) -> tuple[_dt.date, _dt.date]:
    """今年 / 去年 / 本月 as (first day, last day)."""
    if name == "last_year":
        return _dt.date(today.year - 1, 1, 1), _dt.date(today.year - 1, 12, 31)
    if name == "this_month":
        first = today.replace(day=1)
        following = (first + _dt.timedelta(days=32)).replace(day=1)
        return first, following - _dt.timedelta(days=1)
    return _dt.date(today.year, 1, 1), _dt.date(today.year, 12, 31)


class BarChart(QWidget):
    """Horizontal bars, one row per key: 报送数 (pale) behind 采用数 (dark)."""

    ROW = 22
    LABEL = 150

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statsChart")
        self.rows: list[tuple[str, int, int]] = []
        self.bars: list[tuple[QRectF, QRectF]] = []  # where the last paint put each row's two bars
        self.empty_text = ""  # said in the middle when the period has nothing, so a blank is never a puzzle

    def set_rows(self, rows: list[tuple[str, int, int]]) -> None:
        self.rows = rows
        self.setMinimumHeight(self.ROW * max(1, len(rows)) + 30)
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(420, self.ROW * max(1, len(self.rows)) + 30)

    def layout_bars(self) -> list[tuple[QRectF, QRectF]]:
        width = max(10.0, self.width() - self.LABEL - 60.0)
        top = max([max(s, a) for _k, s, a in self.rows] + [1])
        out = []
        for i, (_key, submitted, adopted) in enumerate(self.rows):
            y = 6.0 + i * self.ROW
            out.append((QRectF(self.LABEL, y, width * submitted / top, self.ROW - 6),
                        QRectF(self.LABEL, y + 4, width * adopted / top, self.ROW - 14)))
        return out

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().base())
        self.bars = self.layout_bars()
        if not self.rows and self.empty_text:
            painter.setPen(self.palette().placeholderText().color())
            painter.drawText(QRectF(self.rect()).adjusted(12, 12, -12, -12),
                             int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap), self.empty_text)
        for (key, submitted, adopted), (back, front) in zip(self.rows, self.bars, strict=True):
            painter.setPen(self.palette().text().color())
            painter.drawText(QRectF(4, back.top(), self.LABEL - 8, back.height()),
                             int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), key)
            painter.fillRect(back, SUBMITTED_COLOUR)
            painter.fillRect(front, ADOPTED_COLOUR)
            painter.drawText(QRectF(back.right() + 4, back.top(), 56, back.height()),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), f"{adopted}/{submitted}")
        painter.end()


class StatsDialog(QDialog):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.repo: Any = window.link.repo
        self.rows: list[Any] = []
        self.setWindowTitle(self.tr("信息采用统计"))
        self.resize(1000, 620)
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.preset = QComboBox()
        for text, key in ((self.tr("今年"), "this_year"), (self.tr("去年"), "last_year"),
                          (self.tr("本月"), "this_month"), (self.tr("自定义"), "custom")):
            self.preset.addItem(text, key)
        self.date_from = QDateEdit()
        self.date_to = QDateEdit()
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.dateChanged.connect(lambda _d: self._dates_edited())
        self.by_source = QRadioButton(self.tr("按单位"))
        self.by_section = QRadioButton(self.tr("按栏目"))
        self.by_source.setChecked(True)
        self.by_source.toggled.connect(lambda _on: self.refresh())
        for widget in (QLabel(self.tr("时段")), self.preset, QLabel(self.tr("从")), self.date_from,
                       QLabel(self.tr("到")), self.date_to, self.by_source, self.by_section):
            bar.addWidget(widget)
        bar.addStretch(1)
        self.export_button = QPushButton(self.tr("导出 CSV…"))
        self.export_button.clicked.connect(lambda _c=False: self.export_csv())
        bar.addWidget(self.export_button)
        layout.addLayout(bar)
        split = QSplitter(Qt.Orientation.Horizontal)
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("statsTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(False)
        split.addWidget(self.table)
        self.chart = BarChart()
        split.addWidget(self.chart)
        split.setSizes([560, 420])
        layout.addWidget(split, 1)
        self.legend = QLabel(self.tr("浅色：报送数　深色：采用数"))
        layout.addWidget(self.legend)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._setting_dates = False
        self.preset.currentIndexChanged.connect(lambda _i: self.apply_preset())
        self.apply_preset()

    @property
    def by(self) -> str:
        return "source" if self.by_source.isChecked() else "section"

    def period(self) -> tuple[_dt.date, _dt.date]:
        return self.date_from.date().toPython(), self.date_to.date().toPython()  # type: ignore[return-value]

    def apply_preset(self, today: _dt.date | None = None) -> None:
        key = self.preset.currentData()
        if key == "custom":
            return
        start, end = preset_period(key, today or _dt.date.today())
        self._setting_dates = True
        self.date_from.setDate(QDate(start.year, start.month, start.day))
        self.date_to.setDate(QDate(end.year, end.month, end.day))
        self._setting_dates = False
        self.refresh()

    def _dates_edited(self) -> None:
        if self._setting_dates:
            return
        self.preset.blockSignals(True)
        self.preset.setCurrentIndex(self.preset.findData("custom"))
        self.preset.blockSignals(False)
        self.refresh()

    def set_period(self, start: _dt.date, end: _dt.date) -> None:
        self._setting_dates = True
        self.date_from.setDate(QDate(start.year, start.month, start.day))
        self.date_to.setDate(QDate(end.year, end.month, end.day))
        self._setting_dates = False
        self._dates_edited()

    def refresh(self) -> None:
        start, end = self.period()
        try:
            self.rows = self.repo.statistics(start, end, by=self.by)
        except Exception as exc:
            self.rows = []
            self.window_.files._report_failure(self.tr("统计失败"), exc)
        self._fill()

    def _fill(self) -> None:
        lang = messages.language()
        first = "archive.stats.col_unit" if self.by == "source" else "archive.stats.col_section"
        headers = [Message(first).render(lang)] + [Message(f"archive.stats.col_{c}").render(lang)
                                                   for c in ("submitted", "adopted", "rate", "chars")]
        self.table.setHorizontalHeaderLabels(headers)
        none_key = Message("archive.stats.no_key").render(lang)
        lines = [[r.key or none_key, r.submitted, r.adopted, format_rate(r.rate), r.chars] for r in self.rows]
        if self.rows:
            lines.append(total_row(self.rows, lang))
        self.table.setRowCount(len(lines))
        for i, line in enumerate(lines):
            for c, value in enumerate(line):
                item = QTableWidgetItem(str(value))
                if c:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(i, c, item)
        self.table.resizeColumnsToContents()
        self.chart.empty_text = self.tr("所选时段内没有报送的稿件，也没有已签发的简报。\n"
                                        "采用数只统计已签发（未删除）的各期；示例期不计入。")
        self.chart.set_rows([(r.key or none_key, r.submitted, r.adopted) for r in self.rows])

    def ask_csv_path(self) -> Path | None:
        start, end = self.period()
        name, _f = QFileDialog.getSaveFileName(self, self.tr("导出 CSV"), f"stats-{start}-{end}.csv",
                                               self.tr("CSV 文件 (*.csv)"))
        return Path(name) if name else None

    def export_csv(self, path: Path | None = None) -> Path | None:
        path = path or self.ask_csv_path()
        if path is None:
            return None
        try:
            written = write_statistics_csv(self.rows, path, self.by, messages.language())
        except Exception as exc:
            self.window_.files._report_failure(self.tr("导出失败"), exc)
            return None
        self.window_.statusBar().showMessage(self.tr("统计已导出到：{0}").format(written), 6000)
        return Path(written)


def open_stats(window: MainWindow) -> None:
    if window.link is None:
        window.files._no_archive()
        return
    StatsDialog(window).exec()
