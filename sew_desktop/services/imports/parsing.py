"""From rows to decisions: one decision per collaboration, whichever of the two layouts the file uses.

The rows stream by once. Each, in :meth:`_Reader.read`:

1. is passed over when it is on or above the header, or blank; counted but not read when the user excluded it;
2. joins its collaboration without being read when it repeats the cells of a row that joined (a per-municipality
   file repeats the collaboration's name, decision, date, lead and amount on every member row): only its members
   are read, and not even those when its member cell matched cleanly before;
3. else has its cells read (:mod:`.row_cells`): the collaboration's name, the members, the decision, date and lead;
   a cell that does not read refuses the row, with errors naming the row, the column and the reason;
4. then joins its collaboration (:mod:`.collaboration`), unless its decision, date or lead differ from the earlier
   rows' (a conflict refuses it).

After the last row, the amounts: their decimal convention is a vote over the whole file, so a collaboration keeps
its amount cells as typed until then. Then each collaboration becomes one :class:`Decision`.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from operator import itemgetter

from sew_desktop.domain.decisions import Decision
from sew_desktop.domain.names import collaboration_key
from sew_desktop.services.imports.collaboration import Collaboration
from sew_desktop.services.imports.existence import not_yet_existing
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
from sew_desktop.services.imports.row_cells import VALUE_ROLES, RowCells, Values, cell_text
from sew_desktop.services.imports.totals import TotalsLine, totals_line, totals_warning
from sew_desktop.services.imports.values import (
    AmbiguousAmountError,
    AmountTooLargeError,
    decimal_convention_of,
    parse_amount,
    time_of,
)

Progress = Callable[[int, int], None]
RepeatShortcut = Callable[[int, Sequence[Cell], Cell], bool]
_PROGRESS_EVERY = 2000
_KNOWN_ROWS_LIMIT = 4096
_COLLECT_EVERY = 50_000
NAMING_ROLES = (Role.COLLABORATION, Role.MUNICIPALITY, Role.NIS, Role.DECISION, Role.LEAD)  # a totals line: blank


@dataclass(slots=True)
class Parsed:
    """The decisions of a file, the errors of its rows, its layout, row counts and warnings."""

    decisions: list[Decision]
    errors: list[RowError]
    layout: Layout
    rows: int
    skipped: int
    warnings: list[PlanWarning] = field(default_factory=list)


def parse_rows(
    rows: Iterable[Sequence[Cell]],
    columns: Columns,
    matcher: MunicipalityMatcher,
    excluded: frozenset[int] = frozenset(),
    progress: Progress | None = None,
    expected_rows: int = 0,
) -> Parsed:
    """Decisions grouped by collaboration; rows with errors contribute nothing; excluded rows are skipped."""
    reader = _Reader(columns, matcher, excluded)
    with _few_collections():
        reader.read(rows, progress, expected_rows)
        return reader.finish()


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


def _is_blank(row: Sequence[Cell]) -> bool:
    """No cell holds text."""
    return not any(cell_text(c) for c in row)


class _KnownRows:
    """Rows that joined their collaboration, by the cells a per-municipality file repeats on every member row
    (collaboration, decision, date, lead, amount): a later row with the same cells joins the same collaboration
    without being read again. A shortcut only: forgetting costs speed, never correctness, and bounds memory."""

    def __init__(self, index: Mapping[Role, int | None]) -> None:
        self.collaborations: dict[tuple[Cell, ...], Collaboration] = {}
        self.positions = [i for role in (Role.COLLABORATION, *VALUE_ROLES) if (i := index[role]) is not None]
        self._end = max(self.positions) + 1
        # itemgetter of one index gives the cell, not a tuple
        self._cells = itemgetter(*self.positions) if len(self.positions) > 1 else self._single

    def _single(self, row: Sequence[Cell]) -> tuple[Cell, ...]:
        return (row[self.positions[0]],)

    def key(self, row: Sequence[Cell], amount: Cell) -> tuple[Cell, ...]:
        """The repeated cells of a row, and its amount cell."""
        if len(row) >= self._end:
            return (*self._cells(row), amount)
        return (*(row[i] if i < len(row) else None for i in self.positions), amount)

    def remember(self, key: tuple[Cell, ...], collaboration: Collaboration) -> None:
        """The cells of a row that joined ``collaboration`` cleanly."""
        if len(self.collaborations) >= _KNOWN_ROWS_LIMIT:
            self.collaborations.clear()
        self.collaborations[key] = collaboration


class _Reader:
    """One file's read: its collaborations by key, the errors of its rows, the votes on its amounts, its counts."""

    def __init__(self, columns: Columns, matcher: MunicipalityMatcher, excluded: frozenset[int]) -> None:
        self.columns = columns
        self.excluded = excluded
        self.cells = RowCells(columns, matcher)
        self.known = _KnownRows(self.cells.index)
        self.collaborations: dict[str, Collaboration] = {}
        self.errors: list[RowError] = []
        self.votes: dict[str, int] = {}  # each distinct amount cell as typed: how many rows hold it
        self.time_warnings: dict[str, PlanWarning] = {}
        self.totals: list[TotalsLine] = []
        index = self.cells.index
        self.named_at = [i for role in NAMING_ROLES if (i := index[role]) is not None]
        self.counted = self.skipped = 0

    # 1. The rows

    def read(self, rows: Iterable[Sequence[Cell]], progress: Progress | None, expected_rows: int) -> None:
        """Each row in turn: passed over, excluded, a repeat of a known row, or read cell by cell."""
        header_end = self.columns.header_row + 1
        amount_at = self.columns.roles.get(Role.AMOUNT)
        excluded, votes = self.excluded, self.votes
        joins_as_repeat, read_row = self._repeat_shortcut(), self._read_row
        counted = skipped = 0
        for number, row in enumerate(rows, start=1):
            if number <= header_end or not row:
                continue
            last = row[-1]  # the readers drop trailing empty cells: a row with text mostly ends in it
            if not (last.strip() if type(last) is str else cell_text(last)) and _is_blank(row):
                continue
            counted += 1
            if progress is not None and counted % _PROGRESS_EVERY == 0:
                progress(counted, max(expected_rows, counted))
            if excluded and number in excluded:
                skipped += 1
                continue
            amount = row[amount_at] if amount_at is not None and amount_at < len(row) else None
            if isinstance(amount, str):
                votes[amount] = votes.get(amount, 0) + 1  # a plain dict: a Counter's += takes twice as long
            if joins_as_repeat is None or not joins_as_repeat(number, row, amount):
                read_row(number, row, amount)
        self.counted, self.skipped = counted, skipped

    # 2. A repeat of a known row

    def _repeat_shortcut(self) -> RepeatShortcut | None:
        """Step 2 for a row whose member cell matched cleanly before, as typed: the hot loop of a per-municipality
        file, so a closure over what it needs. Only when members are named: with a NIS column as well, which of
        the two a row uses is read per row (:meth:`_read_row`)."""
        index = self.cells.index
        member_at, amount_at = index[Role.MUNICIPALITY], index[Role.AMOUNT]
        if index[Role.NIS] is not None or member_at is None or amount_at is None:
            return None
        positions = [*self.known.positions, amount_at]  # at least two: the collaboration and the amount
        repeated_cells, end = itemgetter(*positions), max(*positions, member_at)
        known, clean_members = self.known.collaborations, self.cells.clean_members

        def joins_as_repeat(number: int, row: Sequence[Cell], amount: Cell) -> bool:
            if len(row) <= end:
                return False
            collaboration = known.get(repeated_cells(row))
            members = None if collaboration is None else clean_members.get(row[member_at])
            if collaboration is None or members is None:
                return False
            collaboration.add_row(number, members, amount)
            return True

        return joins_as_repeat

    # 3. The cells (step 2 for the other repeats)

    def _read_row(self, number: int, row: Sequence[Cell], amount: Cell) -> None:
        """A row that is no plain repeat: its cells read, then it joins its collaboration; or the errors why not."""
        key = self.known.key(row, amount)
        collaboration = self.known.collaborations.get(key)
        if collaboration is not None:  # repeated cells, but a member cell not known to match: read the members
            self._join_members(collaboration, number, row, amount)
            return
        totals = totals_line(number, row, self.named_at, amount)
        if totals is not None:  # skipped, and reported after the last row (:mod:`.totals`)
            self.totals.append(totals)
            return
        problems: list[RowError] = []
        name = self.cells.collaboration(number, row, problems)
        members = self.cells.members(number, row, problems)
        values = self.cells.values(number, row, problems)
        if problems:
            self.errors.extend(problems)  # refused: a cell does not read
            return
        collaboration = self._collaboration(number, name)
        if collaboration is not None and self._agrees(collaboration, values, number, row):
            collaboration.take(values)
            collaboration.add_row(number, members, amount)
            self._note_time(name, number, row)
            self.known.remember(key, collaboration)

    def _join_members(self, collaboration: Collaboration, number: int, row: Sequence[Cell], amount: Cell) -> None:
        problems: list[RowError] = []
        members = self.cells.members(number, row, problems)
        if problems:
            self.errors.extend(problems)  # refused: a member matches no municipality
        else:
            collaboration.add_row(number, members, amount)

    # 4. The collaboration

    def _collaboration(self, number: int, name: str) -> Collaboration | None:
        """The collaboration ``name`` names (new on its first row); ``None`` when the name has no letter or digit."""
        key = collaboration_key(name)  # once per collaboration: its repeated rows are known rows
        if not key:  # refused: "?" or an invisible character would share the empty key with every such name
            self.errors.append(self.cells.error(number, Role.COLLABORATION, name, ErrorCode.UNNAMED_COLLABORATION))
            return None
        collaboration = self.collaborations.get(key)
        if collaboration is None:
            collaboration = self.collaborations[key] = Collaboration(name)
        return collaboration

    def _agrees(self, collaboration: Collaboration, values: Values, number: int, row: Sequence[Cell]) -> bool:
        """The row's decision, date and lead agree with the collaboration's earlier rows; if not, it is refused."""
        disagreeing = collaboration.disagreeing(values)
        for role in disagreeing:
            cell = cell_text(self.cells.cell(row, role))
            self.errors.append(self.cells.error(number, role, cell, ErrorCode.CONFLICT))
        return not disagreeing

    def _note_time(self, name: str, number: int, row: Sequence[Cell]) -> None:
        """A time of day beside the date is ignored; say so once per collaboration."""
        moment = time_of(self.cells.cell(row, Role.DATE))
        if moment is not None and name not in self.time_warnings:
            self.time_warnings[name] = PlanWarning(WarningCode.TIME_IGNORED, (name, str(number), moment))

    # After the last row

    def finish(self) -> Parsed:
        """The amounts read in the file's convention, members that did not exist yet on the decision date refused
        (:mod:`.existence`), the errors in row order, one decision per collaboration."""
        convention = decimal_convention_of(self.votes)
        self._settle_amounts(convention)
        self.errors += not_yet_existing(self.collaborations.values(), self.cells.matcher, self.columns)
        self.errors.sort(key=lambda e: e.row)
        collaborations = self.collaborations
        repeats = any(c.row_count > 1 for c in collaborations.values())
        layout = Layout.PER_MUNICIPALITY if repeats else Layout.PER_COLLABORATION
        decisions = [c.decision(key, self.columns.annual) for key, c in collaborations.items()]
        warnings = list(self.time_warnings.values()) + self._totals_warnings(decisions, convention)
        return Parsed(decisions, self.errors, layout, self.counted, self.skipped, warnings)

    def _totals_warnings(self, decisions: Sequence[Decision], convention: str) -> list[PlanWarning]:
        """Each totals line skipped, with the sum of the decisions' amounts when its own amount differs."""
        amounts = [d.amount_cents for d in decisions if d.amount_cents is not None]
        imported = sum(amounts) if amounts else None
        found = []
        for line in self.totals:
            total = _read_amount(line.amount, convention)
            found.append(totals_warning(line, total if isinstance(total, int) else None, imported))
        return found

    def _settle_amounts(self, convention: str) -> None:
        """Each collaboration's amount; each distinct cell read once for the whole file."""
        read: dict[Cell, int | ErrorCode | None] = {}
        for collaboration in self.collaborations.values():
            for cell in collaboration.amounts:
                if cell not in read:
                    read[cell] = _read_amount(cell, convention)
            collaboration.amount = self._agreed_amount(collaboration, read)

    def _agreed_amount(self, collaboration: Collaboration, read: Mapping[Cell, int | ErrorCode | None]) -> int | None:
        """The first amount that reads; a cell that does not read, or states another amount, is an error on each
        row that holds it."""
        agreed: int | None = None
        found = False
        for cell, numbers in collaboration.amounts.items():
            value = read[cell]
            if isinstance(value, ErrorCode):
                self.errors.extend(self.cells.error(n, Role.AMOUNT, cell, value) for n in numbers)
            elif found and value != agreed:
                self.errors.extend(self.cells.error(n, Role.AMOUNT, cell, ErrorCode.CONFLICT) for n in numbers)
            else:
                agreed, found = value, True
        return agreed


def _read_amount(cell: Cell, convention: str) -> int | ErrorCode | None:
    """An amount in cents, or why it does not read."""
    try:
        return parse_amount(cell, convention)
    except AmountTooLargeError:
        return ErrorCode.AMOUNT_TOO_LARGE
    except AmbiguousAmountError:
        return ErrorCode.AMBIGUOUS_AMOUNT
    except ValueError:
        return ErrorCode.BAD_AMOUNT
