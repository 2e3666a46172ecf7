"""installer.nsi says what the issue asks (fast, no makensis): per-user, amd64, Unicode, the OS gate,
Chinese texts, user data only deleted on an explicit tick."""

from __future__ import annotations

import re

from tests.packaging.conftest import PACKAGING

NSI = (PACKAGING / "windows" / "installer.nsi").read_text(encoding="utf-8")


def test_headers():
    for line in ("Unicode true", "Target amd64-unicode", "RequestExecutionLevel user",
                 'InstallDir "$LOCALAPPDATA\\Programs\\${APP}"', "!ifdef NO_COMPRESS"):
        assert line in NSI, line


def test_os_gate_and_languages():
    assert "${AtLeastWin10}" in NSI and "${AtLeastBuild} ${MIN_BUILD}" in NSI and "!define MIN_BUILD 17763" in NSI
    assert NSI.index('MUI_LANGUAGE "English"') < NSI.index('MUI_LANGUAGE "SimpChinese"')
    zh = re.findall(r"LangString (\w+) \$\{LANG_SIMPCHINESE\}", NSI)
    en = re.findall(r"LangString (\w+) \$\{LANG_ENGLISH\}", NSI)
    assert sorted(zh) == sorted(en) and "OldWindows" in zh


def test_user_data_is_only_deleted_on_an_explicit_tick():
    deletions = [m.start() for m in re.finditer(r'RMDir /r "\$LOCALAPPDATA\\\$\{APP\}"', NSI)]
    assert len(deletions) == 1
    guard = NSI[:deletions[0]].rsplit("${If}", 1)[1]
    assert "$DeleteUserData == 1" in guard and "${AndIfNot} ${Silent}" in guard
    assert "${NSD_Uncheck} $DataCheckbox" in NSI


def test_shortcuts_and_association():
    assert '!define APP_ZH "简报编辑台"' in NSI
    assert 'CreateShortcut "$SMPROGRAMS\\${APP_ZH}.lnk"' in NSI and 'CreateShortcut "$DESKTOP\\${APP_ZH}.lnk"' in NSI
    assert 'Software\\Classes\\.bdjson' in NSI
    for value in ("DisplayIcon", "EstimatedSize", "QuietUninstallString"):
        assert f'"{value}"' in NSI
