"""From cells to decisions: one decision per collaboration, whichever of the two layouts the file uses.

The rows are streamed once. The decimal convention of amounts is a vote over the whole file, so amounts are
kept as typed (each distinct cell once per collaboration) and parsed after the last row.
"""

from __future__ import annotations

import gc
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from operator import itemgetter

from sew_desktop.domain.decisions import Decision, Outcome
from sew_desktop.domain.names import collaboration_key
from sew_desktop.services.imports.matching import MunicipalityMatcher
from sew_desktop.services.imports.model import (
    Cell,
    Columns,
    ErrorCode,
    Layout,
    PlanWarning,
    Role,
    RowError,
)
from sew_desktop.services.imports.row_reader import CollaborationRows, RowReader, cell_text, merge_values
from sew_desktop.services.imports.values import (
    AmbiguousAmountError,
    AmountTooLargeError,
    decimal_convention_of,
    parse_amount,
)

Progress = Callable[[int, int], None]
_PROGRESS_EVERY = 2000
_SEEN_LIMIT = 4096
_COLLECT_EVERY = 50_000
@dataclass(slots=True)
class Parsed:
    """The decisions of a file, the errors of its rows, its layout, row counts and warnings."""

    decisions: list[Decision]
    errors: list[RowError]
    layout: Layout
    rows: int
    skipped: int
    warnings: list[PlanWarning] = field(default_factory=list)


@contextmanager
def _few_collections() -> Iterator[None]:
    """Every row is a new list, freed by reference counting (rows form no cycles); at the default threshold
    (700 allocations) the cycle collector ran ~150 times per 50,000 rows and re-walked the growing groups each
    time, a quarter of the parse. A higher threshold while the rows stream by leaves it a few passes."""
    threshold = gc.get_threshold()
    gc.set_threshold(max(threshold[0], _COLLECT_EVERY), *threshold[1:])
    try:
        yield
    finally:
        gc.set_threshold(*threshold)


def parse_rows(
    rows: Iterable[Sequence[Cell]],
    columns: Columns,
    matcher: MunicipalityMatcher,
    excluded: frozenset[int] = frozenset(),
    progress: Progress | None = None,
    expected_rows: int = 0,
) -> Parsed:
    """Decisions grouped by collaboration; rows with errors contribute nothing; excluded rows are skipped."""
    with _few_collections():
        return _parse(rows, columns, matcher, excluded, progress, expected_rows)


def _parse(
    rows: Iterable[Sequence[Cell]],
    columns: Columns,
    matcher: MunicipalityMatcher,
    excluded: frozenset[int],
    progress: Progress | None,
    expected_rows: int,
) -> Parsed:
    reader = RowReader(columns, matcher)
    groups: dict[str, CollaborationRows] = {}
    errors: list[RowError] = []
    votes: Counter[str] = Counter()
    amount_index = columns.roles.get(Role.AMOUNT)
    repeat_key, member_index, fast_end = _repeat_getter(reader)
    seen, clean = reader.seen, reader.clean_members
    counted = skipped = 0
    header_end = columns.header_row + 1
    for number, row in enumerate(rows, start=1):
        if number <= header_end or not row:
            continue
        last = row[-1]
        if not (last.strip() if type(last) is str else cell_text(last)) and not any(cell_text(c) for c in row):
            continue  # the readers drop trailing empty cells: a row with text mostly ends in it
        counted += 1
        if progress is not None and counted % _PROGRESS_EVERY == 0:
            progress(counted, max(expected_rows, counted))
        if excluded and number in excluded:
            skipped += 1
            continue
        amount = row[amount_index] if amount_index is not None and amount_index < len(row) else None
        if isinstance(amount, str):
            votes[amount] += 1
        if repeat_key is not None and len(row) > fast_end:
            # The per-municipality layout repeats the collaboration's cells on every member row: a row equal
            # to an earlier good one whose member cell matched cleanly only adds its member (no parsing).
            # This is :func:`_add` written out: the hot loop of the file, one function call less per row.
            group = seen.get(repeat_key(row))
            if group is not None:
                members = clean.get(row[member_index])
                if members is not None:
                    known = group.members
                    for nis in members:
                        if nis not in known:
                            known.append(nis)
                    group.row_count += 1
                    # The amount is part of the key: the row that made the key recorded it unless it was blank.
                    amount_rows = group.amounts.get(amount)
                    if amount_rows is not None:
                        amount_rows.append(number)
                    continue
        errors.extend(_read_row(reader, groups, number, row, amount))
    errors.extend(_parse_amounts(groups, reader, decimal_convention_of(votes)))
    errors.sort(key=lambda e: e.row)
    layout = Layout.PER_MUNICIPALITY if any(g.row_count > 1 for g in groups.values()) else Layout.PER_COLLABORATION
    decisions = [_decision(key, g, columns.annual) for key, g in groups.items()]
    return Parsed(decisions, errors, layout, counted, skipped, list(reader.warnings.values()))


def _repeat_getter(reader: RowReader) -> tuple[Callable[[Sequence[Cell]], tuple[Cell, ...]] | None, int, int]:
    """The repeated cells and the amount of a row in one call (the key of :attr:`RowReader.seen`), the member
    cell's column, and the row length they need; no getter when the file names members by NIS code too (the
    slow path decides per row which is used)."""
    index = reader.index
    member, amount = index[Role.MUNICIPALITY], index[Role.AMOUNT]
    if index[Role.NIS] is not None or member is None or amount is None:
        return None, 0, 0
    positions = [*reader.repeat_positions, amount]  # at least two: the collaboration and the amount
    return itemgetter(*positions), member, max(*positions, member)


def _read_row(
    reader: RowReader, groups: dict[str, CollaborationRows], number: int, row: Sequence[Cell], amount: Cell
) -> list[RowError]:
    errors: list[RowError] = []
    repeated = reader.repeated(row, amount)
    group = reader.seen.get(repeated)
    if group is not None:
        members = reader.members(number, row, errors)
        if not errors:
            _add(group, members, number, amount)
        return errors
    name = " ".join(cell_text(reader.cell(row, Role.COLLABORATION)).split())
    if not name:
        errors.append(reader.error(number, Role.COLLABORATION, "", ErrorCode.NO_COLLABORATION))
    members = reader.members(number, row, errors)
    values = reader.values(number, row, errors)
    if errors:
        return errors
    key = collaboration_key(name)  # once per collaboration: its repeated rows take the path above
    if not key:  # "?" or an invisible character: it would share the empty key with every other such name
        return [reader.error(number, Role.COLLABORATION, name, ErrorCode.UNNAMED_COLLABORATION)]
    group = groups.get(key)
    if group is None:
        group = groups[key] = CollaborationRows(name)
    conflicts = merge_values(group, values, reader, number, row)
    if not conflicts:
        _add(group, members, number, amount)
        reader.note_time(name, number, row)
        if len(reader.seen) >= _SEEN_LIMIT:
            reader.seen.clear()  # a shortcut only: forgetting costs speed, never correctness, and bounds memory
        reader.seen[repeated] = group
    return conflicts


def _add(group: CollaborationRows, members: list[str], number: int, amount: Cell) -> None:
    known = group.members
    for nis in members:
        if nis not in known:
            known.append(nis)
    if not group.row_count:
        group.first_row = number
    group.row_count += 1
    if amount.strip() if type(amount) is str else cell_text(amount):
        rows = group.amounts.get(amount)
        if rows is None:
            rows = group.amounts[amount] = array("I")
        rows.append(number)


def _parse_amounts(groups: dict[str, CollaborationRows], reader: RowReader, convention: str) -> list[RowError]:
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
    except AmbiguousAmountError:
        return ErrorCode.AMBIGUOUS_AMOUNT
    except ValueError:
        return ErrorCode.BAD_AMOUNT


def _decision(key: str, group: CollaborationRows, annual: bool) -> Decision:
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
        first_row=group.first_row,
    )
