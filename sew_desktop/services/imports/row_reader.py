"""One collaboration while a file streams by, and the reader that turns a row's cells into its parts.

Repeated values are parsed once: each distinct member cell, each distinct combination of decision, date and lead.
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from operator import itemgetter

from sew_desktop.domain.days import TypedDateError
from sew_desktop.domain.decisions import parse_outcome
from sew_desktop.domain.names import split_members
from sew_desktop.services.imports.matching import MunicipalityMatcher
from sew_desktop.services.imports.model import Cell, Columns, ErrorCode, PlanWarning, Role, RowError, WarningCode
from sew_desktop.services.imports.values import parse_date, time_of

VALUE_ROLES = (Role.DECISION, Role.DATE, Role.LEAD)
ROLE_OF = {"outcome": Role.DECISION, "date": Role.DATE, "lead": Role.LEAD}
PLAUSIBLE_YEARS = (2000, 2100)  # of a decision date; outside is a typing error (a date outside the call: a warning)
_CLEAN_LIMIT = 65_536  # distinct member cells remembered (a file has a few hundred; the bound keeps memory flat)


@dataclass(slots=True)
class CollaborationRows:
    """One collaboration while the rows stream by; kept small, a file may hold 100,000 of them."""

    name: str
    outcome: object = None
    date: object = None
    lead: object = None
    amounts: dict[Cell, array[int]] = field(default_factory=dict)
    members: list[str] = field(default_factory=list)
    first_row: int = 0
    row_count: int = 0  # a count, not the numbers: 100,000 collaborations would hold an array each
    amount: int | None = None


def cell_text(cell: Cell) -> str:
    """A cell as stripped text (a whole float without its ".0")."""
    if type(cell) is str:
        return cell.strip()
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell).strip()


class RowReader:
    """Cells of a row by role, members and values parsed (memoised), errors naming row and column."""

    def __init__(self, columns: Columns, matcher: MunicipalityMatcher) -> None:
        self.columns = columns
        self.matcher = matcher
        self.index = {role: columns.roles.get(role) for role in Role}
        # Files repeat the same few values thousands of times (per municipality): parse each distinct cell once.
        self._values: dict[tuple[Cell, ...], tuple[dict[str, object], list[RowError]]] = {}
        self._members: dict[tuple[Role, str], tuple[list[str], list[tuple[str, ErrorCode]]]] = {}
        self.warnings: dict[str, PlanWarning] = {}
        # A row whose collaboration and values equal an earlier good row only adds its members (per municipality).
        self.seen: dict[tuple[Cell, ...], CollaborationRows] = {}
        # Member cells (by municipality name, no NIS column) that matched without a problem, by the cell as read.
        self.clean_members: dict[Cell, list[str]] = {}
        self._repeat = [i for r in (Role.COLLABORATION, *VALUE_ROLES) if (i := self.index[r]) is not None]
        single = len(self._repeat) == 1  # itemgetter of one index gives the cell, not a tuple
        self._repeat_get = (lambda row: (row[self._repeat[0]],)) if single else itemgetter(*self._repeat)
        self._repeat_end = max(self._repeat) + 1

    def repeated(self, row: Sequence[Cell], amount: Cell) -> tuple[Cell, ...]:
        """The cells a per-municipality file repeats on every member row (collaboration, values, amount)."""
        if len(row) >= self._repeat_end:
            return (*self._repeat_get(row), amount)
        return (*(row[i] if i < len(row) else None for i in self._repeat), amount)

    @property
    def repeat_positions(self) -> list[int]:
        """The columns :meth:`repeated` reads before the amount."""
        return list(self._repeat)

    def cell(self, row: Sequence[Cell], role: Role) -> Cell:
        index = self.index[role]
        return row[index] if index is not None and index < len(row) else None

    def error(self, number: int, role: Role, value: Cell, code: ErrorCode, nis: Sequence[str] = ()) -> RowError:
        header = self.columns.headers[self.columns.roles[role]]
        names = tuple(self.matcher.name(n) for n in nis)
        return RowError(
            number, header, cell_text(value) if not isinstance(value, str) else value, code, names, tuple(nis)
        )

    def members(self, number: int, row: Sequence[Cell], errors: list[RowError]) -> list[str]:
        role = (
            Role.NIS if self.index[Role.NIS] is not None and cell_text(self.cell(row, Role.NIS)) else Role.MUNICIPALITY
        )
        raw = self.cell(row, role)
        text = cell_text(raw)
        known = self._members.get((role, text))
        if known is None:
            known = self._match_members(role, text)
            self._members[(role, text)] = known
        found, problems = known
        if not problems and role is Role.MUNICIPALITY and type(raw) is str and len(self.clean_members) < _CLEAN_LIMIT:
            self.clean_members[raw] = found
        for part, code in problems:
            if code is ErrorCode.NO_MUNICIPALITY:
                fallback = Role.MUNICIPALITY if Role.MUNICIPALITY in self.columns.roles else Role.NIS
                errors.append(self.error(number, fallback, "", code))
            elif code is ErrorCode.UNKNOWN_NIS:
                errors.append(self.error(number, role, part, code))
            else:
                errors.append(self.error(number, role, part, code, self.matcher.suggest(part)))
        if role is Role.NIS and not problems:
            self._check_name_agrees(number, row, found, errors)
        return found

    def _check_name_agrees(self, number: int, row: Sequence[Cell], codes: list[str], errors: list[RowError]) -> None:
        """With a NIS code and a name on the row, the code is used; a name that is another municipality means one
        of the two is wrong (a name that matches nothing is only another spelling: the code decides)."""
        if self.index[Role.MUNICIPALITY] is None:
            return
        text = cell_text(self.cell(row, Role.MUNICIPALITY))
        if not text:
            return
        known = self._members.get((Role.MUNICIPALITY, text))
        if known is None:
            known = self._members[(Role.MUNICIPALITY, text)] = self._match_members(Role.MUNICIPALITY, text)
        named, problems = known
        if not problems and set(named) != set(codes):
            shown = f"{text} ≠ {', '.join(codes)}"
            errors.append(self.error(number, Role.MUNICIPALITY, shown, ErrorCode.NAME_AND_NIS_DIFFER))

    def _match_members(self, role: Role, text: str) -> tuple[list[str], list[tuple[str, ErrorCode]]]:
        parts = split_members(text)
        problems: list[tuple[str, ErrorCode]] = [] if parts else [("", ErrorCode.NO_MUNICIPALITY)]
        found: list[str] = []
        for part in parts:
            nis = self.matcher.match(part)
            if nis is not None:
                found.append(nis)
            else:
                problems.append((part, ErrorCode.UNKNOWN_NIS if role is Role.NIS else ErrorCode.UNKNOWN_MUNICIPALITY))
        return found, problems

    def values(self, number: int, row: Sequence[Cell], errors: list[RowError]) -> dict[str, object]:
        key = tuple(self.cell(row, role) for role in VALUE_ROLES)
        known = self._values.get(key)
        if known is None:
            found: list[RowError] = []
            known = (self._parse_values(row, found), found)
            self._values[key] = known
        values, problems = known
        errors.extend(at_row(e, number) for e in problems)
        return values

    def _parse_values(self, row: Sequence[Cell], errors: list[RowError]) -> dict[str, object]:
        values: dict[str, object] = {}
        raw = cell_text(self.cell(row, Role.DECISION))
        outcome = parse_outcome(raw)
        if outcome is None:
            errors.append(self.error(0, Role.DECISION, raw, ErrorCode.BAD_DECISION))
        values["outcome"] = outcome if raw else None
        cell = self.cell(row, Role.DATE)
        try:
            values["date"] = parse_date(cell)
        except TypedDateError as error:  # "31/02/2023" has the form of a date, but that day does not exist
            errors.append(
                self.error(0, Role.DATE, cell, ErrorCode.NO_SUCH_DAY if error.no_such_day else ErrorCode.BAD_DATE)
            )
            values["date"] = None
        except ValueError:
            errors.append(self.error(0, Role.DATE, cell, ErrorCode.BAD_DATE))
            values["date"] = None
        day = values["date"]
        if isinstance(day, date) and not PLAUSIBLE_YEARS[0] <= day.year <= PLAUSIBLE_YEARS[1]:
            errors.append(self.error(0, Role.DATE, cell, ErrorCode.IMPLAUSIBLE_YEAR))  # "1/1/0023"
            values["date"] = None
        lead = cell_text(self.cell(row, Role.LEAD))
        values["lead"] = self.matcher.match(lead) if lead else None
        if lead and values["lead"] is None:
            errors.append(self.error(0, Role.LEAD, lead, ErrorCode.UNKNOWN_MUNICIPALITY, self.matcher.suggest(lead)))
        return values

    def note_time(self, name: str, number: int, row: Sequence[Cell]) -> None:
        moment = time_of(self.cell(row, Role.DATE))
        if moment is not None and name not in self.warnings:
            self.warnings[name] = PlanWarning(WarningCode.TIME_IGNORED, (name, str(number), moment))


def at_row(error: RowError, number: int) -> RowError:
    """The same error on another row."""
    return RowError(number, error.column, error.value, error.code, error.suggestions, error.suggested_nis)


def merge_values(
    group: CollaborationRows, values: dict[str, object], reader: RowReader, number: int, row: Sequence[Cell]
) -> list[RowError]:
    conflicts = [
        reader.error(number, ROLE_OF[key], cell_text(reader.cell(row, ROLE_OF[key])), ErrorCode.CONFLICT)
        for key, value in values.items()
        if value is not None and getattr(group, key) is not None and getattr(group, key) != value
    ]
    if not conflicts:
        for key, value in values.items():
            if value is not None:
                setattr(group, key, value)
    return conflicts
