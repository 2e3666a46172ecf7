"""templates list|show|import|export, stats, and signed issues refused through the command line."""

from __future__ import annotations

import copy
import datetime as _dt
import json
from pathlib import Path

from bulletin_desk.archive import open_archive
from bulletin_desk.model import Article, Issue, Masthead, Paragraph, Section, loads_templates


def test_templates_list_and_show(run) -> None:  # type: ignore[no-untyped-def]
    listing = run("templates", "list")
    assert listing.code == 0, listing.err
    lines = listing.out.splitlines()
    assert len(lines) == 17 and lines[0].startswith("东城区文明办") and "北京经济技术开发区文明办" in listing.out
    shown = run("templates", "show", "海淀区文明办")
    assert shown.code == 0
    assert "栏目：新时代文明实践中心建设" in shown.out and "（海淀区文明办）" in shown.out
    assert "    强化组织领导。（" in shown.out
    missing = run("templates", "show", "海淀区")
    assert missing.code == 1 and "没有单位“海淀区”的模板" in missing.err and "海淀区文明办" in missing.err
    assert run("templates", "show", "Nowhere", lang="en").err.startswith("No template for the unit")


def test_templates_export_import_round_trip(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "导出" / "templates.json"
    out.parent.mkdir()
    assert run("templates", "export", str(out)).code == 0
    shipped = loads_templates(out.read_bytes())
    assert len(shipped) == 17
    doc = json.loads(out.read_text(encoding="utf-8"))
    doc["templates"] = [{"unit": "上海市黄浦区文明办", "section": "工作动态"}, *doc["templates"][:2]]
    mine = tmp_path / "mine.json"
    mine.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    imported = run("templates", "import", str(mine))
    assert imported.code == 0 and "导入3个模板" in imported.out and "17" in imported.out
    assert run("templates", "list").out.splitlines()[0].startswith("上海市黄浦区文明办")
    again = tmp_path / "again.json"
    assert run("templates", "export", str(again)).code == 0
    units = [t.unit for t in loads_templates(again.read_bytes())]
    assert units == ["上海市黄浦区文明办", "东城区文明办", "西城区文明办"]


def test_templates_import_refuses_a_bad_file_whole(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "bulletin-desk-templates/1", "templates": [{"unit": "甲"}, {"unit": "乙", '
                   '"skeleton": [{"lead": 3}]}]}', encoding="utf-8")
    result = run("templates", "import", str(bad))
    assert result.code == 1 and "templates[1].skeleton[0].lead" in result.err
    assert len(run("templates", "list").out.splitlines()) == 17  # nothing replaced
    assert run("templates", "import", str(tmp_path / "none.json")).code == 1


def _signed_issue(archive_file: Path) -> int:
    archive_file.parent.mkdir(parents=True, exist_ok=True)
    with open_archive(archive_file) as archive:
        repo = archive.issues
        sample = repo.load(repo.list()[0].id).issue
        issue = copy.deepcopy(sample)
        issue.masthead.number, issue.masthead.total_number = 5, 2200
        issue.masthead.date = _dt.date(2021, 3, 5)
        stored = repo.save(issue)
        repo.save(stored.issue, stored.id)
        repo.set_state(stored.id, "review", "梅雪峰")
        repo.set_state(stored.id, "signed", "田文松", "版记页码已核", ["review.colophon_page"])
        return stored.id


def test_signed_issue_is_read_only_from_the_cli(run, archive_file: Path) -> None:  # type: ignore[no-untyped-def]
    issue_id = _signed_issue(archive_file)
    before = archive_file.read_bytes()
    trashed = run("trash", f"#{issue_id}")
    assert trashed.code == 1 and "已签发" in trashed.err
    restored = run("revisions", "2021-5", "--restore", "1")
    assert restored.code == 1 and "已签发" in restored.err
    assert run("revisions", "2021-5", "--restore", "1", lang="en").err.startswith(f"Issue #{issue_id}")
    with open_archive(archive_file) as archive:
        stored = archive.issues.load(issue_id)
        assert stored.state == "signed" and not stored.trashed and stored.version == 2
    assert before  # the archive was not replaced either
    listed = run("list")
    assert listed.code == 0 and f"#{issue_id}" in listed.out and "〔已签发〕" in listed.out
    shown = run("show", f"#{issue_id}", lang="en")
    assert shown.code == 0 and "Signed off" in shown.out.splitlines()[0]


def test_stats_table_and_csv(run, archive_file: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    archive_file.parent.mkdir(parents=True)
    with open_archive(archive_file) as archive:
        repo = archive.issues
        issue = Issue(masthead=Masthead(title="情况简报", number=1, date=_dt.date(2021, 5, 6)), sections=[
            Section("工作动态", [Article(title="一二", source="海淀区文明办、朝阳区文明办",
                                         paragraphs=[Paragraph(lead="三。", text="四五")])])])
        stored = repo.save(issue)
        repo.set_state(stored.id, "review", "a")
        repo.set_state(stored.id, "signed", "b")
        from bulletin_desk.archive import Submission

        repo.save_submission(Submission(unit="海淀区文明办", received=_dt.date(2021, 5, 1), article=Article()))
    result = run("stats", "--from", "2021-01-01", "--to", "2021-12-31")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0].split() == ["报送单位", "报送数", "采用数", "采用率", "字数"]
    assert lines[1].split() == ["海淀区文明办", "1", "1", "100.0%", "6"]
    assert lines[2].split() == ["朝阳区文明办", "0", "1", "—", "6"]
    assert lines[3].split() == ["合计", "1", "2", "200.0%", "12"]
    out = tmp_path / "stats.csv"
    made = run("stats", "--from", "2021-01-01", "--to", "2021-12-31", "--by", "section", "--csv", str(out))
    assert made.code == 0 and str(out) in made.out
    assert out.read_bytes().decode("utf-8") == ("\ufeff栏目,报送数,采用数,采用率,字数\r\n"
                                                "工作动态,0,1,,6\r\n"
                                                "（未注明）,1,0,0.0%,0\r\n"
                                                "合计,1,1,100.0%,6\r\n")
    empty = run("stats", "--from", "2019-01-01", "--to", "2019-12-31")
    assert empty.code == 0 and "没有报送或采用" in empty.out


def test_stats_usage(run) -> None:  # type: ignore[no-untyped-def]
    assert run("stats", "--from", "2021-01-01").code == 2
    bad = run("stats", "--from", "2021-1-1", "--to", "2021-12-31")
    assert bad.code == 1 and "--from" in bad.err and "YYYY-MM-DD" in bad.err
    backwards = run("stats", "--from", "2021-12-31", "--to", "2021-01-01")
    assert backwards.code == 1 and "早于" in backwards.err
    assert run("stats", "--from", "2021-01-01", "--to", "2021-12-31", "--by", "colour").code == 2
