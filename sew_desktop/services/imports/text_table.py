"""CSV files: encoding, hint lines and dialect found once, then the rows streamed from disk (never all in memory).

The dialect (delimiter, quote, escape character) comes from clevercsv's detector; what it does not know stays
ours: a ``sep=;`` line (Excel's hint), comment lines starting with ``#`` before the header, title blocks above
the header (the header search skips them), and a quote that never closes, which is an error naming its line.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from sew_desktop.services.imports import encoding as encodings
from sew_desktop.services.imports.errors import LimitExceededError, UnreadableFileError
from sew_desktop.services.imports.limits import LIMITS, Limits, check_shape
from sew_desktop.services.imports.model import Cell

DELIMITERS = (";", ",", "\t", "|")
_CHUNK = 1 << 20
_SAMPLE_CHARS = 64_000
_SAMPLE_LINES = 200


@dataclass(frozen=True, slots=True)
class Scan:
    """One pass over the bytes: their hash, whether they are UTF-8, the first megabyte."""

    sha256: str
    utf8: bool
    head: bytes


def scan(path: Path) -> Scan:
    """Hash the file and check it is UTF-8, in chunks."""
    digest = hashlib.sha256()
    decoder = codecs.getincrementaldecoder("utf-8")()
    utf8, head = True, b""
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
            if not head:
                head = chunk
            if utf8:
                try:
                    decoder.decode(chunk)
                except UnicodeDecodeError:
                    utf8 = False
    if utf8:
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            utf8 = False
    return Scan(digest.hexdigest(), utf8, head)


def choose_encoding(found: Scan, given: str | None) -> encodings.DetectedEncoding:
    """The user's encoding, else the BOM's, else UTF-8 when valid (and not UTF-16 in disguise), else detected."""
    if given:
        return encodings.DetectedEncoding(encodings.validate_name(given), 1.0)
    bom = encodings.bom_encoding(found.head[:4])
    if bom:
        return encodings.DetectedEncoding(bom, 1.0)
    if found.utf8 and b"\x00" not in found.head:
        return encodings.DetectedEncoding("utf-8", 1.0)
    return encodings.detect(found.head)


def _hint(line: str) -> str | None:
    text = line.strip().strip('"').lower()
    if text.startswith("sep=") and len(text) == 5:
        return line.strip().strip('"')[4]
    return None


@dataclass(frozen=True, slots=True)
class Dialect:
    """How the rows of a file are written."""

    delimiter: str
    quotechar: str
    escapechar: str | None


def sample_lines(path: Path, encoding: str) -> tuple[list[str], str | None]:
    lines: list[str] = []
    size = 0
    with path.open(encoding=encoding, newline="", errors="strict") as handle:
        for line in _decoded_lines(handle, encoding):
            lines.append(line)
            size += len(line)
            if size > _SAMPLE_CHARS or len(lines) >= _SAMPLE_LINES:
                break
    hint = _hint(lines[0]) if lines else None
    return lines, hint


def _decoded_lines(handle: Iterable[str], encoding: str) -> Iterator[str]:
    number = 0
    try:
        for number, line in enumerate(handle, start=1):  # noqa: B007 - the count names the line that fails
            yield line
    except UnicodeDecodeError:
        raise _not_decodable(encoding, number) from None


def _not_decodable(encoding: str, lines_read: int) -> UnreadableFileError:
    where = f"after line {lines_read}" if lines_read else "at its start"
    return UnreadableFileError(f"the file is not valid {encoding} {where}; choose another encoding")


def _plain_dialect(body: list[str], delimiters: list[str]) -> Dialect | None:
    """The delimiter when the sample is a plain table, else None (clevercsv decides).

    Plain: exactly one delimiter splits every record from the first wide one on into the same width, the lines
    above it (a title block) hold no other delimiter, quotes are standard double quotes without backslashes.
    """
    sample = "".join(body)
    if '\\"' in sample or any(f"{d}'" in sample or f"{d} '" in sample for d in delimiters):
        return None
    found = [d for d in delimiters if _consistent(body, d, [o for o in delimiters if o != d])]
    return Dialect(found[0], '"', None) if len(found) == 1 else None


def _consistent(body: list[str], delimiter: str, others: list[str]) -> bool:
    try:
        records = list(csv.reader(body, delimiter=delimiter, skipinitialspace=True, strict=True))
    except csv.Error:
        return False
    first = next((i for i, r in enumerate(records) if len(r) > 1), None)
    if first is None:
        return False
    if any(o in cell for r in records[:first] for cell in r for o in others):
        return False
    return len({len(r) for r in records[first:] if any(c.strip() for c in r)}) == 1


def detect_dialect(lines: list[str], hint: str | None) -> Dialect:
    """clevercsv's dialect over the sample, without the hint line and comment lines."""
    body = [line for line in lines[1 if hint else 0 :] if not line.lstrip().startswith("#")]
    sample = "".join(body)
    if hint is not None:
        delimiters: list[str] = [hint]
    else:
        delimiters = [d for d in DELIMITERS if d in sample]
    if not delimiters:
        return Dialect(",", '"', None)
    plain = _plain_dialect(body, delimiters)
    if plain is not None:
        return plain
    from clevercsv import Detector  # imported here: 0.3 s to import, only for files that are not plain

    try:
        found = Detector().detect(sample, delimiters=delimiters, verbose=False)
    except Exception:  # clevercsv trips on some bytes (NUL); the most frequent delimiter then decides
        found = None
    if found is None or found.delimiter not in delimiters:
        common = max(delimiters, key=sample.count)
        return Dialect(common, '"', None)
    return Dialect(found.delimiter, found.quotechar or '"', found.escapechar or None)


def _keep_stray_escapes(lines: Iterable[str], escape: str, quote: str) -> Iterator[str]:
    r"""The lines with each escape character that escapes nothing doubled: a file that writes ``\"`` inside
    quotes also has ``Regio\Noord`` outside them, and Python's reader would drop that backslash."""
    stray = re.compile(re.escape(escape) + f"(?![{re.escape(escape + quote)}])")
    doubled = escape * 2
    for line in lines:
        yield stray.sub(lambda _match: doubled, line) if escape in line else line


class CsvRows:
    """The rows of a CSV file, read again from disk on every iteration; trailing empty cells are dropped."""

    def __init__(self, path: Path, encoding: str, dialect: Dialect, hint: bool, limits: Limits = LIMITS) -> None:
        self.path, self.encoding, self.dialect, self.hint, self.limits = path, encoding, dialect, hint, limits

    def __iter__(self) -> Iterator[list[Cell]]:
        previous = csv.field_size_limit(self.limits.cell_chars)  # the longest field csv accepts, exactly
        try:
            with self.path.open(encoding=self.encoding, newline="", errors="strict") as handle:
                lines: Iterable[str] = handle
                if self.dialect.escapechar is not None:
                    lines = _keep_stray_escapes(handle, self.dialect.escapechar, self.dialect.quotechar)
                reader = csv.reader(
                    lines,
                    delimiter=self.dialect.delimiter,
                    quotechar=self.dialect.quotechar,
                    escapechar=self.dialect.escapechar,
                    skipinitialspace=True,
                    strict=True,
                )
                yield from self._rows(reader)
        finally:
            csv.field_size_limit(previous)

    def _rows(self, reader: Iterator[list[str]]) -> Iterator[list[Cell]]:
        """The rows, checked; the hot loop of a 500,000-row file, so the checks are written out inline."""
        rows_limit, columns_limit, number = self.limits.rows, self.limits.columns, 0
        prelude = True
        while True:
            started = reader.line_num + 1  # type: ignore[attr-defined]
            try:
                row: list[Cell] = next(reader)  # type: ignore[arg-type]
            except StopIteration:
                return
            except csv.Error as exc:
                raise self._structure_error(started, str(exc)) from None
            except UnicodeDecodeError:
                raise _not_decodable(self.encoding, started - 1) from None
            number += 1
            if number > rows_limit:
                check_shape(number, 0, self.limits)
            if len(row) > columns_limit:
                check_shape(number, len(row), self.limits)
            if reader.line_num > started:  # type: ignore[attr-defined]
                self._check_swallowed(row, started)
            if prelude:
                if (number == 1 and self.hint) or (row and str(row[0]).lstrip().startswith("#")):
                    yield []
                    continue
                prelude = not any(row)
            while row and not str(row[-1]).strip():
                row.pop()
            yield row

    def _check_swallowed(self, row: list[Cell], started: int) -> None:
        """A quoted cell over several lines that holds rows: a quote is missing. Either several of its lines hold
        the delimiter, or it holds about a row's worth of delimiters (a quote that opens on one line and closes
        on the next swallows one row: "Regio A;Aalst;…\nRegio B"); a note with a comma or two is a cell."""
        delimiter = self.dialect.delimiter
        row_worth = max(2, len(row) - 2)
        for cell in row:
            lines = str(cell).splitlines()
            if len(lines) < 2:
                continue
            several = len(lines) > 2 and sum(1 for line in lines if delimiter in line) >= 2
            if several or str(cell).count(delimiter) >= row_worth:
                raise UnreadableFileError(
                    f"line {started}: a quote opens there and only closes on line {started + len(lines) - 1},"
                    " swallowing what lies between; check the quotes on that line"
                )

    def _structure_error(self, started: int, detail: str) -> UnreadableFileError:
        if "field larger than field limit" in detail:
            if self.dialect.quotechar in self._line(started):
                return UnreadableFileError(f"line {started}: a quote opens there and never closes")
            return LimitExceededError(f"line {started}: a cell holds more than {self.limits.cell_chars:,} characters")
        if "unexpected end of data" in detail or "expected after" in detail:
            return UnreadableFileError(f"line {started}: a quote opens there and never closes properly")
        return UnreadableFileError(f"line {started}: not a readable CSV row ({detail})")

    def _line(self, number: int) -> str:
        with self.path.open(encoding=self.encoding, newline="", errors="replace") as handle:
            for current, line in enumerate(handle, start=1):
                if current == number:
                    return line
        return ""
