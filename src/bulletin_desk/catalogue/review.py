"""Messages of the review room: the 签发前检查 (pre-sign-off check) problems."""

MESSAGES: dict[str, tuple[str, str]] = {
    "review.number.missing": ("未填期号（第N期）。", "The issue number (第N期) is missing."),
    "review.total.missing": ("未填总期号（总第M期），而本简报其他各期都有总期号。",
                             "The running number (总第M期) is missing, though the other issues of this bulletin "
                             "carry one."),
    "review.number.duplicate": ("{year}年第{number}期已有：{ids}。", "{year} no. {number} already exists: {ids}."),
    "review.supplement.duplicate": ("{year}年增刊第{number}期已有：{ids}。",
                                    "{year} supplement no. {number} already exists: {ids}."),
    "review.total.duplicate": ("总第{total}期已有：{ids}。", "Running number {total} already exists: {ids}."),
    "review.date.missing": ("未填印发日期。", "The issue date is missing."),
    "review.date.year_mismatch": ("日期 {date} 在{date_year}年，但第{number}期属于{sequence_year}年的期号序列"
                                  "（前一期是 #{previous_id}：{previous_year}年第{previous_number}期）。"
                                  "请核对日期或期号。",
                                  "The date {date} is in {date_year}, but no. {number} belongs to {sequence_year}'s "
                                  "sequence (the issue before it is #{previous_id}, {previous_year} no. "
                                  "{previous_number}). Check the date or the number."),
    "review.title.missing": ("第{section}栏第{article}篇稿件没有标题。",
                             "Section {section}, article {article} has no title."),
    "review.template.prompt_left": ("稿件“{title}”里还留着模板的提示文字：{text}",
                                    "The article \"{title}\" still holds the template's prompt: {text}"),
    "review.source.missing": ("稿件“{title}”没有署名单位（来源）。", "The article \"{title}\" has no source unit."),
    "review.punct.halfwidth": ("中文中有半角标点“{mark}”（共{count}处），应为全角。",
                               "Half-width punctuation \"{mark}\" in Chinese text ({count} in all); use the "
                               "full-width mark."),
    "review.punct.unpaired": ("引号或括号“{mark}”不成对（共{count}处）。",
                              "Quote or bracket \"{mark}\" has no partner ({count} in all)."),
    "review.title.too_long": ("标题“{title}”排成{lines}行，超过版式允许的{limit}行。",
                              "The title \"{title}\" sets in {lines} lines, more than the layout's {limit}."),
    "review.imprint.odd_page": ("版记排在第{page}页（奇数页），本版式要求版记在偶数页。",
                                "The imprint (版记) is on page {page}, an odd page; this layout wants it on an "
                                "even page."),
}
