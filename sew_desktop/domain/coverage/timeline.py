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
from sew_desktop.domain.coverage.mergers import municipality_count_changes
from sew_desktop.domain.coverage.results import FLANDERS, AreaTimeline, CoverageTimeline
from sew_desktop.domain.days import NEVER, DayArray, horizon_for
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
    return _nonempty((owners[row], np.maximum(first[span], low[row]), np.minimum(after[span], high[row])))


def _nonempty(spans: Spans) -> Spans:
    """Only the spans that cover a point (most forecast and ended spans are empty: dropping them early keeps
    every later step small)."""
    owner, first, after = spans
    keep = first < after
    return owner[keep], first[keep], after[keep]


def _concat(*parts: Spans) -> Spans:
    owners, firsts, afters = zip(*parts, strict=True)
    return np.concatenate(owners), np.concatenate(firsts), np.concatenate(afters)


def _count_per_province(owner: IndexArray, first: IndexArray, after: IndexArray, province: IndexArray,
                        provinces: int, points: int) -> list[list[int]]:
    """Per province and point: how many of the spans (disjoint for each owner) cover it."""
    width = points + 1
    area = province[owner] * width
    diff = (np.bincount(area + first, minlength=provinces * width)
            - np.bincount(area + after, minlength=provinces * width))
    counts = np.cumsum(diff.reshape(provinces, width), axis=1)[:, :points]
    return [[int(n) for n in row] for row in counts]


def _union_per_province(spans: Spans, province: IndexArray, provinces: int, points: int) -> list[list[int]]:
    """Per province and point: how many owners some span covers. The spans of each owner are merged into
    disjoint intervals first (sorted by owner and start, a new interval where a span starts after the running
    end), so that disjoint intervals can simply be counted per province with a difference array."""
    owner, first, after = spans
    keep = (first < after) & (province[owner] >= 0)
    owner, first, after = owner[keep], first[keep], after[keep]
    if not len(owner):
        return [[0] * points for _ in range(provinces)]
    width = points + 1
    order = np.argsort(owner * width + first)
    owner, first, after = owner[order], first[order], after[order]
    offset = owner * width  # owners ascend, so a running maximum of offset + end restarts at each owner
    running_end = np.maximum.accumulate(offset + after) - offset
    starts_interval = np.ones(len(owner), dtype=bool)
    starts_interval[1:] = (owner[1:] != owner[:-1]) | (first[1:] > running_end[:-1])
    begin = np.flatnonzero(starts_interval)
    end = np.append(begin[1:] - 1, len(owner) - 1).astype(np.int64)
    return _count_per_province(owner[begin], first[begin], running_end[end], province, provinces, points)


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
        return _nonempty(_concat((owner, actual_first, actual_after),
                                 (owner, forecast_first, np.full(len(owner), self.points, dtype=np.int64))))

    def municipality_spans(self) -> Spans:
        """Every path that reaches a municipality, predecessors' paths included."""
        places = self.arrays.places
        regions = self.agreement_spans(self.arrays.agreements.region)
        region_owner = np.arange(len(places.region_ids), dtype=np.int64)
        regions = _join(regions, region_owner, self.first(places.region_from), self.after(places.region_to),
                        region_owner, len(places.region_ids))
        members = self.arrays.members
        through_regions = _join(regions, members.municipality, self.first(members.valid_from),
                                self.after(members.valid_to), members.region, len(places.region_ids))
        own = _concat(self.agreement_spans(self.arrays.agreements.municipality), through_regions)
        has_successor = np.zeros(len(places.codes), dtype=bool)
        has_successor[places.lineage_ancestor] = True
        passed_on = has_successor[own[0]]  # only the spans of merged codes are inherited: join just those
        everything = np.zeros(len(places.lineage_ancestor), dtype=np.int64)
        inherited = _join((own[0][passed_on], own[1][passed_on], own[2][passed_on]), places.lineage_descendant,
                          everything, everything + self.points, places.lineage_ancestor, len(places.codes))
        return _concat(own, inherited)

    def reached_per_province(self) -> list[list[int]]:
        """Per province and point: municipalities reached that day (paths clipped to the code's validity)."""
        places = self.arrays.places
        owner, first, after = self.municipality_spans()
        first = np.maximum(first, self.first(places.municipality_from)[owner])
        after = np.minimum(after, self.after(places.municipality_to)[owner])
        return _union_per_province((owner, first, after), places.municipality_province, len(places.provinces),
                                   self.points)

    def valid_per_province(self) -> list[list[int]]:
        """Per province and point: municipalities valid that day."""
        places = self.arrays.places
        first, after = self.first(places.municipality_from), self.after(places.municipality_to)
        keep = (first < after) & (places.municipality_province >= 0)  # one span per code: nothing to merge
        owner = np.flatnonzero(keep).astype(np.int64)
        return _count_per_province(owner, first[keep], after[keep], places.municipality_province,
                                   len(places.provinces), self.points)


def first_signing(arrays: CoverageArrays) -> date | None:
    """The earliest signing date of any agreement."""
    signed = arrays.agreements.signed
    first = int(signed.min()) if len(signed) else NEVER
    return None if first >= NEVER else date.fromordinal(first)


def compute_timeline(arrays: CoverageArrays, as_of: date, horizon: date) -> CoverageTimeline:
    """% of municipalities reached per province (published order) and for Flanders, month by month."""
    horizon_for(as_of, horizon)  # raises when the horizon lies before the as-of date
    days = timeline_days(first_signing(arrays), as_of, horizon)
    timeline = _Timeline(arrays, days, as_of)
    places = arrays.places
    areas = [AreaTimeline(name, nis, tuple(map(Ratio, parts, wholes)))
             for nis, name, parts, wholes in zip(places.provinces, places.province_names,
                                                 timeline.reached_per_province(), timeline.valid_per_province(),
                                                 strict=True)]
    total = [Ratio(0, 0)] * timeline.points
    for area in areas:
        total = [a + b for a, b in zip(total, area.reached, strict=True)]
    changes = municipality_count_changes(places, days[0], days[-1])
    return CoverageTimeline(as_of, horizon, days, timeline.actual, (*areas, AreaTimeline(FLANDERS, None, tuple(total))),
                            changes)
