"""Numbering: next 第N期 per year, 总第M期 running, 增刊 separate; samples and trashed issues never count."""

from __future__ import annotations

import copy
import datetime as _dt

from bulletin_desk.archive import Archive
from bulletin_desk.archive.numbering import propose, report
from bulletin_desk.model import Issue

SERIES = "首都精神文明建设情况简报"


def test_rules_without_a_database() -> None:
    issues = [(1, 2020, 18, 2127, False), (2, 2020, 19, 2128, False), (3, 2021, 1, 2129, False),
              (4, 2021, 1, None, True)]
    p = propose(SERIES, 2021, False, issues)
    assert (p.number, p.total_number, p.after_id) == (2, 2130, 3)
    p = propose(SERIES, 2022, False, issues)
    assert (p.number, p.total_number) == (1, 2130)  # 第N期 restarts, 总第M期 runs on
    p = propose(SERIES, 2021, True, issues)
    assert (p.number, p.total_number) == (2, None)  # 增刊: own sequence, no total
    p = propose(SERIES, 2021, False, [])
    assert (p.number, p.total_number, p.after_id) == (1, None, None)


def test_report_finds_duplicates_and_gaps() -> None:
    issues = [(1, 2021, 1, 100, False), (2, 2021, 3, 102, False), (3, 2021, 3, 103, False),
              (4, 2021, 1, None, True), (5, 2021, 3, None, True), (6, 2022, 1, 103, False)]
    r = report(SERIES, issues)
    dup = {(c.kind, c.year, c.number, c.issue_ids) for c in r.duplicates}
    assert dup == {("number", 2021, 3, (2, 3)), ("total", None, 103, (3, 6))}
    gaps = {(g.kind, g.year, g.missing) for g in r.gaps}
    assert gaps == {("number", 2021, (2,)), ("supplement", 2021, (2,)), ("total", None, (101,))}
    assert not r.ok
    assert report(SERIES, [(1, 2021, 1, 5, False), (2, 2021, 2, 6, False)]).ok


def _issue(reference: Issue, number: int, total: int | None, year: int, supplement: bool = False) -> Issue:
    issue = copy.deepcopy(reference)
    issue.masthead.number, issue.masthead.total_number, issue.masthead.supplement = number, total, supplement
    issue.masthead.date = _dt.date(year, 6, 1)
    return issue


def test_sample_never_counts(archive: Archive) -> None:
    # The sample is 2020年第19期（总第2128期）; a fresh archive proposes the first issue, not 第20期.
    p = archive.issues.propose_numbers(SERIES, 2020)
    assert (p.number, p.total_number) == (1, None)
    assert archive.issues.numbering_report(SERIES).ok
    assert archive.issues.series_names() == []


def test_archive_proposals_and_report(archive: Archive, reference_issue: Issue) -> None:
    repo = archive.issues
    repo.save(_issue(reference_issue, 1, 2129, 2020))
    repo.save(_issue(reference_issue, 2, 2130, 2020))
    repo.save(_issue(reference_issue, 1, None, 2020, supplement=True))
    late = repo.save(_issue(reference_issue, 5, 2133, 2020))
    p = repo.propose_numbers(SERIES, 2020)
    assert (p.number, p.total_number, p.after_id) == (6, 2134, late.id)
    assert (repo.propose_numbers(SERIES, 2020, supplement=True).number,
            repo.propose_numbers(SERIES, 2020, supplement=True).total_number) == (2, None)
    assert (repo.propose_numbers(SERIES, 2021).number, repo.propose_numbers(SERIES, 2021).total_number) == (1, 2134)
    gaps = {(g.kind, g.missing) for g in repo.numbering_report(SERIES).gaps}
    assert gaps == {("number", (3, 4)), ("total", (2131, 2132))}
    repo.trash(late.id)  # trashed issues do not count either
    p = repo.propose_numbers(SERIES, 2020)
    assert (p.number, p.total_number) == (3, 2131)
    dup = repo.save(_issue(reference_issue, 2, 2131, 2020))
    clashes = repo.numbering_report(SERIES).duplicates
    assert [(c.kind, c.number, len(c.issue_ids)) for c in clashes] == [("number", 2, 2)]
    assert dup.id in clashes[0].issue_ids
    assert repo.propose_numbers("另一份简报", 2020).number == 1  # numbering belongs to a series
