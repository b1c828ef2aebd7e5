"""The main window: a thin assembly of tabs, the coverage dock, menus and the status bar."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QCoreApplication, QEvent, QSettings, Qt, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QIcon
from PySide6.QtWidgets import QApplication, QDockWidget, QMainWindow, QTabWidget, QUndoView, QWidget
from typing_extensions import override

from sew_desktop.ui.main.shell.icons import repaint_action_icons
from sew_desktop.ui.main.shell.window_session import WindowSession
from sew_desktop.ui.main.tables.table_page import TablePage

if TYPE_CHECKING:
    from sew_desktop.ui.main.commands.lists import ListTools

GEOMETRY_KEY = "window/geometry"
STATE_KEY = "window/state"


@dataclass(frozen=True)
class WindowParts:
    """What the composition root hands the window."""

    title: str
    session: WindowSession
    pages: list[tuple[str, QWidget]]
    coverage: QWidget
    history: QUndoView
    settings: QSettings
    icon: QIcon


class MainWindow(QMainWindow):
    """Tabs in the centre, coverage in a dock that can float, the undo history in another.

    ``files_dropped(list[Path])`` when local files are dropped on the window; ``replaced_by(MainWindow)`` when a
    language switch has built its successor.
    """

    files_dropped = Signal(list)
    replaced_by = Signal(object)  # the MainWindow that continues this one (after a language switch)
    closed = Signal()  # the window closed: its file is released now, not when the object is destroyed

    def __init__(self, parts: WindowParts) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.session = parts.session
        self.list_tools: ListTools | None = None  # export, print, context menus and row count of the lists
        self.settings = parts.settings
        self.release_file: Callable[[], None] = lambda: None  # keep the file open for a replacement window
        self._refusal = ""
        self.setWindowTitle(parts.title)
        self.setWindowIcon(parts.icon)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("tables")
        self.tabs.setDocumentMode(True)
        for title, page in parts.pages:
            self.tabs.addTab(page, title)
        self.setCentralWidget(self.tabs)
        self.coverage_dock = self._dock("coverageDock", QCoreApplication.translate("MainWindow", "Coverage"),
                                        parts.coverage, Qt.DockWidgetArea.RightDockWidgetArea)
        self.history_dock = self._dock("historyDock", QCoreApplication.translate("MainWindow", "Undo history"),
                                       parts.history, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.history_dock.hide()
        self.statusBar().showMessage(QCoreApplication.translate("MainWindow", "Ready"), 3000)
        self.resize(1500, 900)
        self.resizeDocks([self.coverage_dock], [680], Qt.Orientation.Horizontal)
        self.setAcceptDrops(True)

    def _dock(self, name: str, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable
                         | QDockWidget.DockWidgetFeature.DockWidgetClosable)
        self.addDockWidget(area, dock)
        return dock

    def table_pages(self) -> list[TablePage]:
        """Every table page (for column widths)."""
        return self.findChildren(TablePage)

    def show_message(self, text: str) -> None:
        """A passing message in the status bar (hints)."""
        self.statusBar().showMessage(text, 8000)

    def show_refusal(self, text: str) -> None:
        """Why an edit or paste was refused: it stays in the status bar (with a warning sign) until the next
        change is stored or another message comes, so that it cannot be missed."""
        self._refusal = text
        self.statusBar().showMessage("⚠ " + text)

    def clear_refusal(self, *_: object) -> None:
        """A change was stored (or undone): the last refusal no longer applies."""
        if self._refusal and self.statusBar().currentMessage() == "⚠ " + self._refusal:
            self.statusBar().clearMessage()
        self._refusal = ""

    def restore_layout(self) -> None:
        """Geometry, docks and column widths of the last run (once every part is in place)."""
        geometry = self.settings.value(GEOMETRY_KEY)
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        state = self.settings.value(STATE_KEY)
        if isinstance(state, QByteArray):
            self.restoreState(state)
        for page in self.table_pages():
            header_state = self.settings.value(f"columns/{page.view.objectName()}")
            if not (isinstance(header_state, QByteArray) and page.view.horizontalHeader().restoreState(header_state)):
                page.fit_columns()

    def save_layout(self) -> None:
        """Geometry, docks and column widths, for the next start."""
        self.settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        self.settings.setValue(STATE_KEY, self.saveState())
        for page in self.table_pages():
            self.settings.setValue(f"columns/{page.view.objectName()}", page.view.horizontalHeader().saveState())
        self.settings.sync()

    @override
    def changeEvent(self, event: QEvent) -> None:
        """Toolbar icons follow a switch between light and dark palettes."""
        if event.type() == QEvent.Type.PaletteChange:
            repaint_action_icons(self, self.palette())
        super().changeEvent(event)

    @override
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Accept local files."""
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    @override
    def dropEvent(self, event: QDropEvent) -> None:
        """Hand dropped files on (import or open)."""
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.files_dropped.emit(paths)

    @override
    def closeEvent(self, event: QCloseEvent) -> None:
        """Remember the layout; an open cell editor stores its value first (as Excel does); once closed, the window
        lets go of its file."""
        focused = QApplication.focusWidget()
        if focused is not None and self.isAncestorOf(focused):
            focused.clearFocus()  # the delegate commits on losing focus, while the file is still open
        self.save_layout()
        super().closeEvent(event)
        if event.isAccepted():
            self.closed.emit()
