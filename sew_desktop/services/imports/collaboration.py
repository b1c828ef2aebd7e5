"""One collaboration while a file streams by: the rows that joined it, what they agree on, its amounts as typed."""

from __future__ import annotations

from array import array
from dataclasses import dataclass, field
from datetime import date

from sew_desktop.domain.decisions import Decision, Outcome
from sew_desktop.services.imports.model import Cell, Role
from sew_desktop.services.imports.row_cells import VALUE_ROLES, Values, cell_text


@dataclass(slots=True)
class Collaboration:
    """Kept small: a file may hold 100,000 of them."""

    name: str
    outcome: Outcome | None = None
    day: date | None = None
    lead: str | None = None
    # Each distinct amount cell as typed, with the rows that hold it: read after the last row, once the file's
    # decimal convention is known.
    amounts: dict[Cell, array[int]] = field(default_factory=dict)
    members: list[str] = field(default_factory=list)
    member_rows: array[int] = field(default_factory=lambda: array("I"))  # the row that named each member first
    first_row: int = 0
    row_count: int = 0  # a count, not the numbers: 100,000 collaborations would hold an array each
    amount: int | None = None

    def disagreeing(self, values: Values) -> list[Role]:
        """The roles whose value on a row differs from the one earlier rows stated (blank agrees with all)."""
        held = (self.outcome, self.day, self.lead)
        return [
            role
            for role, mine, theirs in zip(VALUE_ROLES, held, values, strict=True)
            if theirs is not None and mine is not None and mine != theirs
        ]

    def take(self, values: Values) -> None:
        """The values a row states (it agrees with the earlier rows)."""
        if values.outcome is not None:
            self.outcome = values.outcome
        if values.day is not None:
            self.day = values.day
        if values.lead is not None:
            self.lead = values.lead

    def add_row(self, number: int, members: list[str], amount: Cell) -> None:
        """A row that joined: its members (each once, in file order) and its amount cell."""
        known = self.members
        for nis in members:
            if nis not in known:
                known.append(nis)
                self.member_rows.append(number)
        if not self.row_count:
            self.first_row = number
        self.row_count += 1
        if amount.strip() if type(amount) is str else cell_text(amount):
            rows = self.amounts.get(amount)
            if rows is None:
                rows = self.amounts[amount] = array("I")
            rows.append(number)

    def drop_member(self, index: int) -> None:
        """A member refused after the last row (see :mod:`.existence`): the decision goes on without it."""
        del self.members[index]
        del self.member_rows[index]

    def decision(self, key: str, annual: bool) -> Decision:
        """The decision the rows state together."""
        return Decision(
            collaboration=self.name,
            key=key,
            outcome=self.outcome if self.outcome is not None else Outcome.PENDING,
            amount_cents=self.amount,
            amount_is_annual=annual and self.amount is not None,
            decision_date=self.day,
            lead_nis=self.lead,
            members=tuple(self.members),
            first_row=self.first_row,
        )
