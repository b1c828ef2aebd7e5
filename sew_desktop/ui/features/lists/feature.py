"""The list tools of one window: File › Export this list…, Print… and Print coverage table…, the context menus of
cells and headers, the notice of a filter that hides every row, and the row count in the status bar."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, QSettings
from PySide6.QtGui import QKeySequence

from sew_desktop.ui.core.actions import ActionRegistry, ActionSpec, Menu
from sew_desktop.ui.core.dialogs import UserDialogs
from sew_desktop.ui.core.feature import Contribution
from sew_desktop.ui.core.frame import WindowFrame
from sew_desktop.ui.core.table_page import TablePage
from sew_desktop.ui.core.window_session import WindowSession
from sew_desktop.ui.features.lists.cell_menu import CellMenu
from sew_desktop.ui.features.lists.controller import ListsController
from sew_desktop.ui.features.lists.empty_result import EmptyResultNotice
from sew_desktop.ui.features.lists.header_menu import HeaderMenu
from sew_desktop.ui.features.lists.row_count import RowCountLabel


class ListTools(QObject):
    """The list parts of one window (the cell menus show the window's actions from the registry: contribute the
    edit and safety actions first)."""

    def __init__(self, session: WindowSession, frame: WindowFrame, pages: list[TablePage], dialogs: UserDialogs,
                 settings: QSettings, registry: ActionRegistry) -> None:
        super().__init__()
        self.setObjectName("listTools")
        self.controller = ListsController(frame, session, dialogs)
        translate = QCoreApplication.translate
        controller = self.controller
        registry.add_all((
            ActionSpec("exportListAction", translate("ListTools", "Export this &list…"), controller.export_list,
                       Menu.FILE, "exchange", ("Ctrl+Shift+E",)),
            ActionSpec("printAction", translate("ListTools", "&Print…"), controller.print_current, Menu.FILE,
                       "exchange", (QKeySequence.StandardKey.Print,)),
            ActionSpec("printReportAction", translate("ListTools", "Print coverage &table…"),
                       controller.print_report, Menu.FILE, "exchange")))
        self.row_count = RowCountLabel(frame.tabs, pages)
        self.cell_menus = [CellMenu(page, registry) for page in pages]
        self.header_menus = [HeaderMenu(page, settings) for page in pages]
        self.notices = [EmptyResultNotice(page) for page in pages]

    def contribution(self) -> Contribution:
        """The row count in the status bar."""
        return Contribution(status_widgets=(self.row_count,))
