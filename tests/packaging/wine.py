"""A throw-away wine prefix set to Windows 10, and helpers to run Windows programs in it.

Gotchas (packaging notes 2c): HOME must point into the scratch folder *before* wineboot (the prefix's
Desktop is a symlink to $HOME); the Windows process does not see Linux environment variables such as
QT_QPA_PLATFORM (pass ``-platform offscreen``); the registry is flushed lazily (use ``wine reg query``);
``wineserver -w`` waits for the uninstaller, which re-launches itself from %TEMP%.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.tooling import require_tool

CJK_FONT_CANDIDATES = (
    "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/arphic/ukai.ttc",
)


@dataclass
class Done:
    returncode: int
    stdout: str
    stderr: str


def require_locale(name: str) -> None:
    """Wine maps Windows file names to Unix ones through the Unix locale: without a generated zh_CN.UTF-8
    locale, a Chinese path (C:\\Users\\张三\\…) cannot be created at all. Fails under CI=true."""
    import pytest

    available = subprocess.run(["locale", "-a"], capture_output=True, text=True).stdout.lower().split()
    if name.lower().replace("utf-8", "utf8") in available:
        return
    message = f"locale {name} is not generated (localedef -i zh_CN -f UTF-8 zh_CN.UTF-8)"
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(message)
    pytest.skip(message)


class WinePrefix:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.home = root / "home"
        self.prefix = root / "prefix"
        self.wine = require_tool("wine")
        require_tool("wineserver")

    def env(self, **extra: str) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "QT_", "DISPLAY"))}
        env.update(WINEPREFIX=str(self.prefix), WINEDEBUG="-all", HOME=str(self.home),
                   WINEDLLOVERRIDES="mscoree,mshtml=", LANG="C.UTF-8")
        env.update(extra)
        return env

    def create(self, version: str = "win10") -> None:
        self.home.mkdir(parents=True, exist_ok=True)
        self.run_unix(["wineboot", "--init"], timeout=180)
        self.set_version(version)
        fonts = self.drive_c / "windows" / "Fonts"
        fonts.mkdir(parents=True, exist_ok=True)
        font = next((Path(f) for f in CJK_FONT_CANDIDATES if Path(f).is_file()), None)
        assert font is not None, "no CJK font on the build machine (apt-get install fonts-noto-cjk)"
        shutil.copy2(font, fonts / font.name)

    def set_version(self, version: str) -> None:
        self.run_unix([self.wine, "winecfg", "-v", version])
        self.wait()

    @property
    def drive_c(self) -> Path:
        return self.prefix / "drive_c"

    @property
    def user_dir(self) -> Path:
        users = [p for p in (self.drive_c / "users").iterdir() if p.name not in ("Public", "public")]
        assert len(users) == 1, users
        return users[0]

    @property
    def local_appdata(self) -> Path:
        return self.user_dir / "AppData" / "Local"

    def run_unix(self, cmd: list[str], timeout: float = 300, **env: str) -> Done:
        """A Linux command in this prefix (winepath starts wine too: same capture as :meth:`run`)."""
        return self._captured(cmd, timeout, "utf-8", **env)

    def run(self, program: Path | str, *args: str, timeout: float = 300, encoding: str = "utf-8",
            **env: str) -> Done:
        """Run a Windows program; its console output is decoded with ``encoding`` (cp1252, gbk…).

        Output goes to temporary files, not pipes: wine's services (winedevice, explorer) started by
        this program inherit its stdout and outlive it while another wine process runs, so reading a
        pipe to EOF would wait for them — forever, even after subprocess's timeout kills the program."""
        return self._captured([self.wine, str(program), *args], timeout, encoding, **env)

    def _captured(self, cmd: list[str], timeout: float, encoding: str, **env: str) -> Done:
        # Pipes (wine's console needs them: a file as stdout gives python.exe "Invalid handle"), read by
        # threads; once the program has exited, EOF is awaited only briefly, because wine services it
        # started inherit the pipe and may live on.
        proc = subprocess.Popen(cmd, env=self.env(**env), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                stdin=subprocess.DEVNULL, cwd=self.root)
        chunks: dict[str, list[bytes]] = {"out": [], "err": []}

        def drain(stream: Any, into: list[bytes]) -> None:
            for block in iter(lambda: stream.read1(65536), b""):
                into.append(block)

        readers = [threading.Thread(target=drain, args=(proc.stdout, chunks["out"]), daemon=True),
                   threading.Thread(target=drain, args=(proc.stderr, chunks["err"]), daemon=True)]
        for reader in readers:
            reader.start()
        try:
            code = proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
            raise
        for reader in readers:
            reader.join(timeout=3)
        return Done(code, b"".join(chunks["out"]).decode(encoding, "replace"),
                    b"".join(chunks["err"]).decode(encoding, "replace"))

    def cmd(self, line: str, timeout: float = 300) -> Done:
        """``cmd /c LINE``: the only way to pass ``/D=C:\\path with spaces`` unquoted."""
        return self.run("cmd", "/c", line, timeout=timeout)

    def wait(self) -> None:
        subprocess.run(["wineserver", "-w"], env=self.env(), timeout=300, check=False)

    def reg_query(self, key: str) -> dict[str, str]:
        done = self.run("reg", "query", key)
        values: dict[str, str] = {}
        if done.returncode != 0:
            return values
        for line in done.stdout.splitlines():
            parts = line.strip().split(None, 2)
            if len(parts) >= 2 and parts[1].startswith("REG_"):
                values[parts[0]] = parts[2] if len(parts) == 3 else ""
        return values

    def key_exists(self, key: str) -> bool:
        return self.run("reg", "query", key).returncode == 0

    def to_unix(self, windows_path: str) -> Path:
        done = self.run_unix(["winepath", "-u", windows_path])
        assert done.returncode == 0, done.stderr
        return Path(done.stdout.strip())
