"""The real installer under wine (Windows 10 prefix): silent install, files, HKCU keys and shortcuts; the
installed app's --self-test (also under a Chinese ANSI code page); refusal while the app runs; an
upgrade that removes stale program files and keeps the archive at exactly the path the app opens; a
silent uninstall that leaves only user data; and a Windows 7 prefix refused by the OS gate.

With CI=true a missing wine/makensis fails (tests.tooling.require_tool); these tests never skip there.
"""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

import build_windows
import pytest
from tests.packaging.conftest import UPGRADE_VERSION
from tests.packaging.wine import WinePrefix, require_locale

pytestmark = pytest.mark.slow

UNINST_KEY = r"HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\BulletinDesk"
MANDATORY_LINES_EN = ("runtime and user folders", "import every module", "Qt, Chinese fonts and translations",
                      "reference issue JSON round trip")
MANDATORY_LINES_ZH = ("运行环境与用户文件夹", "导入全部模块", "Qt 界面、中文字体与翻译", "样刊 JSON 往返")
LNK = "简报编辑台.lnk"


def _win_install_dir(wp: WinePrefix) -> str:
    return f"C:\\users\\{wp.user_dir.name}\\AppData\\Local\\Programs\\BulletinDesk"


def _self_test(wp: WinePrefix, inst: Path, **env: str) -> tuple[int, str]:
    chinese = env.get("LC_ALL", "").startswith("zh")
    if chinese:
        require_locale(env["LC_ALL"])
    done = wp.run(inst / "runtime" / "python.exe", _win_install_dir(wp) + "\\bulletin_desk.pyw", "--self-test",
                  "-platform", "offscreen", encoding="gbk" if chinese else "cp1252", timeout=240, **env)
    return done.returncode, done.stdout + done.stderr


def _start_menu(wp: WinePrefix) -> Path:
    return wp.user_dir / "AppData" / "Roaming" / "Microsoft" / "Windows" / "Start Menu" / "Programs" / LNK


@pytest.fixture(scope="module")
def installed(installer_real, tmp_path_factory) -> WinePrefix:
    """A fresh Windows 10 prefix with the release installer installed silently (shared by this module)."""
    wp = WinePrefix(tmp_path_factory.mktemp("wine10"))
    wp.create("win10")
    done = wp.run(installer_real, "/S")
    wp.wait()
    assert done.returncode == 0, done
    return wp


def _inst(wp: WinePrefix) -> Path:
    return wp.local_appdata / "Programs" / "BulletinDesk"


def _log(wp: WinePrefix) -> Path:
    return wp.local_appdata / "BulletinDesk" / "Logs" / "bulletin-desk.log"


def _ensure_uninstalled(wp: WinePrefix) -> None:
    """Start from a prefix without the per-user install, as the tests after the uninstall do in file order:
    the module's fixture installs it, so a test selected alone (-k) would otherwise find it still there."""
    inst = _inst(wp)
    if (inst / "uninstall.exe").is_file():
        done = wp.run(inst / "uninstall.exe", "/S")
        wp.wait()
        assert done.returncode == 0, done
    assert not (inst / "runtime").exists() and not wp.key_exists(UNINST_KEY)


def _program_files(inst: Path) -> dict[str, tuple[int, int, str]]:
    """Every file of an installation with its size, mtime and sha256: a refused installer changes none."""
    return {p.relative_to(inst).as_posix(): (p.stat().st_size, p.stat().st_mtime_ns, build_windows.sha256(p))
            for p in sorted(inst.rglob("*")) if p.is_file()}


def test_silent_install_files_keys_shortcuts(installed):
    wp, inst, version = installed, _inst(installed), build_windows.project_version()
    for rel in ("runtime/BulletinDesk.exe", "runtime/python.exe", "runtime/python311._pth", "bulletin_desk.pyw",
                "bulletin_desk.ico", "uninstall.exe", "install-manifest.txt", "version.txt",
                "lib/PySide6/Qt6Core.dll", "app/bulletin_desk/selftest.py"):
        assert (inst / rel).is_file(), rel
    key = wp.reg_query(UNINST_KEY)
    assert key.get("DisplayVersion") == version, key
    assert key.get("DisplayIcon", "").endswith("\\bulletin_desk.ico"), key
    assert key.get("QuietUninstallString", "").endswith('uninstall.exe" /S'), key
    assert int(key.get("EstimatedSize", "0"), 0) > 50_000, key  # KB
    assert key.get("InstallLocation", "").lower() == _win_install_dir(wp).lower(), key
    assert wp.reg_query(r"HKCU\Software\Classes\.bdjson").get("(Default)") == "BulletinDesk.bdjson"
    command = wp.reg_query(r"HKCU\Software\Classes\BulletinDesk.bdjson\shell\open\command").get("(Default)", "")
    assert "BulletinDesk.exe" in command and '--open "%1"' in command, command
    assert _start_menu(wp).is_file()
    assert (wp.home / LNK).is_file() or (wp.user_dir / "Desktop" / LNK).is_file()


def test_installed_self_test_english_console(installed):
    rc, out = _self_test(installed, _inst(installed))
    print(out)
    assert all(f"[ OK ] {line}" in out for line in MANDATORY_LINES_EN), out
    assert rc == 0 and "[FAIL]" not in out, out


def test_installed_self_test_chinese_code_page(installed):
    rc, out = _self_test(installed, _inst(installed), LC_ALL="zh_CN.UTF-8")
    print(out)
    assert all(f"[通过] {line}" in out for line in MANDATORY_LINES_ZH), out
    assert rc == 0 and "[失败]" not in out, out


def test_shortcut_target_logs_under_pythonw(installed):
    """The shortcut's target (pythonw: no console at all) writes its output to the log file.

    Only what this run adds counts: the python.exe self-tests before it log the same lines into the same
    file. (A rotation during the run leaves a file holding nothing older than the run: all of it counts.)"""
    wp, inst, log = installed, _inst(installed), _log(installed)
    before = log.stat().st_size if log.is_file() else 0
    done = wp.run(inst / "runtime" / "BulletinDesk.exe", _win_install_dir(wp) + "\\bulletin_desk.pyw",
                  "--self-test", "-platform", "offscreen", timeout=240)
    assert log.is_file(), "pythonw wrote no log file"
    data = log.read_bytes()
    added = data[before:].decode("utf-8", "replace") if len(data) >= before else data.decode("utf-8", "replace")
    assert "self-test imports: ok" in added, f"pythonw added nothing to the log; it ends with: {data[-2000:]!r}"
    assert done.returncode == 0, added[-3000:]


def test_refused_while_running_then_upgrade_then_uninstall(installed, installer_upgrade, tmp_path):
    wp, inst, version = installed, _inst(installed), build_windows.project_version()
    log = _log(wp)
    if not log.exists():
        log.parent.mkdir(parents=True, exist_ok=True)
        log.write_text("planted log\n", encoding="utf-8")

    # --- the app's archive path, and a planted archive there -------------------------------------------
    done = wp.run(inst / "runtime" / "python.exe", "-c",
                  "from bulletin_desk import paths; print(paths.archive_path()); print(paths.config_dir())")
    archive_win, config_win = done.stdout.split()[:2]
    archive = wp.to_unix(archive_win)
    assert archive.resolve() == (wp.local_appdata / "BulletinDesk" / "archive.sqlite3").resolve(), archive
    archive.parent.mkdir(parents=True, exist_ok=True)
    planted = b"SQLite format 3\x00" + b"planted by test_wine" * 100
    archive.write_bytes(planted)
    settings = wp.to_unix(config_win) / "planted-settings.ini"
    settings.write_text("[ui]\nlang=zh\n", encoding="utf-8")

    # --- refused while the app runs (it holds the named mutex) --------------------------------------
    stop = tmp_path / "stop-holder"
    holder_code = (
        "import os, time; from bulletin_desk.winapp import acquire_running_mutex; m = acquire_running_mutex(); "
        "print('held', flush=True)\n"
        f"while not os.path.exists(r'{wp.run_unix(['winepath', '-w', str(stop)]).stdout.strip()}'): time.sleep(0.2)"
    )
    holder = subprocess.Popen([wp.wine, str(inst / "runtime" / "python.exe"), "-c", holder_code], env=wp.env(),
                              stdout=subprocess.PIPE, stdin=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == b"held"
        files_before = _program_files(inst)  # after the holder's imports: it writes nothing from here on
        done = wp.run(installer_upgrade, "/S")  # no wp.wait() here: it would wait for the holder too
        # 2: NSIS's exit code for an Abort in .onInit, where RefuseWhileRunning stops the installer (the
        # same code as the Windows 7 refusal below); 1 would mean the user cancelled, 0 that it installed.
        assert done.returncode == 2, f"the installer did not refuse while the app runs: {done}"
        assert wp.reg_query(UNINST_KEY).get("DisplayVersion") == version
        assert _program_files(inst) == files_before, "the refused installer changed program files"
    finally:
        stop.write_text("stop", encoding="utf-8")
        holder.wait(timeout=60)
    wp.wait()

    # --- upgrade in place ---------------------------------------------------------------------------
    (inst / "runtime" / "stale-old.dll").write_bytes(b"MZ stale")
    (inst / "lib" / "stale_pkg").mkdir()
    (inst / "lib" / "stale_pkg" / "__init__.py").write_text("", encoding="utf-8")
    (inst / "old-readme.txt").write_text("listed in the old manifest", encoding="utf-8")
    with (inst / "install-manifest.txt").open("ab") as manifest:
        manifest.write(b"old-readme.txt\r\n")
    started = time.monotonic()
    done = wp.run(installer_upgrade, "/S")
    wp.wait()
    assert done.returncode == 0, done
    print(f"upgrade took {time.monotonic() - started:.1f}s")
    assert not (inst / "runtime" / "stale-old.dll").exists()
    assert not (inst / "lib" / "stale_pkg").exists()
    assert not (inst / "old-readme.txt").exists()
    assert (inst / "runtime" / "python311.dll").is_file()
    assert (inst / "version.txt").read_text(encoding="utf-8").strip() == version  # same bundle, new label
    assert wp.reg_query(UNINST_KEY).get("DisplayVersion") == UPGRADE_VERSION
    assert archive.read_bytes() == planted, "the upgrade touched the archive"
    assert settings.is_file()

    # --- silent uninstall ---------------------------------------------------------------------------
    done = wp.run(inst / "uninstall.exe", "/S")
    wp.wait()
    assert done.returncode == 0, done
    assert not inst.exists() or not any(inst.iterdir()), sorted(p.name for p in inst.iterdir())
    assert not _start_menu(wp).exists()
    assert not (wp.home / LNK).exists()
    assert not wp.key_exists(UNINST_KEY)
    assert not wp.key_exists(r"HKCU\Software\Classes\.bdjson")
    assert not wp.key_exists(r"HKCU\Software\Classes\BulletinDesk.bdjson")
    assert not wp.key_exists(r"HKCU\Software\BulletinDesk")
    # Only user data is left, untouched.
    assert archive.read_bytes() == planted, "the uninstaller touched the archive"
    assert settings.is_file() and log.is_file()


def test_custom_folder_with_spaces_and_chinese(installed, installer_upgrade):
    """/D= (last, unquoted: through cmd /c) into a folder like a Chinese user's profile; the app runs there."""
    wp = installed
    _ensure_uninstalled(wp)
    target_win = "C:\\简报 测试\\BulletinDesk"
    setup_win = wp.run_unix(["winepath", "-w", str(installer_upgrade)]).stdout.strip()
    done = wp.cmd(f"{setup_win} /S /D={target_win}")
    wp.wait()
    assert done.returncode == 0, done
    target = wp.drive_c / "简报 测试" / "BulletinDesk"
    assert (target / "runtime" / "BulletinDesk.exe").is_file(), sorted(p.name for p in wp.drive_c.iterdir())
    assert not (_inst(wp) / "runtime").exists()
    assert wp.reg_query(UNINST_KEY).get("InstallLocation", "").endswith("\\BulletinDesk")
    done = wp.run(target / "runtime" / "python.exe", target_win + "\\bulletin_desk.pyw", "--self-test",
                  "-platform", "offscreen", encoding="cp1252", timeout=240)
    assert done.returncode == 0 and "[FAIL]" not in done.stdout, done.stdout + done.stderr
    done = wp.run(target / "uninstall.exe", "/S")
    wp.wait()
    assert done.returncode == 0
    assert not (target / "runtime").exists() and not wp.key_exists(UNINST_KEY)


def test_all_users_mode_for_it_departments(installed, installer_upgrade):
    """/AllUsers (an administrator; wine's user is one): Program Files, HKLM, all-users shortcuts; and back out."""
    wp = installed
    _ensure_uninstalled(wp)  # else the per-user keys checked below would be the earlier install's
    done = wp.run(installer_upgrade, "/S", "/AllUsers")
    wp.wait()
    assert done.returncode == 0, done
    target = wp.drive_c / "Program Files" / "BulletinDesk"
    assert (target / "runtime" / "BulletinDesk.exe").is_file()
    machine_key = r"HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall\BulletinDesk"
    key = wp.reg_query(machine_key)
    assert key.get("DisplayVersion") == UPGRADE_VERSION, key
    assert key.get("InstallLocation") == "C:\\Program Files\\BulletinDesk", key
    assert not wp.key_exists(UNINST_KEY), "the all-users mode wrote per-user keys"
    shortcut = wp.drive_c / "ProgramData" / "Microsoft" / "Windows" / "Start Menu" / "Programs" / LNK
    assert shortcut.is_file()
    done = wp.run(target / "uninstall.exe", "/S")
    wp.wait()
    assert done.returncode == 0
    assert not (target / "runtime").exists() and not shortcut.exists() and not wp.key_exists(machine_key)


def test_windows_7_is_refused(installed, installer_upgrade):
    """The same prefix switched to Windows 7 (saves a wineboot), with nothing installed: the gate must
    leave it that way."""
    wp = installed
    _ensure_uninstalled(wp)
    wp.set_version("win7")
    try:
        done = wp.run(installer_upgrade, "/S")
        wp.wait()
    finally:
        wp.set_version("win10")
    assert done.returncode == 2, done  # NSIS: aborted by .onInit (the OS gate)
    assert not (_inst(wp) / "runtime").exists()
    assert not wp.key_exists(UNINST_KEY)
