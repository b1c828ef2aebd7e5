"""What a workbook sheet will cost calamine, measured in its XML before calamine reads it.

calamine builds a dense grid from the first to the last cell of a sheet (one stray cell at XFD1048576 asks for
549 GB and aborts the process), copies a shared string into every cell that refers to it, and multiplies out
the repeats of an ODS file. None of that shows in the size of the file, so the sheet's XML is streamed here, in
chunks and without building a tree, and its extent, its cells and its expanded text are counted; the caller
refuses the file (:func:`check_extent`) before calamine allocates anything.

xlsx: regular expressions count whole chunks at once (a Python loop per cell would take seconds on a large
sheet); a chunk they cannot account for exactly (cells without an ``r`` reference, odd attribute layouts) is
walked tag by tag instead. ods: tag by tag, honouring ``number-rows-repeated`` and ``number-columns-repeated``.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import IO

from sew_desktop.services.imports.errors import LimitExceededError
from sew_desktop.services.imports.limits import MB, Limits

CHUNK = 1 << 20
# One element (a cell, a shared string, a tag) larger than this is no spreadsheet an import reads; the bound
# also keeps the carried-over tail of a chunk small.
MAX_ELEMENT = 1 * MB

_ATTRS = rb"""(?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*"""
_TAG = re.compile(rb"<(/?)(?:[\w.-]+:)?([\w.-]+)(" + _ATTRS + rb")\s*(/?)>")
_ATTR = re.compile(rb"""([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_CELL_START = re.compile(rb"<(?:\w+:)?c[\s/>]")
_CELL_WITH_R = re.compile(rb"<(?:\w+:)?c" + _ATTRS + rb"""?\s+r\s*=\s*["']""")
_ANY_R = re.compile(rb"""\sr\s*=\s*["']([A-Za-z]+)([0-9]+)["']""")
_ROW_START = re.compile(rb"<(?:\w+:)?row[\s/>]")
_ROW_R = re.compile(rb"<(?:\w+:)?row" + _ATTRS + rb"""?\s+r\s*=\s*["']([0-9]+)["']""")
_S_CELL = re.compile(rb"<(?:\w+:)?c" + _ATTRS + rb"""?\s+t\s*=\s*["']s["']""")
_S_VALUE = re.compile(
    rb"<(?:\w+:)?c" + _ATTRS + rb"""?\s+t\s*=\s*["']s["']""" + _ATTRS + rb"\s*>\s*<(?:\w+:)?v\s*>\s*([0-9]+)\s*<"
)
_CELL_END = re.compile(rb"</(?:\w+:)?c\s*>")
_CELL_OPEN = re.compile(rb"<(?:\w+:)?c" + _ATTRS + rb"\s*(/?)>")
_TEXT_RUN = re.compile(rb">([^<]+)")  # character data (with whitespace between tags: a few bytes too many)
_PLAIN_REF = re.compile(rb'<c r="([A-Z]+)([0-9]+)"')
_PLAIN_SHARED = re.compile(rb't="s"[^>]*><v>([0-9]+)</v>')
_NOT_PLAIN = (b":c", b":row", b"r =", b"r\t", b"r\n", b"r\r", b"'s'")
_CDATA = re.compile(rb"<!\[CDATA\[(.*?)\]\]>", re.DOTALL)
_SI = re.compile(rb"<(?:\w+:)?si(?:\s[^>]*)?(?:/>|>(.*?)</(?:\w+:)?si\s*>)", re.DOTALL)
_MARKUP = re.compile(rb"<[^>]*>")
_A1 = re.compile(rb"([A-Za-z]+)([0-9]+)")


class ScanError(ValueError):
    """The XML is not what a spreadsheet holds (the caller reports the file as unreadable)."""


@dataclass(slots=True)
class Extent:
    """What one sheet expands to: its last row and column (1-based), its cells and its text in bytes."""

    name: str
    rows: int = 0
    columns: int = 0
    cells: int = 0
    text: int = 0

    def reach(self, row: int, column: int) -> None:
        self.rows, self.columns = max(self.rows, row), max(self.columns, column)


def column_letters(number: int) -> str:
    """1 → A, 16384 → XFD."""
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _column_number(letters: bytes) -> int:
    number = 0
    for char in letters.upper():
        number = number * 26 + char - 64
    return number


def check_extent(extent: Extent, limits: Limits) -> None:
    """Refuse a sheet whose grid, cells or text are over the limits (what calamine would allocate). The grid
    counts from A1: the rows are handed to Python padded from there."""
    sheet = f"sheet '{extent.name}'"
    most = f"the import reads at most {limits.workbook_cells:,}"
    if extent.rows > limits.rows:
        raise LimitExceededError(
            f"{sheet} has cells down to row {extent.rows:,}; the import reads at most {limits.rows:,} rows"
        )
    if extent.columns > limits.columns:
        raise LimitExceededError(
            f"{sheet} has cells out to column {column_letters(extent.columns)} ({extent.columns:,} columns);"
            f" the import reads at most {limits.columns:,} columns"
        )
    if extent.cells > limits.workbook_cells:
        raise LimitExceededError(f"{sheet} holds more than {limits.workbook_cells:,} cells; {most} (split the file)")
    if extent.rows * extent.columns > limits.workbook_cells:
        corner = f"{column_letters(extent.columns)}{extent.rows}"
        raise LimitExceededError(
            f"{sheet} spans {extent.rows:,} rows × {extent.columns:,} columns (A1 to {corner}) or more,"
            f" more than {limits.workbook_cells:,} cells; {most} (split the file or delete cells far from the table)"
        )
    check_text(sheet, extent.text, limits)


def check_text(what: str, size: int, limits: Limits) -> None:
    """Refuse more text than the limit, counted with every repeat and shared string written out."""
    if size > limits.workbook_text:
        most = f"{limits.workbook_text / MB:,.0f} MB"
        raise LimitExceededError(
            f"{what} holds more than {most} of text once its repeated and shared texts are written out;"
            f" the import reads at most {most}"
        )


def _chunks(handle: IO[bytes], cut: Callable[[bytes], int]) -> Iterator[bytes]:
    """The stream in pieces that end where ``cut`` says (the rest is carried over), the last piece whole."""
    tail = b""
    while chunk := handle.read(CHUNK):
        data = tail + chunk
        end = cut(data)
        if end == 0 and len(data) > MAX_ELEMENT:
            raise LimitExceededError(
                f"the workbook holds one element larger than {MAX_ELEMENT / MB:,.0f} MB;"
                " the import reads cells of at most a few thousand characters"
            )
        tail = data[end:]
        if end:
            yield data[:end]
    if tail:
        yield tail


def _after_last_tag(data: bytes) -> int:
    """Where to cut so no tag is split: before the last ``<`` unless the tag it opens is complete."""
    start = data.rfind(b"<")
    if start < 0 or _TAG.match(data, start) or (data.startswith(b"<!", start) and data.endswith(b">")):
        return len(data)
    return start


# -- shared strings ---------------------------------------------------------------------------------------


def shared_string_lengths(archive: zipfile.ZipFile, part: str | None, limits: Limits) -> list[int]:
    """The length in bytes of each shared string's text (in order), streamed; refused when the table itself is
    over the limits, since calamine loads it whole when it opens the workbook."""
    if part is None or part not in archive.namelist():
        return []
    lengths: list[int] = []
    with archive.open(part) as handle:
        for block in _chunks(handle, _after_last_string):
            lengths.extend(_string_length(body) for body in _SI.findall(block))
            if len(lengths) > limits.workbook_cells:
                raise LimitExceededError(
                    f"the workbook's shared-string table holds more than {limits.workbook_cells:,} texts;"
                    f" the import reads at most {limits.workbook_cells:,}"
                )
    check_text("the workbook's shared-string table", sum(lengths), limits)
    return lengths


def _after_last_string(data: bytes) -> int:
    found = _last_match(_SI, data, 0)
    return found.end() if found is not None else 0


def _string_length(body: bytes) -> int:
    if body.count(b"<") <= 2:  # a plain <t>…</t>: its markup is a few bytes, not worth a second pass
        return len(body)
    return len(body) - sum(map(len, _MARKUP.findall(body)))


# -- xlsx sheets --------------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Position:
    """Where the walk is: calamine places a cell without ``r`` after the previous one, a row without ``r``
    after the previous row."""

    row: int = 0
    column: int = 0
    in_shared: bool = False


@dataclass(slots=True)
class _XlsxScan:
    extent: Extent
    strings: list[int]
    limits: Limits
    position: _Position = field(default_factory=_Position)

    def block(self, data: bytes) -> None:
        if not (_plain(data) and self._plain(data)):
            self._general(data)
        self.extent.text += sum(map(len, _TEXT_RUN.findall(data)))
        if b"<![CDATA[" in data:
            self.extent.text += sum(map(len, _CDATA.findall(data)))
        check_extent(self.extent, self.limits)  # after every chunk: a sheet over a limit is refused early

    def _plain(self, data: bytes) -> bool:
        """The layout Excel, LibreOffice and the Python writers use, counted with literal searches; False (and
        nothing counted) when a shared-string cell is written otherwise."""
        shared = _PLAIN_SHARED.findall(data) if b'"s"' in data else []
        if len(shared) != data.count(b'"s"'):
            return False
        self.extent.cells += data.count(b"<c")
        self._counted(_PLAIN_REF.findall(data), [], shared)
        if (row := data.rfind(b'<row r="')) >= 0 and (end := data.find(b'"', row + 8)) > 0:
            self.position.row = int(data[row + 8 : end] or b"0") if data[row + 8 : end].isdigit() else 0
        return True

    def _general(self, data: bytes) -> None:
        """Any layout XML allows: prefixed names, single quotes, attributes in any order, repeated ones."""
        cells = len(_CELL_START.findall(data))
        refs = _ANY_R.findall(data)
        rows = _ROW_R.findall(data)
        shared = _S_VALUE.findall(data)
        exact = (
            len(_CELL_WITH_R.findall(data)) == cells <= len(refs)
            and len(_ROW_START.findall(data)) == len(rows)
            and len(_S_CELL.findall(data)) == len(shared)
        )
        if exact:
            self._counted(refs, rows, shared)
        else:
            self._walked(data)
        self.extent.cells += cells

    def _counted(self, refs: list[tuple[bytes, bytes]], rows: list[bytes], shared: list[bytes]) -> None:
        if refs:
            letters = {letter for letter, _ in refs}
            self.extent.reach(max(int(number) for _, number in refs), max(map(_column_number, letters)))
            self.position.column = _column_number(refs[-1][0])
        if rows:
            self.position.row = int(rows[-1])
        self.extent.text += self._shared(shared)

    def _shared(self, indexes: list[bytes]) -> int:
        try:
            return sum(self.strings[int(index)] for index in indexes)
        except IndexError:
            raise ScanError("a cell refers to a shared string that does not exist") from None

    def _walked(self, data: bytes) -> None:
        """Tag by tag, for a chunk the counts above cannot account for."""
        where = self.position
        for tag in _TAG.finditer(data):
            closing, name, attributes = tag.group(1), tag.group(2), tag.group(3)
            if closing:
                continue
            if name == b"row":
                value = _attribute(attributes, b"r")
                where.row, where.column = (int(value) if value and value.isdigit() else where.row + 1), 0
            elif name == b"c":
                where.in_shared = _attribute(attributes, b"t") == b"s"
                self._place(_all_attributes(attributes, b"r"))
            elif name == b"v" and where.in_shared:
                where.in_shared = False
                index = data[tag.end() : data.find(b"<", tag.end())].strip()
                if not index.isdigit():
                    raise ScanError("a shared-string cell holds no index")
                self.extent.text += self._shared([index])

    def _place(self, references: list[bytes]) -> None:
        where = self.position
        if not references:
            where.column += 1
            self.extent.reach(where.row, where.column)
        for reference in references:  # a repeated attribute: calamine may take any of them
            found = _A1.fullmatch(reference.strip())
            if found is None:
                raise ScanError(f"a cell has no readable reference ({reference[:20]!r})")
            where.column = _column_number(found.group(1))
            self.extent.reach(int(found.group(2)), where.column)


def _plain(data: bytes) -> bool:
    """Every cell and row tag starts with a double-quoted ``r``, there is no other ``r`` attribute and no
    namespace prefix: then literal counts are exact (a chunk that is not plain is read more carefully)."""
    cells, rows = data.count(b"<c"), data.count(b"<row")
    return (
        cells == data.count(b'<c r="')
        and rows == data.count(b'<row r="')
        and data.count(b"r=") == cells + rows
        and not any(odd in data for odd in _NOT_PLAIN)
    )


def _attribute(attributes: bytes, name: bytes) -> bytes | None:
    values = _all_attributes(attributes, name)
    return values[-1] if values else None


def _all_attributes(attributes: bytes, name: bytes) -> list[bytes]:
    return [
        found.group(2) if found.group(2) is not None else found.group(3)
        for found in _ATTR.finditer(attributes)
        if found.group(1) == name
    ]


def _last_match(pattern: re.Pattern[bytes], data: bytes, start: int) -> re.Match[bytes] | None:
    found = None
    for found in pattern.finditer(data, start):  # noqa: B007 (the loop is run for its last value)
        pass
    return found


def _after_last_cell(data: bytes) -> int:
    """Cut before the last cell (so a cell and its value stay together); a chunk that starts with the only
    cell in it is cut after that cell once it is complete, and without cells after its last whole tag."""
    last = _last_match(_CELL_START, data, max(0, len(data) - 65536))
    if last is None and len(data) > 65536:
        last = _last_match(_CELL_START, data, 0)
    if last is None:
        return _after_last_tag(data)
    if last.start() > 0:
        return last.start()
    opening = _CELL_OPEN.match(data)
    if opening is not None and opening.group(1):
        return opening.end()
    closing = _CELL_END.search(data)
    return closing.end() if closing is not None else 0


def scan_xlsx_sheet(archive: zipfile.ZipFile, name: str, part: str, strings: list[int], limits: Limits) -> Extent:
    """The extent of one xlsx sheet part; refused (LimitExceededError) as soon as it is over a limit."""
    scan = _XlsxScan(Extent(name), strings, limits)
    with archive.open(part) as handle:
        for block in _chunks(handle, _after_last_cell):
            scan.block(block)
    return scan.extent


# -- ods ----------------------------------------------------------------------------------------------------


@dataclass(slots=True)
class _OdsScan:
    """The tables of content.xml, repeats multiplied out. Only cells with content count: LibreOffice ends
    rows with ``number-columns-repeated="1024"`` empty cells and sheets with a million empty rows."""

    limits: Limits
    tables: list[Extent] = field(default_factory=list)
    row: int = 0
    row_repeat: int = 1
    column: int = 0
    row_cells: int = 0
    row_text: int = 0
    row_last: int = 0
    cell: tuple[int, bool] | None = None  # (columns repeated, has a value type) of the open cell
    cell_text: int = 0
    cell_children: bool = False
    text_from: int = 0

    def block(self, data: bytes) -> None:
        self.text_from = 0
        for tag in _TAG.finditer(data):
            if self.cell is not None:
                self.cell_text += tag.start() - self.text_from
            self.text_from = tag.end()
            self._tag(tag.group(1) == b"/", tag.group(2), tag.group(3), tag.group(4) == b"/")
        if self.cell is not None:
            self.cell_text += len(data) - self.text_from
        for table in self.tables:
            check_extent(table, self.limits)
        self._check_together()

    def _check_together(self) -> None:
        """calamine expands every table when it opens the file: together they must fit as well."""
        if (cells := sum(t.cells for t in self.tables)) > self.limits.workbook_cells:
            raise LimitExceededError(
                f"the workbook's sheets hold {cells:,} cells together or more; the import reads at most"
                f" {self.limits.workbook_cells:,}"
            )
        check_text("the workbook's sheets together", sum(t.text for t in self.tables), self.limits)

    def _tag(self, closing: bool, name: bytes, attributes: bytes, empty: bool) -> None:
        if name == b"table" and not closing:
            self.tables.append(Extent((_attribute(attributes, b"table:name") or b"").decode("utf-8", "replace")))
            self.row = 0
        elif name == b"table-row":
            if not closing:
                self.row_repeat = _repeat(attributes, b"table:number-rows-repeated")
                self.column = self.row_cells = self.row_text = self.row_last = 0
            if closing or empty:
                self._end_row()
        elif name in (b"table-cell", b"covered-table-cell"):
            if not closing:
                self.cell = (_repeat(attributes, b"table:number-columns-repeated"), b"office:value-type" in attributes)
                self.cell_text, self.cell_children = 0, False
            if closing or empty:
                self._end_cell()
        elif self.cell is not None and not closing:
            self.cell_children = True

    def _end_cell(self) -> None:
        if self.cell is None:
            return
        repeat, typed = self.cell
        if typed or self.cell_children or self.cell_text:
            self.row_cells += repeat
            self.row_text += repeat * self.cell_text
            self.row_last = self.column + repeat
        self.column += repeat
        self.cell = None

    def _end_row(self) -> None:
        self._end_cell()
        if self.tables and self.row_cells:
            table = self.tables[-1]
            table.cells += self.row_repeat * self.row_cells
            table.text += self.row_repeat * self.row_text
            table.reach(self.row + self.row_repeat, self.row_last)
        self.row += self.row_repeat
        self.row_repeat = 1
        self.row_cells = 0


def _repeat(attributes: bytes, name: bytes) -> int:
    value = _attribute(attributes, name)
    if value is None:
        return 1
    if not value.strip().isdigit():
        raise ScanError(f"a repeat count is not a number ({value[:20]!r})")
    return max(int(value), 1)


def scan_ods(archive: zipfile.ZipFile, limits: Limits) -> list[Extent]:
    """The extent of every table of an ODS file; refused as soon as one, or all together, is over a limit."""
    scan = _OdsScan(limits)
    with archive.open("content.xml") as handle:
        for block in _chunks(handle, _after_last_tag):
            scan.block(block)
    return scan.tables
