"""Writing decision files for tests, and a guard that limits refuse a file before calamine reads it."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from sew_desktop.services.databases import open_repository
from sew_desktop.store.repository import Repository

SAMPLES = Path(__file__).resolve().parents[3] / "data" / "samples"
CALL = "Lokale Regie Sociale Economie en Werk 2023-2025"
HEADER = ["Samenwerkingsverband", "Gemeente", "Beslissing", "Bedrag", "Datum"]


def write_csv(
    path: Path, rows: Sequence[Sequence[str]], *, encoding: str = "utf-8", delimiter: str = ";", bom: bool = False
) -> Path:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    data = buffer.getvalue().encode(encoding)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)
    return path


def repository(path: Path) -> Repository:
    return open_repository(path)


class _NoSheets:
    """A calamine workbook that refuses to build a sheet's cells."""

    def __init__(self, workbook: object) -> None:
        self._workbook = workbook

    def __getattr__(self, name: str) -> object:
        return getattr(self._workbook, name)

    def get_sheet_by_name(self, _name: str) -> None:
        raise AssertionError("calamine built the cells of a sheet the limits should have refused first")


@contextmanager
def calamine_forbidden(*, opening: bool = False) -> Iterator[None]:
    """While inside, a limit must refuse the file before calamine builds the sheet's cells (the point of the
    limits: calamine allocates every cell of a bomb before a check after it could run); with ``opening``, before
    calamine opens the file at all (it loads every table of an ods, the shared strings of an xlsx)."""
    import python_calamine

    real = python_calamine.CalamineWorkbook

    class Guarded:
        @staticmethod
        def from_path(path: str) -> _NoSheets:
            if opening:
                raise AssertionError("calamine opened a file the limits should have refused first")
            return _NoSheets(real.from_path(path))

    python_calamine.CalamineWorkbook = Guarded  # type: ignore[misc, assignment]
    try:
        yield
    finally:
        python_calamine.CalamineWorkbook = real  # type: ignore[misc]


@contextmanager
def text_reading_forbidden() -> Iterator[None]:
    """While inside: scanning a text file's bytes (for its encoding) fails the test: a size limit refuses first."""
    from sew_desktop.services.imports import text_table

    def scan(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("a file the size limit should have refused was read")

    real = text_table.scan
    text_table.scan = scan  # type: ignore[assignment]
    try:
        yield
    finally:
        text_table.scan = real
