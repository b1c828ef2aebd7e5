"""Subsidy decisions of an open call: outcomes, decisions read from a file, and how they differ from stored ones."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date

from sew_desktop.domain.names import words


class Outcome(enum.StrEnum):
    """The decision on an application."""

    APPROVED = "approved"
    REJECTED = "rejected"
    PENDING = "pending"


_OUTCOME_WORDS: dict[str, Outcome] = {
    "goedgekeurd": Outcome.APPROVED,
    "toegekend": Outcome.APPROVED,
    "ja": Outcome.APPROVED,
    "positief": Outcome.APPROVED,
    "approved": Outcome.APPROVED,
    "afgewezen": Outcome.REJECTED,
    "niet goedgekeurd": Outcome.REJECTED,
    "niet toegekend": Outcome.REJECTED,
    "geweigerd": Outcome.REJECTED,
    "nee": Outcome.REJECTED,
    "negatief": Outcome.REJECTED,
    "rejected": Outcome.REJECTED,
    "": Outcome.PENDING,
    "in behandeling": Outcome.PENDING,
    "pending": Outcome.PENDING,
}


def parse_outcome(text: str) -> Outcome | None:
    """The outcome a cell states, or ``None`` when it is not a known word."""
    return _OUTCOME_WORDS.get(" ".join(words(text)))


@dataclass(frozen=True, slots=True)
class Decision:
    """One collaboration's decision as read from a file, municipalities resolved to NIS codes."""

    collaboration: str
    key: str
    outcome: Outcome
    amount_cents: int | None
    amount_is_annual: bool
    decision_date: date | None
    lead_nis: str | None
    members: tuple[str, ...]
    first_row: int = 0  # the file row it starts on, for an error about the whole decision (0: not from a file)


@dataclass(frozen=True, slots=True)
class StoredDecision:
    """A decision already in the database."""

    id: int
    collaboration: str
    key: str
    outcome: Outcome
    amount_cents: int | None
    amount_is_annual: bool
    decision_date: date | None
    lead_nis: str | None
    members: tuple[str, ...]
    region_id: int | None = None


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One field of a decision that an import changes."""

    field: str
    old: object
    new: object


COMPARED_FIELDS = ("collaboration", "outcome", "amount_cents", "amount_is_annual", "decision_date", "lead_nis")


def decision_changes(stored: StoredDecision, new: Decision) -> list[FieldChange]:
    """Field by field, what differs between the stored decision and the one in the file (members as sets)."""
    changes = [
        FieldChange(name, getattr(stored, name), getattr(new, name))
        for name in COMPARED_FIELDS
        if getattr(stored, name) != getattr(new, name)
    ]
    if set(stored.members) != set(new.members):
        changes.append(FieldChange("members", tuple(sorted(stored.members)), tuple(sorted(new.members))))
    return changes
