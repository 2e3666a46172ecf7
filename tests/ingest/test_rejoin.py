"""Rejoining lines broken by page breaks and hard wraps — and only those."""

from __future__ import annotations

import pytest

from bulletin_desk.ingest.cleanup import clean_text, clean_to_string

LONG = "这是一段足够长的正文内容用于测试断行接续规则，"  # 23 characters, ends mid-sentence


def test_a_word_broken_across_a_page_break_is_rejoined() -> None:
    text = f"{LONG}打通渠道和工\n\n单、舆情监测等工作。\n"
    assert clean_to_string(text) == f"{LONG}打通渠道和工单、舆情监测等工作。"


def test_page_number_between_the_halves_is_removed_first() -> None:
    for debris in ("— 2 —", "-3-", "－2－", "－ ２ －", "—\u3000— 2 —", "第2页", "第 2 页 共 5 页"):
        text = f"{LONG}已整改\n{debris}\n到位298处。\n"
        assert clean_to_string(text) == f"{LONG}已整改到位298处。", debris
    # a bare number is a page number only at a page break: set apart by blank lines
    assert clean_to_string(f"{LONG}已整改\n\n7\n\n到位298处。\n") == f"{LONG}已整改到位298处。"


def test_a_bare_number_inside_a_sentence_is_kept_and_rejoined() -> None:
    assert clean_to_string("本期共有\n200\n人参加培训活动，效果很好。") == "本期共有200人参加培训活动，效果很好。"
    assert clean_to_string(f"{LONG}累计\n12\n场次。") == f"{LONG}累计12场次。"
    assert clean_to_string("上半年完成任务。\n12\n个街道全部达标。") == "上半年完成任务。\n12个街道全部达标。"
    cleaned = clean_text("本期共有\n200\n人参加培训活动，效果很好。")
    assert [c.rule for c in cleaned.changes] == ["rejoin", "rejoin"]


def test_bare_numbers_counting_pages_are_page_numbers() -> None:
    """2 … 3 at the page breaks of a text without blank lines: a run of page numbers, not figures."""
    text = f"{LONG}第一页的正文没有写完\n2\n接着写第二页的正文{LONG}还没有写完\n3\n第三页的正文结束。"
    assert clean_to_string(text) == f"{LONG}第一页的正文没有写完接着写第二页的正文{LONG}还没有写完第三页的正文结束。"
    assert clean_to_string(f"{LONG}这一段在这里结束。\n4") == f"{LONG}这一段在这里结束。"  # the last page's number


def test_running_header_next_to_a_page_number_is_removed_but_the_masthead_stays() -> None:
    text = f"工作简报\n第3期\n{LONG}已经\n-2-\n工作简报\n完成。\n"
    assert clean_to_string(text) == f"工作简报\n第3期\n{LONG}已经完成。"


def test_structural_lines_never_join() -> None:
    text = "某某工作简报名称很长很长很长很长很长很长\n第 19 期\n（总第 8 期）\n【栏目】\n标题不会接到正文上\n正文。"
    assert clean_to_string(text).split("\n") == ["某某工作简报名称很长很长很长很长很长很长", "第19期", "（总第8期）",
                                                  "【栏目】", "标题不会接到正文上", "正文。"]


def test_a_title_never_joins_its_first_paragraph() -> None:
    title = "某区新时代文明实践中心高举旗帜 发动群众共同做好工作"  # long, no punctuation
    text = f"（某单位）\n\n{title}\n\n正文第一句话在这里，内容。\n"
    assert clean_to_string(text) == f"（某单位）\n\n{title}\n\n正文第一句话在这里，内容。"


@pytest.mark.parametrize("title", ["坚持党建引领，凝聚多方力量，推动基层社会治理提质增效",
                                   "海淀区：多措并举推进垃圾分类", "主题活动——文明实践在身边，志愿服务暖人心"])
def test_a_title_with_commas_or_a_colon_never_joins_its_first_paragraph(title: str) -> None:
    body = "今年以来，某街道坚持党建引领。全面推进基层治理。"
    for text in (f"【基层动态】\n\n{title}\n\n{body}", f"【基层动态】\n{title}\n{body}",
                 f"（某街道）\n{title}\n{body}", f"上一篇的正文到此结束。\n\n{title}\n\n{body}"):
        paragraphs = [p.text for p in clean_text(text).paragraphs]
        assert paragraphs[1:] == [title, body], text


def test_across_a_blank_line_a_set_apart_headline_is_not_joined_into() -> None:
    title = "海淀区：多措并举推进垃圾分类"
    text = f"{LONG}上一段的末句没有句号\n\n{title}\n\n强化组织领导。区里成立专班。"
    assert [p.text for p in clean_text(text).paragraphs] == [f"{LONG}上一段的末句没有句号", title,
                                                             "强化组织领导。区里成立专班。"]


def test_a_long_first_line_broken_at_a_page_is_no_headline() -> None:
    """At the start of a paste a blank line after a line is no proof of a headline: it may be a page break."""
    assert clean_to_string(f"{LONG}打通渠道\n\n和工单，舆情监测等工作。") == f"{LONG}打通渠道和工单，舆情监测等工作。"


def test_lines_ending_a_sentence_or_short_lines_do_not_join() -> None:
    text = f"{LONG}到此为止。\n下一段开始了，内容。\n短行\n另一段。\n"
    assert clean_to_string(text).split("\n") == [f"{LONG}到此为止。", "下一段开始了，内容。", "短行", "另一段。"]


def test_attribution_labels_and_headings_are_not_joined_into() -> None:
    for follower in ("（某区文明办）", "报：市委。", "抄送：各区。", "责编：张三", "一、总体情况", "【新栏目】"):
        text = f"{LONG}没有句号结尾\n{follower}\n"
        assert clean_to_string(text).split("\n")[1] == follower


def test_hard_wrapped_text_at_a_fixed_width_is_rejoined() -> None:
    paragraph = "街道成立志愿服务总队，下设八支专业分队，实行分级管理，明确各分队的服务方向和联系人。"
    wrapped = "\n".join(paragraph[i:i + 12] for i in range(0, len(paragraph), 12))
    text = f"工作做法\n{wrapped}\n二、下一步\n{wrapped}\n"
    assert clean_to_string(text).split("\n") == ["工作做法", paragraph, "二、下一步", paragraph]


def test_latin_words_broken_across_lines_get_a_space() -> None:
    text = f"{LONG}the Bulletin\nDesk 软件已经上线。\n"
    assert clean_to_string(text) == f"{LONG}the Bulletin Desk软件已经上线。"


def test_a_line_ending_in_a_semicolon_never_continues_even_at_the_margin() -> None:
    """The issue's rule: lines ending in 。！？：； never join. A list of clauses is not a hard wrap."""
    lines = ["一是提高站位，强化责任担当；", "二是压实责任，狠抓工作落实；", "三是加强督导，确保取得实效。"]
    text = "会议对下一步工作提出要求\n" + "\n".join(lines * 3)
    assert clean_to_string(text).split("\n")[1:] == lines * 3


def test_three_lines_of_one_width_are_no_hard_wrap() -> None:
    text = "参会单位\n区委宣传部、区文明办、区教委\n区民政局、区卫健委、区城管委\n区住建委、区交通委、区商务局"
    assert clean_to_string(text) == text


def test_mid_sentence_marks_always_continue_and_a_full_line_takes_its_short_tail() -> None:
    text = f"{LONG}\n\n广泛开展防控知识、\n\n科普知识宣传。\n"
    assert clean_to_string(text) == f"{LONG}广泛开展防控知识、科普知识宣传。"
    body = "守护在基层防控现场，组织开展志愿服务值守并且动员辖区各单位和居民共同参与"  # three full lines of 12
    wrapped = "\n".join(body[i:i + 12] for i in range(0, len(body), 12))
    assert clean_to_string(f"标题\n{wrapped}\n各方力量\n二、下一步\n{wrapped}\n") == (
        f"标题\n{body}各方力量\n二、下一步\n{body}")


def test_a_headline_cut_at_the_margin_is_rejoined_but_never_with_its_paragraph() -> None:
    title = "某区依托“3+3”布局全面深化拓展 文明实践建设试点工作"
    body = ("三级设置联动，突出党建引领。区级设置实践中心，统筹协调全区各部门资源力量，形成工作合力，推动任务落实。"
            "乡镇设置实践所，抓好深化拓展方案落实，村设置实践站，组织开展文明实践活动，做实群众思想工作，"
            "有效破解基层工作中存在的问题。")
    lines = [title[:20], title[20:]] + [body[i:i + 20] for i in range(0, len(body), 20)]
    text = "（某单位）\n\n" + "\n".join(lines) + "\n"
    assert [p.text for p in clean_text(text).paragraphs] == ["（某单位）", title, body]
