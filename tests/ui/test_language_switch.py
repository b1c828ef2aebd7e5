"""Switching language keeps what the user has: dates, undo history, tab, filters, selection, layout."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QEvent, QSettings, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDateEdit, QMenu, QTableView, QTabWidget
from pytestqt.qtbot import QtBot

from sew_desktop.app import create_main_window
from sew_desktop.store.held import is_held
from sew_desktop.ui.core.table_page import TablePage
from sew_desktop.ui.shell.window import MainWindow
from tests.ui.conftest import ScriptedDialogs
from tests.ui.test_main_window import agreement_of_region, cell, page, session_of
from tests.ui.test_safety_ui import type_into_cell


def switch(window: MainWindow, qtbot: QtBot, language: str) -> MainWindow:
    """View › Taal / Language › the language, with the keys (Alt+D or Alt+V, L, Down, Enter)."""
    replacements: list[MainWindow] = []
    window.replaced_by.connect(replacements.append)
    window.activateWindow()
    for _ in range(50):  # not qtbot.wait: that would also delete the window replaced before, which the
        # window fixture still closes at the end of the test
        if QApplication.activeWindow() is window:
            break
        QApplication.processEvents()
    qtbot.keyClick(window, Qt.Key.Key_V if language == "nl" else Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)
    view_menu = QApplication.activePopupWidget()
    assert isinstance(view_menu, QMenu) and view_menu.title() in ("Beel&d", "&View")
    qtbot.keyClick(view_menu, Qt.Key.Key_L)
    languages = QApplication.activePopupWidget()
    assert isinstance(languages, QMenu) and languages.title() == "Taal / &Language"
    for _ in range(0 if language == "nl" else 1):  # the first entry, Nederlands, is active when it opens
        qtbot.keyClick(languages, Qt.Key.Key_Down)
    assert languages.activeAction() is not None and languages.activeAction().objectName() == f"language_{language}"
    qtbot.keyClick(languages, Qt.Key.Key_Return)
    assert len(replacements) == 1
    new = replacements[0]
    qtbot.addWidget(new)
    qtbot.waitExposed(new)
    return new


def test_switching_language_keeps_dates_undo_tab_filter_and_selection(window: MainWindow, qtbot: QtBot) -> None:
    session = session_of(window)
    agreements = page(window, "agreementsTable")
    key = agreement_of_region(session, "Demo-regio West 4")
    assert agreements.proxy.setData(cell(agreements, key, "signed"), QDate(2022, 10, 1), Qt.ItemDataRole.EditRole)
    session.live.set_dates(date(2022, 10, 17), date(2023, 6, 30))
    municipalities = page(window, "municipalitiesTable")
    qtbot.keyClicks(municipalities.search, "sint")
    municipalities.province.setCurrentIndex(municipalities.province.findData("40000"))
    municipalities.view.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    municipalities.view.setSortingEnabled(True)
    chosen = cell(municipalities, "46021", "vdab_contact")  # Sint-Niklaas
    municipalities.view.setCurrentIndex(chosen)
    municipalities.view.setColumnWidth(1, 231)
    window.tabs.setCurrentIndex(2)
    rows_before = municipalities.proxy.rowCount()
    repository = session.repository

    new = switch(window, qtbot, "en")
    assert not window.isVisible()
    new_session = session_of(new)
    assert new_session.repository is repository and new_session.undo_stack is session.undo_stack
    assert new_session.undo_stack.count() == 1
    assert (new_session.live.as_of, new_session.live.horizon) == (date(2022, 10, 17), date(2023, 6, 30))
    as_of = new.findChild(QDateEdit, "asOfDate")
    assert as_of is not None and as_of.date() == QDate(2022, 10, 17)
    assert new.tabs.currentIndex() == 2 and new.tabs.tabText(0) == "Municipalities"
    moved = page(new, "municipalitiesTable")
    assert moved.search.text() == "sint" and moved.province.currentData() == "40000"
    assert moved.proxy.rowCount() == rows_before
    assert moved.model.headerData(1, Qt.Orientation.Horizontal) == "Name"
    current = moved.view.currentIndex()
    assert moved.model.key_at(moved.proxy.mapToSource(current).row()) == "46021"
    assert moved.view.isSortingEnabled() and moved.view.horizontalHeader().sortIndicatorOrder() == \
        Qt.SortOrder.DescendingOrder
    assert moved.view.columnWidth(1) == 231
    coverage = new.findChild(QTableView, "coverageTable")
    assert coverage is not None and coverage.model().headerData(0, Qt.Orientation.Horizontal) != ""
    assert "West Flanders" in [coverage.model().index(r, 0).data() for r in range(coverage.model().rowCount())]

    new_session.undo_stack.undo()  # the history still works on the same file
    assert repository.agreements()[key].signed is None
    back = switch(new, qtbot, "nl")
    assert back.tabs.tabText(0) == "Gemeenten" and session_of(back).undo_stack.canRedo()
    assert [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()] == [back]


def test_choosing_the_language_already_shown_rebuilds_nothing(window: MainWindow) -> None:
    replacements: list[MainWindow] = []
    window.replaced_by.connect(replacements.append)
    action = window.findChild(QAction, "language_nl")
    assert action is not None
    action.trigger()
    assert replacements == [] and window.isVisible()


def test_the_chart_tabs_and_every_table_page_follow_the_switch(window: MainWindow, qtbot: QtBot) -> None:
    charts = window.findChild(QTabWidget, "chartTabs")
    assert charts is not None and charts.count() > 1
    charts.setCurrentIndex(1)
    names = {p.view.objectName() for p in window.findChildren(TablePage)}
    new = switch(window, qtbot, "en")
    moved = new.findChild(QTabWidget, "chartTabs")
    assert moved is not None and moved.currentIndex() == 1
    assert {p.view.objectName() for p in new.findChildren(TablePage)} == names


def test_undo_keeps_working_after_the_old_window_is_gone(qtbot: QtBot, demo_path: Path, settings: QSettings,
                                                         dialogs: ScriptedDialogs) -> None:
    """The switched-from window is deleted (as in the app); every undoable change and Ctrl+Z still work and
    show no error (its Undo and Redo actions were still listening to the shared undo stack)."""
    first = create_main_window(demo_path, settings=settings, dialogs=dialogs)
    first.show()
    qtbot.waitExposed(first)
    new = switch(first, qtbot, "en")
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # the old window and its actions go
    QApplication.processEvents()
    session = session_of(new)
    agreements = page(new, "agreementsTable")
    key = agreement_of_region(session, "Demo-regio West 4")
    before = session.repository.agreements()[key].notes
    new.tabs.setCurrentWidget(agreements)
    type_into_cell(qtbot, agreements, cell(agreements, key, "notes"), "after the switch")
    assert session.repository.agreements()[key].notes == "after the switch"
    undo = new.findChild(QAction, "undoAction")
    assert undo is not None and undo.isEnabled() and undo.text().startswith("Undo")
    qtbot.keyClick(agreements.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert session.repository.agreements()[key].notes == before
    assert not dialogs.errors
    new.close()


def test_a_window_destroyed_after_its_live_coverage_releases_its_file_quietly(qtbot: QtBot, demo_path: Path,
                                                                              settings: QSettings,
                                                                              dialogs: ScriptedDialogs) -> None:
    """At shutdown Qt may delete a window's objects in any order: the file is still closed, without an error."""
    window = create_main_window(demo_path, settings=settings, dialogs=dialogs)
    session = window.session
    assert is_held(demo_path)
    timer = session.live.findChild(QTimer)
    assert timer is not None
    timer.deleteLater()  # as at shutdown: the live coverage's timer is gone first
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # destroyed: the holder closes the file
    assert not is_held(demo_path)  # the file was released (an error in the release would fail this test too)
