"""Rejoining lines broken by page breaks and hard wraps — and only those."""

from __future__ import annotations

from bulletin_desk.ingest.cleanup import clean_to_string

LONG = "这是一段足够长的正文内容用于测试断行接续规则，"  # 23 characters, ends mid-sentence


def test_a_word_broken_across_a_page_break_is_rejoined() -> None:
    text = f"{LONG}打通渠道和工\n\n单、舆情监测等工作。\n"
    assert clean_to_string(text) == f"{LONG}打通渠道和工单、舆情监测等工作。"


def test_page_number_between_the_halves_is_removed_first() -> None:
    for debris in ("— 2 —", "-3-", "－2－", "第2页", "第 2 页 共 5 页", "7"):
        text = f"{LONG}已整改\n{debris}\n到位298处。\n"
        assert clean_to_string(text) == f"{LONG}已整改到位298处。", debris


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
    assert clean_to_string(text).split("\n") == ["（某单位）", title, "正文第一句话在这里，内容。"]


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


def test_hard_wrapped_line_ending_in_a_semicolon_at_the_margin_continues() -> None:
    paragraph = "组织开展志愿服务活动，就近就便做好值守；第一时间集结各实践站的志愿队伍，凝聚起强大力量。"
    cut = paragraph.index("；") + 1
    lines = [paragraph[:cut]] + [paragraph[cut:][i:i + cut] for i in range(0, len(paragraph) - cut, cut)]
    text = "工作做法\n" + "\n".join(lines * 1) + "\n" + "\n".join(lines) + "\n"
    assert clean_to_string(text).split("\n") == ["工作做法", paragraph, paragraph]


def test_mid_sentence_marks_always_continue_and_a_full_line_takes_its_short_tail() -> None:
    text = f"{LONG}\n\n广泛开展防控知识、\n\n科普知识宣传。\n"
    assert clean_to_string(text) == f"{LONG}广泛开展防控知识、科普知识宣传。"
    body = "守护在基层防控现场，组织开展志愿服务值守并且动员"  # two full lines of 12
    wrapped = "\n".join(body[i:i + 12] for i in range(0, len(body), 12))
    assert clean_to_string(f"标题\n{wrapped}\n各方力量\n二、下一步\n{wrapped}\n") == (
        f"标题\n{body}各方力量\n二、下一步\n{body}")


def test_a_headline_cut_at_the_margin_is_rejoined_but_never_with_its_paragraph() -> None:
    title = "某区依托“3+3”布局全面深化拓展 文明实践建设试点工作"
    body = "三级设置联动，突出党建引领。区级设置实践中心，统筹协调全区各部门资源力量，形成工作合力，推动任务落实。"
    lines = [title[:20], title[20:]] + [body[i:i + 20] for i in range(0, len(body), 20)]
    text = "（某单位）\n\n" + "\n".join(lines) + "\n"
    assert clean_to_string(text).split("\n") == ["（某单位）", title, body]
