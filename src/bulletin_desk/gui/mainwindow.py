"""The main window: outline (left), editing pane (centre), live preview (right), status bar.

The window wires views to the one `IssueDocument`; it holds no issue data of its own. File work
(new, open, save, import, export, print) lives in gui/file_actions.py, the search in gui/find.py.
"""

from __future__ import annotations

import contextlib
from typing import Any

from PySide6.QtCore import QByteArray, QItemSelectionModel, QModelIndex, QPoint, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QToolBar,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from bulletin_desk.gui.archive_link import ArchiveLink
from bulletin_desk.gui.autosave import JournalAutosaver
from bulletin_desk.gui.document import IssueDocument, NodeKey, node_of_field
from bulletin_desk.gui.editors import EditorStack
from bulletin_desk.gui.font_choice import use_font_choices
from bulletin_desk.gui.layout_runner import LayoutRunner
from bulletin_desk.gui.outline import OutlineModel
from bulletin_desk.gui.page_strip import PageStrip
from bulletin_desk.gui.preview import PreviewView, painter_function
from bulletin_desk.gui.settings import Settings, save_settings
from bulletin_desk.gui.snapshots import RevisionSnapshots
from bulletin_desk.gui.status import StatusPanel
from bulletin_desk.model import issue_label

AUTOSAVE_FAILURES_BEFORE_DIALOG = 3


class MainWindow(QMainWindow):
    def __init__(self, doc: IssueDocument, link: ArchiveLink | None, settings: Settings,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.link = link
        self.settings = settings
        self.setObjectName("MainWindow")
        self.resize(1480, 920)
        self.setAcceptDrops(True)
        use_font_choices(settings.font_substitutes)  # before anything paints or reports fonts

        # centre: the editing pane
        self.editors = EditorStack(doc)
        self.setCentralWidget(self.editors)

        # left: the outline
        self.outline_model = OutlineModel(doc, self)
        self.outline = QTreeView()
        self.outline.setObjectName("outline")
        self.outline.setModel(self.outline_model)
        self.outline.setHeaderHidden(True)
        self.outline.setUniformRowHeights(False)
        self.outline.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.outline.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.outline.setDropIndicatorShown(True)
        self.outline.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)
        self.outline.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.outline.customContextMenuRequested.connect(self._outline_menu)
        self.outline.selectionModel().currentChanged.connect(self._on_current_changed)
        self.outline_dock = self._dock(self.tr("大纲"), "outlineDock", self.outline,
                                       Qt.DockWidgetArea.LeftDockWidgetArea)

        # right: the preview
        self.preview = PreviewView()
        self.preview.setObjectName("preview")
        self.runner = LayoutRunner(doc, settings.layout_profile, self)
        self.fit_label = QLabel()
        preview_box = QWidget()
        box = QVBoxLayout(preview_box)
        box.setContentsMargins(0, 0, 0, 0)
        tools = QHBoxLayout()
        for text, slot in ((self.tr("放大"), self.preview.zoom_in), (self.tr("缩小"), self.preview.zoom_out),
                           (self.tr("适合宽度"), self.preview.fit_width), (self.tr("整页"), self.preview.fit_page)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            tools.addWidget(button)
        tools.addStretch(1)
        tools.addWidget(self.fit_label)
        box.addLayout(tools)
        box.addWidget(self.preview, 1)
        self.page_strip = PageStrip()
        self.page_strip.page_clicked.connect(self.preview.show_page)
        self.preview.verticalScrollBar().valueChanged.connect(
            lambda _v: self.page_strip.show_current(self.preview.current_page()))
        box.addWidget(self.page_strip)
        self.preview_dock = self._dock(self.tr("预览"), "previewDock", preview_box,
                                       Qt.DockWidgetArea.RightDockWidgetArea)
        self.resizeDocks([self.outline_dock, self.preview_dock], [340, 620], Qt.Orientation.Horizontal)

        self.status = StatusPanel(self)
        self.autosaver = JournalAutosaver(doc, link, self)
        self.autosaver.failed.connect(self._on_autosave_failed)
        self.autosaver.recovered.connect(self.status.clear_autosave_failure)
        self.snapshots = RevisionSnapshots(doc, link, settings.snapshot_minutes, self)
        self.snapshots.kept.connect(lambda _n: self.statusBar().showMessage(
            self.tr("已把未保存的修改留作修订快照（可在“修订记录”中查看）。"), 5000))
        self.snapshots.failed.connect(lambda text: self.statusBar().showMessage(
            self.tr("修订快照未能保存：{0}").format(text), 10000))

        from bulletin_desk.gui.file_actions import FileActions
        from bulletin_desk.gui.find import FindReplace

        self.files = FileActions(self)
        self.find = FindReplace(self)
        self.editors.masthead.propose = self.files.proposal_for
        self.editors.masthead.check_duplicate = self.files.duplicate_warning
        self._build_actions()
        from bulletin_desk.gui.key_routing import EditorKeyRouter

        self.key_router = EditorKeyRouter(self)

        doc.structure_changed.connect(self._on_structure_changed)
        doc.field_replayed.connect(self._show_replayed_field)
        doc.changed.connect(self._update_title)
        doc.changed.connect(self._sync_hint_actions)
        doc.changed.connect(self.status.update_counts)
        doc.stack.cleanChanged.connect(lambda _clean: self._update_title())
        doc.stored_changed.connect(self._update_title)
        self.editors.article.paragraph_focused.connect(self._on_paragraph_focused)
        self.editors.article.body.pasted_characters_removed.connect(lambda n: self.statusBar().showMessage(
            self.tr("粘贴时去掉了{0}个无法打印的字符（控制字符、零宽字符或图片占位符）。").format(n), 10000))
        self.preview.source_clicked.connect(self.select_source)
        self.runner.layout_ready.connect(self._on_layout)
        self.runner.layout_failed.connect(self._on_layout_failed)
        if not self.runner.available or painter_function() is None:
            self.preview.set_message(self.tr("排版引擎未就绪：预览暂不可用。"))
        elif self.runner.profile is None:
            self.preview.set_message(self.tr("版式配置无法读取：{0}").format(self.runner.load_error or ""))
        self._restore_geometry()
        self._on_structure_changed(None)
        self.status.update_counts()
        self.runner.request_now()

    # ---- construction helpers ------------------------------------------------------------------
    def _dock(self, title: str, name: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        self.addDockWidget(area, dock)
        return dock

    def action(self, text: str, slot: Any, shortcut: QKeySequence | str | list | None = None,
               name: str = "") -> QAction:
        act = QAction(text, self)
        if name:
            act.setObjectName(name)
        if isinstance(shortcut, list):
            act.setShortcuts(shortcut)
        elif shortcut is not None:
            act.setShortcut(shortcut)
        act.triggered.connect(slot)
        self.addAction(act)
        return act

    def _build_actions(self) -> None:
        key = QKeySequence.StandardKey
        f = self.files
        self.act_new = self.action(self.tr("新建一期(&N)"), f.new_issue, key.New, "actNew")
        self.act_open = self.action(self.tr("打开(&O)…"), f.open_issue, key.Open, "actOpen")
        self.act_save = self.action(self.tr("保存(&S)"), f.save, key.Save, "actSave")
        self.act_save_new = self.action(self.tr("另存为新一期…"), f.save_as_new, key.SaveAs, "actSaveNew")
        self.act_import = self.action(self.tr("导入(&I)…"), f.import_file, QKeySequence("Ctrl+I"), "actImport")
        self.act_paste_import = self.action(self.tr("粘贴导入（Word/微信）"), self._paste_import,
                                            QKeySequence("Ctrl+Shift+V"), "actPasteImport")
        self.act_export_docx = self.action(self.tr("导出 DOCX…"), f.export_docx, QKeySequence("Ctrl+E"),
                                           "actExportDocx")
        self.act_export_pdf = self.action(self.tr("导出 PDF…"), f.export_pdf, QKeySequence("Ctrl+Shift+E"),
                                          "actExportPdf")
        self.act_print = self.action(self.tr("打印(&P)…"), f.print_issue, key.Print, "actPrint")
        self.act_quit = self.action(self.tr("退出(&X)"), self.close, key.Quit, "actQuit")
        self.act_undo = self.doc.stack.createUndoAction(self, self.tr("撤销"))
        self.act_undo.setShortcuts(QKeySequence.keyBindings(key.Undo))
        self.act_undo.setObjectName("actUndo")
        self.act_redo = self.doc.stack.createRedoAction(self, self.tr("重做"))
        self.act_redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        self.act_redo.setObjectName("actRedo")
        for act in (self.act_undo, self.act_redo):
            self.addAction(act)
        self.act_find = self.action(self.tr("查找(&F)…"), self.find.show_find, key.Find, "actFind")
        self.act_replace = self.action(self.tr("替换(&H)…"), self.find.show_replace, QKeySequence("Ctrl+H"),
                                       "actReplace")
        self.act_copy_article = self.action(self.tr("复制本文为纯文本"), f.copy_article_text, None, "actCopyArticle")
        self.act_copy_issue = self.action(self.tr("复制全期为纯文本"), f.copy_issue_text, None, "actCopyIssue")
        self.act_add_section = self.action(self.tr("添加栏目"), self.add_section, QKeySequence("Ctrl+Shift+N"),
                                           "actAddSection")
        self.act_add_article = self.action(self.tr("添加文章"), self.add_article, QKeySequence("Ctrl+Alt+N"),
                                           "actAddArticle")
        self.act_duplicate = self.action(self.tr("复制"), self.duplicate_current, QKeySequence("Ctrl+D"),
                                         "actDuplicate")
        self.act_delete = self.action(self.tr("删除"), self.delete_current, QKeySequence("Ctrl+Delete"),
                                      "actDelete")
        # plain Delete too, but only while the outline itself has focus (in a text box it deletes text)
        delete_in_outline = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.outline,
                                      self.delete_current, context=Qt.ShortcutContext.WidgetShortcut)
        delete_in_outline.setObjectName("outlineDelete")
        self.act_rename = self.action(self.tr("重命名"), self.rename_current, QKeySequence("F2"), "actRename")
        self.act_page_break = self.action(self.tr("本文另起一页"), lambda on: self._set_hint("page_break_before", on),
                                          QKeySequence("Ctrl+Return"), "actPageBreak")
        self.act_keep_together = self.action(self.tr("本文不跨页"), lambda on: self._set_hint("keep_together", on),
                                             None, "actKeepTogether")
        for act in (self.act_page_break, self.act_keep_together):
            act.setCheckable(True)
        self.act_settings = self.action(self.tr("设置…"), f.open_settings, key.Preferences, "actSettings")
        self.act_about = self.action(self.tr("关于"), lambda: __import__(
            "bulletin_desk.gui.dialogs", fromlist=["show_about"]).show_about(self), None, "actAbout")

        bar = self.menuBar()
        menu = bar.addMenu(self.tr("文件(&F)"))
        self.recent_menu = QMenu(self.tr("最近的简报"), self)
        self.recent_menu.setObjectName("recentMenu")
        self.recent_menu.aboutToShow.connect(lambda: f.fill_recent_menu(self.recent_menu))
        for act in (self.act_new, self.act_open, self.recent_menu.menuAction(), self.act_save, self.act_save_new,
                    None, self.act_import, self.act_paste_import, self.act_export_docx, self.act_export_pdf,
                    self.act_print, None, self.act_quit):
            menu.addSeparator() if act is None else menu.addAction(act)
        menu = bar.addMenu(self.tr("编辑(&E)"))
        for act in (self.act_undo, self.act_redo, None, self.act_find, self.act_replace, None,
                    self.act_copy_article, self.act_copy_issue, None, self.act_settings):
            menu.addSeparator() if act is None else menu.addAction(act)
        menu = bar.addMenu(self.tr("结构(&S)"))
        for act in (self.act_add_section, self.act_add_article, self.act_duplicate, self.act_rename,
                    self.act_delete, None, self.act_page_break, self.act_keep_together):
            menu.addSeparator() if act is None else menu.addAction(act)
        from bulletin_desk.gui.archive_menu import build_archive_menu

        build_archive_menu(self, bar)
        menu = bar.addMenu(self.tr("帮助(&H)"))
        menu.addAction(self.act_about)
        toolbar = QToolBar(self.tr("工具栏"), self)
        toolbar.setObjectName("mainToolbar")
        for act in (self.act_new, self.act_open, self.act_save, None, self.act_undo, self.act_redo, None,
                    self.act_add_section, self.act_add_article, None, self.act_import, self.act_export_docx,
                    self.act_export_pdf, self.act_print):
            toolbar.addSeparator() if act is None else toolbar.addAction(act)
        self.addToolBar(toolbar)

    def _paste_import(self) -> None:
        from bulletin_desk.gui.import_dialog import paste_as_import

        paste_as_import(self)

    # ---- outline and selection -------------------------------------------------------------------
    def current_node(self) -> NodeKey | None:
        return self.outline_model.node(self.outline.currentIndex())

    def select_node(self, node: NodeKey | None) -> None:
        index = self.outline_model.index_of(node)
        if index.isValid():
            self.outline.setCurrentIndex(index)
            self.outline.selectionModel().select(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            self.outline.scrollTo(index)
        self.editors.show_node(node if index.isValid() else None)

    def _show_replayed_field(self, path: Any) -> None:
        """Undo/redo of a field elsewhere in the issue: go there, so the editor sees what changed."""
        node = node_of_field(path)
        if node != self.editors.node:
            self.select_node(node)

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        node = self.outline_model.node(current)
        self.editors.show_node(node)
        self._sync_hint_actions()
        if node and node[0] == "article":
            self.preview.show_source(node[1], node[2], None)

    def _on_structure_changed(self, focus: NodeKey | None) -> None:
        self.outline.expandAll()
        if focus is None:
            focus = self.editors.node
            if focus is None or not self.outline_model.index_of(focus).isValid():
                focus = ("article", 0, 0) if self.doc.issue.articles() else ("masthead",)
        self.select_node(focus)

    def _outline_menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        for act in (self.act_add_section, self.act_add_article, self.act_duplicate, self.act_rename,
                    self.act_delete, self.act_from_template, self.act_pool, None, self.act_page_break,
                    self.act_keep_together, None, self.act_copy_article):
            menu.addSeparator() if act is None else menu.addAction(act)
        menu.exec(self.outline.viewport().mapToGlobal(pos))

    def _set_hint(self, hint: str, on: bool) -> None:
        node = self.current_node()
        if node and node[0] == "article":
            self.doc.set_article_hint(node[1], node[2], hint, on)

    def _sync_hint_actions(self) -> None:
        """The two hint switches follow the selected article (and undo); disabled elsewhere."""
        node = self.current_node()
        article = None
        if node and node[0] == "article":
            try:
                article = self.doc.article(node[1], node[2])
            except IndexError:
                article = None
        for act, hint in ((self.act_page_break, "page_break_before"), (self.act_keep_together, "keep_together")):
            act.setEnabled(article is not None)
            act.blockSignals(True)
            act.setChecked(bool(article is not None and getattr(article, hint)))
            act.blockSignals(False)

    # ---- structure actions -------------------------------------------------------------------
    def _section_of_current(self) -> int | None:
        node = self.current_node()
        if node and node[0] in ("section", "article"):
            return node[1]
        return None

    def add_section(self) -> None:
        self.doc.add_section(self._section_of_current())

    def add_article(self) -> None:
        node = self.current_node()
        if not self.doc.issue.sections:
            self.doc.add_section()
        si = self._section_of_current()
        if si is None:
            si = len(self.doc.issue.sections) - 1
        self.doc.add_article(si, node[2] if node and node[0] == "article" else None)

    def duplicate_current(self) -> None:
        node = self.current_node()
        if node and node[0] == "article":
            self.doc.duplicate_article(node[1], node[2])
        elif node and node[0] == "section":
            self.doc.duplicate_section(node[1])

    def delete_current(self) -> None:
        node = self.current_node()
        if node and node[0] == "article":
            self.doc.delete_article(node[1], node[2])
        elif node and node[0] == "section":
            self.doc.delete_section(node[1])

    def rename_current(self) -> None:
        index = self.outline.currentIndex()
        if index.isValid() and self.outline_model.flags(index) & Qt.ItemFlag.ItemIsEditable:
            self.outline.edit(index)

    # ---- preview ↔ editor ----------------------------------------------------------------------
    def _on_layout(self, layout: Any) -> None:
        self.preview.set_layout(layout)
        self.page_strip.set_layout(layout)
        self.page_strip.show_current(self.preview.current_page())
        self.status.update_layout(layout)
        node = self.editors.node
        if node and node[0] == "article":
            self.preview.show_source(node[1], node[2], self.editors.article.body.current_paragraph())

    def _on_autosave_failed(self, reason: str) -> None:
        """A journal write failed: a warning that stays, and once per streak a dialog that says what to do."""
        self.status.show_autosave_failure(reason)
        self.statusBar().showMessage(self.tr("自动保存失败：{0}").format(reason), 10000)
        if self.autosaver.failures == AUTOSAVE_FAILURES_BEFORE_DIALOG:
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("自动保存失败"), self.tr(
                "最近的修改没能自动保存（{0}）。程序崩溃或断电时，这些修改会丢失。\n"
                "请立即保存到档案（Ctrl+S）或导出一份（DOCX/PDF）；磁盘已满时请先腾出空间。"
                "自动保存会继续重试。").format(reason), QMessageBox.StandardButton.Ok, self)
            box.setObjectName("autosaveFailedBox")
            box.setModal(False)  # never block typing; the warning in the status bar stays
            box.show()

    def _on_layout_failed(self, error: Exception) -> None:
        """The preview keeps the last good pages; the message says why (an input problem) or where the log is."""
        from bulletin_desk.catalogue import BulletinDeskError
        from bulletin_desk.gui import messages

        if isinstance(error, BulletinDeskError):
            text = self.tr("排版失败：{0}").format(messages.render(error))
        else:
            from bulletin_desk.app import log_exception

            log = log_exception((type(error), error, error.__traceback__))
            text = self.tr("排版出错，预览停在上一次的结果。请先保存；详细信息已记录在：{0}").format(log)
        self.statusBar().showMessage(text, 15000)

    def _on_paragraph_focused(self, si: int, ai: int, pi: int) -> None:
        self.preview.show_source(si, ai, pi)

    def select_source(self, source: Any) -> None:
        """A click on a preview line: select its article (or part) and put the cursor in its paragraph."""
        if source.section is None:
            field = source.field or ""
            node: NodeKey = ("colophon",) if field.startswith(("colophon", "distribution", "copies")) else (
                "masthead",)
        elif source.article is None:
            node = ("section", source.section)
        else:
            node = ("article", source.section, source.article)
        self.select_node(node)
        if node[0] == "article" and source.paragraph is not None:
            body = self.editors.article.body
            block = body.document().findBlockByNumber(source.paragraph)
            if block.isValid():
                cursor = body.textCursor()
                cursor.setPosition(block.position() + min(source.start, max(0, block.length() - 1)))
                body.setTextCursor(cursor)
                body.setFocus()

    # ---- title, geometry, closing -----------------------------------------------------------
    def _update_title(self) -> None:
        masthead = self.doc.issue.masthead
        label = f"{masthead.title} {issue_label(masthead)}".strip() or self.tr("未命名")
        state = self.states.state_label() if hasattr(self, "states") else ""
        if state:
            label = self.tr("{0}（{1}）").format(label, state)
        self.setWindowTitle(self.tr("{0}[*] — 简报编辑台").format(label))
        self.setWindowModified(self.doc.is_dirty())

    def _restore_geometry(self) -> None:
        if self.settings.window_geometry:
            self.restoreGeometry(QByteArray.fromHex(self.settings.window_geometry.encode("ascii")))
        if self.settings.window_state:
            self.restoreState(QByteArray.fromHex(self.settings.window_state.encode("ascii")))

    def remember_geometry(self) -> None:
        self.settings.window_geometry = bytes(self.saveGeometry().toHex().data()).decode("ascii")
        self.settings.window_state = bytes(self.saveState().toHex().data()).decode("ascii")
        with contextlib.suppress(Exception):
            save_settings(self.settings)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.doc.is_dirty():
            answer = QMessageBox.question(
                self, self.tr("保存修改？"), self.tr("本期有未保存的修改。关闭前保存到档案吗？"),
                QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)
            if answer == QMessageBox.StandardButton.Cancel:
                event.ignore()
                return
            if answer == QMessageBox.StandardButton.Save and not self.files.save():
                event.ignore()
                return
            if answer == QMessageBox.StandardButton.Discard and self.link is not None:
                self.autosaver.flush()
                with contextlib.suppress(Exception):
                    self.link.journal_clear()
        self.remember_geometry()
        self.runner.wait_idle(5000)
        self.key_router.detach()  # no Python filter left on the application while it shuts down
        event.accept()

    # ---- dropping files on the window ------------------------------------------------------
    def dragEnterEvent(self, event: Any) -> None:
        if self.files.droppable_path(event.mimeData()) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: Any) -> None:
        path = self.files.droppable_path(event.mimeData())
        if path is not None:
            event.acceptProposedAction()
            self.files.import_path(path)
