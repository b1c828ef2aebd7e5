"""The timeline kept current across agreement edits (:class:`TimelineState`) equals a fresh computation after
every edit: random changes of dates and partners, deletes and inserts, one at a time and several at once, with
merged codes, regiegebieden that end and memberships that end (seeded, so a failure repeats)."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date

import pytest

from sew_desktop.domain.coverage import CoverageArrays, CoverageInput, TimelineState, compute_timeline
from sew_desktop.domain.model import Agreement, Partner
from tests.domain.factories import agreement, d, municipality, random_agreement, random_data

CODES = [f"31{n:03d}" for n in range(30)] + [f"41{n:03d}" for n in range(20)] + ["31999", "21001", "99999"]
REGIONS = [1, 2, 3, 4, 5, 6, 99]  # 99999 and 99: partners the places do not know; 21001: in no known province


def _partner(rng: random.Random) -> dict[str, object]:
    return {"region": rng.choice(REGIONS)} if rng.random() < 0.4 else {"municipality": rng.choice(CODES)}


def _edit(rng: random.Random, agreements: dict[int, Agreement]) -> int:
    """One random insert, delete or update of ``agreements`` (the anchor, id 0, stays); the id it touched."""
    editable = sorted(aid for aid in agreements if aid != 0)
    choice = rng.random()
    if choice < 0.15 or not editable:
        new = random_agreement(rng, _partner(rng))
        agreements[new.id] = new
        return new.id
    aid = rng.choice(editable)
    if choice < 0.3:
        del agreements[aid]
    elif choice < 0.5:
        partner = _partner(rng)
        agreements[aid] = replace(agreements[aid], partner=Partner(
            partner.get("municipality"), partner.get("region")))  # type: ignore[arg-type]
    else:
        dates = random_agreement(rng, {"municipality": "31000"})
        agreements[aid] = replace(dates, id=aid, partner=agreements[aid].partner)
    return aid


def _with_anchor(seed: int) -> CoverageInput:
    """Random data plus an early signing nobody edits, so that the points (from the first signing) stay, and a
    municipality of a province outside the figures."""
    data = random_data(seed)
    anchor = replace(agreement(municipality="31000", started="2019-01-01", signed="2019-06-01"), id=0)
    return replace(data, agreements={0: anchor, **data.agreements},
                   municipalities={**data.municipalities, "21001": municipality("21001", province="20000")})


@pytest.mark.parametrize(("seed", "as_of", "horizon"), [
    (1, d("2022-10-17"), d("2022-12-31")),
    (2, d("2022-10-17"), d("2025-06-30")),  # across the merger of 31001 and 31002 into 31999
    (3, d("2024-02-01"), d("2026-01-01")),
    (4, d("2025-03-01"), d("2025-12-31")),
])
def test_random_edits_equal_a_full_recompute(seed: int, as_of: date, horizon: date) -> None:
    rng = random.Random(seed)
    data = _with_anchor(seed)
    agreements = dict(data.agreements)
    arrays = CoverageArrays.build(data)
    state = TimelineState(arrays, as_of, horizon)
    updates = 0
    for step in range(150):
        changed = {_edit(rng, agreements) for _ in range(rng.choice([1, 1, 1, 2, 4]))}
        arrays = arrays.with_agreements(agreements, changed)
        assert state.fits(arrays, as_of, horizon), step  # the anchor keeps the points
        timeline = state.update(arrays, changed)
        updates += 1
        fresh = compute_timeline(CoverageArrays.build(replace(data, agreements=dict(agreements))), as_of, horizon)
        assert timeline == fresh, (seed, step, sorted(changed))
    assert updates == 150


def test_an_edit_that_moves_the_first_signing_needs_new_points() -> None:
    data = _with_anchor(5)
    arrays = CoverageArrays.build(data)
    state = TimelineState(arrays, d("2022-10-17"), d("2022-12-31"))
    earlier = dict(data.agreements)
    earlier[0] = replace(earlier[0], signed=d("2018-03-01"))
    moved = arrays.with_agreements(earlier, [0])
    assert not state.fits(moved, d("2022-10-17"), d("2022-12-31"))
    assert not state.fits(arrays, d("2022-10-17"), d("2023-12-31"))  # other dates
    assert not state.fits(arrays.with_memberships(data.memberships), d("2022-10-17"), d("2022-12-31"))
    assert state.fits(arrays, d("2022-10-17"), d("2022-12-31"))


def test_an_update_without_changes_keeps_the_figures() -> None:
    arrays = CoverageArrays.build(_with_anchor(6))
    state = TimelineState(arrays, d("2022-10-17"), d("2023-12-31"))
    before = state.timeline
    assert state.update(arrays, []) == before
    assert state.update(arrays, [12345]) == before  # an id no columns hold: added and removed again
