"""Issue states 草稿 → 待核 → 已签发 through the repository: transitions, the log, and read-only signed issues."""

from __future__ import annotations

import copy

import pytest

from bulletin_desk.archive import Archive, ArchiveError, IssueState, ReadOnlyError
from bulletin_desk.model import Issue

from .test_repository import real_issue


def _signed(archive: Archive, reference_issue: Issue) -> int:
    stored = archive.issues.save(real_issue(reference_issue, 7, 2133))
    stored = archive.issues.save(stored.issue, stored.id, stored.version)  # revision 1 exists
    archive.issues.set_state(stored.id, "review", "梅雪峰")
    archive.issues.set_state(stored.id, IssueState.SIGNED, "田文松")
    return stored.id


def test_a_new_issue_is_a_draft(archive: Archive, reference_issue: Issue) -> None:
    stored = archive.issues.save(real_issue(reference_issue, 1, 2127))
    assert stored.state == "draft" and not stored.read_only
    assert archive.issues.state(stored.id) is IssueState.DRAFT
    assert archive.issues.summary(stored.id).state == "draft"
    assert archive.issues.state_history(stored.id) == []


def test_forward_back_and_sign_off_are_logged(archive: Archive, reference_issue: Issue) -> None:
    repo = archive.issues
    stored = repo.save(real_issue(reference_issue, 2, 2128))
    repo.set_state(stored.id, "review", "梅雪峰")
    repo.set_state(stored.id, "draft", "田文松", "标题需改")
    repo.set_state(stored.id, "review", "梅雪峰")
    codes = ["review.number_gap", "review.title_lines"]
    change = repo.set_state(stored.id, "signed", "田文松", "期号经核对无误", codes)
    assert change.to_state is IssueState.SIGNED
    assert change.overridden == ("review.number_gap", "review.title_lines")
    history = repo.state_history(stored.id)
    assert [(h.from_state.value, h.to_state.value, h.who) for h in history] == [
        ("draft", "review", "梅雪峰"), ("review", "draft", "田文松"), ("draft", "review", "梅雪峰"),
        ("review", "signed", "田文松")]
    assert history[1].reason == "标题需改" and history[0].reason is None
    assert history[-1].overridden == ("review.number_gap", "review.title_lines")
    assert all(h.at for h in history)
    loaded = repo.load(stored.id)
    assert loaded.state == "signed" and loaded.read_only and loaded.version == stored.version  # no content change
    assert repo.list()[0].state == "signed"


@pytest.mark.parametrize(("steps", "code"), [
    (["signed"], "archive.state.bad_transition"),  # draft → signed skips 待核
    (["review", "review"], "archive.state.unchanged"),
    (["bogus"], "archive.state.unknown"),
])
def test_transitions_not_allowed(archive: Archive, reference_issue: Issue, steps: list[str], code: str) -> None:
    stored = archive.issues.save(real_issue(reference_issue, 3, 2129))
    with pytest.raises(ArchiveError) as caught:
        for step in steps:
            archive.issues.set_state(stored.id, step, "梅雪峰")
    assert caught.value.message.code == code


def test_overriding_checks_needs_a_reason(archive: Archive, reference_issue: Issue) -> None:
    stored = archive.issues.save(real_issue(reference_issue, 4, 2130))
    archive.issues.set_state(stored.id, "review", "梅雪峰")
    with pytest.raises(ArchiveError) as caught:
        archive.issues.set_state(stored.id, "signed", "田文松", "  ", ["review.no_source"])
    assert caught.value.message.code == "archive.state.reason_required"
    assert "review.no_source" in caught.value.render("zh")
    assert archive.issues.state(stored.id) is IssueState.REVIEW


def test_signed_issue_is_read_only(archive: Archive, reference_issue: Issue) -> None:
    repo = archive.issues
    issue_id = _signed(archive, reference_issue)
    before = repo.load(issue_id)
    edited = copy.deepcopy(before.issue)
    edited.sections[0].articles[0].title = "改"
    for attempt in (lambda: repo.save(edited, issue_id, before.version), lambda: repo.save(edited, issue_id),
                    lambda: repo.trash(issue_id), lambda: repo.restore_revision(issue_id, 1)):
        with pytest.raises(ReadOnlyError) as caught:
            attempt()
        assert caught.value.message.code == "archive.read_only_signed"
        assert "已签发" in caught.value.render("zh") and "signed off" in caught.value.render("en")
    after = repo.load(issue_id)
    assert after.issue == before.issue and after.version == before.version and not after.trashed
    with pytest.raises(ArchiveError) as caught:
        repo.set_state(issue_id, "draft", "梅雪峰")
    assert caught.value.message.code == "archive.state.signed_needs_revision"


def test_open_new_revision_is_deliberate_and_logged(archive: Archive, reference_issue: Issue) -> None:
    repo = archive.issues
    issue_id = _signed(archive, reference_issue)
    with pytest.raises(ArchiveError) as caught:
        repo.open_new_revision(issue_id, "田文松", "")
    assert caught.value.message.code == "archive.state.reason_required_revision"
    change = repo.open_new_revision(issue_id, "田文松", "印数更正")
    assert (change.from_state, change.to_state, change.reason) == (IssueState.SIGNED, IssueState.DRAFT, "印数更正")
    stored = repo.load(issue_id)
    edited = copy.deepcopy(stored.issue)
    edited.copies = 300
    saved = repo.save(edited, issue_id, stored.version)
    assert saved.version == stored.version + 1 and saved.state == "draft"
    assert repo.revision_issue(issue_id, repo.revisions(issue_id)[0].n) == stored.issue  # the signed text is kept
    with pytest.raises(ArchiveError) as again:
        repo.open_new_revision(issue_id, "田文松", "再来")
    assert again.value.message.code == "archive.state.not_signed"


def test_a_trashed_issue_cannot_be_moved(archive: Archive, reference_issue: Issue) -> None:
    stored = archive.issues.save(real_issue(reference_issue, 8, 2134))
    archive.issues.trash(stored.id)
    with pytest.raises(ArchiveError) as caught:
        archive.issues.set_state(stored.id, "review", "梅雪峰")
    assert caught.value.message.code == "archive.state.trashed"


def test_state_of_a_missing_issue(archive: Archive) -> None:
    from bulletin_desk.archive import NotFoundError

    for call in (lambda: archive.issues.state(999), lambda: archive.issues.set_state(999, "review", "x"),
                 lambda: archive.issues.state_history(999)):
        with pytest.raises(NotFoundError):
            call()


def test_layout_hints_round_trip_through_the_archive(archive: Archive, reference_issue: Issue) -> None:
    issue = real_issue(reference_issue, 9, 2135)
    issue.sections[0].articles[1].page_break_before = True
    issue.sections[0].articles[2].keep_together = True
    stored = archive.issues.save(issue)
    loaded = archive.issues.load(stored.id).issue
    assert [(a.page_break_before, a.keep_together) for a in loaded.articles()] == [
        (False, False), (True, False), (False, True)]
    assert loaded == issue
    loaded.sections[0].articles[1].page_break_before = False
    archive.issues.save(loaded, stored.id)
    assert not archive.issues.load(stored.id).issue.sections[0].articles[1].page_break_before
