"""Reading a decisions file into cells: a CSV file (streamed) or a workbook, within the limits, in one place.

Every way a file can fail to read ends in an :class:`UnreadableFileError` with one line a user understands;
warnings the readers emit are captured here and never reach the terminal.
"""

from __future__ import annotations

import csv
import hashlib
import warnings
import zipfile
import zlib
from pathlib import Path
from xml.etree import ElementTree

from sew_desktop.services.imports import text_table
from sew_desktop.services.imports.errors import UnreadableFileError
from sew_desktop.services.imports.limits import LIMITS, Limits, check_file_size
from sew_desktop.services.imports.model import Table
from sew_desktop.services.imports.spreadsheet import read_workbook, unreadable_workbook, workbook_kind
from sew_desktop.store.held import is_held

_DAMAGED = (
    csv.Error,
    zlib.error,
    zipfile.BadZipFile,
    ElementTree.ParseError,
    EOFError,
    ValueError,
    TypeError,
    KeyError,
    IndexError,
    RecursionError,
)


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def read_csv(path: Path, encoding: str | None = None, limits: Limits = LIMITS) -> Table:
    """A CSV file: encoding chosen or detected, dialect detected, rows streamed from disk."""
    found = text_table.scan(path)
    detected = text_table.choose_encoding(found, encoding)
    lines, hint = text_table.sample_lines(path, detected.name)
    dialect = text_table.detect_dialect(lines, hint)
    rows = text_table.CsvRows(path, detected.name, dialect, hint is not None, limits)
    return Table(
        rows,
        detected.name,
        dialect.delimiter,
        encoding_confidence=detected.confidence,
        sha256=found.sha256,
        rows_hint=_rows_hint(path, lines),
    )


def _rows_hint(path: Path, lines: list[str]) -> int:
    """About how many rows the file has, from the length of its first lines (for progress only)."""
    sampled = sum(len(line) for line in lines)
    return int(path.stat().st_size * len(lines) / sampled) if sampled else 0


def read_table(path: Path, encoding: str | None = None, sheet: str | None = None, limits: Limits = LIMITS) -> Table:
    """The cells of a CSV file or a workbook; refused before reading when it is over a limit."""
    if is_held(path):  # reading the open database as an ordinary file would drop this process's locks on it
        raise UnreadableFileError(f"{path.name} is the database that is open in SEW Desktop, not a decisions file")
    check_file_size(path, limits)
    with path.open("rb") as handle:
        head = handle.read(8)
    kind = workbook_kind(head, path)
    with warnings.catch_warnings(record=True):
        warnings.simplefilter("always")
        try:
            if kind is not None:
                table = read_workbook(path, kind, sheet, limits)
                rows = list(table.rows)
                return Table(
                    rows, None, None, table.sheet, table.sheets, sha256=_file_sha256(path), rows_hint=len(rows)
                )
            if sheet is not None:
                raise UnreadableFileError(f"--sheet applies to workbooks; {path.name} is a text file")
            return read_csv(path, encoding, limits)
        except OSError as exc:
            raise UnreadableFileError(f"cannot read {path}: {exc.strerror or exc}") from None
        except _DAMAGED as exc:  # a reader tripped on odd bytes
            if kind is not None:
                raise unreadable_workbook(path) from None
            raise UnreadableFileError(f"not a readable table: the file is damaged ({type(exc).__name__})") from None
