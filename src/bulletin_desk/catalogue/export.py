"""Messages of the DOCX export."""

MESSAGES: dict[str, tuple[str, str]] = {
    "export.illegal_chars": ("“{where}”中含有 {count} 个无法写入 DOCX 的控制字符，已删除。",
                             "{count} control character(s) in \"{where}\" cannot be stored in DOCX and were removed."),
    "export.imprint_moved": ("版记无法排在末页底端（{reason}），已接排在正文之后。",
                             "The imprint could not be pinned to the bottom of the last page ({reason}); "
                             "it follows the text instead."),
    "export.done": ("已导出 DOCX：{path}（{pages} 页）", "Exported DOCX: {path} ({pages} pages)"),
}
