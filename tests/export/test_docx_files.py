"""Embedded issue + body hash, XML-illegal characters, atomic writes and their failures."""

from __future__ import annotations

import errno
import io
import os
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path
from typing import IO, Any

import pytest
from lxml import etree
from tests.export.conftest import FIXED_NOW, read_part

from bulletin_desk import fileio
from bulletin_desk.export import build_docx_bytes, write_docx
from bulletin_desk.export.embedded import body_text, read_embedded
from bulletin_desk.fileio import FileWriteError
from bulletin_desk.model import issue_to_dict


def _replace_part(data: bytes, name: str, new: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            dst.writestr(info, new if info.filename == name else src.read(info.filename))
    return out.getvalue()


def test_embedded_issue_round_trips_and_untouched_file_is_recognised(reference_issue):
    data = build_docx_bytes(reference_issue, now=FIXED_NOW)
    found = read_embedded(data)
    assert found is not None and found.untouched
    assert issue_to_dict(found.issue) == issue_to_dict(reference_issue)
    rels = read_part(data, "word/_rels/document.xml.rels")
    assert any(r.get("Target") == "../customXml/item1.xml" for r in rels)


def test_an_edit_in_word_breaks_the_hash(reference_issue):
    data = build_docx_bytes(reference_issue, now=FIXED_NOW)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        document = archive.read("word/document.xml")
    edited = _replace_part(data, "word/document.xml", document.replace("吸引100余万人次".encode(),
                                                                       "吸引200余万人次".encode()))
    found = read_embedded(edited)
    assert found is not None and not found.untouched
    # Re-splitting runs (as Word does when it saves) keeps the text, so the hash still matches.
    resplit = document.replace("倡议书".encode(), "倡议</w:t></w:r><w:r><w:t>书".encode(), 1)
    assert body_text(resplit) == body_text(document)


def test_file_without_embedded_issue_reads_none(reference_issue):
    data = build_docx_bytes(reference_issue, now=FIXED_NOW)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            if not info.filename.startswith("customXml/"):
                dst.writestr(info, src.read(info.filename))
    assert read_embedded(out.getvalue()) is None


def test_control_characters_and_lone_surrogates_are_removed_with_a_warning(reference_issue, tmp_path):
    article = reference_issue.sections[0].articles[0]
    article.paragraphs[1].text = "守护\x0b在基层\ud800防控现场" + article.paragraphs[1].text
    article.title = "海淀区\x01" + article.title
    report = write_docx(reference_issue, tmp_path / "out.docx")
    rendered = sorted(m.render("zh") for m in report.warnings if m.code == "export.illegal_chars")
    assert rendered == ["“第1栏第1篇标题”中含有 1 个无法写入 DOCX 的控制字符，已删除。",
                        "“第1栏第1篇第2段”中含有 2 个无法写入 DOCX 的控制字符，已删除。"]
    assert "section 1, article 1, paragraph 2" in "".join(m.render("en") for m in report.warnings)
    data = (tmp_path / "out.docx").read_bytes()
    text = body_text(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    assert "守护在基层防控现场" in text and "\x0b" not in text
    assert read_embedded(data).untouched
    assert reference_issue.sections[0].articles[0].title.startswith("海淀区\x01")  # the caller's issue is untouched


# ---------------------------------------------------------------- atomic writes

@pytest.fixture
def existing(tmp_path):
    target = tmp_path / "简报.docx"
    target.write_bytes(b"the previous issue")
    return target


@pytest.mark.windows  # a locked 简报.docx (sharing violation) and a full disk, also on real Windows
@pytest.mark.parametrize(("err", "code"), [(errno.EACCES, "core.write.locked_or_readonly"),
                                           (errno.ENOSPC, "core.write.disk_full")])
def test_locked_target_or_full_disk_leaves_the_old_file_intact(reference_issue, existing, monkeypatch, err, code):
    def refuse(src: str, dst: str) -> None:
        raise OSError(err, os.strerror(err)) if err != errno.EACCES else PermissionError(err, os.strerror(err))

    monkeypatch.setattr(fileio, "_replace", refuse)
    with pytest.raises(FileWriteError) as caught:
        write_docx(reference_issue, existing)
    assert caught.value.message.code == code
    assert str(existing) in caught.value.render("zh")
    assert existing.read_bytes() == b"the previous issue"
    assert sorted(p.name for p in existing.parent.iterdir()) == [existing.name]  # no temp file left


class _FillsUp(io.RawIOBase):
    """A temp file on a disk that fills up mid-write: the first 4 KiB land, then every write is ENOSPC
    (a partial temp file is left for the writer to clean up, as on a real full disk)."""

    def __init__(self, fd: int) -> None:
        self.fd = fd
        self.written = 0

    def writable(self) -> bool:
        return True

    def write(self, data: bytes | bytearray | memoryview) -> int:  # type: ignore[override]
        room = 4096 - self.written
        if room <= 0:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        chunk = bytes(data[:room])
        os.write(self.fd, chunk)
        self.written += len(chunk)
        return len(chunk)

    def fileno(self) -> int:
        return self.fd

    def close(self) -> None:
        if not self.closed:
            os.close(self.fd)
        super().close()


def _assert_disk_full_left_nothing(caught: pytest.ExceptionInfo[FileWriteError], existing: Path) -> None:
    assert caught.value.message.code == "core.write.disk_full"
    assert existing.read_bytes() == b"the previous issue"
    assert sorted(p.name for p in existing.parent.iterdir()) == [existing.name]  # the partial temp file is gone


@pytest.mark.windows
@pytest.mark.parametrize("stage", ["write", "fsync"])
def test_full_disk_during_the_write_itself_leaves_the_old_file_and_no_temp_file(reference_issue, existing,
                                                                                  monkeypatch, stage):
    """ENOSPC while the bytes go into the temp file (4 KiB of them written first), or from fsync (delayed
    allocation, network drives): never reaches the rename, the partial temp file is removed."""
    renamed: list[str] = []
    monkeypatch.setattr(fileio, "_replace", lambda src, dst: renamed.append(dst))
    raws: list[_FillsUp] = []
    fsyncs: list[int] = []
    if stage == "write":
        real_fdopen = os.fdopen

        def fills_up(fd: int, mode: str = "r", *args: Any, **kwargs: Any) -> IO[Any]:
            if mode != "wb":
                return real_fdopen(fd, mode, *args, **kwargs)
            raw = _FillsUp(fd)
            raws.append(raw)
            return io.BufferedWriter(raw, buffer_size=1024)

        monkeypatch.setattr(fileio.os, "fdopen", fills_up)
    else:
        def no_room(fd: int) -> None:
            fsyncs.append(fd)
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        monkeypatch.setattr(fileio.os, "fsync", no_room)
    with pytest.raises(FileWriteError) as caught:
        write_docx(reference_issue, existing)
    assert not renamed
    if stage == "write":
        assert [raw.written for raw in raws] == [4096]  # it failed mid-file, after the first 4 KiB
    else:
        assert len(fsyncs) == 1
    _assert_disk_full_left_nothing(caught, existing)


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="/dev/full is Linux's always-full device")
def test_the_kernels_own_enospc_mid_write_leaves_the_old_file_and_no_temp_file(reference_issue, existing,
                                                                                 monkeypatch):
    """The temp file is created in the folder as usual, but its descriptor writes to /dev/full: the
    kernel's ENOSPC, not an injected exception, interrupts the write."""
    import tempfile

    real_mkstemp = tempfile.mkstemp

    def on_a_full_disk(*args: Any, **kwargs: Any) -> tuple[int, str]:
        fd, name = real_mkstemp(*args, **kwargs)
        full = os.open("/dev/full", os.O_WRONLY)
        os.dup2(full, fd)
        os.close(full)
        return fd, name

    renamed: list[str] = []
    monkeypatch.setattr(fileio.tempfile, "mkstemp", on_a_full_disk)
    monkeypatch.setattr(fileio, "_replace", lambda src, dst: renamed.append(dst))
    with pytest.raises(FileWriteError) as caught:
        write_docx(reference_issue, existing)
    assert not renamed
    assert isinstance(caught.value.__cause__, OSError) and caught.value.__cause__.errno == errno.ENOSPC
    _assert_disk_full_left_nothing(caught, existing)


def test_read_only_folder_as_an_unprivileged_user(reference_issue, tmp_path):
    if os.geteuid() != 0:
        pytest.skip("needs root to drop privileges")  # pragma: no cover - CI runs as root
    import shutil
    import tempfile
    from pathlib import Path

    folder = Path(tempfile.mkdtemp(prefix="bd-ro-", dir="/tmp"))  # reachable by nobody, writable by root only
    request_cleanup = shutil.rmtree
    (folder / "old.docx").write_bytes(b"old")
    os.chmod(folder, 0o755)
    source = tmp_path / "issue.bdjson"
    from bulletin_desk.model import dump_bytes
    source.write_bytes(dump_bytes(reference_issue))
    os.chmod(source, 0o644)
    script = textwrap.dedent(f"""
        import os, sys
        sys.path.insert(0, {str(__import__('pathlib').Path(__file__).resolve().parents[2])!r})
        from bulletin_desk.export import write_docx
        from bulletin_desk.fileio import FileWriteError
        from bulletin_desk.model import loads
        import bulletin_desk.export.compose, bulletin_desk.layout.engine, datetime, encodings.idna
        from bulletin_desk.export import build_docx_bytes
        build_docx_bytes(loads(open({str(source)!r}, 'rb').read()))  # warm every import and cache
        issue = loads(open({str(source)!r}, 'rb').read())
        os.setgid(65534); os.setuid(65534)  # root ignores permission bits: drop them (stdlib imported first)
        for name in ('new.docx', 'old.docx'):
            try:
                write_docx(issue, os.path.join({str(folder)!r}, name))
                print(name, 'written')
            except FileWriteError as exc:
                print(name, exc.message.code)
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60,
                            env={**os.environ, "HOME": "/tmp"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[:2] == ["new.docx core.write.readonly_folder",
                                              "old.docx core.write.locked_or_readonly"]
    assert (folder / "old.docx").read_bytes() == b"old"
    assert sorted(p.name for p in folder.iterdir()) == ["old.docx"]
    request_cleanup(folder)


def test_successful_write_replaces_and_reports(reference_issue, existing):
    report = write_docx(reference_issue, existing)
    assert report.path == existing and report.size_bytes == existing.stat().st_size
    assert existing.read_bytes()[:2] == b"PK"


def test_the_importer_computes_the_same_body_hash_and_reads_every_style(reference_issue):
    """Both sides of the export/ingest contract agree on our own output (hash and style names)."""
    from bulletin_desk.export.embedded import body_hash
    from bulletin_desk.export.styles import ROLE_STYLES
    from bulletin_desk.ingest import docx_contract

    data = build_docx_bytes(reference_issue, now=FIXED_NOW)
    document = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")
    assert docx_contract.body_hash(etree.fromstring(document)) == body_hash(document) == read_embedded(data).stored_hash
    for style in ROLE_STYLES.values():
        assert docx_contract.role_for_style(style.name) is not None, style.name
        assert docx_contract.role_for_style(style.style_id) is not None, style.style_id
