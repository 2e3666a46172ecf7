"""What the app does at start: a file handed to it (double-click on a .bdjson) opens as a new, unsaved
issue; the interface font falls back to a sans-serif CJK face."""

from __future__ import annotations

from pathlib import Path

from bulletin_desk.model import codec

REFERENCE = Path(__file__).resolve().parents[2] / "resources" / "samples" / "reference.bdjson"


def test_bdjson_opens_as_a_new_unsaved_issue(qtbot, window, tmp_path) -> None:
    issue = codec.loads(REFERENCE.read_bytes())
    issue.masthead.number = 7
    issue.sections[0].articles[0].title = "双击打开的一期"
    path = tmp_path / "来稿 第7期.bdjson"
    path.write_bytes(codec.dump_bytes(issue))
    window.files.open_file(path)
    assert window.doc.issue.sections[0].articles[0].title == "双击打开的一期"
    assert window.doc.issue.masthead.number == 7
    assert window.doc.issue_id is None  # not in the archive until saved


def test_broken_bdjson_says_what_is_wrong_and_keeps_the_open_issue(qtbot, window, tmp_path, monkeypatch) -> None:
    before = codec.dump_bytes(window.doc.issue)
    path = tmp_path / "坏.bdjson"
    path.write_text('{"format": "bulletin-desk/1", "masthead": {"nonsense": 1}}', encoding="utf-8")
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(window.files, "show_error", lambda title, text: shown.append((title, text)))
    window.files.open_file(path)
    assert shown and "nonsense" in shown[0][1] and "Traceback" not in shown[0][1]
    assert codec.dump_bytes(window.doc.issue) == before


def test_interface_font_falls_back_to_a_sans_serif_cjk_face(qapp) -> None:
    from PySide6.QtGui import QFontDatabase

    from bulletin_desk import app as app_module

    before = qapp.font()
    try:
        face = app_module.prefer_ui_fonts(qapp)
        assert face in QFontDatabase.families()  # CI installs fonts-noto-cjk: a face must be found
        assert qapp.font().families()[1:] == [face]
    finally:
        qapp.setFont(before)


def test_settle_heap_freezes_what_start_up_made() -> None:
    """Full GC walks of the start-up heap stalled typing ~60 ms; after settling they skip it."""
    import gc

    from bulletin_desk import app as app_module

    try:
        app_module.settle_heap()
        assert gc.get_freeze_count() > 10_000
    finally:
        gc.unfreeze()  # the test run itself must keep collecting its windows
