"""The window fits a 1366×768 laptop at 100 % and 150 % (911×485 logical pixels): nothing cut off."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QSplitter, QTableView, QToolButton
from pytestqt.qtbot import QtBot

from sew_desktop.ui.core.table_page import TablePage
from sew_desktop.ui.shell.window import MainWindow

SIZES = {"1366x768 at 100 %": (1366, 728), "1366x768 at 150 %": (911, 485)}  # less a taskbar


def coverage_table(window: MainWindow) -> QTableView:
    table = window.findChild(QTableView, "coverageTable")
    assert isinstance(table, QTableView)
    return table


@pytest.mark.parametrize("size", SIZES.values(), ids=SIZES.keys())
def test_coverage_table_fits_or_scrolls(window: MainWindow, qtbot: QtBot, size: tuple[int, int]) -> None:
    window.resize(*size)
    qtbot.wait(50)
    assert window.width() <= size[0] and window.height() <= size[1]  # the window's minimum fits the screen
    table = coverage_table(window)
    header = table.horizontalHeader()
    columns_fit = header.length() <= table.viewport().width()
    assert columns_fit or table.horizontalScrollBar().isVisible()
    rows = sum(table.rowHeight(r) for r in range(table.model().rowCount()))
    assert rows <= table.viewport().height() or table.verticalScrollBar().isVisible()
    for column in range(header.count()):  # each column as wide as its widest text
        assert header.sectionSize(column) >= table.sizeHintForColumn(column)


def test_at_1366_the_whole_coverage_table_is_visible(window: MainWindow, qtbot: QtBot) -> None:
    window.resize(1366, 728)
    qtbot.wait(50)
    table = coverage_table(window)
    assert table.horizontalHeader().length() <= table.viewport().width()
    assert not table.horizontalScrollBar().isVisible()


@pytest.mark.parametrize("size", SIZES.values(), ids=SIZES.keys())
def test_every_row_of_the_coverage_table_is_visible(window: MainWindow, qtbot: QtBot, size: tuple[int, int]) -> None:
    """The Flanders row is the answer: at 150 % on a 1366x768 laptop the chart gives up height before it does."""
    window.resize(*size)
    table = coverage_table(window)
    # The splitter shares out the new height in a later turn (and a loaded machine takes longer than 50 ms).
    qtbot.waitUntil(lambda: not table.verticalScrollBar().isVisible(), timeout=3000)
    rows = sum(table.rowHeight(r) for r in range(table.model().rowCount()))
    assert table.model().rowCount() == 6 and rows <= table.viewport().height()


@pytest.mark.parametrize("size", SIZES.values(), ids=SIZES.keys())
def test_filters_keep_a_usable_width(window: MainWindow, qtbot: QtBot, size: tuple[int, int]) -> None:
    window.resize(*size)
    for tab in range(3):
        window.tabs.setCurrentIndex(tab)
        qtbot.wait(30)
        page = window.tabs.currentWidget()
        table_page = page if isinstance(page, TablePage) else page.findChild(TablePage)
        assert isinstance(table_page, TablePage)
        search = table_page.findChild(QLineEdit, "searchField")
        province = table_page.findChild(QComboBox, "provinceFilter")
        assert search is not None and province is not None
        placeholder = search.fontMetrics().horizontalAdvance(search.placeholderText())
        assert search.width() >= placeholder + 20  # "Filteren (Ctrl+F)…", not "Fil…"
        longest = max(province.fontMetrics().horizontalAdvance(province.itemText(i)) for i in range(province.count()))
        assert province.width() >= longest
        for button in table_page.findChildren(QToolButton):
            assert button.geometry().right() <= table_page.width()


def test_page_buttons_drop_their_text_only_when_narrow(window: MainWindow, qtbot: QtBot) -> None:
    window.tabs.setCurrentIndex(1)  # beside the members panel
    window.resize(1920, 1040)
    qtbot.wait(30)
    page = window.tabs.currentWidget()
    names = ("addRowAction", "deleteRowsAction")
    buttons = [b for b in page.findChildren(QToolButton)
               if b.defaultAction() is not None and b.defaultAction().objectName() in names]
    assert len(buttons) == 2
    assert buttons and all(b.toolButtonStyle().name == "ToolButtonTextBesideIcon" for b in buttons)
    window.resize(911, 485)
    qtbot.wait(30)
    assert all(b.toolButtonStyle().name == "ToolButtonIconOnly" for b in buttons)


def test_members_panel_goes_under_the_regiegebieden_when_narrow(window: MainWindow, qtbot: QtBot) -> None:
    window.tabs.setCurrentIndex(1)
    splitter = window.findChild(QSplitter, "regionsSplitter")
    assert isinstance(splitter, QSplitter)
    window.resize(1920, 1040)
    qtbot.wait(30)
    assert splitter.orientation() == Qt.Orientation.Horizontal
    window.resize(911, 485)
    qtbot.wait(30)
    assert splitter.orientation() == Qt.Orientation.Vertical
    dock = window.coverage_dock
    assert dock.width() >= 400  # the charts get the room the stacked panes leave
