"""Coverage over time: % of municipalities reached per province and for Flanders, month by month.

The points are the first day of every month from the month of the first signing (or of the as-of date, when
that comes first) up to the horizon, plus the as-of date and the horizon themselves. A point on or before the
as-of date is *actual*: municipalities reached on that day. A later point is the *forecast* for that day:
reached through agreements signed on the as-of date or expected to be signed by that day
(:func:`~sew_desktop.domain.status.forecast_days`). Both use the rules of :mod:`.day` judged on the point's
day: memberships and regiegebieden valid that day, legal succession after mergers, and as denominator the
municipalities valid that day.

Every rule becomes an interval of points: an agreement reaches its partner on a span of points, a membership
and a regiegebied are valid on a span. A municipality's *paths* (an agreement, through a regiegebied and a
membership, maybe through a predecessor) are intersections of such spans; it is reached on a point when any
path covers it. All of it is computed with array operations, whatever the number of months.
"""

from __future__ import annotations

from datetime import date

import numpy as np

from sew_desktop.domain.coverage.arrays import CoverageArrays, IndexArray
from sew_desktop.domain.coverage.results import FLANDERS, AreaTimeline, CoverageTimeline
from sew_desktop.domain.days import NEVER, DayArray
from sew_desktop.domain.rounding import Ratio
from sew_desktop.domain.status import forecast_days, signed_spans, status_codes

Spans = tuple[IndexArray, IndexArray, IndexArray]  # owner, first point, point after the last


def timeline_days(first_signed: date | None, as_of: date, horizon: date) -> tuple[date, ...]:
    """First days of the months from the first signing (or as-of) to the horizon, plus as-of and horizon."""
    start = min(first_signed or as_of, as_of).replace(day=1)
    days = {as_of, horizon}
    year, month = start.year, start.month
    while date(year, month, 1) <= horizon:
        days.add(date(year, month, 1))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return tuple(sorted(days))


def _join(spans: Spans, owners: IndexArray, low: IndexArray, high: IndexArray, key: IndexArray,
          size: int) -> Spans:
    """Intersect each row (``key``, ``low``, ``high``) with every span whose owner equals its key; the results
    are owned by ``owners`` of the row."""
    owner, first, after = spans
    order = np.argsort(owner, kind="stable")
    count = np.bincount(owner, minlength=size)
    start = np.cumsum(count) - count
    repeats = count[key]
    row = np.repeat(np.arange(len(key)), repeats)
    offset = np.arange(len(row)) - np.repeat(np.cumsum(repeats) - repeats, repeats)
    span = order[start[key[row]] + offset]
    return owners[row], np.maximum(first[span], low[row]), np.minimum(after[span], high[row])


def _concat(*parts: Spans) -> Spans:
    owners, firsts, afters = zip(*parts, strict=True)
    return np.concatenate(owners), np.concatenate(firsts), np.concatenate(afters)


def _covered(spans: Spans, size: int, points: int) -> np.ndarray:
    """``covered[i, p]``: some span of owner i covers point p (a difference array, summed along the points)."""
    owner, first, after = spans
    keep = first < after
    width = points + 1
    diff = (np.bincount(owner[keep] * width + first[keep], minlength=size * width)
            - np.bincount(owner[keep] * width + after[keep], minlength=size * width))
    return np.cumsum(diff.reshape(size, width), axis=1)[:, :points] > 0


class _Timeline:
    """The point spans of every rule for one timeline."""

    def __init__(self, arrays: CoverageArrays, days: tuple[date, ...], as_of: date) -> None:
        self.arrays = arrays
        self.numbers = np.array([d.toordinal() for d in days], dtype=np.int64)
        self.points = len(days)
        self.actual = int(np.searchsorted(self.numbers, as_of.toordinal(), side="right"))
        self.as_of = as_of

    def first(self, day: DayArray) -> IndexArray:
        """The first point on or after each day."""
        return np.searchsorted(self.numbers, day, side="left").astype(np.int64)

    def after(self, day: DayArray) -> IndexArray:
        """The first point after each day."""
        return np.searchsorted(self.numbers, day, side="right").astype(np.int64)

    def agreement_spans(self, partner: IndexArray) -> Spans:
        """Points where each agreement with a partner of this kind reaches it: signed that day (up to the as-of
        date), or in the forecast after it."""
        a = self.arrays.agreements
        keep = partner >= 0
        started, expected, signed, ended = a.started[keep], a.expected[keep], a.signed[keep], a.ended[keep]
        start, end = signed_spans(signed, ended)
        actual_first = self.first(start)
        actual_after = np.minimum(self.actual, np.where(end >= NEVER, self.points, self.first(end)))
        codes = status_codes(started, signed, ended, self.as_of.toordinal())
        forecast_first = np.maximum(self.actual, self.first(forecast_days(codes, signed, expected)))
        owner = partner[keep]
        return _concat((owner, actual_first, actual_after),
                       (owner, forecast_first, np.full(len(owner), self.points, dtype=np.int64)))

    def municipality_spans(self) -> Spans:
        """Every path that reaches a municipality, predecessors' paths included."""
        places = self.arrays.places
        regions = self.agreement_spans(self.arrays.agreements.region)
        region_owner = np.arange(len(places.region_ids), dtype=np.int64)
        regions = _join(regions, region_owner, self.first(places.region_from), self.after(places.region_to),
                        region_owner, len(places.region_ids))
        through_regions = _join(regions, places.member_municipality, self.first(places.member_from),
                                self.after(places.member_to), places.member_region, len(places.region_ids))
        own = _concat(self.agreement_spans(self.arrays.agreements.municipality), through_regions)
        everything = np.zeros(len(places.lineage_ancestor), dtype=np.int64)
        inherited = _join(own, places.lineage_descendant, everything, everything + self.points,
                          places.lineage_ancestor, len(places.codes))
        return _concat(own, inherited)

    def per_province(self, selected: np.ndarray) -> list[list[int]]:
        """Per province: the number of selected municipalities on each point."""
        province = self.arrays.places.municipality_province
        return [selected[province == i].sum(axis=0).tolist() for i in range(len(self.arrays.places.provinces))]


def first_signing(arrays: CoverageArrays) -> date | None:
    """The earliest signing date of any agreement."""
    signed = arrays.agreements.signed
    first = int(signed.min()) if len(signed) else NEVER
    return None if first >= NEVER else date.fromordinal(first)


def compute_timeline(arrays: CoverageArrays, as_of: date, horizon: date) -> CoverageTimeline:
    """% of municipalities reached per province (published order) and for Flanders, month by month."""
    if horizon < as_of:
        raise ValueError("the horizon lies before the as-of date")
    days = timeline_days(first_signing(arrays), as_of, horizon)
    timeline = _Timeline(arrays, days, as_of)
    places = arrays.places
    size = len(places.codes)
    municipalities = np.arange(size, dtype=np.int64)
    valid = _covered((municipalities, timeline.first(places.municipality_from),
                      timeline.after(places.municipality_to)), size, timeline.points)
    reached = _covered(timeline.municipality_spans(), size, timeline.points) & valid
    areas = [AreaTimeline(name, nis, tuple(map(Ratio, parts, wholes)))
             for nis, name, parts, wholes in zip(places.provinces, places.province_names,
                                                 timeline.per_province(reached), timeline.per_province(valid),
                                                 strict=True)]
    total = [Ratio(0, 0)] * timeline.points
    for area in areas:
        total = [a + b for a, b in zip(total, area.reached, strict=True)]
    return CoverageTimeline(as_of, horizon, days, timeline.actual, (*areas, AreaTimeline(FLANDERS, None, tuple(total))))
