from __future__ import annotations

import csv
import io
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from sew_desktop.domain.coverage import CoverageReport
from sew_desktop.domain.rounding import Ratio
from sew_desktop.services.databases import open_repository
from sew_desktop.services.export_list import ListTable, list_csv
from sew_desktop.services.export_table import ExportTargetError, TableText, as_csv, neutralise, write_file
from sew_desktop.services.export_xlsx import as_xlsx
from sew_desktop.services.report import coverage_report


@pytest.fixture
def report(demo_path: Path) -> CoverageReport:
    repository = open_repository(demo_path)
    try:
        return coverage_report(repository, date(2022, 10, 17), date(2022, 12, 31))
    finally:
        repository.close()


def test_excel_belgium_dialect_has_bom_semicolons_and_decimal_commas(report: CoverageReport) -> None:
    data = as_csv(report, excel=True)
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][0] == "Gebied"
    assert rows[1][:4] == ["West-Vlaanderen", "46", "64", "71,9"]
    assert rows[-1][:4] == ["Vlaanderen", "200", "300", "66,7"]


def test_plain_dialect_rereads_with_numbers(report: CoverageReport) -> None:
    data = as_csv(report, excel=False)
    assert not data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8"))))
    assert len(rows) == 6
    assert float(rows[0]["% gemeenten"]) == 71.9
    assert int(rows[5]["Prognose gemeenten"]) == 229


@pytest.mark.parametrize("text", ["=1+2", "@SUM(A1)", "\tx", "\rx", " =1+1", "\u00a0=1+1", "\u200b=1+1",
                                  "\ufeff=1+1", "\uff1d1+1", "\uff0b1+1", "-2+3", "+A1", "=HYPERLINK(\"x\")"])
def test_what_a_spreadsheet_would_run_is_neutralised_in_csv(text: str) -> None:
    assert neutralise(text) == "'" + text


@pytest.mark.parametrize("text", ["-5", "+1", "-1.234,56", "+32 2 123 45 67", "(+32) 9 123.45.67", "West-Vlaanderen",
                                  "Demo-regio West 1", "", "a=b"])
def test_numbers_and_ordinary_text_stay_as_they_are(text: str) -> None:
    assert neutralise(text) == text
    assert neutralise(-1) == -1


def test_a_field_with_a_bare_carriage_return_stays_one_field() -> None:
    table = ListTable("x", ["Notities"], [["a\r=1+1"], ["b\nc"], ["d"]])
    for excel in (False, True):
        text = list_csv(table, excel=excel).decode("utf-8-sig")
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";" if excel else ","))
        assert rows == [["Notities"], ["a\r=1+1"], ["b\nc"], ["d"]]


def test_injection_guard_applies_to_csv_and_xlsx_cells(report: CoverageReport) -> None:
    text = TableText(headers=("=cmd|' /C calc'!A0", *TableText().headers[1:]), title="@title", footer="+footer")
    assert b"'=cmd" in as_csv(report, excel=False, text=text)
    sheet = load_workbook(io.BytesIO(as_xlsx(report, text))).active
    assert sheet["A1"].value == "@title"  # XLSX text is never run: stored as text, exactly as it is
    assert sheet["A2"].value == "=cmd|' /C calc'!A0" and sheet["A2"].data_type == "s"
    assert sheet.cell(row=sheet.max_row, column=1).value == "+footer"


def test_xlsx_holds_numbers_with_percentage_formats(report: CoverageReport) -> None:
    sheet = load_workbook(io.BytesIO(as_xlsx(report, TableText(footer="bron")))).active
    assert "Samenwerkingsovereenkomsten" in sheet["A1"].value
    assert sheet["A3"].value == "West-Vlaanderen"
    assert sheet["B3"].value == 46 and isinstance(sheet["B3"].value, int)
    assert sheet["D3"].value == pytest.approx(46 / 64)
    assert sheet["D3"].number_format == "0%"  # shown as 72 %, as on screen (not 71,9 %)
    assert sheet["F8"].number_format == "0%"
    assert sheet.freeze_panes == "B3"
    assert sheet.column_dimensions["A"].width >= 15


def test_write_file_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    target = tmp_path / "table.csv"
    write_file(target, b"one", force=False)
    with pytest.raises(ExportTargetError, match="already exists"):
        write_file(target, b"two", force=False)
    write_file(target, b"two", force=True)
    assert target.read_bytes() == b"two"
    with pytest.raises(ExportTargetError, match="cannot write"):
        write_file(tmp_path / "missing" / "table.csv", b"x", force=False)


@pytest.mark.parametrize(("part", "total"), [(46, 64), (1, 8), (3, 8), (55, 60), (1, 200), (29, 200), (5, 7),
                                             (0, 5), (2, 3), (57, 64)])
def test_xlsx_whole_percent_shows_the_published_rounding(part: int, total: int) -> None:
    # Excel shows a "0%" cell as the stored value x 100 rounded half away from zero, read to 15 digits
    stored = Decimal(format(part / total, ".15g"))  # 29/200 is 0.14499999999999999 as a double, 0.145 in Excel
    shown = (stored * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    assert int(shown) == Ratio(part, total).percent
