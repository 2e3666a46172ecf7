"""Start 简报编辑台 (Bulletin Desk) from the embedded runtime.

The Start-menu shortcut runs ``runtime\\BulletinDesk.exe`` (a renamed, still PSF-signed pythonw.exe) on
this file; ``runtime\\python.exe bulletin_desk.pyw --self-test -platform offscreen`` checks an installation
from a console. runtime\\python311._pth puts ..\\lib and ..\\app on sys.path, so nothing here needs a path.
"""

import sys

from bulletin_desk.winapp import run_installed_app

raise SystemExit(run_installed_app(sys.argv[1:]))
