"""The status bar: pages, 字数, layout profile, font status (a click explains the stand-ins)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QPushButton

from bulletin_desk.gui import messages
from bulletin_desk.gui.fit import compute_fit
from bulletin_desk.model import issue_char_count


def font_report() -> list[tuple[str, str, bool, str]] | None:
    """(face label, family used, is official, explanation) per face, from render/, or None."""
    try:
        from bulletin_desk.render.fonts import font_report as render_font_report
    except ImportError:
        return None
    return [(item.label_zh, item.family, item.official, messages.render(item.message()))
            for item in render_font_report().faces]


class StatusPanel(QObject):
    """Owns the permanent widgets of the window's status bar."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        bar = window.statusBar()
        self.pages = QLabel()
        self.chars = QLabel()
        self.profile = QLabel()
        self.fonts = QPushButton()
        self.fonts.setFlat(True)
        self.fonts.setCursor(Qt.CursorShape.PointingHandCursor)
        self.fonts.clicked.connect(self.explain_fonts)
        self.autosave_warning = QLabel()  # stays until a journal write succeeds again
        self.autosave_warning.setStyleSheet("color: #b00000; font-weight: bold;")
        self.autosave_warning.setVisible(False)
        for widget in (self.autosave_warning, self.pages, self.chars, self.profile, self.fonts):
            bar.addPermanentWidget(widget)
        self.page_count: int | None = None
        self.fit = None
        self._report = font_report()
        self._show_fonts()

    def show_autosave_failure(self, reason: str) -> None:
        self.autosave_warning.setText(self.tr("自动保存失败，请立即保存"))
        self.autosave_warning.setToolTip(reason)
        self.autosave_warning.setVisible(True)

    def clear_autosave_failure(self) -> None:
        self.autosave_warning.setVisible(False)

    def update_counts(self) -> None:
        doc = self.window.doc  # type: ignore[attr-defined]
        self.chars.setText(self.tr("字数：{0}").format(issue_char_count(doc.issue)))

    def update_layout(self, layout: Any) -> None:
        self.page_count = len(layout.pages)
        self.pages.setText(self.tr("共{0}页").format(self.page_count))
        runner = self.window.runner  # type: ignore[attr-defined]
        name = getattr(layout, "profile_name", "") or runner.profile_name
        # the profile's own label (e.g. GB/T 9704 简报（A4，22 行 × 28 字）) reads better than its file name
        self.profile.setText(self.tr("版式：{0}").format(getattr(runner.profile, "label_zh", "") or name))
        self.profile.setToolTip(name)
        fit = compute_fit(layout, runner.profile)
        label = self.window.fit_label  # type: ignore[attr-defined]
        if fit is None:
            label.setText(self.tr("共{0}页").format(self.page_count))
        elif fit.overflow_lines > 0:
            label.setText(self.tr("超出{0}行 · 共{1}页").format(fit.overflow_lines, self.page_count))
            label.setToolTip(self.tr("版记被挤到单独一页：删去{0}行即可与正文同页").format(fit.overflow_lines))
            label.setStyleSheet("color: #b00000; font-weight: bold;")
        else:
            label.setText(self.tr("本页剩余{0}行 · 共{1}页").format(fit.remaining_lines, self.page_count))
            label.setToolTip("")
            label.setStyleSheet("")
        self.fit = fit

    def refresh_fonts(self) -> None:
        """Read the font report again: the editor chose another stand-in in 设置."""
        self._report = font_report()
        self._show_fonts()

    def _show_fonts(self) -> None:
        if self._report is None:
            self.fonts.setText(self.tr("字体：未检测"))
            return
        stand_ins = [row for row in self._report if not row[2]]
        if not stand_ins:
            self.fonts.setText(self.tr("字体：公文字体齐全"))
        elif len(stand_ins) == len(self._report):  # a list of every face would crowd the status bar
            self.fonts.setText(self.tr("字体：均用替代字体"))
        else:
            names = self.tr("、", "list separator").join(row[0] for row in stand_ins)
            self.fonts.setText(self.tr("字体：{0}用替代字体").format(names))
        self.fonts.setToolTip(self.tr("点击查看字体详情"))

    def explain_fonts(self) -> None:
        if self._report is None:
            text = self.tr("字体检测模块未就绪。")
        else:
            rows = "".join(f"<li>{explanation}</li>" for _label, _family, _ok, explanation in self._report)
            text = self.tr(
                "<p>公文规定的字体（如方正小标宋简体、仿宋_GB2312）未安装时，预览、PDF 与打印使用替代字体。"
                "排版按规定字体的字宽计算，换行和分页不受影响，只是字形略有差别。"
                "安装正式字体后重新启动即可使用；替代字体可在“设置”中另选。</p><ul>{0}</ul>").format(rows)
        QMessageBox.information(self.window, self.tr("字体情况"), text)
