from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from sew_desktop.services.imports.errors import UnreadableFileError
from sew_desktop.services.imports.reading import decode, read_table
from tests.services.imports.helpers import write_csv

ROWS = [["Samenwerkingsverband", "Gemeente", "Beslissing"], ["Coöperatie Zuid – Oost", "Sint-Niklaas", "goedgekeurd"]]


@pytest.mark.parametrize("delimiter", [";", ",", "\t", "|"])
@pytest.mark.parametrize(
    ("encoding", "bom", "detected"),
    [("utf-8", False, "utf-8"), ("utf-8", True, "utf-8-sig"), ("utf-16", False, "utf-16"), ("cp1252", False, "cp1252")],
)
def test_encodings_and_delimiters_are_detected(
    tmp_path: Path, encoding: str, bom: bool, detected: str, delimiter: str
) -> None:
    path = write_csv(tmp_path / "f.csv", ROWS, encoding=encoding, delimiter=delimiter, bom=bom)
    table = read_table(path, path.read_bytes())
    assert (table.encoding, table.delimiter) == (detected, delimiter)
    assert table.rows == ROWS


def test_encoding_can_be_overridden(tmp_path: Path) -> None:
    data = "Gemeente;Naam\nx;Coöperatie\n".encode("latin-1")
    assert decode(data)[1] == "cp1252"
    assert decode(data, "latin-1") == ("Gemeente;Naam\nx;Coöperatie\n", "latin-1")
    with pytest.raises(UnreadableFileError, match="not valid utf-8"):
        decode(data, "utf-8")
    with pytest.raises(UnreadableFileError, match="unknown encoding 'klingon'"):
        decode(data, "klingon")


def test_quoted_cells_with_line_breaks_and_trailing_empty_cells(tmp_path: Path) -> None:
    path = tmp_path / "f.csv"
    path.write_text('Samenwerkingsverband,Gemeenten,,\n"Regio","Geel\nMol",,\n,,,\n', encoding="utf-8")
    table = read_table(path, path.read_bytes())
    assert table.rows == [["Samenwerkingsverband", "Gemeenten"], ["Regio", "Geel\nMol"], []]


def _workbook(path: Path) -> Path:
    workbook = openpyxl.Workbook()
    first = workbook.active
    assert first is not None
    first.title = "Eerste"
    first.append(["Samenwerkingsverband", "Datum", "Bedrag", None])
    first.append(["Regio", datetime(2023, 4, 20), 85000.5, None])
    second = workbook.create_sheet("Tweede")
    second.append(["Andere"])
    workbook.save(path)
    return path


def test_xlsx_first_or_chosen_sheet_with_date_cells(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "f.xlsx")
    table = read_table(path, path.read_bytes())
    assert (table.sheet, table.sheets, table.encoding) == ("Eerste", ("Eerste", "Tweede"), None)
    assert table.rows == [["Samenwerkingsverband", "Datum", "Bedrag"], ["Regio", date(2023, 4, 20), 85000.5]]
    assert read_table(path, path.read_bytes(), sheet="Tweede").rows == [["Andere"]]
    with pytest.raises(UnreadableFileError, match=r"no sheet 'Derde'.*Eerste, Tweede"):
        read_table(path, path.read_bytes(), sheet="Derde")


def test_damaged_xlsx_is_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "f.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(UnreadableFileError, match="not a readable XLSX file"):
        read_table(path, path.read_bytes())
