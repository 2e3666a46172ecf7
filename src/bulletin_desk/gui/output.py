"""导出 DOCX, 导出 PDF and 打印 from the window.

All three use the LayoutProfile the preview uses. PDF and print paint the same PageLayout as the
preview (render/); the DOCX is written by export/ on a worker thread while a progress dialog keeps
the window alive. Printing is at real size, never scaled to fit; copies default to 印数; duplex is
on by default; "without the red masthead" is for pre-printed 红头 paper; a printer whose margins
cut into the 版心 is named before anything is printed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, QRunnable, QThreadPool, Signal
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QMessageBox,
    QProgressDialog,
    QSpinBox,
    QWidget,
)

from bulletin_desk.gui import messages

if TYPE_CHECKING:
    from bulletin_desk.gui.mainwindow import MainWindow


# ---- long work off the GUI thread --------------------------------------------------------------
class _Done(QObject):
    finished = Signal(object)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any], done: _Done) -> None:
        super().__init__()
        self._work = work
        self._done = done

    def run(self) -> None:
        try:
            result: object = self._work()
        except Exception as exc:
            result = exc
        self._done.finished.emit(result)


def run_with_progress(parent: QWidget, label: str, work: Callable[[], Any]) -> Any:
    """Run `work` on a worker thread; the window keeps repainting and shows a busy dialog."""
    done = _Done()
    loop = QEventLoop()
    box: dict[str, object] = {}

    def finish(result: object) -> None:
        box["result"] = result
        loop.quit()

    done.finished.connect(finish)
    progress = QProgressDialog(label, "", 0, 0, parent)
    progress.setCancelButton(None)
    progress.setMinimumDuration(400)
    progress.setWindowTitle(QCoreApplication.translate("Output", "请稍候"))
    QThreadPool.globalInstance().start(_Job(work, done))
    if "result" not in box:
        loop.exec()
    progress.close()
    result = box["result"]
    if isinstance(result, Exception):
        raise result
    return result


def current_layout(window: MainWindow) -> Any:
    """The PageLayout of the issue as it is now (the preview's, refreshed if edits are pending)."""
    from bulletin_desk.layout import layout_issue

    runner = window.runner
    return layout_issue(window.doc.issue, runner.profile, previous=runner.layout)


def _fail(window: MainWindow, title: str, exc: Exception) -> None:
    window.files._report_failure(title, exc)


# ---- export ------------------------------------------------------------------------------------
def export_docx(window: MainWindow) -> bool:
    from bulletin_desk.export import write_docx

    path = window.files.ask_save_path(QCoreApplication.translate("Output", "导出 DOCX"),
                                      window.files.suggested_name(".docx"),
                                      QCoreApplication.translate("Output", "Word 文档 (*.docx)"))
    if path is None:
        return False
    if path.suffix.lower() != ".docx":
        path = path.with_suffix(".docx")
    issue = window.doc.issue
    import copy

    snapshot, profile = copy.deepcopy(issue), window.runner.profile
    try:
        report = run_with_progress(window, QCoreApplication.translate("Output", "正在导出 DOCX……"),
                                   lambda: write_docx(snapshot, path, profile))
    except Exception as exc:
        _fail(window, QCoreApplication.translate("Output", "导出失败"), exc)
        return False
    warnings = list(getattr(report, "warnings", []) or [])
    if warnings:  # the file is written, but text was changed on the way: the editor must know where
        QMessageBox.warning(window, QCoreApplication.translate("Output", "已导出，但有文字被删除"),
                            "\n".join(messages.render(w) for w in warnings))
    window.statusBar().showMessage(QCoreApplication.translate("Output", "已导出：{0}").format(path), 8000)
    return True


def export_pdf(window: MainWindow) -> bool:
    from bulletin_desk.model import issue_label
    from bulletin_desk.render.pdf import write_pdf_from_layout

    path = window.files.ask_save_path(QCoreApplication.translate("Output", "导出 PDF"),
                                      window.files.suggested_name(".pdf"),
                                      QCoreApplication.translate("Output", "PDF 文件 (*.pdf)"))
    if path is None:
        return False
    if path.suffix.lower() != ".pdf":
        path = path.with_suffix(".pdf")
    masthead = window.doc.issue.masthead
    title = f"{masthead.title} {issue_label(masthead)}".strip()
    try:
        layout = current_layout(window)  # tens of ms; the painting of every page goes to a worker
        run_with_progress(window, QCoreApplication.translate("Output", "正在导出 PDF……"),
                          lambda: write_pdf_from_layout(layout, path, title=title))
    except Exception as exc:
        _fail(window, QCoreApplication.translate("Output", "导出失败"), exc)
        return False
    window.statusBar().showMessage(QCoreApplication.translate("Output", "已导出：{0}").format(path), 8000)
    return True


# ---- print -------------------------------------------------------------------------------------
@dataclass
class PrintChoice:
    copies: int
    duplex: bool = True
    without_masthead: bool = False


class PrintOptionsDialog(QDialog):
    """What the system print dialog does not know: 红头 paper, and the 印数 as the default copies."""

    def __init__(self, choice: PrintChoice, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("打印选项"))
        form = QFormLayout(self)
        self.copies = QSpinBox()
        self.copies.setRange(1, 9999)
        self.copies.setValue(choice.copies)
        form.addRow(self.tr("份数（默认为印数）"), self.copies)
        self.duplex = QCheckBox(self.tr("双面打印（长边翻转）"))
        self.duplex.setChecked(choice.duplex)
        form.addRow("", self.duplex)
        self.without_masthead = QCheckBox(self.tr("不印红色报头（使用预印红头纸）"))
        self.without_masthead.setChecked(choice.without_masthead)
        form.addRow("", self.without_masthead)
        form.addRow("", _note(self))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def choice(self) -> PrintChoice:
        return PrintChoice(self.copies.value(), self.duplex.isChecked(), self.without_masthead.isChecked())


def _note(parent: QWidget) -> QWidget:
    from PySide6.QtWidgets import QLabel

    label = QLabel(QCoreApplication.translate("PrintOptionsDialog", "始终按实际大小（A4，100%）打印，不缩放。"))
    label.setWordWrap(True)
    return label


class PrintFlow:
    """The steps of 打印; tests replace `ask_options` and `ask_printer`."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.page_count = 0  # of the layout being printed, known before the print dialog opens

    def ask_options(self, default: PrintChoice) -> PrintChoice | None:
        dialog = PrintOptionsDialog(default, self.window)
        return dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def ask_printer(self, printer: QPrinter) -> bool:
        """The system print dialog; its page range offers the issue's pages (`page_count`)."""
        dialog = QPrintDialog(printer, self.window)
        dialog.setOption(QPrintDialog.PrintDialogOption.PrintToFile, True)
        dialog.setOption(QPrintDialog.PrintDialogOption.PrintPageRange, True)
        dialog.setOption(QPrintDialog.PrintDialogOption.PrintCurrentPage, True)
        dialog.setMinMax(1, max(1, self.page_count))
        return dialog.exec() == QDialog.DialogCode.Accepted

    def chosen_pages(self, printer: QPrinter) -> tuple[int, int]:
        """The 1-based first and last page the print dialog asked for (all pages by default)."""
        count = max(1, self.page_count)
        match printer.printRange():
            case QPrinter.PrintRange.PageRange:
                first = min(max(1, printer.fromPage() or 1), count)
                return first, min(max(first, printer.toPage() or count), count)
            case QPrinter.PrintRange.CurrentPage:
                current = min(self.window.preview.current_page() + 1, count)
                return current, current
            case _:
                return 1, count

    def confirm_margins(self, text: str) -> bool:
        question = text + "\n\n" + QCoreApplication.translate("Output", "仍要打印吗？")
        answer = QMessageBox.warning(self.window, QCoreApplication.translate("Output", "打印机页边距"), question,
                                     QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                     QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def run(self, printer: QPrinter | None = None) -> int:
        """Print the issue; returns the number of pages sent (0 when cancelled)."""
        from bulletin_desk.render.painter import PaintOptions
        from bulletin_desk.render.printing import check_printer_margins, print_layout

        window = self.window
        choice = self.ask_options(PrintChoice(copies=window.doc.issue.copies or 1))
        if choice is None:
            return 0
        printer = printer or QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setCopyCount(choice.copies)
        printer.setDuplex(QPrinter.DuplexMode.DuplexLongSide if choice.duplex else QPrinter.DuplexMode.DuplexNone)
        printer.setFullPage(True)
        try:
            layout = current_layout(window)
        except Exception as exc:
            _fail(window, QCoreApplication.translate("Output", "打印失败"), exc)
            return 0
        self.page_count = len(layout.pages)
        if not self.ask_printer(printer):
            return 0
        first, last = self.chosen_pages(printer)
        try:
            check = check_printer_margins(printer, layout)
            if not check.fits and not self.confirm_margins(messages.render(check.message())):
                return 0
            pages = print_layout(layout, printer, PaintOptions(show_masthead=not choice.without_masthead),
                                 first=first, last=last)
        except Exception as exc:
            _fail(window, QCoreApplication.translate("Output", "打印失败"), exc)
            return 0
        sent = QCoreApplication.translate("Output", "已发送{0}页到打印机。").format(pages)
        window.statusBar().showMessage(sent, 8000)
        return pages


def print_issue(window: MainWindow) -> int:
    return window.files.print_flow().run()
