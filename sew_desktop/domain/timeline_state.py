"""Coverage over time kept up to date: after an agreement edit only the municipalities its partners reach are
counted again (the same rules as :mod:`timeline`, which computes everything in one pass)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date

from sew_desktop.domain.coverage import CoverageInput, _lineage, _with_successors
from sew_desktop.domain.partner_agreements import PartnerAgreements
from sew_desktop.domain.timeline import (
    CoverageTimeline,
    _first_signed,
    _inherit,
    _Masks,
    assemble,
    count_reach,
    membership_reach,
    timeline_days,
)

Counts = Counter[tuple[str, int]]


@dataclass(slots=True)
class _Topology:
    """Memberships and successions over the points: unchanged by agreement edits, so built once, when first needed."""

    memberships_of: dict[str, list[tuple[int, int]]] = field(default_factory=lambda: defaultdict(list))
    members_of: dict[int, set[str]] = field(default_factory=lambda: defaultdict(set))
    predecessors: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))


@dataclass(slots=True)
class _Reach:
    """Who reaches whom on which points; an update works on copies of the dicts."""

    agreements: PartnerAgreements = field(default_factory=PartnerAgreements)  # those that reach on some point
    municipality_mask: dict[str, int] = field(default_factory=dict)  # through its own agreements
    region_mask: dict[int, int] = field(default_factory=dict)  # agreements, while the regiegebied exists
    final: dict[str, int] = field(default_factory=dict)  # own reach and that of every predecessor
    topology: _Topology | None = None


@dataclass(frozen=True)
class TimelineState:
    """A timeline with what it takes to update it after agreement edits."""

    timeline: CoverageTimeline
    masks: _Masks
    first_signed: date | None
    reach: _Reach
    reached: Counts
    totals: Counts


def timeline_state(data: CoverageInput, as_of: date, horizon: date) -> TimelineState:
    """The full computation."""
    if horizon < as_of:
        raise ValueError("the horizon lies before the as-of date")
    first = _first_signed(data)
    masks = _Masks(timeline_days(first, as_of, horizon), as_of)
    reach = _Reach()
    for agreement in data.agreements.values():
        if masks.agreement(agreement):
            reach.agreements.add(agreement)
    _partner_masks(reach, data, masks, reach.agreements.of_municipality, reach.agreements.of_region)
    reach.final = _inherit(data, membership_reach(data, masks, dict(reach.municipality_mask), reach.region_mask))
    reached, totals = count_reach(data, masks, reach.final)
    return TimelineState(assemble(data, masks, horizon, reached, totals), masks, first, reach, reached, totals)


def _topology(data: CoverageInput, masks: _Masks) -> _Topology:
    topology = _Topology()
    for membership in data.memberships.values():
        valid = masks.validity(membership.validity.valid_from, membership.validity.valid_to)
        topology.memberships_of[membership.municipality_nis].append((membership.region_id, valid))
        topology.members_of[membership.region_id].add(membership.municipality_nis)
    for municipality in data.municipalities.values():
        if municipality.successor_nis:
            topology.predecessors[municipality.successor_nis].append(municipality.nis_code)
    return topology


def after_agreement_edits(state: TimelineState, data: CoverageInput, changed: Iterable[int]) -> TimelineState:
    """``state`` after the agreements ``changed`` were inserted, updated or deleted (``data`` is the new data;
    nothing else changed). A new first signing moves the points: then everything is computed again."""
    masks = state.masks
    if _first_signed(data) != state.first_signed:
        return timeline_state(data, masks.as_of, state.timeline.horizon)
    old = state.reach
    agreements, edited_municipalities, edited_regions = old.agreements.after_edits(
        changed, data, lambda agreement: masks.agreement(agreement) != 0)
    reach = replace(old, agreements=agreements, municipality_mask=dict(old.municipality_mask),
                    region_mask=dict(old.region_mask), final=dict(old.final),
                    topology=old.topology or _topology(data, masks))
    topology = reach.topology
    assert topology is not None
    for nis in edited_municipalities:
        reach.municipality_mask.pop(nis, None)
    for region_id in edited_regions:
        reach.region_mask.pop(region_id, None)
    municipalities = {nis: agreements.of_municipality.get(nis, []) for nis in edited_municipalities}
    regions = {region_id: agreements.of_region.get(region_id, []) for region_id in edited_regions}
    _partner_masks(reach, data, masks, municipalities, regions)
    codes = set(municipalities) | {nis for rid in regions for nis in topology.members_of.get(rid, ())}
    affected = _with_successors(codes, topology.predecessors)
    _final_reach(reach, topology, affected)
    reached = _recount(data, masks, state.reached, old.final, reach.final, affected)
    timeline = assemble(data, masks, state.timeline.horizon, reached, state.totals)
    return TimelineState(timeline, masks, state.first_signed, reach, reached, state.totals)


def _partner_masks(reach: _Reach, data: CoverageInput, masks: _Masks, municipalities: dict[str, list[int]],
                   regions: dict[int, list[int]]) -> None:
    """The reach masks of these partners from their agreements (a regiegebied only while it exists)."""
    for nis, agreement_ids in municipalities.items():
        mask = 0
        for agreement_id in agreement_ids:
            mask |= masks.agreement(data.agreements[agreement_id])
        if mask:
            reach.municipality_mask[nis] = mask
    for region_id, agreement_ids in regions.items():
        region = data.regions.get(region_id)
        if region is None:
            continue
        mask = 0
        for agreement_id in agreement_ids:
            mask |= masks.agreement(data.agreements[agreement_id])
        mask &= masks.validity(region.validity.valid_from, region.validity.valid_to)
        if mask:
            reach.region_mask[region_id] = mask


def _final_reach(reach: _Reach, topology: _Topology, codes: Iterable[str]) -> None:
    """Reach of each code: itself, its regiegebieden while it belongs to them, and all of its predecessors."""
    municipality_mask, region_mask = reach.municipality_mask, reach.region_mask
    memberships_of, predecessors, final = topology.memberships_of, topology.predecessors, reach.final

    def own(nis: str) -> int:
        mask = municipality_mask.get(nis, 0)
        for region_id, valid in memberships_of.get(nis, ()):
            mask |= region_mask.get(region_id, 0) & valid
        return mask

    for nis in codes:
        mask = own(nis)
        if nis in predecessors:
            for code in _lineage(nis, predecessors)[1:]:
                mask |= own(code)
        if mask:
            final[nis] = mask
        else:
            final.pop(nis, None)


def _recount(data: CoverageInput, masks: _Masks, counts: Counts, before: dict[str, int], after: dict[str, int],
             codes: Iterable[str]) -> Counts:
    """``counts`` with ``codes`` moved from their old reach to their new one (a new Counter)."""
    reached = Counter(counts)
    for nis in codes:
        municipality = data.municipalities.get(nis)
        if municipality is None:
            continue
        valid = masks.validity(municipality.validity.valid_from, municipality.validity.valid_to)
        old, new = before.get(nis, 0) & valid, after.get(nis, 0) & valid
        if old == new:
            continue
        if old:
            reached[municipality.province_nis, old] -= 1
            if not reached[municipality.province_nis, old]:
                del reached[municipality.province_nis, old]
        if new:
            reached[municipality.province_nis, new] += 1
    return reached


