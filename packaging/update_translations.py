"""Regenerate resources/i18n/*.ts from the sources with pyside6-lupdate and compile them to .qm.

Run it after adding or changing a tr() string:  ``.venv/bin/python packaging/update_translations.py``

- The sources are src/bulletin_desk/gui/*.py and app.py (the files tests/gui/test_i18n.py lints).
- Existing translations are kept (lupdate merges); strings no longer in the sources are dropped
  (``-no-obsolete``), so the committed catalogues hold exactly what the code asks for.
- bulletin_desk_zh_CN.ts: the source language is Chinese, so every translation is set equal to its
  source and marked finished — the zh_CN catalogue is complete by construction, and a later change
  of the source language needs no code change.
- bulletin_desk_en.ts: a new string arrives ``type="unfinished"``; write its English in the .ts
  (pyside6-linguist or an editor), run this again, and commit .ts and .qm. The script exits 1 while
  any English is missing, and the tests fail on it too.
- Locations are not recorded (``-locations none``) so an edit elsewhere in a file does not churn
  the catalogues; the context (class name) and the Chinese text identify a message.
"""

from __future__ import annotations

import argparse
import re
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
I18N = REPO / "resources" / "i18n"
SOURCE_LANGUAGE = "zh_CN"
# target language code → catalogue stem (the app loads <stem>.qm; packaging compiles each .ts it finds)
CATALOGUES = {"en": "bulletin_desk_en", "zh_CN": "bulletin_desk_zh_CN"}


class ToolError(RuntimeError):
    """lupdate/lrelease missing or failed; the message says which and why."""


@dataclass(frozen=True)
class TsMessage:
    context: str
    source: str
    comment: str  # the disambiguation, tr(text, "comment")
    translation: str
    kind: str  # "" (finished), "unfinished", "vanished", "obsolete"

    @property
    def key(self) -> tuple[str, str, str]:
        return self.context, self.source, self.comment


def source_files(repo: Path = REPO) -> list[Path]:
    package = repo / "src" / "bulletin_desk"
    return [*sorted((package / "gui").glob("*.py")), package / "app.py"]


def find_tool(name: str) -> str:
    """pyside6-<name> beside this Python (the venv), on PATH, or the binary inside the PySide6 wheel."""
    here = Path(sys.executable).parent
    for candidate in (shutil.which(f"pyside6-{name}", path=str(here)), shutil.which(f"pyside6-{name}")):
        if candidate:
            return candidate
    try:
        import PySide6

        base = Path(PySide6.__file__).parent
        for binary in (base / name, base / f"{name}.exe", base / "Qt" / "libexec" / name):
            if binary.is_file():
                return str(binary)
    except ImportError:
        pass
    found = shutil.which(name)
    if found:
        return found
    raise ToolError(f"{name} not found: install PySide6 (pyside6-{name}) or Qt's linguist tools")


def _run(args: list[str]) -> str:
    done = subprocess.run(args, capture_output=True, text=True, errors="replace")
    if done.returncode:
        raise ToolError(f"{Path(args[0]).name} failed ({done.returncode}): {(done.stderr or done.stdout)[-2000:]}")
    return done.stdout


def run_lupdate(sources: list[Path], ts: Path, target_language: str) -> str:
    """Extract (or merge into an existing ts) every tr()/translate() string of the sources."""
    return _run([find_tool("lupdate"), *map(str, sources), "-source-language", SOURCE_LANGUAGE,
                 "-target-language", target_language, "-locations", "none", "-no-obsolete", "-ts", str(ts)])


def run_lrelease(ts: Path, qm: Path) -> str:
    return _run([find_tool("lrelease"), str(ts), "-qm", str(qm)])


def read_ts(ts: Path) -> list[TsMessage]:
    result = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            result.append(TsMessage(
                context=name, source=message.findtext("source") or "", comment=message.findtext("comment") or "",
                translation=(translation.text or "") if translation is not None else "",
                kind=(translation.get("type") or "") if translation is not None else "unfinished"))
    return result


# The compiled .qm (Qt's QTranslator format, as lrelease writes it): a magic number, then sections of
# (tag u8, length u32 big-endian, data). The messages section is a run of records, each a list of
# (tag u8, length u32, bytes) fields closed by an end tag: translations in UTF-16BE, source text, context
# and comment in UTF-8. Read here so a build without lrelease can still prove a committed .qm says exactly
# what its .ts says (packaging/build_windows.py compile_translations).
QM_MAGIC = bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")
QM_MESSAGES = 0x69
_QM_END, _QM_TRANSLATION, _QM_SOURCE, _QM_CONTEXT, _QM_COMMENT = 1, 3, 6, 7, 8
_QM_NULL = 0xFFFFFFFF


def read_qm(qm: Path) -> dict[tuple[str, str, str], list[str]]:
    """{(context, source, comment): translations} of a .qm written by lrelease (not a hash-only
    "stripped" one). lrelease drops a comment that no other message needs for disambiguation, so the
    comment read here may be "" where the .ts has one: :func:`qm_problems` allows for that."""
    data = qm.read_bytes()
    if data[:16] != QM_MAGIC:
        raise ValueError(f"{qm.name}: not a Qt .qm file")
    sections: dict[int, bytes] = {}
    pos = 16
    while pos < len(data):
        if pos + 5 > len(data):
            raise ValueError(f"{qm.name}: truncated section header at byte {pos}")
        tag, length = data[pos], struct.unpack_from(">I", data, pos + 1)[0]
        sections[tag] = data[pos + 5:pos + 5 + length]
        pos += 5 + length
    if pos != len(data):
        raise ValueError(f"{qm.name}: truncated section")
    records = sections.get(QM_MESSAGES, b"")
    messages: dict[tuple[str, str, str], list[str]] = {}
    pos = 0
    while pos < len(records):
        translations: list[str] = []
        fields = {_QM_SOURCE: "", _QM_CONTEXT: "", _QM_COMMENT: ""}
        while True:
            tag = records[pos]
            pos += 1
            if tag == _QM_END:
                break
            if tag not in (_QM_TRANSLATION, *fields):
                raise ValueError(f"{qm.name}: unexpected message field tag {tag} (an old or stripped .qm?)")
            length = struct.unpack_from(">I", records, pos)[0]
            pos += 4
            if tag == _QM_TRANSLATION and length == _QM_NULL:
                translations.append("")
                continue
            raw = records[pos:pos + length]
            if len(raw) != length:
                raise ValueError(f"{qm.name}: truncated message")
            pos += length
            if tag == _QM_TRANSLATION:
                translations.append(raw.decode("utf-16-be"))
            else:
                fields[tag] = raw.decode("utf-8")
        messages[(fields[_QM_CONTEXT], fields[_QM_SOURCE], fields[_QM_COMMENT])] = translations
    return messages


def qm_problems(ts: Path, qm: Path) -> list[str]:
    """Why ``qm`` is not what lrelease makes of ``ts`` (empty when it is, message for message).

    Every message of the .ts must be finished and non-empty (lrelease would silently drop an empty one,
    and the tests demand it anyway), the .qm must hold each with exactly its translation, and nothing
    else. Compared by content, not by bytes: this runs where lrelease is missing, to vet a committed
    .qm instead of recompiling it."""
    if not qm.is_file():
        return [f"{qm.name} is missing"]
    messages = read_ts(ts)
    unfinished = [m for m in messages if m.kind or not m.translation.strip()]
    problems = [f"[{m.context}] {m.source!r}: {m.kind or 'empty translation'} in {ts.name}" for m in unfinished]
    try:
        compiled = read_qm(qm)
    except ValueError as exc:
        return [*problems, str(exc)]
    used: set[tuple[str, str, str]] = set()
    for m in messages:
        if m in unfinished:
            continue
        key = m.key if m.key in compiled else (m.context, m.source, "")
        if compiled.get(key) != [m.translation]:
            problems.append(f"[{m.context}] {m.source!r}: {qm.name} has {compiled.get(key)!r}, "
                            f"{ts.name} has {m.translation!r}")
        used.add(key)
    problems += [f"[{c}] {s!r}: in {qm.name} but not in {ts.name}" for c, s, _ in sorted(set(compiled) - used)]
    return problems


_MESSAGE = re.compile(r"(<message>\s*<source>)(.*?)(</source>.*?)<translation[^>]*?(?:/>|>.*?</translation>)", re.S)


def fill_identity(ts: Path) -> int:
    """Source-language catalogue: each translation := its source, finished. Edits the text lupdate wrote
    (the source is already XML-escaped there) so lupdate's layout stays and a re-run changes nothing."""
    text = ts.read_text(encoding="utf-8")
    new, count = _MESSAGE.subn(lambda m: f"{m[1]}{m[2]}{m[3]}<translation>{m[2]}</translation>", text)
    if new != text:
        ts.write_text(new, encoding="utf-8")
    return count


def update(repo: Path = REPO, compile_qm: bool = True) -> list[TsMessage]:
    """Regenerate both catalogues (and .qm); returns the English messages still lacking a translation."""
    i18n = repo / "resources" / "i18n"
    i18n.mkdir(parents=True, exist_ok=True)
    sources = source_files(repo)
    missing: list[TsMessage] = []
    for language, stem in CATALOGUES.items():
        ts = i18n / f"{stem}.ts"
        run_lupdate(sources, ts, language)
        if language == SOURCE_LANGUAGE:
            fill_identity(ts)
        else:
            missing += [m for m in read_ts(ts) if m.kind or not m.translation.strip()]
        if compile_qm:
            run_lrelease(ts, ts.with_suffix(".qm"))
    return missing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--no-compile", action="store_true", help="update the .ts files only")
    args = parser.parse_args(argv)
    try:
        missing = update(compile_qm=not args.no_compile)
    except ToolError as exc:
        print(exc, file=sys.stderr)
        return 2
    counts = {stem: len(read_ts(I18N / f"{stem}.ts")) for stem in CATALOGUES.values()}
    print("messages: " + ", ".join(f"{stem} {n}" for stem, n in counts.items()), flush=True)
    if missing:
        print(f"{len(missing)} English translation(s) missing in {CATALOGUES['en']}.ts:", file=sys.stderr)
        for m in missing:
            print(f"  [{m.context}] {m.source!r}" + (f" ({m.comment})" if m.comment else ""), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
