"""`bulletin-desk --self-test`: prove an installation works end to end, headless, and exit 0 only then.

The Windows installer tests (wine here, real Windows in CI) run the *installed* app with this, so each
check does the real thing and looks at the result, not merely that a file appeared: the reference issue
goes through the JSON codec, a temporary archive, an old archive's upgrade, the PDF (page count, A4,
extracted text) and the DOCX (text read back).

Rooms are built in parallel. A check whose entry point (``module:attribute``) is not importable yet is
reported as *pending* and does not fail the run — but only while its key is in ``PENDING_ALLOWED``; once a
room's entry point exists its check is mandatory whatever that set says. Now every room exists and the
set is empty: all eight checks are mandatory. ``BULLETIN_DESK_SELFTEST_STRICT=1`` forces that regardless.
"""

from __future__ import annotations

import importlib
import logging
import os
import pkgutil
import platform
import re
import shutil
import sys
import tempfile
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

import bulletin_desk
from bulletin_desk import paths
from bulletin_desk.catalogue import Message
from bulletin_desk.fileio import atomic_write_text

log = logging.getLogger("bulletin_desk.selftest")

# Every room has delivered its entry point, so nothing may be pending any more: all eight checks are
# mandatory. (While rooms were being built this held "archive", "archive_upgrade", "pdf", "docx".)
PENDING_ALLOWED: frozenset[str] = frozenset()
STRICT_ENV = "BULLETIN_DESK_SELFTEST_STRICT"
THIRD_PARTY = ("PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets", "PySide6.QtPrintSupport",
               "PySide6.QtSvg", "shiboken6", "docx", "lxml.etree", "sqlalchemy", "sqlalchemy.dialects.sqlite",
               "alembic", "mako", "markupsafe", "pypdf", "platformdirs", "sqlite3", "ctypes")
# Modules that only run inside another program: __main__ runs the CLI, Alembic's env.py needs a migration
# context.
SKIP_IMPORT_SUFFIXES = ("__main__", ".migrations.env")
# Where old-schema archives are found, oldest first by name: in the installed app, the copies that
# packaging/build_windows.py puts into the resources; in a source checkout, the archive room's test fixtures.
OLD_ARCHIVE_GLOBS = (("_resources", "samples/archives/*.sqlite3"), ("checkout", "tests/fixtures/archives/*.sqlite3"))
A4_PT = (595.3, 841.9)


class Outcome(StrEnum):
    PASSED = "ok"
    FAILED = "fail"
    PENDING = "pending"


class Pending(Exception):
    """The check's room (or its bundled data) is not there yet."""

    def __init__(self, room: str, what: str) -> None:
        super().__init__(what)
        self.room = room
        self.what = what


@dataclass
class SelfTestEnv:
    """What the checks share: a temp folder (with Chinese in its name), Qt args, the reference issue."""

    workdir: Path
    qt_args: list[str]
    issue: Any = None
    qt_app: Any = None
    notes: dict[str, Any] = field(default_factory=dict)


def _require(spec: str, room: str) -> Any:
    """``module:attr`` → the object, or Pending when the room has not delivered it yet."""
    module_name, _, attr = spec.partition(":")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name and (module_name == exc.name or module_name.startswith(exc.name + ".")):
            raise Pending(room, spec) from exc
        raise
    if attr and not hasattr(module, attr):
        raise Pending(room, spec)
    return getattr(module, attr) if attr else module


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _without_repeated_lines(text: str) -> str:
    """Drop a line that repeats the one before: Qt fakes bold (no bold face installed) by drawing a run
    twice, slightly offset, and text extraction then reads it twice."""
    kept: list[str] = []
    for line in text.splitlines():
        if not kept or line.strip() != kept[-1].strip() or not line.strip():
            kept.append(line)
    return "\n".join(kept)


def _expected_texts(issue: Any) -> list[str]:
    """Texts every rendering of the reference issue must contain: title, 栏目, article titles, leads."""
    texts = [issue.masthead.title]
    for section in issue.sections:
        texts.append(section.heading)
        for article in section.articles:
            texts.append(article.title)
            texts.extend(p.lead for p in article.paragraphs if p.lead)
    return [_flat(t) for t in texts if t and _flat(t)]


# --- checks -------------------------------------------------------------------------------------------


def check_runtime(env: SelfTestEnv) -> Message:
    logs = paths.log_dir()
    logs.mkdir(parents=True, exist_ok=True)
    probe = logs / "selftest-probe.txt"
    atomic_write_text(probe, "简报编辑台 self-test\n")
    if probe.read_text(encoding="utf-8") != "简报编辑台 self-test\n":
        raise AssertionError(f"{probe} did not read back")
    probe.unlink()
    data = paths.data_dir()
    data.mkdir(parents=True, exist_ok=True)
    chinese = env.workdir / "中文路径" / "简报.txt"
    chinese.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(chinese, "第19期\n")
    if chinese.read_text(encoding="utf-8") != "第19期\n":
        raise AssertionError(f"{chinese} did not read back")
    return Message("packaging.detail.runtime", {"data": str(data), "logs": str(logs)})


def check_imports(env: SelfTestEnv) -> Message:
    failures: list[str] = []
    ours: list[str] = []

    def onerror(name: str) -> None:
        failures.append(f"{name}: {sys.exc_info()[1]!r}")

    for info in pkgutil.walk_packages(bulletin_desk.__path__, "bulletin_desk.", onerror=onerror):
        if info.name.endswith(SKIP_IMPORT_SUFFIXES) or info.name.startswith("bulletin_desk._resources"):
            continue
        try:
            importlib.import_module(info.name)
            ours.append(info.name)
        except Exception as exc:
            failures.append(f"{info.name}: {exc!r}")
    for name in THIRD_PARTY:
        try:
            importlib.import_module(name)
        except Exception as exc:
            failures.append(f"{name}: {exc!r}")
    if failures:
        raise AssertionError("; ".join(failures))
    return Message("packaging.detail.imports", {"ours": len(ours), "third": len(THIRD_PARTY)})


def check_qt(env: SelfTestEnv) -> Message:
    from PySide6.QtCore import QLibraryInfo, QTranslator, qVersion
    from PySide6.QtGui import QColor, QFont, QFontDatabase, QIcon, QImage, QPainter
    from PySide6.QtWidgets import QApplication

    qt_args = list(env.qt_args)
    if "-platform" not in qt_args and not os.environ.get("QT_QPA_PLATFORM"):
        qt_args += ["-platform", "offscreen"]  # no window is shown: works on a server, in CI, under wine
    app = QApplication.instance() or QApplication(["bulletin-desk", *qt_args])
    env.qt_app = app
    from bulletin_desk.winapp import load_system_fonts_if_missing

    load_system_fonts_if_missing()
    cjk = [f for f in QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
           if not f.startswith("@")]
    if not cjk:
        raise AssertionError("no installed font can show Simplified Chinese")
    preferred = ("SimSun", "宋体", "FangSong", "仿宋", "Noto Serif CJK SC", "Noto Sans CJK SC")
    family = next((p for p in preferred if p in cjk), cjk[0])
    image = QImage(240, 60, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setFont(QFont(family, 24))
    painter.setPen(QColor("black"))
    painter.drawText(4, 44, "简报编辑台")
    painter.end()
    inked = sum(1 for x in range(0, 240, 2) for y in range(0, 60, 2) if image.pixelColor(x, y).lightness() < 128)
    if inked < 30:
        raise AssertionError(f"Chinese text in {family!r} painted no ink ({inked} dark samples)")
    translator = QTranslator()
    loaded = translator.load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    if not loaded:
        raise AssertionError("qtbase_zh_CN.qm not found in " +
                             QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    for qm_name, expected in (("bulletin_desk_zh_CN.qm", "简报编辑台"), ("bulletin_desk_en.qm", "Bulletin Desk")):
        ours = QTranslator()
        qm = paths.resources_dir() / "i18n" / qm_name
        if not ours.load(str(qm)) or ours.translate("App", "简报编辑台") != expected:
            raise AssertionError(f"the interface translations {qm} do not load")
    icon_dir = paths.resources_dir() / "icons"
    for name in ("bulletin_desk.ico", "bulletin_desk.png"):
        if QIcon(str(icon_dir / name)).isNull():
            raise AssertionError(f"app icon {name} does not load")
    return Message("packaging.detail.qt", {"font": family, "cjk": len(cjk), "qt": qVersion()})


def check_codec(env: SelfTestEnv) -> Message:
    from bulletin_desk.model import (
        Severity,
        dumps,
        issue_char_count,
        issue_from_dict,
        issue_label,
        issue_to_dict,
        loads,
        validate,
    )

    source = paths.resources_dir() / "samples" / "reference.bdjson"
    issue = loads(source.read_bytes())
    again = loads(dumps(issue))
    if again != issue or issue_from_dict(issue_to_dict(issue)) != issue:
        raise AssertionError("the reference issue changed in a JSON round trip")
    if dumps(again) != dumps(issue):
        raise AssertionError("dumps is not stable across a round trip")
    errors = [p for p in validate(issue) if p.severity == Severity.ERROR]
    if errors:
        raise AssertionError(f"the reference issue does not validate: {errors[:3]}")
    if not issue.sections or not any(s.articles for s in issue.sections):
        raise AssertionError("the reference issue has no articles")
    env.issue = issue
    articles = sum(len(s.articles) for s in issue.sections)
    return Message("packaging.detail.codec", {"label": issue_label(issue.masthead), "sections": len(issue.sections),
                                              "articles": articles, "chars": issue_char_count(issue)})


def _close(archive: Any) -> None:
    for name in ("close", "dispose"):
        method = getattr(archive, name, None)
        if callable(method):
            method()
            return


def _is_sqlite(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(16) == b"SQLite format 3\x00"


def check_archive(env: SelfTestEnv) -> Message:
    """A new archive in a Chinese-named folder: the reference issue saved, read back equal, integrity ok."""
    open_archive = _require("bulletin_desk.archive:open_archive", "archive")
    if env.issue is None:
        raise AssertionError("no reference issue (the codec check failed)")
    path = env.workdir / "档案库" / "archive.sqlite3"
    archive = open_archive(path)
    try:
        stored = archive.issues.save(env.issue)
        again = archive.issues.load(stored.id)
        if again.issue != env.issue:
            raise AssertionError("the issue read back from the archive differs from the one saved")
        if not archive.check().ok:
            raise AssertionError("the new archive fails its integrity check")
        revision = archive.info().revision
    finally:
        _close(archive)
    if not _is_sqlite(path):
        raise AssertionError(f"{path} is not an SQLite file")
    return Message("packaging.detail.archive", {"path": str(path), "what": f"rev {revision}, #{stored.id}"})


def _old_archives() -> list[Path]:
    found: list[Path] = []
    for where, pattern in OLD_ARCHIVE_GLOBS:
        base = paths.resources_dir() if where == "_resources" else Path(bulletin_desk.__file__).parents[2]
        found.extend(sorted(base.glob(pattern)))
        if found:
            break
    return found


def check_archive_upgrade(env: SelfTestEnv) -> Message:
    """The oldest bundled archive opens, is migrated to the newest schema, and keeps its issues."""
    open_archive = _require("bulletin_desk.archive:open_archive", "archive")
    head = _require("bulletin_desk.archive.sqlite_file:HEAD_REVISION", "archive")
    fixtures = _old_archives()
    if not fixtures:
        raise Pending("archive", "resources/samples/archives/*.sqlite3")
    fixture = fixtures[0]
    copy = env.workdir / "旧档案库" / fixture.name
    copy.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(fixture, copy)
    archive = open_archive(copy, create=False)
    try:
        info = archive.info()
        listed = archive.issues.list()
        healthy = archive.check().ok
    finally:
        _close(archive)
    if info.revision != head:
        raise AssertionError(f"{fixture.name}: schema revision {info.revision} after opening, expected {head}")
    if not healthy:
        raise AssertionError(f"{fixture.name}: integrity check fails after the upgrade")
    if info.issues < 1 or not listed:
        raise AssertionError(f"{fixture.name}: no issue left after the upgrade")
    return Message("packaging.detail.archive_upgrade", {"fixture": fixture.name, "head": head, "issues": info.issues})


def check_pdf(env: SelfTestEnv) -> Message:
    """The reference issue through the PDF export: exactly the pages the layout engine made, all A4,
    every title and lead in the extracted text.

    The page count comes from a separate run of the layout engine (about 20 ms for the reference issue),
    not from the writer, so a painter that drops, repeats or adds a page on this machine fails; "at
    least one page" would not notice."""
    write_pdf = _require("bulletin_desk.render.pdf:write_pdf", "render")
    layout_issue = _require("bulletin_desk.layout:layout_issue", "layout")
    load_profile = _require("bulletin_desk.layout:load_profile", "layout")
    if env.issue is None:
        raise AssertionError("no reference issue (the codec check failed)")
    from pypdf import PdfReader

    out = env.workdir / "导出" / "简报.pdf"
    out.parent.mkdir(parents=True, exist_ok=True)
    write_pdf(env.issue, out)
    reader = PdfReader(str(out))
    pages = len(reader.pages)
    laid_out = len(layout_issue(env.issue, load_profile()).pages)
    if pages != laid_out or pages < 1:
        raise AssertionError(f"the PDF has {pages} pages, the layout engine made {laid_out}")
    for number, page in enumerate(reader.pages, 1):
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        if abs(width - A4_PT[0]) > 2 or abs(height - A4_PT[1]) > 2:
            raise AssertionError(f"page {number} is {width:.0f}×{height:.0f} pt, not A4")
    text = _flat("".join(_without_repeated_lines(page.extract_text() or "") for page in reader.pages))
    missing = [t for t in _expected_texts(env.issue) if t not in text]
    if missing:
        raise AssertionError(f"the PDF text lacks {missing[:3]} ({len(missing)} missing)")
    return Message("packaging.detail.pdf", {"pages": pages, "found": len(_expected_texts(env.issue))})


def check_docx(env: SelfTestEnv) -> Message:
    write_docx = _require("bulletin_desk.export:write_docx", "export")
    if env.issue is None:
        raise AssertionError("no reference issue (the codec check failed)")
    import docx

    out = env.workdir / "导出" / "简报.docx"
    out.parent.mkdir(parents=True, exist_ok=True)
    write_docx(env.issue, out)
    document = docx.Document(str(out))
    paragraphs = [p.text for p in document.paragraphs]
    for table in document.tables:
        paragraphs.extend(cell.text for row in table.rows for cell in row.cells)
    text = _flat("".join(paragraphs))
    missing = [t for t in _expected_texts(env.issue) if t not in text]
    if missing:
        raise AssertionError(f"the DOCX text lacks {missing[:3]} ({len(missing)} missing)")
    section = document.sections[0]
    if section.page_width is None or abs(section.page_width.mm - 210) > 1:
        raise AssertionError(f"the DOCX page is not A4 wide: {section.page_width}")
    return Message("packaging.detail.docx", {"paragraphs": len(paragraphs), "found": len(_expected_texts(env.issue))})


CHECKS: tuple[tuple[str, Callable[[SelfTestEnv], Message]], ...] = (
    ("runtime", check_runtime),
    ("imports", check_imports),
    ("qt", check_qt),
    ("codec", check_codec),
    ("archive", check_archive),
    ("archive_upgrade", check_archive_upgrade),
    ("pdf", check_pdf),
    ("docx", check_docx),
)


@dataclass(frozen=True)
class CheckResult:
    key: str
    outcome: Outcome
    detail: Message
    room: str | None = None  # set when the check's room was not there


def run_checks(qt_args: list[str], *, strict: bool | None = None,
               checks: tuple[tuple[str, Callable[[SelfTestEnv], Message]], ...] | None = None) -> list[CheckResult]:
    """Run every check in order (later ones use what earlier ones made) and classify each."""
    if strict is None:
        strict = os.environ.get(STRICT_ENV, "") not in ("", "0")
    if checks is None:
        checks = CHECKS
    results: list[CheckResult] = []
    with tempfile.TemporaryDirectory(prefix="简报自检-") as tmp:
        env = SelfTestEnv(workdir=Path(tmp), qt_args=list(qt_args))
        for key, check in checks:
            try:
                detail = check(env)
                results.append(CheckResult(key, Outcome.PASSED, detail))
            except Pending as pending:
                outcome = Outcome.FAILED if strict or key not in PENDING_ALLOWED else Outcome.PENDING
                detail = Message("packaging.detail.missing", {"what": pending.what})
                results.append(CheckResult(key, outcome, detail, room=pending.room))
                log.warning("self-test %s: %s not available (%s)", key, pending.what, outcome)
            except Exception as exc:
                log.error("self-test %s failed:\n%s", key, traceback.format_exc())
                results.append(CheckResult(key, Outcome.FAILED, Message("packaging.detail.error", {"error": exc})))
    return results


def run_self_test(ctx: Any, qt_args: list[str]) -> int:
    """The ``--self-test`` command: one line per check in the chosen language; 0 only if nothing failed."""
    ctx.say("packaging.selftest.header", version=bulletin_desk.__version__, python=platform.python_version(),
            platform=platform.platform())
    results = run_checks(qt_args)
    for result in results:
        name = ctx.t(f"packaging.check.{result.key}")
        detail = result.detail.render(ctx.lang)
        if result.outcome is Outcome.PASSED:
            ctx.say("packaging.selftest.ok", check=name, detail=detail)
        elif result.outcome is Outcome.PENDING:
            ctx.say("packaging.selftest.pending", check=name, room=result.room, detail=detail)
        else:
            ctx.say("packaging.selftest.fail", check=name, detail=detail)
        log.info("self-test %s: %s %s", result.key, result.outcome, result.detail.render("en"))
    failed = sum(r.outcome is Outcome.FAILED for r in results)
    if failed:
        ctx.say("packaging.selftest.failed", failed=failed, log=str(paths.log_dir()))
        return 1
    ctx.say("packaging.selftest.passed", passed=sum(r.outcome is Outcome.PASSED for r in results),
            pending=sum(r.outcome is Outcome.PENDING for r in results))
    return 0
