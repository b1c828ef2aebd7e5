"""The status of each municipality as the map colours it: the coverage categories, with "afgesloten" split by
who signed and "op te starten" split from "no agreement at all"."""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from sew_desktop.domain.coverage import CoverageInput, DayIndex, MunicipalityCoverage, valid_municipalities
from sew_desktop.domain.model import Agreement, AgreementStatus
from sew_desktop.domain.status import agreement_status


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


def pending_partners(agreements: Iterable[Agreement], day: date) -> Pending:
    """Partners of agreements that on ``day`` are neither ended, signed nor being negotiated."""
    municipalities: set[str] = set()
    regions: set[int] = set()
    for agreement in agreements:
        if agreement_status(agreement, day) is AgreementStatus.TO_START:
            if agreement.partner.municipality_nis is not None:
                municipalities.add(agreement.partner.municipality_nis)
            elif agreement.partner.region_id is not None:
                regions.add(agreement.partner.region_id)
    return Pending(frozenset(municipalities), frozenset(regions))


def classify(coverage: MunicipalityCoverage, planned: bool) -> MapStatus:
    """The map status of one municipality; ``planned``: an agreement still to start reaches it."""
    if coverage.status is AgreementStatus.SIGNED:
        return MapStatus.SIGNED_ITSELF if coverage.via_municipalities else MapStatus.SIGNED_VIA_REGION
    if coverage.status is AgreementStatus.NEGOTIATING:
        return MapStatus.NEGOTIATING
    return MapStatus.TO_START if planned else MapStatus.NONE


def _planned(nis: str, day: DayIndex, pending: Pending) -> bool:
    for code in day.lineage(nis):
        if code in pending.municipalities or not pending.regions.isdisjoint(day.regions_of(code)):
            return True
    return False


def map_statuses(data: CoverageInput, day: DayIndex, *, forecast: bool = False) -> dict[str, MapStatus]:
    """Every municipality valid on the index's day with its map status; ``forecast``: afgesloten also when
    expected signed by the horizon the index was built for (as in the forecast column)."""
    pending = pending_partners(data.agreements.values(), day.day)
    result: dict[str, MapStatus] = {}
    for municipality in valid_municipalities(data, day.day):
        nis = municipality.nis_code
        coverage = day.forecast_coverage(nis) if forecast else day.coverage(nis)
        planned = coverage.status is AgreementStatus.TO_START and _planned(nis, day, pending)
        result[nis] = classify(coverage, planned)
    return result


def status_counts(statuses: Mapping[str, MapStatus]) -> dict[MapStatus, int]:
    """How many municipalities have each status (every status present, zero included)."""
    counted = Counter(statuses.values())
    return {status: counted.get(status, 0) for status in MapStatus}
