"""An import announces the keys it wrote, per entity (never a reset), and so does its undo."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sew_desktop.services.imports.model import Options
from sew_desktop.services.imports.service import apply, find_call, prepare, undo
from sew_desktop.store.mapping import Entity
from sew_desktop.store.repository import Change, ChangeKind, Repository
from tests.services.imports.helpers import CALL, SAMPLES


def _keys(changes: Sequence[Change], entity: Entity, kind: ChangeKind) -> set[object]:
    return {key for c in changes if c.entity is entity and c.kind is kind for key in c.keys}


def test_apply_and_undo_announce_the_keys_they_wrote(repo: Repository) -> None:
    seen: list[list[Change]] = []
    repo.subscribe(lambda changes: seen.append(list(changes)))
    regions_before = set(repo.regions())
    memberships_before = set(repo.memberships())
    plan = prepare(
        repo, SAMPLES / "beslissingen_per_gemeente_cp1252.csv", find_call(repo, CALL), Options(as_of=date(2023, 6, 1))
    )
    snapshot = apply(repo, plan, user="t")
    assert snapshot is not None and len(seen) == 1
    applied = seen[0]
    assert all(c.kind is not ChangeKind.RESET and c.keys for c in applied)
    new_regions = set(repo.regions()) - regions_before
    assert new_regions and _keys(applied, Entity.REGION, ChangeKind.INSERTED) == new_regions
    assert _keys(applied, Entity.MEMBERSHIP, ChangeKind.INSERTED) == set(repo.memberships()) - memberships_before
    assert len(_keys(applied, Entity.SUBSIDY_DECISION, ChangeKind.INSERTED)) == 4
    assert _keys(applied, Entity.IMPORT_LOG, ChangeKind.INSERTED) == {snapshot.log_id}
    undo(repo, snapshot)
    undone = seen[1]
    assert all(c.kind is not ChangeKind.RESET for c in undone)
    assert _keys(undone, Entity.REGION, ChangeKind.DELETED) == new_regions
    assert set(repo.regions()) == regions_before and set(repo.memberships()) == memberships_before
    assert _keys(undone, Entity.IMPORT_LOG, ChangeKind.UPDATED) == {snapshot.log_id}
