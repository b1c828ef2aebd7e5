"""Boundary files against the reference list: which period a set of codes fits, how the municipalities of
2019–2024 merge into those of 2025, and the compact form shapes are stored in (pure Python)."""

from __future__ import annotations

import enum
import struct
from array import array
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from sew_desktop.domain.model import Municipality

MERGERS_2025 = date(2025, 1, 1)


class Period(enum.StrEnum):
    """The two sets of municipalities since 2019."""

    FROM_2019 = "2019-2024"
    FROM_2025 = "2025"

    @property
    def sample_day(self) -> date:
        """A day inside the period."""
        return date(2022, 1, 1) if self is Period.FROM_2019 else date(2025, 6, 1)


def period_on(day: date) -> Period:
    """The set of municipalities valid on ``day`` (days before 2019 use the 2019–2024 set)."""
    return Period.FROM_2025 if day >= MERGERS_2025 else Period.FROM_2019


def codes_of(municipalities: Iterable[Municipality], period: Period) -> frozenset[str]:
    """The codes valid in ``period`` (300 for 2019–2024, 285 since 2025)."""
    return frozenset(m.nis_code for m in municipalities if m.validity.contains(period.sample_day))


@dataclass(frozen=True, slots=True)
class PeriodCheck:
    """How a file's codes compare with one period's list."""

    period: Period
    expected: int
    missing: tuple[str, ...]  # codes of the period the file lacks
    extra: tuple[str, ...]  # Flemish codes of the other period the file has

    @property
    def fits(self) -> bool:
        """Every code of the period, and none of the other."""
        return not self.missing and not self.extra


@dataclass(frozen=True, slots=True)
class PeriodFit:
    """The period a file fits (None: neither), with the check against each period and the codes outside the
    reference list (Brussels, Wallonia or unknown), which are ignored."""

    period: Period | None
    checks: tuple[PeriodCheck, ...]
    outside: tuple[str, ...]

    def closest(self) -> PeriodCheck:
        """The check with the fewest differences (the one a refusal reports)."""
        return min(self.checks, key=lambda c: (len(c.missing) + len(c.extra), c.period != Period.FROM_2019))


def fit_period(codes: Collection[str], municipalities: Iterable[Municipality]) -> PeriodFit:
    """Which period ``codes`` fit exactly, ignoring codes that are not in the reference list."""
    municipalities = list(municipalities)
    known = {m.nis_code for m in municipalities}
    flemish = {code for code in codes if code in known}
    checks = []
    for period in Period:
        expected = codes_of(municipalities, period)
        checks.append(PeriodCheck(period, len(expected), tuple(sorted(expected - flemish)),
                                  tuple(sorted(flemish - expected))))
    fitting = next((c.period for c in checks if c.fits), None)
    return PeriodFit(fitting, tuple(checks), tuple(sorted(set(codes) - known)))


def successor_on(nis: str, municipalities: Mapping[str, Municipality], day: date) -> str:
    """The code that ``nis`` became by ``day`` (itself when it did not merge)."""
    seen = {nis}
    current = municipalities[nis]
    while not current.validity.contains(day) and current.successor_nis and current.successor_nis not in seen:
        seen.add(current.successor_nis)
        current = municipalities[current.successor_nis]
    return current.nis_code


def merger_groups(municipalities: Mapping[str, Municipality]) -> dict[str, tuple[str, ...]]:
    """Each code of 2025 with the codes of 2019–2024 it covers (one for the unmerged)."""
    groups: dict[str, list[str]] = defaultdict(list)
    for nis in sorted(codes_of(municipalities.values(), Period.FROM_2019)):
        groups[successor_on(nis, municipalities, Period.FROM_2025.sample_day)].append(nis)
    return {code: tuple(members) for code, members in groups.items()}


Ring = Sequence[tuple[float, float]]


def pack_rings(rings: Sequence[Ring]) -> bytes:
    """Rings (outer rings and holes, drawn with the even-odd rule) as bytes: count, lengths, then x, y pairs."""
    lengths = array("I", (len(ring) for ring in rings))
    coordinates = array("d", (value for ring in rings for point in ring for value in point))
    return struct.pack("<I", len(rings)) + lengths.tobytes() + coordinates.tobytes()


def unpack_rings(data: bytes) -> list[list[tuple[float, float]]]:
    """The rings packed by :func:`pack_rings`."""
    (count,) = struct.unpack_from("<I", data)
    lengths = array("I")
    lengths.frombytes(data[4 : 4 + 4 * count])
    coordinates = array("d")
    coordinates.frombytes(data[4 + 4 * count :])
    rings: list[list[tuple[float, float]]] = []
    position = 0
    for length in lengths:
        values = coordinates[position : position + 2 * length]
        rings.append(list(zip(values[0::2], values[1::2], strict=True)))
        position += 2 * length
    return rings
