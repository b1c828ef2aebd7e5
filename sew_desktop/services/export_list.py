"""A list as shown (Gemeenten, Regiegebieden, Overeenkomsten) to XLSX and CSV: typed cells, a header row.

The caller decides which rows and columns (the filtered rows and visible columns of a table view); this module
only writes them: dates stay dates, numbers stay numbers, text that a spreadsheet would run as a formula is
neutralised. No Qt here, so the command line and the window write the same files.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from sew_desktop.services.export_table import csv_writer, neutralise

LIST_TABLES = ("municipalities", "regions", "agreements")
ListValue = str | int | float | date | None
_MAX_WIDTH = 60
_SHEET_TITLE_LIMIT = 31  # Excel refuses longer sheet names


@dataclass(frozen=True)
class ListTable:
    """Rows of typed cells under a header row; ``title`` names the sheet."""

    title: str
    headers: Sequence[str]
    rows: Sequence[Sequence[ListValue]] = field(default_factory=list)


def _csv_cell(value: ListValue, *, excel: bool) -> str | int:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y") if excel else value.isoformat()
    if isinstance(value, float):
        text = f"{value:g}"
        return text.replace(".", ",") if excel else text
    if isinstance(value, int):
        return value
    return str(neutralise(value))


def list_csv(table: ListTable, *, excel: bool) -> bytes:
    """Plain CSV (UTF-8, comma, ISO dates) or "Excel (België)" (UTF-8 with BOM, semicolon, dd/mm/yyyy, decimal
    comma), header row first."""
    out = io.StringIO()
    writer = csv_writer(out, excel=excel)
    writer.writerow([neutralise(h) for h in table.headers])
    for row in table.rows:
        writer.writerow([_csv_cell(value, excel=excel) for value in row])
    return out.getvalue().encode("utf-8-sig" if excel else "utf-8")




def _shown_length(value: ListValue) -> int:
    if isinstance(value, date):
        return 10
    return len(str(value)) if value is not None else 0


def list_xlsx(table: ListTable) -> bytes:
    """One sheet: a bold, frozen header row with an autofilter, dates as real dates (dd/mm/yyyy), numbers as
    numbers, columns as wide as their contents (at most 60 characters).

    Written in openpyxl's streaming mode (about twice as fast for long lists): the widths are measured first,
    because a streamed sheet takes its column settings before its rows."""
    from openpyxl import Workbook  # not needed to start the app
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)
    sheet = book.create_sheet((table.title or "Lijst")[:_SHEET_TITLE_LIMIT])
    widths = [len(h) for h in table.headers]
    for values in table.rows:
        for number, value in enumerate(values):
            widths[number] = max(widths[number], _shown_length(value))
    for number, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(number)].width = min(width + 3, _MAX_WIDTH)
    sheet.freeze_panes = "A2"
    columns = max(len(table.headers), 1)
    sheet.auto_filter.ref = f"A1:{get_column_letter(columns)}{len(table.rows) + 1}"
    bold = Font(bold=True)
    header = []
    for title in table.headers:
        cell = WriteOnlyCell(sheet, value=title)
        cell.data_type = "s"  # text, never a formula (openpyxl would make "=…" one)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    for values in table.rows:
        sheet.append([_xlsx_cell(sheet, value, WriteOnlyCell) for value in values])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _xlsx_cell(sheet: object, value: ListValue, cell_type: type) -> object:
    """Dates as cells shown dd/mm/yyyy; text as text exactly as it is (an XLSX text cell is never run, so no
    apostrophe: openpyxl would otherwise store "=…" as a formula); numbers as numbers."""
    if isinstance(value, date):
        cell = cell_type(sheet, value=value)
        cell.number_format = "DD/MM/YYYY"
        return cell
    if isinstance(value, str):
        cell = cell_type(sheet, value=value)
        cell.data_type = "s"
        return cell
    return value


def list_bytes(table: ListTable, fmt: str) -> bytes:
    """``table`` as ``xlsx``, ``csv`` or ``csv-excel``."""
    if fmt == "xlsx":
        return list_xlsx(table)
    if fmt in ("csv", "csv-excel"):
        return list_csv(table, excel=fmt == "csv-excel")
    raise ValueError(f"unknown list format {fmt!r}: use xlsx, csv or csv-excel")
