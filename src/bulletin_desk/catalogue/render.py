"""Messages of the render room (painter, fonts, PDF, PNG, printing)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "render.font.official": ("{face}：使用正式字体“{family}”", "{face}: official font “{family}”"),
    "render.font.substitute": ("{face}：未安装“{official}”，以“{family}”代替",
                               "{face}: “{official}” is not installed; using “{family}” instead"),
    "render.font.chosen": ("{face}：未安装“{official}”，按设置以“{family}”代替",
                           "{face}: “{official}” is not installed; using “{family}” as chosen in Settings"),
    "render.font.choice_missing": ("{face}：设置中选择的“{choice}”未安装，已改用自动选择的“{family}”",
                                   "{face}: “{choice}” chosen in Settings is not installed; using “{family}” "
                                   "(automatic) instead"),
    "render.font.missing": ("{face}：未安装“{official}”，也没有可用的替代字体",
                            "{face}: “{official}” is not installed and no stand-in font was found"),
    "render.no_pages": ("排版结果没有页面，无法输出", "The layout has no pages; nothing to write"),
    "render.pdf_failed": ("无法生成 PDF", "Could not create the PDF"),
    "render.png_failed": ("无法保存图片：{path}", "Could not save the image: {path}"),
    "render.bad_dpi": ("分辨率应在 {low} 到 {high} dpi 之间，而不是 {dpi}",
                       "The resolution must be between {low} and {high} dpi, not {dpi}"),
    "render.print.fits": ("打印机可打印区域容纳版心和页码",
                          "The printer's printable area holds the type area and page numbers"),
    "render.print.clipped": ("打印机页边距切入版心最多 {mm} 毫米，请换用无边距打印或其他打印机",
                             "The printer's margins cut up to {mm} mm into the type area; "
                             "use borderless printing or another printer"),
    "render.print.failed": ("无法开始打印：{printer}", "Could not start printing on {printer}"),
    "render.cli.written": ("已写入 {path}", "Written: {path}"),
    "render.cli.pages": ("共 {pages} 页", "{pages} pages"),
}
