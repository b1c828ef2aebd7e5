"""A table model on its own (no window): one change repaints just its rows, in runs of adjacent rows; inserts and
deletes move only those rows; a change elsewhere that the model shows (a renamed partner) repaints every row."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot

from sew_desktop.services.databases import open_repository
from sew_desktop.services.live import CoverageCalculator
from sew_desktop.store.mapping import Entity
from sew_desktop.store.repository import Change, ChangeKind, Repository
from sew_desktop.ui.core.i18n import Language
from sew_desktop.ui.core.live import LiveCoverage
from sew_desktop.ui.core.notifier import ChangeBus
from sew_desktop.ui.tables.tables import AgreementsModel, RegionsModel


@pytest.fixture
def repository(demo_path: Path) -> Iterator[Repository]:
    opened = open_repository(demo_path)
    yield opened
    opened.close()


def models(repository: Repository) -> tuple[RegionsModel, AgreementsModel]:
    live = LiveCoverage(CoverageCalculator(repository), ChangeBus(repository), Language.DUTCH)
    stack = QUndoStack()
    regions, agreements = RegionsModel(repository, stack, live), AgreementsModel(repository, stack, live)
    regions.stack, agreements.stack = stack, stack  # type: ignore[attr-defined]  # kept alive with the models
    return regions, agreements


def painted_runs(model: RegionsModel | AgreementsModel) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda first, last, _roles=(): runs.append((first.row(), last.row())))
    return runs


def test_rows_changed_paints_one_run_per_block_of_adjacent_rows(repository: Repository, qtbot: QtBot) -> None:
    regions, _ = models(repository)
    runs = painted_runs(regions)
    keys = [regions.key_at(row) for row in (0, 1, 2, 5, 7, 8)]
    regions.rows_changed([*reversed(keys), "not listed"])
    assert runs == [(0, 2), (5, 5), (7, 8)]


def test_an_update_paints_its_row_only(repository: Repository, qtbot: QtBot) -> None:
    regions, agreements = models(repository)
    runs = painted_runs(agreements)
    key = agreements.key_at(3)
    repository.update(Entity.AGREEMENT, key, {"notes": "bijgewerkt"})
    agreements.on_changes([Change(Entity.AGREEMENT, ChangeKind.UPDATED, (key,))])
    assert runs == [(3, 3)]
    assert painted_runs(regions) == []


def test_a_delete_and_its_undo_move_only_that_row(repository: Repository, qtbot: QtBot) -> None:
    _, agreements = models(repository)
    count, key = agreements.rowCount(), agreements.key_at(4)
    removed: list[int] = []
    inserted: list[int] = []
    agreements.rowsRemoved.connect(lambda _p, first, _last: removed.append(first))
    agreements.rowsInserted.connect(lambda _p, first, _last: inserted.append(first))
    deleted = repository.delete(Entity.AGREEMENT, [key])
    agreements.on_changes([Change(Entity.AGREEMENT, ChangeKind.DELETED, (key,))])
    assert removed == [4] and agreements.rowCount() == count - 1 and agreements.row_of(key) is None
    repository.restore(deleted)
    agreements.on_changes([Change(Entity.AGREEMENT, ChangeKind.INSERTED, (key,))])
    assert inserted == [4] and agreements.row_of(key) == 4  # back in its place, not at the end


def test_a_renamed_partner_repaints_every_agreement(repository: Repository, qtbot: QtBot) -> None:
    _, agreements = models(repository)
    runs = painted_runs(agreements)
    agreements.on_changes([Change(Entity.REGION, ChangeKind.UPDATED, (1,))])
    assert runs == [(0, agreements.rowCount() - 1)]
    agreements.on_changes([Change(Entity.BOUNDARY, ChangeKind.UPDATED, ("x",))])
    assert len(runs) == 1  # boundaries show in no agreement row


def test_a_reset_reloads_once(repository: Repository, qtbot: QtBot) -> None:
    regions, _ = models(repository)
    resets: list[bool] = []
    regions.modelReset.connect(lambda: resets.append(True))
    regions.on_changes([Change(Entity.REGION, ChangeKind.RESET)])
    assert resets == [True] and regions.rowCount(QModelIndex()) == len(repository.regions())
