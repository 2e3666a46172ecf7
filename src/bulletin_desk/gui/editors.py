"""The editing pane: one form per outline node (报头, 栏目, 文章, 版记), stacked.

Forms only bind widgets to field paths (gui/fields.py); the article body is a `ParagraphEdit`.
Numbering help (the archive's proposal, the duplicate warning) comes in as callables so the
forms stay free of archive code.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from bulletin_desk.gui.document import IssueDocument, NodeKey
from bulletin_desk.gui.fields import FieldForm
from bulletin_desk.gui.paragraphs import ParagraphEdit
from bulletin_desk.model import Masthead, ParagraphKind, article_char_count

NumberProposal = Callable[[Masthead], tuple[int | None, int | None] | None]
DuplicateCheck = Callable[[Masthead], str | None]
# Not interface text (tests/gui/test_i18n.py): the marks are printed top left of the bulletin itself, in
# Chinese whatever the interface language.
CLASSIFICATION_MARKS = ("", "内部资料", "内部资料　注意保存", "秘密", "机密")
NOT_TRANSLATED = frozenset(CLASSIFICATION_MARKS)


def _spin(maximum: int, none_text: str) -> QSpinBox:
    box = QSpinBox()
    box.setRange(0, maximum)
    box.setSpecialValueText(none_text)  # the minimum shows this and means "none"
    return box


def _lines(height_lines: int) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(edit.fontMetrics().lineSpacing() * height_lines + 14)
    return edit


class MastheadForm(FieldForm):
    def __init__(self, doc: IssueDocument, parent: QWidget | None = None) -> None:
        super().__init__(doc, parent)
        self.propose: NumberProposal | None = None
        self.check_duplicate: DuplicateCheck | None = None
        form = QFormLayout(self)
        self.title = self.bind_line("title", QLineEdit())
        form.addRow(self.tr("简报名称"), self.title)
        self.number = self.bind_int("number", _spin(999, self.tr("无")))
        self.total = self.bind_int("total_number", _spin(99999, self.tr("无")))
        self.propose_button = QPushButton(self.tr("按档案建议"))
        self.propose_button.setToolTip(self.tr("按档案中本简报的最近一期建议第N期与总第M期"))
        self.propose_button.clicked.connect(self._apply_proposal)
        numbers = QHBoxLayout()
        # One translatable phrase split at its two fields, so a language words it whole and may leave a
        # part empty (English has nothing after the cumulative number).
        before, between, after = ([*re.split(r"\{[01]\}", self.tr("第{0}期　总第{1}期"), maxsplit=2), "", ""])[:3]
        for widget in (before, self.number, between, self.total, after):
            if isinstance(widget, str):
                if widget.strip():
                    numbers.addWidget(QLabel(widget.strip()))
            else:
                numbers.addWidget(widget)
        numbers.addWidget(self.propose_button)
        numbers.addStretch(1)
        form.addRow(self.tr("期号"), numbers)
        self.duplicate_warning = QLabel()
        self.duplicate_warning.setStyleSheet("color: #b00000;")
        self.duplicate_warning.setWordWrap(True)
        self.duplicate_warning.hide()
        form.addRow("", self.duplicate_warning)
        self.supplement = self.bind_bool("supplement", QCheckBox(self.tr("增刊（单独编号）")))
        form.addRow("", self.supplement)
        self.office = self.bind_line("office", QLineEdit())
        form.addRow(self.tr("编印单位"), self.office)
        self.has_date = QCheckBox()
        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat(self.tr("yyyy年M月d日"))  # a QDate format: the translation must be one too
        self.bind_date("date", self.date, self.has_date)
        dates = QHBoxLayout()
        dates.addWidget(self.has_date)
        dates.addWidget(self.date, 1)
        form.addRow(self.tr("日期"), dates)
        self.classification = QComboBox()
        self.classification.setEditable(True)
        self.classification.addItems(list(CLASSIFICATION_MARKS))
        self.classification.setToolTip(self.tr("内部资料或密级标志，印在左上角；留空则不印"))
        self.bind_combo("classification", self.classification)
        form.addRow(self.tr("内部资料/密级"), self.classification)
        # Checked when the numbers can have changed, not on every keystroke: the check reads the archive.
        doc.field_changed.connect(lambda path: path[0] == "masthead" and self._update_duplicate_warning())
        doc.structure_changed.connect(lambda _focus: self._update_duplicate_warning())
        doc.stored_changed.connect(self._update_duplicate_warning)

    def _apply_proposal(self) -> None:
        if self.propose is None:
            return
        proposal = self.propose(self.doc.issue.masthead)
        if proposal is None:
            return
        number, total = proposal
        if number is not None:
            self.doc.set_field(("masthead", "number"), number, self.tr("建议期号"))
        if total is not None:
            self.doc.set_field(("masthead", "total_number"), total, self.tr("建议期号"))

    def _update_duplicate_warning(self) -> None:
        text = self.check_duplicate(self.doc.issue.masthead) if self.check_duplicate else None
        self.duplicate_warning.setText(text or "")
        self.duplicate_warning.setVisible(bool(text))


class SectionForm(FieldForm):
    def __init__(self, doc: IssueDocument, parent: QWidget | None = None) -> None:
        super().__init__(doc, parent)
        form = QFormLayout(self)
        self.heading = self.bind_line("heading", QLineEdit())
        self.heading.setPlaceholderText(self.tr("栏目名称（印为【栏目名称】）"))
        form.addRow(self.tr("栏目"), self.heading)
        self.summary = QLabel()
        form.addRow("", self.summary)
        doc.changed.connect(self._update_summary)

    def refresh(self) -> None:
        super().refresh()
        self._update_summary()

    def _update_summary(self) -> None:
        if self.prefix is None or self.prefix[1] >= len(self.doc.issue.sections):
            return
        section = self.doc.section(self.prefix[1])
        chars = sum(article_char_count(a) for a in section.articles)
        self.summary.setText(self.tr("{0}篇文章，共{1}字").format(len(section.articles), chars))


class ArticleForm(FieldForm):
    """Title (an explicit line break allowed), source, 按语, and the body paragraphs."""

    paragraph_focused = Signal(int, int, int)  # section, article, paragraph

    def __init__(self, doc: IssueDocument, parent: QWidget | None = None) -> None:
        super().__init__(doc, parent)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)
        self.title = self.bind_text("title", _lines(2))
        self.title.setToolTip(self.tr("回车处即标题的换行位置；不换行时由排版自动平衡两行"))
        form.addRow(self.tr("标题"), self.title)
        self.source = self.bind_line("source", QLineEdit(), optional=True)
        self.source.setPlaceholderText(self.tr("供稿单位，印为（某某区文明办）"))
        form.addRow(self.tr("来源"), self.source)
        self.note = self.bind_text("note", _lines(3), optional=True)
        self.note.setPlaceholderText(self.tr("按语（可空）"))
        form.addRow(self.tr("按语"), self.note)
        # The last squeeze onto 2 or 4 pages: hints the layout, the PDF and the DOCX all follow.
        hints = QHBoxLayout()
        self.page_break = self.bind_bool("page_break_before", QCheckBox(self.tr("另起一页")))
        self.page_break.setToolTip(self.tr("手动分页：本文（栏目第一篇时连同栏目名）从新的一页开始"))
        self.keep_together = self.bind_bool("keep_together", QCheckBox(self.tr("本文不跨页")))
        self.keep_together.setToolTip(self.tr("本文会被分到两页时整篇移到下一页；超过一页长的文章不受影响"))
        hints.addWidget(self.page_break)
        hints.addWidget(self.keep_together)
        hints.addStretch(1)
        form.addRow(self.tr("分页"), hints)
        tools = QHBoxLayout()
        self.lead_button = QPushButton(self.tr("首句加粗 (Ctrl+B)"))
        self.lead_button.setToolTip(self.tr("把本段第一句设为加粗的首句，再按一次取消"))
        self.lead_button.clicked.connect(self._toggle_lead)
        tools.addWidget(self.lead_button)
        tools.addWidget(QLabel(self.tr("段落级别")))
        self.kind = QComboBox()
        for kind, label in ((ParagraphKind.BODY, self.tr("正文")), (ParagraphKind.H1, self.tr("一级标题 一、")),
                            (ParagraphKind.H2, self.tr("二级标题 （一）")), (ParagraphKind.H3, self.tr("三级标题 1.")),
                            (ParagraphKind.H4, self.tr("四级标题 （1）"))):
            self.kind.addItem(label, kind)
        self.kind.activated.connect(self._set_kind)
        tools.addWidget(self.kind)
        tools.addStretch(1)
        self.count = QLabel()
        tools.addWidget(self.count)
        layout.addLayout(tools)
        self.body = ParagraphEdit()
        self.body.paragraphs_edited.connect(self._body_edited)
        self.body.cursor_paragraph_changed.connect(self._cursor_moved)
        layout.addWidget(self.body, 1)
        doc.field_changed.connect(self._on_paragraphs_changed)

    def refresh(self) -> None:
        super().refresh()
        if self.prefix is None:
            return
        self.body.set_paragraphs(self.doc.get(("paragraphs", self.prefix[1], self.prefix[2])))
        self._update_count()

    def _body_edited(self, paragraphs: list) -> None:
        if self.prefix is None:
            return
        self.doc.set_field(("paragraphs", self.prefix[1], self.prefix[2]), paragraphs, self.tr("编辑正文"))
        self._update_count()

    def _on_paragraphs_changed(self, path: tuple) -> None:
        if self.prefix is None:
            return
        if path[0] == "paragraphs" and tuple(path[1:]) == tuple(self.prefix[1:]):
            self.body.set_paragraphs(self.doc.get(path))
        self._update_count()

    def _update_count(self) -> None:
        if self.prefix is None:
            return
        try:
            article = self.doc.article(self.prefix[1], self.prefix[2])
        except IndexError:
            return
        self.count.setText(self.tr("{0}字").format(article_char_count(article)))

    def _toggle_lead(self) -> None:
        self.body.toggle_lead()
        self.body.setFocus()

    def _set_kind(self, _row: int) -> None:
        self.body.set_kind(self.kind.currentData())
        self.body.setFocus()

    def _cursor_moved(self, paragraph: int) -> None:
        index = self.kind.findData(self.body.current_kind())
        self.kind.setCurrentIndex(max(index, 0))
        if self.prefix is not None:
            self.paragraph_focused.emit(self.prefix[1], self.prefix[2], paragraph)


class ColophonForm(QWidget):
    """版记: 责编/核稿/签发, contacts, 报/送/发/抄送 and 印数 (three prefixes, one form)."""

    def __init__(self, doc: IssueDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.colophon = FieldForm(doc)
        form = QFormLayout(self.colophon)
        self.editor = self.colophon.bind_line("editor", QLineEdit(), optional=True)
        self.reviewer = self.colophon.bind_line("reviewer", QLineEdit(), optional=True)
        self.approver = self.colophon.bind_line("approver", QLineEdit(), optional=True)
        self.phone = self.colophon.bind_line("phone", QLineEdit(), optional=True)
        self.fax = self.colophon.bind_line("fax", QLineEdit(), optional=True)
        self.email = self.colophon.bind_line("email", QLineEdit(), optional=True)
        for label, widget in ((self.tr("责编"), self.editor), (self.tr("核稿"), self.reviewer),
                              (self.tr("签发"), self.approver), (self.tr("电话"), self.phone),
                              (self.tr("传真"), self.fax), (self.tr("邮箱"), self.email)):
            form.addRow(label, widget)
        self.distribution = FieldForm(doc)
        form2 = QFormLayout(self.distribution)
        self.report_to = self.distribution.bind_text("report_to", _lines(2), optional=True)
        self.send_to = self.distribution.bind_text("send_to", _lines(2), optional=True)
        self.issue_to = self.distribution.bind_text("issue_to", _lines(2), optional=True)
        self.cc = self.distribution.bind_text("cc", _lines(2), optional=True)
        for label, widget in ((self.tr("报"), self.report_to), (self.tr("送"), self.send_to),
                              (self.tr("发"), self.issue_to), (self.tr("抄送"), self.cc)):
            form2.addRow(label, widget)
        self.copies_form = FieldForm(doc)
        form3 = QFormLayout(self.copies_form)
        self.copies = self.copies_form.bind_int("copies", _spin(100000, self.tr("不印")))
        form3.addRow(self.tr("印数（共印N份）"), self.copies)
        layout.addWidget(QLabel(self.tr("<b>版记</b>")))
        layout.addWidget(self.colophon)
        layout.addWidget(QLabel(self.tr("<b>发送范围</b>")))
        layout.addWidget(self.distribution)
        layout.addWidget(self.copies_form)
        layout.addStretch(1)

    def refresh(self) -> None:
        self.colophon.set_prefix(("colophon",))
        self.distribution.set_prefix(("distribution",))
        self.copies_form.set_prefix(())


class EditorStack(QStackedWidget):
    """Shows the form for the selected outline node."""

    def __init__(self, doc: IssueDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.empty = QLabel(self.tr("在左侧大纲中选择报头、栏目、文章或版记进行编辑。"))
        self.masthead = MastheadForm(doc)
        self.section = SectionForm(doc)
        self.article = ArticleForm(doc)
        self.colophon = ColophonForm(doc)
        for widget in (self.empty, self.masthead, self.section, self.article, self.colophon):
            self.addWidget(widget)
        self.node: NodeKey | None = None

    def show_node(self, node: NodeKey | None) -> None:
        self.node = node
        for form in (self.section, self.article):
            form.prefix = None
        if node is None:
            self.setCurrentWidget(self.empty)
        elif node[0] == "masthead":
            self.masthead.set_prefix(("masthead",))
            self.setCurrentWidget(self.masthead)
        elif node[0] == "section":
            self.section.set_prefix(("section", node[1]))
            self.setCurrentWidget(self.section)
        elif node[0] == "article":
            self.article.set_prefix(("article", node[1], node[2]))
            self.setCurrentWidget(self.article)
        else:
            self.colophon.refresh()
            self.setCurrentWidget(self.colophon)
