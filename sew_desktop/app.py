"""The composition root of the GUI: opens the database and wires repository, models, charts and window."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QIcon, QUndoStack
from PySide6.QtWidgets import QApplication, QMainWindow, QUndoView, QWidget

from sew_desktop.services.databases import open_or_create_default, open_repository
from sew_desktop.services.live import CoverageCalculator
from sew_desktop.services.locations import default_database_path
from sew_desktop.store.repository import Repository
from sew_desktop.ui.controllers.editing import EditController
from sew_desktop.ui.controllers.files import FileController, recent_files, remember_file
from sew_desktop.ui.core.actions import ActionRegistry
from sew_desktop.ui.core.collector import install_main_thread_collector
from sew_desktop.ui.core.dialogs import UserDialogs
from sew_desktop.ui.core.file_dialogs import install_file_dialog_guard, remember_folders_in
from sew_desktop.ui.core.frame import WindowFrame
from sew_desktop.ui.core.i18n import Language, chosen_language, resources_dir
from sew_desktop.ui.core.live import LiveCoverage
from sew_desktop.ui.core.notifier import ChangeBus
from sew_desktop.ui.core.table_page import TablePage, pages_of
from sew_desktop.ui.core.window_session import WindowSession
from sew_desktop.ui.coverage.charts import LazyCharts
from sew_desktop.ui.coverage.dock import CoverageDock
from sew_desktop.ui.coverage.table_model import CoverageTableModel
from sew_desktop.ui.features.export.feature import ExportFeature
from sew_desktop.ui.features.imports.feature import ImportsFeature
from sew_desktop.ui.features.lists.feature import ListTools
from sew_desktop.ui.features.map.feature import StatusMapTab
from sew_desktop.ui.features.merge.feature import MergeHub
from sew_desktop.ui.features.safety.feature import SafetyHub
from sew_desktop.ui.features.team.feature import TeamFeature
from sew_desktop.ui.shell.connections import ask_membership_start, connect_session
from sew_desktop.ui.shell.crash import install_error_dialog
from sew_desktop.ui.shell.languages import LANGUAGE_KEY, apply_language
from sew_desktop.ui.shell.menus import MENU_GROUPS, edit_actions, file_actions, help_actions, view_actions
from sew_desktop.ui.shell.view_state import ViewState, capture_view, restore_view
from sew_desktop.ui.shell.window import Features, MainWindow, WindowParts
from sew_desktop.ui.tables.models import TableModels
from sew_desktop.ui.tables.municipalities import MunicipalitiesModel
from sew_desktop.ui.tables.pages import build_pages
from sew_desktop.ui.tables.tables import AgreementsModel, MembersModel, RegionsModel

OpenWindow = Callable[[Path], None]


def app_settings() -> QSettings:
    """The user's settings (an INI file in the user's config folder)."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "sew-desktop", "sew-desktop")


def app_icon() -> QIcon:
    """The application icon."""
    return QIcon(str(resources_dir() / "icons" / "sew-desktop.svg"))


def window_title(repository: Repository, path: Path) -> str:
    """"sew.sqlite — SEW Desktop", with DEMO for the demo dataset."""
    if repository.is_demo():
        return QCoreApplication.translate("App", "%1 [DEMO] — SEW Desktop").replace("%1", path.name)
    return QCoreApplication.translate("App", "%1 — SEW Desktop").replace("%1", path.name)


@dataclass(frozen=True)
class Handover:
    """What a window rebuilt in another language takes over from the one it replaces: the open file, the undo
    history, the dates and what was on screen."""

    repository: Repository
    undo_stack: QUndoStack
    as_of: date
    horizon: date
    view: ViewState


def build_session(repository: Repository, language: Language, handover: Handover | None = None) -> WindowSession:
    """The data side of a window: change bus, undo stack and live coverage."""
    bus = ChangeBus(repository)
    undo_stack = handover.undo_stack if handover else QUndoStack()
    live = LiveCoverage(CoverageCalculator(repository), bus, language, handover.as_of if handover else None)
    if handover is not None:
        live.set_dates(handover.as_of, handover.horizon)
        live.refresh()
    return WindowSession(repository, bus, undo_stack, live)


def build_models(session: WindowSession, dialogs: UserDialogs) -> TableModels:
    """The table models over one session."""
    repository, undo_stack, live = session.repository, session.undo_stack, session.live
    return TableModels(
        MunicipalitiesModel(repository, undo_stack, live, ask_membership_start(dialogs, live)),
        RegionsModel(repository, undo_stack, live),
        AgreementsModel(repository, undo_stack, live),
        MembersModel(repository, undo_stack, live))


@dataclass(frozen=True)
class Views:
    """What shows a session: the coverage dock and its charts, the table pages, the undo history."""

    dock: CoverageDock
    charts: LazyCharts
    pages: list[tuple[str, QWidget]]
    history: QUndoView

    def table_pages(self) -> list[TablePage]:
        """The table pages among the tabs."""
        return pages_of([page for _, page in self.pages])


def build_views(session: WindowSession, models: TableModels, language: Language, dialogs: UserDialogs) -> Views:
    """The coverage dock (table and lazy charts), the table pages and the undo history of one session."""
    coverage_model = CoverageTableModel(language)
    session.live.report_changed.connect(coverage_model.set_report)
    coverage_model.set_report(session.live.report)
    dock = CoverageDock(session.live, coverage_model)
    history = QUndoView(session.undo_stack)
    history.setEmptyLabel(QCoreApplication.translate("App", "As opened"))
    return Views(dock, LazyCharts(session.live, dock, language), build_pages(models, language, dialogs.ask_date),
                 history)


@dataclass(frozen=True)
class Needs:
    """What every feature may be given: one window's session, frame, settings, language, dialogs and registry."""

    session: WindowSession
    frame: WindowFrame
    settings: QSettings
    language: Language
    dialogs: UserDialogs
    actions: ActionRegistry


def build_features(needs: Needs, models: TableModels, table_pages: list[TablePage],
                   open_file: Callable[[Path], object]) -> Features:
    """Every feature, in the order their actions appear within a group (the cell menus show the safety net's)."""
    session, frame, dialogs, actions = needs.session, needs.frame, needs.dialogs, needs.actions
    safety = SafetyHub(session, frame, table_pages, dialogs, needs.settings, needs.language, open_file, actions)
    imports = ImportsFeature(session, frame, needs.settings, actions)
    export = ExportFeature(session, frame, dialogs, actions)  # before the list tools: File › Export… first
    lists = ListTools(session, frame, table_pages, dialogs, needs.settings, actions)
    municipalities = next((p for p in table_pages if p.model is models.municipalities), None)
    status_map = StatusMapTab(session, frame, municipalities, dialogs, needs.language, actions)
    merge = MergeHub(session, frame, dialogs, needs.language, actions)
    team = TeamFeature(session, frame, dialogs, open_file, actions)
    imports.opening.connect(safety.back_up_before_import)
    return Features(safety=safety, lists=lists, map=status_map, merge=merge, imports=imports, export=export,
                    team=team)


def create_main_window(db_path: Path, *, settings: QSettings | None = None,
                       open_window: OpenWindow | None = None, dialogs: UserDialogs | None = None,
                       handover: Handover | None = None) -> MainWindow:
    """The fully wired window for ``db_path`` (needs an existing QApplication); raises StoreError for bad files.
    With ``handover`` it continues the window it replaces (same file, undo history, dates and view)."""
    settings = settings or app_settings()
    install_file_dialog_guard(_application())
    remember_folders_in(settings)
    language = chosen_language(settings)
    apply_language(language)
    dialogs = dialogs or UserDialogs(None, language)
    dialogs.language = language
    repository = handover.repository if handover else open_repository(db_path)
    session = build_session(repository, language, handover)
    models = build_models(session, dialogs)
    frame = WindowFrame()
    connect_session(session, models, frame, dialogs)
    views = build_views(session, models, language, dialogs)
    needs = Needs(session, frame, settings, language, dialogs, ActionRegistry(MENU_GROUPS))
    files = FileController(repository, dialogs, open_window or (lambda path: None), frame.show_message)
    holder = FileHolder(session)
    add_shell_actions(needs, files, lambda lang: switch_language(frame, holder, lang, db_path,
                                                                 open_window=open_window, dialogs=dialogs))
    features = build_features(needs, models, views.table_pages(), files.open_path)
    views.charts.export_requested.connect(features.export.save_chart)
    views.charts.copy_requested.connect(features.export.copy_chart)
    frame.files_dropped.connect(files.open_dropped)
    frame.closed.connect(holder.window_gone)
    window = MainWindow(WindowParts(window_title(repository, db_path), app_icon(), settings, session, models, frame,
                                    needs.actions, views.pages, views.dock, views.history, features))
    window.destroyed.connect(lambda *_: holder.window_gone())
    remember_file(settings, db_path)
    window.restore_layout()
    if handover is not None:
        restore_view(window, handover.view)
    return window


def add_shell_actions(needs: Needs, files: FileController, choose_language: Callable[[Language], object]) -> None:
    """The shell's own actions: files, editing and undo, view, help."""
    frame, actions = needs.frame, needs.actions
    actions.add_all(file_actions(files, frame, recent_files(needs.settings)))
    actions.add_all(edit_actions(EditController(frame.tabs, needs.dialogs), needs.session.undo_stack))
    actions.add_all(view_actions(frame.tabs, needs.language, choose_language))
    actions.add_all(help_actions(frame, needs.session.repository))


def _application() -> QApplication:
    app = QApplication.instance()
    assert isinstance(app, QApplication), "create_main_window needs a QApplication"
    return app


def close_session(session: WindowSession) -> None:
    """Stop notifications and close the file when the window goes."""
    session.bus.detach()
    session.live.stop()
    session.repository.close()


class FileHolder:
    """Closes the window's file when the window goes, unless the window handed the file to its replacement."""

    def __init__(self, session: WindowSession) -> None:
        self.session = session
        self.handed_over = False
        self.closed = False

    def release(self) -> None:
        """The file stays open for the next window; this window's notifications stop now."""
        self.handed_over = True
        self.session.bus.detach()
        self.session.live.stop()

    def window_gone(self) -> None:
        """Close the file (unless handed over); once."""
        if not self.handed_over and not self.closed:
            self.closed = True
            close_session(self.session)


def switch_language(frame: WindowFrame, holder: FileHolder, language: Language, path: Path, *,
                    open_window: OpenWindow | None, dialogs: UserDialogs) -> MainWindow:
    """Remember the language and show the window in it: the same file, undo history, dates, tabs, filters,
    selection and layout; every text comes out of the new catalogs. Returns the window that replaces this one."""
    window = frame.tabs.window()
    assert isinstance(window, MainWindow)
    settings = window.settings
    if language is chosen_language(settings):
        return window  # already in it: nothing to rebuild
    settings.setValue(LANGUAGE_KEY, language.value)
    live = window.session.live
    handover = Handover(window.session.repository, window.session.undo_stack, live.as_of, live.horizon,
                        capture_view(window))
    window.save_layout()
    holder.release()
    replacement = create_main_window(path, settings=settings, open_window=open_window, dialogs=dialogs,
                                     handover=handover)
    replacement.show()
    restore_view(replacement, handover.view)  # again once shown: scroll positions need the final geometry
    window.replaced_by.emit(replacement)
    window.close()
    window.deleteLater()
    return replacement


class WindowManager:
    """Keeps the open window alive and replaces it when another database is opened (a language switch replaces
    it by itself and says so)."""

    def __init__(self, settings: QSettings) -> None:
        self.settings = settings
        self.window: QMainWindow | None = None

    def replaced(self, window: MainWindow) -> None:
        """The open window rebuilt itself in another language."""
        self.window = window
        window.replaced_by.connect(self.replaced)

    def open(self, path: Path) -> None:
        """Open ``path`` (raises StoreError and keeps the current window when it cannot)."""
        window = create_main_window(path, settings=self.settings, open_window=self.open)
        old, self.window = self.window, window
        window.replaced_by.connect(self.replaced)
        window.show()
        if old is not None:
            old.close()
            old.deleteLater()


def run_gui(db_path: Path | None) -> int:
    """Start the application on ``db_path``, else the last file, else the default database, else what the
    welcome dialog chooses; a file that cannot be opened is explained and the next choice is tried."""
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    QCoreApplication.setApplicationName("SEW Desktop")
    app.setWindowIcon(app_icon())
    install_file_dialog_guard(app)  # before the welcome dialog: every file dialog lists by name only
    install_main_thread_collector(app)  # no garbage collection in a planning thread (it can deadlock Qt)
    settings = app_settings()
    remember_folders_in(settings)  # the welcome dialog's Open… opens in the last folder used too
    apply_language(chosen_language(settings))
    install_error_dialog()
    manager = WindowManager(settings)
    files = FileController(None, UserDialogs(None, chosen_language(settings)), manager.open)
    if db_path is not None:
        if not files.open_path(db_path):  # asked for on the command line: no other file instead
            return 2
    elif not open_first_window(files, settings):
        return 0  # the welcome dialog was closed: nothing to open, and nothing went wrong
    return int(app.exec())


def open_first_window(files: FileController, settings: QSettings) -> bool:
    """The last file, the default database, or what the welcome dialog chooses: the first that opens."""
    from sew_desktop.ui.shell.welcome import choose_start

    last = settings.value("files/last")
    default = default_database_path()
    tried: set[Path] = set()
    for candidate in (Path(last) if isinstance(last, str) else None, default):
        if candidate is not None and candidate.exists() and candidate not in tried:
            tried.add(candidate)
            if files.open_path(candidate):
                return True
    while (chosen := choose_start(default, open_or_create_default)) is not None:
        if files.open_path(chosen):
            return True
    return False
