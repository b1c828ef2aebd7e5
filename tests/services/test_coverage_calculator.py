"""The calculator: computed once per state of the data and pair of dates; after edits of every kind (patched
agreement columns, rebuilt memberships, renamed places, moved validity) equal to a fresh computation."""

from __future__ import annotations

import random
from contextlib import suppress
from datetime import date
from pathlib import Path

import pytest

from sew_desktop.domain.coverage import CoverageArrays, CoverageTimeline, DayCoverage, TimelineState, compute_timeline
from sew_desktop.services import live
from sew_desktop.services.databases import open_repository
from sew_desktop.services.live import CoverageCalculator
from sew_desktop.store.checks import RowValidationError
from sew_desktop.store.mapping import Entity
from sew_desktop.store.repository import Repository

AS_OF, HORIZON = date(2022, 10, 17), date(2022, 12, 31)


def test_nothing_changed_means_nothing_recomputed(demo_path: Path) -> None:
    repository = open_repository(demo_path)
    calculator = CoverageCalculator(repository)
    repository.subscribe(calculator.on_changes)  # the window's bus does this
    day = calculator.day(AS_OF, HORIZON)
    assert calculator.day(AS_OF, HORIZON) is day
    assert calculator.timeline(AS_OF, HORIZON) is calculator.timeline(AS_OF, HORIZON)
    arrays = calculator.arrays()
    code = next(iter(repository.municipalities()))
    repository.update(Entity.MUNICIPALITY, code, {"notes": "a note"})
    assert calculator.arrays() is arrays  # a note changes nothing coverage depends on
    assert calculator.day(AS_OF, HORIZON) is not day  # another generation: computed again, same figures
    assert calculator.day(AS_OF, HORIZON).report == day.report
    repository.close()


def test_random_edits_of_every_kind_equal_fresh_computations(demo_path: Path) -> None:
    repository = open_repository(demo_path)
    calculator = CoverageCalculator(repository)
    repository.subscribe(calculator.on_changes)  # the window's bus does this
    rng = random.Random(7)
    regions = sorted(repository.regions())
    codes = sorted(nis for nis, m in repository.municipalities().items() if m.validity.valid_to is None)
    for step in range(80):
        _random_write(repository, rng, regions, codes)
        as_of = AS_OF if step % 10 else date(2025, 3, 1)
        horizon = date(as_of.year, 12, 31)
        day = calculator.day(as_of, horizon)
        fresh_arrays = CoverageArrays.build(repository.coverage_input())
        fresh = DayCoverage(fresh_arrays, as_of, horizon)
        assert day.report == fresh.report, step
        assert [day.coverage(n) for n in day.valid_codes()] == [fresh.coverage(n) for n in fresh.valid_codes()], step
        assert [day.region_status(r) for r in regions] == [fresh.region_status(r) for r in regions], step
        assert calculator.timeline(as_of, horizon) == compute_timeline(fresh_arrays, as_of, horizon), step
    repository.close()


def _random_write(repository: Repository, rng: random.Random, regions: list[int], codes: list[str]) -> None:
    agreements = sorted(repository.agreements())
    choice = rng.random()
    if choice < 0.1:
        repository.delete(Entity.AGREEMENT, [rng.choice(agreements)])
    elif choice < 0.25:
        partner = ({"region_id": rng.choice(regions)} if rng.random() < 0.5
                   else {"municipality_nis": rng.choice(codes)})
        repository.insert(Entity.AGREEMENT, {**partner, "negotiation_started": "2021-03-01",
                                             "signed": rng.choice([None, "2021-06-01", "2022-11-15"])})
    elif choice < 0.35:
        membership = rng.choice(sorted(repository.memberships()))
        with suppress(RowValidationError):
            repository.update(Entity.MEMBERSHIP, membership, {"valid_to": rng.choice(["2022-06-30", None])})
    elif choice < 0.4:
        repository.update(Entity.MUNICIPALITY, rng.choice(codes), {"notes": f"note {rng.random()}"})
    elif choice < 0.45:
        with suppress(RowValidationError):
            repository.update(Entity.REGION, rng.choice(regions),
                              {"valid_from": rng.choice(["2020-01-01", "2023-01-01"])})
    else:
        changes: dict[str, object] = {"signed": rng.choice([None, "2022-09-01", "2022-12-01", "2023-02-01"]),
                                      "ended": None, "negotiation_started": "2021-01-15",
                                      "expected_signing": rng.choice([None, "2022-11-30", "2023-05-01"])}
        if rng.random() < 0.2:
            changes.update({"region_id": rng.choice(regions), "municipality_nis": None})
        with suppress(RowValidationError):
            repository.update(Entity.AGREEMENT, rng.choice(agreements), changes)


def test_membership_edits_rebuild_the_membership_columns(demo_path: Path) -> None:
    repository = open_repository(demo_path)
    calculator = CoverageCalculator(repository)
    repository.subscribe(calculator.on_changes)  # the window's bus does this
    before = calculator.day(AS_OF, HORIZON).report.row("Vlaanderen").municipalities_reached.part
    signed = {a.partner.region_id for a in repository.agreements().values()
              if a.signed is not None and a.signed <= AS_OF and a.partner.region_id is not None}
    ended = [m for m in repository.memberships().values() if m.region_id in signed and m.validity.contains(AS_OF)]
    with repository.transaction():
        for membership in ended[:5]:
            repository.update(Entity.MEMBERSHIP, membership.id, {"valid_to": "2022-06-30"})
    day = calculator.day(AS_OF, HORIZON)
    assert day.report == DayCoverage(CoverageArrays.build(repository.coverage_input()), AS_OF, HORIZON).report
    assert day.report.row("Vlaanderen").municipalities_reached.part < before
    repository.close()


def test_agreement_edits_update_the_timeline_instead_of_building_it_again(demo_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    built: list[tuple[date, date]] = []

    class CountedState(TimelineState):
        def __init__(self, arrays: CoverageArrays, as_of: date, horizon: date) -> None:
            built.append((as_of, horizon))
            super().__init__(arrays, as_of, horizon)

    monkeypatch.setattr(live, "TimelineState", CountedState)
    repository = open_repository(demo_path)
    calculator = CoverageCalculator(repository)
    repository.subscribe(calculator.on_changes)  # the window's bus does this

    def fresh() -> CoverageTimeline:
        return compute_timeline(CoverageArrays.build(repository.coverage_input()), AS_OF, HORIZON)

    calculator.timeline(AS_OF, HORIZON)
    unsigned = sorted(aid for aid, a in repository.agreements().items() if a.signed is None)
    repository.update(Entity.AGREEMENT, unsigned[0], {"signed": "2022-09-01"})
    assert calculator.timeline(AS_OF, HORIZON) == fresh()
    repository.update(Entity.AGREEMENT, unsigned[1], {"expected_signing": "2022-11-30"})
    repository.delete(Entity.AGREEMENT, [unsigned[2]])
    calculator.day(AS_OF, HORIZON)  # the columns catch up here; the timeline still learns of both edits
    assert calculator.timeline(AS_OF, HORIZON) == fresh()
    assert built == [(AS_OF, HORIZON)]  # three edits, no new state
    membership = min(repository.memberships())
    repository.update(Entity.MEMBERSHIP, membership, {"valid_to": "2022-06-30"})
    assert calculator.timeline(AS_OF, HORIZON) == fresh()
    assert calculator.timeline(AS_OF, date(2023, 6, 30)) == compute_timeline(
        CoverageArrays.build(repository.coverage_input()), AS_OF, date(2023, 6, 30))
    assert built == [(AS_OF, HORIZON), (AS_OF, HORIZON), (AS_OF, date(2023, 6, 30))]
    repository.close()
