"""What the lists get besides editing: File › Export this list… and Print…, context menus on cells and headers,
the empty-filter notice and the row count in the status bar."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from sew_desktop.ui.main.commands.editing import EditController
from sew_desktop.ui.main.commands.lists import ListsController, ListTools
from sew_desktop.ui.main.shell.dialogs import UserDialogs
from sew_desktop.ui.main.shell.menus import action
from sew_desktop.ui.main.shell.window import MainWindow
from sew_desktop.ui.main.tables.cell_menu import CellMenu
from sew_desktop.ui.main.tables.empty_result import EmptyResultNotice
from sew_desktop.ui.main.tables.header_menu import HeaderMenu
from sew_desktop.ui.main.tables.row_count import RowCountLabel

_WINDOW_ACTIONS = ("copyAction", "copyWithHeadersAction", "pasteAction", "clearCellsAction", "addRowAction",
                   "deleteRowsAction", "exportListAction", "printAction")


def _add_file_actions(window: MainWindow, controller: ListsController) -> None:
    file_menu = next((menu for menu in window.menuBar().findChildren(QMenu)
                      if any(a.objectName() == "quitAction" for a in menu.actions())), None)
    if file_menu is None:
        return
    translate = QCoreApplication.translate
    export = action(window, translate("ListTools", "Export this &list…"), controller.export_list, "Ctrl+Shift+E",
                    name="exportListAction")
    print_action = action(window, translate("ListTools", "&Print…"), controller.print_current,
                          QKeySequence.StandardKey.Print, name="printAction")
    print_report = action(window, translate("ListTools", "Print coverage &table…"), controller.print_report,
                          name="printReportAction")
    items = file_menu.actions()
    names = [a.objectName() for a in items]
    at = names.index("exportAction") + 1 if "exportAction" in names else names.index("quitAction")
    file_menu.insertActions(items[at], [export, print_action, print_report])


def install_list_tools(window: MainWindow, edit: EditController, dialogs: UserDialogs,
                       settings: QSettings) -> ListTools:
    """Add the list actions to the File menu and the menus, notice and count to every table page."""
    assert window.session is not None
    controller = ListsController(window, window.session, edit, dialogs)
    _add_file_actions(window, controller)
    actions = {a.objectName(): a for a in window.findChildren(QAction) if a.objectName() in _WINDOW_ACTIONS}
    pages = window.table_pages()
    tools = ListTools(controller, RowCountLabel(window.tabs, pages, window))
    window.statusBar().addPermanentWidget(tools.row_count)
    for page in pages:
        tools.cell_menus.append(CellMenu(page, actions))
        tools.header_menus.append(HeaderMenu(page, settings))
        tools.notices.append(EmptyResultNotice(page))
    return tools
