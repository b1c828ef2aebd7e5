"""The coverage table as an XLSX workbook: real numbers, percentage cells, a title row, a frozen header."""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from sew_desktop.domain.coverage import CoverageReport
from sew_desktop.services.export_table import PERCENT_COLUMNS, TableText, neutralise, table_rows

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
    for values in table_rows(report):
        sheet.append([_xlsx_value(column, value) for column, value in enumerate(values)])
        for column in PERCENT_COLUMNS:
            sheet.cell(row=sheet.max_row, column=column + 1).number_format = "0.0%"
    if text.footer:
        sheet.append([])
        sheet.append([neutralise(text.footer)])
    sheet.freeze_panes = f"B{_FIRST_DATA_ROW}"
    _set_widths(sheet, len(text.headers))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _xlsx_value(column: int, value: str | int | float) -> str | int | float:
    if column in PERCENT_COLUMNS and isinstance(value, float):
        return round(value / 100, 4)
    return neutralise(value)


def _set_widths(sheet: object, columns: int) -> None:
    dimensions = sheet.column_dimensions  # type: ignore[attr-defined]
    dimensions["A"].width = 18
    for column in range(2, columns + 1):
        dimensions[get_column_letter(column)].width = 14
    sheet.row_dimensions[2].height = 32  # type: ignore[attr-defined]
