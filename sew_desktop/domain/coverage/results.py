"""What coverage is computed from, and what it gives: the published table, statuses, the timeline."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from sew_desktop.domain.model import Agreement, AgreementStatus, Membership, Municipality, Province, Region
from sew_desktop.domain.rounding import Ratio

FLANDERS = "Vlaanderen"
# The order of the published tables: west to east, then Flanders as a whole.
PUBLISHED_PROVINCE_ORDER = ("30000", "40000", "10000", "20001", "70000")


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
        """The row of ``area`` (a province's Dutch name or "Vlaanderen"); KeyError for another name."""
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


@dataclass(frozen=True, slots=True)
class AreaTimeline:
    """Municipalities reached in one area (a province or Flanders), one ratio per point."""

    area: str
    province_nis: str | None
    reached: tuple[Ratio, ...]

    def percents(self) -> tuple[float, ...]:
        """Percentages with one decimal, one per point."""
        return tuple(r.percent_detail for r in self.reached)


@dataclass(frozen=True, slots=True)
class CountChange:
    """On ``day`` the number of municipalities goes from ``before`` to ``after`` (e.g. 01/01/2025: 300 → 285)."""

    day: date
    before: int
    after: int


@dataclass(frozen=True, slots=True)
class CoverageTimeline:
    """Coverage per area over time; points from ``first_forecast`` on are the forecast."""

    as_of: date
    horizon: date
    days: tuple[date, ...]
    first_forecast: int
    areas: tuple[AreaTimeline, ...]
    # Days within the span on which the number of municipalities changes (mergers), with the counts.
    count_changes: tuple[CountChange, ...] = ()

    def area(self, name: str) -> AreaTimeline:
        """The timeline of ``name`` (a province's Dutch name or "Vlaanderen")."""
        for candidate in self.areas:
            if candidate.area == name:
                return candidate
        raise KeyError(name)

    def is_forecast(self, index: int) -> bool:
        """True when the point at ``index`` is a forecast, not a figure on that day."""
        return index >= self.first_forecast


def province_order(provinces: Iterable[str]) -> list[str]:
    """Province codes in the published order, unknown ones after them."""
    codes = set(provinces)
    known = [nis for nis in PUBLISHED_PROVINCE_ORDER if nis in codes]
    return known + sorted(codes - set(known))


def flanders_total(rows: Iterable[AreaCoverage]) -> AreaCoverage:
    """The sum of the province rows."""
    zero = Ratio(0, 0)
    reached, forecast, regions, regions_forecast = zero, zero, zero, zero
    for r in rows:
        reached += r.municipalities_reached
        forecast += r.municipalities_forecast
        regions += r.regions_with_agreement
        regions_forecast += r.regions_forecast
    return AreaCoverage(FLANDERS, None, reached, forecast, regions, regions_forecast)
