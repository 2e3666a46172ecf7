"""The 档案 menu: the archive workspace's dialogs, wired to the window with a few actions.

Each dialog lives in its own module and is imported when first used, so the window starts as fast
as before: templates_dialog, pool, workspace, states, stats_dialog, backups_dialog.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar

if TYPE_CHECKING:
    from bulletin_desk.gui.mainwindow import MainWindow


def _call(window: MainWindow, module: str, function: str) -> None:
    getattr(importlib.import_module(f"bulletin_desk.gui.{module}"), function)(window)


def build_archive_menu(window: MainWindow, bar: QMenuBar) -> QMenu:
    """Create the 档案 actions on ``window`` (act_templates, act_from_template, …) and the menu."""
    w = window
    texts = {  # literal translate() calls, so lupdate finds them
        "workspace": QCoreApplication.translate("ArchiveMenu", "档案浏览…"),
        "search": QCoreApplication.translate("ArchiveMenu", "全文检索…"),
        "revisions": QCoreApplication.translate("ArchiveMenu", "修订记录…"),
        "templates": QCoreApplication.translate("ArchiveMenu", "模板管理…"),
        "from_template": QCoreApplication.translate("ArchiveMenu", "从模板新建稿件…"),
        "pool": QCoreApplication.translate("ArchiveMenu", "稿件库"),
        "stats": QCoreApplication.translate("ArchiveMenu", "信息采用统计…"),
        "backups": QCoreApplication.translate("ArchiveMenu", "备份与恢复…"),
    }
    specs = (  # attribute, text key, module, function, shortcut, object name
        ("act_workspace", "workspace", "workspace", "open_workspace", "Ctrl+Shift+O", "actWorkspace"),
        ("act_archive_search", "search", "workspace", "open_search", "Ctrl+Shift+F", "actArchiveSearch"),
        ("act_revisions", "revisions", "workspace", "open_revisions", None, "actRevisions"),
        ("act_templates", "templates", "templates_dialog", "open_templates", None, "actTemplates"),
        ("act_from_template", "from_template", "templates_dialog", "new_article_from_template", "Ctrl+Alt+T",
         "actFromTemplate"),
        ("act_pool", "pool", "pool", "show_pool", "Ctrl+Alt+P", "actPool"),
        ("act_stats", "stats", "stats_dialog", "open_stats", None, "actStats"),
        ("act_backups", "backups", "backups_dialog", "open_backups", None, "actBackups"),
    )
    for attr, key, module, function, shortcut, name in specs:
        act = w.action(texts[key], lambda _c=False, m=module, f=function: _call(w, m, f),
                       QKeySequence(shortcut) if shortcut else None, name)
        setattr(w, attr, act)
    menu = bar.addMenu(QCoreApplication.translate("ArchiveMenu", "档案(&A)"))
    menu.setObjectName("archiveMenu")
    for act in (w.act_workspace, w.act_archive_search, w.act_revisions, None):
        menu.addSeparator() if act is None else menu.addAction(act)
    from bulletin_desk.gui.states import StatesController

    w.states = StatesController(w)
    for act in (*w.states.actions(), None, w.act_pool, w.act_templates, w.act_from_template, None,
                w.act_stats, w.act_backups):
        menu.addSeparator() if act is None else menu.addAction(act)
    return menu
