"""One entry point for every export, shared by the dialog and the command line."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sew_desktop.services.export_table import as_csv, write_file
from sew_desktop.ui.output import texts
from sew_desktop.ui.output.chart_export import ChartChoice, ChartSize, render_chart
from sew_desktop.ui.output.context import ExportContext

if TYPE_CHECKING:
    from sew_desktop.ui.statusmap.render import MapPicture


def table_bytes(fmt: str, context: ExportContext) -> bytes:
    """The coverage table as csv, csv-excel or xlsx."""
    text = texts.table_text(context)
    if fmt == "xlsx":
        from sew_desktop.services.export_xlsx import as_xlsx  # openpyxl: not needed to start the app

        return as_xlsx(context.report, text)
    return as_csv(context.report, excel=fmt == "csv-excel", text=text)


def export_chart(
    choice: ChartChoice, fmt: str, context: ExportContext, path: Path, size: ChartSize, *, force: bool
) -> None:
    """Write a chart to ``path``."""
    write_file(path, render_chart(choice, fmt, context, size), force=force)


def export_table(fmt: str, context: ExportContext, path: Path, *, force: bool) -> None:
    """Write the coverage table to ``path``."""
    write_file(path, table_bytes(fmt, context), force=force)


def export_report(context: ExportContext, path: Path, *, force: bool, map_page: MapPicture | None = None) -> None:
    """Write the PDF report to ``path`` (with the status map on a second page when given)."""
    from sew_desktop.ui.output.report_pdf import render_report

    write_file(path, render_report(context, map_page), force=force)
