"""The live caches: computed once per state of the data, updated for the partners involved after agreement edits."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sew_desktop.services.databases import open_repository
from sew_desktop.services.live import LiveCache, coverage_cache, timeline_cache
from sew_desktop.services.report import coverage_report, timeline_report
from sew_desktop.store.mapping import Entity

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
