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
from typing import Any

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QKeySequence,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import QTextEdit, QWidget

from bulletin_desk.model import Paragraph, ParagraphKind, bad_character

KIND_STATES: dict[ParagraphKind, int] = {ParagraphKind.BODY: -1, ParagraphKind.H1: 1, ParagraphKind.H2: 2,
                                          ParagraphKind.H3: 3, ParagraphKind.H4: 4}
_STATE_KINDS = {v: k for k, v in KIND_STATES.items()}
# A tint per sub-heading level so the level is visible without inventing typography.
_KIND_TINT = {ParagraphKind.H1: "#fdecea", ParagraphKind.H2: "#eaf2fd", ParagraphKind.H3: "#eefaf0",
              ParagraphKind.H4: "#f6f0fb"}
# Not interface text (tests/gui/test_i18n.py): the pattern reads the Chinese body text.
_SENTENCE_END_PATTERN = r"[。！？!?][”’」』）)]*"
# How a pasted 栏目 heading and attribution read as body text (the print's own forms, not UI text).
_HEADING_LINE = "【{0}】"
_SOURCE_LINE = "（{0}）"
NOT_TRANSLATED = frozenset({_SENTENCE_END_PATTERN, _HEADING_LINE, _SOURCE_LINE})
_SENTENCE_END = re.compile(_SENTENCE_END_PATTERN)
_ENDS_SENTENCE = re.compile(_SENTENCE_END_PATTERN + r"\Z")


def first_sentence_end(text: str) -> int:
    """The length of the opening sentence including its 。！？ and closing quotes, or 0."""
    match = _SENTENCE_END.search(text)
    return match.end() if match else 0


class ParagraphEdit(QTextEdit):
    """Paragraphs of one article; emits `paragraphs_edited` with the parsed list after each edit."""

    paragraphs_edited = Signal(list)
    cursor_paragraph_changed = Signal(int)
    pasted_characters_removed = Signal(int)  # how many unprintable characters a paste dropped

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
        self._plain_after_lead()
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
            self._new_paragraph()
            return
        super().keyPressEvent(event)

    def _new_paragraph(self) -> None:
        """Enter: a new paragraph starts as body text in plain weight, whatever the one before was.

        At the very start of a non-empty paragraph the paragraph itself moves down unchanged —
        a sub-heading stays a sub-heading — and the new empty body paragraph opens above it.
        """
        self._loading = True
        try:
            cursor = self.textCursor()
            cursor.removeSelectedText()
            block = cursor.block()
            body = KIND_STATES[ParagraphKind.BODY]
            if cursor.positionInBlock() == 0 and block.length() > 1:
                kind_state, block_format = block.userState(), block.blockFormat()
                cursor.insertBlock(block_format, cursor.charFormat())
                cursor.block().setUserState(kind_state)
                above = QTextCursor(cursor.block().previous())
                above.setBlockFormat(QTextBlockFormat())
                above.block().setUserState(body)
            else:
                cursor.insertBlock(QTextBlockFormat(), _plain_format())
                cursor.block().setUserState(body)
            self.setTextCursor(cursor)
        finally:
            self._loading = False
        self.paragraphs_edited.emit(self.paragraphs())

    def _plain_after_lead(self) -> None:
        """At the end of a finished lead sentence, what is typed next is body text, not more lead.

        Qt types in the format of the character before the cursor, so after 首句。 (bold) every
        character would join the lead; a lead that ends in 。！？ is complete by definition.
        """
        cursor = self.textCursor()
        if cursor.hasSelection() or cursor.positionInBlock() == 0:
            return
        lead = _block_lead(cursor.block())
        if lead and cursor.positionInBlock() == len(lead) and _ENDS_SENTENCE.search(lead):
            self.setCurrentCharFormat(_plain_format())

    # ---- paste -------------------------------------------------------------------------------
    def insertFromMimeData(self, source: QMimeData) -> None:
        """Paste as paragraphs the model knows: bold leads kept (rich text) or detected (plain).

        Rich text (Word, WeChat, a web page) goes through the ingest room's HTML reader like an
        import, so images, tables and styles never reach the issue; a title, 按语 or attribution
        in what was pasted stays as a paragraph of its own — a paste into the body loses no text.
        A short snippet without a lead is typed inline at the cursor. Characters print cannot
        carry (controls, U+FFFC object placeholders, zero-width marks) are taken out and counted.
        """
        removed = 0
        pasted = None
        if source.hasHtml():
            html, removed = _strip_text(source.html())
            pasted = html_paragraphs(html)
        if pasted is None:
            text, removed = _strip_text(source.text())
            if not text.strip():
                return
            pasted = detect_paragraphs(text)
        pasted, also_removed = strip_unprintable(pasted)
        removed += also_removed
        if removed:
            self.pasted_characters_removed.emit(removed)
        if not pasted:
            return
        if len(pasted) == 1 and not pasted[0].lead and pasted[0].kind == ParagraphKind.BODY:
            self.textCursor().insertText(pasted[0].text, _plain_format())
            return
        cursor = self.textCursor()
        cursor.removeSelectedText()
        index = cursor.blockNumber()
        paragraphs = self.paragraphs()
        if not paragraphs[index].full_text.strip():
            paragraphs[index:index + 1] = pasted
        else:
            paragraphs[index + 1:index + 1] = pasted
        self.set_paragraphs(paragraphs)
        self.paragraphs_edited.emit(self.paragraphs())


def _body_family() -> str:
    """The installed family that paints body text (仿宋 or its stand-in), or "" when unknown."""
    try:
        from bulletin_desk.layout.page import Face
        from bulletin_desk.render.fonts import font_report

        return font_report()[Face.FANGSONG].family
    except Exception:
        return ""


def _block_lead(block: QTextBlock) -> str:
    """The bold characters that open `block` (its lead), as `ParagraphEdit.paragraphs` reads them."""
    lead = []
    it = block.begin()
    while not it.atEnd():
        fragment = it.fragment()
        if fragment.isValid():
            if fragment.charFormat().fontWeight() < QFont.Weight.DemiBold:
                break
            lead.append(fragment.text())
        it += 1
    return "".join(lead)


def _plain_format() -> QTextCharFormat:
    plain = QTextCharFormat()
    plain.setFontWeight(QFont.Weight.Normal)
    return plain


def _flatten(result: Any) -> list[Paragraph] | None:
    """An import result as body paragraphs, every line of text kept; None for a whole issue.

    A pasted submission's title, 按语 and attribution become paragraphs of their own (the editor
    pasted them into the body, so they stay there to be moved); a pasted whole issue (masthead,
    版记) cannot be flattened without loss, so the caller pastes it line by line instead.
    """
    if result.article is not None:
        articles, headings = [result.article], [""]
    elif result.issue is not None:
        issue = result.issue
        if issue.masthead.title or issue.masthead.office or any(vars(issue.colophon).values()):
            return None
        articles, headings = [], []
        for section in issue.sections:
            for number, article in enumerate(section.articles):
                articles.append(article)
                headings.append(section.heading if number == 0 else "")
    else:
        return None
    out: list[Paragraph] = []
    for heading, article in zip(headings, articles, strict=True):
        if heading:
            out.append(Paragraph(text=_HEADING_LINE.format(heading)))
        out.extend(Paragraph(text=line) for line in (article.title or "").split("\n") if line.strip())
        if article.note:
            out.append(Paragraph(text=article.note))
        out.extend(article.paragraphs)
        if article.source:
            out.append(Paragraph(text=_SOURCE_LINE.format(article.source)))
    return out


def detect_paragraphs(text: str) -> list[Paragraph]:
    """Pasted plain text → paragraphs with leads, through the ingest room's text reader."""
    from bulletin_desk.ingest import IngestError, import_text

    try:
        flat = _flatten(import_text(text))
    except IngestError:
        flat = None
    if flat is not None:
        return flat
    return [Paragraph(text=line.strip()) for line in text.splitlines() if line.strip()]


def html_paragraphs(html: str) -> list[Paragraph] | None:
    """Pasted HTML → paragraphs through the ingest room's HTML reader; None to paste the text."""
    from bulletin_desk.ingest import IngestError, import_html

    try:
        return _flatten(import_html(html))
    except IngestError:
        return None


def strip_unprintable(paragraphs: list[Paragraph]) -> tuple[list[Paragraph], int]:
    """Paragraphs without the characters print cannot carry, and how many were taken out."""
    removed = 0

    def clean(text: str) -> str:
        nonlocal removed
        kept = "".join(ch for ch in text if not _unprintable(ch))
        removed += len(text) - len(kept)
        return kept

    out = []
    for p in paragraphs:
        lead = clean(p.lead) if p.lead else None
        text = clean(p.text)
        if lead or text.strip():
            out.append(Paragraph(text=text, lead=lead or None, kind=p.kind))
    return out, removed


def _strip_text(text: str) -> tuple[str, int]:
    """Raw pasted text without unprintable characters (line breaks kept), and how many went."""
    kept = "".join(ch for ch in text if ch in "\r\n" or not _unprintable(ch))
    return kept, len(text) - len(kept)


def _unprintable(ch: str) -> bool:
    if ch in "\ufffc\u200b\u200c\u200d\u2060\ufeff\u2028\u2029\u00ad":
        return True
    return bad_character(ch) is not None
