"""One register and one language: "u" throughout, Qt's own dialogs in Dutch, no "0/0 0 %", the provinces in the
published order, an undone delete back in its place."""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree import ElementTree

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox, QTableView, QUndoView
from pytestqt.qtbot import QtBot

from sew_desktop.app import create_main_window
from sew_desktop.services.databases import create_repository
from sew_desktop.ui import i18n_tool
from sew_desktop.ui.core.i18n import Language
from sew_desktop.ui.shell.languages import apply_language
from sew_desktop.ui.shell.window import MainWindow
from tests.ui.conftest import ScriptedDialogs
from tests.ui.test_main_window import page

INFORMAL = re.compile(r"\b(je|jij|jou|jouw|jullie|jezelf)\b", re.IGNORECASE)


@pytest.mark.parametrize("catalog", sorted(i18n_tool.CATALOGS))
def test_the_dutch_says_u_never_je(catalog: str) -> None:
    tree = ElementTree.parse(i18n_tool.catalog_path(catalog))
    texts = ["".join(t.itertext()) for t in tree.iter("translation")]
    assert texts and not [t for t in texts if INFORMAL.search(t)]


def test_qts_own_file_dialog_and_calendar_speak_dutch(qtbot: QtBot) -> None:
    apply_language(Language.DUTCH)
    dialog = QFileDialog(None, "Openen")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    labels = {label.objectName(): label.text() for label in dialog.findChildren(QLabel)}
    assert labels == {"lookInLabel": "&Zoeken in:", "fileNameLabel": "Bestands&naam:",
                      "fileTypeLabel": "Bestands&type:"}
    question = QMessageBox(QMessageBox.Icon.Question, "Vraag", "Doorgaan?",
                           QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    qtbot.addWidget(question)
    assert sorted(b.text() for b in question.buttons()) == ["&Ja", "&Nee"]


def test_a_new_database_shows_a_dash_where_there_is_nothing_to_count(qtbot: QtBot, tmp_path: Path, settings: QSettings,
                                                         dialogs: ScriptedDialogs) -> None:
    path = tmp_path / "leeg.sqlite"
    create_repository(path).close()
    window = create_main_window(path, settings=settings, dialogs=dialogs)
    qtbot.addWidget(window)
    coverage = window.findChild(QTableView, "coverageTable")
    assert coverage is not None
    model = coverage.model()
    regions = {model.index(r, c).data() for r in range(model.rowCount()) for c in range(5, 9)}
    assert regions == {"–"}  # no regiegebieden yet: nothing to count, not "0/0 0 %"
    assert re.fullmatch(r"0/\d+", model.index(0, 1).data()) and model.index(0, 2).data() == "0 %"


def test_the_history_starts_with_the_file_as_opened(window: MainWindow) -> None:
    history = window.findChild(QUndoView)
    assert history is not None and history.emptyLabel() == "Zoals geopend"


def test_the_province_filter_lists_the_provinces_as_the_table_does(window: MainWindow) -> None:
    municipalities = page(window, "municipalitiesTable")
    combo = municipalities.province
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "Alle provincies", "West-Vlaanderen", "Oost-Vlaanderen", "Antwerpen", "Vlaams-Brabant", "Limburg"]


def test_an_undone_delete_puts_the_row_back_in_its_place(window: MainWindow, qtbot: QtBot) -> None:
    regions = page(window, "regionsTable")
    window.tabs.setCurrentIndex(1)
    names = [regions.model.index(r, 0).data() for r in range(regions.model.rowCount())]
    regions.view.setCurrentIndex(regions.proxy.index(3, 0))
    regions.view.selectRow(3)
    gone = regions.proxy.index(3, 0).data()
    action = window.findChild(QAction, "deleteRowsAction")
    assert action is not None
    action.trigger()
    assert gone not in [regions.model.index(r, 0).data() for r in range(regions.model.rowCount())]
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [regions.model.index(r, 0).data() for r in range(regions.model.rowCount())] == names
