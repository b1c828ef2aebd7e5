"""The coverage table as an XLSX workbook: real numbers, percentage cells, a title row, a frozen header.

Percentages hold the exact fraction (46/64 = 0.71875) shown as a whole percent ("0%"): Excel rounds the
shown value half away from zero, which for these positive fractions is the published half-up rounding, so the
sheet shows 72 % where the screen and the PDF do, and formulas over the cells still compute exactly."""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from sew_desktop.domain.coverage import AreaCoverage, CoverageReport
from sew_desktop.domain.rounding import Ratio
from sew_desktop.services.export_table import PERCENT_COLUMNS, TableText, neutralise

_FIRST_DATA_ROW = 3


def as_xlsx(report: CoverageReport, text: TableText | None = None) -> bytes:
    """Title row, header row (frozen), one row per area; percentages stored as fractions shown as 71.9%."""
    text = text or TableText()
    book = Workbook()
    sheet = book.active
    sheet.title = "Dekking"
    sheet.append([neutralise(text.title)])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append([neutralise(h) for h in text.headers])
    for cell in sheet[2]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row in report.rows:
        sheet.append(xlsx_row(row))
        for column in PERCENT_COLUMNS:
            sheet.cell(row=sheet.max_row, column=column + 1).number_format = "0%"
    if text.footer:
        sheet.append([])
        sheet.append([neutralise(text.footer)])
    sheet.freeze_panes = f"B{_FIRST_DATA_ROW}"
    _set_widths(sheet, len(text.headers))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _fraction(ratio: Ratio) -> float:
    return ratio.part / ratio.total if ratio.total > 0 else 0.0


def xlsx_row(row: AreaCoverage) -> list[str | int | float]:
    """The area, then per ratio: part, total (reached only) and the exact fraction."""
    cells: list[str | int | float] = [neutralise(row.area)]
    for reached, forecast in ((row.municipalities_reached, row.municipalities_forecast),
                              (row.regions_with_agreement, row.regions_forecast)):
        cells += [reached.part, reached.total, _fraction(reached), forecast.part, _fraction(forecast)]
    return cells


def _set_widths(sheet: object, columns: int) -> None:
    dimensions = sheet.column_dimensions  # type: ignore[attr-defined]
    dimensions["A"].width = 18
    for column in range(2, columns + 1):
        dimensions[get_column_letter(column)].width = 14
    sheet.row_dimensions[2].height = 32  # type: ignore[attr-defined]
