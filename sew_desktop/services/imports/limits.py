"""Limits on what an import reads, checked before reading: a hostile or broken file is refused fast and small."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

from sew_desktop.services.imports.errors import LimitExceededError, UnreadableFileError

MB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Limits:
    """The largest file, archive, table and cell an import accepts."""

    file_bytes: int = 100 * MB
    archive_bytes: int = 200 * MB
    compression_ratio: int = 100
    rows: int = 1_000_000
    columns: int = 1_000
    cell_chars: int = 10_000
    # A workbook sheet is loaded whole, as a dense grid from A1 to its farthest cell (calamine keeps ~32 bytes per
    # cell, Python ~60 more): bound its real cells and its grid so a small file cannot take gigabytes. A decisions
    # list has a few cells per row and at most tens of thousands of rows; 3 million cells took 15 s and 524 MB.
    workbook_cells: int = 1_000_000
    # Every cell gets its own copy of a shared string, and ODS repeats multiply a cell's text: bound the text a
    # sheet expands to (a 400 KB file can otherwise ask for 2 GB).
    workbook_text: int = 100 * MB
    # A legacy .xls has no archive to look into and calamine reads all its sheets at once: bound its size instead
    # (a cell takes at least 10 bytes there, so this bounds its cells as well).
    xls_bytes: int = 20 * MB


LIMITS = Limits()


def _size(number: int) -> str:
    return f"{number / MB:,.0f} MB"


def check_file_size(path: Path, limits: Limits = LIMITS) -> int:
    """The file's size in bytes; refused above the limit."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise UnreadableFileError(f"file not found: {path}") from None
    except OSError as exc:
        raise UnreadableFileError(f"cannot read {path}: {exc.strerror or exc}") from None
    if size > limits.file_bytes:
        raise LimitExceededError(f"the file is {_size(size)}; the import reads at most {_size(limits.file_bytes)}")
    return size


def check_archive(archive: zipfile.ZipFile, limits: Limits = LIMITS) -> None:
    """Refuse a workbook archive whose members unpack to too much, or compress suspiciously well."""
    total = 0
    for member in archive.infolist():
        total += member.file_size
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > MB and ratio > limits.compression_ratio:
            raise LimitExceededError(
                f"the workbook part {member.filename} unpacks {ratio:,.0f} times larger than stored"
                f" (at most {limits.compression_ratio} accepted); the file looks damaged or hostile"
            )
    if total > limits.archive_bytes:
        raise LimitExceededError(
            f"the workbook unpacks to {_size(total)}; the import reads at most {_size(limits.archive_bytes)}"
        )


def check_shape(rows: int, columns: int, limits: Limits = LIMITS) -> None:
    """Refuse a table with more rows or columns than the limits."""
    if rows > limits.rows:
        raise LimitExceededError(f"the table has more than {limits.rows:,} rows; split the file")
    if columns > limits.columns:
        raise LimitExceededError(f"the table has {columns:,} columns; the import reads at most {limits.columns:,}")


def check_cell(text: str, where: str, limits: Limits = LIMITS) -> None:
    """Refuse a cell longer than the limit."""
    if len(text) > limits.cell_chars:
        raise LimitExceededError(f"{where}: a cell holds more than {limits.cell_chars:,} characters")
