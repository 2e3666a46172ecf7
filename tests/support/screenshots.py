"""Screenshots of the real window for looking at it and for the README — by hand, never from CI.

Run under a virtual X server, with fresh user folders so the app seeds its archive with the reference
issue as on a first start::

    XDG_DATA_HOME=$(mktemp -d) XDG_CONFIG_HOME=$(mktemp -d) QT_QPA_PLATFORM=xcb \\
        xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python -m tests.support.screenshots OUTDIR

Writes main-window.png, import-dialog.png, settings-dialog.png, workspace.png, templates-dialog.png and
stats-dialog.png (ImageMagick ``import -window root``),
the window as `bulletin_desk.app.main` builds it (archive, lock, start issue, translators).
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def _pump(app: object, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        app.processEvents()  # type: ignore[attr-defined]
        time.sleep(0.01)


def _grab(app: object, target: Path) -> None:
    _pump(app, 0.6)
    subprocess.run(["import", "-window", "root", str(target)], check=True)
    print(target)


def main(outdir: Path) -> int:
    from PySide6.QtWidgets import QApplication

    from bulletin_desk import app as app_module
    from bulletin_desk import paths
    from bulletin_desk.gui.import_dialog import ImportDialog
    from bulletin_desk.gui.settings import load_settings
    from bulletin_desk.gui.settings_dialog import SettingsDialog
    from bulletin_desk.ingest import import_path

    outdir.mkdir(parents=True, exist_ok=True)
    qapp = QApplication.instance() or QApplication([sys.argv[0]])
    qapp.setApplicationName("BulletinDesk")
    app_module.prefer_ui_fonts(qapp)
    app_module.install_translators(qapp, "zh")
    settings = load_settings()
    session = app_module.open_session(paths.archive_path(), settings, lambda _w, _e: False)
    window = session.window
    assert window is not None
    try:
        window.setGeometry(0, 0, 1600, 1000)
        window.show()
        window.select_node(("article", 0, 0))  # page 1 in the preview: the red masthead
        deadline = time.monotonic() + 20
        while not (window.runner.is_idle() and window.preview.page_count() and not window.page_strip.pending()):
            _pump(qapp, 0.05)
            if time.monotonic() > deadline:
                raise SystemExit("the preview did not come up")
        _grab(qapp, outdir / "main-window.png")
        sample = REPO.parent / "shared" / "samples" / "reference-bulletin.txt"
        dialog = ImportDialog(import_path(sample), sample.name, window)
        dialog.show()
        _grab(qapp, outdir / "import-dialog.png")
        dialog.close()
        settings_dialog = SettingsDialog(window.settings, window)
        settings_dialog.show()
        _grab(qapp, outdir / "settings-dialog.png")
        settings_dialog.close()
        from bulletin_desk.gui.stats_dialog import StatsDialog
        from bulletin_desk.gui.templates_dialog import TemplatesDialog
        from bulletin_desk.gui.workspace import WorkspaceDialog

        for name, extra in (("workspace.png", WorkspaceDialog(window)),
                            ("templates-dialog.png", TemplatesDialog(window.link.repo, window)),
                            ("stats-dialog.png", StatsDialog(window))):
            extra.show()
            _grab(qapp, outdir / name)
            extra.close()
    finally:
        window.doc.stack.setClean()
        window.close()
        window.runner.wait_idle(5000)
        session.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots")))
