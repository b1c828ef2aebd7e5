"""A row's cells by role, read into what they mean — the collaboration's name, the member municipalities, the
decision, the date, the lead — or into errors naming the row, the column and the reason.

Files repeat the same few values thousands of times (per municipality): each distinct member cell and each distinct
combination of decision, date and lead is read once and remembered.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import NamedTuple

from sew_desktop.domain.days import TypedDateError
from sew_desktop.domain.decisions import Outcome, parse_outcome
from sew_desktop.domain.names import split_members
from sew_desktop.services.imports.matching import MunicipalityMatcher
from sew_desktop.services.imports.model import Cell, Columns, ErrorCode, Role, RowError
from sew_desktop.services.imports.values import parse_date

VALUE_ROLES = (Role.DECISION, Role.DATE, Role.LEAD)  # the order of the fields of Values
PLAUSIBLE_YEARS = (2000, 2100)  # of a decision date; outside is a typing error (a date outside the call: a warning)
_CLEAN_LIMIT = 65_536  # distinct member cells remembered (a file has a few hundred; the bound keeps memory flat)

Problem = tuple[str, ErrorCode]  # a part of a member cell and why it matches no municipality
Matched = tuple[list[str], list[Problem]]  # the NIS codes a member cell names, and its parts that name none


class Values(NamedTuple):
    """What a row says of its collaboration's decision; ``None`` where a cell is blank or does not read."""

    outcome: Outcome | None
    day: date | None
    lead: str | None


def cell_text(cell: Cell) -> str:
    """A cell as stripped text (a whole float without its ".0")."""
    if type(cell) is str:
        return cell.strip()
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell).strip()


def at_row(error: RowError, number: int) -> RowError:
    """The same error on another row."""
    return RowError(number, error.column, error.value, error.code, error.suggestions, error.suggested_nis,
                    error.details)


class RowCells:
    """Reads the cells of a row by role; errors go to the list each reader is given, naming row and column."""

    def __init__(self, columns: Columns, matcher: MunicipalityMatcher) -> None:
        self.columns = columns
        self.matcher = matcher
        self.index = {role: columns.roles.get(role) for role in Role}
        self._matched: dict[tuple[Role, str], Matched] = {}
        self._values: dict[tuple[Cell, ...], tuple[Values, list[RowError]]] = {}
        # Member cells (by name; a NIS column is read per row) that matched without a problem, by the cell as
        # typed: a repeated row looks its members up here without reading them (see rows.py).
        self.clean_members: dict[Cell, list[str]] = {}

    def cell(self, row: Sequence[Cell], role: Role) -> Cell:
        """The cell of ``role``; ``None`` when the file has no such column or the row ends before it."""
        index = self.index[role]
        return row[index] if index is not None and index < len(row) else None

    def error(self, number: int, role: Role, value: Cell, code: ErrorCode, nis: Sequence[str] = ()) -> RowError:
        """An error in the column of ``role`` on row ``number``, with the municipalities it suggests."""
        header = self.columns.headers[self.columns.roles[role]]
        names = tuple(self.matcher.name(n) for n in nis)
        text = cell_text(value) if not isinstance(value, str) else value
        return RowError(number, header, text, code, names, tuple(nis))

    # The collaboration

    def collaboration(self, number: int, row: Sequence[Cell], errors: list[RowError]) -> str:
        """The collaboration's name, its spacing tidied; blank is an error."""
        name = " ".join(cell_text(self.cell(row, Role.COLLABORATION)).split())
        if not name:
            errors.append(self.error(number, Role.COLLABORATION, "", ErrorCode.NO_COLLABORATION))
        return name

    # The members

    def members(self, number: int, row: Sequence[Cell], errors: list[RowError]) -> list[str]:
        """The NIS codes of the municipalities a row names: by NIS code where the row has one, else by name."""
        has_code = self.index[Role.NIS] is not None and cell_text(self.cell(row, Role.NIS))
        role = Role.NIS if has_code else Role.MUNICIPALITY
        raw = self.cell(row, role)
        key = (role, cell_text(raw))
        found, problems = self._matched.get(key) or self._match(key)
        if problems:
            errors.extend(self._member_error(number, role, part, code) for part, code in problems)
        elif role is Role.NIS:
            self._check_name_agrees(number, row, found, errors)
        elif type(raw) is str and len(self.clean_members) < _CLEAN_LIMIT:
            self.clean_members[raw] = found
        return found

    def _match(self, key: tuple[Role, str]) -> Matched:
        """Each part of a member cell matched to a NIS code; remembered for the rows that repeat the cell."""
        matched = self._matched[key] = self._match_parts(*key)
        return matched

    def _match_parts(self, role: Role, text: str) -> Matched:
        parts = split_members(text)
        problems: list[Problem] = [] if parts else [("", ErrorCode.NO_MUNICIPALITY)]
        unknown = ErrorCode.UNKNOWN_NIS if role is Role.NIS else ErrorCode.UNKNOWN_MUNICIPALITY
        found: list[str] = []
        for part in parts:
            nis = self.matcher.match(part)
            if nis is not None:
                found.append(nis)
            else:
                problems.append((part, unknown))
        return found, problems

    def _member_error(self, number: int, role: Role, part: str, code: ErrorCode) -> RowError:
        if code is ErrorCode.NO_MUNICIPALITY:  # blank: blame the name column when there is one
            fallback = Role.MUNICIPALITY if Role.MUNICIPALITY in self.columns.roles else Role.NIS
            return self.error(number, fallback, "", code)
        if code is ErrorCode.UNKNOWN_NIS:  # a code has no look-alikes worth suggesting
            return self.error(number, role, part, code)
        return self.error(number, role, part, code, self.matcher.suggest(part))

    def _check_name_agrees(self, number: int, row: Sequence[Cell], codes: list[str], errors: list[RowError]) -> None:
        """With a NIS code and a name on the row, the code is used; a name that is another municipality means one
        of the two is wrong (a name that matches nothing is only another spelling: the code decides)."""
        if self.index[Role.MUNICIPALITY] is None:
            return
        text = cell_text(self.cell(row, Role.MUNICIPALITY))
        if not text:
            return
        key = (Role.MUNICIPALITY, text)
        named, problems = self._matched.get(key) or self._match(key)
        if not problems and set(named) != set(codes):
            shown = f"{text} ≠ {', '.join(codes)}"
            errors.append(self.error(number, Role.MUNICIPALITY, shown, ErrorCode.NAME_AND_NIS_DIFFER))

    # The decision, the date and the lead

    def values(self, number: int, row: Sequence[Cell], errors: list[RowError]) -> Values:
        """The decision, date and lead of a row (memoised per distinct combination of the three cells)."""
        key = tuple(self.cell(row, role) for role in VALUE_ROLES)
        known = self._values.get(key)
        if known is None:
            problems: list[RowError] = []  # on row 0: each row that repeats the cells gets its own copy
            known = self._values[key] = (self._read_values(row, problems), problems)
        values, problems = known
        errors.extend(at_row(e, number) for e in problems)
        return values

    def _read_values(self, row: Sequence[Cell], errors: list[RowError]) -> Values:
        return Values(self._outcome(row, errors), self._date(row, errors), self._lead(row, errors))

    def _outcome(self, row: Sequence[Cell], errors: list[RowError]) -> Outcome | None:
        """The decision; blank states none (``None``), a word it does not know is an error."""
        raw = cell_text(self.cell(row, Role.DECISION))
        outcome = parse_outcome(raw)
        if outcome is None:
            errors.append(self.error(0, Role.DECISION, raw, ErrorCode.BAD_DECISION))
        return outcome if raw else None

    def _date(self, row: Sequence[Cell], errors: list[RowError]) -> date | None:
        """The decision date: a day that exists, in a plausible year."""
        cell = self.cell(row, Role.DATE)
        try:
            day = parse_date(cell)
        except TypedDateError as error:  # "31/02/2023" has the form of a date, but that day does not exist
            errors.append(
                self.error(0, Role.DATE, cell, ErrorCode.NO_SUCH_DAY if error.no_such_day else ErrorCode.BAD_DATE)
            )
            return None
        except ValueError:
            errors.append(self.error(0, Role.DATE, cell, ErrorCode.BAD_DATE))
            return None
        if day is not None and not PLAUSIBLE_YEARS[0] <= day.year <= PLAUSIBLE_YEARS[1]:
            errors.append(self.error(0, Role.DATE, cell, ErrorCode.IMPLAUSIBLE_YEAR))  # "1/1/0023"
            return None
        return day

    def _lead(self, row: Sequence[Cell], errors: list[RowError]) -> str | None:
        """The lead municipality's NIS code; a name that matches none is an error with suggestions."""
        lead = cell_text(self.cell(row, Role.LEAD))
        if not lead:
            return None
        nis = self.matcher.match(lead)
        if nis is None:
            errors.append(self.error(0, Role.LEAD, lead, ErrorCode.UNKNOWN_MUNICIPALITY, self.matcher.suggest(lead)))
        return nis
