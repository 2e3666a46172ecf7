"""The repository API the GUI and the CLI share: first run, save/load, versions, revisions, trash, journal."""

from __future__ import annotations

import copy
import datetime as _dt
from pathlib import Path

import pytest

from bulletin_desk.archive import Archive, ConflictError, NotFoundError, open_archive
from bulletin_desk.model import Article, Colophon, Issue, Masthead, Paragraph, ParagraphKind, Section, dumps

from .conftest import REFERENCE


def real_issue(reference: Issue, number: int, total: int | None, *, year: int = 2021,
               supplement: bool = False) -> Issue:
    issue = copy.deepcopy(reference)
    issue.masthead.number, issue.masthead.total_number = number, total
    issue.masthead.supplement = supplement
    issue.masthead.date = _dt.date(year, 3, number if number <= 28 else 28)
    return issue


def test_first_run_holds_the_reference_issue_marked_as_sample(archive: Archive, reference_issue: Issue) -> None:
    rows = archive.issues.list()
    assert len(rows) == 1
    row = rows[0]
    assert row.is_sample and not row.trashed and row.version == 1
    assert row.label == "2020年第19期（总第2128期）"
    assert row.series == "首都精神文明建设情况简报"
    assert row.first_title == "海淀区新时代文明实践中心高举旗帜 发动群众共同抗疫"
    stored = archive.issues.load(row.id)
    assert stored.is_sample
    assert stored.issue == reference_issue
    assert dumps(stored.issue).encode("utf-8") == REFERENCE.read_bytes()
    assert archive.created


def test_reopening_does_not_seed_twice(archive_path: Path) -> None:
    open_archive(archive_path).close()
    again = open_archive(archive_path)
    try:
        assert len(again.issues.list()) == 1
        assert not again.created
    finally:
        again.close()


def test_save_new_then_load_is_equal(archive: Archive, reference_issue: Issue) -> None:
    issue = real_issue(reference_issue, 4, 2130)
    stored = archive.issues.save(issue)
    assert stored.version == 1 and not stored.is_sample
    loaded = archive.issues.load(stored.id)
    assert loaded.issue == issue
    assert loaded.version == 1


def test_none_and_empty_strings_survive(archive: Archive) -> None:
    issue = Issue(
        masthead=Masthead(title="", number=None, total_number=None, office="", date=None, classification=""),
        sections=[Section(heading="", articles=[Article(title=" 两个  空格 \n换行", note="", source=None,
                                                        paragraphs=[Paragraph(text="", lead=""),
                                                                    Paragraph(text="x", lead=None,
                                                                              kind=ParagraphKind.H4)])]),
                  Section(heading="空栏目", articles=[])],
        colophon=Colophon(editor="", reviewer=None, email="a@b.cn"),
        copies=0,
    )
    stored = archive.issues.save(issue)
    assert archive.issues.load(stored.id).issue == issue


def test_save_with_current_version_bumps_and_keeps_a_revision(archive: Archive, reference_issue: Issue) -> None:
    stored = archive.issues.save(real_issue(reference_issue, 5, 2131))
    edited = copy.deepcopy(stored.issue)
    edited.sections[0].articles[0].title = "改过的标题"
    second = archive.issues.save(edited, stored.id, expected_version=1)
    assert second.version == 2
    assert archive.issues.load(stored.id).issue.sections[0].articles[0].title == "改过的标题"
    revisions = archive.issues.revisions(stored.id)
    assert [(r.n, r.version) for r in revisions] == [(1, 1)]
    assert revisions[0].first_title == reference_issue.sections[0].articles[0].title
    assert archive.issues.revision_issue(stored.id, 1) == stored.issue


def test_stale_save_raises_conflict_and_changes_nothing(archive: Archive, reference_issue: Issue) -> None:
    stored = archive.issues.save(real_issue(reference_issue, 6, 2132))
    mine, theirs = copy.deepcopy(stored.issue), copy.deepcopy(stored.issue)
    theirs.copies = 300
    archive.issues.save(theirs, stored.id, expected_version=1)
    mine.copies = 999
    with pytest.raises(ConflictError) as caught:
        archive.issues.save(mine, stored.id, expected_version=1)
    assert caught.value.found == 2 and caught.value.expected == 1
    assert caught.value.message.code == "archive.conflict"
    assert "第2版" in caught.value.render("zh")
    current = archive.issues.load(stored.id)
    assert current.version == 2 and current.issue.copies == 300
    assert len(archive.issues.revisions(stored.id)) == 1


def test_restore_revision_keeps_the_replaced_version(archive: Archive, reference_issue: Issue) -> None:
    stored = archive.issues.save(real_issue(reference_issue, 7, 2133))
    v1 = stored.issue
    v2 = copy.deepcopy(v1)
    v2.sections = v2.sections[:1]
    archive.issues.save(v2, stored.id, 1)
    restored = archive.issues.restore_revision(stored.id, 1, expected_version=2)
    assert restored.version == 3
    assert archive.issues.load(stored.id).issue == v1
    assert [r.version for r in archive.issues.revisions(stored.id)] == [2, 1]
    assert archive.issues.revision_issue(stored.id, 2) == v2
    with pytest.raises(NotFoundError):
        archive.issues.restore_revision(stored.id, 9)


def test_trash_and_restore(archive: Archive, reference_issue: Issue) -> None:
    stored = archive.issues.save(real_issue(reference_issue, 8, 2134))
    archive.issues.trash(stored.id)
    assert stored.id not in [s.id for s in archive.issues.list()]
    trashed = archive.issues.list(trashed_only=True)
    assert [s.id for s in trashed] == [stored.id] and trashed[0].trashed
    assert stored.id in [s.id for s in archive.issues.list(include_trashed=True)]
    assert archive.issues.load(stored.id).trashed
    archive.issues.restore(stored.id)
    assert stored.id in [s.id for s in archive.issues.list()]
    with pytest.raises(NotFoundError):
        archive.issues.trash(4242)


def test_delete_sample_is_one_action(archive: Archive, reference_issue: Issue) -> None:
    real = archive.issues.save(real_issue(reference_issue, 9, 2135))
    assert archive.issues.delete_sample() == 1
    assert [s.id for s in archive.issues.list(include_trashed=True)] == [real.id]
    with pytest.raises(NotFoundError):
        archive.issues.load(1)


def test_list_filters_and_order(archive: Archive, reference_issue: Issue) -> None:
    a = archive.issues.save(real_issue(reference_issue, 1, 2200, year=2021))
    b = archive.issues.save(real_issue(reference_issue, 2, 2201, year=2021))
    other = real_issue(reference_issue, 1, None, year=2022)
    other.masthead.title = "另一份简报"
    c = archive.issues.save(other)
    assert [s.id for s in archive.issues.list()][:3] == [c.id, b.id, a.id]  # newest first
    assert {s.id for s in archive.issues.list(year=2021)} == {a.id, b.id}
    assert [s.id for s in archive.issues.list(series="另一份简报")] == [c.id]


def test_load_missing_issue(archive: Archive) -> None:
    with pytest.raises(NotFoundError) as caught:
        archive.issues.load(999)
    assert "999" in caught.value.render("zh")


def test_journal_holds_one_slot(archive: Archive, reference_issue: Issue) -> None:
    assert archive.journal_get() is None
    archive.journal_put(None, "draft 1")
    archive.journal_put(1, dumps(reference_issue))
    entry = archive.journal_get()
    assert entry is not None and entry.issue_id == 1 and entry.json_text == dumps(reference_issue)
    archive.issues.delete_sample()  # the issue goes, the unsaved text stays
    entry = archive.journal_get()
    assert entry is not None and entry.issue_id is None
    archive.journal_clear()
    assert archive.journal_get() is None


def test_pragmas_foreign_keys_and_wal(archive: Archive) -> None:
    with archive.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000


def test_children_are_rows_not_a_blob(archive: Archive, reference_issue: Issue) -> None:
    with archive.engine.connect() as conn:
        counts = {t: conn.exec_driver_sql(f"SELECT count(*) FROM {t}").scalar()
                  for t in ("sections", "articles", "paragraphs")}
        lead = conn.exec_driver_sql("SELECT lead FROM paragraphs ORDER BY article_id, position LIMIT 1").scalar()
    articles = reference_issue.articles()
    assert counts == {"sections": len(reference_issue.sections), "articles": len(articles),
                      "paragraphs": sum(len(a.paragraphs) for a in articles)}
    assert lead == articles[0].paragraphs[0].lead


def test_deleting_an_issue_leaves_no_orphans(archive: Archive) -> None:
    archive.issues.delete_sample()
    with archive.engine.connect() as conn:
        for table in ("sections", "articles", "paragraphs", "revisions"):
            assert conn.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar() == 0, table


def test_close_after_saving_keeps_a_daily_backup(archive_path: Path, reference_issue: Issue) -> None:
    from bulletin_desk.archive import list_backups

    opened = open_archive(archive_path)
    opened.issues.save(real_issue(reference_issue, 3, None))
    opened.close()
    backups = list_backups(archive_path)
    assert len(backups) == 1 and "daily" in backups[0].path.name
    again = open_archive(archive_path)
    again.issues.save(real_issue(reference_issue, 4, None))
    again.close()
    assert len(list_backups(archive_path)) == 1  # one a day, not one per session


def test_unstorable_text_is_refused_whole(archive: Archive, reference_issue: Issue) -> None:
    from bulletin_desk.model import FormatError

    broken = copy.deepcopy(reference_issue)
    broken.sections[0].articles[1].paragraphs[0].text = "半个\ud800字"
    with pytest.raises(FormatError) as caught:
        archive.issues.save(broken)
    assert caught.value.message.code == "model.json.unencodable"
    assert len(archive.issues.list()) == 1  # nothing half-written
