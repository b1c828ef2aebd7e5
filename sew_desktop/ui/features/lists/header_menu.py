"""The context menu of a table's column headers: sort, hide and show columns (remembered), reset to default."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QPoint, QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from sew_desktop.ui.core.table_page import TablePage


def columns_key(page: TablePage) -> str:
    """Where the header's state (widths, order, hidden columns) is remembered; the window restores it."""
    return f"columns/{page.view.objectName()}"


class HeaderMenu:
    """Right-click on a header: sort on that column, a check item per column (shown or hidden), hide this
    column, and "Reset columns"."""

    def __init__(self, page: TablePage, settings: QSettings) -> None:
        self.page = page
        self.settings = settings
        self.menu: QMenu | None = None
        header = page.view.horizontalHeader()
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self.show_at)

    def show_at(self, position: QPoint) -> QMenu:
        """Pop up the menu for the section at ``position`` (header coordinates)."""
        header = self.page.view.horizontalHeader()
        menu = self.build(header.logicalIndexAt(position))
        menu.popup(header.mapToGlobal(position))
        return menu

    def build(self, section: int) -> QMenu:
        """The menu for column ``section`` (-1: beside the last column)."""
        if self.menu is not None:
            self.menu.deleteLater()
        menu = QMenu(self.page.view)
        menu.setObjectName("headerMenu")
        translate = QCoreApplication.translate
        if section >= 0:
            self._item(menu, translate("HeaderMenu", "Sort &ascending"), "sortAscending",
                       lambda: self.sort(section, Qt.SortOrder.AscendingOrder))
            self._item(menu, translate("HeaderMenu", "Sort &descending"), "sortDescending",
                       lambda: self.sort(section, Qt.SortOrder.DescendingOrder))
            menu.addSeparator()
        header = self.page.view.horizontalHeader()
        visible = [c for c in range(header.count()) if not header.isSectionHidden(c)]
        for column in range(header.count()):
            title = str(self.page.proxy.headerData(column, Qt.Orientation.Horizontal) or "")
            item = self._item(menu, title, f"column_{column}",
                              lambda checked=False, c=column: self.set_visible(c, checked))
            item.setCheckable(True)
            item.setChecked(column in visible)
            item.setEnabled(not (column in visible and len(visible) == 1))  # one column always stays
        menu.addSeparator()
        if section >= 0:
            title = str(self.page.proxy.headerData(section, Qt.Orientation.Horizontal) or "")
            self._item(menu, translate("HeaderMenu", "&Hide “%1”").replace("%1", title), "hideColumn",
                       lambda: self.set_visible(section, False)).setEnabled(len(visible) > 1)
        self._item(menu, translate("HeaderMenu", "&Reset columns"), "resetColumns", self.reset)
        self.menu = menu
        return menu

    @staticmethod
    def _item(menu: QMenu, text: str, name: str, slot: Callable[..., object]) -> QAction:
        item = QAction(text, menu)
        item.setObjectName(name)
        item.triggered.connect(slot)
        menu.addAction(item)
        return item

    def sort(self, section: int, order: Qt.SortOrder) -> None:
        """Sort on ``section`` (turns sorting on, as the first header click does)."""
        view = self.page.view
        view.horizontalHeader().setSortIndicator(section, order)
        view.setSortingEnabled(True)
        view.sortByColumn(section, order)

    def set_visible(self, column: int, visible: bool) -> None:
        """Hide or show a column and remember it at once."""
        self.page.view.horizontalHeader().setSectionHidden(column, not visible)
        self.settings.setValue(columns_key(self.page), self.page.view.horizontalHeader().saveState())

    def reset(self) -> None:
        """Every column visible, in its first order, widths fitted; nothing remembered."""
        header = self.page.view.horizontalHeader()
        for column in range(header.count()):
            header.setSectionHidden(column, False)
            header.moveSection(header.visualIndex(column), column)
        self.page.fit_columns()
        self.settings.remove(columns_key(self.page))
