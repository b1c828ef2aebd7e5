"""Workbooks (xlsx, xlsm, xlsb, xls, ods) through python-calamine, which reads the cells as stored.

openpyxl's fast mode trusts the ``<dimension>`` element (a lying one drops rows silently), reads the first sheet
even when it is hidden and cannot read xls or ods; calamine reads every real cell of all five formats. What
calamine does not tell, we read from the archive: the sheet the workbook opens on, and formula cells that
were never calculated (calamine gives them as empty, which would import as "no amount").
"""

from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, time, timedelta
from pathlib import Path
from xml.etree import ElementTree

from sew_desktop.services.imports.errors import LimitExceededError, UnreadableFileError, printable, shortened
from sew_desktop.services.imports.limits import LIMITS, MB, Limits, check_archive, check_cell, check_shape
from sew_desktop.services.imports.model import Cell, Table
from sew_desktop.services.imports.sheet_scan import scan_ods, scan_xlsx_sheet, shared_string_lengths

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_ACTIVE_ODS = re.compile(rb'config:name="ActiveTable"[^>]*>([^<]*)<')
_DEFAULT_STRINGS = "xl/sharedStrings.xml"
MAX_CELLS_NAMED = 5


def workbook_kind(head: bytes, path: Path) -> str | None:
    """ "zip" (xlsx, xlsm, xlsb, ods), "ole" (xls) or None for anything else."""
    if head.startswith(ZIP_MAGIC):
        return "zip"
    if head.startswith(OLE_MAGIC):
        return "ole"
    if path.suffix.lower() in (".xlsx", ".xlsm", ".xlsb", ".xls", ".ods"):
        return "unknown"
    return None


def unreadable_workbook(path: Path, detail: str = "") -> UnreadableFileError:
    """The one line for a workbook that cannot be read."""
    suffix = path.suffix.lower()
    what = "OpenDocument spreadsheet" if suffix == ".ods" else "Excel file"
    extra = f" ({printable(detail, 80)})" if detail else ""
    return UnreadableFileError(f"not a readable {what}: the file is damaged or not a workbook{extra}")


@dataclass(frozen=True, slots=True)
class _Facts:
    """What the archive tells before calamine opens it."""

    active: str | None = None  # the sheet the workbook opens on
    parts: dict[str, str] = field(default_factory=dict)  # the XML part of each xlsx sheet
    strings: list[int] = field(default_factory=list)  # the length of each xlsx shared string


# What zipfile, zlib and the XML readers raise for a damaged or unsupported archive (Deflate64, a zip version
# they do not know, an encrypted member: NotImplementedError and RuntimeError).
_ZIP_ERRORS = (
    zipfile.BadZipFile,
    zlib.error,
    NotImplementedError,
    RuntimeError,
    OSError,
    EOFError,
    ElementTree.ParseError,
    KeyError,
    ValueError,
    IndexError,
)


def _archive_facts(path: Path, limits: Limits) -> _Facts:
    """Checked before calamine opens the file, since it loads the shared strings (xlsx) or every table (ods)
    at once: the archive's sizes, then the shared strings or the ods tables within the limits."""
    try:
        with zipfile.ZipFile(path) as archive:
            check_archive(archive, limits)
            names = set(archive.namelist())
            if "xl/workbook.xml" in names:
                active, parts, strings_part = _xlsx_facts(archive)
                return _Facts(active, parts, shared_string_lengths(archive, strings_part, limits))
            if "content.xml" in names:
                scan_ods(archive, limits)
                found = _ACTIVE_ODS.search(archive.read("settings.xml")) if "settings.xml" in names else None
                return _Facts(found.group(1).decode("utf-8", "replace") if found else None)
            if "xl/workbook.bin" in names:
                return _Facts()
    except _ZIP_ERRORS as exc:
        raise unreadable_workbook(path, str(exc)) from None
    raise unreadable_workbook(path)


def _xlsx_facts(archive: zipfile.ZipFile) -> tuple[str | None, dict[str, str], str | None]:
    book = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    sheets = [(s.get("name", ""), s.get(_REL, "")) for s in book.iter(f"{_MAIN}sheet")]
    view = book.find(f"{_MAIN}bookViews/{_MAIN}workbookView")
    active_tab = int(view.get("activeTab", "0")) if view is not None else 0
    active = sheets[active_tab][0] if 0 <= active_tab < len(sheets) else None
    parts: dict[str, str] = {}
    strings = _DEFAULT_STRINGS if _DEFAULT_STRINGS in archive.namelist() else None
    if "xl/_rels/workbook.xml.rels" in archive.namelist():
        rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
        targets = {r.get("Id", ""): _part(r.get("Target", "")) for r in rels}
        for name, rel in sheets:
            parts[name] = targets.get(rel, "xl/")
        strings = next(
            (_part(r.get("Target", "")) for r in rels if r.get("Type", "").endswith("/sharedStrings")), strings
        )
    return active, parts, strings


def _part(target: str) -> str:
    target = target.lstrip("/")
    return target if target.startswith("xl/") else f"xl/{target}"


def cells_without_value(path: Path, part: str) -> tuple[list[str], list[str]]:
    """Formula cells never calculated, and error cells (``#DIV/0!``), of one xlsx sheet; calamine reads both
    as empty. The sheet is streamed, and only parsed when its text holds a formula or an error at all."""
    with zipfile.ZipFile(path) as archive:
        if part not in archive.namelist():
            return [], []
        with archive.open(part) as handle:
            chunks = iter(lambda: handle.read(1 << 20), b"")
            if not any(b"<f" in chunk or b't="e"' in chunk for chunk in chunks):
                return [], []
        formulas: list[str] = []
        errors: list[str] = []
        with archive.open(part) as handle:
            for _event, element in ElementTree.iterparse(handle):
                if element.tag == f"{_MAIN}c":
                    value = element.find(f"{_MAIN}v")
                    text = (value.text or "") if value is not None else ""
                    if element.get("t") == "e":
                        errors.append(f"{element.get('r', '?')} ({text})")
                    elif element.find(f"{_MAIN}f") is not None and not text:
                        formulas.append(element.get("r", "?"))
                    element.clear()
        return formulas, errors


def _check_sheet(path: Path, name: str, facts: _Facts, limits: Limits) -> None:
    """The chosen xlsx sheet's grid, cells and text, measured in its XML before calamine builds it."""
    if name not in facts.parts:
        return  # xlsb, xls, ods: no sheet XML to measure (ods was measured whole before opening)
    try:
        with zipfile.ZipFile(path) as archive:
            scan_xlsx_sheet(archive, name, facts.parts[name], facts.strings, limits)
    except _ZIP_ERRORS as exc:
        raise unreadable_workbook(path, str(exc)) from None


def _check_values(path: Path, name: str, part: str) -> None:
    formulas, errors = cells_without_value(path, part)
    if formulas:
        raise UnreadableFileError(
            f"sheet '{name}': cells {shortened(formulas, MAX_CELLS_NAMED)} hold formulas without a calculated"
            " value; open and save the file in Excel first"
        )
    if errors:
        raise UnreadableFileError(
            f"sheet '{name}': cells {shortened(errors, MAX_CELLS_NAMED)} hold Excel errors instead of values"
        )


def _choose_sheet(metadata: Sequence[object], wanted: str | None, active: str | None) -> str:
    visible = [m.name for m in metadata if _is_visible(m) and _is_worksheet(m)]  # type: ignore[attr-defined]
    every = [m.name for m in metadata]  # type: ignore[attr-defined]
    if wanted is not None:
        if wanted not in every:
            raise UnreadableFileError(f"no sheet '{wanted}' in the workbook (sheets: {shortened(every)})")
        return wanted
    if active in visible:
        return str(active)
    if not visible:
        raise UnreadableFileError("the workbook has no visible sheet; name one with --sheet")
    return str(visible[0])


def _is_visible(meta: object) -> bool:
    return str(getattr(meta, "visible", "")).endswith("Visible")


def _is_worksheet(meta: object) -> bool:
    return str(getattr(meta, "typ", "")).endswith("WorkSheet")


def _cell(value: object, where: tuple[int, int], limits: Limits) -> Cell:
    if isinstance(value, str):
        if len(value) > limits.cell_chars:
            check_cell(value, f"row {where[0]}, column {where[1]}", limits)
        return value if value else None
    if isinstance(value, bool):
        return "WAAR" if value else "ONWAAR"
    if isinstance(value, int | float | date):
        return value  # a datetime stays one: its time part is checked where dates are parsed
    if isinstance(value, time | timedelta):
        return str(value)
    return None if value is None else str(value)


def read_workbook(path: Path, kind: str, sheet: str | None, limits: Limits = LIMITS) -> Table:
    """The cells of the active visible sheet (or the named one, hidden or not), every real cell included."""
    facts = _archive_facts(path, limits) if kind == "zip" else _Facts()
    if kind == "ole" and (size := path.stat().st_size) > limits.xls_bytes:
        raise LimitExceededError(
            f"the legacy Excel file is {size / MB:,.0f} MB; the import reads at most {limits.xls_bytes / MB:,.0f} MB"
            " of .xls (save it as .xlsx)"
        )
    from python_calamine import CalamineWorkbook  # imported here: only workbooks need it

    try:
        workbook = CalamineWorkbook.from_path(str(path))
    except Exception as exc:  # calamine raises its own error kinds (and ValueError, OSError) for damaged files
        raise unreadable_workbook(path, str(exc) if "password" in str(exc).lower() else "") from None
    try:
        name = _choose_sheet(workbook.sheets_metadata, sheet, facts.active)
        _check_sheet(path, name, facts, limits)
        try:
            data = workbook.get_sheet_by_name(name)
        except Exception as exc:  # a damaged sheet part
            raise unreadable_workbook(path, str(exc)[:60]) from None
        end = data.end or (0, 0)
        check_shape(end[0] + 1, end[1] + 1, limits)
        if name in facts.parts:
            _check_values(path, name, facts.parts[name])
        rows = [
            _trim([_cell(v, (r, c), limits) for c, v in enumerate(row, start=1)])
            for r, row in enumerate(data.to_python(skip_empty_area=False), start=1)
        ]
        return Table(rows, None, None, name, tuple(m.name for m in workbook.sheets_metadata))
    finally:
        workbook.close()


def _trim(row: list[Cell]) -> list[Cell]:
    while row and (row[-1] is None or (isinstance(row[-1], str) and not row[-1].strip())):
        row.pop()
    return row
