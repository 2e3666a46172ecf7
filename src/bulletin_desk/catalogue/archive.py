"""Messages of the archive room and of its commands (list, show, new, import/export, trash, archive …)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # ---- the archive itself
    "archive.conflict": ("第{issue}号简报已被他人（或另一窗口）保存为第{found}版（{saved_at}），"
                         "您的修改基于第{expected}版，未覆盖。请重新打开后再修改，或另存为新的一期。",
                         "Issue #{issue} was saved elsewhere as version {found} ({saved_at}) while you edited "
                         "version {expected}; nothing was overwritten. Reopen it, or save yours as a new issue."),
    "archive.corrupt": ("档案库文件“{path}”已损坏（{detail}），程序未对其作任何改动。最近的备份是“{backup}”，"
                        "可运行 bulletin-desk archive restore 恢复。",
                        "The archive \"{path}\" is damaged ({detail}); it was left untouched. The latest backup is "
                        "\"{backup}\": run bulletin-desk archive restore to bring it back."),
    "archive.corrupt_no_backup": ("档案库文件“{path}”已损坏（{detail}），程序未对其作任何改动，且没有找到备份。"
                                  "请联系技术支持，或用 --archive 指定其他档案库。",
                                  "The archive \"{path}\" is damaged ({detail}); it was left untouched and no "
                                  "backup was found. Contact support, or choose another archive with --archive."),
    "archive.full": ("磁盘空间不足，档案库“{path}”未能保存，已存内容未受影响。请清理磁盘后重试。",
                     "The disk is full; the archive \"{path}\" could not save. What was stored is intact; free "
                     "some space and try again."),
    "archive.locked": ("档案库“{path}”正被另一个程序占用，等待超时。请稍后重试。",
                       "The archive \"{path}\" is busy in another program and did not free up in time; try again."),
    "archive.readonly": ("档案库“{path}”所在位置不可写入（只读或没有权限）。请用 --archive 选择可写的文件夹。",
                         "The archive \"{path}\" is in a read-only location (or you lack permission). Choose a "
                         "writable folder with --archive."),
    "archive.io_error": ("读写档案库“{path}”时出错：{detail}",
                         "Reading or writing the archive \"{path}\" failed: {detail}"),
    "archive.open_failed": ("无法打开档案库“{path}”：{detail}", "Cannot open the archive \"{path}\": {detail}"),
    "archive.missing": ("档案库“{path}”不存在。", "The archive \"{path}\" does not exist."),
    "archive.foreign": ("“{path}”是其他程序的数据库，不是简报编辑台档案库，未作改动。",
                        "\"{path}\" is another program's database, not a Bulletin Desk archive; left untouched."),
    "archive.newer_schema": ("档案库“{path}”由更新版本的简报编辑台创建（结构版本 {revision}），请升级本程序后再打开。",
                             "The archive \"{path}\" was made by a newer Bulletin Desk (schema {revision}); upgrade "
                             "this program to open it."),
    "archive.not_found": ("档案库中没有第{issue}号简报。", "There is no issue #{issue} in the archive."),
    "archive.no_revision": ("第{issue}号简报没有第{n}个历史版本。", "Issue #{issue} has no revision {n}."),
    "archive.backup_failed": ("备份到“{path}”失败：{detail}", "Backing up to \"{path}\" failed: {detail}"),
    "archive.no_backup": ("档案库“{path}”还没有任何备份。", "The archive \"{path}\" has no backups yet."),
    "archive.backup_missing": ("备份文件“{path}”不存在。", "The backup \"{path}\" does not exist."),
    "archive.backup_damaged": ("备份文件“{path}”已损坏（{detail}），未使用。",
                               "The backup \"{path}\" is damaged ({detail}); not used."),
    # ---- full-text search (archive/search.py)
    "archive.search.busy": ("检索索引“{path}”正被另一个程序更新，请稍后再检索。",
                            "The search index \"{path}\" is being updated by another program; search again shortly."),
    "archive.search.failed": ("检索索引“{path}”出错：{detail}。可运行 bulletin-desk archive check --reindex 重建。",
                              "The search index \"{path}\" failed: {detail}. Run bulletin-desk archive check "
                              "--reindex to rebuild it."),
    # ---- selecting an issue (ISSUE on the command line)
    "archive.select.no_match": ("没有与“{selector}”相符的简报。", "No issue matches \"{selector}\"."),
    "archive.select.several": ("有{count}期简报与“{selector}”相符，请用 #编号 或 --series 指明：",
                               "{count} issues match \"{selector}\"; name one with #ID or --series:"),
    "archive.select.candidates": ("相近的简报：", "Nearby issues:"),
    "archive.select.bad": ("无法识别“{selector}”：应为文件路径、#编号、年份-期号（2020-19）、年份-增期号（2020-增1）"
                           "或 total:总期号。",
                           "Cannot read \"{selector}\": use a file path, #ID, YEAR-N (2020-19), YEAR-增N (2020-增1) "
                           "or total:M."),
    "archive.select.file_missing": ("文件“{path}”不存在。", "The file \"{path}\" does not exist."),
    "archive.select.not_in_archive": ("“{selector}”是文件，不是档案库中的简报；此命令只处理档案库中的简报。",
                                      "\"{selector}\" is a file, not an archived issue; this command works on "
                                      "archived issues."),
    # ---- list / show / new / trash / restore / revisions
    "archive.cli.list_empty": ("档案库中没有简报。", "The archive holds no issues."),
    "archive.cli.sample_mark": ("〔样例〕", "[sample]"),
    "archive.cli.trashed_mark": ("〔已删除〕", "[trashed]"),
    "archive.cli.show_meta": ("档案编号 #{id} · 第{version}版 · 保存于 {updated_at}",
                              "Archive #{id} · version {version} · saved {updated_at}"),
    "archive.cli.new_done": ("已新建 #{id}：{series} {label}（栏目为空，请在编辑台中编辑）",
                             "Created #{id}: {series} {label} (no sections yet; edit it in the app)"),
    "archive.cli.new_from": ("沿用 #{id} 的编印单位、版记和分送范围。",
                             "Office, colophon and distribution taken from #{id}."),
    "archive.cli.new_blank": ("档案库中还没有可沿用的简报，已新建空白简报；可用 --from 指定一期作为模板。",
                              "No earlier issue to take details from; created a blank one (use --from ISSUE)."),
    "archive.cli.trashed": ("已将 #{id} {label} 移入回收站（bulletin-desk restore #{id} 可恢复）。",
                            "Moved #{id} {label} to the trash (bulletin-desk restore #{id} brings it back)."),
    "archive.cli.restored": ("已恢复 #{id} {label}。", "Restored #{id} {label}."),
    "archive.cli.sample_deleted": ("已删除样例简报 #{id}。", "Deleted the sample issue #{id}."),
    "archive.cli.not_trashed": ("#{id} 不在回收站中。", "#{id} is not in the trash."),
    "archive.cli.no_revisions": ("#{id} 还没有历史版本。", "#{id} has no earlier versions yet."),
    "archive.cli.revision_restored": ("已将 #{id} 恢复为历史版本 {n}（现为第{version}版，原内容已另存为历史版本）。",
                                      "Issue #{id} restored to revision {n} (now version {version}; the replaced "
                                      "content was kept as a revision)."),
    # ---- import / export
    "archive.cli.imported": ("已导入 #{id}：{label}", "Imported as #{id}: {label}"),
    "archive.cli.written": ("已写出“{path}”。", "Wrote \"{path}\"."),
    "archive.cli.summary": ("{label}：{sections}个栏目，{articles}篇稿件，{chars}字",
                            "{label}: {sections} sections, {articles} articles, {chars} characters"),
    "archive.cli.no_problems": ("检查通过，没有发现问题。", "Checked: no problems found."),
    "archive.cli.article_only": ("该文件是一篇稿件，已放入一期空白简报。",
                                 "The file holds one article; it was put into a blank issue."),
    "archive.cli.nothing_found": ("未能从“{path}”中识别出简报或稿件。", "Found no issue or article in \"{path}\"."),
    "archive.cli.unsupported_type": ("本版本不能导入“{suffix}”文件（支持 .bdjson、.json）。",
                                     "This version cannot import \"{suffix}\" files "
                                     "(.bdjson and .json are supported)."),
    "archive.cli.not_available": ("本版本尚不支持{what}。", "{what} is not available in this version."),
    "archive.cli.read_failed": ("无法读取“{path}”：{detail}", "Cannot read \"{path}\": {detail}"),
    # ---- archive info / check / backup / restore / upgrade
    "archive.cli.info": ("档案库：{path}\n大小：{size}\n结构版本：{revision}（日志模式 {mode}）\n"
                         "简报：{issues}期（回收站 {trashed}，样例 {samples}），历史版本 {revisions}个\n"
                         "创建于：{created}",
                         "Archive: {path}\nSize: {size}\nSchema: {revision} (journal {mode})\n"
                         "Issues: {issues} (trash {trashed}, samples {samples}), revisions {revisions}\n"
                         "Created: {created}"),
    "archive.cli.backups": ("备份：{count}个，最近一个：{latest}", "Backups: {count}, latest: {latest}"),
    "archive.cli.check_ok": ("完整性检查通过。", "Integrity check passed."),
    "archive.cli.check_failed": ("完整性检查发现问题：{detail}", "The integrity check found problems: {detail}"),
    "archive.cli.fk_failed": ("有{count}行数据引用了不存在的记录。",
                              "{count} rows refer to records that do not exist."),
    "archive.cli.duplicate": ("{series}：{what}重复（#{ids}）", "{series}: {what} used twice (#{ids})"),
    "archive.cli.gap": ("{series}：缺少{what}", "{series}: missing {what}"),
    "archive.cli.numbering_ok": ("{series}：期号连续，没有重复。", "{series}: numbering has no duplicates or gaps."),
    "archive.cli.reindexed": ("已重建索引。", "Indexes rebuilt."),
    "archive.cli.search_reindexed": ("已重建全文检索索引“{path}”：{issues}期，{size}。",
                                     "Full-text search index \"{path}\" rebuilt: {issues} issues, {size}."),
    "archive.cli.search_none": ("没有找到“{query}”。", "No text contains \"{query}\"."),
    "archive.cli.search_hit": ("#{id:<5} {label}  {where}中：{snippet}{marks}",
                               "#{id:<5} {label}  {where}: {snippet}{marks}"),
    "archive.cli.search_count": ("共{count}处（{issues}期）。", "{count} hit(s) in {issues} issue(s)."),
    "archive.cli.search_more": ("只列出了前{limit}处，请用 --year、--source 或 --limit 缩小或放宽范围。",
                                "Only the first {limit} hits are listed; narrow with --year or --source, or "
                                "raise --limit."),
    "archive.cli.where.masthead_title": ("报头", "masthead"),
    "archive.cli.where.masthead_office": ("编发单位", "office"),
    "archive.cli.where.masthead_classification": ("密级标注", "classification"),
    "archive.cli.where.section_heading": ("第{section}栏栏目名", "section {section} heading"),
    "archive.cli.where.article_title": ("第{section}栏第{article}篇标题",
                                        "section {section}, article {article}, title"),
    "archive.cli.where.article_note": ("第{section}栏第{article}篇按语", "section {section}, article {article}, note"),
    "archive.cli.where.article_source": ("第{section}栏第{article}篇署名",
                                         "section {section}, article {article}, source"),
    "archive.cli.where.paragraph": ("第{section}栏第{article}篇第{paragraph}段",
                                    "section {section}, article {article}, paragraph {paragraph}"),
    "archive.cli.search_building": ("正在建立全文检索索引（首次检索或档案已变动）……",
                                    "Building the full-text search index (first search, or the archive changed) …"),
    "archive.cli.backup_done": ("已备份到“{path}”。", "Backed up to \"{path}\"."),
    "archive.cli.restore_done": ("已用备份“{backup}”恢复档案库“{path}”。", "Restored \"{path}\" from \"{backup}\"."),
    "archive.cli.in_use": ("档案库“{path}”正在简报编辑台中打开（{host}，进程 {pid}），请先关闭程序再恢复备份"
                           "（如程序并未运行，可加 --force）。",
                           "The archive \"{path}\" is open in Bulletin Desk ({host}, process {pid}); close the "
                           "app before restoring a backup (or add --force if it is not running)."),
    "archive.cli.restore_kept": ("原档案库文件已保留为“{path}”。", "The replaced archive file was kept as \"{path}\"."),
    "archive.cli.upgraded": ("档案库已从结构版本 {old} 升级到 {new}；升级前的备份：“{backup}”。",
                             "The archive was upgraded from schema {old} to {new}; backup made first: \"{backup}\"."),
    "archive.cli.up_to_date": ("档案库已是最新结构版本（{revision}）。",
                               "The archive is up to date (schema {revision})."),
    "archive.cli.created": ("已新建档案库“{path}”，其中有一期样例简报。",
                            "Created the archive \"{path}\" with one sample issue."),
}
