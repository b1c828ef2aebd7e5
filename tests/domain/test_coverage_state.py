"""The coverage kept up to date after agreement edits equals a full computation, edit after edit."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest

from sew_desktop.domain.coverage import CoverageInput, valid_municipalities
from sew_desktop.domain.coverage_state import CoverageState, after_agreement_edits, coverage_state
from sew_desktop.domain.model import Agreement, Partner
from tests.domain.factories import d, random_agreement, random_data

AS_OF, HORIZON = d("2022-06-01"), d("2022-12-31")


def random_edit(rng: random.Random, data: CoverageInput) -> tuple[CoverageInput, set[int]]:
    """A random insert, update (dates or partner) or delete of one or two agreements."""
    agreements: dict[int, Agreement] = dict(data.agreements)
    edited = set()
    for _ in range(rng.choice((1, 2))):
        action = rng.random()
        if action < 0.2 and agreements:
            key = rng.choice(sorted(agreements))
            del agreements[key]
        elif action < 0.4:
            new = random_agreement(rng, {"region": rng.randrange(1, 7)})
            key = new.id
            agreements[key] = new
        else:
            key = rng.choice(sorted(agreements))
            dates = random_agreement(rng, {"region": 1})
            partner = (Partner(region_id=rng.randrange(1, 7)) if rng.random() < 0.5
                       else Partner(municipality_nis=rng.choice(sorted(data.municipalities))))
            agreements[key] = replace(dates, id=key, partner=partner)
        edited.add(key)
    return replace(data, agreements=agreements), edited


def _assert_same(updated: CoverageState, full: CoverageState, data: CoverageInput) -> None:
    assert updated.report == full.report
    for municipality in valid_municipalities(data, AS_OF):
        assert updated.day.coverage(municipality.nis_code) == full.day.coverage(municipality.nis_code)


@pytest.mark.parametrize("seed", range(6))
def test_edit_after_edit_the_updated_state_equals_a_full_computation(seed: int) -> None:
    rng = random.Random(seed)
    data = random_data(seed)
    state = coverage_state(data, AS_OF, HORIZON)
    for _ in range(40):
        before = state
        data, edited = random_edit(rng, data)
        state = after_agreement_edits(state, data, edited)
        full = coverage_state(data, AS_OF, HORIZON)
        _assert_same(state, full, data)
        changed = state.day.changed_since(before.day)
        assert changed is not None
        for municipality in valid_municipalities(data, AS_OF):  # what changed_since leaves out did not change
            nis = municipality.nis_code
            if nis not in changed:
                assert state.day.coverage(nis) == before.day.coverage(nis)


def test_the_previous_state_is_left_as_it_was() -> None:
    data = random_data(1)
    state = coverage_state(data, AS_OF, HORIZON)
    report, flags = state.report, dict(state.index.municipality_flags)
    key = sorted(data.agreements)[0]
    signed = replace(data.agreements[key], signed=d("2022-01-01"), ended=None)
    after_agreement_edits(state, replace(data, agreements={**data.agreements, key: signed}), {key})
    assert state.report == report and state.index.municipality_flags == flags


def test_a_horizon_before_the_as_of_date_is_refused() -> None:
    with pytest.raises(ValueError):
        coverage_state(random_data(0), HORIZON, AS_OF)
