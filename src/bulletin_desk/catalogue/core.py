"""Messages shared by every room: file writing, paths."""

MESSAGES: dict[str, tuple[str, str]] = {
    "core.write.disk_full": ("磁盘空间不足，未能保存“{path}”。原文件未受影响，请清理磁盘后重试。",
                             "The disk is full; \"{path}\" was not saved. The previous file is intact; "
                             "free some space and try again."),
    "core.write.locked_or_readonly": ("无法覆盖“{path}”：文件可能正在 Word/WPS 中打开或为只读。请关闭该文件后重试，"
                                      "或另存为其他文件名。原文件未受影响。",
                                      "Cannot overwrite \"{path}\": it may be open in Word/WPS or read-only. "
                                      "Close it and try again, or save under another name. The file is intact."),
    "core.write.readonly_folder": ("无法在文件夹“{path}”中保存：没有写入权限。请选择其他文件夹。",
                                   "Cannot save in the folder \"{path}\": no write permission. "
                                   "Choose another folder."),
    "core.write.no_folder": ("文件夹“{path}”不存在。", "The folder \"{path}\" does not exist."),
    "core.write.failed": ("保存“{path}”失败：{detail}。原文件未受影响。",
                          "Saving \"{path}\" failed: {detail}. The previous file is intact."),
    "core.network_archive": ("档案位于网络驱动器（{path}）：网络共享上的 SQLite 锁不可靠，已关闭 WAL；"
                             "请勿在多台电脑上同时打开同一档案。",
                             "The archive is on a network drive ({path}): SQLite locking over network shares "
                             "is unreliable, so WAL is off; do not open it from two computers at once."),
}
