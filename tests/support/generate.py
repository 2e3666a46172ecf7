"""Generated issues: punctuation-dense mixed Chinese text for property tests, agreement and benchmarks.

Deterministic per seed (random.Random), so a failing case can be reproduced from its seed alone.
Every feature the line breaker treats specially appears often: 、，。；：！？ at every position,
“ ” ‘ ’ around words, ——, ……, 《》 and （）, digit runs (with % and decimals), Latin words, bold leads.
"""

from __future__ import annotations

import datetime as _dt
import random

from bulletin_desk.model import (
    Article,
    Colophon,
    Distribution,
    Issue,
    Masthead,
    Paragraph,
    ParagraphKind,
    Section,
)

IDEOGRAPHS = (
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种"
    "面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本"
    "去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比"
    "或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总"
    "次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做"
    "必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权"
    "收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信"
    "马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连"
    "断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存"
    "候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严"
)
LATIN = ["APP", "GDP", "PM", "WiFi", "online", "Beijing", "covid", "AI", "CBD", "Logo", "team", "VR"]
UNITS = ["%", "万", "人", "元", "次", "个", "年", "月", "日", "吨", "小时"]


class TextGen:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)

    def word(self, low: int = 1, high: int = 4) -> str:
        return "".join(self.rng.choice(IDEOGRAPHS) for _ in range(self.rng.randint(low, high)))

    def token(self) -> str:
        r = self.rng.random()
        w = self.word
        if r < 0.40:
            return w(2, 6)
        if r < 0.52:
            return w() + self.rng.choice("，，，、、；：")
        if r < 0.58:
            return f"“{w(2, 5)}”"
        if r < 0.61:
            return f"‘{w(1, 3)}’"
        if r < 0.66:
            number = str(self.rng.randint(1, 10 ** self.rng.randint(1, 6)))
            if self.rng.random() < 0.2:
                number += "." + str(self.rng.randint(1, 99))
            return number + self.rng.choice(UNITS)
        if r < 0.70:
            return self.rng.choice(LATIN)
        if r < 0.73:
            return f"《{w(2, 6)}》"
        if r < 0.76:
            return f"（{w(1, 4)}）"
        if r < 0.79:
            return "——" + w(1, 3)
        if r < 0.81:
            return w(1, 2) + "……"
        if r < 0.86:
            return w() + self.rng.choice("。！？")
        if r < 0.88:
            return f"“{w(2, 5)}。”"
        if r < 0.90:
            return f"“{w(2, 4)}”“{w(2, 4)}”"
        return w(1, 3) + self.rng.choice("，。")

    def sentence(self, chars: int) -> str:
        out = ""
        while len(out) < chars:
            out += self.token()
        return out + ("" if out[-1] in "。！？”" else "。")

    def paragraph(self, chars: int) -> Paragraph:
        lead = self.sentence(self.rng.randint(6, 20)) if self.rng.random() < 0.6 else None
        return Paragraph(text=self.sentence(chars), lead=lead)


def generated_issue(seed: int, *, articles: int = 4, paragraphs: int = 4, chars: int = 160) -> Issue:
    gen = TextGen(seed)
    sections = []
    for s_index in range((articles + 1) // 2):
        arts = []
        for _ in range(2 if s_index * 2 + 1 < articles else articles - s_index * 2):
            paras = [gen.paragraph(gen.rng.randint(chars // 2, chars * 3 // 2)) for _ in range(paragraphs)]
            if gen.rng.random() < 0.3:
                paras.insert(1, Paragraph(text="一、" + gen.word(4, 10), kind=ParagraphKind.H1))
            arts.append(Article(title=gen.word(8, 14) + gen.word(4, 10), source=gen.word(2, 3) + "区文明办",
                                paragraphs=paras))
        sections.append(Section(heading=gen.word(4, 8), articles=arts))
    return Issue(
        masthead=Masthead(title="首都精神文明建设情况简报", number=seed % 40 + 1, total_number=2100 + seed,
                          office="首都精神文明办", date=_dt.date(2020, 4, 29)),
        sections=sections,
        colophon=Colophon(editor="梅雪峰", reviewer="田文松", phone="55569506", fax="55569505",
                          email="jswmzhxyc@163.com"),
        distribution=Distribution(report_to="中央文明办，首都文明委主任、副主任", send_to="首都文明委委员",
                                  issue_to="各区文明办"),
        copies=120,
    )


def twelve_page_issue(seed: int = 12) -> Issue:
    """About 12 pages: the benchmark's issue."""
    return generated_issue(seed, articles=6, paragraphs=5, chars=160)
