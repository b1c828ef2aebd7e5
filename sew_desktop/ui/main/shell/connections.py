"""Connections between the parts of one window: notifications, dates, messages, menus."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMenu, QToolButton

from sew_desktop.store.errors import WorkingFilesLostError, WriteFailedError
from sew_desktop.store.mapping import Entity
from sew_desktop.ui.i18n import Language
from sew_desktop.ui.main.commands.editing import EditController
from sew_desktop.ui.main.commands.files import FileController
from sew_desktop.ui.main.commands.reporting import ReportingController
from sew_desktop.ui.main.coverage.live import LiveCoverage
from sew_desktop.ui.main.shell.about import show_about
from sew_desktop.ui.main.shell.dialogs import UserDialogs
from sew_desktop.ui.main.shell.menus import (
    action,
    add_reporting_actions,
    build_edit_menu,
    build_file_menu,
    build_language_menu,
)
from sew_desktop.ui.main.shell.panes import add_pane_actions
from sew_desktop.ui.main.shell.window import MainWindow
from sew_desktop.ui.main.shell.window_session import WindowSession
from sew_desktop.ui.main.tables.fitting import CompactButtons
from sew_desktop.ui.safety.watcher import changed_elsewhere_text


def connect_session(window: MainWindow, session: WindowSession, dialogs: UserDialogs) -> None:
    """The change bus reaches the models; the live coverage's figures and dates reach the models; model
    messages and write failures reach the status bar."""
    for model in session.models.all():
        session.bus.changed.connect(model.on_changes)
        session.live.day_changed.connect(model.on_coverage)
        session.live.dates_changed.connect(model.on_dates_changed)
        model.message.connect(window.show_refusal)
    session.undo_stack.indexChanged.connect(window.clear_refusal)  # a change that was stored: the refusal is past
    session.bus.failed.connect(lambda error: report_write_failure(window, dialogs, error))


def ask_membership_start(dialogs: UserDialogs, live: LiveCoverage) -> Callable[[str], date | None]:
    """The question from which date a municipality belongs to another regiegebied (default: the as-of date)."""
    def ask(name: str) -> date | None:
        title = QCoreApplication.translate("Wiring", "Change regiegebied")
        text = QCoreApplication.translate("Wiring", "From which date does %1 belong to the new regiegebied?")
        return dialogs.ask_date(title, text.replace("%1", name), live.as_of)

    return ask


@dataclass
class Controllers:
    """What the menus of one window act on."""

    files: FileController
    edit: EditController
    reporting: ReportingController


def report_write_failure(window: MainWindow, dialogs: UserDialogs, error: WriteFailedError) -> None:
    """Tell the user a change was not stored, and why; the data are as they were."""
    if isinstance(error, WorkingFilesLostError):  # the window's rescue explains it, once, in its own dialog
        window.show_message(QCoreApplication.translate(
            "Wiring", "The change was not saved: this window no longer saves to its file (another program "
            "removed its working files)."))
        return
    elsewhere = changed_elsewhere_text(error)  # an undo over a row another program changed
    if elsewhere is not None:
        text = elsewhere
    elif error.locked:
        text = QCoreApplication.translate(
            "Wiring", "The change was not saved: another program is writing to this file. Try again in a moment.")
    elif "full" in error.reason:
        text = QCoreApplication.translate("Wiring", "The change was not saved: the disk is full.")
    elif "readonly" in error.reason.replace("-", "").replace(" ", ""):
        text = QCoreApplication.translate("Wiring", "The change was not saved: the file has become read-only.")
    else:
        text = QCoreApplication.translate(
            "Wiring", "The change was not saved: the file could not be written (%1).").replace("%1", error.reason)
    window.show_message(text)
    dialogs.error(QCoreApplication.translate("Wiring", "Not saved"), text)


def add_menus(window: MainWindow, controllers: Controllers, undo_stack: QUndoStack,
              recent: list[Path], language: Language, choose_language: Callable[[Language], object]) -> None:
    """File, Edit, View and Help menus, and the toolbar."""
    file_menu = build_file_menu(window, controllers.files, recent)
    edit_menu = build_edit_menu(window, controllers.edit, undo_stack)
    add_reporting_actions(window, file_menu, edit_menu, controllers.reporting)
    view_menu = window.menuBar().addMenu(QCoreApplication.translate("Wiring", "&View"))
    view_menu.addAction(window.coverage_dock.toggleViewAction())
    view_menu.addAction(window.history_dock.toggleViewAction())
    view_menu.addSeparator()
    add_pane_actions(window, window.tabs, view_menu)
    build_language_menu(view_menu, language, choose_language)
    help_menu = window.menuBar().addMenu(QCoreApplication.translate("Wiring", "&Help"))
    help_menu.addAction(action(window, QCoreApplication.translate("Wiring", "&About SEW Desktop"),
                               lambda: show_about(window, controllers.files.repository), name="aboutAction"))
    toolbar = window.addToolBar(QCoreApplication.translate("Wiring", "Toolbar"))
    toolbar.setObjectName("mainToolbar")
    for name in ("openAction", "saveCopyAction", "undoAction", "redoAction", "addRowAction", "deleteRowsAction",
                 "importAction", "exportAction"):
        found = [a for a in file_menu.actions() + edit_menu.actions() if a.objectName() == name]
        toolbar.addActions(found)
    add_page_buttons(window, edit_menu)


def add_page_buttons(window: MainWindow, edit_menu: QMenu) -> None:
    """"Add row" and "Delete rows" buttons beside the filter of the tables users add rows to."""
    actions = {a.objectName(): a for a in edit_menu.actions()}
    for page in window.table_pages():
        if page.model.entity not in (Entity.REGION, Entity.AGREEMENT):
            continue
        buttons = []
        for name in ("addRowAction", "deleteRowsAction"):
            button = QToolButton(page)
            button.setDefaultAction(actions[name])
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the tab order stays filter, province, table
            page.tools.addWidget(button)
            buttons.append(button)
        CompactButtons(page, [page.search, page.province], buttons)
