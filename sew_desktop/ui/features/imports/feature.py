"""The imports feature of one window: File › Import subsidy decisions…, the tab with open calls and the import log,
and CSV or Excel files dropped on the window."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from sew_desktop.ui.core.actions import ActionRegistry, ActionSpec, Menu
from sew_desktop.ui.core.feature import Contribution
from sew_desktop.ui.core.file_dialogs import IMPORT_SUFFIXES, first_known
from sew_desktop.ui.core.frame import WindowFrame
from sew_desktop.ui.core.lazy_page import LazyPage
from sew_desktop.ui.core.window_session import WindowSession

if TYPE_CHECKING:
    from sew_desktop.ui.features.imports.dialog import ImportDialog


class ImportsFeature(QObject):
    """Opens the import dialog (non-blocking; the import is one undo step); ``opening()`` just before, so that the
    safety net can take a backup while the user reads the dry run."""

    opening = Signal()

    def __init__(self, session: WindowSession, frame: WindowFrame, settings: QSettings,
                 registry: ActionRegistry) -> None:
        super().__init__()
        self.setObjectName("importsFeature")
        self.session, self.frame, self.settings = session, frame, settings
        registry.add(ActionSpec(
            "importAction", QCoreApplication.translate("Menus", "&Import subsidy decisions…"), self.import_decisions,
            Menu.FILE, "exchange", ("Ctrl+I",), "import", toolbar=70))
        self.lists = LazyPage("importsLists")
        self.lists.first_painted.connect(self._build_lists)
        self.page = self._page()
        frame.files_dropped.connect(self.import_dropped)

    def contribution(self) -> Contribution:
        """The tab with open calls and the import log."""
        return Contribution(tabs=((QCoreApplication.translate("App", "Open calls and imports"), self.page),))

    def import_decisions(self, path: Path | None = None) -> ImportDialog:
        """The import dialog (dry run first), optionally on ``path``."""
        from sew_desktop.ui.features.imports.dialog import ImportDialog  # imported when first used: not at start-up

        self.opening.emit()
        dialog = ImportDialog(self.session.repository, self.session.undo_stack, self.frame.host(), path,
                              settings=self.settings)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def import_dropped(self, paths: list[Path]) -> None:
        """A CSV or Excel file dropped on the window opens the import dialog."""
        found = first_known(paths)
        if found is not None and found.suffix.lower() in IMPORT_SUFFIXES:
            self.import_decisions(found)

    def _page(self) -> QWidget:
        """A button to import decisions, above the open calls and the import log."""
        page = QWidget()
        page.setObjectName("importsPage")
        button = QPushButton(QCoreApplication.translate("Reporting", "Import subsidy decisions…"), page)
        button.setObjectName("importButton")
        button.clicked.connect(lambda _=False: self.import_decisions())
        hint = QLabel(QCoreApplication.translate(
            "Reporting", "Import the decisions of an open call from a CSV or Excel file, or drop the file on the "
                         "window."))
        hint.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.addWidget(hint)
        layout.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.lists, 1)
        return page

    def _build_lists(self) -> None:
        """Open calls (editable) above the import log: built (and their modules imported, with the import
        services they use) when the tab is first shown, not at start-up."""
        if self.lists.findChild(QSplitter) is not None:
            return
        from sew_desktop.ui.features.imports.calls import OpenCallsWidget
        from sew_desktop.ui.features.imports.log import ImportLogWidget

        session = self.session
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(OpenCallsWidget(session.repository, session.bus))
        splitter.addWidget(ImportLogWidget(session.repository, session.bus))
        self.lists.hold(splitter)
