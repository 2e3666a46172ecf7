"""The body of an article as editable paragraphs, the lead sentence visibly bold.

One QTextEdit block is one `Paragraph`. Bold characters at the start of a block are its `lead`
(so what the editor sees bold is exactly what prints bold), the rest is `text`; the block's user
state carries its kind (正文 or a sub-heading level 一、/（一）/1./（1）). Bold anywhere else is
ignored: the official layout knows no other emphasis. Pasted rich text (Word, WeChat) keeps its
bold lead; pasted plain text gets the lead of each paragraph detected by the ingest room when it
is available.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeySequence, QTextBlockFormat, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit, QWidget

from bulletin_desk.model import Paragraph, ParagraphKind

KIND_STATES: dict[ParagraphKind, int] = {ParagraphKind.BODY: -1, ParagraphKind.H1: 1, ParagraphKind.H2: 2,
                                          ParagraphKind.H3: 3, ParagraphKind.H4: 4}
_STATE_KINDS = {v: k for k, v in KIND_STATES.items()}
# A tint per sub-heading level so the level is visible without inventing typography.
_KIND_TINT = {ParagraphKind.H1: "#fdecea", ParagraphKind.H2: "#eaf2fd", ParagraphKind.H3: "#eefaf0",
              ParagraphKind.H4: "#f6f0fb"}
# Not interface text (tests/gui/test_i18n.py): the pattern reads the Chinese body text.
_SENTENCE_END_PATTERN = r"[。！？!?][”’」』）)]*"
NOT_TRANSLATED = frozenset({_SENTENCE_END_PATTERN})
_SENTENCE_END = re.compile(_SENTENCE_END_PATTERN)


def first_sentence_end(text: str) -> int:
    """The length of the opening sentence including its 。！？ and closing quotes, or 0."""
    match = _SENTENCE_END.search(text)
    return match.end() if match else 0


class ParagraphEdit(QTextEdit):
    """Paragraphs of one article; emits `paragraphs_edited` with the parsed list after each edit."""

    paragraphs_edited = Signal(list)
    cursor_paragraph_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setUndoRedoEnabled(False)  # the issue's undo stack is the only one
        self.setAcceptRichText(True)
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF(), 11.0))
        body_face = _body_family()
        if body_face:  # the face the body prints in: Chinese, digits and Latin then look as on the page
            font.setFamilies([body_face, *font.families()])
        self.setFont(font)
        self._loading = False
        self._last_block = -1
        self.document().contentsChanged.connect(self._on_contents_changed)
        self.cursorPositionChanged.connect(self._on_cursor_moved)

    # ---- model → widget ----------------------------------------------------------------------
    def set_paragraphs(self, paragraphs: list[Paragraph], force: bool = False) -> None:
        """Show `paragraphs`; the cursor stays where it was when the text is only re-rendered."""
        if not force and paragraphs == self.paragraphs():
            return
        position = self.textCursor().position()
        self._loading = True
        try:
            self.document().clear()
            cursor = QTextCursor(self.document())
            for index, paragraph in enumerate(paragraphs):
                if index:
                    cursor.insertBlock()
                self._write_block(cursor, paragraph)
        finally:
            self._loading = False
        cursor = self.textCursor()
        cursor.setPosition(min(position, max(0, self.document().characterCount() - 1)))
        self.setTextCursor(cursor)

    def _write_block(self, cursor: QTextCursor, paragraph: Paragraph) -> None:
        block_format = QTextBlockFormat()
        tint = _KIND_TINT.get(paragraph.kind)
        if tint:
            block_format.setBackground(QColor(tint))
        cursor.setBlockFormat(block_format)
        cursor.block().setUserState(KIND_STATES[paragraph.kind])
        bold, plain = QTextCharFormat(), QTextCharFormat()
        bold.setFontWeight(QFont.Weight.Bold)
        plain.setFontWeight(QFont.Weight.Normal)
        if paragraph.lead:
            cursor.insertText(paragraph.lead, bold)
        cursor.insertText(paragraph.text, plain)
        cursor.setCharFormat(plain)

    # ---- widget → model ----------------------------------------------------------------------
    def paragraphs(self) -> list[Paragraph]:
        result: list[Paragraph] = []
        block = self.document().begin()
        while block.isValid():
            lead, rest, in_lead = [], [], True
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                if fragment.isValid():
                    is_bold = fragment.charFormat().fontWeight() >= QFont.Weight.DemiBold
                    if in_lead and is_bold:
                        lead.append(fragment.text())
                    else:
                        in_lead = False
                        rest.append(fragment.text())
                it += 1
            kind = _STATE_KINDS.get(block.userState(), ParagraphKind.BODY)
            lead_text = "".join(lead)
            result.append(Paragraph(text="".join(rest), lead=lead_text or None, kind=kind))
            block = block.next()
        return result

    def _on_contents_changed(self) -> None:
        if not self._loading:
            self.paragraphs_edited.emit(self.paragraphs())

    def _on_cursor_moved(self) -> None:
        number = self.textCursor().blockNumber()
        if number != self._last_block:
            self._last_block = number
            self.cursor_paragraph_changed.emit(number)

    # ---- commands on the current paragraph --------------------------------------------------
    def current_paragraph(self) -> int:
        return self.textCursor().blockNumber()

    def toggle_lead(self) -> None:
        """Bold the opening sentence of the current paragraph, or un-bold its lead.

        With a selection that starts at the paragraph's start, the selection becomes the lead.
        """
        cursor = self.textCursor()
        block = cursor.block()
        paragraphs = self.paragraphs()
        index = block.blockNumber()
        paragraph = paragraphs[index]
        full = paragraph.full_text
        if paragraph.lead:
            paragraphs[index] = Paragraph(text=full, lead=None, kind=paragraph.kind)
        else:
            if cursor.hasSelection() and cursor.selectionStart() == block.position():
                end = min(cursor.selectionEnd(), block.position() + block.length() - 1) - block.position()
            else:
                end = first_sentence_end(full)
            if end <= 0:
                return
            paragraphs[index] = Paragraph(text=full[end:], lead=full[:end], kind=paragraph.kind)
        self._replace_and_emit(paragraphs, index)

    def set_kind(self, kind: ParagraphKind) -> None:
        """Make the current paragraph body text or a sub-heading line (a heading has no lead)."""
        index = self.current_paragraph()
        paragraphs = self.paragraphs()
        paragraph = paragraphs[index]
        if paragraph.kind == kind:
            return
        if kind == ParagraphKind.BODY:
            paragraphs[index] = Paragraph(text=paragraph.text, lead=paragraph.lead, kind=kind)
        else:
            paragraphs[index] = Paragraph(text=paragraph.full_text, lead=None, kind=kind)
        self._replace_and_emit(paragraphs, index)

    def current_kind(self) -> ParagraphKind:
        return _STATE_KINDS.get(self.textCursor().block().userState(), ParagraphKind.BODY)

    def _replace_and_emit(self, paragraphs: list[Paragraph], index: int) -> None:
        position = self.textCursor().position()
        self.set_paragraphs(paragraphs)
        cursor = self.textCursor()
        cursor.setPosition(min(position, self.document().characterCount() - 1))
        self.setTextCursor(cursor)
        self.paragraphs_edited.emit(self.paragraphs())

    def keyPressEvent(self, event) -> None:
        if event.matches(QKeySequence.StandardKey.Bold):
            self.toggle_lead()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            # A new paragraph starts as body text in plain weight, whatever the one before was.
            self._loading = True
            try:
                cursor = self.textCursor()
                cursor.insertBlock(QTextBlockFormat(), _plain_format())
                cursor.block().setUserState(KIND_STATES[ParagraphKind.BODY])
                self.setTextCursor(cursor)
            finally:
                self._loading = False
            self.paragraphs_edited.emit(self.paragraphs())
            return
        super().keyPressEvent(event)

    # ---- paste -------------------------------------------------------------------------------
    def insertFromMimeData(self, source: QMimeData) -> None:
        """Paste keeping bold leads (rich text) or detecting them (plain text), nothing else."""
        if source.hasHtml():
            self._loading = True
            try:
                super().insertFromMimeData(source)
            finally:
                self._loading = False
            self._normalise()
            return
        text = source.text()
        if not text:
            return
        pasted = detect_paragraphs(text)
        if len(pasted) <= 1 and not (pasted and pasted[0].lead):
            super().insertFromMimeData(source)
            return
        cursor = self.textCursor()
        index = cursor.blockNumber()
        paragraphs = self.paragraphs()
        current = paragraphs[index]
        if not current.full_text.strip():
            paragraphs[index:index + 1] = pasted
        else:
            paragraphs[index + 1:index + 1] = pasted
        self.set_paragraphs(paragraphs)
        self.paragraphs_edited.emit(self.paragraphs())

    def _normalise(self) -> None:
        """After a rich paste: keep only what the model knows (paragraphs, bold lead, kind)."""
        paragraphs = [Paragraph(text=p.text.replace("\u2028", ""), lead=p.lead, kind=p.kind)
                      for p in self.paragraphs()]
        self.set_paragraphs(paragraphs, force=True)
        self.paragraphs_edited.emit(self.paragraphs())


def _body_family() -> str:
    """The installed family that paints body text (仿宋 or its stand-in), or "" when unknown."""
    try:
        from bulletin_desk.layout.page import Face
        from bulletin_desk.render.fonts import font_report

        return font_report()[Face.FANGSONG].family
    except Exception:
        return ""


def _plain_format() -> QTextCharFormat:
    plain = QTextCharFormat()
    plain.setFontWeight(QFont.Weight.Normal)
    return plain


def detect_paragraphs(text: str) -> list[Paragraph]:
    """Pasted plain text → paragraphs with leads, through the ingest room when it is installed."""
    try:
        from bulletin_desk.ingest import import_text  # type: ignore[attr-defined]
    except ImportError:
        import_text = None
    if import_text is not None:
        try:
            result = import_text(text)
            article = getattr(result, "article", None)
            if article is None and getattr(result, "issue", None) is not None:
                articles = result.issue.articles()
                article = articles[0] if len(articles) == 1 else None
            if article is not None and article.paragraphs:
                return list(article.paragraphs)
        except Exception:
            pass
    return [Paragraph(text=line.strip()) for line in text.splitlines() if line.strip()]
