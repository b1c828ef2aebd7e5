"""Workbooks that would make calamine allocate gigabytes are refused from their XML, before calamine reads them
(review findings 9, 10, 11, 12 and 14); normal workbooks still read."""

from __future__ import annotations

import struct
import zipfile
from pathlib import Path

import openpyxl
import pytest

from sew_desktop.services.imports.errors import LimitExceededError, UnreadableFileError
from sew_desktop.services.imports.limits import LIMITS
from sew_desktop.services.imports.reading import read_table
from tests.cli.test_cli import run
from tests.services.imports.helpers import CALL, HEADER, SAMPLES, calamine_forbidden

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_HEADER_ROW = '<row r="1">' + "".join(
    f'<c r="{chr(65 + i)}1" t="inlineStr"><is><t>{name}</t></is></c>' for i, name in enumerate(HEADER)
) + "</row>"  # fmt: skip
_DATA_ROW = (
    '<row r="2"><c r="A2" t="inlineStr"><is><t>Waasland</t></is></c><c r="B2" t="inlineStr"><is><t>Temse</t></is>'
    '</c><c r="C2" t="inlineStr"><is><t>goedgekeurd</t></is></c><c r="D2"><v>10</v></c></row>'
)


def _xlsx(path: Path, rows: str, strings: list[str] | None = None) -> Path:
    """A minimal xlsx written by hand: one sheet 'Blad1' with these rows, and a shared-string table."""
    rels = f'<Relationship Id="rId1" Type="{_DOC}/worksheet" Target="worksheets/sheet1.xml"/>'
    if strings is not None:
        rels += f'<Relationship Id="rId2" Type="{_DOC}/sharedStrings" Target="sharedStrings.xml"/>'
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr(
            "[Content_Types].xml", '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'
        )
        archive.writestr(
            "_rels/.rels",
            f'<Relationships xmlns="{_RELS}"><Relationship Id="rId1" Type="{_DOC}/officeDocument"'
            ' Target="xl/workbook.xml"/></Relationships>',
        )
        archive.writestr(
            "xl/workbook.xml",
            f'<workbook xmlns="{_MAIN}" xmlns:r="{_DOC}"><sheets><sheet name="Blad1" sheetId="1" r:id="rId1"/>'
            "</sheets></workbook>",
        )
        archive.writestr("xl/_rels/workbook.xml.rels", f'<Relationships xmlns="{_RELS}">{rels}</Relationships>')
        archive.writestr(
            "xl/worksheets/sheet1.xml", f'<worksheet xmlns="{_MAIN}"><sheetData>{rows}</sheetData></worksheet>'
        )
        if strings is not None:
            items = "".join(f"<si><t>{text}</t></si>" for text in strings)
            archive.writestr("xl/sharedStrings.xml", f'<sst xmlns="{_MAIN}">{items}</sst>')
    return path


def _ods(path: Path, table: str) -> Path:
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content'
        ' xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
        ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f"<office:body><office:spreadsheet>{table}</office:spreadsheet></office:body></office:document-content>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content)
        archive.writestr(
            "META-INF/manifest.xml",
            '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
            '<manifest:file-entry manifest:full-path="/" manifest:media-type='
            '"application/vnd.oasis.opendocument.spreadsheet"/></manifest:manifest>',
        )
    return path


def _ods_row(*cells: str, repeat: int = 1) -> str:
    repeated = f' table:number-rows-repeated="{repeat}"' if repeat > 1 else ""
    return f"<table:table-row{repeated}>{''.join(cells)}</table:table-row>"


def _ods_text(text: str, repeat: int = 1) -> str:
    repeated = f' table:number-columns-repeated="{repeat}"' if repeat > 1 else ""
    return f'<table:table-cell office:value-type="string"{repeated}><text:p>{text}</text:p></table:table-cell>'


def _ods_header() -> str:
    return _ods_row(*(_ods_text(name) for name in HEADER)) + _ods_row(
        *(_ods_text(text) for text in ("Waasland", "Temse", "goedgekeurd", "10"))
    )


def _refused(path: Path, match: str) -> str:
    with calamine_forbidden(), pytest.raises(LimitExceededError, match=match) as caught:
        read_table(path)
    return str(caught.value)


def _cli_refuses(db: Path, path: Path, expected: str) -> None:
    before = db.read_bytes()
    result = run("--db", str(db), "import-decisions", str(path), "--call", CALL)
    assert result.returncode == 2, result.stderr
    assert result.stderr.count("\n") == 1 and expected in result.stderr, result.stderr
    assert "Traceback" not in result.stderr and "unexpected error" not in result.stderr
    assert db.read_bytes() == before


# -- 9: one stray cell far from the table -----------------------------------------------------------------


def test_a_stray_cell_at_xfd1048576_is_refused_before_calamine_allocates_the_grid(
    tmp_path: Path, demo_path: Path
) -> None:
    stray = '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'
    path = _xlsx(tmp_path / "far.xlsx", _HEADER_ROW + _DATA_ROW + stray)
    assert path.stat().st_size < 4000
    _refused(path, r"sheet 'Blad1' has cells down to row 1,048,576; the import reads at most 1,000,000 rows")
    _cli_refuses(demo_path, path, "has cells down to row 1,048,576")  # it was a Rust abort, exit 134


def test_a_stray_cell_at_j1000000_is_refused_by_the_grid_it_spans(tmp_path: Path) -> None:
    stray = '<row r="1000000"><c r="J1000000"><v>1</v></c></row>'
    path = _xlsx(tmp_path / "far.xlsx", _HEADER_ROW + _DATA_ROW + stray)
    _refused(path, r"sheet 'Blad1' spans 1,000,000 rows × 10 columns \(A1 to J1000000\)")


@pytest.mark.parametrize(
    "stray",
    [
        '<row r="1048576"><c><v>1</v></c></row>',  # no r: calamine places the cell in its row
        '<row r="3"><c r="A3" r="XFD3"><v>1</v></c></row>',  # a repeated r: calamine takes the last one
        "<row r='3'><c r='XFD3'><v>1</v></c></row>",
        f'<row r="3"><x:c xmlns:x="{_MAIN}" r="XFD3"><x:v>1</x:v></x:c></row>',
    ],
)
def test_far_cells_written_in_any_xml_layout_are_found(tmp_path: Path, stray: str) -> None:
    path = _xlsx(tmp_path / "far.xlsx", _HEADER_ROW + _DATA_ROW + stray)
    _refused(path, r"sheet 'Blad1' has cells (down to row 1,048,576|out to column XFD \(16,384 columns\))")


# -- 10: one long shared string in many cells --------------------------------------------------------------


def test_a_long_shared_string_in_many_cells_is_refused_by_its_expanded_text(tmp_path: Path, demo_path: Path) -> None:
    row = "".join(f'<c r="{letter}{{n}}" t="s"><v>0</v></c>' for letter in "FGHIJKLMNOPQRSTUVWXY")
    rows = "".join(f'<row r="{n}">{row.format(n=n)}</row>' for n in range(3, 1003))  # 20,000 cells
    path = _xlsx(tmp_path / "sst.xlsx", _HEADER_ROW + _DATA_ROW + rows, ["x" * LIMITS.cell_chars])
    assert path.stat().st_size < 200_000
    _refused(path, r"sheet 'Blad1' holds more than 100 MB of text once its repeated and shared texts are written")
    _cli_refuses(demo_path, path, "holds more than 100 MB of text")  # 20,000 cells took 436 MB


def test_a_modest_shared_string_table_still_reads(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()  # openpyxl writes every text as a shared string
    sheet = workbook.active
    assert sheet is not None
    sheet.append(HEADER)
    for number in range(2000):
        sheet.append(["Waasland", "Temse", "goedgekeurd", number, "20/04/2023"])
    workbook.save(tmp_path / "f.xlsx")
    rows = list(read_table(tmp_path / "f.xlsx").rows)
    assert len(rows) == 2001 and rows[2000] == ["Waasland", "Temse", "goedgekeurd", 1999, "20/04/2023"]


# -- 11: ODS repeats ---------------------------------------------------------------------------------------


def test_an_ods_cell_repeated_over_columns_and_rows_is_refused_by_its_expanded_text(tmp_path: Path) -> None:
    bomb = _ods_row('<table:table-cell table:number-columns-repeated="5"/>', _ods_text("x" * 10_000, 100), repeat=200)
    path = _ods(tmp_path / "bomb.ods", f'<table:table table:name="Blad1">{_ods_header()}{bomb}</table:table>')
    assert path.stat().st_size < 2000
    _refused(path, r"sheet 'Blad1' holds more than 100 MB of text")  # 200 rows took 631 MB, 2,000 aborted


def test_an_ods_cell_far_out_behind_repeated_empty_cells_is_refused(tmp_path: Path) -> None:
    far = _ods_row('<table:table-cell table:number-columns-repeated="3000"/>', _ods_text("x"))
    path = _ods(tmp_path / "far.ods", f'<table:table table:name="Blad1">{_ods_header()}{far}</table:table>')
    _refused(path, r"sheet 'Blad1' has cells out to column DKK \(3,001 columns\)")


def test_every_ods_table_is_measured_since_calamine_opens_them_all(tmp_path: Path) -> None:
    bomb = _ods_row(_ods_text("x" * 10_000, 100), repeat=200)
    tables = (
        f'<table:table table:name="Blad1">{_ods_header()}</table:table>'
        f'<table:table table:name="Oud">{bomb}</table:table>'
    )
    _refused(_ods(tmp_path / "f.ods", tables), r"sheet 'Oud' holds more than 100 MB of text")


def test_an_ods_with_trailing_repeated_empty_cells_and_rows_still_reads(tmp_path: Path) -> None:
    empty_tail = '<table:table-cell table:style-name="ce1" table:number-columns-repeated="16379"/>'
    table = (
        '<table:table table:name="Blad1"><table:table-column table:number-columns-repeated="16384"/>'
        + _ods_row(*(_ods_text(name) for name in HEADER), empty_tail)
        + _ods_row(*(_ods_text(text) for text in ("Waasland", "Temse", "goedgekeurd", "10", "20/04/2023")), empty_tail)
        + _ods_row('<table:table-cell table:number-columns-repeated="16384"/>', repeat=1048574)
        + "</table:table>"
    )
    rows = list(read_table(_ods(tmp_path / "f.ods", table)).rows)
    assert rows == [HEADER, ["Waasland", "Temse", "goedgekeurd", "10", "20/04/2023"]]


# -- 12: a compression method zipfile cannot read ----------------------------------------------------------


def _with_compression_method(source: Path, target: Path, method: int) -> Path:
    """The same archive with another compression method in every local and central header."""
    data = bytearray(source.read_bytes())
    for signature, offset in ((b"PK\x03\x04", 8), (b"PK\x01\x02", 10)):
        start = data.find(signature)
        while start >= 0:
            struct.pack_into("<H", data, start + offset, method)
            start = data.find(signature, start + 4)
    target.write_bytes(bytes(data))
    return target


def test_an_unsupported_compression_method_is_an_unreadable_workbook(tmp_path: Path, demo_path: Path) -> None:
    path = _with_compression_method(SAMPLES / "beslissingen_lokale_regie.xlsx", tmp_path / "deflate64.xlsx", 9)
    with pytest.raises(UnreadableFileError, match="not a readable Excel file: the file is damaged or not a workbook"):
        read_table(path)
    _cli_refuses(demo_path, path, "not a readable Excel file")


# -- 14: a dense sheet over the cell limit -----------------------------------------------------------------


def test_a_sheet_over_a_million_cells_is_refused_up_front(tmp_path: Path) -> None:
    assert LIMITS.workbook_cells == 1_000_000
    rows = "".join(
        f'<row r="{n}"><c r="A{n}"><v>1</v></c><c r="B{n}"><v>2</v></c><c r="C{n}"><v>3</v></c>'
        f'<c r="D{n}"><v>4</v></c><c r="E{n}"><v>5</v></c></row>'
        for n in range(2, 210_002)
    )
    path = _xlsx(tmp_path / "big.xlsx", _HEADER_ROW + rows)
    _refused(path, r"sheet 'Blad1' (holds more than 1,000,000 cells|spans 2\d\d,\d{3} rows × 5 columns)")


# -- normal workbooks --------------------------------------------------------------------------------------


def test_the_sample_workbook_still_reads() -> None:
    table = read_table(SAMPLES / "beslissingen_lokale_regie.xlsx")
    assert list(table.rows)[2][:2] == ["Aanvrager", "Lokaal bestuur"]


def test_a_hand_written_sheet_without_far_cells_reads(tmp_path: Path) -> None:
    rows = list(read_table(_xlsx(tmp_path / "f.xlsx", _HEADER_ROW + _DATA_ROW)).rows)
    assert rows == [HEADER, ["Waasland", "Temse", "goedgekeurd", 10]]
