"""list, show, new, trash, restore, revisions and the ISSUE selector, as an editor would type them."""

from __future__ import annotations

import json
import re
from pathlib import Path

from .conftest import REFERENCE


def _import(run, tmp_path: Path, number: int, total: int | None, *, year: int = 2021,  # type: ignore[no-untyped-def]
            supplement: bool = False, title: str | None = None) -> int:
    data = json.loads(REFERENCE.read_text(encoding="utf-8"))
    data["masthead"].update(number=number, total_number=total, supplement=supplement,
                            date=f"{year}-05-0{number % 9 + 1}")
    if title:
        data["masthead"]["title"] = title
    path = tmp_path / f"in-{year}-{number}-{supplement}-{title}.bdjson"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = run("import", str(path), "--into-archive")
    assert result.code == 0, result.err
    return int(re.search(r"#(\d+)", result.out).group(1))  # type: ignore[union-attr]


def test_list_on_a_fresh_archive_shows_the_sample(run, archive_file: Path) -> None:  # type: ignore[no-untyped-def]
    result = run("list")
    assert result.code == 0
    assert "2020年第19期（总第2128期）" in result.out and "〔样例〕" in result.out
    assert "#1" in result.out
    assert str(archive_file) in result.err  # first run says it created the archive (stderr, not the answer)
    assert archive_file.exists()


def test_show_by_number_total_and_id(run) -> None:  # type: ignore[no-untyped-def]
    for selector in ("2020-19", "total:2128", "#1"):
        result = run("show", selector)
        assert result.code == 0, result.err
        assert "【新时代文明实践中心建设】" in result.out
        assert "（海淀区文明办）" in result.out
        assert "报：中央文明办" in result.out


def test_show_a_file(run) -> None:  # type: ignore[no-untyped-def]
    result = run("show", str(REFERENCE))
    assert result.code == 0 and "首都精神文明建设情况简报" in result.out
    assert "档案编号" not in result.out


def test_no_match_exits_1_and_lists_candidates(run) -> None:  # type: ignore[no-untyped-def]
    result = run("show", "2020-20")
    assert result.code == 1
    assert "2020-20" in result.err and "2020年第19期" in result.err


def test_several_matches_exit_1_and_series_narrows(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    a = _import(run, tmp_path, 3, None, title="甲简报")
    b = _import(run, tmp_path, 3, None, title="乙简报")
    result = run("show", "2021-3")
    assert result.code == 1
    assert f"#{a}" in result.err and f"#{b}" in result.err
    result = run("show", "2021-3", "--series", "乙简报")
    assert result.code == 0 and f"#{b}" in result.out


def test_a_real_issue_wins_over_the_sample(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    real = _import(run, tmp_path, 19, 2128, year=2020)
    result = run("show", "2020-19")
    assert result.code == 0 and f"#{real}" in result.out


def test_supplement_selector(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    sup = _import(run, tmp_path, 1, None, supplement=True)
    plain = _import(run, tmp_path, 1, 2200)
    assert f"#{sup}" in run("show", "2021-增1").out
    assert f"#{plain}" in run("show", "2021-1").out


def test_bad_selector_is_a_user_error(run) -> None:  # type: ignore[no-untyped-def]
    result = run("show", "第十九期")
    assert result.code == 1 and "第十九期" in result.err


def test_new_proposes_numbers_and_prefills(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    first = run("new", "--date", "2021-01-05")
    assert first.code == 0 and "2021年第1期" in first.out  # nothing to continue: blank, number 1
    _import(run, tmp_path, 7, 2300)
    result = run("new", "--date", "2021-09-01")
    assert result.code == 0, result.err
    assert "首都精神文明建设情况简报 2021年第8期（总第2301期）" in result.out
    new_id = re.search(r"#(\d+)", result.out).group(1)  # type: ignore[union-attr]
    shown = run("show", f"#{new_id}").out
    assert "责编：梅雪峰" in shown and "报：中央文明办" in shown and "【" not in shown  # sections empty
    supplement = run("new", "--supplement", "--date", "2021-09-02")
    assert "2021年增刊第1期" in supplement.out and "总第" not in supplement.out


def test_new_from_an_issue(run) -> None:  # type: ignore[no-untyped-def]
    result = run("new", "--from", "2020-19", "--date", "2020-05-06")
    assert result.code == 0
    assert "2020年第1期" in result.out  # the sample never counts for numbering
    assert "#1" in result.err


def test_trash_restore_and_the_sample_is_deleted_in_one_go(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    issue_id = _import(run, tmp_path, 2, 2201)
    assert run("trash", "2021-2").code == 0
    assert f"#{issue_id}" not in run("list").out
    assert f"#{issue_id}" in run("list", "--trash").out
    assert run("restore", "2021-2").code == 0
    assert f"#{issue_id}" in run("list").out
    assert run("restore", f"#{issue_id}").code == 1  # not in the trash
    assert run("trash", "2020-19").code == 0  # the sample: gone for good
    assert "2020年第19期" not in run("list", "--trash").out + run("list").out


def test_revisions_list_and_restore(run, tmp_path: Path, archive_file: Path) -> None:  # type: ignore[no-untyped-def]
    from bulletin_desk.archive import open_archive

    issue_id = _import(run, tmp_path, 4, 2203)
    with open_archive(archive_file) as archive:
        stored = archive.issues.load(issue_id)
        edited = stored.issue
        edited.copies = 50
        archive.issues.save(edited, issue_id, stored.version)
    listing = run("revisions", f"#{issue_id}")
    assert listing.code == 0 and re.search(r"^\s+1\s+v1\b", listing.out, re.M)
    restored = run("revisions", f"#{issue_id}", "--restore", "1")
    assert restored.code == 0 and "第3版" in restored.out
    assert "共印" not in run("show", f"#{issue_id}").out
    assert run("revisions", f"#{issue_id}", "--restore", "9").code == 1



def test_new_first_issue_of_a_named_series(run) -> None:  # type: ignore[no-untyped-def]
    result = run("new", "--series", "志愿服务信息", "--date", "2022-02-01")
    assert result.code == 0 and "志愿服务信息 2022年第1期" in result.out
    assert "志愿服务信息" in run("list", "--series", "志愿服务信息").out
