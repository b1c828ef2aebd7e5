"""From cells to decisions: one decision per collaboration, whichever of the two layouts the file uses."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date

from sew_desktop.domain.decisions import Decision, Outcome, parse_outcome
from sew_desktop.domain.names import collaboration_key, split_members
from sew_desktop.services.imports.matching import MunicipalityMatcher
from sew_desktop.services.imports.model import Cell, Columns, ErrorCode, Layout, Role, RowError
from sew_desktop.services.imports.values import decimal_convention, parse_amount, parse_date

Progress = Callable[[int, int], None]
_VALUE_ROLES = (Role.DECISION, Role.AMOUNT, Role.DATE, Role.LEAD)
_EMPTY_VALUES: dict[str, object] = {"outcome": None, "amount": None, "date": None, "lead": None}


@dataclass(slots=True)
class Parsed:
    """The decisions of a file, the errors of its rows, its layout and row counts."""

    decisions: list[Decision]
    errors: list[RowError]
    layout: Layout
    rows: int
    skipped: int


@dataclass(slots=True)
class _Group:
    name: str
    values: dict[str, object] = field(default_factory=lambda: dict(_EMPTY_VALUES))
    members: dict[str, None] = field(default_factory=dict)
    rows: list[int] = field(default_factory=list)


def _text(cell: Cell) -> str:
    if type(cell) is str:
        return cell.strip()
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell).strip()


class _RowReader:
    def __init__(self, columns: Columns, matcher: MunicipalityMatcher, convention: str) -> None:
        self.columns = columns
        self.matcher = matcher
        self.convention = convention
        # Files repeat the same few values thousands of times (layout b): parse each distinct cell once.
        self._memo: dict[tuple[str, object], object] = {}

    def memo(self, kind: str, cell: Cell, parse: Callable[[Cell], object]) -> object:
        key = (kind, cell)
        if key not in self._memo:
            try:
                self._memo[key] = parse(cell)
            except ValueError as exc:
                self._memo[key] = exc
        value = self._memo[key]
        if isinstance(value, ValueError):
            raise value
        return value

    def cell(self, row: Sequence[Cell], role: Role) -> Cell:
        index = self.columns.roles.get(role)
        return row[index] if index is not None and index < len(row) else None

    def error(self, number: int, role: Role, value: Cell, code: ErrorCode, nis: Sequence[str] = ()) -> RowError:
        header = self.columns.headers[self.columns.roles[role]]
        names = tuple(self.matcher.name(n) for n in nis)
        return RowError(number, header, _text(value) if not isinstance(value, str) else value, code, names, tuple(nis))

    def members(self, number: int, row: Sequence[Cell], errors: list[RowError]) -> list[str]:
        role = Role.NIS if _text(self.cell(row, Role.NIS)) else Role.MUNICIPALITY
        parts = split_members(_text(self.cell(row, role)))
        if not parts:
            errors.append(
                self.error(
                    number,
                    Role.MUNICIPALITY if Role.MUNICIPALITY in self.columns.roles else Role.NIS,
                    "",
                    ErrorCode.NO_MUNICIPALITY,
                )
            )
        found: list[str] = []
        for part in parts:
            nis = self.matcher.match(part)
            if nis is not None:
                found.append(nis)
            elif role is Role.NIS:
                errors.append(self.error(number, role, part, ErrorCode.UNKNOWN_NIS))
            else:
                errors.append(
                    self.error(number, role, part, ErrorCode.UNKNOWN_MUNICIPALITY, self.matcher.suggest(part))
                )
        return found

    def values(self, number: int, row: Sequence[Cell], errors: list[RowError]) -> dict[str, object]:
        key = ("values", tuple(self.cell(row, role) for role in _VALUE_ROLES))
        known = self._memo.get(key)
        if isinstance(known, dict):
            return known
        found: list[RowError] = []
        values = self.parse_values(number, row, found)
        if found:
            errors.extend(found)
        else:
            self._memo[key] = values
        return values

    def parse_values(self, number: int, row: Sequence[Cell], errors: list[RowError]) -> dict[str, object]:
        values: dict[str, object] = {}
        raw = _text(self.cell(row, Role.DECISION))
        outcome = self.memo("outcome", raw, lambda c: parse_outcome(str(c)))
        if outcome is None:
            errors.append(self.error(number, Role.DECISION, raw, ErrorCode.BAD_DECISION))
        values["outcome"] = outcome if raw else None
        for key, role, parse in (("amount", Role.AMOUNT, self.amount), ("date", Role.DATE, parse_date)):
            cell = self.cell(row, role)
            try:
                values[key] = self.memo(key, cell, parse)
            except ValueError:
                errors.append(
                    self.error(number, role, cell, ErrorCode.BAD_AMOUNT if key == "amount" else ErrorCode.BAD_DATE)
                )
        lead = _text(self.cell(row, Role.LEAD))
        values["lead"] = self.matcher.match(lead) if lead else None
        if lead and values["lead"] is None:
            errors.append(
                self.error(number, Role.LEAD, lead, ErrorCode.UNKNOWN_MUNICIPALITY, self.matcher.suggest(lead))
            )
        return values

    def amount(self, cell: Cell) -> int | None:
        return parse_amount(cell, self.convention)


def _merge(
    group: _Group, values: dict[str, object], reader: _RowReader, number: int, row: Sequence[Cell]
) -> list[RowError]:
    conflicts: list[RowError] = []
    roles = {"outcome": Role.DECISION, "amount": Role.AMOUNT, "date": Role.DATE, "lead": Role.LEAD}
    for key, value in values.items():
        if value is None:
            continue
        if group.values[key] is not None and group.values[key] != value:
            conflicts.append(reader.error(number, roles[key], _text(reader.cell(row, roles[key])), ErrorCode.CONFLICT))
    if not conflicts:
        for key, value in values.items():
            if value is not None:
                group.values[key] = value
    return conflicts


def parse_rows(
    rows: Sequence[Sequence[Cell]],
    columns: Columns,
    matcher: MunicipalityMatcher,
    excluded: frozenset[int] = frozenset(),
    progress: Progress | None = None,
) -> Parsed:
    """Decisions grouped by collaboration; rows with errors contribute nothing; excluded rows are skipped."""
    start = columns.header_row + 1
    data = [(i + 1, row) for i, row in enumerate(rows[start:], start=start) if any(_text(c) for c in row)]
    amount_index = columns.roles.get(Role.AMOUNT)
    convention = decimal_convention(
        r[amount_index] for _, r in data if amount_index is not None and amount_index < len(r)
    )
    reader = _RowReader(columns, matcher, convention)
    groups: dict[str, _Group] = {}
    errors: list[RowError] = []
    skipped = 0
    for position, (number, row) in enumerate(data):
        if progress is not None and position % 2000 == 0:
            progress(position, len(data))
        if number in excluded:
            skipped += 1
            continue
        errors.extend(_read_row(reader, groups, number, row))
    layout = Layout.PER_MUNICIPALITY if any(len(g.rows) > 1 for g in groups.values()) else Layout.PER_COLLABORATION
    return Parsed([_decision(key, g, columns.annual) for key, g in groups.items()], errors, layout, len(data), skipped)


def _read_row(reader: _RowReader, groups: dict[str, _Group], number: int, row: Sequence[Cell]) -> list[RowError]:
    errors: list[RowError] = []
    name = " ".join(_text(reader.cell(row, Role.COLLABORATION)).split())
    if not name:
        errors.append(reader.error(number, Role.COLLABORATION, "", ErrorCode.NO_COLLABORATION))
    members = reader.members(number, row, errors)
    values = reader.values(number, row, errors)
    if errors:
        return errors
    key = str(reader.memo("key", name, lambda c: collaboration_key(str(c))))
    group = groups.setdefault(key, _Group(name))
    conflicts = _merge(group, values, reader, number, row)
    if not conflicts:
        group.members.update(dict.fromkeys(members))
        group.rows.append(number)
    return conflicts


def _decision(key: str, group: _Group, annual: bool) -> Decision:
    values = group.values
    amount = values["amount"]
    day = values["date"]
    lead = values["lead"]
    return Decision(
        collaboration=group.name,
        key=key,
        outcome=values["outcome"] if isinstance(values["outcome"], Outcome) else Outcome.PENDING,
        amount_cents=amount if isinstance(amount, int) else None,
        amount_is_annual=annual and amount is not None,
        decision_date=day if isinstance(day, date) else None,
        lead_nis=lead if isinstance(lead, str) else None,
        members=tuple(group.members),
        rows=tuple(group.rows),
    )
