"""File › Merge another copy…: the preview lists what comes in and the conflicts; a real click chooses theirs;
the merge is applied after a backup and one Ctrl+Z undoes it."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QPushButton, QTableWidget, QTreeWidget
from pytestqt.qtbot import QtBot

from sew_desktop.services.databases import open_repository
from sew_desktop.store.mapping import Entity
from sew_desktop.ui.main.shell.window import MainWindow
from tests.ui.conftest import ScriptedDialogs


def _other_copy(window: MainWindow, tmp_path: Path) -> tuple[Path, int, int]:
    assert window.session is not None and window.session.repository.path is not None
    repository = window.session.repository
    other = tmp_path / "collega.sqlite"
    shutil.copyfile(repository.path, other)  # type: ignore[arg-type]
    first, second = sorted(repository.regions())[:2]
    repository.update(Entity.REGION, first, {"notes": "van mij"})
    theirs = open_repository(other)
    theirs.update(Entity.REGION, first, {"notes": "van de collega"})
    theirs.update(Entity.REGION, second, {"name": "Hernoemd door collega"})
    theirs.close()
    return other, first, second


def test_preview_choose_theirs_apply_and_undo(qtbot: QtBot, window: MainWindow, dialogs: ScriptedDialogs,
                                             tmp_path: Path) -> None:
    other, first, second = _other_copy(window, tmp_path)
    dialogs.merge_answer = other  # type: ignore[attr-defined]
    action = window.findChild(QAction, "mergeAction")
    assert action is not None
    action.trigger()
    hub = window.findChild(object, "mergeHub")  # type: ignore[arg-type]
    dialog = hub.dialog  # type: ignore[union-attr]
    assert dialog is not None
    qtbot.waitExposed(dialog)
    tree = dialog.findChild(QTreeWidget, "mergeIncoming")
    texts = [tree.topLevelItem(0).child(i).text(0) for i in range(tree.topLevelItem(0).childCount())]
    assert any("name" in t for t in texts)
    table = dialog.findChild(QTableWidget, "mergeConflicts")
    assert table.rowCount() == 1 and "van de collega" in table.item(0, 4).text()
    apply_button = dialog.findChild(QPushButton, "mergeApplyButton")
    assert not apply_button.isEnabled()
    rect = table.visualRect(table.model().index(0, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseClick(dialog.findChild(QPushButton, "mergeTheirsButton"), Qt.MouseButton.LeftButton)
    assert apply_button.isEnabled()
    assert dialog.findChild(QTableWidget, "mergeCoverage").rowCount() == 6  # five provinces and Flanders
    qtbot.mouseClick(apply_button, Qt.MouseButton.LeftButton)
    repository = window.session.repository  # type: ignore[union-attr]
    assert repository.regions()[first].notes == "van de collega"
    assert repository.regions()[second].name == "Hernoemd door collega"
    window.activateWindow()
    window.tabs.currentWidget().setFocus()
    qtbot.keyClick(window.tabs.currentWidget(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert repository.regions()[first].notes == "van mij"
    assert repository.regions()[second].name != "Hernoemd door collega"
