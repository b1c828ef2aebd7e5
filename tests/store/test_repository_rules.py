"""Repository rules a mutation run found untested: pending changes after a failed transaction, and a deleted
regiegebied put back with the subsidy decisions that pointed to it."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from sew_desktop.services.imports.service import apply, find_call, prepare
from sew_desktop.store.checks import RowValidationError
from sew_desktop.store.mapping import Entity
from sew_desktop.store.repository import Change, ChangeKind, Repository
from tests.services.imports.helpers import CALL, SAMPLES, repository
from tests.services.imports.test_service import OPTIONS


def test_a_failed_outermost_transaction_leaves_nothing_for_the_next_notification(demo_path: Path) -> None:
    repo = repository(demo_path)
    seen: list[Sequence[Change]] = []
    repo.subscribe(seen.append)
    region = next(iter(repo.regions()))
    with pytest.raises(RowValidationError), repo.transaction():
        repo.update(Entity.REGION, region, {"notes": "kept only if all goes well"})
        repo.update(Entity.REGION, region, {"name": "  "})
    code = next(iter(repo.municipalities()))
    repo.update(Entity.MUNICIPALITY, code, {"notes": "later"})
    assert seen == [[Change(Entity.MUNICIPALITY, ChangeKind.UPDATED, (code,))]]
    assert repo.regions()[region].notes == ""
    repo.close()


def test_undoing_a_regiegebied_delete_restores_the_decisions_that_pointed_to_it(demo_path: Path) -> None:
    repo = repository(demo_path)
    plan = prepare(repo, SAMPLES / "beslissingen_per_samenwerkingsverband_utf8.csv", find_call(repo, CALL), OPTIONS)
    apply(repo, plan)

    def decisions_of(region_id: int) -> list[object]:
        rows = repo.database.conn.execute("SELECT id FROM subsidy_decision WHERE region_id = ?", [region_id])
        return sorted(row[0] for row in rows)

    region_id = next(r for r in repo.regions() if decisions_of(r))
    before = decisions_of(region_id)
    deleted = repo.delete(Entity.REGION, [region_id])
    assert decisions_of(region_id) == []
    repo.restore(deleted)
    assert decisions_of(region_id) == before
    repo.close()


def test_a_text_longer_than_a_cell_holds_is_refused(memory_repository: Repository) -> None:
    """The tables, the decisions import and a merged copy agree: at most 10,000 characters in one cell."""
    from sew_desktop.domain.validation import MAX_TEXT, Problem

    key = memory_repository.insert(Entity.REGION, {"name": "Regio T", "kind": "samenwerkingsverband",
                                                   "province_nis": "10000"})
    memory_repository.update(Entity.REGION, key, {"notes": "x" * MAX_TEXT})
    with pytest.raises(RowValidationError) as refused:
        memory_repository.update(Entity.REGION, key, {"notes": "x" * (MAX_TEXT + 1)})
    assert refused.value.problems == [Problem.TEXT_TOO_LONG]
