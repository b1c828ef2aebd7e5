"""The coverage for one pair of dates, kept up to date: an edited agreement recounts only what it can reach.

A full computation visits every agreement, membership and municipality; after an agreement edit only its old and
new partner change flags, and only the municipalities those partners reach (members of a regiegebied and, by
succession, later codes) change category. The counts per province are adjusted for those alone.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from typing import TypeVar

from sew_desktop.domain.coverage import (
    _FORECAST,
    _SIGNED,
    CoverageInput,
    CoverageReport,
    DayIndex,
    _agreement_flags,
    _build_index,
    _counts,
    _Index,
    _municipality_flags,
    _with_successors,
    report_from_counts,
)

K = TypeVar("K", str, int)


@dataclass(frozen=True)
class CoverageState:
    """The coverage table and the municipalities' statuses on the as-of date, from one index."""

    report: CoverageReport
    day: DayIndex
    index: _Index
    counts: dict[str, list[int]]


def coverage_state(data: CoverageInput, as_of: date, horizon: date) -> CoverageState:
    """The full computation. Statuses on the as-of date do not depend on the horizon, so they share its index."""
    if horizon < as_of:
        raise ValueError("the horizon lies before the as-of date")
    index = _build_index(data, as_of, horizon)
    counts = _counts(data, index, as_of)
    return CoverageState(report_from_counts(data, counts, as_of, horizon), DayIndex.from_index(as_of, index),
                         index, counts)


def after_agreement_edits(state: CoverageState, data: CoverageInput, changed: Iterable[int]) -> CoverageState:
    """``state`` after the agreements ``changed`` were inserted, updated or deleted (``data`` is the new data;
    memberships, regiegebieden and municipalities are unchanged). ``state`` itself is left as it was."""
    as_of, horizon = state.report.as_of, state.report.horizon
    old = state.index
    agreements, municipalities, regions = old.agreements.after_edits(
        changed, data, lambda agreement: _agreement_flags(agreement, as_of, horizon) != 0)
    new = replace(old, municipality_flags=dict(old.municipality_flags), region_flags=dict(old.region_flags),
                  agreements=agreements)
    _recompute_flags(new, data, municipalities, regions, as_of, horizon)
    counts = {nis: list(row) for nis, row in state.counts.items()}
    _recount(data, (old, new), counts, (municipalities, regions), as_of)
    return CoverageState(report_from_counts(data, counts, as_of, horizon), DayIndex.from_index(as_of, new),
                         new, counts)


def _recompute_flags(index: _Index, data: CoverageInput, municipalities: set[str], regions: set[int],
                     as_of: date, horizon: date) -> None:
    for nis in municipalities:
        _set_flags(index.municipality_flags, nis, index.agreements.of_municipality.get(nis, ()), data, as_of, horizon)
    for region_id in regions:
        _set_flags(index.region_flags, region_id, index.agreements.of_region.get(region_id, ()), data, as_of, horizon)


def _set_flags(flags_of: dict[K, int], key: K, agreement_ids: Iterable[int], data: CoverageInput, as_of: date,
               horizon: date) -> None:
    """A partner's flags: those of its agreements together (none: no entry)."""
    flags = 0
    for agreement_id in agreement_ids:
        flags |= _agreement_flags(data.agreements[agreement_id], as_of, horizon)
    if flags:
        flags_of[key] = flags
    else:
        flags_of.pop(key, None)


def _recount(data: CoverageInput, indexes: tuple[_Index, _Index], counts: dict[str, list[int]],
             partners: tuple[set[str], set[int]], as_of: date) -> None:
    """Move the municipalities and regiegebieden whose category changed between the counts."""
    old, new = indexes
    municipalities, regions = partners
    reached = set(municipalities)
    if regions:
        reached.update(nis for nis, ids in new.regions_of.items() if not regions.isdisjoint(ids))
    for nis in _with_successors(reached, new.predecessors):
        municipality = data.municipalities.get(nis)
        if municipality is not None and municipality.validity.contains(as_of):
            row = counts.setdefault(municipality.province_nis, [0, 0, 0, 0, 0, 0])
            _shift(row, 0, _municipality_flags(nis, old), _municipality_flags(nis, new))
    for region_id in regions:
        region = data.regions.get(region_id)
        if region is not None and region.validity.contains(as_of):
            row = counts.setdefault(region.province_nis, [0, 0, 0, 0, 0, 0])
            _shift(row, 3, old.region_flags.get(region_id, 0), new.region_flags.get(region_id, 0))


def _shift(row: list[int], first: int, before: int, after: int) -> None:
    """Adjust the reached and forecast counts at ``row[first]`` and ``row[first + 1]``."""
    row[first] += bool(after & _SIGNED) - bool(before & _SIGNED)
    row[first + 1] += bool(after & (_SIGNED | _FORECAST)) - bool(before & (_SIGNED | _FORECAST))
