"""The membership planner over random files: never an overlap, nothing outside the call period touched."""

from __future__ import annotations

import random
from datetime import date, timedelta
from itertools import pairwise

import pytest

from sew_desktop.domain.consistency import membership_overlaps
from sew_desktop.domain.memberships import Approved, MembershipPlan, plan_memberships
from sew_desktop.domain.model import Membership, Region, RegionKind, Validity

CALL = Validity(date(2023, 1, 1), date(2025, 12, 31))
# Boundaries around and inside the call: its first and last days, the days next to them, a mid-period move.
DAYS = [date(2019, 1, 1), date(2022, 12, 31), date(2023, 1, 1), date(2023, 1, 2), date(2024, 6, 30),
        date(2024, 7, 1), date(2025, 12, 30), date(2025, 12, 31), date(2026, 1, 1), date(2027, 6, 30)]  # fmt: skip
MUNICIPALITIES = [f"{n:05d}" for n in range(11001, 11013)]


def _regions(rng: random.Random) -> dict[int, Region]:
    names = ["Regio Noord", "Regio Zuid", "Regio Oost", "Regio West", "Regio Noord"]  # a name twice
    return {
        number: Region(number, name, RegionKind.COLLABORATION, "10000",
                       Validity(rng.choice([None, date(2018, 1, 1), date(2024, 1, 1)]),
                                rng.choice([None, date(2024, 6, 30), date(2030, 1, 1)])))
        for number, name in enumerate(names, start=1)
    }  # fmt: skip


def _memberships(rng: random.Random, regions: list[int]) -> dict[int, Membership]:
    """Per municipality a few consecutive, non-overlapping memberships, some with gaps, open at either end."""
    memberships: dict[int, Membership] = {}
    for nis in MUNICIPALITIES:
        cuts = sorted(rng.sample(DAYS, rng.randrange(0, 4)))
        bounds: list[date | None] = [None, *cuts, None]
        for start, end in pairwise(bounds):
            if rng.random() < 0.25:
                continue  # a gap: no regiegebied then
            valid_from = start if start is None else start + timedelta(days=1)
            if valid_from is not None and end is not None and end < valid_from:
                continue
            number = len(memberships) + 1
            memberships[number] = Membership(number, rng.choice(regions), nis, Validity(valid_from, end))
    return memberships


def _approved(rng: random.Random) -> list[Approved]:
    names = ["Regio Noord", "regio  zuid", "Regio Nieuw", "Regio Ander", "Regio Oost"]
    chosen = rng.sample(names, rng.randrange(1, 4))
    return [Approved(name.lower(), name, tuple(rng.sample(MUNICIPALITIES, rng.randrange(1, 6)))) for name in chosen]


def _after(memberships: dict[int, Membership], plan: MembershipPlan) -> dict[int, Membership]:
    result = dict(memberships)
    for edit in plan.edits:
        if edit.validity is None:
            del result[edit.membership_id]
        else:
            result[edit.membership_id] = Membership(edit.membership_id, result[edit.membership_id].region_id,
                                                    result[edit.membership_id].municipality_nis, edit.validity)
    for number, added in enumerate(plan.additions, start=1):
        result[-number] = Membership(-number, added.region_ref, added.municipality_nis, added.validity)
    return result


@pytest.mark.parametrize("seed", range(300))
def test_random_plans_never_overlap_and_leave_the_rest_of_time_alone(seed: int) -> None:
    rng = random.Random(seed)
    regions = _regions(rng)
    memberships = _memberships(rng, list(regions))
    approved = _approved(rng)
    assert membership_overlaps(memberships) == []
    plan = plan_memberships(regions, memberships, approved, CALL, {})
    after = _after(memberships, plan)
    assert membership_overlaps(after) == [], (memberships, approved, plan)
    for number, membership in memberships.items():
        if not membership.validity.overlaps(CALL):
            assert after[number] == membership
    members = {(m.region_id, m.municipality_nis) for m in after.values() if m.validity.covers(CALL)}
    listed: set[str] = set()
    for decision in approved:
        region = plan.region_of[decision.key]
        for nis in decision.members:
            if nis not in listed:
                assert (region, nis) in members  # the decision is true for the whole call period
            listed.add(nis)
