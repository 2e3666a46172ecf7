"""`bulletin-desk export ISSUE --docx OUT` writes the DOCX through write_docx (cli/import_export_cmds.py)."""

from __future__ import annotations

import io
import zipfile

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
