"""Messages of layout/: loading a LayoutProfile."""

MESSAGES: dict[str, tuple[str, str]] = {
    "layout.profile.not_found": ("找不到版式文件：{path}", "layout profile not found: {path}"),
    "layout.profile.invalid": ("版式文件 {path} 不是有效的 TOML：{detail}",
                               "layout profile {path} is not valid TOML: {detail}"),
    "layout.profile.missing_key": ("版式文件 {path} 缺少“{key}”", "layout profile {path} lacks \"{key}\""),
    "layout.profile.unknown_key": ("版式文件 {path} 中的“{key}”无法识别",
                                   "layout profile {path}: unknown key \"{key}\""),
    "layout.profile.wrong_type": ("版式文件 {path} 中“{key}”应为 {expected}，实际为 {found}",
                                  "layout profile {path}: \"{key}\" must be {expected}, found {found}"),
    "layout.profile.bad_value": ("版式文件 {path} 中“{key}”的值“{value}”无效",
                                 "layout profile {path}: \"{key}\" has an invalid value \"{value}\""),
    "layout.profile.unknown_color": ("版式文件 {path} 中“{key}”的颜色“{value}”未在 [colors] 中定义",
                                     "layout profile {path}: \"{key}\" names the colour \"{value}\", which [colors] "
                                     "does not define"),
    "layout.profile.grid_too_tall": ("版式文件 {path}：“{key}”使每页 {lines} 行超出版心高度",
                                     "layout profile {path}: \"{key}\" makes {lines} lines taller than the type area"),
    "layout.profile.grid_too_wide": ("版式文件 {path}：“{key}”使每行 {chars} 字超出版心宽度",
                                     "layout profile {path}: \"{key}\" makes {chars} characters wider than the "
                                     "type area"),
}
