from __future__ import annotations

import zipfile
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from sew_desktop.services.imports.errors import EncodingUnsureError, LimitExceededError, UnreadableFileError
from sew_desktop.services.imports.limits import Limits
from sew_desktop.services.imports.reading import read_table
from tests.services.imports.helpers import calamine_forbidden, text_reading_forbidden, write_csv

ROWS = [["Samenwerkingsverband", "Gemeente", "Beslissing"], ["Coöperatie Zuid – Oost", "Sint-Niklaas", "goedgekeurd"]]
DUTCH = "Samenwerkingsverband;Gemeente;Beslissing;Bedrag\r\nCoöperatief Régie;Temse;goedgekeurd;€ 85.000,00\r\n"


def _rows(path: Path, **options: object) -> list[list[object]]:
    return list(read_table(path, **options).rows)  # type: ignore[arg-type]


@pytest.mark.parametrize("delimiter", [";", ",", "\t", "|"])
@pytest.mark.parametrize(
    ("encoding", "bom", "detected"),
    [("utf-8", False, "utf-8"), ("utf-8", True, "utf-8-sig"), ("utf-16", False, "utf-16"), ("cp1252", False, "cp1252")],
)
def test_encodings_and_delimiters_are_detected(
    tmp_path: Path, encoding: str, bom: bool, detected: str, delimiter: str
) -> None:
    path = write_csv(tmp_path / "f.csv", ROWS, encoding=encoding, delimiter=delimiter, bom=bom)
    table = read_table(path)
    assert (table.encoding, table.delimiter) == (detected, delimiter)
    assert list(table.rows) == ROWS


@pytest.mark.parametrize(
    ("codec", "expected"),
    [("mac_roman", "mac_roman"), ("cp1252", "cp1252"), ("iso8859_15", "iso8859_15"), ("utf-16-le", "utf_16_le")],
)
def test_single_byte_and_utf16_without_bom_are_told_apart(tmp_path: Path, codec: str, expected: str) -> None:
    path = tmp_path / "f.csv"
    path.write_bytes(DUTCH.encode(codec))
    table = read_table(path)
    assert table.encoding == expected and (table.encoding_confidence or 0) >= 0.9
    assert list(table.rows)[1][:1] == ["Coöperatief Régie"]


def test_an_encoding_nobody_can_tell_names_the_candidates(tmp_path: Path) -> None:
    path = tmp_path / "f.csv"
    path.write_bytes(b"Samenwerkingsverband;Gemeente;Beslissing\nREGIO CAF\xe8;Gent;goedgekeurd\n")
    with pytest.raises(EncodingUnsureError, match=r"cp1252 \(\d+%\) or mac_roman .*--encoding") as caught:
        read_table(path)
    assert [name for name, _ in caught.value.candidates] == ["cp1252", "mac_roman"]
    assert _rows(path, encoding="cp1252")[1][0] == "REGIO CAFè"
    path.write_bytes(b"Samenwerkingsverband;Gemeente\nCaf\x8e Zuid;Gent\n")  # "CafŽ" reads wrong: MacRoman
    assert _rows(path)[1][0] == "Café Zuid"


def test_encoding_can_be_overridden(tmp_path: Path) -> None:
    path = tmp_path / "f.csv"
    path.write_bytes("Gemeente;Naam\nx;Coöperatie\n".encode("latin-1"))
    assert _rows(path, encoding="latin-1") == [["Gemeente", "Naam"], ["x", "Coöperatie"]]
    with pytest.raises(UnreadableFileError, match="not valid utf-8"):
        _rows(path, encoding="utf-8")
    with pytest.raises(UnreadableFileError, match="unknown encoding 'klingon'"):
        read_table(path, encoding="klingon")


def test_quoted_cells_with_line_breaks_and_trailing_empty_cells(tmp_path: Path) -> None:
    path = tmp_path / "f.csv"
    path.write_text('Samenwerkingsverband,Gemeenten,,\n"Regio","Geel\nMol",,\n,,,\n', encoding="utf-8")
    assert _rows(path) == [["Samenwerkingsverband", "Gemeenten"], ["Regio", "Geel\nMol"], []]


@pytest.mark.parametrize(
    ("text", "second_row"),
    [
        ('Naam,Gemeente\n"Regio \\"Waasland Werkt\\"",Temse\n"Regio B",Gent\n', ['Regio "Waasland Werkt"', "Temse"]),
        ("Naam;Gemeente\n'Regio; A';Temse\n'Regio B';Gent\n", ["Regio; A", "Temse"]),
        (
            'Naam, Gemeente, Bedrag\n"Regio A", "Temse", "85.000,00"\n"Regio B", "Gent", "1,50"\n',
            ["Regio A", "Temse", "85.000,00"],
        ),
        (
            "Naam;Gemeente;Bedrag;\nRegio A;Temse;85000,00;\nRegio A;Gent;85000,00;;\n"
            "Regio B;Gent;;\nRegio C;Mol;1,5\n",
            ["Regio A", "Temse", "85000,00"],
        ),
    ],
    ids=["backslash-escaped-quotes", "single-quotes", "comma-space", "ragged-trailing-semicolons"],
)  # fmt: skip
def test_dialects_clevercsv_finds(tmp_path: Path, text: str, second_row: list[str]) -> None:
    path = tmp_path / "f.csv"
    path.write_text(text, encoding="utf-8")
    assert _rows(path)[1] == second_row


def test_sep_hint_comment_lines_and_title_blocks_keep_row_numbers(tmp_path: Path) -> None:
    path = tmp_path / "f.csv"
    path.write_text("sep=;\n# export 2023, a, b\nTitel, met komma\n\nNaam;Gemeente\nRegio A;Temse\n", encoding="utf-8")
    table = read_table(path)
    assert table.delimiter == ";"
    assert list(table.rows) == [[], [], ["Titel, met komma"], [], ["Naam", "Gemeente"], ["Regio A", "Temse"]]


def test_a_quote_that_never_closes_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "f.csv"
    body = "".join(f"Regio {n};Gemeente {n};goedgekeurd\n" for n in range(5))
    path.write_text(f'Naam;Gemeente;Beslissing\nRegio A;Temse;ja\n"Regio B;Gent;ja\n{body}', encoding="utf-8")
    with pytest.raises(UnreadableFileError, match="line 3: a quote opens there and never closes"):
        _rows(path)
    path.write_text(f'Naam;Gemeente\n"Regio B;Gent\n{body}"Regio Z";Mol\n', encoding="utf-8")
    with pytest.raises(UnreadableFileError, match="line 2: a quote opens there"):
        _rows(path)


def test_a_binary_file_says_it_is_not_a_table(tmp_path: Path) -> None:
    path = tmp_path / "picture.csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)
    with pytest.raises(UnreadableFileError, match="binary data"):
        read_table(path)


def test_limits_on_rows_columns_and_cells(tmp_path: Path) -> None:
    path = tmp_path / "f.csv"
    path.write_text("Naam;Gemeente\n" + "Regio;Gent\n" * 20, encoding="utf-8")
    with pytest.raises(LimitExceededError, match="more than 10 rows"):
        _rows(path, limits=Limits(rows=10))
    path.write_text(";".join(f"k{n}" for n in range(30)) + "\n", encoding="utf-8")
    with pytest.raises(LimitExceededError, match="30 columns"):
        _rows(path, limits=Limits(columns=20))
    path.write_text("Naam;Gemeente\n" + "x" * 200 + ";Gent\n", encoding="utf-8")
    with pytest.raises(LimitExceededError, match="line 2: a cell holds more than 100 characters"):
        _rows(path, limits=Limits(cell_chars=100))


def test_a_file_over_the_size_limit_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.csv"
    with path.open("wb") as handle:  # sparse: no disk space used, nothing worth reading
        handle.truncate(101 * 1024 * 1024)
    with text_reading_forbidden(), pytest.raises(LimitExceededError,
                                                 match="the file is 101 MB; the import reads at most 100 MB"):
        read_table(path)


def test_a_large_legacy_xls_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "oud.xls"
    with path.open("wb") as handle:
        handle.write(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
        handle.truncate(21 * 1024 * 1024)
    with pytest.raises(LimitExceededError, match=r"legacy Excel file is 21 MB; .* at most 20 MB of .xls"):
        read_table(path)


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


def test_xlsx_active_or_chosen_sheet_with_date_cells(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "f.xlsx")
    table = read_table(path)
    assert (table.sheet, table.sheets, table.encoding) == ("Eerste", ("Eerste", "Tweede"), None)
    assert list(table.rows) == [["Samenwerkingsverband", "Datum", "Bedrag"], ["Regio", date(2023, 4, 20), 85000.5]]
    assert _rows(path, sheet="Tweede") == [["Andere"]]
    with pytest.raises(UnreadableFileError, match=r"no sheet 'Derde'.*Eerste, Tweede"):
        read_table(path, sheet="Derde")


def test_a_hidden_first_sheet_is_never_read_unless_named(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    draft = workbook.active
    assert draft is not None
    draft.title = "Ontwerp"
    draft.append(["Samenwerkingsverband", "Gemeente"])
    draft.append(["Oud ontwerp", "Gent"])
    draft.sheet_state = "hidden"
    real = workbook.create_sheet("Definitief")
    real.append(["Samenwerkingsverband", "Gemeente"])
    real.append(["Echte lijst", "Temse"])
    workbook.active = 1
    workbook.save(tmp_path / "f.xlsx")
    table = read_table(tmp_path / "f.xlsx")
    assert table.sheet == "Definitief" and list(table.rows)[1] == ["Echte lijst", "Temse"]
    assert _rows(tmp_path / "f.xlsx", sheet="Ontwerp")[1] == ["Oud ontwerp", "Gent"]


def test_formulas_without_a_cached_value_are_named(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["Samenwerkingsverband", "Bedrag"])
    sheet.append(["Regio A", "=40000*2"])
    sheet.append(["Regio B", 1000])
    sheet.append(["Regio C", "=B3+1"])
    workbook.save(tmp_path / "f.xlsx")  # openpyxl never calculates: the formulas have no stored value
    with pytest.raises(UnreadableFileError, match=r"cells B2, B4 hold formulas .*open and save the file in Excel"):
        read_table(tmp_path / "f.xlsx")


def _rewrite_part(path: Path, part: str, change: tuple[bytes, bytes]) -> None:
    with zipfile.ZipFile(path) as source:
        items = [(info, source.read(info)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in items:
            target.writestr(info, data.replace(*change) if info.filename == part else data)


def test_a_lying_dimension_drops_no_rows_or_columns(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    for number in range(50):
        sheet.append([f"Regio {number}", "Gent", "goedgekeurd", number])
    workbook.save(tmp_path / "f.xlsx")
    _rewrite_part(
        tmp_path / "f.xlsx", "xl/worksheets/sheet1.xml", (b'<dimension ref="A1:D50"', b'<dimension ref="A1:B9"')
    )
    rows = _rows(tmp_path / "f.xlsx")
    assert len(rows) == 50 and rows[49] == ["Regio 49", "Gent", "goedgekeurd", 49]


def test_a_zip_bomb_workbook_is_refused_fast(tmp_path: Path) -> None:
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("xl/sharedStrings.xml", "w") as handle:
            block = b"A" * (1 << 20)
            for _ in range(210):
                handle.write(block)
    assert path.stat().st_size < 2 * 1024 * 1024
    with calamine_forbidden(opening=True), pytest.raises(LimitExceededError, match="unpacks"):
        read_table(path)


def test_a_small_sheet_with_millions_of_cells_is_refused_fast(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "f.xlsx")
    cells = b"<row>" + b"<c/>" * 1000 + b"</row>"
    _rewrite_part(path, "xl/worksheets/sheet1.xml", (b"</sheetData>", cells * 3100 + b"</sheetData>"))
    assert path.stat().st_size < 1024 * 1024
    with calamine_forbidden():
        with pytest.raises(LimitExceededError, match=r"unpacks \d+ times larger than stored"):
            read_table(path)
        with pytest.raises(
            LimitExceededError, match=r"sheet 'Eerste' holds more than 1,000,000 cells; the import reads at most"
        ):
            read_table(path, limits=Limits(compression_ratio=10_000))  # a less compressible file: the cell limit


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("f.xlsx", b"PK\x03\x04 not really a zip"),
        ("f.xlsx", b""),
        ("f.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00\x07\xff" * 500),
        ("f.ods", b"PK\x03\x04" + b"\x00" * 100),
    ],
)
def test_damaged_workbooks_are_one_readable_line(tmp_path: Path, name: str, data: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(UnreadableFileError, match=r"not a readable (Excel file|OpenDocument spreadsheet)") as caught:
        read_table(path)
    message = str(caught.value)
    assert len(message) < 200 and message.isprintable()


def _ods(path: Path, table: str) -> Path:
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content'
        ' xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
        ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f"<office:body><office:spreadsheet>{table}</office:spreadsheet></office:body></office:document-content>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content)
        archive.writestr(
            "META-INF/manifest.xml",
            '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
            '<manifest:file-entry manifest:full-path="/" manifest:media-type='
            '"application/vnd.oasis.opendocument.spreadsheet"/></manifest:manifest>',
        )
    return path


def test_an_ods_whose_repeats_expand_to_millions_of_cells_is_refused_fast(tmp_path: Path) -> None:
    row = (
        '<table:table-row table:number-rows-repeated="20000"><table:table-cell table:number-columns-repeated="1000"'
        ' office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row>'
    )
    path = _ods(tmp_path / "f.ods", f'<table:table table:name="Blad1">{row}</table:table>')
    assert path.stat().st_size < 2000
    with calamine_forbidden(opening=True), pytest.raises(LimitExceededError,
                                                         match="sheet 'Blad1' holds more than 1,000,000 cells"):
        read_table(path)  # calamine would allocate the 20 million cells (1.3 GB) and abort the process


def test_ods_is_read(tmp_path: Path) -> None:
    path = tmp_path / "f.ods"
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content'
        ' xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
        ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        '<office:body><office:spreadsheet><table:table table:name="Blad1">'
        '<table:table-row><table:table-cell office:value-type="string"><text:p>Samenwerkingsverband</text:p>'
        '</table:table-cell></table:table-row><table:table-row><table:table-cell office:value-type="string">'
        "<text:p>Regio Zuid</text:p></table:table-cell></table:table-row></table:table>"
        "</office:spreadsheet></office:body></office:document-content>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content)
        archive.writestr(
            "META-INF/manifest.xml",
            '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
            '<manifest:file-entry manifest:full-path="/" manifest:media-type='
            '"application/vnd.oasis.opendocument.spreadsheet"/></manifest:manifest>',
        )
    table = read_table(path)
    assert table.sheet == "Blad1" and list(table.rows) == [["Samenwerkingsverband"], ["Regio Zuid"]]


@pytest.mark.parametrize(
    "text",
    [
        "Naam;Gemeente;Bedrag\nRegio A;Temse;85.000,00\nRegio B;Gent;1,50\n",
        'Naam,Gemeente,Bedrag\n"Regio, A",Temse,"85.000,00"\nRegio B,Gent,12\n',
        "Naam\tGemeente\nRegio A\tTemse\nRegio B\tGent\n",
        "Titel van de lijst\n\nNaam|Gemeente\nRegio A|Temse\n",
    ],
)
def test_the_plain_shortcut_agrees_with_clevercsv(text: str) -> None:
    from clevercsv import Detector

    from sew_desktop.services.imports.text_table import detect_dialect

    ours = detect_dialect(text.splitlines(keepends=True), None)
    theirs = Detector().detect(text, delimiters=[";", ",", "\t", "|"])
    assert theirs is not None
    assert (ours.delimiter, ours.quotechar) == (theirs.delimiter, theirs.quotechar or '"')


def test_reader_warnings_are_captured_not_printed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import warnings

    from sew_desktop.services.imports import reading, spreadsheet

    real = spreadsheet.read_workbook

    def noisy(*args: object, **kwargs: object) -> object:
        warnings.warn("Data Validation extension is not supported and will be removed", UserWarning, stacklevel=1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(reading, "read_workbook", noisy)
    table = read_table(_workbook(tmp_path / "f.xlsx"))  # with warnings as errors, an escaping warning would fail
    assert table.sheet == "Eerste" and capsys.readouterr() == ("", "")
