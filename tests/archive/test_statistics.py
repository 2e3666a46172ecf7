"""信息采用统计 on a small hand-built archive, with exact figures; and the CSV export."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

import pytest

from bulletin_desk.archive import Archive, ArchiveError, StatRow, Submission
from bulletin_desk.archive.statistics import credited_units, statistics_csv, write_statistics_csv
from bulletin_desk.model import Article, Issue, Masthead, Paragraph, Section

D = _dt.date


def _issue(day: D, number: int, sections: list[Section]) -> Issue:
    return Issue(masthead=Masthead(title="情况简报", number=number, date=day), sections=sections)


def _art(source: str | None, title: str, *paras: str, note: str | None = None, lead: str | None = None) -> Article:
    return Article(title=title, note=note, source=source,
                   paragraphs=[Paragraph(text=p, lead=lead if i == 0 else None) for i, p in enumerate(paras)])


def _sign(archive: Archive, issue: Issue) -> int:
    stored = archive.issues.save(issue)
    archive.issues.set_state(stored.id, "review", "梅雪峰")
    archive.issues.set_state(stored.id, "signed", "田文松")
    return stored.id


@pytest.fixture
def stats_archive(archive: Archive) -> Archive:
    repo = archive.issues
    _sign(archive, _issue(D(2021, 1, 1), 1, [  # first day of the period
        Section("工作动态", [_art("海淀区文明办", "一二三", "六 七", lead="四五。"),  # 8 字
                             _art("海淀区文明办、朝阳区文明办", "甲乙", "丙丁戊", note="按语")]),  # 7 字, two units
        Section("经验交流", [_art("通州区文明办", "通州", "十")])]))  # 3 字
    _sign(archive, _issue(D(2021, 6, 30), 2, [Section("工作动态", [_art("海淀区文明办", "a b")])]))  # last day, 2 字
    _sign(archive, _issue(D(2021, 7, 1), 3, [Section("工作动态", [_art("海淀区文明办", "期外")])]))  # after
    _sign(archive, _issue(D(2020, 12, 31), 4, [Section("工作动态", [_art("海淀区文明办", "期外")])]))  # before
    trashed = _sign(archive, _issue(D(2021, 3, 1), 5, [Section("工作动态", [_art("海淀区文明办", "已删")])]))
    with archive.engine.begin() as conn:  # the repository refuses to trash a signed issue; older data may hold one
        conn.exec_driver_sql("UPDATE issues SET trashed_at = '2021-03-02' WHERE id = ?", (trashed,))
    review = repo.save(_issue(D(2021, 3, 8), 6, [Section("工作动态", [_art("海淀区文明办", "待核")])]))
    repo.set_state(review.id, "review", "梅雪峰")  # not signed: not adopted
    repo.save(_issue(D(2021, 3, 9), 7, [Section("工作动态", [_art("朝阳区文明办", "草稿")])]))
    received = [("海淀区文明办", D(2021, 1, 1), "工作动态"), ("海淀区文明办", D(2021, 6, 30), "工作动态"),
                ("海淀区文明办", D(2021, 7, 1), "工作动态"), ("朝阳区文明办", D(2021, 3, 3), "工作动态"),
                ("东城区文明办", D(2021, 2, 2), "经验交流"), ("东城区文明办", D(2020, 12, 31), "经验交流")]
    for unit, day, section in received:
        repo.save_submission(Submission(unit=unit, received=day, article=Article(title="来稿"), section=section))
    return archive


def test_by_source(stats_archive: Archive) -> None:
    rows = stats_archive.issues.statistics(D(2021, 1, 1), D(2021, 6, 30))
    assert rows == [
        StatRow("海淀区文明办", 2, 3, 1.5, 17),
        StatRow("朝阳区文明办", 1, 1, 1.0, 7),
        StatRow("通州区文明办", 0, 1, None, 3),
        StatRow("东城区文明办", 1, 0, 0.0, 0),
    ]


def test_by_section(stats_archive: Archive) -> None:
    rows = stats_archive.issues.statistics(D(2021, 1, 1), D(2021, 6, 30), by="section")
    assert rows == [StatRow("工作动态", 3, 3, 1.0, 17), StatRow("经验交流", 1, 1, 1.0, 3)]


def test_one_day_periods_include_both_ends(stats_archive: Archive) -> None:
    assert stats_archive.issues.statistics(D(2021, 6, 30), D(2021, 6, 30)) == [StatRow("海淀区文明办", 1, 1, 1.0, 2)]
    assert stats_archive.issues.statistics(D(2021, 7, 1), D(2021, 7, 1)) == [StatRow("海淀区文明办", 1, 1, 1.0, 2)]
    assert stats_archive.issues.statistics(D(2019, 1, 1), D(2019, 12, 31)) == []


def test_the_sample_never_counts(archive: Archive) -> None:
    sample = archive.issues.list()[0]
    archive.issues.set_state(sample.id, "review", "x")
    archive.issues.set_state(sample.id, "signed", "x")
    assert sample.issue_date == "2020-04-29"
    assert archive.issues.statistics(D(2020, 1, 1), D(2020, 12, 31)) == []


def test_bad_requests(archive: Archive) -> None:
    with pytest.raises(ArchiveError) as caught:
        archive.issues.statistics(D(2021, 2, 1), D(2021, 1, 1))
    assert caught.value.message.code == "archive.stats.bad_period"
    with pytest.raises(ArchiveError) as caught:
        archive.issues.statistics(D(2021, 1, 1), D(2021, 2, 1), by="colour")
    assert caught.value.message.code == "archive.stats.bad_by"


def test_credited_units() -> None:
    assert credited_units("海淀区文明办、朝阳区文明办") == ["海淀区文明办", "朝阳区文明办"]
    assert credited_units(" 甲 ，乙,甲、 ") == ["甲", "乙"]  # each unit once per article
    assert credited_units(None) == [] and credited_units("") == []
    # co-credits written with spaces (ASCII or the full-width U+3000), ；, / — as offices type them
    assert credited_units("海淀区委宣传部\u3000海淀区文明办") == ["海淀区委宣传部", "海淀区文明办"]
    assert credited_units("甲 乙；丙/丁;戊／己　\u3000庚") == ["甲", "乙", "丙", "丁", "戊", "己", "庚"]
    assert credited_units(" / ；\u3000") == []


def test_units_credited_with_a_full_width_space_count_for_each(archive: Archive) -> None:
    _sign(archive, _issue(D(2022, 5, 6), 1, [Section("工作动态", [
        _art("海淀区委宣传部\u3000海淀区文明办", "合署", "五字正文"),  # 6 字, two units
        _art("朝阳区文明办/通州区文明办", "斜杠", "三个字")])]))  # 5 字, two units
    archive.issues.save_submission(Submission(unit="海淀区委宣传部　海淀区文明办", received=D(2022, 5, 2),
                                              article=Article(title="来稿"), section="工作动态"))
    rows = archive.issues.statistics(D(2022, 1, 1), D(2022, 12, 31))
    assert sorted(rows) == sorted([StatRow("海淀区委宣传部", 1, 1, 1.0, 6), StatRow("海淀区文明办", 1, 1, 1.0, 6),
                                   StatRow("朝阳区文明办", 0, 1, None, 5), StatRow("通州区文明办", 0, 1, None, 5)])


def test_csv(stats_archive: Archive, tmp_path: Path) -> None:
    rows = stats_archive.issues.statistics(D(2021, 1, 1), D(2021, 6, 30))
    expected = ("\ufeff报送单位,报送数,采用数,采用率,字数\r\n"
                "海淀区文明办,2,3,150.0%,17\r\n"
                "朝阳区文明办,1,1,100.0%,7\r\n"
                "通州区文明办,0,1,,3\r\n"
                "东城区文明办,1,0,0.0%,0\r\n"
                "合计,4,5,125.0%,27\r\n")
    assert statistics_csv(rows).decode("utf-8") == expected
    out = write_statistics_csv(rows, tmp_path / "统计.csv")
    assert out.read_bytes().startswith(b"\xef\xbb\xbf") and out.read_bytes() == expected.encode("utf-8")
    english = statistics_csv([StatRow("", 0, 1, None, 3)], by="section", lang="en").decode("utf-8")
    assert english == "\ufeffSection,Submitted,Adopted,Rate,Characters\r\n(none),0,1,,3\r\nTotal,0,1,,3\r\n"
