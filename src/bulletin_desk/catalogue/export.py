"""Messages of the DOCX export (errors writing the file are core.write.*, raised by fileio)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "export.illegal_chars": ("“{where}”中含有 {count} 个无法写入 DOCX 的控制字符，已删除。",
                             "{count} control character(s) in \"{where}\" cannot be stored in DOCX and were removed."),
}
