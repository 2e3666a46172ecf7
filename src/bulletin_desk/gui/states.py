"""States in the main window: 草稿 → 待核 → 已签发, the 签发前检查 dialog, and the read-only banner.

The rules are the core's: `archive.states` moves an issue and refuses what is not allowed,
`review.signoff_problems` judges the issue before 签发. This controller shows the state (status bar
and title), offers the actions that fit it, and makes an 已签发 issue read-only in the editor: the
forms are disabled, the document refuses every edit (so nothing reaches the undo stack) and a banner
says so and offers 开启新修订 with a reason (`open_new_revision`).
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from bulletin_desk.catalogue import Message
from bulletin_desk.gui import messages

if TYPE_CHECKING:
    from PySide6.QtGui import QAction

    from bulletin_desk.gui.mainwindow import MainWindow

DRAFT, REVIEW, SIGNED = "draft", "review", "signed"


def state_text(state: str) -> str:
    """草稿 / 待核 / 已签发 in the window's language (the catalogue's labels, shared with the CLI)."""
    return messages.render(Message(f"archive.state.{state}"))


def jump_to(window: MainWindow, field: str, section: int | None, article: int | None, paragraph: int | None,
            offset: int | None = None) -> None:
    """Select the place a problem or a search hit names: its outline node, and the paragraph's text."""
    if field == "imprint" or field.startswith(("colophon", "distribution", "copies")):
        window.select_node(("colophon",))
        return
    window.select_source(SimpleNamespace(field=field, section=section, article=article, paragraph=paragraph,
                                         start=offset or 0))


class SignoffDialog(QDialog):
    """The 签发前检查's problems, each jumping to its place; signing over them needs a reason."""

    def __init__(self, window: MainWindow, problems: list[Any]) -> None:
        super().__init__(window)
        self.window_ = window
        self.problems = problems
        self.setWindowTitle(self.tr("签发前检查"))
        self.resize(640, 420)
        layout = QVBoxLayout(self)
        if problems:
            layout.addWidget(QLabel(self.tr("发现 {0} 个问题。双击可定位到原文。").format(len(problems))))
        else:
            layout.addWidget(QLabel(self.tr("未发现问题，可以签发。")))
        self.list = QListWidget()
        self.list.setObjectName("signoffProblems")
        for i, p in enumerate(problems):
            item = QListWidgetItem(messages.render(p.message))
            item.setData(Qt.ItemDataRole.UserRole, i)
            item.setToolTip(p.location.path)
            self.list.addItem(item)
        self.list.itemActivated.connect(self._jump)
        self.list.itemDoubleClicked.connect(self._jump)
        layout.addWidget(self.list, 1)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("忽略上述问题签发时，必须说明理由"))
        self.reason.setVisible(bool(problems))
        layout.addWidget(self.reason)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.sign_button = buttons.addButton(self.tr("仍然签发") if problems else self.tr("签发"),
                                             QDialogButtonBox.ButtonRole.AcceptRole)
        self.sign_button.setEnabled(not problems)
        self.reason.textChanged.connect(lambda text: self.sign_button.setEnabled(bool(text.strip())))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _jump(self, item: QListWidgetItem) -> None:
        loc = self.problems[int(item.data(Qt.ItemDataRole.UserRole))].location
        jump_to(self.window_, loc.field, loc.section, loc.article, loc.paragraph, loc.offset)


def ask_signoff(window: MainWindow, problems: list[Any]) -> str | None:
    """Show the problems; the override reason ("" when there were none), or None when cancelled."""
    dialog = SignoffDialog(window, problems)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.reason.text().strip()


def ask_reason(window: MainWindow) -> str | None:
    """The reason for 开启新修订; tests replace this function."""
    text, ok = QInputDialog.getText(window, QCoreApplication.translate("States", "开启新修订"),
                                    QCoreApplication.translate("States", "修改已签发简报的原因："))
    return text.strip() if ok and text.strip() else None


class StatesController(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.state = DRAFT
        w = window
        self.act_submit = w.action(self.tr("提交核稿"), self.submit, None, "actSubmitReview")
        self.act_sign = w.action(self.tr("签发…"), self.sign, None, "actSignOff")
        self.act_return = w.action(self.tr("退回修改"), self.send_back, None, "actSendBack")
        self.act_new_revision = w.action(self.tr("开启新修订…"), self.new_revision, None, "actNewRevision")
        self.status_label = QLabel()
        self.status_label.setObjectName("stateLabel")
        w.statusBar().addPermanentWidget(self.status_label)
        self.banner = QFrame()
        self.banner.setObjectName("readOnlyBanner")
        self.banner.setStyleSheet("#readOnlyBanner { background: #fff4ce; border-bottom: 1px solid #e0c060; }")
        row = QHBoxLayout(self.banner)
        self.banner_text = QLabel(self.tr("本期已签发，只能查看。如需修改，请开启新修订并说明原因。"))
        row.addWidget(self.banner_text, 1)
        self.banner_button = QPushButton(self.tr("开启新修订…"))
        self.banner_button.clicked.connect(lambda _c=False: self.new_revision())
        row.addWidget(self.banner_button)
        self.banner.hide()
        central = QWidget()
        box = QVBoxLayout(central)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        box.addWidget(self.banner)
        box.addWidget(w.takeCentralWidget(), 1)
        w.setCentralWidget(central)
        w.doc.stored_changed.connect(self.refresh)
        self.refresh()

    def actions(self) -> tuple[QAction, ...]:
        return (self.act_submit, self.act_sign, self.act_return, self.act_new_revision)

    def state_label(self) -> str:
        return state_text(self.state) if self.window.doc.issue_id is not None else ""

    # ---- following the open issue -------------------------------------------------------------
    def refresh(self) -> None:
        doc, link = self.window.doc, self.window.link
        try:
            self.state = link.state(doc.issue_id) if link is not None else DRAFT
        except Exception:
            self.state = DRAFT
        stored = doc.issue_id is not None
        self.act_submit.setEnabled(stored and self.state == DRAFT)
        self.act_sign.setEnabled(stored and self.state == REVIEW)
        self.act_return.setEnabled(stored and self.state == REVIEW)
        self.act_new_revision.setEnabled(stored and self.state == SIGNED)
        self.status_label.setText(self.tr("状态：{0}").format(state_text(self.state)) if stored else "")
        self._set_read_only(stored and self.state == SIGNED)
        self.window._update_title()

    def _set_read_only(self, on: bool) -> None:
        w = self.window
        w.doc.read_only = on
        if on and not w.doc.is_dirty():
            # what was signed is what is stored: the edits before it are history (修订记录), not
            # steps to undo — an undo here would change the signed text in the window and in
            # what prints from it
            w.doc.stack.clear()
        w.editors.setEnabled(not on)
        w.outline.setDragDropMode(QAbstractItemView.DragDropMode.NoDragDrop if on
                                  else QAbstractItemView.DragDropMode.DragDrop)
        self.banner.setVisible(on)
        for name in ("act_save", "act_import", "act_paste_import", "act_add_section", "act_add_article",
                     "act_duplicate", "act_delete", "act_rename", "act_replace", "act_from_template"):
            act = getattr(w, name, None)
            if act is not None:
                act.setEnabled(not on)

    # ---- moving the state ----------------------------------------------------------------------
    def _who(self) -> str:
        return self.window.settings.display_name

    def _saved(self) -> bool:
        """The issue must be stored and saved before its state moves (what is signed is what is stored)."""
        doc = self.window.doc
        if doc.issue_id is None or doc.is_dirty():
            return bool(self.window.files.save())
        return True

    def _move(self, new_state: str, reason: str | None = None, overridden: tuple[str, ...] = ()) -> bool:
        doc = self.window.doc
        try:
            self.window.link.repo.set_state(doc.issue_id, new_state, self._who(), reason, overridden,
                                            expected_version=doc.version)
        except Exception as exc:
            self.window.files._report_failure(self.tr("状态无法更改"), exc)
            return False
        self.refresh()
        self.window.statusBar().showMessage(self.tr("已改为“{0}”。").format(state_text(new_state)), 4000)
        return True

    def submit(self) -> bool:
        return self._saved() and self._move(REVIEW)

    def send_back(self) -> bool:
        return self._move(DRAFT)

    def problems(self) -> list[Any]:
        """review.signoff_problems for the open issue, against its series' other issues."""
        from bulletin_desk.archive.review_facts import signoff_siblings
        from bulletin_desk.review import signoff_problems

        w = self.window
        profile = w.runner.profile
        if profile is None:
            from bulletin_desk.layout import load_profile

            profile = load_profile()
        siblings = signoff_siblings(w.link.repo, w.doc.issue.masthead.title, w.doc.issue_id)
        prompts = [p.text for t in w.link.repo.templates() for p in t.skeleton]
        return signoff_problems(w.doc.issue, siblings=siblings, profile=profile, template_prompts=prompts)

    def sign(self) -> bool:
        from bulletin_desk.gui import states as this

        if not self._saved():
            return False
        try:
            problems = self.problems()
        except Exception as exc:
            self.window.files._report_failure(self.tr("签发前检查失败"), exc)
            return False
        reason = this.ask_signoff(self.window, problems)
        if reason is None:
            return False
        return self._move(SIGNED, reason or None, tuple(p.code for p in problems))

    def new_revision(self) -> bool:
        from bulletin_desk.gui import states as this

        doc = self.window.doc
        if doc.issue_id is None or self.state != SIGNED:
            return False
        reason = this.ask_reason(self.window)
        if reason is None:
            return False
        try:
            self.window.link.repo.open_new_revision(doc.issue_id, self._who(), reason)
        except Exception as exc:
            self.window.files._report_failure(self.tr("无法开启新修订"), exc)
            return False
        self.refresh()
        return True
