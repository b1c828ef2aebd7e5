"""Reading a decisions file into cells: CSV (sniffed delimiter, detected encoding) or XLSX (first or chosen sheet)."""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
from collections import Counter
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path

from sew_desktop.services.imports.errors import UnreadableFileError
from sew_desktop.services.imports.model import Cell, Table

DELIMITERS = (";", ",", "\t", "|")
ZIP_MAGIC = b"PK\x03\x04"
_SNIFF_RECORDS = 40


def sha256_of(data: bytes) -> str:
    """The SHA-256 of the file's bytes, as hex."""
    return hashlib.sha256(data).hexdigest()


def read_bytes(path: Path) -> bytes:
    """The file's bytes, or an :class:`UnreadableFileError` naming the file."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise UnreadableFileError(f"file not found: {path}") from None
    except OSError as exc:
        raise UnreadableFileError(f"cannot read {path}: {exc.strerror or exc}") from None


def is_xlsx(path: Path, data: bytes) -> bool:
    """XLSX by extension or by its zip signature."""
    return path.suffix.lower() in (".xlsx", ".xlsm") or data.startswith(ZIP_MAGIC)


def decode(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """Text and the encoding used: the given one, else BOM, else strict UTF-8, else Windows-1252."""
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise UnreadableFileError(f"unknown encoding '{encoding}'") from None
        try:
            return _strip_bom(data.decode(encoding)), encoding
        except UnicodeDecodeError as exc:
            raise UnreadableFileError(f"the file is not valid {encoding} (byte {exc.start})") from None
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            raise UnreadableFileError("the file has a UTF-16 byte order mark but is not UTF-16") from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "cp1252"


def _strip_bom(text: str) -> str:
    return text[1:] if text.startswith("\ufeff") else text


def sniff_delimiter(text: str) -> str:
    """The delimiter that splits the first records into the most rows of the same width."""
    best, best_score = ";", -1
    for delimiter in DELIMITERS:
        widths: Counter[int] = Counter()
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        try:
            for number, record in enumerate(reader):
                if number >= _SNIFF_RECORDS:
                    break
                if len(record) > 1:
                    widths[len(record)] += 1
        except csv.Error:
            continue
        score = max((count * 2 + width for width, count in widths.items()), default=0)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def read_csv(data: bytes, encoding: str | None = None) -> Table:
    """Cells of a CSV file; trailing empty cells are dropped."""
    text, used = decode(data, encoding)
    delimiter = sniff_delimiter(text)
    try:
        rows: list[list[Cell]] = [_trim(r) for r in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
    except csv.Error as exc:
        raise UnreadableFileError(f"not a readable CSV file: {exc}") from None
    return Table(rows, used, delimiter)


def _trim(row: Sequence[Cell]) -> list[Cell]:
    end = len(row)
    while end and (row[end - 1] is None or (isinstance(row[end - 1], str) and not str(row[end - 1]).strip())):
        end -= 1
    return list(row[:end])


def _excel_cell(value: object) -> Cell:
    if value is None or isinstance(value, str | int | float):
        return value
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return str(value)


def read_xlsx(data: bytes, sheet: str | None = None) -> Table:
    """Cells of the first (or the named) sheet of an XLSX workbook; dates stay dates."""
    import openpyxl  # imported here: the command line starts faster without it

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for damaged files
        raise UnreadableFileError(f"not a readable XLSX file: {exc}") from None
    try:
        names = tuple(workbook.sheetnames)
        if sheet is not None and sheet not in names:
            raise UnreadableFileError(f"no sheet '{sheet}' in the workbook (sheets: {', '.join(names)})")
        worksheet = workbook[sheet] if sheet is not None else workbook.worksheets[0]
        rows = [
            _trim([_excel_cell(v) for v in row]) for row in worksheet.iter_rows(min_row=1, min_col=1, values_only=True)
        ]
        return Table(rows, None, None, worksheet.title, names)
    finally:
        workbook.close()


def read_table(path: Path, data: bytes, encoding: str | None = None, sheet: str | None = None) -> Table:
    """The cells of a CSV or XLSX file."""
    if is_xlsx(path, data):
        return read_xlsx(data, sheet)
    return read_csv(data, encoding)
