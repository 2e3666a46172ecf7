"""Structure detection rules, one behaviour per test, with the reasons the report shows."""

from __future__ import annotations

import datetime as _dt

import pytest

from bulletin_desk.ingest import import_html, import_text
from bulletin_desk.ingest.dates import chinese_number, find_date_at_end
from bulletin_desk.ingest.patterns import heading_kind
from bulletin_desk.model import ParagraphKind

BODY = "这是第一句话。这是第二句话，内容。"


@pytest.mark.parametrize(("text", "date"), [
    ("二〇二〇年四月二十九日", _dt.date(2020, 4, 29)),
    ("2020年4月29日", _dt.date(2020, 4, 29)),
    ("2020年04月09日", _dt.date(2020, 4, 9)),
    ("2021.6.18", _dt.date(2021, 6, 18)),
    ("2022/1/7", _dt.date(2022, 1, 7)),
    ("2023-12-01", _dt.date(2023, 12, 1)),
    ("某某办公室 二〇二三年十二月三十一日", _dt.date(2023, 12, 31)),
])
def test_dates_in_any_common_form(text: str, date: _dt.date) -> None:
    found = find_date_at_end(text)
    assert found is not None and found[1] == date


def test_invalid_dates_and_numbers() -> None:
    assert find_date_at_end("2020年2月30日") is None
    assert find_date_at_end("2020年4月29日召开会议") is None
    assert chinese_number("十九") == 19 and chinese_number("一百零二") == 102 and chinese_number("二〇二〇") == 2020


@pytest.mark.parametrize(("line", "kind"), [
    ("一、加强组织领导", "h1"), ("（二）完善机制", "h2"), ("3.明确职责", "h3"), ("（4）建立台账", "h4"),
    ("1.2万人参加活动", None), ("一、这不是标题。后面还有很多内容", None),
])
def test_heading_kinds(line: str, kind: str | None) -> None:
    assert heading_kind(line) == kind


def _issue(text: str):
    result = import_text(text)
    assert result.issue is not None, result.article
    return result.issue


def test_masthead_with_supplement_classification_and_chinese_date() -> None:
    issue = _issue("秘密★1年\n工作简报\n增刊\n第 3 期\n某某办公室\n二〇二〇年四月二十九日\n标题\n" + BODY)
    m = issue.masthead
    assert (m.classification, m.title, m.supplement, m.number, m.total_number, m.office, m.date) == (
        "秘密★1年", "工作简报", True, 3, None, "某某办公室", _dt.date(2020, 4, 29))


def test_editors_note_is_not_a_section_and_attaches_to_the_next_article() -> None:
    issue = _issue("工作简报\n第1期\n【编者按】\n请各单位学习借鉴。\n【工作动态】\n标题一\n" + BODY)
    assert [s.heading for s in issue.sections] == ["工作动态"]
    assert issue.sections[0].articles[0].note == "请各单位学习借鉴。"


def test_note_after_the_title_belongs_to_that_article() -> None:
    issue = _issue("工作简报\n第1期\n标题一\n按语：值得推广。\n" + BODY + "\n标题二\n" + BODY)
    first, second = issue.articles()
    assert (first.title, first.note, second.note) == ("标题一", "值得推广。", None)


@pytest.mark.parametrize(("line", "source"), [
    ("（海淀区某办）", "海淀区某办"), ("（供稿：某区委宣传部）", "某区委宣传部"),
    ("（某区融媒体中心供稿）", "某区融媒体中心"),
    ("(某街道)", "某街道"),
])
def test_attribution_forms(line: str, source: str) -> None:
    result = import_text(f"标题\n{BODY}\n{line}\n")
    assert result.article is not None and result.article.source == source


def test_attribution_at_the_end_of_the_last_paragraph_only() -> None:
    result = import_text(f"标题\n{BODY}（某单位）\n")
    assert result.article is not None
    assert result.article.source == "某单位"
    assert result.article.paragraphs[-1].text == "这是第一句话。这是第二句话，内容。"
    middle = import_text(f"标题\n{BODY}（某单位）\n又一段正文，继续写。\n")
    assert middle.article is not None and middle.article.source is None
    assert middle.article.paragraphs[0].text.endswith("（某单位）")


def test_colophon_and_distribution() -> None:
    issue = _issue("工作简报\n第1期\n标题\n" + BODY + "\n责任编辑：甲 审核：乙 签发：丙\n联系电话：123 传真：456\n"
                   "电子邮箱：a@b.cn\n报：市委。\n送：各区。\n发：各部门。（共印 50 份）\n")
    c, d = issue.colophon, issue.distribution
    assert (c.editor, c.reviewer, c.approver, c.phone, c.fax, c.email) == ("甲", "乙", "丙", "123", "456", "a@b.cn")
    assert (d.report_to, d.send_to, d.issue_to, d.cc, issue.copies) == ("市委。", "各区。", "各部门。", None, 50)


def test_lead_rule_needs_a_consistent_article() -> None:
    leads = import_text("标题\n强化宣传引导，营造氛围。后面的内容。\n建立长效机制。后面的内容。\n")
    assert leads.article is not None
    assert [p.lead for p in leads.article.paragraphs] == ["强化宣传引导，营造氛围。", "建立长效机制。"]
    news = import_text("标题\n3月2日，召开会议。会议强调。\n会议要求，压实责任。\n")
    assert news.article is not None and [p.lead for p in news.article.paragraphs] == [None, None]
    long_first = "这是一个非常长的第一句话，" * 4 + "结束。后面。"
    none = import_text(f"标题\n{long_first}\n{long_first}\n")
    assert none.article is not None and all(p.lead is None for p in none.article.paragraphs)


def test_sub_headings_become_paragraph_kinds() -> None:
    result = import_text("标题\n一、总体情况\n（一）进展\n1.开工\n（1）细节\n" + BODY)
    assert result.article is not None
    assert [p.kind for p in result.article.paragraphs] == [ParagraphKind.H1, ParagraphKind.H2, ParagraphKind.H3,
                                                            ParagraphKind.H4, ParagraphKind.BODY]


def test_single_article_without_masthead_is_an_article() -> None:
    result = import_text("一篇文章的标题\n" + BODY)
    assert result.issue is None and result.article is not None and result.article.title == "一篇文章的标题"


def test_html_bold_runs_are_leads_and_centred_large_runs_titles() -> None:
    html = ('<p align="center"><span style="font-size:22pt">标题，带逗号也是标题</span></p>'
            "<p><b>加粗的段首句。</b>其余正文内容。</p><p><strong>整段加粗，没有段首句。</strong></p>"
            "<p>普通段落。第二句。</p><p><b>加粗到句号前</b>。其余。</p>")
    result = import_html(html)
    assert result.article is not None
    assert result.article.title == "标题，带逗号也是标题"
    assert [(p.lead, p.text) for p in result.article.paragraphs] == [
        ("加粗的段首句。", "其余正文内容。"), (None, "整段加粗，没有段首句。"), (None, "普通段落。第二句。"),
        ("加粗到句号前。", "其余。")]


def test_report_lines_give_reasons_in_both_languages() -> None:
    result = import_text("工作简报\n第 1 期\n标题\n" + BODY)
    zh, en = result.report_lines("zh"), result.report_lines("en")
    assert any("期号" in line and "形如“第N期”" in line for line in zh)
    assert any("issue number" in line and "reads 第N期" in line for line in en)
    assert any("删除中文与数字字母间的空格" in line for line in zh)


def test_windows_clipboard_html_header_is_ignored_and_empty_input_refused() -> None:
    from bulletin_desk.ingest import IngestError

    clip = ("Version:0.9\r\nStartHTML:0000000105\r\nEndHTML:0000000200\r\n"
            "<html><body><!--StartFragment--><h1>剪贴板标题</h1><p>正文。第二句。</p><!--EndFragment--></body></html>")
    result = import_html(clip)
    assert result.article is not None and result.article.title == "剪贴板标题"
    for empty in ("", " \n\u3000\n— 2 —\n"):
        with pytest.raises(IngestError) as caught:
            import_text(empty)
        assert caught.value.message.code == "ingest.empty"


def test_word_html_source_wrapped_mid_sentence_gets_no_stray_space() -> None:
    html = "<p class=MsoNormal><b>段首句。</b>这是一段在源码里\r\n被折行的中文，English\r\nwords keep a space。</p>"
    result = import_html("<h1>标题</h1>" + html)
    assert result.article is not None
    assert result.article.paragraphs[0].text == "这是一段在源码里被折行的中文，English words keep a space。"


def test_a_date_line_after_an_article_is_not_a_new_title() -> None:
    result = import_text("标题\n" + BODY + "\n2021年3月5日\n")
    assert result.article is not None and result.article.title == "标题"
    assert result.article.paragraphs[-1].text == "2021年3月5日"


def test_indented_hard_wrap_joins_a_sentence_ending_at_the_margin() -> None:
    first = "今年以来，我县扎实推进环境整治工作，各项任务取得了阶段性的明显成效。全县清理垃圾一千余吨。"
    second = "下一步，我县将继续压实各方责任，推动整治常态化。"
    wrapped = []
    for paragraph in (first, second):
        indented = "\u3000\u3000" + paragraph
        wrapped += [indented[i:i + 18] for i in range(0, len(indented), 18)]
    result = import_text("整治工作取得成效\n\n" + "\n".join(wrapped))
    assert result.article is not None
    assert [p.text for p in result.article.paragraphs] == [first, second]


def test_html_tables_data_rows_plain_structural_rows_read() -> None:
    html = ("<table><tr><td>工作简报</td></tr><tr><td>第 4 期</td></tr>"
            "<tr><td>某区办公室</td><td>2024年1月2日</td></tr></table>"
            "<h2>一篇标题</h2><p>正文。</p><table><tr><th>项目</th><th>数量</th></tr>"
            "<tr><td>展板</td><td>20块</td></tr></table>"
            "<table><tr><td>责编：甲</td><td>核稿：乙</td></tr></table>")
    result = import_html(html)
    issue = result.issue
    assert issue is not None
    assert (issue.masthead.title, issue.masthead.number, issue.masthead.office) == ("工作简报", 4, "某区办公室")
    assert [p.text for p in issue.articles()[0].paragraphs] == ["正文。", "项目", "数量", "展板", "20块"]
    assert (issue.colophon.editor, issue.colophon.reviewer) == ("甲", "乙")


BASE_LEVEL = ("【基层动态】\n\n坚持党建引领，凝聚多方力量，推动基层社会治理提质增效\n\n"
              "今年以来，某街道坚持党建引领。全面推进基层治理。共建立议事会12个。\n\n"
              "强化阵地建设。街道新建党群服务中心3个。覆盖全部社区。\n\n（某街道）\n\n"
              "海淀区：多措并举推进垃圾分类\n\n强化组织领导。区里成立专班。定期调度。\n\n"
              "加强宣传引导。发放资料1万份。群众知晓率提升。\n\n（海淀区城管委）\n")


def test_titles_with_commas_and_colons_start_their_articles() -> None:
    result = import_text(BASE_LEVEL)
    issue = result.issue
    assert issue is not None
    assert [(a.title, a.source, len(a.paragraphs)) for a in issue.articles()] == [
        ("坚持党建引领，凝聚多方力量，推动基层社会治理提质增效", "某街道", 2),
        ("海淀区：多措并举推进垃圾分类", "海淀区城管委", 2)]
    assert issue.articles()[0].paragraphs[0].text.endswith("共建立议事会12个。")
    reasons = {d.reason for d in result.decisions if d.element == "title"}
    assert reasons == {"headline_after_opener"}


def test_a_title_with_commas_set_apart_mid_article_starts_a_new_one() -> None:
    text = ("第一篇的标题\n\n强化组织领导。区里成立专班。\n\n扎实推进老旧小区改造，惠及居民群众\n\n"
            "加强宣传引导。发放资料1万份。\n")
    result = import_text(text)
    assert result.issue is not None
    assert [a.title for a in result.issue.articles()] == ["第一篇的标题", "扎实推进老旧小区改造，惠及居民群众"]
    assert any(d.reason == "headline_set_apart" for d in result.decisions)


def test_a_short_line_with_commas_inside_an_article_stays_body_text() -> None:
    result = import_text("标题\n强化组织领导。区里成立专班。\n一是提高站位，强化责任担当\n加强宣传引导。发放资料。\n")
    assert result.article is not None and result.article.title == "标题"
    assert [p.text for p in result.article.paragraphs][1] == "一是提高站位，强化责任担当"


TAIL = "\n【工作动态】\n标题一\n" + BODY + "\n"


@pytest.mark.parametrize(("head", "expected"), [
    ("海淀区精神文明建设\n工作简报\n第19期\n某办 2020年4月29日",
     ("海淀区精神文明建设工作简报", 19, None, "某办", _dt.date(2020, 4, 29), None)),
    ("密级：秘密\n工作简报\n第19期\n某办 2020年4月29日", ("工作简报", 19, None, "某办", _dt.date(2020, 4, 29), "秘密")),
    ("工作简报\n第19期 总第2128期\n某办 2020年4月29日", ("工作简报", 19, 2128, "某办", _dt.date(2020, 4, 29), None)),
    ("工作简报\n总第2128期 第19期\n某办 2020年4月29日", ("工作简报", 19, 2128, "某办", _dt.date(2020, 4, 29), None)),
    ("工作简报\n〔2020〕第5期\n某办 2020年4月29日", ("工作简报", 5, None, "某办", _dt.date(2020, 4, 29), None)),
    ("工作简报\n第19期\n某办 2020年4月29日（星期三）", ("工作简报", 19, None, "某办", _dt.date(2020, 4, 29), None)),
    ("工作简报\n第19期\n某办 2020年4月29日印发", ("工作简报", 19, None, "某办", _dt.date(2020, 4, 29), None)),
    ("工作简报\n第19期\n某办 2020年4月29号", ("工作简报", 19, None, "某办", _dt.date(2020, 4, 29), None)),
])
def test_masthead_forms(head: str, expected: tuple) -> None:
    m = _issue(head + TAIL).masthead
    assert (m.title, m.number, m.total_number, m.office, m.date, m.classification) == expected


def test_colophon_labels_anywhere_in_a_short_line_and_the_contact_person() -> None:
    issue = _issue("工作简报\n第1期\n标题\n" + BODY + "\n联系人：张三  电话：62345678\n某局办公室 传真：62345679\n")
    assert (issue.colophon.editor, issue.colophon.phone, issue.colophon.fax) == ("张三", "62345678", "62345679")
    assert [p.text for p in issue.articles()[0].paragraphs] == [BODY]
    line = "群众可拨打电话：12345，咨询相关政策。"
    sentence = import_text("标题\n" + BODY + "\n" + line + "\n")
    assert sentence.article is not None and sentence.article.paragraphs[-1].text == line


def test_the_printed_by_line_is_the_imprint_not_an_article() -> None:
    issue = _issue("工作简报\n第19期\n【工作动态】\n标题一\n" + BODY + "\n（某单位）\n报：市委。\n"
                   "区文明办秘书科 2020年4月29日印发\n")
    assert [a.title for a in issue.articles()] == ["标题一"]
    assert (issue.masthead.office, issue.masthead.date) == ("区文明办秘书科", _dt.date(2020, 4, 29))
    dated = _issue("工作简报\n第19期\n某办 2020年4月28日\n标题一\n" + BODY + "\n某科 2020年4月29日印发\n")
    assert (dated.masthead.office, dated.masthead.date) == ("某办", _dt.date(2020, 4, 28))
    assert len(dated.articles()) == 1


def test_html_lines_broken_with_br_are_rejoined_and_page_numbers_removed() -> None:
    html = ("<div>老旧小区改造取得实效</div><div>今年以来，区住建委按照市委市政府部署，扎实推进<br>"
            "老旧小区综合整治工作。全区共完成12个。</div><div>— 2 —</div><div>本期共有<br>200<br>人参加培训。</div>"
            "<div>（区住建委）</div>")
    result = import_html(html)
    assert result.article is not None and result.article.source == "区住建委"
    assert [p.text for p in result.article.paragraphs] == [
        "今年以来，区住建委按照市委市政府部署，扎实推进老旧小区综合整治工作。全区共完成12个。",
        "本期共有200人参加培训。"]
    assert {c.rule for c in result.changes} >= {"page_number", "rejoin"}


def test_html_formatted_blocks_never_join() -> None:
    html = ("<p align=center><span style='font-size:22pt'>"
            "坚持党建引领，凝聚多方力量，推动基层社会治理提质增效</span></p>"
            "<p>今年以来，某街道坚持党建引领。全面推进基层治理。</p>"
            "<p>正文写到这里没有写完，换了一个段落继续写</p><p><b>强化阵地建设。</b>街道新建党群服务中心3个。</p>")
    result = import_html(html)
    assert result.article is not None
    assert result.article.title == "坚持党建引领，凝聚多方力量，推动基层社会治理提质增效"
    assert [(p.lead, p.text) for p in result.article.paragraphs] == [
        (None, "今年以来，某街道坚持党建引领。全面推进基层治理。"), (None, "正文写到这里没有写完，换了一个段落继续写"),
        ("强化阵地建设。", "街道新建党群服务中心3个。")]
