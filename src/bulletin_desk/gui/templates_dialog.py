"""模板管理 (district templates) and 从模板新建稿件.

The dialog lists the archive's templates and edits one at a time: unit, district, 栏目, contact,
phone and the paragraph skeleton (bold lead + text per row). Create, duplicate, delete and save go
straight to the repository (archive/templates_repo.py); import/export read and write the core's
``bulletin-desk-templates/1`` file (model/templates.py). The preview shows the article the template
makes (`article_from_template`).

Unsaved edits are never dropped silently: the form's template is compared with the one it showed
(`is_dirty`), and before another unit is shown, a new template started, one duplicated or the dialog
closed, `settle_edits` asks 保存/不保存/取消 — Cancel keeps the row and the edits. Comparing rather than
flagging each keystroke means typing a change and typing it back is no change, and an empty skeleton
row (which saving drops) is none either.

`new_article_from_template` puts that article into the open issue under the template's 栏目 —
creating the 栏目 when the issue has none of that name — as one undo step.
"""

from __future__ import annotations

import copy
import html
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from bulletin_desk.catalogue import BulletinDeskError
from bulletin_desk.gui import messages
from bulletin_desk.model import Issue, Paragraph, Section
from bulletin_desk.model.templates import DistrictTemplate, article_from_template, dump_templates_bytes, loads_templates

if TYPE_CHECKING:
    from bulletin_desk.gui.mainwindow import MainWindow

# Not interface text (tests/gui/test_i18n.py): the attribution brackets of the bulletin itself.
PREVIEW_SOURCE = "（{0}）"
NOT_TRANSLATED = frozenset({PREVIEW_SOURCE})


def article_preview_html(template: DistrictTemplate) -> str:
    """The article a template makes, as simple HTML: source line, then each paragraph with its bold lead."""
    article = article_from_template(template)
    parts = []
    if article.source:
        parts.append(f"<p>{html.escape(PREVIEW_SOURCE.format(article.source))}</p>")
    for p in article.paragraphs:
        parts.append(f"<p><b>{html.escape(p.lead)}</b>{html.escape(p.text)}</p>")
    return "".join(parts)


class TemplatesDialog(QDialog):
    """List, create, edit, duplicate, delete, import and export the archive's district templates."""

    def __init__(self, repo: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.repo = repo
        self.setWindowTitle(self.tr("模板管理"))
        self.resize(980, 620)
        self.templates: list[DistrictTemplate] = []
        self.current: DistrictTemplate | None = None
        self._row = -1  # the list row the form shows (-1: a new template, or none)
        self._shown = DistrictTemplate()  # the form as last shown or saved, for `is_dirty`
        layout = QHBoxLayout(self)
        left = QVBoxLayout()
        self.list = QListWidget()
        self.list.setObjectName("templateList")
        self.list.currentRowChanged.connect(self._on_row)
        left.addWidget(self.list, 1)
        row = QHBoxLayout()
        self.new_button = self._button(row, self.tr("新建"), self.new_template)
        self.duplicate_button = self._button(row, self.tr("复制"), self.duplicate_template)
        self.delete_button = self._button(row, self.tr("删除"), self.delete_template)
        left.addLayout(row)
        row = QHBoxLayout()
        self.import_button = self._button(row, self.tr("导入…"), self.import_file)
        self.export_button = self._button(row, self.tr("导出…"), self.export_file)
        left.addLayout(row)
        layout.addLayout(left, 2)

        middle = QVBoxLayout()
        form = QFormLayout()
        self.unit = QLineEdit()
        self.district = QLineEdit()
        self.section = QLineEdit()
        self.contact = QLineEdit()
        self.phone = QLineEdit()
        for label, edit in ((self.tr("单位（署名）"), self.unit), (self.tr("区"), self.district),
                            (self.tr("默认栏目"), self.section), (self.tr("联系人"), self.contact),
                            (self.tr("电话"), self.phone)):
            form.addRow(label, edit)
            edit.textEdited.connect(lambda _t: self._refresh_preview())
        middle.addLayout(form)
        middle.addWidget(QLabel(self.tr("段落骨架（每行一段：加粗首句、正文）")))
        self.skeleton = QTableWidget(0, 2)
        self.skeleton.setHorizontalHeaderLabels([self.tr("加粗首句"), self.tr("正文")])
        self.skeleton.horizontalHeader().setStretchLastSection(True)
        self.skeleton.itemChanged.connect(lambda _i: self._refresh_preview())
        middle.addWidget(self.skeleton, 1)
        row = QHBoxLayout()
        self._button(row, self.tr("添加段落"), self.add_paragraph_row)
        self._button(row, self.tr("删除段落"), self.remove_paragraph_row)
        row.addStretch(1)
        self.save_button = self._button(row, self.tr("保存模板"), self.save_current)
        middle.addLayout(row)
        layout.addLayout(middle, 3)

        right = QVBoxLayout()
        right.addWidget(QLabel(self.tr("<b>预览：由此模板生成的文章</b>")))
        self.preview = QTextBrowser()
        self.preview.setObjectName("templatePreview")
        right.addWidget(self.preview, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        right.addWidget(buttons)
        layout.addLayout(right, 3)
        self.reload()

    def _button(self, row: QHBoxLayout, text: str, slot: Any) -> QPushButton:
        button = QPushButton(text)
        button.clicked.connect(lambda _checked=False: slot())
        row.addWidget(button)
        return button

    def _fail(self, exc: Exception) -> None:
        text = messages.render(exc) if isinstance(exc, BulletinDeskError) else str(exc)
        QMessageBox.warning(self, self.tr("模板管理"), text)

    # ---- list ---------------------------------------------------------------------------------
    def reload(self, select_id: int | None = None) -> None:
        """Read the templates again and show ``select_id`` (else the first); the form's edits are dropped."""
        self.templates = self.repo.templates()
        self.list.blockSignals(True)
        self.list.clear()
        for t in self.templates:
            item = QListWidgetItem(self.tr("{0}　{1}").format(t.unit, t.section) if t.section else t.unit)
            item.setData(Qt.ItemDataRole.UserRole, t.id)
            self.list.addItem(item)
        self.list.blockSignals(False)
        ids = [t.id for t in self.templates]
        row = ids.index(select_id) if select_id in ids else (0 if ids else -1)
        self._set_list_row(row)
        self._show_row(row)

    def _set_list_row(self, row: int) -> None:
        """Move the list's current row without `_on_row` (the form is handled by the caller)."""
        self.list.blockSignals(True)
        self.list.setCurrentRow(row)
        self.list.blockSignals(False)

    def _show_row(self, row: int) -> None:
        self._row = row
        self.current = self.templates[row] if 0 <= row < len(self.templates) else None
        self._show(self.current or DistrictTemplate())

    def _on_row(self, row: int) -> None:
        """Another unit chosen in the list: show it, once the form's unsaved edits are saved or discarded.

        Cancel (or a save that fails) puts the list back on the row being edited, edits untouched.
        """
        if row == self._row:
            return
        target = self.templates[row].id if 0 <= row < len(self.templates) else None
        if not self.settle_edits():
            self._set_list_row(self._row)
            return
        if target is not None:  # saving read the list again: find the chosen unit by its id
            row = next((i for i, t in enumerate(self.templates) if t.id == target), -1)
        self._set_list_row(row)
        self._show_row(row)

    def is_dirty(self) -> bool:
        """The form differs from the template it showed (or from the last save)."""
        return self.edited() != self._shown

    def settle_edits(self) -> bool:
        """True when the form may be replaced or closed: no unsaved edits, or saved (保存) or discarded
        (不保存) now; False when the editor chose 取消 or saving failed (the warning was shown)."""
        if not self.is_dirty():
            return True
        name = self.unit.text().strip() or (self.current.unit if self.current else "")
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.question(self, self.tr("模板管理"),
                                      self.tr("模板“{0}”有未保存的修改，是否保存？").format(name),
                                      buttons.Save | buttons.Discard | buttons.Cancel, buttons.Save)
        if answer == buttons.Save:
            return self.save_current() is not None
        return answer == buttons.Discard

    def reject(self) -> None:
        """Close, Esc and the window's × ask about unsaved edits first; 取消 keeps the dialog open."""
        if self.settle_edits():
            super().reject()

    def _show(self, t: DistrictTemplate) -> None:
        for edit, value in ((self.unit, t.unit), (self.district, t.district), (self.section, t.section),
                            (self.contact, t.contact), (self.phone, t.phone)):
            edit.setText(value)
        self.skeleton.blockSignals(True)
        self.skeleton.setRowCount(0)
        for p in t.skeleton:
            self._append_row(p.lead, p.text)
        self.skeleton.blockSignals(False)
        self._shown = self.edited()
        self._refresh_preview()

    def _append_row(self, lead: str, text: str) -> None:
        row = self.skeleton.rowCount()
        self.skeleton.insertRow(row)
        self.skeleton.setItem(row, 0, QTableWidgetItem(lead))
        self.skeleton.setItem(row, 1, QTableWidgetItem(text))

    # ---- editing ------------------------------------------------------------------------------
    def edited(self) -> DistrictTemplate:
        """The template as the form shows it (the current one's id, so saving updates it)."""
        paragraphs = []
        for row in range(self.skeleton.rowCount()):
            lead = (self.skeleton.item(row, 0) or QTableWidgetItem("")).text()
            text = (self.skeleton.item(row, 1) or QTableWidgetItem("")).text()
            if lead or text:
                paragraphs.append(Paragraph(text=text, lead=lead))
        return DistrictTemplate(id=self.current.id if self.current else None, unit=self.unit.text().strip(),
                                district=self.district.text().strip(), section=self.section.text().strip(),
                                contact=self.contact.text().strip(), phone=self.phone.text().strip(),
                                skeleton=paragraphs)

    def _refresh_preview(self) -> None:
        self.preview.setHtml(article_preview_html(self.edited()))

    def add_paragraph_row(self) -> None:
        self._append_row("", "")

    def remove_paragraph_row(self) -> None:
        row = self.skeleton.currentRow()
        if row >= 0:
            self.skeleton.removeRow(row)
            self._refresh_preview()

    def save_current(self) -> DistrictTemplate | None:
        try:
            saved = self.repo.save_template(self.edited())
        except Exception as exc:
            self._fail(exc)
            return None
        self.reload(saved.id)
        return saved

    def new_template(self) -> None:
        """An empty form for a new unit (stored by 保存模板); the form's edits are settled first."""
        if not self.settle_edits():
            return
        self._set_list_row(-1)  # no row current, so a click on the one shown before switches back
        self._row = -1
        self.current = None
        self._show(DistrictTemplate(unit=self.tr("新单位")))
        self.unit.setFocus()
        self.unit.selectAll()

    def duplicate_template(self) -> DistrictTemplate | None:
        """A stored copy of the current template (its saved state: the form's edits are settled first)."""
        if self.current is None or not self.settle_edits():
            return None
        copy_ = copy.deepcopy(self.current)
        copy_.id = None
        units = {t.unit for t in self.templates}
        base = self.tr("{0}（副本）").format(copy_.unit)
        name, n = base, 2
        while name in units:
            name, n = f"{base}{n}", n + 1
        copy_.unit = name
        try:
            saved = self.repo.save_template(copy_)
        except Exception as exc:
            self._fail(exc)
            return None
        self.reload(saved.id)
        return saved

    def confirm(self, title: str, text: str) -> bool:
        return QMessageBox.question(self, title, text) == QMessageBox.StandardButton.Yes

    def delete_template(self) -> None:
        if self.current is None or self.current.id is None:
            return
        if not self.confirm(self.tr("删除模板"), self.tr("删除“{0}”的模板？").format(self.current.unit)):
            return
        try:
            self.repo.delete_template(self.current.id)
        except Exception as exc:
            self._fail(exc)
            return
        self.reload()

    # ---- import / export ------------------------------------------------------------------------
    def ask_open_path(self) -> Path | None:
        name, _f = QFileDialog.getOpenFileName(self, self.tr("导入模板"), "",
                                               self.tr("模板文件 (*.json);;所有文件 (*)"))
        return Path(name) if name else None

    def ask_save_path(self) -> Path | None:
        name, _f = QFileDialog.getSaveFileName(self, self.tr("导出模板"), "templates.json",
                                               self.tr("模板文件 (*.json)"))
        return Path(name) if name else None

    def import_file(self, path: Path | None = None) -> bool:
        """Replace the whole set by a ``bulletin-desk-templates/1`` file (confirmed first)."""
        path = path or self.ask_open_path()
        if path is None:
            return False
        try:
            templates = loads_templates(path.read_bytes())
        except Exception as exc:
            self._fail(exc)
            return False
        if not self.confirm(self.tr("导入模板"), self.tr("用文件中的 {0} 个模板替换现有的 {1} 个模板？").format(
                len(templates), len(self.templates))):
            return False
        try:
            self.repo.replace_templates(templates)
        except Exception as exc:
            self._fail(exc)
            return False
        self.reload()
        return True

    def export_file(self, path: Path | None = None) -> bool:
        path = path or self.ask_save_path()
        if path is None:
            return False
        from bulletin_desk.fileio import atomic_write_bytes

        try:
            atomic_write_bytes(path, dump_templates_bytes(self.repo.templates()))
        except Exception as exc:
            self._fail(exc)
            return False
        return True


# ---- 从模板新建稿件 ------------------------------------------------------------------------------
def place_template_article(issue: Issue, template: DistrictTemplate) -> tuple[str, int, int]:
    """Add the template's article under its 栏目 (created at the end when missing); the new node."""
    heading = template.section.strip()
    si = next((i for i, s in enumerate(issue.sections) if s.heading.strip() == heading), None)
    if si is None:
        issue.sections.append(Section(heading=heading))
        si = len(issue.sections) - 1
    articles = issue.sections[si].articles
    articles.append(article_from_template(template))
    return ("article", si, len(articles) - 1)


def choose_template(window: MainWindow, templates: list[DistrictTemplate]) -> DistrictTemplate | None:
    """Ask which unit; tests replace this function."""
    units = [t.unit for t in templates]
    title = QCoreApplication.translate("TemplatesDialog", "从模板新建稿件")
    label = QCoreApplication.translate("TemplatesDialog", "报送单位：")
    unit, ok = QInputDialog.getItem(window, title, label, units, 0, False)
    return templates[units.index(unit)] if ok and unit in units else None


def new_article_from_template(window: MainWindow) -> bool:
    from bulletin_desk.gui import templates_dialog as this

    if window.link is None or window.doc.read_only:
        return False
    try:
        templates = window.link.repo.templates()
    except Exception as exc:
        window.files._report_failure(QCoreApplication.translate("TemplatesDialog", "模板无法读取"), exc)
        return False
    if not templates:
        window.statusBar().showMessage(QCoreApplication.translate("TemplatesDialog", "档案中还没有模板。"), 4000)
        return False
    template = this.choose_template(window, templates)
    if template is None:
        return False
    window.doc.edit_structure(QCoreApplication.translate("TemplatesDialog", "从模板新建稿件"),
                              lambda issue: place_template_article(issue, template), window.current_node())
    return True


def open_templates(window: MainWindow) -> None:
    if window.link is None:
        window.files._no_archive()
        return
    TemplatesDialog(window.link.repo, window).exec()
