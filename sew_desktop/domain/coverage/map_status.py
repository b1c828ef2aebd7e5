"""The status of each municipality as the map colours it: the coverage categories, with "afgesloten" split by
who signed and "op te starten" split from "no agreement at all"."""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from sew_desktop.domain.coverage.results import MunicipalityCoverage
from sew_desktop.domain.model import AgreementStatus, Municipality


class DayStatuses(Protocol):
    """What the map needs of the coverage on one day (``coverage.DayCoverage`` has it)."""

    @property
    def day(self) -> date:
        """The as-of date."""

    def coverage(self, nis: str) -> MunicipalityCoverage:
        """Status on the day, with the partners that reach the municipality when afgesloten."""

    def forecast_coverage(self, nis: str) -> MunicipalityCoverage:
        """The same, afgesloten also when expected signed by the horizon (the forecast column)."""

    def lineage(self, nis: str) -> tuple[str, ...]:
        """The code and every code it succeeded."""

    def regions_of(self, nis: str) -> tuple[int, ...]:
        """Regiegebieden the code itself belongs to on the day."""

    def pending(self) -> Pending:
        """Partners of agreements still to start on the day."""


class MapStatus(enum.StrEnum):
    """One colour of the status map."""

    SIGNED_ITSELF = "signed itself"
    SIGNED_VIA_REGION = "signed via regiegebied"
    NEGOTIATING = "negotiating"
    TO_START = "to start"
    NONE = "none"

    @property
    def signed(self) -> bool:
        """Counted as afgesloten in the coverage table."""
        return self in (MapStatus.SIGNED_ITSELF, MapStatus.SIGNED_VIA_REGION)


@dataclass(frozen=True, slots=True)
class Pending:
    """Partners that have an agreement which is still to start on a day."""

    municipalities: frozenset[str]
    regions: frozenset[int]


def classify(coverage: MunicipalityCoverage, planned: bool) -> MapStatus:
    """The map status of one municipality; ``planned``: an agreement still to start reaches it."""
    if coverage.status is AgreementStatus.SIGNED:
        return MapStatus.SIGNED_ITSELF if coverage.via_municipalities else MapStatus.SIGNED_VIA_REGION
    if coverage.status is AgreementStatus.NEGOTIATING:
        return MapStatus.NEGOTIATING
    return MapStatus.TO_START if planned else MapStatus.NONE


def has_pending_agreement(nis: str, day: DayStatuses) -> bool:
    """An agreement still to start reaches ``nis`` (itself, a regiegebied it belongs to, or a predecessor's): it is
    "op te starten", not without any agreement ("geen SO")."""
    return _planned(nis, day, day.pending())


def _planned(nis: str, day: DayStatuses, pending: Pending) -> bool:
    for code in day.lineage(nis):
        if code in pending.municipalities or not pending.regions.isdisjoint(day.regions_of(code)):
            return True
    return False


def map_statuses(day: DayStatuses, codes: Iterable[str], *, forecast: bool = False) -> dict[str, MapStatus]:
    """The map status of each of ``codes`` (the municipalities valid on the day); ``forecast``: afgesloten also
    when expected signed by the horizon (as in the forecast column). The agreements' statuses come from the day's
    coverage, which judged them all at once."""
    pending = day.pending()
    result: dict[str, MapStatus] = {}
    for nis in codes:
        coverage = day.forecast_coverage(nis) if forecast else day.coverage(nis)
        planned = coverage.status is AgreementStatus.TO_START and _planned(nis, day, pending)
        result[nis] = classify(coverage, planned)
    return result


def valid_codes(municipalities: Iterable[Municipality], day: date) -> list[str]:
    """The codes valid on ``day`` (300 in 2022, 285 from 2025)."""
    return [m.nis_code for m in municipalities if m.validity.contains(day)]


def status_counts(statuses: Mapping[str, MapStatus]) -> dict[MapStatus, int]:
    """How many municipalities have each status (every status present, zero included)."""
    counted = Counter(statuses.values())
    return {status: counted.get(status, 0) for status in MapStatus}


@dataclass(frozen=True, slots=True)
class ProvinceStatuses:
    """How many municipalities of one province (``province_nis`` None: all of Flanders) have each map status."""

    province_nis: str | None
    counts: Mapping[MapStatus, int]

    @property
    def total(self) -> int:
        """The province's municipalities on the day."""
        return sum(self.counts.values())


def statuses_per_province(statuses: Mapping[str, MapStatus], province_of: Mapping[str, str],
                          order: Sequence[str]) -> list[ProvinceStatuses]:
    """The map's statuses counted per province, in ``order`` (the published one: West-Vlaanderen first), then
    Flanders; a province in no ``order`` comes before Flanders too, so that the rows add up to the Flanders row."""
    per_province: dict[str, Counter[MapStatus]] = {}
    for code, status in statuses.items():
        per_province.setdefault(province_of.get(code, ""), Counter())[status] += 1
    ordered = [p for p in order if p in per_province] + sorted(p for p in per_province if p and p not in order)
    rows = [ProvinceStatuses(p, _every_status(per_province[p])) for p in ordered]
    return [*rows, ProvinceStatuses(None, status_counts(statuses))]


def _every_status(counted: Counter[MapStatus]) -> dict[MapStatus, int]:
    return {status: counted.get(status, 0) for status in MapStatus}
