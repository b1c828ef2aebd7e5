"""A merge, its undo and a boundary load announce the rows they changed (table + keys, inserted, updated or
deleted), never whole tables; a subscriber that follows only the announcements (as the table models and the
repository's cache do) ends with the rows the file holds."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from sew_desktop.domain.boundaries import Period
from sew_desktop.domain.merging import Prefer
from sew_desktop.services.boundaries.service import load_boundaries, remove_boundaries
from sew_desktop.services.merging.apply import apply_merge, undo_merge
from sew_desktop.services.merging.plan import plan_merge
from sew_desktop.services.merging.resolve import resolve
from sew_desktop.store import boundaries as store
from sew_desktop.store.mapping import PRIMARY_KEY, Entity
from sew_desktop.store.repository import Change, ChangeKind, Key, Repository
from tests.services.boundaries.files import boundary_file, period_codes, squares
from tests.services.merge_helpers import copy, opened, random_edits

Announced = dict[tuple[Entity, ChangeKind], set[Key]]
_TABLES = (Entity.MUNICIPALITY, Entity.REGION, Entity.MEMBERSHIP, Entity.AGREEMENT, Entity.OPEN_CALL,
           Entity.SUBSIDY_DECISION, Entity.IMPORT_LOG)


class Listener:
    """What one transaction announced, and the rows of every table as known from announcements alone."""

    def __init__(self, repository: Repository) -> None:
        self.repository = repository
        self.last: Announced = {}
        self.mirror = {entity: self.stored_keys(entity) for entity in _TABLES}
        repository.subscribe(self.heard)

    def stored_keys(self, entity: Entity) -> set[Key]:
        pk = PRIMARY_KEY[entity]
        return {row[pk] for row in self.repository.select(f"SELECT {pk} FROM {entity.value}")}

    def heard(self, changes: Sequence[Change]) -> None:
        self.last = {}
        for change in changes:
            assert change.kind is not ChangeKind.RESET and change.keys, change
            self.last.setdefault((change.entity, change.kind), set()).update(change.keys)
            if change.entity in self.mirror:
                keys = self.mirror[change.entity]
                if change.kind is ChangeKind.DELETED:
                    keys.difference_update(change.keys)
                else:  # an update of a key a view does not list yet lists it, as the table models do
                    keys.update(change.keys)

    def check_mirror(self) -> None:
        assert self.mirror == {entity: self.stored_keys(entity) for entity in _TABLES}


def _cache_matches_the_file(repository: Repository) -> None:
    cached = (dict(repository.regions()), dict(repository.memberships()), dict(repository.agreements()),
              dict(repository.municipalities()))
    with repository.uncached():
        assert cached == (dict(repository.regions()), dict(repository.memberships()), dict(repository.agreements()),
                          dict(repository.municipalities()))


@pytest.fixture
def copies(demo_path: Path, tmp_path: Path) -> tuple[Path, Path]:
    return copy(demo_path, tmp_path / "a.sqlite"), copy(demo_path, tmp_path / "b.sqlite")


@pytest.fixture
def mine(copies: tuple[Path, Path]) -> Iterator[Repository]:
    with opened(copies[0]) as repository:
        repository.regions(), repository.memberships(), repository.agreements()  # cached, so the cache must follow
        yield repository


def test_a_merge_announces_the_rows_it_inserted_updated_and_deleted_and_its_undo_the_reverse(
        copies: tuple[Path, Path], mine: Repository) -> None:
    _, b = copies
    with opened(b) as theirs:
        renamed, gone = sorted(theirs.regions())[:2]
        members = sorted(k for k, m in theirs.memberships().items() if m.region_id == gone)
        partners = sorted(k for k, a in theirs.agreements().items() if a.partner.region_id == gone)
        theirs.update(Entity.REGION, renamed, {"name": "Hernoemd"})
        theirs.delete(Entity.REGION, [gone])  # its memberships and agreements go with it
        agreement = sorted(theirs.agreements())[-1]
        theirs.update(Entity.AGREEMENT, agreement, {"notes": "bijgewerkt"})
        theirs.insert(Entity.REGION, {"name": "Nieuw", "kind": "samenwerkingsverband", "province_nis": "10000"})
    assert members and partners
    listener = Listener(mine)
    plan = plan_merge(mine, b)
    undo = apply_merge(mine, plan, resolve(plan))
    [new_region] = [k for k, r in mine.regions().items() if r.name == "Nieuw"]
    heard = listener.last
    assert heard[(Entity.REGION, ChangeKind.UPDATED)] == {renamed}
    assert heard[(Entity.REGION, ChangeKind.DELETED)] == {gone}
    assert heard[(Entity.REGION, ChangeKind.INSERTED)] == {new_region}
    assert heard[(Entity.MEMBERSHIP, ChangeKind.DELETED)] == set(members)
    assert heard[(Entity.AGREEMENT, ChangeKind.DELETED)] == set(partners)
    assert heard[(Entity.AGREEMENT, ChangeKind.UPDATED)] == {agreement}
    listener.check_mirror()
    _cache_matches_the_file(mine)

    undo_merge(mine, undo)
    heard = listener.last
    assert heard[(Entity.REGION, ChangeKind.UPDATED)] == {renamed}
    assert heard[(Entity.REGION, ChangeKind.INSERTED)] == {gone}
    assert heard[(Entity.REGION, ChangeKind.DELETED)] == {new_region}
    assert heard[(Entity.MEMBERSHIP, ChangeKind.INSERTED)] == set(members)
    assert heard[(Entity.AGREEMENT, ChangeKind.INSERTED)] == set(partners)
    assert heard[(Entity.AGREEMENT, ChangeKind.UPDATED)] == {agreement}
    listener.check_mirror()
    _cache_matches_the_file(mine)


@pytest.mark.parametrize("seed", [3, 11])
def test_after_random_edits_the_announcements_keep_views_and_cache_with_the_file(
        copies: tuple[Path, Path], mine: Repository, seed: int) -> None:
    _, b = copies
    random_edits(b, seed, "B", 30, b.parent)
    listener = Listener(mine)
    plan = plan_merge(mine, b)
    undo = apply_merge(mine, plan, resolve(plan, prefer=Prefer.THEIRS))
    listener.check_mirror()
    _cache_matches_the_file(mine)
    undo_merge(mine, undo)
    listener.check_mirror()
    _cache_matches_the_file(mine)


def _shape_keys(repository: Repository) -> set[Key]:
    return {store.shape_key(s.period, s.kind, s.code) for p in Period for s in store.shapes(repository, p.value)}


def test_a_boundary_load_announces_the_shapes_it_added_replaced_and_dropped(memory_repository: Repository,
                                                                             tmp_path: Path) -> None:
    heard: list[Change] = []
    memory_repository.subscribe(heard.extend)
    codes = period_codes(memory_repository, Period.FROM_2019)
    load_boundaries(memory_repository, boundary_file(tmp_path, "geojson", squares(codes), name="all"))
    first = _shape_keys(memory_repository)
    assert [(c.kind, set(c.keys)) for c in heard] == [(ChangeKind.INSERTED, first)]
    assert "2019-2024/municipality/11001" in first and all(c.entity is Entity.BOUNDARY for c in heard)

    heard.clear()
    load_boundaries(memory_repository, boundary_file(tmp_path, "geojson", squares(codes), name="again"))
    assert [(c.kind, set(c.keys)) for c in heard] == [(ChangeKind.UPDATED, first)]  # each shape replaced

    heard.clear()
    kept = store.shapes(memory_repository, Period.FROM_2019.value)[1:]
    extra = store.StoredShape("2025", "municipality", "99999", kept[0].rings)
    provenance = store.boundary_set(memory_repository)
    assert provenance is not None
    store.replace_boundaries(memory_repository, provenance, [*kept, extra])
    second = _shape_keys(memory_repository)
    assert {c.kind: set(c.keys) for c in heard} == {ChangeKind.DELETED: first - second,
                                                    ChangeKind.INSERTED: {"2025/municipality/99999"},
                                                    ChangeKind.UPDATED: first & second}
    assert len(first - second) > 285  # the 2025 shapes and the first of 2019-2024

    heard.clear()
    remove_boundaries(memory_repository)
    assert [(c.kind, set(c.keys)) for c in heard] == [(ChangeKind.DELETED, second)]
