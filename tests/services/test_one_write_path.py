"""Every write to the open file runs through the writer of the repository's transaction: edits, undo of a
delete, an import and its undo, a merge and its undo, loading and removing boundaries, the trash. SQLite reports
each statement it runs (its trace callback, triggers' statements included); one that changes data or schema
while no writer is running a statement would be a second way of writing."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from sew_desktop.domain.boundaries import Period
from sew_desktop.domain.merging import Prefer
from sew_desktop.services.boundaries.service import load_boundaries, remove_boundaries
from sew_desktop.services.history import empty_trash, restore_from_trash, trash_items
from sew_desktop.services.imports.model import Options
from sew_desktop.services.imports.service import apply, find_call, prepare, undo
from sew_desktop.services.merging.apply import apply_merge, undo_merge
from sew_desktop.services.merging.plan import plan_merge
from sew_desktop.services.merging.resolve import resolve
from sew_desktop.store.mapping import Entity
from sew_desktop.store.repository import Repository
from sew_desktop.store.writes import Writer
from tests.services.boundaries.files import boundary_file, period_codes, squares
from tests.services.imports.helpers import CALL, HEADER, write_csv
from tests.services.merge_helpers import copy, opened

_WRITES = re.compile(r"\s*(INSERT|UPDATE|DELETE|REPLACE|CREATE|DROP|ALTER)\b", re.IGNORECASE)
# The transaction itself (not a store module) fills and empties the who-and-why row the history triggers read.
_BOOKKEEPING = re.compile(r"\s*(INSERT OR REPLACE INTO|DELETE FROM) change_context\b")


@pytest.fixture
def watched(demo_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Repository, list[str]]]:
    """The demo file's repository, and the writing statements SQLite ran while no writer ran one."""
    running = [0]

    def through_writer(method: Callable[..., sqlite3.Cursor]) -> Callable[..., sqlite3.Cursor]:
        def run(self: Writer, *args: Any) -> sqlite3.Cursor:
            running[0] += 1
            try:
                return method(self, *args)
            finally:
                running[0] -= 1
        return run

    monkeypatch.setattr(Writer, "execute", through_writer(Writer.execute))
    monkeypatch.setattr(Writer, "executemany", through_writer(Writer.executemany))
    with opened(demo_path) as repository:
        outside: list[str] = []

        def trace(statement: str) -> None:
            if _WRITES.match(statement) and not running[0] and not _BOOKKEEPING.match(statement):
                outside.append(statement)

        repository.connection.set_trace_callback(trace)
        yield repository, outside
        repository.connection.set_trace_callback(None)


def _edits(repository: Repository) -> None:
    region = sorted(repository.regions())[0]
    repository.update(Entity.REGION, region, {"notes": "edited"})
    agreement = repository.insert(Entity.AGREEMENT, {"municipality_nis": "11001", "notes": "new"})
    deleted = repository.delete(Entity.AGREEMENT, [agreement])
    repository.restore(deleted)
    repository.delete(Entity.AGREEMENT, [agreement])
    restore_from_trash(repository, trash_items(repository)[0])
    repository.set_meta("checked", "yes")
    empty_trash(repository)


def _import(repository: Repository, folder: Path) -> None:
    path = write_csv(folder / "decisions.csv", [HEADER, ["Regio Schrijfpad", "Geel", "goedgekeurd", "1.000,00", ""],
                                                ["Regio Schrijfpad", "Mol", "goedgekeurd", "1.000,00", ""]])
    plan = prepare(repository, path, find_call(repository, CALL), Options(as_of=date(2023, 6, 1)))
    snapshot = apply(repository, plan)
    assert snapshot is not None
    undo(repository, snapshot)


def _merge(repository: Repository, theirs: Path) -> None:
    plan = plan_merge(repository, theirs)
    resolution = resolve(plan, prefer=Prefer.NEWER)
    undo_merge(repository, apply_merge(repository, plan, resolution))


def test_every_write_runs_through_a_transactions_writer(watched: tuple[Repository, list[str]], demo_path: Path,
                                                        tmp_path: Path) -> None:
    repository, outside = watched
    theirs = copy(demo_path, tmp_path / "theirs.sqlite")
    with opened(theirs) as other:
        other.update(Entity.REGION, sorted(other.regions())[1], {"name": "Hernoemd elders"})
        other.delete(Entity.AGREEMENT, [sorted(other.agreements())[0]])
    _edits(repository)
    _import(repository, tmp_path)
    _merge(repository, theirs)
    shapes = boundary_file(tmp_path, "geojson", squares(period_codes(repository, Period.FROM_2019)), 31370)
    load_boundaries(repository, shapes, "Test source")
    remove_boundaries(repository)
    assert outside == []


def test_a_write_beside_the_writer_would_be_seen(watched: tuple[Repository, list[str]]) -> None:
    repository, outside = watched
    with repository.transaction():  # inside a transaction, but not through its writer
        repository.connection.execute("UPDATE region SET notes = 'sneaked' WHERE id = 1")
    assert outside[0] == "UPDATE region SET notes = 'sneaked' WHERE id = 1"  # then what its triggers ran


def test_a_writer_refuses_to_write_after_its_transaction(memory_repository: Repository) -> None:
    with memory_repository.transaction() as tx:
        tx.execute("UPDATE meta SET value = value")
    with pytest.raises(RuntimeError, match="transaction has ended"):
        tx.execute("UPDATE meta SET value = value")
