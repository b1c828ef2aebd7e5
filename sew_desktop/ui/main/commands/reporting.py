"""Export and import for one window: the export dialog, the coverage table on the clipboard, the import
dialog, the tab with open calls and the import log, and files dropped on the window."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtWidgets import QLabel, QMainWindow, QPushButton, QSplitter, QTabWidget, QVBoxLayout, QWidget

from sew_desktop.ui.imports.calls import OpenCallsWidget
from sew_desktop.ui.imports.log import ImportLogWidget
from sew_desktop.ui.main.shell.window_session import WindowSession

if TYPE_CHECKING:
    from sew_desktop.ui.export.dialog import ExportDialog, ShownList
    from sew_desktop.ui.imports.dialog import ImportDialog

IMPORT_SUFFIXES = frozenset({".csv", ".txt", ".tsv", ".xlsx", ".xlsm"})
DATABASE_SUFFIXES = frozenset({".sqlite", ".sqlite3", ".db"})


class ReportingController:
    """Opens the export and import dialogs of one window (non-blocking) and copies the coverage table."""

    def __init__(self, window: QMainWindow, session: WindowSession, settings: QSettings) -> None:
        self.window = window
        self.session = session
        self.language = session.live.language
        self.settings = settings

    def export(self, what: str = "report", fmt: str = "pdf") -> ExportDialog:
        """The export dialog for the dates on screen, with ``what`` and ``fmt`` chosen."""
        live = self.session.live
        from sew_desktop.ui.export.dialog import ExportDialog  # imported when first used: not on the start-up path

        dialog = ExportDialog(self.session.repository, live.as_of, live.horizon, self.language.value,
                              self.window, shown_list=self.shown_list())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.select(what, fmt)
        dialog.open()
        return dialog

    def shown_list(self) -> ShownList | None:
        """The list on the current tab (read when the file is written), for the dialog's "List as shown"."""
        from sew_desktop.ui.export.dialog import ShownList
        from sew_desktop.ui.main.tables.shown_list import list_title, view_list
        from sew_desktop.ui.main.tables.table_page import TablePage

        tabs = self.window.centralWidget()
        current = tabs.currentWidget() if isinstance(tabs, QTabWidget) else None
        page = current if isinstance(current, TablePage) else current.findChild(TablePage) if current else None
        if not isinstance(page, TablePage):
            return None
        found = page
        return ShownList(list_title(found.model.entity), found.proxy.rowCount(),
                         lambda: view_list(found.view, found.model))

    def copy_table(self) -> None:
        """The coverage table on the clipboard, as HTML (Word, Outlook) and as tab-separated cells (Excel)."""
        from sew_desktop.ui.export.clipboard import copy_coverage_table

        copy_coverage_table(self.session.live.report)
        text = QCoreApplication.translate("Reporting", "Coverage table copied to the clipboard")
        self.window.statusBar().showMessage(text, 5000)

    def import_decisions(self, path: Path | None = None) -> ImportDialog:
        """The import dialog (dry run first), optionally on ``path``; the import is one undo step."""
        from sew_desktop.ui.imports.dialog import ImportDialog  # imported when first used: not on the start-up path

        dialog = ImportDialog(self.session.repository, self.session.undo_stack, self.window, path,
                              settings=self.settings)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog


def imports_page(session: WindowSession, controller: ReportingController) -> QWidget:
    """Open calls (editable) above the import log, with a button to import decisions."""
    page = QWidget()
    page.setObjectName("importsPage")
    button = QPushButton(QCoreApplication.translate("Reporting", "Import subsidy decisions…"), page)
    button.setObjectName("importButton")
    button.clicked.connect(lambda _=False: controller.import_decisions())
    hint = QLabel(QCoreApplication.translate(
        "Reporting", "Import the decisions of an open call from a CSV or Excel file, or drop the file on the window."))
    hint.setWordWrap(True)
    splitter = QSplitter(Qt.Orientation.Vertical, page)
    splitter.addWidget(OpenCallsWidget(session.repository, session.bus))
    splitter.addWidget(ImportLogWidget(session.repository, session.bus))
    layout = QVBoxLayout(page)
    layout.addWidget(hint)
    layout.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
    layout.addWidget(splitter, 1)
    return page
