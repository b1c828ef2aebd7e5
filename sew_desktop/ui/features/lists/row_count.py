"""The status bar's row count of the current list: "285 gemeenten · 12 getoond"."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QTabWidget, QWidget

from sew_desktop.store.mapping import Entity
from sew_desktop.ui.core.later import next_turn
from sew_desktop.ui.core.table_page import TablePage


def rows_text(entity: Entity, total: int) -> str:
    """"285 gemeenten", "1 regiegebied", "37 overeenkomsten"."""
    if entity is Entity.MUNICIPALITY:
        return QCoreApplication.translate("RowCount", "%n municipality(s)", "", total)
    if entity is Entity.REGION:
        return QCoreApplication.translate("RowCount", "%n regiegebied(en)", "", total)
    return QCoreApplication.translate("RowCount", "%n agreement(s)", "", total)


def count_text(entity: Entity, total: int, shown: int) -> str:
    """All rows, and how many the filter shows when it hides some."""
    text = rows_text(entity, total)
    if shown == total:
        return text
    return f"{text} · " + QCoreApplication.translate("RowCount", "%n shown", "", shown)


class RowCountLabel(QLabel):
    """Follows the current tab's list and its filter."""

    def __init__(self, tabs: QTabWidget, pages: list[TablePage], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rowCount")
        self.tabs = tabs
        self.pages = pages
        tabs.currentChanged.connect(self.refresh)
        for page in pages:
            # The proxy can drop a deleted row before its table has (it filters on the row's key): count once
            # both have settled, in the next turn, whichever tells first.
            for model in (page.proxy, page.model):
                for signal in (model.modelReset, model.layoutChanged, model.rowsInserted, model.rowsRemoved):
                    signal.connect(self._refresh_soon)
        self.refresh()

    def _refresh_soon(self, *_: object) -> None:
        self.refresh()
        next_turn(self, self.refresh)

    def current_page(self) -> TablePage | None:
        """The list on the current tab, if it has one."""
        current = self.tabs.currentWidget()
        return next((p for p in self.pages if current is not None and (p is current or current.isAncestorOf(p))),
                    None)

    def refresh(self, *_: object) -> None:
        """Count again."""
        page = self.current_page()
        if page is None:
            self.clear()
            return
        self.setText(count_text(page.model.entity, page.model.rowCount(), page.proxy.rowCount()))
