"""修订记录's diff: articles paired by title (an insertion shows one article), the 版头/版记 as printed."""

from __future__ import annotations

import copy
from pathlib import Path

from bulletin_desk.gui.revisions import article_diffs, frame_diff
from bulletin_desk.model import Article, Paragraph, loads

REFERENCE = Path(__file__).resolve().parents[2] / "resources" / "samples" / "reference.bdjson"


def _reference():
    return loads(REFERENCE.read_bytes())


def test_inserting_an_article_shows_only_that_article() -> None:
    old = _reference()
    new = copy.deepcopy(old)
    new.sections[0].articles.insert(0, Article(title="新增的稿件", source="朝阳区文明办",
                                               paragraphs=[Paragraph(text="新增内容。")]))
    diffs = article_diffs(old, new)
    assert [(number, title) for number, title, _ in diffs] == [(1, "新增的稿件")]
    assert all(line.startswith(("+", "@@")) for line in diffs[0][2])


def test_moving_and_editing_pairs_by_title() -> None:
    old = _reference()
    new = copy.deepcopy(old)
    articles = new.sections[0].articles
    assert len(articles) >= 2
    articles.append(articles.pop(0))  # the first article moved to the end of its section
    edited = new.articles()[0]
    edited.paragraphs[0].text += "补充一句。"
    diffs = article_diffs(old, new)
    edited_titles = [title for _n, title, _l in diffs]
    assert edited_titles == [edited.title]  # the moved article is unchanged: not listed
    assert any(line.startswith("+") and "补充一句。" in line for _n, t, lines in diffs if t == edited.title
               for line in lines)


def test_removed_article_is_listed_under_its_old_number() -> None:
    old = _reference()
    new = copy.deepcopy(old)
    removed = new.sections[0].articles.pop(1)
    diffs = article_diffs(old, new)
    assert [(n, t) for n, t, _ in diffs] == [(2, removed.title)]
    assert all(line.startswith(("-", "@@")) for line in diffs[0][2])


def test_masthead_and_imprint_changes_are_shown_as_they_print() -> None:
    old = _reference()
    new = copy.deepcopy(old)
    assert frame_diff(old, new) == []
    new.masthead.number = 20
    new.colophon.editor = "王编辑"
    lines = frame_diff(old, new)
    assert "-第19期" in lines and "+第20期" in lines
    assert any(line.startswith("+") and "王编辑" in line for line in lines)
    assert article_diffs(old, new) == []  # the articles themselves are unchanged
