"""What approved decisions do to regiegebieden and memberships during a call period, and to coverage.

A municipality belongs to at most one regiegebied on any date. For each approved collaboration the regiegebied
(matched by normalised name, or created) gets exactly the listed municipalities for the call period; other
memberships of that regiegebied are clipped to outside the period; a listed municipality that belongs to another
regiegebied during the period leaves it the day before the call starts (a move).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from sew_desktop.domain.model import Membership, Region, Validity
from sew_desktop.domain.names import collaboration_key
from sew_desktop.domain.validation import member_exists_on_start

ONE_DAY = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class Approved:
    """An approved collaboration and the municipalities it lists."""

    key: str
    name: str
    members: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class NewRegion:
    """A regiegebied to create; ``ref`` is negative until it has an id."""

    ref: int
    name: str
    province_nis: str
    validity: Validity


@dataclass(frozen=True, slots=True)
class MembershipEdit:
    """A new validity for an existing membership; ``None`` deletes it."""

    membership_id: int
    validity: Validity | None


@dataclass(frozen=True, slots=True)
class NewMembership:
    """A membership to add; ``region_ref`` is a region id or the ref of a :class:`NewRegion`."""

    region_ref: int
    municipality_nis: str
    validity: Validity


@dataclass(frozen=True, slots=True)
class Move:
    """A municipality leaves ``from_region`` for ``to_region_ref`` from ``day``."""

    municipality_nis: str
    from_region: int
    to_region_ref: int
    day: date


@dataclass(slots=True)
class MembershipPlan:
    """Every change approved decisions make to regiegebieden and memberships."""

    new_regions: list[NewRegion] = field(default_factory=list)
    region_validity: dict[int, Validity] = field(default_factory=dict)
    edits: list[MembershipEdit] = field(default_factory=list)
    additions: list[NewMembership] = field(default_factory=list)
    moves: list[Move] = field(default_factory=list)
    region_of: dict[str, int] = field(default_factory=dict)


def _union(a: Validity, b: Validity) -> Validity:
    start = None if a.valid_from is None or b.valid_from is None else min(a.valid_from, b.valid_from)
    end = None if a.valid_to is None or b.valid_to is None else max(a.valid_to, b.valid_to)
    return Validity(start, end)


def _region_index(regions: Mapping[int, Region], period: Validity) -> dict[str, int]:
    index: dict[str, int] = {}
    for region in sorted(regions.values(), key=lambda r: (not r.validity.overlaps(period), r.id)):
        index.setdefault(collaboration_key(region.name), region.id)
    return index


class _Planner:
    def __init__(self, regions: Mapping[int, Region], period: Validity, province_of: Mapping[str, str],
                 exists: Mapping[str, Validity]) -> None:
        self.regions = regions
        self.period = period
        self.province_of = province_of
        self.exists = exists
        self.index = _region_index(regions, period)
        self.plan = MembershipPlan()
        self.targets: dict[int, set[str]] = {}
        self.assigned: dict[str, int] = {}

    def region_for(self, approved: Approved) -> int:
        ref = self.index.get(collaboration_key(approved.name))
        if ref is None:
            ref = -(len(self.plan.new_regions) + 1)
            provinces = Counter(self.province_of[n] for n in approved.members if n in self.province_of)
            province = provinces.most_common(1)[0][0] if provinces else "10000"
            self.plan.new_regions.append(NewRegion(ref, approved.name, province, self.period))
            self.index[collaboration_key(approved.name)] = ref
        elif not self.regions[ref].validity.covers(self.period):
            self.plan.region_validity[ref] = _union(self.regions[ref].validity, self.period)
        return ref

    def add(self, approved: Approved) -> None:
        ref = self.region_for(approved)
        self.plan.region_of[approved.key] = ref
        members = self.targets.setdefault(ref, set())
        for nis in approved.members:
            if nis not in self.assigned:
                self.assigned[nis] = ref
                members.add(nis)

    def clip(self, membership: Membership) -> None:
        start, end = self.period.valid_from, self.period.valid_to
        assert start is not None and end is not None
        old = membership.validity
        before = Validity(old.valid_from, start - ONE_DAY) if old.valid_from is None or old.valid_from < start else None
        after = Validity(end + ONE_DAY, old.valid_to) if old.valid_to is None or old.valid_to > end else None
        if after is not None and not member_exists_on_start(self.exists.get(membership.municipality_nis, Validity()),
                                                            after):
            after = None  # it no longer exists once the call is over: no membership can start then
        self.plan.edits.append(MembershipEdit(membership.id, before or after))
        if before is not None and after is not None:
            self.plan.additions.append(NewMembership(membership.region_id, membership.municipality_nis, after))

    def end_before_call(self, membership: Membership) -> None:
        start = self.period.valid_from
        assert start is not None
        old = membership.validity
        keep = old.valid_from is None or old.valid_from < start
        self.plan.edits.append(
            MembershipEdit(membership.id, Validity(old.valid_from, start - ONE_DAY) if keep else None)
        )

    def period_of(self, nis: str) -> Validity:
        """The call period from the day the municipality exists: a membership never starts before it (a municipality
        made in a merger during the call joins from its first day)."""
        start = self.exists.get(nis, Validity()).valid_from
        if start is None or self.period.valid_from is None or start <= self.period.valid_from:
            return self.period
        return Validity(start, self.period.valid_to)

    def visit(self, membership: Membership, covered: set[str]) -> None:
        nis, region = membership.municipality_nis, membership.region_id
        target = self.assigned.get(nis)
        if target is not None and target != region:
            assert self.period.valid_from is not None
            self.plan.moves.append(Move(nis, region, target, self.period.valid_from))
        if region in self.targets:
            if target == region and membership.validity.covers(self.period_of(nis)):
                covered.add(nis)
            else:
                self.clip(membership)
        elif target is not None:
            self.end_before_call(membership)


def plan_memberships(
    regions: Mapping[int, Region],
    memberships: Mapping[int, Membership],
    approved: Sequence[Approved],
    period: Validity,
    province_of: Mapping[str, str],
    exists: Mapping[str, Validity] | None = None,
) -> MembershipPlan:
    """The region and membership changes that make the approved collaborations true for ``period``; ``exists``
    gives the municipalities' validity: no membership starts on a day its municipality does not exist."""
    planner = _Planner(regions, period, province_of, exists or {})
    for decision in approved:
        planner.add(decision)
    covered: set[str] = set()
    for membership in sorted(memberships.values(), key=lambda m: m.id):
        if membership.validity.overlaps(period):
            planner.visit(membership, covered)
    for ref, members in planner.targets.items():
        planner.plan.additions.extend(NewMembership(ref, nis, planner.period_of(nis))
                                      for nis in sorted(members - covered))
    return planner.plan
