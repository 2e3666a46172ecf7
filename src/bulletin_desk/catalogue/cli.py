"""Messages of the command line."""

MESSAGES: dict[str, tuple[str, str]] = {
    "cli.internal_error": ("内部错误，请将日志文件发给技术支持：{log}",
                           "Internal error; please send the log file to support: {log}"),
}
