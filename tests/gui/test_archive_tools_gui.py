"""信息采用统计, 备份/恢复 and the 稿件库 dock — against a real archive in tmp."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

from PySide6.QtCore import QMimeData

from bulletin_desk.archive import backups
from bulletin_desk.archive.records import Submission
from bulletin_desk.gui import pool as pool_module
from bulletin_desk.gui.backups_dialog import BackupsDialog
from bulletin_desk.gui.outline import POOL_MIME
from bulletin_desk.gui.stats_dialog import StatsDialog, preset_period
from bulletin_desk.model import Article, Paragraph


def _signed_issue(window) -> int:
    """The sample saved as a real issue dated today, then signed off."""
    window.doc.set_field(("masthead", "date"), _dt.date.today())
    assert window.files.save_as_new()
    window.doc.set_field(("masthead", "date"), _dt.date.today())
    assert window.files.save()
    repo = window.link.repo
    repo.set_state(window.doc.issue_id, "review", "王")
    repo.set_state(window.doc.issue_id, "signed", "王", "测试", ("any",))
    return window.doc.issue_id


def _submission(repo, unit: str, title: str) -> Submission:
    return repo.save_submission(Submission(unit=unit, received=_dt.date.today(), article=Article(
        title=title, source=unit, paragraphs=[Paragraph(text="正文一段。")])))


def test_presets() -> None:
    today = _dt.date(2024, 2, 10)
    assert preset_period("this_year", today) == (_dt.date(2024, 1, 1), _dt.date(2024, 12, 31))
    assert preset_period("last_year", today) == (_dt.date(2023, 1, 1), _dt.date(2023, 12, 31))
    assert preset_period("this_month", today) == (_dt.date(2024, 2, 1), _dt.date(2024, 2, 29))


def test_statistics_table_chart_and_csv(qtbot, real_window, tmp_path: Path) -> None:
    _signed_issue(real_window)
    repo = real_window.link.repo
    _submission(repo, "海淀区文明办", "海淀来稿")
    _submission(repo, "海淀区文明办", "海淀来稿二")
    dialog = StatsDialog(real_window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.preset.currentData() == "this_year"
    table = dialog.table
    headers = [table.horizontalHeaderItem(c).text() for c in range(5)]
    assert headers == ["报送单位", "报送数", "采用数", "采用率", "字数"]
    rows = {table.item(r, 0).text(): [table.item(r, c).text() for c in range(1, 5)] for r in range(table.rowCount())}
    assert rows["海淀区文明办"][:3] == ["2", "1", "50.0%"]
    assert "合计" in rows
    assert len(dialog.chart.rows) == table.rowCount() - 1
    dialog.chart.grab()  # paints through paintEvent
    haidian = [k for k, _s, _a in dialog.chart.rows].index("海淀区文明办")
    back, front = dialog.chart.bars[haidian]
    assert front.width() * 2 == back.width() > 0  # 1 adopted of 2 submitted

    dialog.by_section.setChecked(True)
    assert table.horizontalHeaderItem(0).text() == "栏目"
    dialog.preset.setCurrentIndex(dialog.preset.findData("last_year"))
    assert table.rowCount() == 0 and dialog.chart.rows == []
    assert "已签发" in dialog.chart.empty_text  # an empty period explains itself
    dialog.set_period(_dt.date.today() - _dt.timedelta(days=1), _dt.date.today())
    assert dialog.preset.currentData() == "custom" and table.rowCount() > 0

    out = dialog.export_csv(tmp_path / "stats.csv")
    assert out is not None
    text = out.read_bytes().decode("utf-8-sig")
    assert text.startswith("栏目,报送数,采用数,采用率,字数") and "合计" in text


def test_backup_now_restore_and_whole_archive_export_import(qtbot, real_window, tmp_path: Path,
                                                            monkeypatch) -> None:
    monkeypatch.setattr(BackupsDialog, "confirm", lambda self, title, text: True)
    repo = real_window.link.repo
    dialog = BackupsDialog(real_window)
    qtbot.addWidget(dialog)
    before = dialog.table.rowCount()
    made = dialog.backup_now()
    assert made is not None and made.is_file()
    assert dialog.table.rowCount() == before + 1 and dialog.table.item(0, 1).text() == "手动"

    _submission(repo, "东城区文明办", "备份之后的稿件")
    assert len(real_window.link.repo.submissions()) == 1
    dialog.table.selectRow(0)
    assert dialog.restore_selected()
    assert real_window.link.repo.submissions() == []  # the archive as it was at the backup
    archive = Path(real_window.link.path)
    assert list(archive.parent.glob(archive.name + ".replaced-*"))  # the replaced file kept beside it

    exported = dialog.export_archive(tmp_path / "moved.sqlite3")
    assert exported is not None and exported.is_file()
    _submission(real_window.link.repo, "西城区文明办", "导出之后的稿件")
    count = len(backups.list_backups(archive))
    assert dialog.import_archive(exported)
    assert real_window.link.repo.submissions() == []
    assert len(backups.list_backups(archive)) > count  # the current archive was backed up first

    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"not an archive")
    failures: list[str] = []
    monkeypatch.setattr(real_window.files, "show_error", lambda title, text: failures.append(text))
    assert not dialog.import_archive(junk)
    assert failures and real_window.link.repo.templates()  # nothing replaced


def test_pool_add_filter_state_and_place_by_button(qtbot, real_window, monkeypatch, tmp_path: Path) -> None:
    panel = pool_module.show_pool(real_window)
    assert panel is not None and real_window.findChild(pool_module.QDockWidget, "poolDock").isVisible()
    repo = real_window.link.repo

    source = tmp_path / "来稿.txt"
    source.write_text("朝阳区推进垃圾分类\n\n朝阳区各街道推进垃圾分类工作，成效明显。\n", encoding="utf-8")
    received = _dt.date(2024, 3, 4)  # filed the day it arrived, not the day it was imported
    monkeypatch.setattr(pool_module.PoolPanel, "ask_details", lambda self, current=None: ("朝阳区文明办", received, ""))
    stored = panel.import_file(source)
    assert len(stored) == 1 and stored[0].origin == "text" and stored[0].origin_name == "来稿.txt"
    assert stored[0].received == received
    assert stored[0].section == repo.template_for("朝阳区文明办").section  # no 栏目 given: the template's
    typed = Submission(unit="海淀区文明办", received=_dt.date(2024, 3, 1), article=Article(
        title="手工录入", paragraphs=[Paragraph(text="第一段。")]))
    monkeypatch.setattr(pool_module.PoolPanel, "ask_typed", lambda self: typed)
    assert panel.add_typed() is not None
    assert panel.table.rowCount() == 2
    assert [panel.table.horizontalHeaderItem(c).text() for c in range(6)] == ["单位", "标题", "收稿日期", "状态",
                                                                              "字数", "栏目"]

    panel.unit_filter.setCurrentIndex(panel.unit_filter.findData("海淀区文明办"))
    assert panel.table.rowCount() == 1 and panel.table.item(0, 1).text() == "手工录入"
    assert panel.set_state("rejected").state == "rejected"
    assert panel.table.item(0, 3).text() == "不用"
    panel.unit_filter.setCurrentIndex(0)
    panel.state_filter.setCurrentIndex(panel.state_filter.findData("pending"))
    assert panel.table.rowCount() == 1

    # 放入本期: one undo step, 已采用 only once saved
    doc = real_window.doc
    real_window.select_node(("article", 0, 0))
    steps = doc.stack.count()
    panel.table.selectRow(0)
    assert panel.place_selected()
    assert doc.stack.count() == steps + 1
    assert doc.article(0, 1).title == "朝阳区推进垃圾分类" and doc.article(0, 1).source == "朝阳区文明办"
    sid = stored[0].id
    assert repo.submission(sid).state == "pending"
    assert real_window.files.save()
    placed = repo.submission(sid)
    assert placed.state == "adopted" and placed.issue_id == doc.issue_id


def test_pool_drop_on_outline_and_undone_placement_is_not_adopted(qtbot, real_window) -> None:
    panel = pool_module.show_pool(real_window)
    repo = real_window.link.repo
    first = _submission(repo, "延庆区文明办", "拖入的稿件")
    second = _submission(repo, "怀柔区文明办", "撤销的稿件")
    panel.reload()
    model = real_window.outline_model
    doc = real_window.doc

    # the pool's drag data, dropped on the first 栏目 at row 0
    row = next(i for i, s in enumerate(panel.items) if s.id == first.id)
    mime = panel.table.mimeData([panel.table.item(row, 0)])
    assert mime.hasFormat(POOL_MIME)
    section = model.index_of(("section", 0))
    assert model.canDropMimeData(mime, pool_module.Qt.DropAction.CopyAction, 0, 0, section)
    assert not model.canDropMimeData(mime, pool_module.Qt.DropAction.CopyAction, -1, 0, model.index_of(("masthead",)))
    steps = doc.stack.count()
    assert model.dropMimeData(mime, pool_module.Qt.DropAction.CopyAction, 0, 0, section)
    qtbot.waitUntil(lambda: doc.stack.count() == steps + 1)
    assert doc.article(0, 0).title == "拖入的稿件"

    other = QMimeData()
    other.setData(POOL_MIME, str(second.id).encode("ascii"))
    assert model.dropMimeData(other, pool_module.Qt.DropAction.CopyAction, -1, 0, section)
    qtbot.waitUntil(lambda: doc.stack.count() == steps + 2)
    doc.stack.undo()  # the second placement taken back before saving
    assert real_window.files.save()
    assert repo.submission(first.id).state == "adopted"
    assert repo.submission(second.id).state == "pending"
