"""The coverage table as CSV (plain or "Excel (België)") and XLSX, guarded against formula injection."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sew_desktop.domain.coverage import AreaCoverage, CoverageReport
from sew_desktop.domain.rounding import Ratio
from sew_desktop.domain.texts import QT_TRANSLATE_NOOP, Text, plain
from sew_desktop.store.files import atomic_write_bytes, protected_reason

TABLE_FORMATS = ("csv", "csv-excel", "xlsx")
DUTCH_HEADERS = (
    "Gebied",
    "Gemeenten met SO",
    "Gemeenten totaal",
    "% gemeenten",
    "Prognose gemeenten",
    "% prognose gemeenten",
    "Regiegebieden met SO",
    "Regiegebieden totaal",
    "% regiegebieden",
    "Prognose regiegebieden",
    "% prognose regiegebieden",
)
PERCENT_COLUMNS = frozenset({3, 5, 8, 10})
# What a spreadsheet opening a CSV file runs as a formula: these first characters, also in their full-width forms,
# once leading spaces and invisible characters are skipped; a tab or CR at the very start too.
_FORMULA_START = frozenset("=+-@\uff1d\uff0b\uff0d\uff20")
_SKIPPED = " \u00a0\u200b\u200c\u200d\u2060\ufeff"
_NUMBER_LIKE = re.compile(r"[+-]?[\d\s.,/()]*\d[\d\s.,/()]*")  # -5, +32 2 123 45 67, -1.234,56: stay as they are

Cell = str | int | float


class ExportTargetError(Exception):
    """The output file cannot be written (exists without force, or the path is not writable). ``str()`` is English;
    :attr:`text` is the message users read, translated where it is shown."""

    def __init__(self, message: str | Text) -> None:
        self.text = message if isinstance(message, Text) else plain(message)
        super().__init__(str(self.text))


# Why a file may not be replaced (the store's words), as users read them.
REASON_TEXTS = {
    "it is a folder": QT_TRANSLATE_NOOP("Export", "it is a folder"),
    "it is a backup": QT_TRANSLATE_NOOP("Export", "it is a backup"),
    "it is a database": QT_TRANSLATE_NOOP("Export", "it is a database"),
}


@dataclass(frozen=True, slots=True)
class TableText:
    """The texts around the numbers, in the user's language."""

    headers: Sequence[str] = DUTCH_HEADERS
    title: str = "Samenwerkingsovereenkomsten VDAB – lokale besturen"
    footer: str = ""


def neutralise(value: Cell) -> Cell:
    """A CSV text cell that a spreadsheet would run as a formula gets a leading apostrophe; numbers, and text that
    only looks like one (a phone number), pass unchanged. XLSX needs none of it: its text cells are never run."""
    if not isinstance(value, str) or not value:
        return value
    if value[0] in "\t\r":
        return "'" + value
    shown = value.lstrip(_SKIPPED)
    if shown[:1] in _FORMULA_START and not _NUMBER_LIKE.fullmatch(shown):
        return "'" + value
    return value


def csv_writer(out: io.StringIO, *, excel: bool) -> Any:
    """Comma (semicolon for Excel in Belgium) and CRLF line ends, so that every field holding a CR, an LF, a quote
    or the separator is quoted (Python's writer quotes only the characters of its own line end)."""
    return csv.writer(out, delimiter=";" if excel else ",", lineterminator="\r\n")


def _ratio_cells(reached: Ratio, forecast: Ratio) -> list[Cell]:
    return [reached.part, reached.total, reached.percent_detail, forecast.part, forecast.percent_detail]


def table_rows(report: CoverageReport) -> list[list[Cell]]:
    """One row per area: counts as integers, percentages with one decimal (71.9)."""
    return [[row.area, *_row_numbers(row)] for row in report.rows]


def _row_numbers(row: AreaCoverage) -> list[Cell]:
    return _ratio_cells(row.municipalities_reached, row.municipalities_forecast) + _ratio_cells(
        row.regions_with_agreement, row.regions_forecast
    )


def _csv_cell(value: Cell, decimal_comma: bool) -> Cell:
    if isinstance(value, float) and decimal_comma:
        return f"{value:.1f}".replace(".", ",")
    return neutralise(value)


def as_csv(report: CoverageReport, *, excel: bool, text: TableText | None = None) -> bytes:
    """Plain CSV (UTF-8, comma, decimal point) or "Excel (België)" (UTF-8 with BOM, semicolon, decimal comma)."""
    text = text or TableText()
    out = io.StringIO()
    writer = csv_writer(out, excel=excel)
    writer.writerow([neutralise(h) for h in text.headers])
    for row in table_rows(report):
        writer.writerow([_csv_cell(value, excel) for value in row])
    return out.getvalue().encode("utf-8-sig" if excel else "utf-8")


def check_target(path: Path, *, force: bool) -> None:
    """Refuse a target that is a folder, a database (the open one or any other) or a backup, and an existing
    file unless ``force``: an export never replaces the user's data."""
    reason = protected_reason(path)
    if reason is not None:
        why = Text("Export", REASON_TEXTS[reason]) if reason in REASON_TEXTS else plain(reason)
        raise ExportTargetError(Text("Export", QT_TRANSLATE_NOOP("Export", "cannot write %1: %2; choose another file"
                                                                           " name"), (path, why)))
    if path.exists() and not force:
        raise ExportTargetError(Text("Export", QT_TRANSLATE_NOOP("Export", "%1 already exists (use --force to"
                                                                           " overwrite)"), (path,)))
    if not path.parent.is_dir():
        raise ExportTargetError(Text("Export", QT_TRANSLATE_NOOP("Export", "cannot write %1: folder %2 does not"
                                                                           " exist"), (path, path.parent)))


def write_file(path: Path, data: bytes, *, force: bool) -> None:
    """Write ``data`` to ``path`` atomically (a failure leaves an existing file as it was); errors as one line."""
    check_target(path, force=force)
    try:
        atomic_write_bytes(path, data)
    except OSError as exc:
        why = exc.strerror or str(exc)  # the system's words
        text = QT_TRANSLATE_NOOP("Export", "cannot write %1: %2")
        raise ExportTargetError(Text("Export", text, (path, why))) from None
