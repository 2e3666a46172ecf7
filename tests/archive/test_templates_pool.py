"""District templates and the submissions pool (稿件库) through the repository."""

from __future__ import annotations

import datetime as _dt

import pytest

from bulletin_desk.archive import Archive, ArchiveError, NotFoundError, ReadOnlyError, Submission, SubmissionState
from bulletin_desk.model import Article, DistrictTemplate, Issue, Paragraph, ParagraphKind, article_from_template

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
