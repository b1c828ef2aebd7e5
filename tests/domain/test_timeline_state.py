"""The timeline kept up to date after agreement edits equals a full computation, edit after edit."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest

from sew_desktop.domain.timeline import coverage_timeline
from sew_desktop.domain.timeline_state import after_agreement_edits, timeline_state
from tests.domain.factories import d, random_data
from tests.domain.test_coverage_state import random_edit

AS_OF, HORIZON = d("2022-06-01"), d("2025-06-30")  # past the 2025 merger in random_data


@pytest.mark.parametrize("seed", range(6))
def test_edit_after_edit_the_updated_timeline_equals_a_full_computation(seed: int) -> None:
    rng = random.Random(seed)
    data = random_data(seed)
    state = timeline_state(data, AS_OF, HORIZON)
    assert state.timeline == coverage_timeline(data, AS_OF, HORIZON)
    for _ in range(40):
        data, edited = random_edit(rng, data)
        state = after_agreement_edits(state, data, edited)
        assert state.timeline == coverage_timeline(data, AS_OF, HORIZON)


def test_an_earlier_first_signing_adds_points() -> None:
    data = random_data(2)
    state = timeline_state(data, AS_OF, HORIZON)
    key = sorted(data.agreements)[0]
    earliest = replace(data.agreements[key], signed=d("2015-03-10"), ended=None)
    edited = replace(data, agreements={**data.agreements, key: earliest})
    updated = after_agreement_edits(state, edited, {key})
    assert updated.timeline.days[0] == d("2015-03-01")
    assert updated.timeline == coverage_timeline(edited, AS_OF, HORIZON)
    assert state.timeline == coverage_timeline(data, AS_OF, HORIZON)  # the old state is left as it was
