"""The runtime's Authenticode signers are pinned by certificate, not by name: a self-made certificate whose
subject says "Python Software Foundation" signs a DLL with a matching digest, and the build must still
refuse it. Fast: a 1 KiB synthetic DLL, signed here with osslsigncode (the genuine runtime is checked in
test_bundle.py)."""

from __future__ import annotations

import re
import struct
import subprocess
from pathlib import Path

import build_windows
import pytest
from tests.tooling import require_tool

PSF_SUBJECT = "/C=US/ST=Oregon/L=Beaverton/O=Python Software Foundation/CN=Python Software Foundation"


def minimal_dll() -> bytes:
    """A PE32+ (x86-64) DLL with one section holding `ret`: all osslsigncode needs to sign and verify."""
    dos = bytearray(64)
    dos[:2] = b"MZ"
    struct.pack_into("<I", dos, 0x3C, 64)
    coff = struct.pack("<HHIIIHH", 0x8664, 1, 0, 0, 0, 240, 0x2022)  # amd64, 1 section, DLL|executable
    opt = bytearray(240)
    struct.pack_into("<HBBIIIII", opt, 0, 0x20B, 14, 0, 0x200, 0, 0, 0x1000, 0x1000)
    struct.pack_into("<QII", opt, 24, 0x180000000, 0x1000, 0x200)  # image base, section/file alignment
    struct.pack_into("<HHHHHH", opt, 40, 6, 0, 0, 0, 6, 0)
    struct.pack_into("<IIIH", opt, 56, 0x2000, 0x200, 0, 2)  # image size, header size, checksum, GUI
    struct.pack_into("<H", opt, 70, 0x160)
    struct.pack_into("<QQQQ", opt, 72, 0x100000, 0x1000, 0x100000, 0x1000)
    struct.pack_into("<II", opt, 104, 0, 16)  # 16 data directories (the security one is #4)
    section = struct.pack("<8sIIIIIIHHI", b".text", 0x10, 0x1000, 0x200, 0x200, 0, 0, 0, 0, 0x60000020)
    headers = bytes(dos) + b"PE\0\0" + coff + bytes(opt) + section
    return headers.ljust(0x200, b"\0") + b"\xc3".ljust(0x200, b"\0")


def _sign_with_own_certificate(target: Path, subject: str, work: Path) -> str:
    """Sign ``target`` in place with a fresh self-signed code-signing certificate; returns its SHA-256."""
    openssl, osslsigncode = require_tool("openssl"), require_tool("osslsigncode")
    key, cert, pfx, out = work / "k.pem", work / "c.pem", work / "c.pfx", work / "signed.bin"
    subprocess.run([openssl, "req", "-x509", "-newkey", "rsa:2048", "-keyout", str(key), "-out", str(cert),
                    "-days", "2", "-nodes", "-subj", subject, "-addext", "extendedKeyUsage=codeSigning"],
                   check=True, capture_output=True)
    subprocess.run([openssl, "pkcs12", "-export", "-inkey", str(key), "-in", str(cert), "-out", str(pfx),
                    "-passout", "pass:x"], check=True, capture_output=True)
    subprocess.run([osslsigncode, "sign", "-pkcs12", str(pfx), "-pass", "x", "-h", "sha256", "-in", str(target),
                    "-out", str(out)], check=True, capture_output=True)
    out.replace(target)
    done = subprocess.run([openssl, "x509", "-in", str(cert), "-noout", "-fingerprint", "-sha256"],
                          check=True, capture_output=True, text=True)
    return done.stdout.split("=", 1)[1].strip().replace(":", "")


def test_a_forged_psf_subject_is_rejected(tmp_path):
    runtime = tmp_path / "runtime"
    runtime.mkdir()
    dll = runtime / "python311.dll"
    dll.write_bytes(minimal_dll())
    fingerprint = _sign_with_own_certificate(dll, PSF_SUBJECT, tmp_path)
    done = subprocess.run([require_tool("osslsigncode"), "verify", "-in", str(dll)], capture_output=True, text=True)
    # The forgery passes everything the subject-only check looked at: a matching digest and the PSF's name.
    assert "CN=Python Software Foundation" in done.stdout
    digests = re.findall(r"(?:Current|Calculated) message digest\s*:\s*([0-9A-F]{64})", done.stdout)
    assert len(digests) == 2 and digests[0] == digests[1], done.stdout
    with pytest.raises(build_windows.BuildError, match="not pinned") as caught:
        build_windows.verify_signatures(runtime)
    assert fingerprint in str(caught.value)  # says which certificate, for whoever bumps the runtime pin


def test_pins_name_only_trusted_signers():
    assert set(build_windows.PINNED_SIGNER_CERTS.values()) <= set(build_windows.TRUSTED_SIGNERS)
    assert "Python Software Foundation" in build_windows.PINNED_SIGNER_CERTS.values()
    assert all(len(h) == 64 and h == h.upper() and int(h, 16) >= 0 for h in build_windows.PINNED_SIGNER_CERTS)


def test_signer_named_in_subject():
    named = build_windows._named_signer
    assert named(PSF_SUBJECT) == "Python Software Foundation"
    assert named("CN=Microsoft Windows Software Compatibility Publisher, O=Microsoft Corporation, L=Redmond, "
                 "S=Washington, C=US") == "Microsoft Corporation"  # as Windows writes a subject
    assert named("/O=Python Software Foundation Fans/CN=x") is None
    assert named("/O=Evil/OU=Python Software Foundation") is None


@pytest.mark.parametrize(("status", "leaf", "subject", "accepted"), [
    ("Valid", next(iter(build_windows.PINNED_SIGNER_CERTS)),
     "CN=Python Software Foundation, O=Python Software Foundation, L=Beaverton, S=Oregon, C=US", True),
    ("Valid", "AB" * 32, "CN=Python Software Foundation, O=Python Software Foundation, C=US", False),  # forged
    ("Valid", "", "", False),  # unsigned
    ("HashMismatch", next(iter(build_windows.PINNED_SIGNER_CERTS)),
     "CN=Python Software Foundation, O=Python Software Foundation, C=US", False),
])
def test_windows_fallback_pins_the_certificate_too(tmp_path, monkeypatch, status, leaf, subject, accepted):
    """On Windows without osslsigncode, Get-AuthenticodeSignature answers: a Valid status for a self-made
    certificate with the PSF's name (a trusted root is all it takes on a machine one controls) is refused."""
    runtime = tmp_path / "runtime"
    runtime.mkdir()
    (runtime / "python311.dll").write_bytes(b"MZ")

    def fake_powershell(cmd, **kwargs):  # type: ignore[no-untyped-def]
        assert cmd[0] == "powershell" and "SHA256" in cmd[-1] and "RawData" in cmd[-1]
        return subprocess.CompletedProcess(cmd, 0, stdout=f"{status}|{leaf}|{subject}\r\n", stderr="")

    monkeypatch.setattr(build_windows.subprocess, "run", fake_powershell)
    if accepted:
        assert build_windows._verify_signatures_powershell(runtime) == {"python311.dll": "Python Software Foundation"}
    else:
        with pytest.raises(build_windows.BuildError, match=r"python311\.dll"):
            build_windows._verify_signatures_powershell(runtime)
