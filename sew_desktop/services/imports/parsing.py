"""From cells to decisions: one decision per collaboration, whichever of the two layouts the file uses.

The rows are streamed once. The decimal convention of amounts is a vote over the whole file, so amounts are
kept as typed (each distinct cell once per collaboration) and parsed after the last row.
"""

from __future__ import annotations

from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from operator import itemgetter

from sew_desktop.domain.decisions import Decision, Outcome, parse_outcome
from sew_desktop.domain.names import collaboration_key, split_members
from sew_desktop.services.imports.matching import MunicipalityMatcher
from sew_desktop.services.imports.model import (
    Cell,
    Columns,
    ErrorCode,
    Layout,
    PlanWarning,
    Role,
    RowError,
    WarningCode,
)
from sew_desktop.services.imports.values import (
    AmountTooLargeError,
    decimal_convention_of,
    parse_amount,
    parse_date,
    time_of,
)

Progress = Callable[[int, int], None]
_VALUE_ROLES = (Role.DECISION, Role.DATE, Role.LEAD)
_ROLE_OF = {"outcome": Role.DECISION, "date": Role.DATE, "lead": Role.LEAD}
_PROGRESS_EVERY = 2000
_SEEN_LIMIT = 4096
# Row numbers a decision keeps (nothing reads them yet; the errors carry their own): a bound keeps a 500,000-row
# file from holding half a million more integers.
_ROWS_KEPT = 64


@dataclass(slots=True)
class Parsed:
    """The decisions of a file, the errors of its rows, its layout, row counts and warnings."""

    decisions: list[Decision]
    errors: list[RowError]
    layout: Layout
    rows: int
    skipped: int
    warnings: list[PlanWarning] = field(default_factory=list)


@dataclass(slots=True)
class _Group:
    """One collaboration while the rows stream by; kept small, a file may hold 100,000 of them."""

    name: str
    outcome: object = None
    date: object = None
    lead: object = None
    amounts: dict[Cell, array[int]] = field(default_factory=dict)
    members: list[str] = field(default_factory=list)
    rows: array[int] = field(default_factory=lambda: array("I"))
    amount: int | None = None


def _text(cell: Cell) -> str:
    if type(cell) is str:
        return cell.strip()
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell).strip()


class _RowReader:
    def __init__(self, columns: Columns, matcher: MunicipalityMatcher) -> None:
        self.columns = columns
        self.matcher = matcher
        self.index = {role: columns.roles.get(role) for role in Role}
        # Files repeat the same few values thousands of times (per municipality): parse each distinct cell once.
        self._values: dict[tuple[Cell, ...], tuple[dict[str, object], list[RowError]]] = {}
        self._members: dict[tuple[Role, str], tuple[list[str], list[tuple[str, ErrorCode]]]] = {}
        self.warnings: dict[str, PlanWarning] = {}
        # A row whose collaboration and values equal an earlier good row only adds its members (per municipality).
        self.seen: dict[tuple[Cell, ...], _Group] = {}
        self._repeat = [i for r in (Role.COLLABORATION, *_VALUE_ROLES) if (i := self.index[r]) is not None]
        self._repeat_get = itemgetter(*self._repeat)
        self._repeat_end = max(self._repeat) + 1

    def repeated(self, row: Sequence[Cell], amount: Cell) -> tuple[Cell, ...]:
        """The cells a per-municipality file repeats on every member row (collaboration, values, amount)."""
        if len(row) >= self._repeat_end:
            return (*self._repeat_get(row), amount)
        return (*(row[i] if i < len(row) else None for i in self._repeat), amount)

    def cell(self, row: Sequence[Cell], role: Role) -> Cell:
        index = self.index[role]
        return row[index] if index is not None and index < len(row) else None

    def error(self, number: int, role: Role, value: Cell, code: ErrorCode, nis: Sequence[str] = ()) -> RowError:
        header = self.columns.headers[self.columns.roles[role]]
        names = tuple(self.matcher.name(n) for n in nis)
        return RowError(number, header, _text(value) if not isinstance(value, str) else value, code, names, tuple(nis))

    def members(self, number: int, row: Sequence[Cell], errors: list[RowError]) -> list[str]:
        role = Role.NIS if self.index[Role.NIS] is not None and _text(self.cell(row, Role.NIS)) else Role.MUNICIPALITY
        text = _text(self.cell(row, role))
        known = self._members.get((role, text))
        if known is None:
            known = self._match_members(role, text)
            self._members[(role, text)] = known
        found, problems = known
        for part, code in problems:
            if code is ErrorCode.NO_MUNICIPALITY:
                fallback = Role.MUNICIPALITY if Role.MUNICIPALITY in self.columns.roles else Role.NIS
                errors.append(self.error(number, fallback, "", code))
            elif code is ErrorCode.UNKNOWN_NIS:
                errors.append(self.error(number, role, part, code))
            else:
                errors.append(self.error(number, role, part, code, self.matcher.suggest(part)))
        return found

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
        key = tuple(self.cell(row, role) for role in _VALUE_ROLES)
        known = self._values.get(key)
        if known is None:
            found: list[RowError] = []
            known = (self._parse_values(row, found), found)
            self._values[key] = known
        values, problems = known
        errors.extend(_at(e, number) for e in problems)
        return values

    def _parse_values(self, row: Sequence[Cell], errors: list[RowError]) -> dict[str, object]:
        values: dict[str, object] = {}
        raw = _text(self.cell(row, Role.DECISION))
        outcome = parse_outcome(raw)
        if outcome is None:
            errors.append(self.error(0, Role.DECISION, raw, ErrorCode.BAD_DECISION))
        values["outcome"] = outcome if raw else None
        cell = self.cell(row, Role.DATE)
        try:
            values["date"] = parse_date(cell)
        except ValueError:
            errors.append(self.error(0, Role.DATE, cell, ErrorCode.BAD_DATE))
            values["date"] = None
        lead = _text(self.cell(row, Role.LEAD))
        values["lead"] = self.matcher.match(lead) if lead else None
        if lead and values["lead"] is None:
            errors.append(self.error(0, Role.LEAD, lead, ErrorCode.UNKNOWN_MUNICIPALITY, self.matcher.suggest(lead)))
        return values

    def note_time(self, name: str, number: int, row: Sequence[Cell]) -> None:
        moment = time_of(self.cell(row, Role.DATE))
        if moment is not None and name not in self.warnings:
            self.warnings[name] = PlanWarning(WarningCode.TIME_IGNORED, (name, str(number), moment))


def _at(error: RowError, number: int) -> RowError:
    return RowError(number, error.column, error.value, error.code, error.suggestions, error.suggested_nis)


def _merge(
    group: _Group, values: dict[str, object], reader: _RowReader, number: int, row: Sequence[Cell]
) -> list[RowError]:
    conflicts = [
        reader.error(number, _ROLE_OF[key], _text(reader.cell(row, _ROLE_OF[key])), ErrorCode.CONFLICT)
        for key, value in values.items()
        if value is not None and getattr(group, key) is not None and getattr(group, key) != value
    ]
    if not conflicts:
        for key, value in values.items():
            if value is not None:
                setattr(group, key, value)
    return conflicts


def parse_rows(
    rows: Iterable[Sequence[Cell]],
    columns: Columns,
    matcher: MunicipalityMatcher,
    excluded: frozenset[int] = frozenset(),
    progress: Progress | None = None,
    expected_rows: int = 0,
) -> Parsed:
    """Decisions grouped by collaboration; rows with errors contribute nothing; excluded rows are skipped."""
    reader = _RowReader(columns, matcher)
    groups: dict[str, _Group] = {}
    errors: list[RowError] = []
    votes: Counter[str] = Counter()
    amount_index = columns.roles.get(Role.AMOUNT)
    counted = skipped = 0
    for number, row in enumerate(rows, start=1):
        if number <= columns.header_row + 1 or not row or (not _text(row[-1]) and not any(_text(c) for c in row)):
            continue  # the readers drop trailing empty cells: a row with text mostly ends in it
        counted += 1
        if progress is not None and counted % _PROGRESS_EVERY == 0:
            progress(counted, max(expected_rows, counted))
        if number in excluded:
            skipped += 1
            continue
        amount = row[amount_index] if amount_index is not None and amount_index < len(row) else None
        if isinstance(amount, str):
            votes[amount] += 1
        errors.extend(_read_row(reader, groups, number, row, amount))
    errors.extend(_parse_amounts(groups, reader, decimal_convention_of(votes)))
    errors.sort(key=lambda e: e.row)
    layout = Layout.PER_MUNICIPALITY if any(len(g.rows) > 1 for g in groups.values()) else Layout.PER_COLLABORATION
    decisions = [_decision(key, g, columns.annual) for key, g in groups.items()]
    return Parsed(decisions, errors, layout, counted, skipped, list(reader.warnings.values()))


def _read_row(
    reader: _RowReader, groups: dict[str, _Group], number: int, row: Sequence[Cell], amount: Cell
) -> list[RowError]:
    errors: list[RowError] = []
    repeated = reader.repeated(row, amount)
    group = reader.seen.get(repeated)
    if group is not None:
        members = reader.members(number, row, errors)
        if not errors:
            _add(group, members, number, amount)
        return errors
    name = " ".join(_text(reader.cell(row, Role.COLLABORATION)).split())
    if not name:
        errors.append(reader.error(number, Role.COLLABORATION, "", ErrorCode.NO_COLLABORATION))
    members = reader.members(number, row, errors)
    values = reader.values(number, row, errors)
    if errors:
        return errors
    key = collaboration_key(name)  # once per collaboration: its repeated rows take the path above
    group = groups.get(key)
    if group is None:
        group = groups[key] = _Group(name)
    conflicts = _merge(group, values, reader, number, row)
    if not conflicts:
        _add(group, members, number, amount)
        reader.note_time(name, number, row)
        if len(reader.seen) >= _SEEN_LIMIT:
            reader.seen.clear()  # a shortcut only: forgetting costs speed, never correctness, and bounds memory
        reader.seen[repeated] = group
    return conflicts


def _add(group: _Group, members: list[str], number: int, amount: Cell) -> None:
    known = group.members
    for nis in members:
        if nis not in known:
            known.append(nis)
    group.rows.append(number)
    if _text(amount):
        rows = group.amounts.get(amount)
        if rows is None:
            rows = group.amounts[amount] = array("I")
        rows.append(number)


def _parse_amounts(groups: dict[str, _Group], reader: _RowReader, convention: str) -> list[RowError]:
    errors: list[RowError] = []
    parsed: dict[Cell, int | ErrorCode | None] = {}
    for group in groups.values():
        first: tuple[int, int | None] | None = None
        for cell, numbers in group.amounts.items():
            if cell not in parsed:
                parsed[cell] = _amount(cell, convention)
            value = parsed[cell]
            if isinstance(value, ErrorCode):
                errors.extend(reader.error(n, Role.AMOUNT, cell, value) for n in numbers)
            elif first is None or first[1] == value:
                first = first or (numbers[0], value)
            else:
                errors.extend(reader.error(n, Role.AMOUNT, cell, ErrorCode.CONFLICT) for n in numbers)
        group.amount = first[1] if first else None
    return errors


def _amount(cell: Cell, convention: str) -> int | ErrorCode | None:
    try:
        return parse_amount(cell, convention)
    except AmountTooLargeError:
        return ErrorCode.AMOUNT_TOO_LARGE
    except ValueError:
        return ErrorCode.BAD_AMOUNT


def _decision(key: str, group: _Group, annual: bool) -> Decision:
    day = group.date
    lead = group.lead
    return Decision(
        collaboration=group.name,
        key=key,
        outcome=group.outcome if isinstance(group.outcome, Outcome) else Outcome.PENDING,
        amount_cents=group.amount,
        amount_is_annual=annual and group.amount is not None,
        decision_date=day if isinstance(day, date) else None,
        lead_nis=lead if isinstance(lead, str) else None,
        members=tuple(group.members),
        rows=tuple(group.rows) if len(group.rows) <= _ROWS_KEPT else (),
    )
