"""`bulletin-desk export ISSUE --docx OUT` writes the DOCX through write_docx (cli/import_export_cmds.py)."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from tests.export.conftest import REPO

from bulletin_desk.cli import main
from bulletin_desk.export.embedded import read_embedded
from bulletin_desk.model import issue_to_dict, loads

REFERENCE = REPO / "resources" / "samples" / "reference.bdjson"


def test_export_docx_from_a_bdjson_file(tmp_path, capsys):
    out = tmp_path / "第19期.docx"
    code = main(["--lang", "zh", "--archive", str(tmp_path / "a.sqlite"), "export", str(REFERENCE), "--docx",
                 str(out)])
    assert code == 0, capsys.readouterr()
    data = out.read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert "word/document.xml" in archive.namelist()
    found = read_embedded(data)
    assert found is not None and found.untouched
    assert issue_to_dict(found.issue) == issue_to_dict(loads(REFERENCE.read_bytes()))


def test_export_docx_into_a_missing_folder_is_a_user_error(tmp_path, capsys):
    out = tmp_path / "no" / "such" / "folder" / "x.docx"
    code = main(["--lang", "en", "--archive", str(tmp_path / "a.sqlite"), "export", str(REFERENCE), "--docx",
                 str(out)])
    assert code == 1
    assert "does not exist" in capsys.readouterr().err
    assert not out.exists()


def _parts_without_timestamps(data: bytes) -> list[tuple[str, bytes]]:
    """The package's entries in order, core.xml's created/modified dates blanked (the only volatile bytes:
    the zip entries carry a fixed date)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        entries = [(info.filename, archive.read(info.filename)) for info in archive.infolist()]
    return [(name, re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rb"\1", body)
             if name == "docProps/core.xml" else body) for name, body in entries]


def _listed_id(archive: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """The archive id `list` shows for the seeded sample issue (2020年第19期)."""
    assert main(["--lang", "en", "--archive", str(archive), "list"]) == 0
    listing = capsys.readouterr().out
    match = re.search(r"^(#\d+)\s+2020年第19期", listing, re.M)
    assert match is not None, listing
    return match.group(1)


def test_export_docx_by_id_and_by_number_equals_exporting_the_bdjson(tmp_path, capsys):
    """ISSUE as #ID and as YYYY-N reads the issue back from the archive; the DOCX must be the same bytes as
    exporting the .bdjson it was seeded from (only core.xml's dates differ): an archive round trip that
    changed a field, the embedded JSON or its hash would show here and nowhere else."""
    archive = tmp_path / "档案" / "archive.sqlite3"
    outputs: dict[str, bytes] = {}
    for selector in (str(REFERENCE), _listed_id(archive, capsys), "2020-19"):
        out = tmp_path / f"export-{len(outputs)}.docx"
        code = main(["--lang", "zh", "--archive", str(archive), "export", selector, "--docx", str(out)])
        assert code == 0, (selector, capsys.readouterr())
        outputs[selector] = out.read_bytes()
    (file_docx, by_id, by_number) = (_parts_without_timestamps(data) for data in outputs.values())
    assert [name for name, _ in by_id] == [name for name, _ in file_docx]
    for (name, expected), (_, got_id), (_, got_number) in zip(file_docx, by_id, by_number, strict=True):
        assert got_id == expected, f"{name} differs when the issue is selected by id"
        assert got_number == expected, f"{name} differs when the issue is selected as 2020-19"
    assert read_embedded(outputs["2020-19"]).untouched
