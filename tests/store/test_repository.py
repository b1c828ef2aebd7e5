from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import date
from pathlib import Path

import pytest

from sew_desktop.domain.model import RegionKind
from sew_desktop.domain.validation import Problem
from sew_desktop.store.checks import RowValidationError
from sew_desktop.store.database import open_database
from sew_desktop.store.errors import WriteFailedError
from sew_desktop.store.mapping import Entity
from sew_desktop.store.repository import Change, ChangeKind, Repository


def _region(repository: Repository, name: str = "Regio Test") -> int:
    return int(
        repository.insert(
            Entity.REGION,
            {"name": name, "kind": RegionKind.COLLABORATION, "province_nis": "30000", "valid_from": date(2020, 1, 1)},
        )
    )


def test_changes_are_announced_after_commit(memory_repository: Repository) -> None:
    seen: list[Sequence[Change]] = []
    memory_repository.subscribe(seen.append)
    region_id = _region(memory_repository)
    assert seen == [[Change(Entity.REGION, ChangeKind.INSERTED, (region_id,))]]
    memory_repository.update(Entity.REGION, region_id, {"notes": "x"})
    assert seen[-1] == [Change(Entity.REGION, ChangeKind.UPDATED, (region_id,))]


def test_transaction_groups_writes_into_one_notification(memory_repository: Repository) -> None:
    seen: list[Sequence[Change]] = []
    memory_repository.subscribe(seen.append)
    with memory_repository.transaction():
        a = _region(memory_repository, "A")
        b = _region(memory_repository, "B")
        assert seen == []
    assert len(seen) == 1
    assert {k for c in seen[0] for k in c.keys} == {a, b}


def test_failed_transaction_writes_and_announces_nothing(memory_repository: Repository) -> None:
    seen: list[Sequence[Change]] = []
    memory_repository.subscribe(seen.append)
    with pytest.raises(RowValidationError), memory_repository.transaction():
        _region(memory_repository, "A")
        _region(memory_repository, "   ")
    assert seen == []
    assert len(memory_repository.regions()) == 0


def test_update_returns_old_values_and_updates_cache_and_timestamp(memory_repository: Repository) -> None:
    before = memory_repository.raw_row(Entity.MUNICIPALITY, "31005")
    old = memory_repository.update(Entity.MUNICIPALITY, "31005", {"vdab_contact": "An Peeters"})
    assert old == {"vdab_contact": ""}
    assert memory_repository.municipalities()["31005"].vdab_contact == "An Peeters"
    assert memory_repository.raw_row(Entity.MUNICIPALITY, "31005")["updated_at"] > before["updated_at"]


def test_only_editable_columns(memory_repository: Repository) -> None:
    with pytest.raises(ValueError, match="not editable"):
        memory_repository.update(Entity.MUNICIPALITY, "31005", {"province_nis": "40000"})


def test_agreement_date_rules_are_enforced(memory_repository: Repository) -> None:
    key = int(
        memory_repository.insert(
            Entity.AGREEMENT, {"municipality_nis": "31005", "negotiation_started": date(2022, 3, 1)}
        )
    )
    with pytest.raises(RowValidationError) as error:
        memory_repository.update(Entity.AGREEMENT, key, {"signed": "2022-02-01"})
    assert error.value.problems == [Problem.SIGNED_BEFORE_STARTED]
    assert memory_repository.agreements()[key].signed is None


def test_partner_must_exist_on_the_dates(memory_repository: Repository) -> None:
    with pytest.raises(RowValidationError) as error:
        memory_repository.insert(Entity.AGREEMENT, {"municipality_nis": "23106", "signed": "2022-01-01"})
    assert error.value.problems == [Problem.PARTNER_NOT_VALID]
    with pytest.raises(RowValidationError):
        memory_repository.insert(Entity.AGREEMENT, {"municipality_nis": "99999"})


def test_a_municipality_belongs_to_one_regiegebied_at_a_time(memory_repository: Repository) -> None:
    first, second = _region(memory_repository, "Regio A"), _region(memory_repository, "Regio B")
    memory_repository.insert(Entity.MEMBERSHIP, {"region_id": first, "municipality_nis": "31005",
                                                 "valid_from": "2020-01-01", "valid_to": "2022-06-30"})
    values = {"region_id": second, "municipality_nis": "31005", "valid_from": "2022-06-30"}
    assert memory_repository.problems(Entity.MEMBERSHIP, None, values) == [Problem.MEMBERSHIP_OVERLAPS]
    with pytest.raises(RowValidationError):
        memory_repository.insert(Entity.MEMBERSHIP, values)
    memory_repository.insert(Entity.MEMBERSHIP, {**values, "valid_from": "2022-07-01"})  # the day after: fine
    with memory_repository.transaction():  # a move: the old membership is shortened first, in the same transaction
        old = next(k for k, m in memory_repository.memberships().items() if m.region_id == second)
        memory_repository.update(Entity.MEMBERSHIP, old, {"valid_to": "2023-12-31"})
        memory_repository.insert(Entity.MEMBERSHIP, {"region_id": first, "municipality_nis": "31005",
                                                     "valid_from": "2024-01-01"})
    assert len(memory_repository.memberships()) == 3


@pytest.mark.parametrize("order", ["insert first", "delete first"])
def test_an_id_deleted_and_given_again_in_one_transaction_is_announced_as_it_ends(
    memory_repository: Repository, order: str
) -> None:
    region = _region(memory_repository)
    old = int(memory_repository.insert(Entity.MEMBERSHIP, {"region_id": region, "municipality_nis": "31005"}))
    memory_repository.memberships()  # cached
    seen: list[Sequence[Change]] = []
    memory_repository.subscribe(seen.append)
    with memory_repository.transaction() as tx:
        memory_repository.delete(Entity.MEMBERSHIP, [old])
        new = int(memory_repository.insert(Entity.MEMBERSHIP, {"region_id": region, "municipality_nis": "11001"}))
        announced = [Change(Entity.MEMBERSHIP, ChangeKind.INSERTED, (new,)),
                     Change(Entity.MEMBERSHIP, ChangeKind.DELETED, (old,))]
        for change in announced if order == "insert first" else announced[::-1]:
            tx.changed(change.entity, change.kind, change.keys)
    assert new == old  # SQLite gives the freed highest id again
    assert memory_repository.memberships()[new].municipality_nis == "11001"
    assert all(c.kind is not ChangeKind.DELETED for c in seen[-1]) and seen[-1]
    with memory_repository.transaction() as tx:  # and a row inserted then deleted is announced deleted only
        memory_repository.insert(Entity.MEMBERSHIP, {"region_id": region, "municipality_nis": "11002"})
        tx.changed(Entity.MEMBERSHIP, ChangeKind.DELETED, (new + 1,))
        tx.execute("DELETE FROM membership WHERE id = ?", [new + 1])
    assert new + 1 not in memory_repository.memberships()
    assert [c.kind for c in seen[-1]] == [ChangeKind.DELETED]


def test_delete_region_cascades_and_restore_puts_everything_back(memory_repository: Repository) -> None:
    region_id = _region(memory_repository)
    memory_repository.insert(Entity.MEMBERSHIP, {"region_id": region_id, "municipality_nis": "31005"})
    agreement = int(memory_repository.insert(Entity.AGREEMENT, {"region_id": region_id, "signed": "2022-01-01"}))
    uuid = memory_repository.regions()[region_id].uuid
    deleted = memory_repository.delete(Entity.REGION, [region_id])
    assert not memory_repository.regions() and not memory_repository.memberships()
    assert not memory_repository.agreements()
    memory_repository.restore(deleted)
    assert memory_repository.regions()[region_id].uuid == uuid
    assert len(memory_repository.memberships()) == 1
    assert memory_repository.agreements()[agreement].signed == date(2022, 1, 1)


def test_meta_and_demo_flag(memory_repository: Repository) -> None:
    assert not memory_repository.is_demo()
    memory_repository.set_meta("demo", "1")
    assert memory_repository.is_demo()


def test_a_write_blocked_by_another_writer_fails_cleanly_and_is_reported(demo_path: Path) -> None:
    repository = Repository(open_database(demo_path), demo_path)
    repository.database.execute("PRAGMA busy_timeout = 50")
    failures: list[WriteFailedError] = []
    changes: list[Sequence[Change]] = []
    repository.subscribe_failures(failures.append)
    repository.subscribe(changes.append)
    key = _region(repository)
    before = repository.regions()[key].name
    holder = sqlite3.connect(demo_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(WriteFailedError) as raised:
            repository.update(Entity.REGION, key, {"name": "Andere naam"})
    finally:
        holder.rollback()
        holder.close()
    assert raised.value.locked and failures == [raised.value]
    assert len(changes) == 1  # only the insert of the region before the lock
    assert repository.regions()[key].name == before
    repository.update(Entity.REGION, key, {"name": "Andere naam"})
    assert repository.regions()[key].name == "Andere naam"
    repository.close()


def test_new_uuids_are_random_version_4_uuids_in_their_usual_form() -> None:
    import uuid

    from sew_desktop.store.rows import new_uuid

    made = [new_uuid() for _ in range(2000)]
    assert len(set(made)) == len(made)
    for text in made:
        parsed = uuid.UUID(text)
        assert str(parsed) == text and parsed.version == 4 and parsed.variant == uuid.RFC_4122
    assert {text[19] for text in made} == set("89ab")  # every variant nibble occurs
