"""The live caches: computed once per state of the data, updated for the partners involved after agreement edits."""

from __future__ import annotations

import random
from contextlib import suppress
from datetime import date
from pathlib import Path

from sew_desktop.domain.coverage_state import coverage_state
from sew_desktop.services.databases import open_repository
from sew_desktop.services.live import LiveCache, coverage_cache, timeline_cache
from sew_desktop.services.report import coverage_report, timeline_report
from sew_desktop.store.checks import RowValidationError
from sew_desktop.store.mapping import Entity
from sew_desktop.store.repository import Repository

AS_OF, HORIZON = date(2022, 10, 17), date(2022, 12, 31)


def test_edits_of_every_kind_give_the_same_figures_as_a_fresh_report(demo_path: Path) -> None:
    repository = open_repository(demo_path)
    cache = coverage_cache(repository)
    first = cache.get(AS_OF, HORIZON)
    assert cache.get(AS_OF, HORIZON) is first  # nothing changed: not recomputed
    negotiating = [a for a in repository.agreements().values() if a.signed is None]
    repository.update(Entity.AGREEMENT, negotiating[0].id, {"signed": "2022-10-01"})
    repository.update(Entity.AGREEMENT, negotiating[1].id, {"signed": "2022-10-02"})
    assert cache.get(AS_OF, HORIZON).report == coverage_report(repository, AS_OF, HORIZON) != first.report
    repository.delete(Entity.AGREEMENT, [negotiating[2].id])
    assert cache.get(AS_OF, HORIZON).report == coverage_report(repository, AS_OF, HORIZON)
    membership = next(iter(repository.memberships().values()))
    repository.update(Entity.MEMBERSHIP, membership.id, {"valid_to": "2021-12-31"})  # a full recomputation
    assert cache.get(AS_OF, HORIZON).report == coverage_report(repository, AS_OF, HORIZON)
    later = date(2025, 6, 1)
    assert cache.get(later, date(2025, 12, 31)).report == coverage_report(repository, later)
    repository.close()


def test_changes_it_did_not_see_lead_to_a_full_recomputation(demo_path: Path) -> None:
    repository = open_repository(demo_path)
    cache = coverage_cache(repository)
    cache.get(AS_OF, HORIZON)
    negotiating = [a for a in repository.agreements().values() if a.signed is None]
    for number in range(LiveCache.MAX_PENDING + 5):
        repository.update(Entity.AGREEMENT, negotiating[number % 3].id, {"notes": f"note {number}"})
    repository.update(Entity.AGREEMENT, negotiating[0].id, {"signed": "2022-10-01"})
    assert cache.get(AS_OF, HORIZON).report == coverage_report(repository, AS_OF, HORIZON)
    repository.close()


def test_the_timeline_follows_agreement_edits_and_other_changes(demo_path: Path) -> None:
    repository = open_repository(demo_path)
    cache = timeline_cache(repository)
    assert cache.get(AS_OF, HORIZON).timeline == timeline_report(repository, AS_OF, HORIZON)
    negotiating = [a for a in repository.agreements().values() if a.signed is None]
    repository.update(Entity.AGREEMENT, negotiating[0].id, {"signed": "2022-10-01"})
    first_day = cache.get(AS_OF, HORIZON).timeline.days[0]
    municipal = next(a for a in negotiating if a.partner.municipality_nis is not None)
    repository.update(Entity.AGREEMENT, municipal.id, {"negotiation_started": "2019-02-01",
                                                       "signed": "2019-03-05"})  # an earlier first signing
    assert cache.get(AS_OF, HORIZON).timeline == timeline_report(repository, AS_OF, HORIZON)
    assert cache.get(AS_OF, HORIZON).timeline.days[0] == date(2019, 3, 1) < first_day
    repository.delete(Entity.AGREEMENT, [negotiating[2].id])
    assert cache.get(AS_OF, HORIZON).timeline == timeline_report(repository, AS_OF, HORIZON)
    membership = next(iter(repository.memberships().values()))
    repository.update(Entity.MEMBERSHIP, membership.id, {"valid_to": "2021-12-31"})
    assert cache.get(AS_OF, HORIZON).timeline == timeline_report(repository, AS_OF, HORIZON)
    repository.close()


def test_random_edits_of_every_kind_keep_both_caches_equal_to_fresh_computations(demo_path: Path) -> None:
    repository = open_repository(demo_path)
    coverage, timeline = coverage_cache(repository), timeline_cache(repository)
    rng = random.Random(7)
    regions = sorted(repository.regions())
    municipalities = sorted(nis for nis, m in repository.municipalities().items() if m.validity.valid_to is None)
    for step in range(60):
        _random_write(repository, rng, regions, municipalities, step)
        as_of = AS_OF if step % 10 else date(2023, 3, 1)  # now and then other dates: a full computation
        horizon = date(as_of.year, 12, 31)
        state = coverage.get(as_of, horizon)
        assert state.report == coverage_report(repository, as_of, horizon), step
        fresh = coverage_state(repository.coverage_input(), as_of, horizon)
        assert all(state.day.coverage(nis) == fresh.day.coverage(nis) for nis in municipalities), step
        assert timeline.get(as_of, horizon).timeline == timeline_report(repository, as_of, horizon), step
    repository.close()


def _random_write(repository: Repository, rng: random.Random, regions: list[int], municipalities: list[str],
                  step: int) -> None:
    agreements = sorted(repository.agreements())
    choice = rng.random()
    if choice < 0.1:
        repository.delete(Entity.AGREEMENT, [rng.choice(agreements)])
    elif choice < 0.25:
        partner = ({"region_id": rng.choice(regions)} if rng.random() < 0.5
                   else {"municipality_nis": rng.choice(municipalities)})
        repository.insert(Entity.AGREEMENT, {**partner, "negotiation_started": "2021-03-01",
                                             "signed": rng.choice([None, "2021-06-01", "2022-11-15"])})
    elif choice < 0.3:
        membership = rng.choice(sorted(repository.memberships()))
        repository.update(Entity.MEMBERSHIP, membership, {"valid_to": "2022-12-31"})
    else:
        key = rng.choice(agreements)
        changes: dict[str, object] = {"signed": rng.choice([None, "2022-09-01", "2022-12-01", "2023-02-01"]),
                                      "ended": None, "negotiation_started": "2021-01-15",
                                      "expected_signing": rng.choice([None, "2022-11-30", "2023-05-01"])}
        if rng.random() < 0.2:
            changes.update({"region_id": rng.choice(regions), "municipality_nis": None})
        with suppress(RowValidationError):
            repository.update(Entity.AGREEMENT, key, changes)
