"""The fidelity corpus: the reference issue plus generated issues whose promised features are asserted.

Each generated issue is built from a seed, so the corpus never changes between runs; text is cut from
the reference issue's own sentences (real 简报 vocabulary and punctuation density) and seasoned with
the features line breaking is most sensitive to: “引号”, ——破折号, ……省略号, digits and Latin
(2020年4月29日, 5G, APP, 12345), long titles that break, many short articles, sub-headings, 按语,
and one article long enough to fill whole body pages (the gate holds every body line to the grid, and
only a page of nothing but body text shows that LibreOffice puts 22 of them on it).
`FEATURES` names what each issue promises; `assert_features` checks the text really holds it, so a
refactor of the generator cannot silently drop a case. `layout_variants` are the reference issue changed
where layout once went wrong; the gate checks each on its own.
"""

from __future__ import annotations

import datetime as _dt
import random
import re
from dataclasses import dataclass, field
from pathlib import Path

from bulletin_desk.model import (
    Article,
    Colophon,
    Distribution,
    Issue,
    Masthead,
    Paragraph,
    ParagraphKind,
    Section,
    loads,
)

REPO = Path(__file__).resolve().parents[2]
REFERENCE = REPO / "resources" / "samples" / "reference.bdjson"

FEATURE_PATTERNS: dict[str, re.Pattern[str]] = {
    "quotes": re.compile("“[^”]+”"),
    "dash": re.compile("——"),
    "ellipsis": re.compile("……"),
    "digits": re.compile(r"\d{2,}"),
    "latin": re.compile(r"[A-Za-z]{2,}"),
    "long_title": re.compile(r"^TITLE:.{23,}$", re.M),  # more than one 22 pt title line (20 字)
    "many_articles": re.compile(r"^ARTICLES:([6-9]|\d\d)$", re.M),
    "headings": re.compile(r"^HEADING:", re.M),
    "note": re.compile(r"^NOTE:", re.M),
    # ≥ 2000 字 in one article: at 28 字 × 22 lines a page, at least two pages of nothing but body text
    "long_article": re.compile(r"^LENGTH:([2-9]\d{3}|\d{5,})$", re.M),
}


def reference_issue() -> Issue:
    return loads(REFERENCE.read_bytes())


def _sentences(issue: Issue) -> list[str]:
    text = "".join(p.full_text for a in issue.articles() for p in a.paragraphs)
    return [s for s in re.findall(r"[^。！？]+[。！？]", text) if 8 <= len(s) <= 90]


_SEASONING = [
    "“文明实践”活动覆盖{n}个社区", "志愿者——特别是青年志愿者——冲在一线", "防控、宣传、服务……样样落实",
    "通过APP和5G直播平台累计服务{n}人次", "热线12345受理诉求{n}件", "{y}年{m}月{d}日起实施",
    "“{w}”“{w}”等品牌深入人心", "覆盖率达{p}%以上", "组建WeChat群{n}个", "GDP同比增长{p}%",
]
_WORDS = ["柠檬黄", "蓝马甲", "志愿橙", "一米线", "家门口", "红袖标", "文明桌", "光盘行动"]
_UNITS = ["海淀区文明办", "朝阳区文明办", "东城区文明办", "西城区文明办", "丰台区文明办", "延庆区文明办",
          "通州区文明办", "大兴区文明办"]
_HEADINGS = ["新时代文明实践中心建设", "志愿服务", "文明创建", "未成年人思想道德建设", "典型经验"]


def _season(rng: random.Random) -> str:
    template = rng.choice(_SEASONING)
    return template.format(n=rng.randint(3, 98765), y=rng.choice([2019, 2020, 2021]), m=rng.randint(1, 12),
                           d=rng.randint(1, 28), p=rng.randint(10, 99), w=rng.choice(_WORDS))


@dataclass
class Spec:
    """What one generated issue promises."""

    seed: int
    articles: int
    paragraphs: tuple[int, int]
    long_titles: bool = False
    headings: bool = False
    note: bool = False
    features: set[str] = field(default_factory=set)


def generate_issue(spec: Spec, sentences: list[str]) -> Issue:
    rng = random.Random(spec.seed)
    sections: list[Section] = []
    per_section = max(1, spec.articles // rng.choice([1, 2, 3]))
    for index in range(spec.articles):
        if index % per_section == 0:
            sections.append(Section(heading=_HEADINGS[len(sections) % len(_HEADINGS)]))
        paragraphs: list[Paragraph] = []
        for p_index in range(rng.randint(*spec.paragraphs)):
            if spec.headings and p_index in (0, 2):
                kind = ParagraphKind.H1 if p_index == 0 else ParagraphKind.H2
                label = "一、" if p_index == 0 else "（一）"
                paragraphs.append(Paragraph(text=f"{label}{rng.choice(sentences)[:14].rstrip('，。；、')}", kind=kind))
                continue
            parts = [rng.choice(sentences) for _ in range(rng.randint(1, 5))]
            parts.insert(rng.randint(0, len(parts)), _season(rng) + "。")
            lead = rng.choice(sentences)[:rng.randint(6, 16)].rstrip("，。；、") + "。" if rng.random() < 0.6 else None
            paragraphs.append(Paragraph(lead=lead, text="".join(parts)))
        unit = rng.choice(_UNITS)
        base = rng.choice(sentences)[:rng.randint(10, 18)].rstrip("，。；、“”")
        title = f"{unit[:3]}{base}" + (f"推动{rng.choice(sentences)[:rng.randint(14, 22)].rstrip('，。；、“”')}"
                                       if spec.long_titles else "")
        note = (f"编者按：{rng.choice(sentences)}{_season(rng)}。" if spec.note and index == 0 else None)
        sections[-1].articles.append(Article(title=title, note=note, source=unit, paragraphs=paragraphs))
    number = 1 + spec.seed % 30
    return Issue(
        masthead=Masthead(title="首都精神文明建设情况简报", number=number, total_number=2100 + number,
                          office="首都精神文明办", date=_dt.date(2020, 1 + spec.seed % 12, 1 + spec.seed % 28)),
        sections=sections,
        colophon=Colophon(editor="梅雪峰", reviewer="田文松", phone="55569506", fax="55569505",
                          email="jswmzhxyc@163.com"),
        distribution=Distribution(report_to="中央文明办，首都文明委主任、副主任，市委、市人大、市政府、市政协。",
                                  send_to="首都文明委委员，市委、市政府各部委办局。",
                                  issue_to="各区委书记、区长、宣传部长，各区文明办。"),
        copies=rng.choice([None, 300, 1200]),
    )


def feature_text(issue: Issue) -> str:
    """A text view of the issue the feature patterns run on."""
    lines = [f"ARTICLES:{len(issue.articles())}"]
    for article in issue.articles():
        lines.append(f"TITLE:{article.title}")
        lines.append(f"LENGTH:{sum(len(p.full_text) for p in article.paragraphs)}")
        if article.note:
            lines.append(f"NOTE:{article.note}")
        for p in article.paragraphs:
            lines.append(("HEADING:" if p.kind is not ParagraphKind.BODY else "") + p.full_text)
    return "\n".join(lines)


def assert_features(issue: Issue, promised: set[str]) -> None:
    text = feature_text(issue)
    missing = [name for name in sorted(promised) if not FEATURE_PATTERNS[name].search(text)]
    assert not missing, f"generated issue lacks promised features {missing}"


SPECS: tuple[Spec, ...] = tuple(
    Spec(seed=seed, articles=articles, paragraphs=paragraphs, long_titles=long_titles, headings=headings,
         note=note, features=features)
    for seed, articles, paragraphs, long_titles, headings, note, features in (
        (1, 1, (4, 6), False, False, False, {"quotes", "digits"}),
        (2, 2, (3, 5), True, False, False, {"long_title"}),
        (3, 3, (2, 4), False, False, True, {"note"}),
        (4, 8, (1, 2), False, False, False, {"many_articles"}),
        (5, 2, (5, 8), False, True, False, {"headings"}),
        (6, 4, (2, 5), True, False, False, {"long_title"}),
        (7, 1, (8, 12), False, False, False, set()),
        (8, 6, (2, 3), True, False, True, {"many_articles", "long_title", "note"}),
        (9, 3, (3, 6), False, True, False, {"headings"}),
        (10, 2, (4, 7), False, False, False, set()),
        (11, 10, (1, 2), False, False, False, {"many_articles"}),
        (12, 5, (3, 5), True, True, False, {"long_title", "headings"}),
        (13, 2, (6, 9), False, False, False, set()),
        (14, 3, (4, 6), True, False, True, {"long_title", "note"}),
        (15, 7, (2, 4), False, False, False, {"many_articles"}),
        (16, 1, (3, 4), False, False, False, set()),
        (17, 4, (4, 6), False, True, False, {"headings"}),
        (18, 2, (2, 3), True, False, False, {"long_title"}),
        (19, 12, (1, 3), False, False, False, {"many_articles"}),
        (20, 3, (5, 7), False, False, True, {"note"}),
        (21, 5, (6, 8), True, True, True, {"long_title", "headings", "note"}),
        (22, 1, (24, 28), False, False, False, {"long_article"}),
    )
)
# Every issue is seasoned; these hold for the corpus as a whole and for each issue.
EVERY_ISSUE = {"quotes", "digits"}
CORPUS_WIDE = {"dash", "ellipsis", "latin", "long_title", "many_articles", "headings", "note", "long_article"}


def generated_corpus() -> list[tuple[str, Issue]]:
    sentences = _sentences(reference_issue())
    corpus: list[tuple[str, Issue]] = []
    for spec in SPECS:
        issue = generate_issue(spec, sentences)
        assert_features(issue, spec.features | EVERY_ISSUE)
        corpus.append((f"gen{spec.seed:02d}", issue))
    everything = "\n".join(feature_text(issue) for _, issue in corpus)
    missing = [name for name in sorted(CORPUS_WIDE) if not FEATURE_PATTERNS[name].search(everything)]
    assert not missing, f"the corpus lacks {missing}"
    return corpus


def full_corpus() -> list[tuple[str, Issue]]:
    return [("reference", reference_issue()), *generated_corpus()]


LONG_OFFICE = "中共北京市委宣传部北京市精神文明建设委员会办公室"  # 24 字: no room left for the date


def layout_variants() -> list[tuple[str, Issue]]:
    """The reference issue with what once went wrong: an office name that leaves no room for the date
    (the date takes a line of its own) and one that wraps (the date closes its second line); wide
    symbols; titles taller than a page; a title opening the 版记's page."""
    variants: list[tuple[str, Issue]] = []
    for name, office in (("variant-office-date-alone", LONG_OFFICE), ("variant-office-wraps", LONG_OFFICE * 2)):
        issue = reference_issue()
        issue.masthead.office = office
        variants.append((name, issue))
    for k in range(2):  # wide symbols, shifted by a character so their line ends differ
        issue = reference_issue()
        for index, paragraph in enumerate(issue.sections[0].articles[0].paragraphs[:3]):
            paragraph.text = "文" * k + WIDE_SYMBOL_TEXTS[(index + k) % 3] + paragraph.text[:40]
        variants.append((f"variant-wide-symbols-{k}", issue))
    for length in TALL_TITLES:  # flows on to the next page (the second also taller than a page)
        issue = reference_issue()
        issue.sections[0].articles[0].title = ("关于推进新时代文明实践中心建设的通知" * 40)[:length]
        variants.append((f"variant-title-{length}", issue))
    # a title alone at the top of the 版记's page (it sits at the top of its block: the DOCX pads the 版记
    # from the title's whole block, not from where its baseline is)
    issue = reference_issue()
    issue.sections[-1].articles.append(Article(title="只有标题的一篇", paragraphs=[], page_break_before=True))
    variants.append(("variant-title-alone-above-imprint", issue))
    return variants


TALL_TITLES = (300, 400)
# (Not №: Noto Serif CJK SC, the 仿宋 stand-in, draws it 1.089 em wide where the official face has one em.)
WIDE_SYMBOL_TEXTS = (
    "当日最高气温38℃，重点做好①防暑②降温③保供工作，※注意Ⅱ级响应→及时上报。温度达到40℃以上时，按照Ⅸ3号预案执行，"
    "①②③项工作均列为★★★级，A→B两地之间，第3①条，≤5人的小组，◆重点任务，∶比例。",
    "各区要把握好“①②③”三个环节，确保在30℃高温条件下→开展工作，※号标注的事项为重点，Ⅲ类地区≥2次，▲为新增内容，"
    "○为持续推进事项，√为已完成事项，×为未完成事项，温度±2℃。",
    "一是抓好Ⅸ1工程；二是推进Ⅳ期项目→Ⅴ期项目衔接；三是落实“★”级评定，50%以上达到◎级标准，同比增长20‰，"
    "※以上数据截至4月29日。",
)
