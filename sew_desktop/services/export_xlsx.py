"""The coverage table as an XLSX workbook: real numbers, percentage cells, a title row, a frozen header.

Percentages hold the exact fraction (46/64 = 0.71875) shown as a whole percent ("0%"): Excel rounds the
shown value half away from zero, which for these positive fractions is the published half-up rounding, so the
sheet shows 72 % where the screen and the PDF do, and formulas over the cells still compute exactly."""

from __future__ import annotations

import io
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from sew_desktop.domain.coverage import AreaCoverage, CoverageReport
from sew_desktop.domain.rounding import Ratio
from sew_desktop.services.export_table import PERCENT_COLUMNS, TableText

_FIRST_DATA_ROW = 3


def as_xlsx(report: CoverageReport, text: TableText | None = None) -> bytes:
    """Title row, header row (frozen), one row per area; percentages stored as fractions shown as 71.9%."""
    text = text or TableText()
    book = Workbook()
    sheet = book.active
    sheet.title = "Dekking"
    _append_as_text(sheet, [text.title])
    sheet["A1"].font = Font(bold=True, size=13)
    _append_as_text(sheet, list(text.headers))
    for cell in sheet[2]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row in report.rows:
        _append_as_text(sheet, xlsx_row(row))
        for column in PERCENT_COLUMNS:
            sheet.cell(row=sheet.max_row, column=column + 1).number_format = "0%"
    if text.footer:
        sheet.append([])
        _append_as_text(sheet, [text.footer])
    sheet.freeze_panes = f"B{_FIRST_DATA_ROW}"
    _set_widths(sheet, len(text.headers))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _append_as_text(sheet: Any, values: list[str | int | float]) -> None:
    """A row whose text cells are text exactly as given: openpyxl would store "=…" as a formula."""
    sheet.append(values)
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, str):
            cell.data_type = "s"


def _fraction(ratio: Ratio) -> float:
    return ratio.part / ratio.total if ratio.total > 0 else 0.0


def xlsx_row(row: AreaCoverage) -> list[str | int | float]:
    """The area, then per ratio: part, total (reached only) and the exact fraction."""
    cells: list[str | int | float] = [row.area]
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
