"""Which table rows a change refreshes: after one edit, every municipality and regiegebied whose shown cells differ
is named, and a change that alters nothing names none. The tables repaint only these rows, so a row missed here
would show stale figures until the next reset."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta

import pytest

from sew_desktop.domain.coverage import CoverageInput
from sew_desktop.domain.coverage.arrays import CoverageArrays
from sew_desktop.domain.coverage.day import DayCoverage
from sew_desktop.domain.model import Agreement, Membership
from tests.domain.factories import random_data

AS_OF = [date(2021, 3, 1), date(2022, 6, 1), date(2023, 6, 1), date(2025, 6, 1)]


def _moved_dates(rng: random.Random, agreement: Agreement) -> Agreement:
    def nudged(day: date | None) -> date | None:
        if rng.random() < 0.3:
            return None
        base = day or date(2022, 6, 1)
        return base + timedelta(days=rng.randrange(-400, 400))

    return replace(agreement, negotiation_started=nudged(agreement.negotiation_started),
                   signed=nudged(agreement.signed),
                   ended=nudged(agreement.ended) if rng.random() < 0.3 else agreement.ended)


def _moved_member(rng: random.Random, membership: Membership) -> Membership:
    return replace(membership, region_id=rng.randrange(1, 7))


def _edited(rng: random.Random, data: CoverageInput, arrays: CoverageArrays) -> CoverageArrays:
    """One edit as the window makes it: an agreement's dates, or a municipality moved to another regiegebied."""
    if rng.random() < 0.6:
        key = rng.choice(sorted(data.agreements))
        agreements = {**data.agreements, key: _moved_dates(rng, data.agreements[key])}
        return arrays.with_agreements(agreements, [key])
    key = rng.choice(sorted(data.memberships))
    return arrays.with_memberships({**data.memberships, key: _moved_member(rng, data.memberships[key])})


def _municipality_cells(day: DayCoverage, code: str) -> object:
    return day.coverage(code), day.regions_of(code), day.inherited_regions(code)


def _region_cells(day: DayCoverage, region_id: int) -> object:
    return day.region_status(region_id), day.region_members(region_id)


@pytest.mark.parametrize("seed", range(60))
def test_every_row_whose_cells_differ_after_an_edit_is_named(seed: int) -> None:
    rng = random.Random(seed)
    data = random_data(seed)
    arrays = CoverageArrays.build(data)
    as_of = rng.choice(AS_OF)
    before = DayCoverage(arrays, as_of, date(as_of.year, 12, 31))
    after = DayCoverage(_edited(rng, data, arrays), as_of, date(as_of.year, 12, 31))
    codes, regions = after.changed_since(before), after.changed_regions(before)
    assert codes is not None and regions is not None
    places = arrays.places
    differing = {c for c in places.codes if _municipality_cells(before, c) != _municipality_cells(after, c)}
    assert differing <= codes
    differing_regions = {r for r in places.region_ids if _region_cells(before, r) != _region_cells(after, r)}
    assert differing_regions <= regions


@pytest.mark.parametrize("seed", range(20))
def test_a_change_that_alters_nothing_names_no_row(seed: int) -> None:
    data = random_data(seed)
    arrays = CoverageArrays.build(data)
    before = DayCoverage(arrays, date(2022, 6, 1), date(2022, 12, 31))
    same_agreements = arrays.with_agreements(data.agreements, sorted(data.agreements)[:3])
    after = DayCoverage(same_agreements.with_memberships(data.memberships), date(2022, 6, 1), date(2022, 12, 31))
    assert after.changed_since(before) == set()
    assert after.changed_regions(before) == set()


def test_a_signed_agreement_names_the_municipalities_it_reaches_and_no_other() -> None:
    data = random_data(3)
    arrays = CoverageArrays.build(data)
    day = date(2022, 6, 1)
    before = DayCoverage(arrays, day, date(2022, 12, 31))
    region_agreement = next(a for a in data.agreements.values() if a.partner.region_id is not None
                            and before.region_members(a.partner.region_id) > 0)
    signed = replace(region_agreement, negotiation_started=date(2021, 1, 1), signed=date(2022, 1, 1), ended=None)
    after = DayCoverage(arrays.with_agreements({**data.agreements, signed.id: signed}, [signed.id]), day,
                        date(2022, 12, 31))
    codes = after.changed_since(before)
    assert codes is not None and codes
    assert all(region_agreement.partner.region_id in after.regions_of(code) or after.lineage(code) != (code,)
               for code in codes)
    assert after.changed_regions(before) == {region_agreement.partner.region_id}


def test_another_date_or_other_places_name_every_row() -> None:
    data = random_data(1)
    arrays = CoverageArrays.build(data)
    before = DayCoverage(arrays, date(2022, 6, 1), date(2022, 12, 31))
    assert DayCoverage(arrays, date(2022, 6, 2), date(2022, 12, 31)).changed_since(before) is None
    assert DayCoverage(arrays, date(2022, 6, 2), date(2022, 12, 31)).changed_regions(before) is None
    rebuilt = CoverageArrays.build(data)  # a reset: the places were read again
    assert DayCoverage(rebuilt, date(2022, 6, 1), date(2022, 12, 31)).changed_since(before) is None
