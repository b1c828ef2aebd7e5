"""Lists to XLSX and CSV: typed cells, header row, Excel-BE dialect, formula injection neutralised."""

from __future__ import annotations

import io
from datetime import date, datetime

import pytest
from openpyxl import load_workbook

from sew_desktop.services.export_list import ListTable, list_bytes, list_csv, list_xlsx

TABLE = ListTable("Overeenkomsten", ["Partner", "Leden", "Ondertekend op", "Notities"], [
    ["Demo-regio West 1", 16, date(2021, 9, 10), "=HYPERLINK(\"x\")"],
    ["Gent", None, None, "één; twee"],
])


def test_xlsx_has_a_frozen_filtered_header_and_typed_cells() -> None:
    sheet = load_workbook(io.BytesIO(list_xlsx(TABLE))).active
    assert sheet.title == "Overeenkomsten"
    assert [c.value for c in sheet[1]] == ["Partner", "Leden", "Ondertekend op", "Notities"]
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == "A1:D3"
    assert sheet["B2"].value == 16 and isinstance(sheet["B2"].value, int)
    assert sheet["C2"].value == datetime(2021, 9, 10) and sheet["C2"].number_format == "DD/MM/YYYY"
    assert sheet["D2"].value == "=HYPERLINK(\"x\")" and sheet["D2"].data_type == "s"  # text, never a formula
    assert sheet["C3"].value is None
    assert sheet.column_dimensions["A"].width > sheet.column_dimensions["B"].width


def test_csv_excel_dialect_is_semicolons_bom_and_belgian_dates() -> None:
    data = list_csv(TABLE, excel=True)
    assert data.startswith(b"\xef\xbb\xbf")
    lines = data.decode("utf-8-sig").split("\r\n")
    assert lines[0] == "Partner;Leden;Ondertekend op;Notities"
    assert lines[1] == "Demo-regio West 1;16;10/09/2021;\"'=HYPERLINK(\"\"x\"\")\""
    assert lines[2] == 'Gent;;;"één; twee"'


def test_plain_csv_is_commas_and_iso_dates() -> None:
    lines = list_csv(TABLE, excel=False).decode("utf-8").splitlines()
    assert lines[1].startswith("Demo-regio West 1,16,2021-09-10,")


def test_decimal_comma_in_the_excel_dialect() -> None:
    table = ListTable("x", ["a"], [[2.5]])
    assert list_csv(table, excel=True).decode("utf-8-sig").splitlines()[1] == "2,5"
    assert list_csv(table, excel=False).decode().splitlines()[1] == "2.5"


def test_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError, match="xlsx, csv or csv-excel"):
        list_bytes(TABLE, "ods")
