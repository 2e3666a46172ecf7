"""Windows package figures: sizes and times of the build, and of the installed app under wine.

Run: ``.venv/bin/python benchmarks/windows_package_bench.py [--no-wine]`` (needs nsis, osslsigncode; wine
for the last three figures). Prints each figure beside its budget and flags OVER. Figures:
  unpacked   the bundle folder (runtime + lib + app)                         budget 110 MB
  installer  the LZMA release installer                                      budget 40 MB
  bundle     assembling the bundle from the download cache (build/win-cache) budget 60 s
  makensis   LZMA compression of the installer                               budget 120 s
  install    silent install under wine (Windows 10 prefix)                   budget 30 s
  self-test  the installed app's --self-test -platform offscreen under wine   budget 30 s
  upgrade    silent install over the previous installation                   budget 30 s
Never part of the test suite: timings in tests are flaky on shared machines.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "packaging"))
sys.path.insert(0, str(REPO))

import build_windows  # noqa: E402

MB = 1000 * 1000


def report(name: str, value: float, budget: float, unit: str) -> None:
    flag = "OVER" if value > budget else "ok"
    print(f"{name:<10} {value:8.1f} {unit:<3} (budget {budget:g} {unit})  {flag}", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-wine", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bd-winbench-") as tmp:
        work = Path(tmp)
        version = build_windows.project_version()
        t = time.monotonic()
        result = build_windows.assemble_bundle(work / "build", REPO / "build" / "win-cache", version)
        report("bundle", time.monotonic() - t, 60, "s")
        report("unpacked", result.unpacked_bytes / MB, 110, "MB")
        t = time.monotonic()
        exe = build_windows.run_makensis(result.bundle, version, work / build_windows.installer_name(version))
        report("makensis", time.monotonic() - t, 120, "s")
        report("installer", exe.stat().st_size / MB, 40, "MB")
        if args.no_wine:
            return 0
        from tests.packaging.wine import WinePrefix

        wp = WinePrefix(work / "wine")
        wp.create("win10")
        t = time.monotonic()
        assert wp.run(exe, "/S").returncode == 0
        wp.wait()
        report("install", time.monotonic() - t, 30, "s")
        inst = wp.local_appdata / "Programs" / "BulletinDesk"
        pyw = f"C:\\users\\{wp.user_dir.name}\\AppData\\Local\\Programs\\BulletinDesk\\bulletin_desk.pyw"
        t = time.monotonic()
        done = wp.run(inst / "runtime" / "python.exe", pyw, "--self-test", "-platform", "offscreen",
                      encoding="cp1252")
        report("self-test", time.monotonic() - t, 30, "s")
        print(done.stdout)
        t = time.monotonic()
        assert wp.run(exe, "/S").returncode == 0
        wp.wait()
        report("upgrade", time.monotonic() - t, 30, "s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
