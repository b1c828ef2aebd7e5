"""The vectorised coverage computation equals the plain reference on randomized data: chained mergers,
memberships that move, regiegebieden that start and end, agreements that end, unknown partners."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from sew_desktop.domain.coverage import (
    CoverageArrays,
    CoverageInput,
    DayCoverage,
    compute_timeline,
)
from sew_desktop.domain.model import Agreement, Partner
from tests.domain import reference
from tests.domain.factories import coverage_input, d, member, municipality, region

BASE = d("2022-06-01")


def _day(rng: random.Random, spread: int = 900) -> str | None:
    return None if rng.random() < 0.3 else (BASE + timedelta(days=rng.randrange(-spread, spread))).isoformat()


def random_world(seed: int) -> CoverageInput:
    rng = random.Random(seed)
    west = [f"31{n:03d}" for n in range(14)]
    east = [f"41{n:03d}" for n in range(10)]
    munis = [municipality(c, province="30000") for c in west] + [municipality(c, province="40000") for c in east]
    # Mergers: two old codes into a new one on 1/1/2025, and a chain old -> middle -> newest.
    munis[0] = municipality(west[0], valid_to="2024-12-31", successor="31900")
    munis[1] = municipality(west[1], valid_to="2024-12-31", successor="31900")
    munis.append(municipality("31900", valid_from="2025-01-01"))
    munis[2] = municipality(west[2], valid_to="2021-12-31", successor="31800")
    munis.append(municipality("31800", valid_from="2022-01-01", valid_to="2024-12-31", successor="31901"))
    munis.append(municipality("31901", valid_from="2025-01-01"))
    codes = [m.nis_code for m in munis]
    regions = [region(i, province="30000" if i <= 4 else "40000", valid_from=rng.choice([None, "2020-01-01",
                                                                                       "2023-01-01"]),
                      valid_to=rng.choice([None, None, "2024-06-30"])) for i in range(1, 8)]
    members = []
    for c in codes:
        if rng.random() < 0.8:  # a municipality moves from one regiegebied to another on a random day
            switch = BASE + timedelta(days=rng.randrange(-600, 600))
            members.append(member(rng.randrange(1, 8), c, valid_from=rng.choice([None, "2020-01-01"]),
                                  valid_to=(switch - timedelta(days=1)).isoformat()))
            if rng.random() < 0.7:
                members.append(member(rng.randrange(1, 8), c, valid_from=switch.isoformat(),
                                      valid_to=rng.choice([None, "2024-12-31"])))
    agreements = []
    for number in range(40):
        partner = (Partner(municipality_nis=rng.choice([*codes, "99999"])) if rng.random() < 0.55
                   else Partner(region_id=rng.choice([1, 2, 3, 4, 5, 6, 7, 42])))
        signed = _day(rng)
        ended = _day(rng) if rng.random() < 0.3 else None
        if rng.random() < 0.1 and signed:
            ended = signed  # ends on the day it is signed: never signed
        agreements.append(Agreement(1000 + number, partner, _opt(_day(rng)), _opt(_day(rng)), _opt(signed),
                                    _opt(ended)))
    return coverage_input(munis, regions, members, agreements)


def _opt(text: str | None) -> date | None:
    return d(text) if text else None


DATES = [d("2021-03-01"), d("2022-10-17"), d("2024-12-31"), d("2025-01-01"), d("2025-06-01")]


@pytest.mark.parametrize("seed", range(40))
def test_table_and_statuses_equal_the_reference(seed: int) -> None:
    data = random_world(seed)
    arrays = CoverageArrays.build(data)
    for as_of in DATES:
        horizon = as_of + timedelta(days=random.Random(seed).choice([0, 75, 500]))
        day = DayCoverage(arrays, as_of, horizon)
        expected = reference.report(data, as_of, horizon)
        for row in day.report.rows[:-1]:
            assert row.province_nis is not None
            got = (row.municipalities_reached.part, row.municipalities_forecast.part, row.municipalities_reached.total,
                   row.regions_with_agreement.part, row.regions_forecast.part, row.regions_with_agreement.total)
            assert got == expected[row.province_nis], (seed, as_of, row.area)
        for nis in day.valid_codes():
            assert day.status(nis) is reference.municipality_status(data, nis, as_of), (seed, as_of, nis)


@pytest.mark.parametrize("seed", range(25))
def test_timeline_equals_the_reference(seed: int) -> None:
    data = random_world(seed)
    as_of, horizon = d("2022-10-17"), d("2025-08-31")
    timeline = compute_timeline(CoverageArrays.build(data), as_of, horizon)
    for index, day in enumerate(timeline.days):
        expected = reference.timeline_point(data, as_of, day)
        for area in timeline.areas[:-1]:
            assert area.province_nis is not None
            ratio = area.reached[index]
            assert (ratio.part, ratio.total) == expected[area.province_nis], (seed, day, area.area)


@pytest.mark.parametrize("seed", range(15))
def test_patched_agreements_equal_a_fresh_build(seed: int) -> None:
    rng = random.Random(seed)
    data = random_world(seed)
    arrays = CoverageArrays.build(data)
    agreements = dict(data.agreements)
    for _ in range(30):
        key = rng.choice(list(agreements))
        old = agreements[key]
        choice = rng.random()
        if choice < 0.6:
            agreements[key] = Agreement(key, old.partner, old.negotiation_started, old.expected_signing,
                                        _opt(_day(rng)), old.ended)
        elif choice < 0.8:
            del agreements[key]
        elif choice < 0.9:
            key = max(agreements) + 1
            agreements[key] = Agreement(key, Partner(region_id=rng.randrange(1, 8)), None, None, _opt(_day(rng)))
        else:
            key = max(agreements) + 1  # added and removed again before the figures were asked for
        arrays = arrays.with_agreements(agreements, {key})
        fresh_data = CoverageInput(data.provinces, data.municipalities, data.regions, data.memberships, agreements)
        as_of = rng.choice(DATES)
        patched = DayCoverage(arrays, as_of, as_of + timedelta(days=100))
        fresh = DayCoverage(CoverageArrays.build(fresh_data), as_of, as_of + timedelta(days=100))
        assert patched.report == fresh.report
        assert [patched.coverage(n) for n in patched.valid_codes()] == [fresh.coverage(n) for n in fresh.valid_codes()]


@pytest.mark.parametrize("seed", range(10))
def test_region_statuses_and_members_equal_the_reference(seed: int) -> None:
    from sew_desktop.domain.status import best_status

    data = random_world(seed)
    for as_of in DATES:
        day = DayCoverage(CoverageArrays.build(data), as_of, as_of)
        for region_id in data.regions:
            own = [a for a in data.agreements.values() if a.partner.region_id == region_id]
            assert day.region_status(region_id) is best_status(own, as_of)
            members = sum(1 for m in data.memberships.values() if m.region_id == region_id
                          and reference.inside(m.validity, as_of))
            assert day.region_members(region_id) == members


def test_a_timeline_without_agreements_is_all_zero() -> None:
    data = random_world(1)
    empty = CoverageInput(data.provinces, data.municipalities, data.regions, data.memberships, {})
    timeline = compute_timeline(CoverageArrays.build(empty), d("2022-10-17"), d("2022-12-31"))
    for area in timeline.areas:
        assert all(r.part == 0 for r in area.reached) and all(r.total > 0 for r in area.reached)
