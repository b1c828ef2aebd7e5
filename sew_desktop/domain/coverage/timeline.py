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

:class:`TimelineState` keeps, per code and point, how many paths reach it; after an agreement edit only the
edited rows' paths are counted again (subtracted as they were, added as they are), and only the codes they
reach are judged again, so an edit costs a few rows instead of every agreement.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import numpy as np
import numpy.typing as npt

from sew_desktop.domain.coverage.arrays import Agreements, CoverageArrays, IndexArray, Members, Places
from sew_desktop.domain.coverage.mergers import municipality_count_changes
from sew_desktop.domain.coverage.results import FLANDERS, AreaTimeline, CoverageTimeline
from sew_desktop.domain.days import NEVER, DayArray, Flags, horizon_for
from sew_desktop.domain.rounding import Ratio
from sew_desktop.domain.status import forecast_days, signed_spans, status_codes

Spans = tuple[IndexArray, IndexArray, IndexArray]  # owner, first point, point after the last
CountMatrix = npt.NDArray[np.int32]


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


def _covering(spans: Spans, rows: int, points: int, weight: IndexArray | None = None) -> CountMatrix:
    """Per owner (``0 .. rows - 1``) and point: how many of the spans cover it (each counted ``weight`` times)."""
    owner, first, after = spans
    width = points + 1
    area = owner * width
    diff = (np.bincount(area + first, weight, minlength=rows * width)
            - np.bincount(area + after, weight, minlength=rows * width)).astype(np.int32).reshape(rows, width)
    return np.cumsum(diff, axis=1, out=diff)[:, :points]


def _count_per_province(owner: IndexArray, first: IndexArray, after: IndexArray, province: IndexArray,
                        provinces: int, points: int) -> IndexArray:
    """Per province and point: how many of the spans (at most one for each owner) cover it."""
    width = points + 1
    area = province[owner] * width
    diff = (np.bincount(area + first, minlength=provinces * width)
            - np.bincount(area + after, minlength=provinces * width))
    return np.cumsum(diff.reshape(provinces, width), axis=1)[:, :points]


def _per_province(rows: npt.NDArray[np.int64] | Flags, province: IndexArray, provinces: int) -> IndexArray:
    """Per province and point: the sum of the rows of its codes (codes outside the provinces left out)."""
    counts = np.zeros((provinces, rows.shape[1]), dtype=np.int64)
    for index in range(provinces):  # a handful: faster than np.add.at over the rows
        counts[index] = rows[province == index].sum(axis=0, dtype=np.int64)
    return counts


class _Points:
    """The points of one timeline, and the point spans of the places and memberships on them."""

    def __init__(self, places: Places, members: Members, days: tuple[date, ...], as_of: date) -> None:
        self.places, self.members = places, members
        self.numbers = np.array([d.toordinal() for d in days], dtype=np.int64)
        self.points = len(days)
        self.actual = int(np.searchsorted(self.numbers, as_of.toordinal(), side="right"))
        self.as_of = as_of
        self.valid_first, self.valid_after = self.first(places.municipality_from), self.after(places.municipality_to)
        self.region_first, self.region_after = self.first(places.region_from), self.after(places.region_to)
        self.member_first, self.member_after = self.first(members.valid_from), self.after(members.valid_to)
        self.has_successor = np.zeros(len(places.codes), dtype=bool)
        self.has_successor[places.lineage_ancestor] = True

    def first(self, day: DayArray) -> IndexArray:
        """The first point on or after each day."""
        return np.searchsorted(self.numbers, day, side="left").astype(np.int64)

    def after(self, day: DayArray) -> IndexArray:
        """The first point after each day."""
        return np.searchsorted(self.numbers, day, side="right").astype(np.int64)

    def valid_per_province(self) -> IndexArray:
        """Per province and point: municipalities valid that day."""
        places = self.places
        keep = (self.valid_first < self.valid_after) & (places.municipality_province >= 0)  # one span per code
        owner = np.flatnonzero(keep).astype(np.int64)
        return _count_per_province(owner, self.valid_first[keep], self.valid_after[keep],
                                   places.municipality_province, len(places.provinces), self.points)

    def agreement_spans(self, agreements: Agreements, partner: IndexArray) -> Spans:
        """Points where each agreement with a partner of this kind reaches it: signed that day (up to the as-of
        date), or in the forecast after it."""
        keep = partner >= 0
        started, expected = agreements.started[keep], agreements.expected[keep]
        signed, ended = agreements.signed[keep], agreements.ended[keep]
        start, end = signed_spans(signed, ended)
        actual_first = self.first(start)
        actual_after = np.minimum(self.actual, np.where(end >= NEVER, self.points, self.first(end)))
        codes = status_codes(started, signed, ended, self.as_of.toordinal())
        forecast_first = np.maximum(self.actual, self.first(forecast_days(codes, signed, expected)))
        owner = partner[keep]
        return _nonempty(_concat((owner, actual_first, actual_after),
                                 (owner, forecast_first, np.full(len(owner), self.points, dtype=np.int64))))

    def paths(self, agreements: Agreements) -> Spans:
        """Every path by which ``agreements`` reach a municipality code: their partner, the members of their
        regiegebied, and the successors of either; clipped to the days the code is valid."""
        places, members, regions = self.places, self.members, len(self.places.region_ids)
        region_owner = np.arange(regions, dtype=np.int64)
        spans = _join(self.agreement_spans(agreements, agreements.region), region_owner, self.region_first,
                      self.region_after, region_owner, regions)
        through_regions = _join(spans, members.municipality, self.member_first, self.member_after, members.region,
                                regions)
        own = _concat(self.agreement_spans(agreements, agreements.municipality), through_regions)
        passed_on = self.has_successor[own[0]]  # only the spans of merged codes are inherited: join just those
        everything = np.zeros(len(places.lineage_ancestor), dtype=np.int64)
        inherited = _join((own[0][passed_on], own[1][passed_on], own[2][passed_on]), places.lineage_descendant,
                          everything, everything + self.points, places.lineage_ancestor, len(places.codes))
        owner, first, after = _concat(own, inherited)
        return _nonempty((owner, np.maximum(first, self.valid_first[owner]),
                          np.minimum(after, self.valid_after[owner])))


class TimelineState:
    """The timeline of one set of columns and pair of dates, kept current across agreement edits.

    It keeps, per municipality code and point, how many paths reach the code. An edit of agreements subtracts
    the paths of the edited rows as they were and adds them as they are, and counts again only the codes whose
    paths changed: the figures equal a fresh computation (a test compares them after random edits)."""

    def __init__(self, arrays: CoverageArrays, as_of: date, horizon: date) -> None:
        horizon_for(as_of, horizon)  # raises when the horizon lies before the as-of date
        self.arrays, self.as_of, self.horizon = arrays, as_of, horizon
        self.days = timeline_days(first_signing(arrays), as_of, horizon)
        self._points = _Points(arrays.places, arrays.members, self.days, as_of)
        places = arrays.places
        self._paths = _covering(self._points.paths(arrays.agreements), len(places.codes), self._points.points)
        self._reached = _per_province(self._paths > 0, places.municipality_province, len(places.provinces))
        self._valid = self._points.valid_per_province()
        self._changes = municipality_count_changes(places, self.days[0], self.days[-1])
        self.timeline = self._result()

    def fits(self, arrays: CoverageArrays, as_of: date, horizon: date) -> bool:
        """Whether ``arrays`` differ from this timeline's columns in agreements only, and with the same points:
        then :meth:`update` brings it up to date."""
        return (arrays.places is self.arrays.places and arrays.members is self.arrays.members
                and (as_of, horizon) == (self.as_of, self.horizon)
                and timeline_days(first_signing(arrays), as_of, horizon) == self.days)

    def update(self, arrays: CoverageArrays, changed: Iterable[int]) -> CoverageTimeline:
        """The timeline after the agreements ``changed`` were inserted, updated or deleted; ``arrays`` are the
        columns after it and must :meth:`fit <fits>`."""
        ids = list(changed)
        before = self._points.paths(self.arrays.agreements.take(self.arrays.positions(ids)))
        after = self._points.paths(arrays.agreements.take(arrays.positions(ids)))
        self.arrays = arrays
        weight = np.concatenate((np.full(len(before[0]), -1), np.ones(len(after[0]), dtype=np.int64)))
        if len(weight):
            self._add(_concat(before, after), weight)
        self.timeline = self._result()
        return self.timeline

    def _add(self, spans: Spans, weight: IndexArray) -> None:
        """Count ``spans`` ``weight`` times more, and the codes they reach again."""
        codes, local = np.unique(spans[0], return_inverse=True)
        old = self._reached_rows(codes)
        self._paths[codes] += _covering((local.astype(np.int64), spans[1], spans[2]), len(codes),
                                        self._points.points, weight)
        change = self._reached_rows(codes).astype(np.int64) - old
        places = self.arrays.places
        self._reached += _per_province(change, places.municipality_province[codes], len(places.provinces))

    def _reached_rows(self, codes: IndexArray) -> Flags:
        """Per code of ``codes`` and point: reached by some path."""
        return self._paths[codes] > 0

    def _result(self) -> CoverageTimeline:
        places = self.arrays.places
        areas = [AreaTimeline(name, nis, tuple(map(Ratio, parts, wholes)))
                 for nis, name, parts, wholes in zip(places.provinces, places.province_names,
                                                     self._reached.tolist(), self._valid.tolist(), strict=True)]
        total = [Ratio(0, 0)] * self._points.points
        for area in areas:
            total = [a + b for a, b in zip(total, area.reached, strict=True)]
        return CoverageTimeline(self.as_of, self.horizon, self.days, self._points.actual,
                                (*areas, AreaTimeline(FLANDERS, None, tuple(total))), self._changes)


def first_signing(arrays: CoverageArrays) -> date | None:
    """The earliest signing date of any agreement."""
    signed = arrays.agreements.signed
    first = int(signed.min()) if len(signed) else NEVER
    return None if first >= NEVER else date.fromordinal(first)


def compute_timeline(arrays: CoverageArrays, as_of: date, horizon: date) -> CoverageTimeline:
    """% of municipalities reached per province (published order) and for Flanders, month by month."""
    return TimelineState(arrays, as_of, horizon).timeline
