"""Coverage over time: % of municipalities reached per province and for Flanders, month by month.

The points are the first day of every month from the month of the first signing (or of the as-of date, when
that comes first) up to the horizon, plus the as-of date and the horizon themselves. A point on or before the
as-of date is *actual*: municipalities reached on that day. A later point is the *forecast* for that day:
reached through agreements signed on the as-of date or expected to be signed by that day
(:func:`~sew_desktop.domain.status.expected_signed_by`). Both use the rules of :mod:`coverage` judged on the
point's day: memberships and regiegebieden valid that day, legal succession after mergers, and as denominator
the municipalities valid that day.

Every date is turned into a bit mask over the points once (an agreement, a membership, a validity), so the
whole timeline costs about one coverage computation, whatever the number of months.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from operator import attrgetter

from sew_desktop.domain.coverage import FLANDERS, CoverageInput, province_order
from sew_desktop.domain.model import Agreement
from sew_desktop.domain.rounding import Ratio
from sew_desktop.domain.status import forecast_date, signed_period


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
class CoverageTimeline:
    """Coverage per area over time; points from ``first_forecast`` on are the forecast."""

    as_of: date
    horizon: date
    days: tuple[date, ...]
    first_forecast: int
    areas: tuple[AreaTimeline, ...]

    def area(self, name: str) -> AreaTimeline:
        """The timeline of ``name`` (a province's Dutch name or "Vlaanderen")."""
        for candidate in self.areas:
            if candidate.area == name:
                return candidate
        raise KeyError(name)

    def is_forecast(self, index: int) -> bool:
        """True when the point at ``index`` is a forecast, not a figure on that day."""
        return index >= self.first_forecast


def timeline_days(first_signed: date | None, as_of: date, horizon: date) -> tuple[date, ...]:
    """First days of the months from the first signing (or as-of) to the horizon, plus as-of and horizon."""
    start = min(first_signed or as_of, as_of).replace(day=1)
    days = {as_of, horizon}
    year, month = start.year, start.month
    while date(year, month, 1) <= horizon:
        days.add(date(year, month, 1))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return tuple(sorted(days))


class _Masks:
    """Bit masks over the points: bit i is set when something holds on ``days[i]``."""

    def __init__(self, days: tuple[date, ...], as_of: date) -> None:
        self.days = days
        self.count = len(days)
        self.actual = bisect_right(days, as_of)  # points 0 .. actual-1 are on or before the as-of date
        self.as_of = as_of
        self.everything = self.span(0, self.count)
        self.validity_cache: dict[tuple[date | None, date | None], int] = {}
        self.agreement_cache: dict[tuple[date | None, ...], int] = {}

    @staticmethod
    def span(low: int, high: int) -> int:
        """Bits ``low`` up to (not including) ``high``."""
        return (1 << high) - (1 << low) if high > low else 0

    def validity(self, valid_from: date | None, valid_to: date | None) -> int:
        """Points inside a closed validity interval."""
        key = (valid_from, valid_to)
        mask = self.validity_cache.get(key)
        if mask is None:
            low = 0 if valid_from is None else bisect_left(self.days, valid_from)
            high = self.count if valid_to is None else bisect_right(self.days, valid_to)
            mask = self.validity_cache[key] = self.span(low, high)
        return mask

    def agreement(self, agreement: Agreement) -> int:
        """Points where the agreement reaches its partner: signed that day, or (after as-of) in the forecast."""
        key = (agreement.signed, agreement.ended, agreement.negotiation_started, agreement.expected_signing)
        mask = self.agreement_cache.get(key)
        if mask is None:
            mask = self.agreement_cache[key] = self._actual_mask(agreement) | self._forecast_mask(agreement)
        return mask

    def _actual_mask(self, agreement: Agreement) -> int:
        period = signed_period(agreement)
        if period is None:
            return 0
        high = self.actual if period[1] is None else min(self.actual, bisect_left(self.days, period[1]))
        return self.span(bisect_left(self.days, period[0]), high)

    def _forecast_mask(self, agreement: Agreement) -> int:
        expected = forecast_date(agreement, self.as_of)
        if expected is None:
            return 0
        return self.span(max(self.actual, bisect_left(self.days, expected)), self.count)


def _partner_masks(data: CoverageInput, masks: _Masks) -> tuple[dict[str, int], dict[int, int]]:
    """Reach masks per partner municipality and per partner regiegebied."""
    by_municipality: dict[str, int] = {}
    by_region: dict[int, int] = {}
    cache, compute = masks.agreement_cache, masks.agreement
    for agreement in data.agreements.values():
        signed, started = agreement.signed, agreement.negotiation_started
        if signed is None and started is None:
            continue  # never signed nor negotiating: never reaches anyone
        mask = cache.get((signed, agreement.ended, started, agreement.expected_signing))
        if mask is None:
            mask = compute(agreement)
        if not mask:
            continue
        partner = agreement.partner
        nis = partner.municipality_nis
        if nis is not None:
            by_municipality[nis] = by_municipality.get(nis, 0) | mask
        elif partner.region_id is not None:
            by_region[partner.region_id] = by_region.get(partner.region_id, 0) | mask
    return by_municipality, by_region


def _region_masks(data: CoverageInput, masks: _Masks, by_region: dict[int, int]) -> dict[int, int]:
    """Partner masks of regiegebieden, limited to the points where the regiegebied itself is valid."""
    result: dict[int, int] = {}
    for region_id, mask in by_region.items():
        region = data.regions.get(region_id)
        if region is not None:
            result[region_id] = mask & masks.validity(region.validity.valid_from, region.validity.valid_to)
    return result


def _own_reach(data: CoverageInput, masks: _Masks) -> dict[str, int]:
    """Per municipality code: points where it is reached itself or through a regiegebied it belongs to then."""
    reach, by_region = _partner_masks(data, masks)
    return membership_reach(data, masks, reach, _region_masks(data, masks, by_region))


def membership_reach(data: CoverageInput, masks: _Masks, reach: dict[str, int],
                     region_masks: dict[int, int]) -> dict[str, int]:
    """``reach`` (changed in place and returned) widened by the regiegebieden each code belongs to, while it does."""
    if not region_masks:
        return reach
    cache, compute, everything = masks.validity_cache, masks.validity, masks.everything
    for membership in data.memberships.values():
        mask = region_masks.get(membership.region_id)
        if not mask:
            continue
        validity = membership.validity
        key = (validity.valid_from, validity.valid_to)
        valid = cache.get(key)
        if valid is None:
            valid = compute(*key)
        if valid != everything:
            mask &= valid
        if mask:
            nis = membership.municipality_nis
            reach[nis] = reach.get(nis, 0) | mask
    return reach


def _inherit(data: CoverageInput, reach: dict[str, int]) -> dict[str, int]:
    """Legal succession: a municipality is reached where any of its predecessors is (transitively)."""
    merged = filter(attrgetter("successor_nis"), data.municipalities.values())
    successors = {m.nis_code: m.successor_nis for m in merged}
    for code in reach.keys() & successors.keys():
        mask = reach[code]
        seen = {code}
        current = successors.get(code)
        while current is not None and current not in seen:
            seen.add(current)
            reach[current] = reach.get(current, 0) | mask
            current = successors.get(current)
    return reach


def _counts(data: CoverageInput, masks: _Masks) -> tuple[Counter[tuple[str, int]], Counter[tuple[str, int]]]:
    """Municipalities per (province, mask): reached ones by reach mask, all by validity mask; one pass."""
    return count_reach(data, masks, _inherit(data, _own_reach(data, masks)))


def count_reach(data: CoverageInput, masks: _Masks,
                reach: dict[str, int]) -> tuple[Counter[tuple[str, int]], Counter[tuple[str, int]]]:
    """Municipalities per (province, mask) for a final reach per code: reached ones, and all by validity."""
    cache, compute = masks.validity_cache, masks.validity
    reached: Counter[tuple[str, int]] = Counter()
    totals: Counter[tuple[str, int]] = Counter()
    for municipality in data.municipalities.values():
        validity = municipality.validity
        key = (validity.valid_from, validity.valid_to)
        valid = cache.get(key)
        if valid is None:
            valid = compute(*key)
        province = municipality.province_nis
        totals[province, valid] += 1
        mask = reach.get(municipality.nis_code, 0) & valid
        if mask:
            reached[province, mask] += 1
    return reached, totals


def _per_point(counts: Counter[tuple[str, int]], province: str, points: int) -> list[int]:
    result = [0] * points
    for (candidate, mask), number in counts.items():
        if candidate != province:
            continue
        for index in range(points):
            if mask >> index & 1:
                result[index] += number
    return result


def _first_signed(data: CoverageInput) -> date | None:
    return min(filter(None, map(attrgetter("signed"), data.agreements.values())), default=None)


def coverage_timeline(data: CoverageInput, as_of: date, horizon: date) -> CoverageTimeline:
    """% of municipalities reached per province (published order) and for Flanders, month by month."""
    if horizon < as_of:
        raise ValueError("the horizon lies before the as-of date")
    masks = _Masks(timeline_days(_first_signed(data), as_of, horizon), as_of)
    return assemble(data, masks, horizon, *_counts(data, masks))


def assemble(data: CoverageInput, masks: _Masks, horizon: date, reached: Counter[tuple[str, int]],
             totals: Counter[tuple[str, int]]) -> CoverageTimeline:
    """The timeline per province (published order) and for Flanders from the counts per (province, mask)."""
    areas = []
    for nis in province_order(data):
        parts, wholes = _per_point(reached, nis, masks.count), _per_point(totals, nis, masks.count)
        areas.append(AreaTimeline(data.provinces[nis].name_nl, nis, tuple(map(Ratio, parts, wholes))))
    return CoverageTimeline(masks.as_of, horizon, masks.days, masks.actual, (*areas, _flanders(areas, masks.count)))


def _flanders(areas: Iterable[AreaTimeline], points: int) -> AreaTimeline:
    total = [Ratio(0, 0)] * points
    for area in areas:
        total = [a + b for a, b in zip(total, area.reached, strict=True)]
    return AreaTimeline(FLANDERS, None, tuple(total))
