"""render room: the one painter, for the screen, PDF, PNG and the printer.

Public API (import from the submodules; this package stays import-light, no Qt at import time):

- ``painter.paint_page(page, painter, options=None)`` and ``PaintOptions(show_masthead,
  draw_margin_guides, type_area, paper_color)``: the only code that draws a page, in points.
- ``pdf.write_pdf(issue, path, profile=None)`` (used by ``export --pdf``) and
  ``pdf.write_pdf_from_layout(page_layout, path, options=None)``; ``pdf.pdf_bytes(...)``.
- ``pdf_tounicode.fix_tounicode(pdf_bytes, resolver)``: copied text = typed text (pypdf).
- ``png.render_pngs(page_layout, out_dir, dpi)``, ``png.page_image(page, dpi)`` (thumbnails too).
- ``printing.print_layout(page_layout, printer, options)`` at real size,
  ``printing.check_printer_margins(printer, page_layout) -> MarginCheck`` (``.fits``, ``.message()``).
- ``fonts.font_report() -> FontReport`` (per official face: official font or stand-in, ``.messages()``
  for the status bar), ``fonts.FontBook``.
- ``qt_metrics.QtFontMetrics``: advances from the installed fonts (cross-checks the static tables).
- ``qt_app.ensure_gui_app()`` for headless use. (The layout JSON is layout.layout_to_json.)
"""
