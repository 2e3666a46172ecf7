<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>App</name>
    <message>
        <source>操作未能完成。您的编辑已自动保存，可继续工作。
请把错误记录文件发给技术支持：
{0}</source>
        <translation>The operation could not be completed. Your edits have been saved automatically; you can keep working.
Please send the error log to technical support:
{0}</translation>
    </message>
    <message>
        <source>发生内部错误</source>
        <translation>Internal error</translation>
    </message>
    <message>
        <source>档案“{0}”正在被使用：{1} 上的进程 {2}（自 {3} 起）。
请先关闭那边的简报编辑台；若那台电脑已关机，请删除锁文件：{4}</source>
        <translation>The archive “{0}” is in use by process {2} on {1} (since {3}).
Close Bulletin Desk there first; if that computer is switched off, delete the lock file: {4}</translation>
    </message>
    <message>
        <source>档案模块未就绪：可以编辑和导出，但不能保存到档案。</source>
        <translation>The archive module is not available: you can edit and export, but not save to the archive.</translation>
    </message>
    <message>
        <source>档案“{0}”无法打开：{1}
可以编辑和导出，但不能保存。详细信息：{2}</source>
        <translation>The archive “{0}” could not be opened: {1}
You can edit and export, but not save. Details: {2}</translation>
    </message>
    <message>
        <source>档案正在被 {0} 上的进程 {1} 使用（自 {2} 起）。</source>
        <translation>The archive is in use by process {1} on {0} (since {2}).</translation>
    </message>
    <message>
        <source>上次在 {0} 运行的简报编辑台（进程 {1}，{2}）未正常退出，已接管其档案锁。</source>
        <translation>Bulletin Desk last run on {0} (process {1}, {2}) did not exit normally; its archive lock has been taken over.</translation>
    </message>
    <message>
        <source>档案中的简报无法读取，已打开示例。</source>
        <translation>The bulletins in the archive could not be read; the sample has been opened instead.</translation>
    </message>
    <message>
        <source>简报编辑台</source>
        <translation>Bulletin Desk</translation>
    </message>
    <message>
        <source>无法打开档案</source>
        <translation>Cannot Open Archive</translation>
    </message>
    <message>
        <source>无法启动</source>
        <translation>Cannot Start</translation>
    </message>
    <message>
        <source>简报编辑台未能启动。错误记录：{0}</source>
        <translation>Bulletin Desk could not start. Error log: {0}</translation>
    </message>
    <message>
        <source>提示</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>ArchiveLink</name>
    <message>
        <source>（示例）</source>
        <translation>(sample)</translation>
    </message>
</context>
<context>
    <name>ArchiveMenu</name>
    <message>
        <source>档案浏览…</source>
        <translation>Archive browser…</translation>
    </message>
    <message>
        <source>全文检索…</source>
        <translation>Full-text search…</translation>
    </message>
    <message>
        <source>修订记录…</source>
        <translation>Revisions…</translation>
    </message>
    <message>
        <source>模板管理…</source>
        <translation>Templates…</translation>
    </message>
    <message>
        <source>从模板新建稿件…</source>
        <translation>New article from template…</translation>
    </message>
    <message>
        <source>稿件库</source>
        <translation>Submissions pool</translation>
    </message>
    <message>
        <source>信息采用统计…</source>
        <translation>Adoption statistics…</translation>
    </message>
    <message>
        <source>备份与恢复…</source>
        <translation>Backup and restore…</translation>
    </message>
    <message>
        <source>档案(&amp;A)</source>
        <translation>&amp;Archive</translation>
    </message>
</context>
<context>
    <name>ArticleForm</name>
    <message>
        <source>回车处即标题的换行位置；不换行时由排版自动平衡两行</source>
        <translation>Press Enter where the title should break; without a break the layout balances the two lines</translation>
    </message>
    <message>
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>供稿单位，印为（某某区文明办）</source>
        <translation>Contributing unit, printed as (XX District Civilization Office)</translation>
    </message>
    <message>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>按语（可空）</source>
        <translation>Editor&apos;s note (optional)</translation>
    </message>
    <message>
        <source>按语</source>
        <translation>Editor&apos;s note</translation>
    </message>
    <message>
        <source>另起一页</source>
        <translation>Start on new page</translation>
    </message>
    <message>
        <source>手动分页：本文（栏目第一篇时连同栏目名）从新的一页开始</source>
        <translation>Manual page break: this article (with its section heading, if it is the section&apos;s first) starts on a new page</translation>
    </message>
    <message>
        <source>本文不跨页</source>
        <translation>Keep article on one page</translation>
    </message>
    <message>
        <source>本文会被分到两页时整篇移到下一页；超过一页长的文章不受影响</source>
        <translation>If this article would be split across two pages, move it whole to the next page; articles longer than a page are not affected</translation>
    </message>
    <message>
        <source>分页</source>
        <translation>Pagination</translation>
    </message>
    <message>
        <source>首句加粗 (Ctrl+B)</source>
        <translation>Bold Lead (Ctrl+B)</translation>
    </message>
    <message>
        <source>把本段第一句设为加粗的首句，再按一次取消</source>
        <translation>Make this paragraph&apos;s first sentence its bold lead; press again to undo</translation>
    </message>
    <message>
        <source>段落级别</source>
        <translation>Paragraph level</translation>
    </message>
    <message>
        <source>正文</source>
        <translation>Body text</translation>
    </message>
    <message>
        <source>一级标题 一、</source>
        <translation>Heading 1  一、</translation>
    </message>
    <message>
        <source>二级标题 （一）</source>
        <translation>Heading 2  （一）</translation>
    </message>
    <message>
        <source>三级标题 1.</source>
        <translation>Heading 3  1.</translation>
    </message>
    <message>
        <source>四级标题 （1）</source>
        <translation>Heading 4  （1）</translation>
    </message>
    <message>
        <source>编辑正文</source>
        <translation>Edit body</translation>
    </message>
    <message>
        <source>{0}字</source>
        <translation>{0} characters</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <source>备份与恢复</source>
        <translation>Backup and Restore</translation>
    </message>
    <message>
        <source>档案：{0}</source>
        <translation>Archive: {0}</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>大小</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>立即备份</source>
        <translation>Back Up Now</translation>
    </message>
    <message>
        <source>从备份恢复…</source>
        <translation>Restore from Backup…</translation>
    </message>
    <message>
        <source>导出整个档案…</source>
        <translation>Export Whole Archive…</translation>
    </message>
    <message>
        <source>导入整个档案…</source>
        <translation>Import Whole Archive…</translation>
    </message>
    <message>
        <source>手动</source>
        <translation>Manual</translation>
    </message>
    <message>
        <source>每日自动</source>
        <translation>Daily (automatic)</translation>
    </message>
    <message>
        <source>升级或导入前</source>
        <translation>Before an upgrade or import</translation>
    </message>
    <message>
        <source>导出整个档案</source>
        <translation>Export Whole Archive</translation>
    </message>
    <message>
        <source>档案文件 (*.sqlite3)</source>
        <translation>Archive files (*.sqlite3)</translation>
    </message>
    <message>
        <source>导入整个档案</source>
        <translation>Import Whole Archive</translation>
    </message>
    <message>
        <source>档案文件 (*.sqlite3);;所有文件 (*)</source>
        <translation>Archive files (*.sqlite3);;All files (*)</translation>
    </message>
    <message>
        <source>备份失败</source>
        <translation>Backup failed</translation>
    </message>
    <message>
        <source>已备份到：{0}</source>
        <translation>Backed up to: {0}</translation>
    </message>
    <message>
        <source>无法替换档案</source>
        <translation>Cannot replace the archive</translation>
    </message>
    <message>
        <source>从备份恢复</source>
        <translation>Restore from Backup</translation>
    </message>
    <message>
        <source>用 {0} 的备份替换当前档案？当前档案会先另存一份在它旁边。</source>
        <translation>Replace the current archive with the backup {0}? A copy of the current archive is kept beside it first.</translation>
    </message>
    <message>
        <source>导出失败</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <source>整个档案已导出到：{0}</source>
        <translation>The whole archive was exported to: {0}</translation>
    </message>
    <message>
        <source>无法导入</source>
        <translation>Cannot import</translation>
    </message>
    <message>
        <source>用 {0} 替换当前档案的全部内容？当前档案会先备份。</source>
        <translation>Replace everything in the current archive with {0}? The current archive is backed up first.</translation>
    </message>
</context>
<context>
    <name>ColophonForm</name>
    <message>
        <source>责编</source>
        <translation>Editor</translation>
    </message>
    <message>
        <source>核稿</source>
        <translation>Reviewer</translation>
    </message>
    <message>
        <source>签发</source>
        <translation>Sign-off</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>传真</source>
        <translation>Fax</translation>
    </message>
    <message>
        <source>邮箱</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>报</source>
        <translation>To</translation>
    </message>
    <message>
        <source>送</source>
        <translation>Cc</translation>
    </message>
    <message>
        <source>发</source>
        <translation>Distribution</translation>
    </message>
    <message>
        <source>抄送</source>
        <translation>Copy to</translation>
    </message>
    <message>
        <source>不印</source>
        <translation>Not printed</translation>
    </message>
    <message>
        <source>印数（共印N份）</source>
        <translation>Copies (print run)</translation>
    </message>
    <message>
        <source>&lt;b&gt;版记&lt;/b&gt;</source>
        <translation>&lt;b&gt;Colophon&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;发送范围&lt;/b&gt;</source>
        <translation>&lt;b&gt;Distribution&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>恢复未保存的编辑</source>
        <translation>Restore Unsaved Edits</translation>
    </message>
    <message>
        <source>上次关闭前有未保存的编辑。是否恢复？</source>
        <translation>There were unsaved edits when the program last closed. Restore them?</translation>
    </message>
    <message>
        <source>时间：{0}
简报：{1}
文章：{2}篇，共{3}字</source>
        <translation>Time: {0}
Bulletin: {1}
Articles: {2}, {3} characters</translation>
    </message>
    <message>
        <source>恢复</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>放弃这些编辑</source>
        <translation>Discard These Edits</translation>
    </message>
    <message>
        <source>关于简报编辑台</source>
        <translation>About Bulletin Desk</translation>
    </message>
    <message>
        <source>&lt;h3&gt;简报编辑台 {0}&lt;/h3&gt;&lt;p&gt;编排、预览、归档和导出符合 GB/T 9704-2012 版式的工作简报。&lt;/p&gt;&lt;p&gt;所有数据保存在本机档案中，不联网。&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Bulletin Desk {0}&lt;/h3&gt;&lt;p&gt;Compose, preview, archive and export work bulletins in the GB/T 9704-2012 layout.&lt;/p&gt;&lt;p&gt;All data stays in the archive on this computer; nothing goes online.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>EditorStack</name>
    <message>
        <source>在左侧大纲中选择报头、栏目、文章或版记进行编辑。</source>
        <translation>Select the masthead, a section, an article or the colophon in the outline on the left to edit it.</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <source>档案不可用</source>
        <translation>Archive Unavailable</translation>
    </message>
    <message>
        <source>档案未能打开，本期只能导出，不能保存到档案。</source>
        <translation>The archive could not be opened: this issue can be exported but not saved to the archive.</translation>
    </message>
    <message>
        <source>发生内部错误：{0}
详细信息已记录在：{1}</source>
        <translation>Internal error: {0}
Details have been logged in: {1}</translation>
    </message>
    <message>
        <source>保存修改？</source>
        <translation>Save Changes?</translation>
    </message>
    <message>
        <source>本期有未保存的修改。先保存到档案吗？</source>
        <translation>This issue has unsaved changes. Save them to the archive first?</translation>
    </message>
    <message>
        <source>档案中已有同号的一期：{0}。请核对期号。</source>
        <translation>The archive already has an issue with the same number: {0}. Please check the issue number.</translation>
    </message>
    <message>
        <source>；</source>
        <comment>list separator</comment>
        <translation>; </translation>
    </message>
    <message>
        <source>打开失败</source>
        <translation>Open Failed</translation>
    </message>
    <message>
        <source>保存失败</source>
        <translation>Save Failed</translation>
    </message>
    <message>
        <source>已保存到档案。</source>
        <translation>Saved to the archive.</translation>
    </message>
    <message>
        <source>导入稿件</source>
        <translation>Import Manuscript</translation>
    </message>
    <message>
        <source>稿件 (*.txt *.html *.htm *.docx *.bdjson *.json);;所有文件 (*)</source>
        <translation>Manuscripts (*.txt *.html *.htm *.docx *.bdjson *.json);;All files (*)</translation>
    </message>
    <message>
        <source>请先在大纲中选择一篇文章。</source>
        <translation>Select an article in the outline first.</translation>
    </message>
    <message>
        <source>本文已复制为纯文本。</source>
        <translation>Article copied as plain text.</translation>
    </message>
    <message>
        <source>全期已复制为纯文本。</source>
        <translation>Whole issue copied as plain text.</translation>
    </message>
    <message>
        <source>（暂无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>已打开文件 {0}（尚未存入档案）</source>
        <translation>Opened the file {0} (not yet saved in the archive)</translation>
    </message>
</context>
<context>
    <name>FindDialog</name>
    <message>
        <source>查找和替换</source>
        <translation>Find and Replace</translation>
    </message>
    <message>
        <source>查找</source>
        <translation>Find</translation>
    </message>
    <message>
        <source>替换为</source>
        <translation>Replace with</translation>
    </message>
    <message>
        <source>查找下一个</source>
        <translation>Find Next</translation>
    </message>
    <message>
        <source>替换</source>
        <translation>Replace</translation>
    </message>
    <message>
        <source>全部替换</source>
        <translation>Replace All</translation>
    </message>
</context>
<context>
    <name>FindReplace</name>
    <message>
        <source>未找到。</source>
        <translation>Not found.</translation>
    </message>
    <message>
        <source>第{0}处，共{1}处</source>
        <translation>Match {0} of {1}</translation>
    </message>
    <message>
        <source>替换</source>
        <translation>Replace</translation>
    </message>
    <message>
        <source>全部替换</source>
        <translation>Replace All</translation>
    </message>
    <message>
        <source>已替换{0}处。</source>
        <translation>Replaced {0} occurrence(s).</translation>
    </message>
</context>
<context>
    <name>FontChoices</name>
    <message>
        <source>替代字体（屏幕、PDF、打印）</source>
        <translation>Stand-in fonts (screen, PDF, print)</translation>
    </message>
    <message>
        <source>无可用字体</source>
        <translation>no font available</translation>
    </message>
    <message>
        <source>自动（{0}）</source>
        <translation>Automatic ({0})</translation>
    </message>
    <message>
        <source>已安装正式字体“{0}”，始终优先使用。</source>
        <translation>The official font “{0}” is installed and is always used first.</translation>
    </message>
    <message>
        <source>之前选择的“{0}”已不在本机，改用自动；按“确定”保存此更改。</source>
        <translation>“{0}”, chosen before, is no longer installed; Automatic is used instead. Press OK to save this change.</translation>
    </message>
    <message>
        <source>排版按正式字体的字宽计算，换行和分页不随替代字体改变。
导出的 DOCX 仍写正式字体名，由读者电脑上的 Word/WPS 自行替代。</source>
        <translation>Layout measures with the official fonts&apos; widths, so line and page breaks do not change with the stand-in.
Exported DOCX files still name the official fonts; the reader&apos;s Word/WPS substitutes its own.</translation>
    </message>
    <message>
        <source>仿宋（正文）</source>
        <translation>FangSong (body)</translation>
    </message>
    <message>
        <source>小标宋（报头、标题）</source>
        <translation>XiaoBiaoSong (masthead, titles)</translation>
    </message>
    <message>
        <source>楷体（按语等）</source>
        <translation>KaiTi (notes etc.)</translation>
    </message>
    <message>
        <source>黑体（栏目、小标题）</source>
        <translation>HeiTi (sections, sub-headings)</translation>
    </message>
    <message>
        <source>宋体（页码）</source>
        <translation>SongTi (page numbers)</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>导入：{0}</source>
        <translation>Import: {0}</translation>
    </message>
    <message>
        <source>&lt;b&gt;识别出的结构&lt;/b&gt;</source>
        <translation>&lt;b&gt;Detected structure&lt;/b&gt;</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Content</translation>
    </message>
    <message>
        <source>字数</source>
        <translation>Characters</translation>
    </message>
    <message>
        <source>&lt;b&gt;清理报告&lt;/b&gt;</source>
        <translation>&lt;b&gt;Cleanup report&lt;/b&gt;</translation>
    </message>
    <message>
        <source>替换本期全部内容</source>
        <translation>Replace the whole issue</translation>
    </message>
    <message>
        <source>把文章追加到本期</source>
        <translation>Append the articles to this issue</translation>
    </message>
    <message>
        <source>插入到当前栏目</source>
        <translation>Insert into the current section</translation>
    </message>
    <message>
        <source>导入是一步操作，可用“撤销”整体取消。</source>
        <translation>The import is a single step: Undo reverts all of it.</translation>
    </message>
    <message>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>报头：{0} {1}</source>
        <translation>Masthead: {0} {1}</translation>
    </message>
    <message>
        <source>【{0}】</source>
        <translation>[{0}]</translation>
    </message>
    <message>
        <source>（无栏目）</source>
        <translation>(no section)</translation>
    </message>
    <message>
        <source>版记：责编 {0}，核稿 {1}</source>
        <translation>Colophon: editor {0}, reviewer {1}</translation>
    </message>
    <message>
        <source>一篇文章</source>
        <translation>One article</translation>
    </message>
    <message>
        <source>（无标题）</source>
        <translation>(untitled)</translation>
    </message>
    <message>
        <source>来源：{0}</source>
        <translation>Source: {0}</translation>
    </message>
    <message>
        <source>{0}段，其中{1}段有加粗首句</source>
        <translation>{0} paragraphs, {1} with a bold lead</translation>
    </message>
    <message>
        <source>剪贴板</source>
        <translation>Clipboard</translation>
    </message>
    <message>
        <source>无法导入</source>
        <translation>Cannot Import</translation>
    </message>
    <message>
        <source>剪贴板中没有文字。</source>
        <translation>The clipboard contains no text.</translation>
    </message>
    <message>
        <source>正在读取 {0}……</source>
        <translation>Reading {0}…</translation>
    </message>
    <message>
        <source>报送单位（按模板填写来源）：</source>
        <translation>Contributing unit (fills the source from its template):</translation>
    </message>
    <message>
        <source>（不指定）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>取消勾选某处修改即不采用它，左侧的结构随之更新。</source>
        <translation>Uncheck a change to refuse it; the structure on the left is updated.</translation>
    </message>
    <message>
        <source>清理：{0}处修改</source>
        <translation>Cleanup: {0} change(s)</translation>
    </message>
    <message>
        <source>勾选：采用这处修改；取消勾选：保留原文</source>
        <translation>Checked: this change is made; unchecked: the original text is kept</translation>
    </message>
    <message>
        <source>识别：{0}项</source>
        <translation>Structure: {0} decision(s)</translation>
    </message>
    <message>
        <source>无法按此重新导入：{0}</source>
        <translation>Cannot import again this way: {0}</translation>
    </message>
</context>
<context>
    <name>IssueDocument</name>
    <message>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>另起一页</source>
        <translation>Start on New Page</translation>
    </message>
    <message>
        <source>本文不跨页</source>
        <translation>Keep on One Page</translation>
    </message>
    <message>
        <source>新栏目</source>
        <translation>New Section</translation>
    </message>
    <message>
        <source>添加栏目</source>
        <translation>Add Section</translation>
    </message>
    <message>
        <source>新文章</source>
        <translation>New Article</translation>
    </message>
    <message>
        <source>添加文章</source>
        <translation>Add Article</translation>
    </message>
    <message>
        <source>复制文章</source>
        <translation>Duplicate Article</translation>
    </message>
    <message>
        <source>删除文章</source>
        <translation>Delete Article</translation>
    </message>
    <message>
        <source>复制栏目</source>
        <translation>Duplicate Section</translation>
    </message>
    <message>
        <source>删除栏目</source>
        <translation>Delete Section</translation>
    </message>
    <message>
        <source>移动文章</source>
        <translation>Move Article</translation>
    </message>
    <message>
        <source>移动栏目</source>
        <translation>Move Section</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>大纲</source>
        <translation>Outline</translation>
    </message>
    <message>
        <source>放大</source>
        <translation>Zoom In</translation>
    </message>
    <message>
        <source>缩小</source>
        <translation>Zoom Out</translation>
    </message>
    <message>
        <source>适合宽度</source>
        <translation>Fit Width</translation>
    </message>
    <message>
        <source>整页</source>
        <translation>Fit Page</translation>
    </message>
    <message>
        <source>预览</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>自动保存失败：{0}</source>
        <translation>Autosave failed: {0}</translation>
    </message>
    <message>
        <source>排版引擎未就绪：预览暂不可用。</source>
        <translation>The layout engine is not available: no preview for now.</translation>
    </message>
    <message>
        <source>版式配置无法读取：{0}</source>
        <translation>The layout profile could not be read: {0}</translation>
    </message>
    <message>
        <source>新建一期(&amp;N)</source>
        <translation>&amp;New Issue</translation>
    </message>
    <message>
        <source>打开(&amp;O)…</source>
        <translation>&amp;Open…</translation>
    </message>
    <message>
        <source>保存(&amp;S)</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>另存为新一期…</source>
        <translation>Save as New Issue…</translation>
    </message>
    <message>
        <source>导入(&amp;I)…</source>
        <translation>&amp;Import…</translation>
    </message>
    <message>
        <source>粘贴导入（Word/微信）</source>
        <translation>Paste and Import (Word/WeChat)</translation>
    </message>
    <message>
        <source>导出 DOCX…</source>
        <translation>Export DOCX…</translation>
    </message>
    <message>
        <source>导出 PDF…</source>
        <translation>Export PDF…</translation>
    </message>
    <message>
        <source>打印(&amp;P)…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <source>退出(&amp;X)</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>查找(&amp;F)…</source>
        <translation>&amp;Find…</translation>
    </message>
    <message>
        <source>替换(&amp;H)…</source>
        <translation>&amp;Replace…</translation>
    </message>
    <message>
        <source>复制本文为纯文本</source>
        <translation>Copy Article as Plain Text</translation>
    </message>
    <message>
        <source>复制全期为纯文本</source>
        <translation>Copy Issue as Plain Text</translation>
    </message>
    <message>
        <source>添加栏目</source>
        <translation>Add Section</translation>
    </message>
    <message>
        <source>添加文章</source>
        <translation>Add Article</translation>
    </message>
    <message>
        <source>复制</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>重命名</source>
        <translation>Rename</translation>
    </message>
    <message>
        <source>本文另起一页</source>
        <translation>Start Article on New Page</translation>
    </message>
    <message>
        <source>本文不跨页</source>
        <translation>Keep Article on One Page</translation>
    </message>
    <message>
        <source>设置…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>结构(&amp;S)</source>
        <translation>&amp;Structure</translation>
    </message>
    <message>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>工具栏</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <source>排版失败：{0}</source>
        <translation>Layout failed: {0}</translation>
    </message>
    <message>
        <source>未命名</source>
        <translation>Untitled</translation>
    </message>
    <message>
        <source>{0}[*] — 简报编辑台</source>
        <translation>{0}[*] — Bulletin Desk</translation>
    </message>
    <message>
        <source>保存修改？</source>
        <translation>Save Changes?</translation>
    </message>
    <message>
        <source>本期有未保存的修改。关闭前保存到档案吗？</source>
        <translation>This issue has unsaved changes. Save them to the archive before closing?</translation>
    </message>
    <message>
        <source>最近的简报</source>
        <translation>Recent Issues</translation>
    </message>
    <message>
        <source>{0}（{1}）</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <source>已把未保存的修改留作修订快照（可在“修订记录”中查看）。</source>
        <translation>Unsaved changes kept as a revision snapshot (see Revisions).</translation>
    </message>
    <message>
        <source>修订快照未能保存：{0}</source>
        <translation>Could not keep a revision snapshot: {0}</translation>
    </message>
    <message>
        <source>粘贴时去掉了{0}个无法打印的字符（控制字符、零宽字符或图片占位符）。</source>
        <translation>Removed {0} unprintable characters from the paste (control characters, zero-width characters or image placeholders).</translation>
    </message>
    <message>
        <source>自动保存失败</source>
        <translation>Autosave failed</translation>
    </message>
    <message>
        <source>最近的修改没能自动保存（{0}）。程序崩溃或断电时，这些修改会丢失。
请立即保存到档案（Ctrl+S）或导出一份（DOCX/PDF）；磁盘已满时请先腾出空间。自动保存会继续重试。</source>
        <translation>Your latest changes could not be saved automatically ({0}). They would be lost if the program crashed or the power failed.
Save to the archive now (Ctrl+S) or export a copy (DOCX/PDF); if the disk is full, free some space first. Autosave keeps retrying.</translation>
    </message>
    <message>
        <source>排版出错，预览停在上一次的结果。请先保存；详细信息已记录在：{0}</source>
        <translation>Layout failed; the preview shows the last good result. Save first; details were logged in: {0}</translation>
    </message>
</context>
<context>
    <name>MastheadForm</name>
    <message>
        <source>简报名称</source>
        <translation>Bulletin name</translation>
    </message>
    <message>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <source>按档案建议</source>
        <translation>Suggest from Archive</translation>
    </message>
    <message>
        <source>按档案中本简报的最近一期建议第N期与总第M期</source>
        <translation>Suggest the issue number and cumulative number from this bulletin&apos;s latest issue in the archive</translation>
    </message>
    <message>
        <source>期号</source>
        <translation>Issue number</translation>
    </message>
    <message>
        <source>增刊（单独编号）</source>
        <translation>Supplement (numbered separately)</translation>
    </message>
    <message>
        <source>编印单位</source>
        <translation>Issuing office</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>内部资料或密级标志，印在左上角；留空则不印</source>
        <translation>Internal-use or classification mark, printed top left; leave empty to print none</translation>
    </message>
    <message>
        <source>内部资料/密级</source>
        <translation>Internal/classification</translation>
    </message>
    <message>
        <source>建议期号</source>
        <translation>Suggested Numbers</translation>
    </message>
    <message>
        <source>第{0}期&#x3000;总第{1}期</source>
        <translation>No. {0}   cumulative No. {1}</translation>
    </message>
    <message>
        <source>yyyy年M月d日</source>
        <translation>yyyy-MM-dd</translation>
    </message>
</context>
<context>
    <name>OutlineModel</name>
    <message>
        <source>报头</source>
        <translation>Masthead</translation>
    </message>
    <message>
        <source>版记</source>
        <translation>Colophon</translation>
    </message>
    <message>
        <source>【{0}】</source>
        <translation>[{0}]</translation>
    </message>
    <message>
        <source>（无标题）</source>
        <translation>(untitled)</translation>
    </message>
    <message>
        <source>来源：{0}&#x3000;字数：{1}</source>
        <translation>Source: {0}   Characters: {1}</translation>
    </message>
    <message>
        <source>（未填）</source>
        <translation>(not set)</translation>
    </message>
    <message>
        <source>{0} · {1}字</source>
        <translation>{0} · {1} characters</translation>
    </message>
    <message>
        <source>未填来源</source>
        <translation>No source</translation>
    </message>
    <message>
        <source> · 另起一页</source>
        <translation> · new page</translation>
    </message>
    <message>
        <source> · 不跨页</source>
        <translation> · kept on one page</translation>
    </message>
    <message>
        <source>重命名栏目</source>
        <translation>Rename Section</translation>
    </message>
    <message>
        <source>重命名文章</source>
        <translation>Rename Article</translation>
    </message>
</context>
<context>
    <name>Output</name>
    <message>
        <source>请稍候</source>
        <translation>Please Wait</translation>
    </message>
    <message>
        <source>导出 DOCX</source>
        <translation>Export DOCX</translation>
    </message>
    <message>
        <source>Word 文档 (*.docx)</source>
        <translation>Word documents (*.docx)</translation>
    </message>
    <message>
        <source>正在导出 DOCX……</source>
        <translation>Exporting DOCX…</translation>
    </message>
    <message>
        <source>导出失败</source>
        <translation>Export Failed</translation>
    </message>
    <message>
        <source>已导出：{0}</source>
        <translation>Exported: {0}</translation>
    </message>
    <message>
        <source>导出 PDF</source>
        <translation>Export PDF</translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>仍要打印吗？</source>
        <translation>Print anyway?</translation>
    </message>
    <message>
        <source>打印机页边距</source>
        <translation>Printer Margins</translation>
    </message>
    <message>
        <source>打印失败</source>
        <translation>Print Failed</translation>
    </message>
    <message>
        <source>已发送{0}页到打印机。</source>
        <translation>Sent {0} page(s) to the printer.</translation>
    </message>
    <message>
        <source>正在导出 PDF……</source>
        <translation>Exporting PDF…</translation>
    </message>
    <message>
        <source>已导出，但有文字被删除</source>
        <translation>Exported, but some text was removed</translation>
    </message>
</context>
<context>
    <name>PageStrip</name>
    <message>
        <source>空白</source>
        <translation>Blank</translation>
    </message>
    <message>
        <source>第{0}页</source>
        <translation>Page {0}</translation>
    </message>
</context>
<context>
    <name>PoolPanel</name>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>收稿日期</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <source>字数</source>
        <translation>Characters</translation>
    </message>
    <message>
        <source>导入…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <source>新建…</source>
        <translation>New…</translation>
    </message>
    <message>
        <source>放入本期</source>
        <translation>Place in Issue</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>设为此状态</source>
        <translation>Set State</translation>
    </message>
    <message>
        <source>全部单位</source>
        <translation>All units</translation>
    </message>
    <message>
        <source>（无标题）</source>
        <translation>(untitled)</translation>
    </message>
    <message>
        <source>无法保存稿件</source>
        <translation>Cannot save the submission</translation>
    </message>
    <message>
        <source>无法更改状态</source>
        <translation>Cannot change the state</translation>
    </message>
    <message>
        <source>无法删除稿件</source>
        <translation>Cannot delete the submission</translation>
    </message>
    <message>
        <source>无法放入</source>
        <translation>Cannot place the submission</translation>
    </message>
    <message>
        <source>放入稿件</source>
        <translation>Place submission</translation>
    </message>
    <message>
        <source>稿件已放入本期，保存后记为已采用。</source>
        <translation>The submission is in the issue; it is marked adopted when the issue is saved.</translation>
    </message>
    <message>
        <source>无法记为已采用</source>
        <translation>Cannot mark the submission adopted</translation>
    </message>
    <message>
        <source>稿件库</source>
        <translation>Submissions pool</translation>
    </message>
    <message>
        <source>栏目</source>
        <translation>Section</translation>
    </message>
    <message>
        <source>编辑…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>无法修改稿件</source>
        <translation>Cannot change the submission</translation>
    </message>
    <message>
        <source>不能重复采用</source>
        <translation>Already adopted</translation>
    </message>
    <message>
        <source>再次放入本期？</source>
        <translation>Place in this issue again?</translation>
    </message>
    <message>
        <source>这篇稿件已采用于本期。再放入一次，本期将有两篇相同的文章。
如果已把它从本期删去、要重新放入，请选“是”。仍要放入吗？</source>
        <translation>This submission is already adopted in this issue. Placing it again puts the same article in the issue twice.
If you deleted it from the issue and want it back, choose Yes. Place it again?</translation>
    </message>
    <message>
        <source>这篇稿件刚已放入本期（尚未保存）。再放入一次，本期将有两篇相同的文章。仍要放入吗？</source>
        <translation>This submission was just placed in this issue (not saved yet). Placing it again puts the same article in the issue twice. Place it again?</translation>
    </message>
</context>
<context>
    <name>PreviewView</name>
    <message>
        <source>正在排版……</source>
        <translation>Laying out…</translation>
    </message>
</context>
<context>
    <name>PrintOptionsDialog</name>
    <message>
        <source>打印选项</source>
        <translation>Print Options</translation>
    </message>
    <message>
        <source>份数（默认为印数）</source>
        <translation>Copies (default: the issue&apos;s print run)</translation>
    </message>
    <message>
        <source>双面打印（长边翻转）</source>
        <translation>Double-sided (flip on long edge)</translation>
    </message>
    <message>
        <source>不印红色报头（使用预印红头纸）</source>
        <translation>Omit the red masthead (pre-printed letterhead paper)</translation>
    </message>
    <message>
        <source>始终按实际大小（A4，100%）打印，不缩放。</source>
        <translation>Always prints at actual size (A4, 100%), never scaled.</translation>
    </message>
</context>
<context>
    <name>RevisionsDialog</name>
    <message>
        <source>修订记录</source>
        <translation>Revisions</translation>
    </message>
    <message>
        <source>恢复此版本</source>
        <translation>Restore This Version</translation>
    </message>
    <message>
        <source>第{0}版&#x3000;{1}
{2}&#x3000;{3}字</source>
        <translation>Version {0}  {1}
{2}  {3} characters</translation>
    </message>
    <message>
        <source>这一期还没有修订记录。</source>
        <translation>This issue has no revisions yet.</translation>
    </message>
    <message>
        <source>与当前版本相比（-：此版本，+：当前版本）：</source>
        <translation>Compared with the current version (-: this version, +: current version):</translation>
    </message>
    <message>
        <source>文章内容相同。</source>
        <translation>The articles are the same.</translation>
    </message>
    <message>
        <source>第{0}篇：{1}</source>
        <translation>Article {0}: {1}</translation>
    </message>
    <message>
        <source>本期有未保存的修改，请先保存或撤销。</source>
        <translation>This issue has unsaved changes; save or undo them first.</translation>
    </message>
    <message>
        <source>把这一期恢复为第{0}版（{1}）？当前版本会保留为一条修订记录。</source>
        <translation>Restore this issue to version {0} ({1})? The current version is kept as a revision.</translation>
    </message>
    <message>
        <source>无法恢复</source>
        <translation>Cannot restore</translation>
    </message>
    <message>
        <source>这一期尚未保存到档案，没有修订记录。</source>
        <translation>This issue is not saved in the archive yet, so it has no revisions.</translation>
    </message>
    <message>
        <source>版头与版记</source>
        <translation>Masthead and imprint</translation>
    </message>
</context>
<context>
    <name>SearchFilters</name>
    <message>
        <source>年份</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>简报</source>
        <translation>Bulletin</translation>
    </message>
    <message>
        <source>来源单位</source>
        <translation>Source unit</translation>
    </message>
    <message>
        <source>全部年份</source>
        <translation>All years</translation>
    </message>
    <message>
        <source>全部简报</source>
        <translation>All bulletins</translation>
    </message>
    <message>
        <source>全部单位</source>
        <translation>All units</translation>
    </message>
    <message>
        <source>找到 {0} 处</source>
        <translation>{0} found</translation>
    </message>
    <message>
        <source>（只显示最新的 {0} 处，请用年份/简报/来源单位缩小范围）</source>
        <translation> (only the newest {0} shown: narrow the search by year, bulletin or source unit)</translation>
    </message>
</context>
<context>
    <name>SectionForm</name>
    <message>
        <source>栏目名称（印为【栏目名称】）</source>
        <translation>Section name (printed as 【section name】)</translation>
    </message>
    <message>
        <source>栏目</source>
        <translation>Section</translation>
    </message>
    <message>
        <source>{0}篇文章，共{1}字</source>
        <translation>{0} article(s), {1} characters</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>选择…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>档案位置</source>
        <translation>Archive location</translation>
    </message>
    <message>
        <source> 分钟</source>
        <translation> min</translation>
    </message>
    <message>
        <source>修订快照间隔</source>
        <translation>Revision snapshot interval</translation>
    </message>
    <message>
        <source>默认（GB/T 9704 简报）</source>
        <translation>Default (GB/T 9704 bulletin)</translation>
    </message>
    <message>
        <source>版式</source>
        <translation>Layout</translation>
    </message>
    <message>
        <source>跟随系统</source>
        <translation>System default</translation>
    </message>
    <message>
        <source>界面语言</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <source>用于核稿、签发记录，例如：张三</source>
        <translation>Used in reviewer and sign-off records, e.g. Zhang San</translation>
    </message>
    <message>
        <source>编辑姓名</source>
        <translation>Editor&apos;s name</translation>
    </message>
    <message>
        <source>字体检测模块未就绪。</source>
        <translation>The font check is not available.</translation>
    </message>
    <message>
        <source>档案位置和界面语言在下次启动时生效。</source>
        <translation>Changes to the archive location and interface language take effect the next time Bulletin Desk starts.</translation>
    </message>
    <message>
        <source>选择档案文件</source>
        <translation>Choose Archive File</translation>
    </message>
    <message>
        <source>简报档案 (*.sqlite3)</source>
        <translation>Bulletin archives (*.sqlite3)</translation>
    </message>
    <message>
        <source>有未保存的修改时，每隔多久把当前稿留作一个修订版本（在“修订记录”中查看、恢复）；自动保存（防崩溃）始终在2秒内完成</source>
        <translation>While there are unsaved changes, how often the current draft is kept as a revision (view and restore it in Revisions); autosave (crash protection) always completes within 2 seconds</translation>
    </message>
</context>
<context>
    <name>SignoffDialog</name>
    <message>
        <source>签发前检查</source>
        <translation>Pre-Sign-Off Check</translation>
    </message>
    <message>
        <source>发现 {0} 个问题。双击可定位到原文。</source>
        <translation>{0} problems found. Double-click one to go to it.</translation>
    </message>
    <message>
        <source>未发现问题，可以签发。</source>
        <translation>No problems found; the issue can be signed off.</translation>
    </message>
    <message>
        <source>忽略上述问题签发时，必须说明理由</source>
        <translation>To sign off despite these problems, give a reason</translation>
    </message>
    <message>
        <source>仍然签发</source>
        <translation>Sign Off Anyway</translation>
    </message>
    <message>
        <source>签发</source>
        <translation>Sign Off</translation>
    </message>
</context>
<context>
    <name>States</name>
    <message>
        <source>开启新修订</source>
        <translation>Open a New Revision</translation>
    </message>
    <message>
        <source>修改已签发简报的原因：</source>
        <translation>Why the signed-off issue must change:</translation>
    </message>
</context>
<context>
    <name>StatesController</name>
    <message>
        <source>提交核稿</source>
        <translation>Submit for Review</translation>
    </message>
    <message>
        <source>签发…</source>
        <translation>Sign Off…</translation>
    </message>
    <message>
        <source>退回修改</source>
        <translation>Send Back for Changes</translation>
    </message>
    <message>
        <source>开启新修订…</source>
        <translation>Open a New Revision…</translation>
    </message>
    <message>
        <source>本期已签发，只能查看。如需修改，请开启新修订并说明原因。</source>
        <translation>This issue is signed off and read-only. To change it, open a new revision and give a reason.</translation>
    </message>
    <message>
        <source>状态：{0}</source>
        <translation>State: {0}</translation>
    </message>
    <message>
        <source>状态无法更改</source>
        <translation>Cannot change the state</translation>
    </message>
    <message>
        <source>已改为“{0}”。</source>
        <translation>Now “{0}”.</translation>
    </message>
    <message>
        <source>签发前检查失败</source>
        <translation>The pre-sign-off check failed</translation>
    </message>
    <message>
        <source>无法开启新修订</source>
        <translation>Cannot open a new revision</translation>
    </message>
</context>
<context>
    <name>StatsDialog</name>
    <message>
        <source>信息采用统计</source>
        <translation>Adoption Statistics</translation>
    </message>
    <message>
        <source>今年</source>
        <translation>This year</translation>
    </message>
    <message>
        <source>去年</source>
        <translation>Last year</translation>
    </message>
    <message>
        <source>本月</source>
        <translation>This month</translation>
    </message>
    <message>
        <source>自定义</source>
        <translation>Custom</translation>
    </message>
    <message>
        <source>按单位</source>
        <translation>By unit</translation>
    </message>
    <message>
        <source>按栏目</source>
        <translation>By section</translation>
    </message>
    <message>
        <source>时段</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>从</source>
        <translation>From</translation>
    </message>
    <message>
        <source>到</source>
        <translation>To</translation>
    </message>
    <message>
        <source>导出 CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <source>浅色：报送数&#x3000;深色：采用数</source>
        <translation>Light: submitted   Dark: adopted</translation>
    </message>
    <message>
        <source>统计失败</source>
        <translation>Statistics failed</translation>
    </message>
    <message>
        <source>导出 CSV</source>
        <translation>Export CSV</translation>
    </message>
    <message>
        <source>CSV 文件 (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>导出失败</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <source>统计已导出到：{0}</source>
        <translation>Statistics exported to: {0}</translation>
    </message>
    <message>
        <source>所选时段内没有报送的稿件，也没有已签发的简报。
采用数只统计已签发（未删除）的各期；示例期不计入。</source>
        <translation>No submissions were received and no issue was signed off in this period.
Adopted articles count only signed-off issues that are not in the trash; the sample issue never counts.</translation>
    </message>
</context>
<context>
    <name>StatusPanel</name>
    <message>
        <source>字数：{0}</source>
        <translation>Characters: {0}</translation>
    </message>
    <message>
        <source>共{0}页</source>
        <translation>{0} page(s)</translation>
    </message>
    <message>
        <source>版式：{0}</source>
        <translation>Layout: {0}</translation>
    </message>
    <message>
        <source>超出{0}行 · 共{1}页</source>
        <translation>{0} line(s) over · {1} page(s)</translation>
    </message>
    <message>
        <source>版记被挤到单独一页：删去{0}行即可与正文同页</source>
        <translation>The colophon is pushed onto a page of its own: cut {0} line(s) to keep it with the text</translation>
    </message>
    <message>
        <source>本页剩余{0}行 · 共{1}页</source>
        <translation>{0} line(s) left on this page · {1} page(s)</translation>
    </message>
    <message>
        <source>字体：未检测</source>
        <translation>Fonts: not checked</translation>
    </message>
    <message>
        <source>字体：公文字体齐全</source>
        <translation>Fonts: all official fonts installed</translation>
    </message>
    <message>
        <source>、</source>
        <comment>list separator</comment>
        <translation>, </translation>
    </message>
    <message>
        <source>字体：{0}用替代字体</source>
        <translation>Fonts: stand-ins for {0}</translation>
    </message>
    <message>
        <source>点击查看字体详情</source>
        <translation>Click for font details</translation>
    </message>
    <message>
        <source>字体检测模块未就绪。</source>
        <translation>The font check is not available.</translation>
    </message>
    <message>
        <source>字体情况</source>
        <translation>Font Status</translation>
    </message>
    <message>
        <source>字体：均用替代字体</source>
        <translation>Fonts: all substituted</translation>
    </message>
    <message>
        <source>&lt;p&gt;公文规定的字体（如方正小标宋简体、仿宋_GB2312）未安装时，预览、PDF 与打印使用替代字体。排版按规定字体的字宽计算，换行和分页不受影响，只是字形略有差别。安装正式字体后重新启动即可使用；替代字体可在“设置”中另选。&lt;/p&gt;&lt;ul&gt;{0}&lt;/ul&gt;</source>
        <translation>&lt;p&gt;When the official fonts (such as FZXiaoBiaoSong-B05S and FangSong_GB2312) are not installed, the preview, PDF and print use stand-in fonts. Layout is measured with the official fonts&apos; widths, so line and page breaks are unaffected; only the glyphs look slightly different. Install the official fonts and restart to use them; the stand-ins can be chosen in Settings.&lt;/p&gt;&lt;ul&gt;{0}&lt;/ul&gt;</translation>
    </message>
    <message>
        <source>自动保存失败，请立即保存</source>
        <translation>Autosave failed: save now</translation>
    </message>
</context>
<context>
    <name>SubmissionDialog</name>
    <message>
        <source>修改稿件信息</source>
        <translation>Edit Submission Details</translation>
    </message>
    <message>
        <source>新建稿件</source>
        <translation>New Submission</translation>
    </message>
    <message>
        <source>导入稿件</source>
        <translation>Import Submission</translation>
    </message>
    <message>
        <source>选择或输入栏目</source>
        <translation>Choose or type a section</translation>
    </message>
    <message>
        <source>报送单位</source>
        <translation>Contributing unit</translation>
    </message>
    <message>
        <source>收稿日期</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>栏目</source>
        <translation>Section</translation>
    </message>
    <message>
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>正文（每行一段）</source>
        <translation>Text (one paragraph per line)</translation>
    </message>
</context>
<context>
    <name>TemplatesDialog</name>
    <message>
        <source>模板管理</source>
        <translation>Templates</translation>
    </message>
    <message>
        <source>新建</source>
        <translation>New</translation>
    </message>
    <message>
        <source>复制</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>导入…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <source>导出…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>单位（署名）</source>
        <translation>Unit (attribution)</translation>
    </message>
    <message>
        <source>区</source>
        <translation>District</translation>
    </message>
    <message>
        <source>默认栏目</source>
        <translation>Usual section</translation>
    </message>
    <message>
        <source>联系人</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>段落骨架（每行一段：加粗首句、正文）</source>
        <translation>Paragraph skeleton (one paragraph per row: bold lead, text)</translation>
    </message>
    <message>
        <source>加粗首句</source>
        <translation>Bold lead</translation>
    </message>
    <message>
        <source>正文</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>添加段落</source>
        <translation>Add Paragraph</translation>
    </message>
    <message>
        <source>删除段落</source>
        <translation>Remove Paragraph</translation>
    </message>
    <message>
        <source>保存模板</source>
        <translation>Save Template</translation>
    </message>
    <message>
        <source>&lt;b&gt;预览：由此模板生成的文章&lt;/b&gt;</source>
        <translation>&lt;b&gt;Preview: the article this template makes&lt;/b&gt;</translation>
    </message>
    <message>
        <source>{0}&#x3000;{1}</source>
        <translation>{0}  {1}</translation>
    </message>
    <message>
        <source>新单位</source>
        <translation>New unit</translation>
    </message>
    <message>
        <source>{0}（副本）</source>
        <translation>{0} (copy)</translation>
    </message>
    <message>
        <source>删除模板</source>
        <translation>Delete Template</translation>
    </message>
    <message>
        <source>删除“{0}”的模板？</source>
        <translation>Delete the template of “{0}”?</translation>
    </message>
    <message>
        <source>导入模板</source>
        <translation>Import Templates</translation>
    </message>
    <message>
        <source>模板文件 (*.json);;所有文件 (*)</source>
        <translation>Template files (*.json);;All files (*)</translation>
    </message>
    <message>
        <source>导出模板</source>
        <translation>Export Templates</translation>
    </message>
    <message>
        <source>模板文件 (*.json)</source>
        <translation>Template files (*.json)</translation>
    </message>
    <message>
        <source>用文件中的 {0} 个模板替换现有的 {1} 个模板？</source>
        <translation>Replace the {1} current templates with the {0} in the file?</translation>
    </message>
    <message>
        <source>从模板新建稿件</source>
        <translation>New Article from Template</translation>
    </message>
    <message>
        <source>报送单位：</source>
        <translation>Contributing unit:</translation>
    </message>
    <message>
        <source>模板无法读取</source>
        <translation>Cannot read the templates</translation>
    </message>
    <message>
        <source>档案中还没有模板。</source>
        <translation>The archive has no templates yet.</translation>
    </message>
    <message>
        <source>模板“{0}”有未保存的修改，是否保存？</source>
        <translation>The template “{0}” has unsaved changes. Save them?</translation>
    </message>
</context>
<context>
    <name>WorkspaceDialog</name>
    <message>
        <source>档案</source>
        <translation>Archive</translation>
    </message>
    <message>
        <source>简报列表</source>
        <translation>Issues</translation>
    </message>
    <message>
        <source>全文检索</source>
        <translation>Full-Text Search</translation>
    </message>
    <message>
        <source>全部状态</source>
        <translation>All states</translation>
    </message>
    <message>
        <source>栏目</source>
        <translation>Section</translation>
    </message>
    <message>
        <source>来源单位</source>
        <translation>Source unit</translation>
    </message>
    <message>
        <source>回收站</source>
        <translation>Trash</translation>
    </message>
    <message>
        <source>简报</source>
        <translation>Bulletin</translation>
    </message>
    <message>
        <source>年份</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <source>期号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>总期号</source>
        <translation>Running no.</translation>
    </message>
    <message>
        <source>首篇标题</source>
        <translation>First title</translation>
    </message>
    <message>
        <source>更新时间</source>
        <translation>Updated</translation>
    </message>
    <message>
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>复制为下一期</source>
        <translation>Duplicate as Next Issue</translation>
    </message>
    <message>
        <source>移到回收站</source>
        <translation>Move to Trash</translation>
    </message>
    <message>
        <source>从回收站恢复</source>
        <translation>Restore from Trash</translation>
    </message>
    <message>
        <source>修订记录…</source>
        <translation>Revisions…</translation>
    </message>
    <message>
        <source>全部简报</source>
        <translation>All bulletins</translation>
    </message>
    <message>
        <source>全部年份</source>
        <translation>All years</translation>
    </message>
    <message>
        <source>{0}（示例）</source>
        <translation>{0} (sample)</translation>
    </message>
    <message>
        <source>第{0}期</source>
        <translation>No. {0}</translation>
    </message>
    <message>
        <source>总第{0}期</source>
        <translation>Running no. {0}</translation>
    </message>
    <message>
        <source>共 {0} 期</source>
        <translation>{0} issues</translation>
    </message>
    <message>
        <source>打开失败</source>
        <translation>Open failed</translation>
    </message>
    <message>
        <source>无法移到回收站</source>
        <translation>Cannot move to the trash</translation>
    </message>
    <message>
        <source>无法恢复</source>
        <translation>Cannot restore</translation>
    </message>
    <message>
        <source>在报头、栏目、标题、按语、来源和正文中检索</source>
        <translation>Search mastheads, sections, titles, notes, sources and text</translation>
    </message>
    <message>
        <source>检索</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>检索失败</source>
        <translation>Search failed</translation>
    </message>
    <message>
        <source>正在检索…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <source>正在建立检索索引（{0}/{1} 期）…</source>
        <translation>Building the search index ({0}/{1} issues)…</translation>
    </message>
</context>
</TS>
