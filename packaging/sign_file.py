#!/usr/bin/env python3
"""Sign one Windows executable in place with osslsigncode (Authenticode, SHA-256).

Called by makensis through ``!uninstfinalize`` and ``!finalize`` (build_windows.py --sign-pfx), so the
uninstaller is signed before it is packed into the installer, then the installer itself. The password
comes from an environment variable, never from the command line (it would show in process lists and logs).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path


def sign(target: Path, pfx: Path, password: str, timestamp_url: str | None = None) -> None:
    tool = shutil.which("osslsigncode")
    if tool is None:
        raise SystemExit("osslsigncode is not installed (apt-get install osslsigncode)")
    signed = target.with_name(target.name + ".signed")
    cmd = [tool, "sign", "-pkcs12", str(pfx), "-readpass", "/dev/stdin", "-n", "简报编辑台 Bulletin Desk",
           "-h", "sha256", "-in", str(target), "-out", str(signed)]
    if timestamp_url:
        cmd[2:2] = ["-ts", timestamp_url]
    done = subprocess.run(cmd, input=password, capture_output=True, text=True)
    if done.returncode or not signed.is_file():
        signed.unlink(missing_ok=True)
        raise SystemExit(f"signing {target.name} failed: {done.stdout}{done.stderr}")
    os.replace(signed, target)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("file", type=Path)
    parser.add_argument("--pfx", type=Path, required=True)
    parser.add_argument("--pass-env", default="BULLETIN_DESK_SIGN_PASS")
    parser.add_argument("--timestamp-url", default=None)
    args = parser.parse_args(argv)
    password = os.environ.get(args.pass_env)
    if password is None:
        print(f"{args.pass_env} is not set", file=sys.stderr)
        return 2
    sign(args.file, args.pfx, password, args.timestamp_url)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
