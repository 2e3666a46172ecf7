"""The interface language: which one, and the Qt translators that make it so.

Source strings are Simplified Chinese inside tr(); resources/i18n holds a zh_CN catalogue (complete,
its translations equal the sources, so switching the source language later needs no code change) and
an English one, both compiled to .qm and committed (packaging/update_translations.py regenerates
them). For Chinese, Qt's own qtbase_zh_CN.qm is loaded too, so QFileDialog, QMessageBox buttons and
QPrintDialog speak Chinese. Core catalogue Messages follow the same language through gui.messages.

The choice, first match wins: ``--lang`` on the command line, ``BULLETIN_DESK_LANG``, the 设置 choice,
then the system's UI language (Chinese if it is Chinese, else English; a C/POSIX locale, as in CI,
has no preference and follows the catalogue's rule, Chinese first). A change in 设置 applies at the
next start: the widgets are built with their texts once, and rebuilding them all mid-session would
risk an editor's unsaved state for little gain.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from bulletin_desk import paths
from bulletin_desk.catalogue import Lang, default_lang
from bulletin_desk.gui import messages

QM_NAMES: dict[Lang, str] = {"zh": "bulletin_desk_zh_CN.qm", "en": "bulletin_desk_en.qm"}
QT_ZH_CATALOGUES = ("qtbase_zh_CN",)  # widgets, standard dialogs and print support all live in qtbase

_installed: list[QTranslator] = []


def i18n_dir() -> Path:
    return paths.resources_dir() / "i18n"


def system_language() -> Lang:
    """The OS's UI language (uiLanguages, i.e. the Windows display language), not its number format."""
    locale = QLocale.system()
    if locale.language() in (QLocale.Language.C, QLocale.Language.AnyLanguage):
        return default_lang()
    first = (locale.uiLanguages() or [locale.name()])[0].lower()
    return "zh" if first.startswith("zh") else "en"


def choose_language(setting: str, cli_lang: str | None = None) -> Lang:
    """--lang, then BULLETIN_DESK_LANG, then the 设置 choice ("zh"/"en"; "" follows the system)."""
    if cli_lang in ("zh", "en"):
        return cli_lang  # type: ignore[return-value]
    env = os.environ.get("BULLETIN_DESK_LANG", "")
    if env:
        return "en" if env.lower().startswith("en") else "zh"
    if setting in ("zh", "en"):
        return setting  # type: ignore[return-value]
    return system_language()


def qt_translations_dirs() -> list[Path]:
    """Where Qt's own .qm files are: QLibraryInfo first, then the PySide6 package (the Windows bundle
    keeps lib/PySide6/translations, which QLibraryInfo may not report without a qt.conf)."""
    found = [Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))]
    try:
        import PySide6

        base = Path(PySide6.__file__).parent
        found += [base / "translations", base / "Qt" / "translations"]
    except (ImportError, TypeError):
        pass
    return found


def install_language(app: QCoreApplication, lang: Lang) -> list[QTranslator]:
    """Install our catalogue and, for Chinese, Qt's; replaces what an earlier call installed (tests
    switch languages in one process). Sets the language of rendered core messages as well."""
    clear_language(app)
    messages.set_language(lang)
    ours = QTranslator(app)
    if ours.load(str(i18n_dir() / QM_NAMES[lang])) and app.installTranslator(ours):
        _installed.append(ours)
    if lang == "zh":
        for base in QT_ZH_CATALOGUES:
            for folder in qt_translations_dirs():
                qt = QTranslator(app)
                if qt.load(base, str(folder)) and app.installTranslator(qt):
                    _installed.append(qt)
                    break
    return list(_installed)


def clear_language(app: QCoreApplication) -> None:
    """Back to the untranslated sources (Chinese) with no Qt catalogue: tests restore the default."""
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    messages.set_language("zh")


def installed_translators() -> list[QTranslator]:
    return list(_installed)
