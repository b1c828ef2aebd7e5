"""The data an import passes between reading, parsing, planning and applying."""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import NamedTuple

from sew_desktop.domain.decisions import Decision, FieldChange
from sew_desktop.domain.memberships import MembershipPlan
from sew_desktop.domain.model import OpenCall

Cell = str | int | float | date | None


class Role(enum.StrEnum):
    """What a column holds."""

    COLLABORATION = "collaboration"
    MUNICIPALITY = "municipality"
    NIS = "nis"
    LEAD = "lead"
    DECISION = "decision"
    AMOUNT = "amount"
    DATE = "date"


class Layout(enum.StrEnum):
    """How a file lists the members of a collaboration."""

    PER_COLLABORATION = "per-collaboration"
    PER_MUNICIPALITY = "per-municipality"


class ErrorCode(enum.StrEnum):
    """Why a row cannot be imported."""

    UNKNOWN_MUNICIPALITY = "unknown_municipality"
    UNKNOWN_NIS = "unknown_nis"
    NO_MUNICIPALITY = "no_municipality"
    NO_COLLABORATION = "no_collaboration"
    BAD_DECISION = "bad_decision"
    BAD_AMOUNT = "bad_amount"
    AMBIGUOUS_AMOUNT = "ambiguous_amount"
    AMOUNT_TOO_LARGE = "amount_too_large"
    BAD_DATE = "bad_date"
    NO_SUCH_DAY = "no_such_day"
    IMPLAUSIBLE_YEAR = "implausible_year"
    UNNAMED_COLLABORATION = "unnamed_collaboration"
    NAME_AND_NIS_DIFFER = "name_and_nis_differ"
    CENTRE_CITY_NAME = "centre_city_name"
    CONFLICT = "conflict"
    NOT_YET_EXISTING = "not_yet_existing"


class WarningCode(enum.StrEnum):
    """What a user should look at before applying."""

    IN_TWO_COLLABORATIONS = "in_two_collaborations"
    APPROVED_WITHOUT_AMOUNT = "approved_without_amount"
    SPREAD_OVER_PROVINCES = "spread_over_provinces"
    MOVE = "move"
    MISSING_FROM_FILE = "missing_from_file"
    TIME_IGNORED = "time_ignored"
    DATE_OUTSIDE_CALL = "date_outside_call"
    NO_LONGER_APPROVED = "no_longer_approved"
    TOTALS_LINE = "totals_line"
    TOTALS_LINE_DIFFERS = "totals_line_differs"


# The values of an error's message: NOT_YET_EXISTING names the municipality, the day it starts to exist, the
# decision date (ISO) and the municipalities it was made of that existed on that date (", "-joined, may be "").
ERROR_DATES: dict[ErrorCode, tuple[int, ...]] = {ErrorCode.NOT_YET_EXISTING: (1, 2)}

# The values of a warning that are dates (ISO text), shown as dd/mm/yyyy by every renderer.
WARNING_DATES: dict[WarningCode, tuple[int, ...]] = {WarningCode.MOVE: (3,), WarningCode.DATE_OUTSIDE_CALL: (1, 2, 3)}
# The values of a warning that are amounts in cents, shown as amounts by every renderer.
WARNING_AMOUNTS: dict[WarningCode, tuple[int, ...]] = {WarningCode.TOTALS_LINE_DIFFERS: (2,)}


class Status(enum.StrEnum):
    """What the import does to a decision."""

    NEW = "new"
    CHANGED = "changed"
    UNCHANGED = "unchanged"


@dataclass(frozen=True, slots=True)
class Options:
    """Choices a user may make: encoding, sheet, column mapping, accepted spellings, excluded rows."""

    encoding: str | None = None
    sheet: str | None = None
    columns: Mapping[Role, str] = field(default_factory=dict)
    accepted: Mapping[str, str] = field(default_factory=dict)
    excluded_rows: frozenset[int] = frozenset()
    as_of: date | None = None


@dataclass(frozen=True, slots=True)
class Table:
    """The cells of a file (a list, or rows streamed again on every iteration) and how it was read."""

    rows: Iterable[list[Cell]]
    encoding: str | None
    delimiter: str | None
    sheet: str | None = None
    sheets: tuple[str, ...] = ()
    encoding_confidence: float | None = None
    sha256: str = ""
    rows_hint: int = 0


@dataclass(frozen=True, slots=True)
class Columns:
    """Which column holds what, found by header."""

    header_row: int
    headers: tuple[str, ...]
    roles: Mapping[Role, int]
    annual: bool

    def ignored(self) -> list[str]:
        """Headers of the columns no role uses."""
        used = set(self.roles.values())
        return [h for i, h in enumerate(self.headers) if i not in used and h.strip()]


@dataclass(frozen=True, slots=True)
class RowError:
    """A problem in one cell: file row as a spreadsheet shows it, column header, value, reason."""

    row: int
    column: str
    value: str
    code: ErrorCode
    suggestions: tuple[str, ...] = ()
    suggested_nis: tuple[str, ...] = ()
    details: tuple[str, ...] = ()  # values of the message, by code (ERROR_DETAILS)


@dataclass(frozen=True, slots=True)
class PlanWarning:
    """A warning with its values (names, dates) for the message."""

    code: WarningCode
    values: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PlannedDecision:
    """One decision of the file and what the import does to it."""

    status: Status
    decision: Decision
    stored_id: int | None = None
    changes: tuple[FieldChange, ...] = ()


class AreaEffect(NamedTuple):
    """One province on the effect day: its municipalities the import brings under a signed agreement (gained)
    and those it takes out of one (lost: a move out of a signed regiegebied), as NIS codes in name order."""

    area: str  # the province's Dutch name
    province_nis: str
    gained: tuple[str, ...]
    lost: tuple[str, ...]


@dataclass(slots=True)
class ImportPlan:
    """The dry run: everything an import would do, and why it may not."""

    file: Path
    sha256: str
    table: Table
    columns: Columns
    layout: Layout
    rows: int
    call: OpenCall
    decisions: list[PlannedDecision]
    errors: list[RowError]
    warnings: list[PlanWarning]
    memberships: MembershipPlan
    coverage_effect: list[AreaEffect]  # per province (published order) on ``effect_day``
    skipped: int
    aliases: list[tuple[str, str, str]]
    municipality_names: dict[str, str] = field(default_factory=dict)
    region_names: dict[int, str] = field(default_factory=dict)
    effect_day: date | None = None

    def count(self, status: Status) -> int:
        """How many decisions have ``status``."""
        return sum(1 for d in self.decisions if d.status is status)

    @property
    def can_apply(self) -> bool:
        """No errors remain (erroneous rows fixed or excluded)."""
        return not self.errors
