"""File › Merge another copy…: the preview lists what comes in and the conflicts; a real click chooses theirs;
the merge is applied after a backup and one Ctrl+Z undoes it."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QPushButton, QTableWidget, QTreeWidget
from pytestqt.qtbot import QtBot

from sew_desktop.domain.merging import Prefer
from sew_desktop.services.databases import open_repository
from sew_desktop.store.mapping import Entity
from sew_desktop.ui.features.merge.feature import MergeHub
from sew_desktop.ui.shell.window import MainWindow
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
    hub = window.findChild(MergeHub, "mergeHub")
    assert hub is not None
    assert hub.is_reading() and not action.isEnabled()  # read off the GUI thread; one preview at a time
    qtbot.waitUntil(lambda: hub.dialog is not None, timeout=20_000)
    assert not hub.is_reading() and action.isEnabled()
    dialog = hub.dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    summary = dialog.findChildren(QLabel)[0].text()
    assert summary.startswith("Beide kopieën komen uit hetzelfde bestand") and "geschiedenis" not in summary
    tree = dialog.findChild(QTreeWidget, "mergeIncoming")
    assert tree is not None
    top = tree.topLevelItem(0)
    assert top is not None
    texts = [item.text(0) for item in (top.child(i) for i in range(top.childCount())) if item is not None]
    assert any(t.endswith("· Naam") for t in texts)  # the Dutch column title
    table = dialog.findChild(QTableWidget, "mergeConflicts")
    coverage = dialog.findChild(QTableWidget, "mergeCoverage")
    theirs_button = dialog.findChild(QPushButton, "mergeTheirsButton")
    assert tree is not None and table is not None and coverage is not None and theirs_button is not None
    theirs_cell = table.item(0, 3)
    assert table.rowCount() == 1 and theirs_cell is not None and "van de collega" in theirs_cell.text()
    apply_button = dialog.findChild(QPushButton, "mergeApplyButton")
    assert apply_button is not None
    assert not apply_button.isEnabled()
    rect = table.visualRect(table.model().index(0, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseClick(theirs_button, Qt.MouseButton.LeftButton)
    assert apply_button.isEnabled()
    assert coverage.rowCount() == 6  # five provinces and Flanders
    qtbot.mouseClick(apply_button, Qt.MouseButton.LeftButton)
    assert window.session is not None
    repository = window.session.repository
    assert repository.regions()[first].notes == "van de collega"
    assert repository.regions()[second].name == "Hernoemd door collega"
    with qtbot.waitActive(window):  # the preview has closed: the user is back in the window
        window.activateWindow()
    window.tabs.currentWidget().setFocus()
    qtbot.keyClick(window.tabs.currentWidget(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert repository.regions()[first].notes == "van mij"
    assert repository.regions()[second].name != "Hernoemd door collega"
    qtbot.keyClick(window.tabs.currentWidget(), Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)  # redo
    assert repository.regions()[first].notes == "van de collega"
    assert repository.regions()[second].name == "Hernoemd door collega"


def test_a_change_after_the_preview_is_explained_and_nothing_merges(qtbot: QtBot, window: MainWindow,
                                                                     dialogs: ScriptedDialogs, tmp_path: Path) -> None:
    other, first, _second = _other_copy(window, tmp_path)
    hub = window.findChild(MergeHub, "mergeHub")
    assert hub is not None and window.session is not None
    hub.open_preview(other)
    qtbot.waitUntil(lambda: hub.dialog is not None, timeout=20_000)
    dialog = hub.dialog
    assert dialog is not None
    dialog.choose_all(Prefer.THEIRS)
    window.session.repository.update(Entity.REGION, first, {"notes": "intussen"})
    assert not hub.apply(dialog.plan, dialog.resolution)
    assert dialogs.errors and "veranderd sinds het voorbeeld" in dialogs.errors[-1][1]
    assert window.session.repository.regions()[first].notes == "intussen"
    assert not window.session.undo_stack.canUndo() or window.session.undo_stack.undoText() != "Merge collega.sqlite"


def test_a_file_that_is_no_copy_is_refused_after_reading_with_one_readable_message(
    qtbot: QtBot, window: MainWindow, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    not_a_copy = tmp_path / "notities.sqlite"
    not_a_copy.write_bytes(b"dit is geen database" * 100)
    hub = window.findChild(MergeHub, "mergeHub")
    assert hub is not None
    hub.open_preview(not_a_copy)
    qtbot.waitUntil(lambda: not hub.is_reading(), timeout=20_000)
    assert hub.dialog is None and hub.action.isEnabled()
    assert dialogs.errors and "notities.sqlite" in dialogs.errors[-1][1]
    assert "Traceback" not in dialogs.errors[-1][1]


def test_a_kept_regiegebied_says_what_comes_back_with_it_in_dutch() -> None:
    from sew_desktop.ui.core.i18n import Language
    from sew_desktop.ui.features.merge.texts import kept_with_text
    from sew_desktop.ui.shell.languages import apply_language

    apply_language(Language.DUTCH)
    assert kept_with_text({"agreement": 1, "membership": 6}) == " — blijft, met 6 leden, 1 overeenkomst"
    assert kept_with_text({}) == ""
