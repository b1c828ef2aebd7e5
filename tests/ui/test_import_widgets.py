from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QPushButton, QTableWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from sew_desktop.services.databases import open_repository
from sew_desktop.services.imports.model import Options
from sew_desktop.services.imports.service import apply, find_call, prepare
from sew_desktop.store.repository import Repository
from sew_desktop.ui.core.notifier import ChangeBus
from sew_desktop.ui.features.imports.calls import OpenCallsWidget
from sew_desktop.ui.features.imports.log import ImportLogWidget
from tests.services.imports.helpers import CALL, SAMPLES


def _cell(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    assert item is not None
    return item.text()


@pytest.fixture
def repo(demo_path: Path) -> Iterator[Repository]:
    repository = open_repository(demo_path)
    yield repository
    repository.close()


def test_open_calls_are_listed_and_editable(qtbot: QtBot, qtmodeltester: ModelTester, repo: Repository) -> None:
    bus = ChangeBus(repo)  # kept alive for the test: the widget listens to it
    widget = OpenCallsWidget(repo, bus)
    qtbot.addWidget(widget)
    model = widget.model
    qtmodeltester.check(model)
    assert [model.data(model.index(0, c)) for c in range(4)] == [CALL, "01/01/2023", "31/12/2025", "15/01/2023"]
    assert model.setData(model.index(0, 3), "31/01/2023")
    assert repo.open_calls()[0].deadline == date(2023, 1, 31)
    assert model.data(model.index(0, 3)) == "31/01/2023"
    assert not model.setData(model.index(0, 1), "morgen")
    assert not model.setData(model.index(0, 2), "01/01/2020")  # end before start
    assert repo.open_calls()[0].period.valid_to == date(2025, 12, 31)
    assert model.setData(model.index(0, 3), "")  # no deadline
    assert repo.open_calls()[0].deadline is None
    assert model.setData(model.index(0, 0), "Oproep 2023-2025")
    add = widget.findChild(QPushButton, "addCall")
    assert add is not None
    add.click()
    assert model.rowCount() == 2 and [c.name for c in repo.open_calls()] == ["Oproep 2023-2025", "New call 1"]
    assert not model.setData(model.index(1, 0), "Oproep 2023-2025")  # names are unique
    qtmodeltester.check(model)


def test_import_log_lists_imports_and_refreshes(qtbot: QtBot, repo: Repository) -> None:
    bus = ChangeBus(repo)  # kept alive for the test: the widget listens to it
    widget = ImportLogWidget(repo, bus)
    qtbot.addWidget(widget)
    assert widget.table.rowCount() == 0
    plan = prepare(repo, SAMPLES / "beslissingen_lokale_regie.xlsx", find_call(repo, CALL), Options())
    apply(repo, plan, user="an")
    assert widget.table.rowCount() == 1
    cells = [_cell(widget.table, 0, c) for c in range(6)]
    assert cells[1:5] == ["beslissingen_lokale_regie.xlsx", "an", CALL, "2 new, 0 changed, 0 unchanged, 0 skipped"]
    assert len(cells[5]) == 64 and cells[0].count("/") == 2


def test_an_undone_import_stays_in_the_log_marked_and_redo_marks_it_again(qtbot: QtBot, repo: Repository) -> None:
    from PySide6.QtGui import QUndoStack

    from sew_desktop.ui.features.imports.command import ImportDecisionsCommand

    bus = ChangeBus(repo)  # kept alive for the test: the widget listens to it
    widget = ImportLogWidget(repo, bus)
    qtbot.addWidget(widget)
    stack = QUndoStack()
    plan = prepare(repo, SAMPLES / "beslissingen_lokale_regie.xlsx", find_call(repo, CALL), Options())
    stack.push(ImportDecisionsCommand(repo, plan, user="an"))
    assert _cell(widget.table, 0, 4) == "2 new, 0 changed, 0 unchanged, 0 skipped"
    stack.undo()
    assert widget.table.rowCount() == 1
    result = _cell(widget.table, 0, 4)
    assert result.startswith("2 new, 0 changed, 0 unchanged, 0 skipped · undone on ") and result.count("/") == 2
    stack.redo()
    assert widget.table.rowCount() == 1 and " · redone on " in _cell(widget.table, 0, 4)
