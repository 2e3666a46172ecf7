"""The 稿件库's one dialog for what a submission is filed under: unit, date received, 栏目 (and, typed, its text).

One dialog serves three moments, so the same fields behave the same way each time:

* importing a file — the unit, the day it arrived (today by default: most mail is filed the day it
  comes, but a backlog is not) and the 栏目 it is meant for;
* typing one in — the same, with the title and the text;
* correcting one already in the pool — prefilled; the pool saves it through
  ``update_submission``, which refuses a change that would break an adoption's link.

The 栏目 is an editable list of the archive's known 栏目 (``section_names``). Until the editor
chooses one, it follows the unit's template (``section_of``): a unit with a template files itself,
and one without is offered the real 栏目 instead of falling into the blank row of the statistics.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from bulletin_desk.archive.records import Submission
from bulletin_desk.model import Article, Paragraph


class SubmissionDialog(QDialog):
    """Unit, date received and 栏目 of a submission; ``typed=True`` adds its title and text."""

    def __init__(self, units: list[str], sections: list[str], section_of: Callable[[str], str], *,
                 typed: bool = False, current: Submission | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.typed = typed
        self.section_of = section_of
        if current is not None:
            self.setWindowTitle(self.tr("修改稿件信息"))
        elif typed:
            self.setWindowTitle(self.tr("新建稿件"))
        else:
            self.setWindowTitle(self.tr("导入稿件"))
        form = QFormLayout(self)
        self.unit = QComboBox()
        self.unit.setEditable(True)
        self.unit.addItems(units)
        self.received = QDateEdit(_dt.date.today() if current is None else current.received)
        self.received.setCalendarPopup(True)
        self.received.setDisplayFormat("yyyy-MM-dd")
        self.section = QComboBox()
        self.section.setEditable(True)
        self.section.addItems(sections)
        line = self.section.lineEdit()
        assert line is not None
        line.setPlaceholderText(self.tr("选择或输入栏目"))
        form.addRow(self.tr("报送单位"), self.unit)
        form.addRow(self.tr("收稿日期"), self.received)
        form.addRow(self.tr("栏目"), self.section)
        self.title = QLineEdit()
        self.text = QPlainTextEdit()
        if typed:
            self.resize(620, 480)
            form.addRow(self.tr("标题"), self.title)
            form.addRow(self.tr("正文（每行一段）"), self.text)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        # The 栏目 follows the unit's template until the editor picks or types one (then it is theirs).
        self.section_chosen = False
        line.textEdited.connect(self._section_by_hand)
        self.section.activated.connect(self._section_by_hand)
        self.unit.currentTextChanged.connect(self._unit_changed)
        if current is not None:
            self.unit.setCurrentText(current.unit)
            self.section.setCurrentText(current.section)
            # a 栏目 other than the template's was chosen by someone: a new unit must not overwrite it
            self.section_chosen = current.section != section_of(current.unit)
        else:
            self.unit.setCurrentIndex(0 if units else -1)
            self._unit_changed(self.unit.currentText())

    def _section_by_hand(self, *_args: object) -> None:
        self.section_chosen = True

    def _unit_changed(self, unit: str) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(unit.strip()))  # the archive refuses a submission without a unit anyway
        if not self.section_chosen:
            self.section.setCurrentText(self.section_of(unit.strip()) if unit.strip() else "")

    def values(self) -> tuple[str, _dt.date, str]:
        """(unit, date received, 栏目) as entered, trimmed."""
        received: QDate = self.received.date()
        return (self.unit.currentText().strip(), received.toPython(),  # type: ignore[return-value]
                self.section.currentText().strip())

    def submission(self) -> Submission:
        """The typed submission: a paragraph per non-blank line, credited to the unit."""
        unit, received, section = self.values()
        paragraphs = [Paragraph(text=line.strip()) for line in self.text.toPlainText().splitlines() if line.strip()]
        article = Article(title=self.title.text().strip(), source=unit, paragraphs=paragraphs)
        return Submission(unit=unit, received=received, article=article, origin="typed", section=section)


__all__ = ["SubmissionDialog"]
