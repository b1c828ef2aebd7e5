"""The context menu of a table's cells: copy (with headers), paste, clear, add and delete rows, filter on this
value, the row's history, export and print. It shows the window's own actions, so shortcuts and enabling stay
in one place."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QModelIndex, QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from sew_desktop.store.mapping import Entity
from sew_desktop.ui.core.actions import ActionLookup
from sew_desktop.ui.core.table_page import TablePage

# The window's actions in menu order, by key; None is a separator. Absent ones are skipped.
MENU_ORDER: tuple[str | None, ...] = (
    "copyAction", "copyWithHeadersAction", "pasteAction", "clearCellsAction", None,
    "addRowAction", "deleteRowsAction", None,
    "filterOnValue", "resetFilter", None,
    "rowHistoryAction", "trashAction", None,
    "exportListAction", "printAction",
)
_ROW_ACTIONS = frozenset({"addRowAction", "deleteRowsAction"})


def filter_term(title: str, value: str) -> str:
    """``kolom:=waarde`` (the whole cell) for the filter field, quoted where a part has spaces."""
    def quoted(text: str) -> str:
        return f'"{text}"' if any(ch.isspace() for ch in text) or ":" in text else text

    return f"{quoted(title)}:={quoted(value.replace(chr(34), ''))}"


class CellMenu:
    """Builds and pops up the menu for the cell under the mouse (selecting it first when it was not)."""

    def __init__(self, page: TablePage, actions: ActionLookup) -> None:
        self.page = page
        self.actions = actions
        self.menu: QMenu | None = None
        view = page.view
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self.show_at)

    def show_at(self, position: QPoint) -> QMenu:
        """Pop up the menu for the cell at ``position`` (viewport coordinates); returns it."""
        view = self.page.view
        index = view.indexAt(position)
        if index.isValid() and not view.selectionModel().isSelected(index):
            view.setCurrentIndex(index)
            view.selectionModel().select(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        menu = self.build(index)
        menu.popup(view.viewport().mapToGlobal(position))
        return menu

    def build(self, index: QModelIndex) -> QMenu:
        """The menu for ``index`` (which may be invalid: below the last row)."""
        if self.menu is not None:
            self.menu.deleteLater()
        menu = QMenu(self.page.view)
        menu.setObjectName("cellMenu")
        local = {"filterOnValue": self._filter_action(menu, index), "resetFilter": self._reset_action(menu)}
        adds_rows = self.page.model.entity in (Entity.REGION, Entity.AGREEMENT)
        for name in MENU_ORDER:
            if name is None:
                if menu.actions() and not menu.actions()[-1].isSeparator():
                    menu.addSeparator()
                continue
            found = local.get(name) or self.actions.get(name)
            if found is not None and (adds_rows or name not in _ROW_ACTIONS):
                menu.addAction(found)
        if menu.actions() and menu.actions()[-1].isSeparator():
            menu.removeAction(menu.actions()[-1])
        self.menu = menu
        return menu

    def _filter_action(self, menu: QMenu, index: QModelIndex) -> QAction:
        value = str(index.data() or "").strip() if index.isValid() else ""
        shown = value if len(value) <= 30 else value[:29] + "…"
        text = QCoreApplication.translate("CellMenu", "&Filter on “%1”").replace("%1", shown)
        result = QAction(text if value else QCoreApplication.translate("CellMenu", "&Filter on this value"), menu)
        result.setObjectName("filterOnValue")
        result.setEnabled(bool(value))
        title = str(self.page.proxy.headerData(index.column(), Qt.Orientation.Horizontal) or "") if value else ""
        result.triggered.connect(lambda _=False: self.add_filter(title, value))
        return result

    def _reset_action(self, menu: QMenu) -> QAction:
        result = QAction(QCoreApplication.translate("CellMenu", "Show &all rows"), menu)
        result.setObjectName("resetFilter")
        result.setEnabled(self.page.proxy.is_filtered())
        result.triggered.connect(lambda _=False: self.page.reset_filter())
        return result

    def add_filter(self, title: str, value: str) -> None:
        """Add ``title:value`` to what the filter field holds (all terms must hold)."""
        current = self.page.search.text().strip()
        term = filter_term(title, value)
        self.page.search.setText(f"{current} {term}".strip())
