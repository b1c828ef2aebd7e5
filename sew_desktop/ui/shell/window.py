"""The main window: places the parts it is given (tabs, the coverage dock, the features' docks, pages and
status-bar widgets, every contributed action) and reports its events to its frame."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QByteArray, QCoreApplication, QEvent, QPoint, QRect, QSettings, QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QDockWidget, QMainWindow, QToolButton, QUndoView, QWidget
from typing_extensions import override

from sew_desktop.store.mapping import Entity
from sew_desktop.ui.core.actions import ActionRegistry, Menu, Placed
from sew_desktop.ui.core.feature import Contribution, DockPart
from sew_desktop.ui.core.fitting import CompactButtons
from sew_desktop.ui.core.frame import WindowFrame
from sew_desktop.ui.core.icons import repaint_action_icons
from sew_desktop.ui.core.table_page import TablePage
from sew_desktop.ui.core.window_session import WindowSession
from sew_desktop.ui.coverage.dock import CoverageDock
from sew_desktop.ui.features.export.feature import ExportFeature
from sew_desktop.ui.features.imports.feature import ImportsFeature
from sew_desktop.ui.features.lists.feature import ListTools
from sew_desktop.ui.features.map.feature import StatusMapTab
from sew_desktop.ui.features.merge.feature import MergeHub
from sew_desktop.ui.features.safety.feature import SafetyHub
from sew_desktop.ui.features.team.feature import TeamFeature
from sew_desktop.ui.shell.menus import menu_titles
from sew_desktop.ui.tables.models import TableModels

GEOMETRY_KEY = "window/geometry"
STATE_KEY = "window/state"
PREFERRED_SIZE = QSize(1500, 900)


def opening_geometry(available: QRect, preferred: QSize = PREFERRED_SIZE) -> tuple[QRect, bool]:
    """Where a window without a saved place opens: at its preferred size centred on the screen's free area, or
    maximised (True) on a screen smaller than that (a 1366x768 laptop, or 150 % on Full HD)."""
    if available.width() >= preferred.width() and available.height() >= preferred.height():
        placed = QRect(QPoint(0, 0), preferred)
        placed.moveCenter(available.center())
        return placed, False
    return QRect(available), True


@dataclass(frozen=True)
class Features:
    """The features of one window."""

    safety: SafetyHub
    lists: ListTools
    map: StatusMapTab
    merge: MergeHub
    imports: ImportsFeature
    export: ExportFeature
    team: TeamFeature

    def all(self) -> tuple[SafetyHub, ListTools, StatusMapTab, MergeHub, ImportsFeature, ExportFeature, TeamFeature]:
        """Every feature."""
        return (self.safety, self.lists, self.map, self.merge, self.imports, self.export, self.team)


@dataclass(frozen=True)
class WindowParts:
    """What the composition root hands the window."""

    title: str
    icon: QIcon
    settings: QSettings
    session: WindowSession
    models: TableModels
    frame: WindowFrame
    actions: ActionRegistry
    pages: list[tuple[str, QWidget]]
    coverage: CoverageDock
    history: QUndoView
    features: Features


class MainWindow(QMainWindow):
    """Tabs in the centre, coverage in a dock that can float, the undo history in another; ``replaced_by(MainWindow)``
    when a language switch has built its successor."""

    replaced_by = Signal(object)

    def __init__(self, parts: WindowParts) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.session, self.models, self.settings = parts.session, parts.models, parts.settings
        self.frame, self.registry, self.features = parts.frame, parts.actions, parts.features
        for owned in (parts.frame, parts.actions, *parts.features.all()):
            owned.setParent(self)
        self.setWindowTitle(parts.title)
        self.setWindowIcon(parts.icon)
        contributions = [feature.contribution() for feature in parts.features.all()]
        self.tabs = parts.frame.tabs
        for title, page in parts.pages + [tab for c in contributions for tab in c.tabs]:
            self.tabs.addTab(page, title)
        self.setCentralWidget(self.tabs)
        self.setStatusBar(parts.frame.status)
        # The coverage dock keeps the full height on the right: a dock opened at the bottom (the row history) goes
        # under the tables, not under the chart (at 1366x768 it left the chart 40 pixels).
        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
        for title, page in (page for c in contributions for page in c.dock_pages):
            parts.coverage.add_chart(title, page)
        self.coverage_dock = self._dock(DockPart(_dock("coverageDock", QCoreApplication.translate(
            "MainWindow", "Coverage"), parts.coverage), Qt.DockWidgetArea.RightDockWidgetArea, True))
        self.history_dock = self._dock(DockPart(_dock("historyDock", QCoreApplication.translate(
            "MainWindow", "Undo history"), parts.history), Qt.DockWidgetArea.LeftDockWidgetArea))
        self._place(contributions)
        self.statusBar().showMessage(QCoreApplication.translate("MainWindow", "Ready"), 3000)
        self.fit_to_screen()
        self.resizeDocks([self.coverage_dock], [680], Qt.Orientation.Horizontal)
        self.setAcceptDrops(True)

    def _place(self, contributions: list[Contribution]) -> None:
        for part in (dock for c in contributions for dock in c.docks):
            self._dock(part)
        for widget in (w for c in contributions for w in c.status_widgets):
            self.statusBar().addPermanentWidget(widget)
        toolbar = self.addToolBar(QCoreApplication.translate("Wiring", "Toolbar"))
        toolbar.setObjectName("mainToolbar")
        self.registry.place(self.menuBar(), menu_titles(), toolbar, self)
        add_page_buttons(self.table_pages(), self.registry)

    def _dock(self, part: DockPart) -> QDockWidget:
        part.dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                              | QDockWidget.DockWidgetFeature.DockWidgetFloatable
                              | QDockWidget.DockWidgetFeature.DockWidgetClosable)
        self.addDockWidget(part.area, part.dock)
        part.dock.setVisible(part.visible)
        self.registry.add(Placed(f"{part.dock.objectName()}Toggle", part.dock.toggleViewAction(), Menu.VIEW, "docks"))
        return part.dock

    def table_pages(self) -> list[TablePage]:
        """Every table page (for column widths)."""
        return self.frame.table_pages()

    def show_message(self, text: str) -> None:
        """A passing message in the status bar (hints)."""
        self.frame.show_message(text)

    def fit_to_screen(self) -> None:
        """Open at the preferred size on a screen with room for it, else maximised: nothing off-screen."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        placed, maximised = opening_geometry(screen.availableGeometry())
        self.setGeometry(placed)
        if maximised:
            self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)

    def restore_layout(self) -> None:
        """Geometry, docks and column widths of the last run (once every part is in place). Qt fits a saved place
        to today's screen (the laptop without its monitor): tests/ui/test_window_fits.py shows it."""
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
    def event(self, event: QEvent) -> bool:
        """The window active again (a dialog closed, the user came back): the frame says so."""
        if event.type() == QEvent.Type.WindowActivate:
            self.frame.activated.emit()
        return super().event(event)

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
            self.frame.files_dropped.emit(paths)

    @override
    def closeEvent(self, event: QCloseEvent) -> None:
        """Remember the layout; an open cell editor stores its value first (as Excel does); the features stop
        (backups, polling); once closed, the window lets go of its file."""
        focused = QApplication.focusWidget()
        if focused is not None and self.isAncestorOf(focused):
            focused.clearFocus()  # the delegate commits on losing focus, while the file is still open
        self.save_layout()
        self.frame.closing.emit()
        super().closeEvent(event)
        if event.isAccepted():
            self.frame.closed.emit()


def _dock(name: str, title: str, widget: QWidget) -> QDockWidget:
    dock = QDockWidget(title)
    dock.setObjectName(name)
    dock.setWidget(widget)
    return dock


def add_page_buttons(pages: list[TablePage], actions: ActionRegistry) -> None:
    """"Add row" and "Delete rows" buttons beside the filter of the tables users add rows to."""
    for page in pages:
        if page.model.entity not in (Entity.REGION, Entity.AGREEMENT):
            continue
        buttons = []
        for key in ("addRowAction", "deleteRowsAction"):
            button = QToolButton(page)
            button.setDefaultAction(actions[key])
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the tab order stays filter, province, table
            page.tools.addWidget(button)
            buttons.append(button)
        CompactButtons(page, [page.search, page.province], buttons)


