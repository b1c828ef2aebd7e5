"""What the user sees in a window, taken over by its replacement after a language switch.

Switching language builds the window's widgets again in the new language (every text, including those of the
charts and the map, comes out of one translation pass), from the same open file and the same undo history; what
the user had on screen is carried over: geometry and docks, the current tab of every tab bar, and per table the
filter, the province, the column layout and sort, the selected cells (by row key, so sorting cannot move them)
and the scroll position.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QByteArray, QItemSelection, QItemSelectionModel, QModelIndex, QSize, Qt
from PySide6.QtWidgets import QMainWindow, QTabWidget

from sew_desktop.store.repository import Key
from sew_desktop.ui.core.table_page import TablePage

Cell = tuple[Key, int]  # (row key, source column)


@dataclass(frozen=True)
class PageState:
    """One table page as the user left it."""

    search: str
    province: object
    header: QByteArray
    sorting: bool
    sort_column: int
    sort_order: Qt.SortOrder
    current: Cell | None
    selected: list[Cell]
    scroll: tuple[int, int]


@dataclass(frozen=True)
class ViewState:
    """A window as the user left it."""

    geometry: QByteArray
    size: QSize
    docks: QByteArray
    tabs: dict[str, int] = field(default_factory=dict)
    pages: dict[str, PageState] = field(default_factory=dict)


def capture_view(window: QMainWindow) -> ViewState:
    """The window's visible state."""
    tabs = {t.objectName(): t.currentIndex() for t in window.findChildren(QTabWidget) if t.objectName()}
    pages = {p.view.objectName(): capture_page(p) for p in window.findChildren(TablePage)}
    return ViewState(window.saveGeometry(), window.size(), window.saveState(), tabs, pages)


def capture_page(page: TablePage) -> PageState:
    """One table page's filter, layout, selection and scroll position."""
    view, proxy = page.view, page.proxy

    def cell_of(row: int, column: int) -> Cell:
        source = proxy.mapToSource(proxy.index(row, column))
        return (page.model.key_at(source.row()), source.column())

    current = view.currentIndex()
    header = view.horizontalHeader()
    return PageState(
        page.search.text(), page.province.currentData(), header.saveState(), view.isSortingEnabled(),
        header.sortIndicatorSection(), header.sortIndicatorOrder(),
        cell_of(current.row(), current.column()) if current.isValid() else None,
        [cell_of(i.row(), i.column()) for i in view.selectionModel().selectedIndexes()],
        (view.verticalScrollBar().value(), view.horizontalScrollBar().value()))


def restore_view(window: QMainWindow, state: ViewState) -> None:
    """Put ``state`` back on a window built for the same file (tabs and tables are found by name)."""
    window.restoreGeometry(state.geometry)
    if not (window.isMaximized() or window.isFullScreen()):
        window.resize(state.size)  # exactly as it was (restoreGeometry may fit a window to the screen it knows)
    window.restoreState(state.docks)
    for tabs in window.findChildren(QTabWidget):
        index = state.tabs.get(tabs.objectName())
        if index is not None and 0 <= index < tabs.count():
            tabs.setCurrentIndex(index)
    for page in window.findChildren(TablePage):
        saved = state.pages.get(page.view.objectName())
        if saved is not None:
            restore_page(page, saved)


def restore_page(page: TablePage, state: PageState) -> None:
    """Filter first (it decides the rows), then layout and sort, then selection and scroll position."""
    view, proxy, model = page.view, page.proxy, page.model
    page.search.setText(state.search)
    province = page.province.findData(state.province)
    if province >= 0:
        page.province.setCurrentIndex(province)
    view.horizontalHeader().restoreState(state.header)
    if state.sorting:
        view.setSortingEnabled(True)
        view.sortByColumn(state.sort_column, state.sort_order)

    def index_of(cell: Cell | None) -> QModelIndex:
        row = model.row_of(cell[0]) if cell is not None else None
        return QModelIndex() if row is None or cell is None else proxy.mapFromSource(model.index(row, cell[1]))

    selection = QItemSelection()
    for index in map(index_of, state.selected):
        if index.isValid():
            selection.select(index, index)
    current = index_of(state.current)
    if current.isValid():
        view.selectionModel().setCurrentIndex(current, QItemSelectionModel.SelectionFlag.NoUpdate)
    view.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    view.verticalScrollBar().setValue(state.scroll[0])
    view.horizontalScrollBar().setValue(state.scroll[1])
