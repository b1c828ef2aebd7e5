"""Coverage arithmetic: which municipalities and regiegebieden are reached on a date, and by a horizon.

A municipality is reached on D when an agreement signed (afgesloten) on D has as partner the municipality,
a regiegebied it belongs to on D, or -- by legal succession after a merger -- one of its predecessors or a
regiegebied a predecessor belongs to on D.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sew_desktop.domain.model import (
    Agreement,
    AgreementStatus,
    Membership,
    Municipality,
    Province,
    Region,
)
from sew_desktop.domain.partner_agreements import PartnerAgreements
from sew_desktop.domain.rounding import Ratio

FLANDERS = "Vlaanderen"
# The order of the published tables: west to east, then Flanders as a whole.
PUBLISHED_PROVINCE_ORDER = ("30000", "40000", "10000", "20001", "70000")

_SIGNED = 1
_FORECAST = 2
_NEGOTIATING = 4


@dataclass(frozen=True, slots=True)
class CoverageInput:
    """Everything coverage depends on, keyed by primary key."""

    provinces: Mapping[str, Province]
    municipalities: Mapping[str, Municipality]
    regions: Mapping[int, Region]
    memberships: Mapping[int, Membership]
    agreements: Mapping[int, Agreement]


@dataclass(frozen=True, slots=True)
class AreaCoverage:
    """One row of the coverage table: a province, or Flanders."""

    area: str
    province_nis: str | None
    municipalities_reached: Ratio
    municipalities_forecast: Ratio
    regions_with_agreement: Ratio
    regions_forecast: Ratio


@dataclass(frozen=True, slots=True)
class CoverageReport:
    """The coverage table for an as-of date and a forecast horizon."""

    as_of: date
    horizon: date
    rows: tuple[AreaCoverage, ...]

    def row(self, area: str) -> AreaCoverage:
        """The row of ``area`` (a province's Dutch name or "Vlaanderen")."""
        for candidate in self.rows:
            if candidate.area == area:
                return candidate
        raise KeyError(area)


@dataclass(frozen=True, slots=True)
class MunicipalityCoverage:
    """Status category of one municipality on a date and, when reached, through which partners."""

    status: AgreementStatus
    via_municipalities: tuple[str, ...] = ()
    via_regions: tuple[int, ...] = ()


@dataclass(slots=True)
class _Index:
    """Flags per partner and memberships per municipality for one (as_of, horizon) pair."""

    municipality_flags: dict[str, int] = field(default_factory=dict)
    region_flags: dict[int, int] = field(default_factory=dict)
    regions_of: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    predecessors: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    # The agreements behind non-zero flags, so that an edited agreement updates only its partners' flags.
    agreements: PartnerAgreements = field(default_factory=PartnerAgreements)


def _agreement_flags(agreement: Agreement, as_of: date, horizon: date) -> int:
    """The same rules as ``agreement_status`` and ``expected_signed_by``, inlined: this is the hot loop."""
    ended, signed, started = agreement.ended, agreement.signed, agreement.negotiation_started
    if ended is not None and ended <= as_of:
        return 0
    if signed is not None and signed <= as_of:
        return _SIGNED | _FORECAST
    if started is not None and started <= as_of:
        expected = agreement.expected_signing
        in_time = (signed is not None and signed <= horizon) or (expected is not None and expected <= horizon)
        return _NEGOTIATING | (_FORECAST if in_time else 0)
    return _FORECAST if signed is not None and signed <= horizon else 0


def _build_index(data: CoverageInput, as_of: date, horizon: date) -> _Index:
    index = _Index()
    for agreement in data.agreements.values():
        flags = _agreement_flags(agreement, as_of, horizon)
        if not flags:
            continue
        index.agreements.add(agreement)
        partner = agreement.partner
        if partner.municipality_nis is not None:
            nis = partner.municipality_nis
            index.municipality_flags[nis] = index.municipality_flags.get(nis, 0) | flags
        elif partner.region_id is not None:
            rid = partner.region_id
            index.region_flags[rid] = index.region_flags.get(rid, 0) | flags
    for membership in data.memberships.values():
        region = data.regions.get(membership.region_id)
        if region is not None and region.validity.contains(as_of) and membership.validity.contains(as_of):
            index.regions_of[membership.municipality_nis].append(membership.region_id)
    for municipality in data.municipalities.values():
        if municipality.successor_nis:
            index.predecessors[municipality.successor_nis].append(municipality.nis_code)
    return index


def _lineage(nis: str, predecessors: Mapping[str, list[str]]) -> list[str]:
    """The municipality itself and, transitively, every code it succeeded."""
    if nis not in predecessors:
        return [nis]
    lineage = [nis]
    position = 0
    while position < len(lineage):
        lineage.extend(predecessors.get(lineage[position], ()))
        position += 1
    return lineage


def _municipality_flags(nis: str, index: _Index) -> int:
    flags = 0
    for code in _lineage(nis, index.predecessors):
        flags |= index.municipality_flags.get(code, 0)
        for region_id in index.regions_of.get(code, ()):
            flags |= index.region_flags.get(region_id, 0)
    return flags


def valid_municipalities(data: CoverageInput, day: date) -> list[Municipality]:
    """Municipalities whose code is valid on ``day`` (300 in 2022, 285 from 2025)."""
    return [m for m in data.municipalities.values() if m.validity.contains(day)]


def compute_coverage(data: CoverageInput, as_of: date, horizon: date) -> CoverageReport:
    """The coverage table per province (published order) and for Flanders."""
    if horizon < as_of:
        raise ValueError("the horizon lies before the as-of date")
    return _report(data, _build_index(data, as_of, horizon), as_of, horizon)


def _report(data: CoverageInput, index: _Index, as_of: date, horizon: date) -> CoverageReport:
    return report_from_counts(data, _counts(data, index, as_of), as_of, horizon)


def _counts(data: CoverageInput, index: _Index, as_of: date) -> dict[str, list[int]]:
    """Per province: municipalities reached, forecast, valid; regiegebieden with SO, forecast, valid."""
    counts: dict[str, list[int]] = {nis: [0, 0, 0, 0, 0, 0] for nis in data.provinces}
    for municipality in valid_municipalities(data, as_of):
        row = counts.setdefault(municipality.province_nis, [0, 0, 0, 0, 0, 0])
        flags = _municipality_flags(municipality.nis_code, index)
        row[0] += bool(flags & _SIGNED)
        row[1] += bool(flags & (_SIGNED | _FORECAST))
        row[2] += 1
    for region in data.regions.values():
        if not region.validity.contains(as_of):
            continue
        row = counts.setdefault(region.province_nis, [0, 0, 0, 0, 0, 0])
        flags = index.region_flags.get(region.id, 0)
        row[3] += bool(flags & _SIGNED)
        row[4] += bool(flags & (_SIGNED | _FORECAST))
        row[5] += 1
    return counts


def report_from_counts(data: CoverageInput, counts: Mapping[str, list[int]], as_of: date,
                       horizon: date) -> CoverageReport:
    """The table rows in the published order, and Flanders."""
    rows = [_area_row(data.provinces[nis].name_nl, nis, counts[nis]) for nis in province_order(data)]
    return CoverageReport(as_of, horizon, (*rows, _flanders_row(rows)))


def province_order(data: CoverageInput) -> list[str]:
    """Province codes in the published order, unknown ones after them."""
    known = [nis for nis in PUBLISHED_PROVINCE_ORDER if nis in data.provinces]
    return known + sorted(set(data.provinces) - set(known))


def _area_row(area: str, nis: str | None, c: list[int]) -> AreaCoverage:
    return AreaCoverage(area, nis, Ratio(c[0], c[2]), Ratio(c[1], c[2]), Ratio(c[3], c[5]), Ratio(c[4], c[5]))


def _flanders_row(rows: Iterable[AreaCoverage]) -> AreaCoverage:
    total = AreaCoverage(FLANDERS, None, Ratio(0, 0), Ratio(0, 0), Ratio(0, 0), Ratio(0, 0))
    for r in rows:
        total = AreaCoverage(
            FLANDERS,
            None,
            total.municipalities_reached + r.municipalities_reached,
            total.municipalities_forecast + r.municipalities_forecast,
            total.regions_with_agreement + r.regions_with_agreement,
            total.regions_forecast + r.regions_forecast,
        )
    return total


class DayIndex:
    """Status categories of municipalities on one day, computed on demand (cheap per municipality)."""

    def __init__(self, data: CoverageInput, day: date) -> None:
        self.day = day
        self._index = _build_index(data, day, day)

    @classmethod
    def from_index(cls, day: date, index: _Index) -> DayIndex:
        """A day index over an index built for ``day`` (and any horizon)."""
        day_index = cls.__new__(cls)
        day_index.day = day
        day_index._index = index
        return day_index

    def changed_since(self, previous: DayIndex) -> set[str] | None:
        """Codes whose status, reaching partners or regiegebieden may differ from ``previous`` (None: any)."""
        old, new = previous._index, self._index
        if previous.day != self.day or (old.predecessors is not new.predecessors
                                        and old.predecessors != new.predecessors):
            return None
        mask = _SIGNED | _NEGOTIATING
        codes = _differing(old.municipality_flags, new.municipality_flags, mask)
        regions = _differing(old.region_flags, new.region_flags, mask)
        if old.regions_of is not new.regions_of:  # an index updated after agreement edits shares them
            codes.update(nis for nis in old.regions_of.keys() | new.regions_of.keys()
                         if old.regions_of.get(nis) != new.regions_of.get(nis))
        if regions:
            codes.update(nis for nis, ids in new.regions_of.items() if not regions.isdisjoint(ids))
        return _with_successors(codes, new.predecessors)

    def status(self, nis: str) -> AgreementStatus:
        """Afgesloten, in onderhandeling or op te starten for ``nis`` on the day."""
        flags = _municipality_flags(nis, self._index)
        if flags & _SIGNED:
            return AgreementStatus.SIGNED
        return AgreementStatus.NEGOTIATING if flags & _NEGOTIATING else AgreementStatus.TO_START

    def coverage(self, nis: str) -> MunicipalityCoverage:
        """The status with, when reached, the partners that reach ``nis``."""
        status = self.status(nis)
        if status is AgreementStatus.SIGNED:
            return _reached_via(nis, self._index)
        return MunicipalityCoverage(status)

    def forecast_coverage(self, nis: str) -> MunicipalityCoverage:
        """Like :meth:`coverage`, but afgesloten also when expected signed by the index's horizon (the forecast
        column of the coverage table)."""
        flags = _municipality_flags(nis, self._index)
        if flags & (_SIGNED | _FORECAST):
            return _reached_via(nis, self._index, _SIGNED | _FORECAST)
        return MunicipalityCoverage(AgreementStatus.NEGOTIATING if flags & _NEGOTIATING else AgreementStatus.TO_START)

    def lineage(self, nis: str) -> tuple[str, ...]:
        """``nis`` and every code it (transitively) succeeded."""
        return tuple(_lineage(nis, self._index.predecessors))

    def regions_of(self, nis: str) -> tuple[int, ...]:
        """Regiegebieden ``nis`` itself belongs to on the day."""
        return tuple(self._index.regions_of.get(nis, ()))


def _differing(old: Mapping[Any, int], new: Mapping[Any, int], mask: int) -> set[Any]:
    """Keys whose flags differ in ``mask``."""
    return {key for key in old.keys() | new.keys() if (old.get(key, 0) ^ new.get(key, 0)) & mask}


def _with_successors(codes: set[str], predecessors: Mapping[str, list[str]]) -> set[str]:
    """``codes`` and every code that (transitively) succeeded one of them: it inherits their coverage."""
    if not predecessors:
        return codes
    successor = {old: new for new, olds in predecessors.items() for old in olds}
    result = set(codes)
    frontier = [code for code in codes if code in successor]
    while frontier:
        following = successor[frontier.pop()]
        if following not in result:
            result.add(following)
            if following in successor:
                frontier.append(following)
    return result


def municipality_coverage(data: CoverageInput, day: date) -> dict[str, MunicipalityCoverage]:
    """Status category on ``day`` of every municipality valid then, with the partners that reach it."""
    index = DayIndex(data, day)
    return {m.nis_code: index.coverage(m.nis_code) for m in valid_municipalities(data, day)}


def _reached_via(nis: str, index: _Index, mask: int = _SIGNED) -> MunicipalityCoverage:
    lineage = _lineage(nis, index.predecessors)
    via_municipalities = tuple(code for code in lineage if index.municipality_flags.get(code, 0) & mask)
    via_regions = tuple(
        dict.fromkeys(
            r for code in lineage for r in index.regions_of.get(code, ()) if index.region_flags.get(r, 0) & mask
        )
    )
    return MunicipalityCoverage(AgreementStatus.SIGNED, via_municipalities, via_regions)
