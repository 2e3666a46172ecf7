"""District templates and the submissions pool (稿件库) through the repository."""

from __future__ import annotations

import datetime as _dt

import pytest

from bulletin_desk.archive import Archive, ArchiveError, NotFoundError, ReadOnlyError, Submission, SubmissionState
from bulletin_desk.model import (
    Article,
    DistrictTemplate,
    Issue,
    Masthead,
    Paragraph,
    ParagraphKind,
    Section,
    article_from_template,
)

from .test_repository import real_issue


def test_seeded_templates_make_articles(archive: Archive) -> None:
    haidian = archive.issues.template_for("海淀区文明办")
    assert haidian is not None and haidian.district == "海淀区" and haidian.section
    assert 3 <= len(haidian.skeleton) <= 4 and all(p.lead and p.lead.endswith("。") for p in haidian.skeleton)
    article = article_from_template(haidian)
    assert article.source == "海淀区文明办" and article.title == "" and article.paragraphs == haidian.skeleton
    article.paragraphs[0].text = "改"
    assert haidian.skeleton[0].text != "改"  # a copy, not the template's own paragraphs
    assert archive.issues.template_for("不存在") is None


def test_save_update_delete_template(archive: Archive) -> None:
    repo = archive.issues
    count = len(repo.templates())
    made = repo.save_template(DistrictTemplate(unit="  市志愿服务联合会 ", section="志愿服务", contact="秘书处",
                                               phone="010-12345678",
                                               skeleton=[Paragraph(kind=ParagraphKind.H1, text="一、基本情况")]))
    assert made.id is not None and made.unit == "市志愿服务联合会"
    templates = repo.templates()
    assert len(templates) == count + 1 and templates[-1] == made  # appended last
    made.section = "工作动态"
    assert repo.save_template(made).section == "工作动态"
    with pytest.raises(ArchiveError) as caught:
        repo.save_template(DistrictTemplate(unit="海淀区文明办"))
    assert caught.value.message.code == "archive.template.duplicate_unit"
    with pytest.raises(ArchiveError):
        repo.save_template(DistrictTemplate(unit="  "))
    repo.delete_template(made.id)
    assert len(repo.templates()) == count
    with pytest.raises(NotFoundError):
        repo.delete_template(made.id)
    with pytest.raises(NotFoundError):
        repo.save_template(made)


def test_replace_templates_is_whole_and_ordered(archive: Archive) -> None:
    repo = archive.issues
    new = [DistrictTemplate(unit=u, district=u[:2]) for u in ("乙单位", "甲单位")]
    stored = repo.replace_templates(new)
    assert [t.unit for t in stored] == ["乙单位", "甲单位"] == [t.unit for t in repo.templates()]
    with pytest.raises(ArchiveError):
        repo.replace_templates([DistrictTemplate(unit="丙"), DistrictTemplate(unit="丙")])
    assert [t.unit for t in repo.templates()] == ["乙单位", "甲单位"]  # refused whole
    assert repo.replace_templates([]) == []


def _submission(unit: str = "海淀区文明办", day: int = 3) -> Submission:
    return Submission(unit=unit, received=_dt.date(2021, 3, day), origin="docx", origin_name="来稿.docx",
                      section="工作动态",
                      article=Article(title="海淀区开展志愿服务", source=unit, note="编者按",
                                      paragraphs=[Paragraph(lead="强化组织。", text="正文 内容")]))


def test_submissions_pool(archive: Archive, reference_issue: Issue) -> None:
    repo = archive.issues
    first = repo.save_submission(_submission())
    second = repo.save_submission(_submission("朝阳区文明办", 5))
    assert first.id is not None and first.state is SubmissionState.PENDING and first.created_at
    assert repo.submission(first.id).article == _submission().article
    assert [s.id for s in repo.submissions()] == [second.id, first.id]  # newest received first
    assert [s.id for s in repo.submissions(unit="海淀区文明办")] == [first.id]
    assert [s.id for s in repo.submissions(date_from=_dt.date(2021, 3, 4))] == [second.id]
    issue = repo.save(real_issue(reference_issue, 2, 2128))
    placed = repo.place_submission(first.id, issue.id)
    assert placed.state is SubmissionState.ADOPTED and placed.issue_id == issue.id
    assert [s.id for s in repo.submissions(state="adopted")] == [first.id]
    assert repo.set_submission_state(second.id, SubmissionState.REJECTED).state is SubmissionState.REJECTED
    back = repo.set_submission_state(first.id, "pending")
    assert back.issue_id is None  # leaving 已采用 drops the link
    edited = repo.submission(second.id)
    edited.article.title = "改过的标题"
    assert repo.save_submission(edited).article.title == "改过的标题"
    repo.delete_submission(second.id)
    assert [s.id for s in repo.submissions()] == [first.id]
    with pytest.raises(ArchiveError) as caught:
        repo.submissions(state="maybe")
    assert caught.value.message.code == "archive.submission.bad_state"
    with pytest.raises(ArchiveError):
        repo.save_submission(Submission(unit="x", received=_dt.date(2021, 1, 1), article=Article(), origin="fax"))
    with pytest.raises(NotFoundError):
        repo.place_submission(first.id, 999)


def test_deleting_an_issue_keeps_its_submissions(archive: Archive, reference_issue: Issue) -> None:
    repo = archive.issues
    sample = repo.list()[0]
    sub = repo.save_submission(_submission())
    repo.place_submission(sub.id, sample.id)
    repo.delete_sample()
    kept = repo.submission(sub.id)
    assert kept.issue_id is None and kept.state is SubmissionState.ADOPTED


def test_placing_into_a_signed_issue_is_refused(archive: Archive, reference_issue: Issue) -> None:
    repo = archive.issues
    stored = repo.save(real_issue(reference_issue, 3, 2129))
    repo.set_state(stored.id, "review", "a")
    repo.set_state(stored.id, "signed", "b")
    sub = repo.save_submission(_submission())
    with pytest.raises(ReadOnlyError):
        repo.place_submission(sub.id, stored.id)


def _credited_issue(archive: Archive, source: str = "海淀区文明办、朝阳区文明办") -> int:
    """An issue dated 2021-03-10 whose one article credits ``source``."""
    issue = Issue(masthead=Masthead(title="情况简报", number=2, date=_dt.date(2021, 3, 10)),
                  sections=[Section("工作动态", [Article(title="采用稿", source=source,
                                                         paragraphs=[Paragraph(text="正文。")])])])
    return archive.issues.save(issue).id


def test_update_submission_corrects_unit_date_and_section(archive: Archive) -> None:
    repo = archive.issues
    sub = repo.save_submission(_submission())
    changed = repo.update_submission(sub.id, unit=" 朝阳区文明办 ", received=_dt.date(2021, 2, 1),
                                     section=" 经验交流 ")
    assert (changed.unit, changed.received, changed.section) == ("朝阳区文明办", _dt.date(2021, 2, 1), "经验交流")
    assert changed.article == sub.article and changed.state is SubmissionState.PENDING
    assert repo.submission(sub.id) == changed
    kept = repo.update_submission(sub.id, section="")  # None keeps a field, "" clears the 栏目
    assert (kept.unit, kept.received, kept.section) == ("朝阳区文明办", _dt.date(2021, 2, 1), "")
    with pytest.raises(ArchiveError) as caught:
        repo.update_submission(sub.id, unit="  ")
    assert caught.value.message.code == "archive.submission.no_unit"
    with pytest.raises(NotFoundError):
        repo.update_submission(999, section="x")


def test_update_submission_keeps_the_link_to_its_issue(archive: Archive) -> None:
    repo = archive.issues
    issue_id = _credited_issue(archive)
    sub = repo.place_submission(repo.save_submission(_submission(day=3)).id, issue_id)
    # the 栏目 and a date up to the issue's own are free; so is a unit the issue credits too
    assert repo.update_submission(sub.id, section="经验交流", received=_dt.date(2021, 3, 10)).section == "经验交流"
    assert repo.update_submission(sub.id, unit="朝阳区文明办").unit == "朝阳区文明办"
    with pytest.raises(ArchiveError) as caught:  # 报送 would go to one unit, 采用 to another
        repo.update_submission(sub.id, unit="通州区文明办")
    assert caught.value.message.code == "archive.submission.linked_unit"
    assert "通州区文明办" in str(caught.value) and "朝阳区文明办" in str(caught.value)
    with pytest.raises(ArchiveError) as caught:  # received after it was printed
        repo.update_submission(sub.id, received=_dt.date(2021, 3, 11))
    assert caught.value.message.code == "archive.submission.received_after_issue"
    after = repo.submission(sub.id)
    assert (after.unit, after.received, after.state, after.issue_id) == (
        "朝阳区文明办", _dt.date(2021, 3, 10), SubmissionState.ADOPTED, issue_id)  # refused whole
    # once un-adopted (deliberately) nothing ties it any more
    repo.set_submission_state(sub.id, "pending")
    assert repo.update_submission(sub.id, unit="通州区文明办", received=_dt.date(2021, 4, 1)).unit == "通州区文明办"


def test_a_linked_submission_dated_after_its_issue_can_still_be_edited(archive: Archive) -> None:
    """Older imports were all dated the day of import, often after the issue: other fields stay editable."""
    repo = archive.issues
    issue_id = _credited_issue(archive)
    late = repo.save_submission(_submission(day=20))
    repo.place_submission(late.id, issue_id)
    assert repo.update_submission(late.id, section="经验交流").received == _dt.date(2021, 3, 20)
    assert repo.update_submission(late.id, received=_dt.date(2021, 3, 9)).received == _dt.date(2021, 3, 9)


def test_saving_a_stale_copy_cannot_drop_a_submission_link(archive: Archive) -> None:
    repo = archive.issues
    issue_id = _credited_issue(archive)
    stale = repo.save_submission(_submission())
    repo.place_submission(stale.id, issue_id)
    stale.article.title = "旧副本"
    with pytest.raises(ArchiveError) as caught:  # still 待用 in the copy: saving would un-adopt it
        repo.save_submission(stale)
    assert caught.value.message.code == "archive.submission.link_change"
    fresh = repo.submission(stale.id)
    assert fresh.state is SubmissionState.ADOPTED and fresh.issue_id == issue_id
    fresh.article.title = "改过的标题"
    assert repo.save_submission(fresh).article.title == "改过的标题"  # a current copy saves as before
    fresh.unit = "通州区文明办"
    with pytest.raises(ArchiveError) as caught:
        repo.save_submission(fresh)
    assert caught.value.message.code == "archive.submission.linked_unit"


def test_placing_a_submission_adopted_in_another_issue_is_refused(archive: Archive) -> None:
    repo = archive.issues
    first = _credited_issue(archive)
    second = _credited_issue(archive)
    sub = repo.place_submission(repo.save_submission(_submission()).id, first)
    assert repo.place_submission(sub.id, first).issue_id == first  # the same issue again: nothing changes
    with pytest.raises(ArchiveError) as caught:
        repo.place_submission(sub.id, second)
    assert caught.value.message.code == "archive.submission.adopted_elsewhere"
    assert f"#{first}" in str(caught.value) or str(first) in str(caught.value)
    assert repo.submission(sub.id).issue_id == first
    repo.set_submission_state(sub.id, "pending")  # taken back deliberately: it may go elsewhere
    assert repo.place_submission(sub.id, second).issue_id == second


def test_section_names_for_submissions(archive: Archive) -> None:
    repo = archive.issues
    template_sections = list(dict.fromkeys(t.section for t in repo.templates() if t.section))
    names = repo.section_names()
    assert names[:len(template_sections)] == template_sections
    repo.save_submission(Submission(unit="某单位", received=_dt.date(2021, 1, 1), article=Article(),
                                    section=" 专题报道 "))
    for _ in range(2):
        _credited_issue(archive)  # two more uses of 工作动态 (a template 栏目 already, or not)
    names = repo.section_names()
    assert "专题报道" in names and len(names) == len(set(names)) and "" not in names
