"""Messages of the archive workspace (issue 7): states, district templates, the submissions pool,
statistics, rolling backups and moving a whole archive. Codes are ``archive.*``: they belong to the
archive room; this table only keeps them apart from the older archive messages."""

MESSAGES: dict[str, tuple[str, str]] = {
    # ---- states 草稿 → 待核 → 已签发
    "archive.state.draft": ("草稿", "Draft"),
    "archive.state.review": ("待核", "In review"),
    "archive.state.signed": ("已签发", "Signed off"),
    "archive.cli.review_mark": ("〔待核〕", "[in review]"),
    "archive.cli.signed_mark": ("〔已签发〕", "[signed off]"),
    "archive.read_only_signed": ("第{issue}号简报{label}已签发，不能修改、删除或恢复历史版本。"
                                 "如确需修改，请先“开启新修订”并说明原因。",
                                 "Issue #{issue} {label} is signed off and cannot be changed, trashed or restored "
                                 "to a revision. To change it, open a new revision first and give a reason."),
    "archive.state.unknown": ("未知的状态“{state}”（应为 draft、review 或 signed）。",
                              "Unknown state \"{state}\" (use draft, review or signed)."),
    "archive.state.unchanged": ("第{issue}号简报已经是该状态（{state}）。", "Issue #{issue} is already {state}."),
    "archive.state.signed_needs_revision": ("第{issue}号简报已签发；要修改请先开启新修订并说明原因。",
                                            "Issue #{issue} is signed off; open a new revision (with a reason) "
                                            "to change it."),
    "archive.state.bad_transition": ("第{issue}号简报不能从“{old}”直接改为“{new}”（草稿→待核→已签发）。",
                                     "Issue #{issue} cannot go from {old} straight to {new} "
                                     "(draft → review → signed)."),
    "archive.state.trashed": ("第{issue}号简报在回收站中，请先恢复。",
                              "Issue #{issue} is in the trash; restore it first."),
    "archive.state.reason_required": ("签发第{issue}号简报时忽略了签发前检查的问题（{codes}），必须填写原因。",
                                      "Signing off issue #{issue} overrides pre-sign-off checks ({codes}); "
                                      "a reason is required."),
    "archive.state.reason_required_revision": ("为已签发的第{issue}号简报开启新修订，必须填写原因。",
                                               "Opening a new revision of the signed issue #{issue} needs a reason."),
    "archive.state.not_signed": ("第{issue}号简报尚未签发，可以直接修改，无需开启新修订。",
                                 "Issue #{issue} is not signed off; edit it directly, no new revision needed."),
    # ---- district templates
    "archive.template.empty_unit": ("模板必须写明单位名称。", "A template must name its unit."),
    "archive.template.duplicate_unit": ("单位“{unit}”已有模板，每个单位只能有一个模板。",
                                        "The unit \"{unit}\" already has a template; one template per unit."),
    "archive.template.not_found": ("没有编号为{id}的模板。", "There is no template #{id}."),
    # ---- the submissions pool 稿件库
    "archive.submission.pending": ("待用", "Pending"),
    "archive.submission.adopted": ("已采用", "Adopted"),
    "archive.submission.rejected": ("不用", "Not used"),
    "archive.submission.bad_state": ("未知的稿件状态“{state}”（应为 pending、adopted 或 rejected）。",
                                     "Unknown submission state \"{state}\" (use pending, adopted or rejected)."),
    "archive.submission.not_found": ("稿件库中没有编号为{id}的稿件。", "There is no submission #{id} in the pool."),
    "archive.submission.no_unit": ("稿件必须写明报送单位。", "A submission must name the unit that sent it."),
    "archive.submission.bad_origin": ("未知的稿件来源方式“{origin}”（应为 {allowed}）。",
                                      "Unknown origin \"{origin}\" (use {allowed})."),
    "archive.submission.adopted_elsewhere": ("稿件#{id}已采用于第{issue}号简报{label}，不能再放入另一期。"
                                             "如它已从那一期删去，请先在稿件库中将其设为“待用”。",
                                             "Submission #{id} is already adopted in issue #{issue} {label} and "
                                             "cannot go into another issue. If it was taken out of that issue, "
                                             "set it to Pending in the pool first."),
    "archive.submission.link_change": ("稿件#{id}已采用于第{issue}号简报，保存时不能改变它的状态或所属的期；"
                                       "要取消采用，请在稿件库中更改其状态。",
                                       "Submission #{id} is adopted in issue #{issue}; saving it cannot change its "
                                       "state or issue. To withdraw the adoption, change its state in the pool."),
    "archive.submission.linked_unit": ("稿件#{id}已采用于第{issue}号简报{label}，该期署名为“{old}”，没有“{new}”；"
                                       "改动报送单位会使报送与采用分属两个单位。请先在该期中改署名，"
                                       "或先将稿件设为“待用”。",
                                       "Submission #{id} is adopted in issue #{issue} {label}, which credits "
                                       "\"{old}\" and not \"{new}\"; changing the unit would count the "
                                       "submission and its adoption for different units. Change the credit in "
                                       "that issue first, or set the submission to Pending."),
    "archive.submission.received_after_issue": ("稿件#{id}已采用于第{issue}号简报{label}（{date}），"
                                                "收稿日期不能晚于该期日期（{received}）。",
                                                "Submission #{id} is adopted in issue #{issue} {label} ({date}); "
                                                "it cannot have been received after that ({received})."),
    # ---- statistics 信息采用统计
    "archive.stats.bad_by": ("无法按“{by}”统计（应为 source 或 section）。",
                             "Cannot group statistics by \"{by}\" (use source or section)."),
    "archive.stats.bad_period": ("统计时段的结束日期 {date_to} 早于开始日期 {date_from}。",
                                 "The period ends ({date_to}) before it begins ({date_from})."),
    "archive.stats.col_unit": ("报送单位", "Unit"),
    "archive.stats.col_section": ("栏目", "Section"),
    "archive.stats.col_submitted": ("报送数", "Submitted"),
    "archive.stats.col_adopted": ("采用数", "Adopted"),
    "archive.stats.col_rate": ("采用率", "Rate"),
    "archive.stats.col_chars": ("字数", "Characters"),
    "archive.stats.no_key": ("（未注明）", "(none)"),
    "archive.stats.total": ("合计", "Total"),
    # ---- commands: templates, stats
    "archive.cli.templates_empty": ("档案库中没有区模板（可用 bulletin-desk templates import 导入）。",
                                    "The archive holds no district templates (bulletin-desk templates import adds "
                                    "some)."),
    "archive.cli.template_fields": ("单位：{unit}\n区：{district}\n栏目：{section}\n联系人：{contact}\n电话：{phone}",
                                    "Unit: {unit}\nDistrict: {district}\nSection: {section}\nContact: {contact}\n"
                                    "Phone: {phone}"),
    "archive.cli.template_preview": ("据此新建的稿件：", "The article it makes:"),
    "archive.cli.template_title": ("（标题）", "(title)"),
    "archive.cli.template_missing": ("没有单位“{unit}”的模板（bulletin-desk templates list 列出全部模板）。",
                                     "No template for the unit \"{unit}\" (bulletin-desk templates list shows them "
                                     "all)."),
    "archive.cli.templates_imported": ("已从“{path}”导入{count}个模板，替换了原有的{replaced}个。",
                                       "Imported {count} templates from \"{path}\", replacing the {replaced} there "
                                       "were."),
    "archive.cli.bad_date": ("{option} 的日期“{value}”应写成 YYYY-MM-DD。",
                             "{option}: the date \"{value}\" must be YYYY-MM-DD."),
    "archive.cli.stats_empty": ("{date_from} 至 {date_to} 没有报送或采用的稿件。",
                                "Nothing was submitted or adopted from {date_from} to {date_to}."),
    # ---- backups and moving a whole archive
    "archive.backup.daily_failed": ("未能完成今天的自动备份（{path}）：{detail}。档案库仍可正常使用，请检查磁盘空间。",
                                    "Today's automatic backup of {path} failed: {detail}. The archive works as "
                                    "usual; check the disk space."),
    "archive.import_self": ("“{path}”就是当前档案库，无需导入。", "\"{path}\" is the current archive itself."),
}
