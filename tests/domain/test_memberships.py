from __future__ import annotations

from datetime import date

from sew_desktop.domain.coverage.membership_effects import apply_to_input, newly_reached
from sew_desktop.domain.memberships import (
    Approved,
    MembershipEdit,
    Move,
    NewMembership,
    plan_memberships,
)
from sew_desktop.domain.model import Membership, Region, RegionKind, Validity
from tests.domain import factories

CALL = Validity(date(2023, 1, 1), date(2025, 12, 31))
OPEN = Validity(date(2020, 1, 1), None)


def _region(region_id: int, name: str) -> Region:
    return Region(region_id, name, RegionKind.COLLABORATION, "40000", OPEN)


def test_new_region_is_created_with_members_for_the_call_period() -> None:
    plan = plan_memberships({}, {}, [Approved("waasland", "Waasland", ("46021", "46025"))], CALL, {"46021": "40000"})
    assert [(r.ref, r.name, r.province_nis, r.validity) for r in plan.new_regions] == [(-1, "Waasland", "40000", CALL)]
    assert plan.additions == [NewMembership(-1, "46021", CALL), NewMembership(-1, "46025", CALL)]
    assert plan.edits == [] and plan.moves == []


def test_member_of_another_region_moves_the_day_before_the_call() -> None:
    regions = {1: _region(1, "Demo-regio Oost 2"), 2: _region(2, "Samenwerkingsverband Waasland")}
    memberships = {10: Membership(10, 1, "46025", OPEN), 11: Membership(11, 1, "46021", Validity(date(2023, 3, 1)))}
    plan = plan_memberships(
        regions, memberships, [Approved("k", "samenwerkingsverband  waasland", ("46025", "46021"))], CALL, {}
    )
    assert plan.new_regions == []  # matched by normalised name
    assert plan.moves == [Move("46025", 1, 2, date(2023, 1, 1)), Move("46021", 1, 2, date(2023, 1, 1))]
    assert plan.edits == [MembershipEdit(10, Validity(date(2020, 1, 1), date(2022, 12, 31))), MembershipEdit(11, None)]
    assert {a.municipality_nis for a in plan.additions} == {"46025", "46021"}


def test_listed_members_already_covering_the_period_are_unchanged_and_others_are_clipped() -> None:
    regions = {1: _region(1, "Regio")}
    memberships = {
        1: Membership(1, 1, "A", OPEN),  # listed, covers the call: untouched
        2: Membership(2, 1, "B", OPEN),  # not listed: keeps before and after the call
        3: Membership(3, 1, "C", Validity(date(2024, 1, 1), date(2024, 6, 30))),  # not listed, inside: deleted
        4: Membership(4, 1, "D", Validity(None, date(2019, 12, 31))),  # outside the period: untouched
    }
    plan = plan_memberships(regions, memberships, [Approved("regio", "Regio", ("A", "E"))], CALL, {})
    assert plan.edits == [MembershipEdit(2, Validity(date(2020, 1, 1), date(2022, 12, 31))), MembershipEdit(3, None)]
    assert plan.additions == [NewMembership(1, "B", Validity(date(2026, 1, 1), None)), NewMembership(1, "E", CALL)]
    assert plan.moves == []


def test_a_municipality_in_two_approved_collaborations_joins_only_the_first() -> None:
    plan = plan_memberships({}, {}, [Approved("a", "A", ("X",)), Approved("b", "B", ("X", "Y"))], CALL, {})
    assert [(a.region_ref, a.municipality_nis) for a in plan.additions] == [(-1, "X"), (-2, "Y")]


def test_region_validity_is_extended_to_cover_the_call() -> None:
    regions = {1: Region(1, "Regio", RegionKind.COLLABORATION, "40000", Validity(date(2020, 1, 1), date(2022, 12, 31)))}
    plan = plan_memberships(regions, {}, [Approved("regio", "Regio", ("A",))], CALL, {})
    assert plan.region_validity == {1: Validity(date(2020, 1, 1), date(2025, 12, 31))}


def test_coverage_effect_counts_municipalities_reached_through_existing_agreements() -> None:
    f = factories
    data = f.coverage_input(
        [f.municipality("31001"), f.municipality("31002"), f.municipality("41001", "40000")],
        [f.region(1)],
        [f.member(1, "31001")],
        [f.agreement(region=1, started="2021-01-01", signed="2021-06-01")],
    )
    plan = plan_memberships(
        data.regions, data.memberships, [Approved("x", "Regio 1", ("31001", "31002", "41001"))], CALL, {}
    )
    after = apply_to_input(data, plan)
    assert newly_reached(data, after, date(2023, 6, 1)) == [("30000", 1), ("40000", 1)]
    assert newly_reached(data, after, date(2022, 6, 1)) == [("30000", 0), ("40000", 0)]  # before the call
