"""Hooks the safety parts into a main window: one call from the composition root."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDockWidget,
    QInputDialog,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPushButton,
    QTabWidget,
    QWidget,
)
from typing_extensions import override

from sew_desktop.services import backups, checks
from sew_desktop.store.errors import StoreError
from sew_desktop.ui.core.file_dialogs import choose_folder
from sew_desktop.ui.i18n import Language
from sew_desktop.ui.main.shell.dialogs import UserDialogs
from sew_desktop.ui.main.shell.window_session import WindowSession
from sew_desktop.ui.main.tables.table_page import TablePage
from sew_desktop.ui.safety.backups_dialog import BackupsDialog
from sew_desktop.ui.safety.check_text import check_report_text
from sew_desktop.ui.safety.history_panel import HistoryPanel, SelectedRow
from sew_desktop.ui.safety.rescue import LostFilesRescue
from sew_desktop.ui.safety.scheduler import BackupScheduler
from sew_desktop.ui.safety.trash_dialog import TrashDialog
from sew_desktop.ui.safety.watcher import ExternalChangeWatcher

DISPLAY_NAME_KEY = "safety/display_name"
SECOND_FOLDER_KEY = "safety/second_backup_folder"
AUTOMATIC_BACKUPS_KEY = "safety/automatic_backups"


def _menu_with(window: QMainWindow, action_name: str) -> QMenu | None:
    for top in window.menuBar().actions():
        menu = top.menu()
        if isinstance(menu, QMenu) and any(a.objectName() == action_name for a in menu.actions()):
            return menu
    return None


class SafetyHub(QObject):
    """The safety parts of one window: watcher, backups, history dock, trash and check actions."""

    def __init__(self, window: QMainWindow, session: WindowSession, dialogs: UserDialogs, settings: QSettings,
                 language: Language, open_file: Callable[[Path], object]) -> None:
        super().__init__(window)
        self.setObjectName("safetyHub")
        self._window, self._session, self._settings, self._language = window, session, settings, language
        self._dialogs = dialogs
        repository = session.repository
        repository.safety.set_display_name(str(settings.value(DISPLAY_NAME_KEY, "") or ""))
        folder = str(settings.value(SECOND_FOLDER_KEY, "") or "")
        self.watcher = ExternalChangeWatcher(repository, window)
        self.scheduler = BackupScheduler(repository, session.bus, Path(folder) if folder else None, self)
        self.rescue = LostFilesRescue(window, repository, dialogs, open_file)
        self.rescue.stopped.append(self.stop)
        self.watcher.files_lost.connect(self.rescue.rescue)
        session.bus.failed.connect(self.rescue.on_write_failed)
        self.panel = HistoryPanel(repository, session.undo_stack, language)
        self.dock = QDockWidget(QCoreApplication.translate("Safety", "Row history"), window)
        self.dock.setObjectName("rowHistoryDock")
        self.dock.setWidget(self.panel)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.dock)
        self.dock.hide()
        self.dialog: QWidget | None = None
        session.bus.changed.connect(lambda _changes: self.panel.refresh())
        self.scheduler.failed.connect(self._on_backup_failed)
        self._track_selection()
        self._add_actions()
        window.installEventFilter(self)
        if str(settings.value(AUTOMATIC_BACKUPS_KEY, "true")).lower() != "false":
            self.scheduler.start()  # on open: a backup when the file changed since the last one

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """When the window closes: let a running backup finish and stop the timers (the file closes next)."""
        if watched is self._window and event.type() == QEvent.Type.Close:
            self.stop()
        return False

    # -- the selected row ----------------------------------------------------------------------------

    def _pages(self) -> list[TablePage]:
        return self._window.findChildren(TablePage)

    def _track_selection(self) -> None:
        for page in self._pages():
            page.view.selectionModel().currentChanged.connect(lambda *_a, p=page: self.show_page_row(p))
        tabs = self._window.findChild(QTabWidget)
        if tabs is not None:
            tabs.currentChanged.connect(lambda _i: self._on_tab(tabs))

    def _on_tab(self, tabs: QTabWidget) -> None:
        current = tabs.currentWidget()
        pages = [p for p in self._pages() if current is p or (current is not None and current.isAncestorOf(p))]
        if pages:
            self.show_page_row(pages[0])

    def show_page_row(self, page: TablePage) -> None:
        """Show the history of ``page``'s current row."""
        index = page.view.currentIndex()
        if not index.isValid():
            self.panel.show_row(None)
            return
        model = page.model
        key = model.key_at(page.proxy.mapToSource(index).row())
        titles = {column.name: column.title for column in model.columns}
        self.panel.show_row(SelectedRow(model.entity, key, model.row_label(model.table()[key]), titles))

    def show_history(self) -> None:
        """View › Row history (and the tables' context menu)."""
        self.dock.show()
        self.dock.raise_()

    # -- actions -------------------------------------------------------------------------------------

    def _action(self, text: str, slot: object, name: str) -> QAction:
        result = QAction(text, self._window)
        result.setObjectName(name)
        result.setToolTip(text.replace("&", ""))
        result.triggered.connect(lambda _=False: slot())  # type: ignore[operator]
        return result

    def _add_actions(self) -> None:
        translate = QCoreApplication.translate
        restore = self._action(translate("Safety", "Restore from &backup…"), self.open_backups,
                               "restoreBackupAction")
        check = self._action(translate("Safety", "C&heck database"), self.check_database, "checkDatabaseAction")
        name = self._action(translate("Safety", "&Your name in the history…"), self.ask_display_name,
                            "displayNameAction")
        folder = self._action(translate("Safety", "Second backup &folder…"), self.ask_second_folder,
                              "secondBackupFolderAction")
        trash = self._action(translate("Safety", "Deleted &rows…"), self.open_trash, "trashAction")
        history = self._action(translate("Safety", "History of this &row"), self.show_history, "rowHistoryAction")
        file_menu = _menu_with(self._window, "quitAction")
        if file_menu is not None:
            quit_action = next(a for a in file_menu.actions() if a.objectName() == "quitAction")
            file_menu.insertActions(quit_action, [restore, check, folder, name])
            file_menu.insertSeparator(quit_action)
        edit_menu = _menu_with(self._window, "undoAction")
        if edit_menu is not None:
            edit_menu.addSeparator()
            edit_menu.addAction(trash)
        view_menu = self._view_menu()
        if view_menu is not None:
            view_menu.addAction(self.dock.toggleViewAction())
        self._back_up_when_an_import_opens()
        for page in self._pages():
            page.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
            page.view.addActions([history, trash])

    def _back_up_when_an_import_opens(self) -> None:
        """An import is a risky operation: a backup (if the file changed) while the user reads the dry run."""
        opener = self._window.findChild(QAction, "importAction")
        if opener is not None:
            opener.triggered.connect(lambda _=False: self.scheduler.start())
        button = self._window.findChild(QPushButton, "importButton")
        if button is not None:
            button.clicked.connect(lambda _=False: self.scheduler.start())
        dropped = getattr(self._window, "files_dropped", None)  # a dropped CSV or Excel file opens the import too
        if dropped is not None:
            dropped.connect(lambda _paths: self.scheduler.start())

    def _view_menu(self) -> QMenu | None:
        coverage = self._window.findChild(QDockWidget, "coverageDock")
        if coverage is None:
            return None
        toggle = coverage.toggleViewAction()
        for top in self._window.menuBar().actions():
            menu = top.menu()
            if isinstance(menu, QMenu) and toggle in menu.actions():
                return menu
        return None

    def _on_backup_failed(self, reason: str) -> None:
        self._window.statusBar().showMessage(QCoreApplication.translate(
            "Safety", "The automatic backup failed (%1). Your data are safe; check the disk.").replace("%1", reason),
            15000)

    # -- dialogs -------------------------------------------------------------------------------------

    def open_trash(self) -> TrashDialog:
        """Edit › Deleted rows…"""
        dialog = TrashDialog(self._session.repository, self._session.undo_stack, self._dialogs, self.scheduler.now,
                             self._language, self._window)
        self.dialog = dialog
        dialog.show()
        return dialog

    def open_backups(self) -> BackupsDialog | None:
        """File › Restore from backup…"""
        path = self._session.repository.path
        if path is None:
            return None
        dialog = BackupsDialog(path, self.restore_backup, self._language, self._window)
        self.dialog = dialog
        dialog.show()
        return dialog

    def restore_backup(self, backup: Path) -> bool:
        """Restore ``backup`` after asking; the current file is backed up first; the window reloads."""
        path = self._session.repository.path
        question = QCoreApplication.translate(
            "Safety", "Replace the data by the backup '%1'? The current file is backed up first.")
        if path is None or not self._dialogs.confirm(
                QCoreApplication.translate("Safety", "Restore from backup"), question.replace("%1", backup.name)):
            return False
        self.scheduler.wait()
        try:
            before = backups.restore_backup(path, backup)
        except (StoreError, OSError) as error:
            text = QCoreApplication.translate(
                "Safety", "The backup could not be restored; the file is as it was (%1).")
            self._dialogs.error(QCoreApplication.translate("Safety", "Restore failed"),
                                text.replace("%1", str(error)))
            return False
        self.watcher.check_now()
        self._session.undo_stack.clear()  # the commands refer to the data before the restore
        done = QCoreApplication.translate("Safety", "Backup restored. To undo, restore '%1'.")
        self._window.statusBar().showMessage(done.replace("%1", before.name), 15000)
        return True

    def check_database(self) -> None:
        """File › Check database."""
        report = checks.check_database(self._session.repository)
        self._dialogs.information(QCoreApplication.translate("Safety", "Check database"),
                                  check_report_text(report))

    def ask_display_name(self) -> None:
        """The name shown beside the OS user in the history."""
        current = str(self._settings.value(DISPLAY_NAME_KEY, "") or "")
        text, accepted = QInputDialog.getText(
            self._window, QCoreApplication.translate("Safety", "Your name in the history"),
            QCoreApplication.translate("Safety", "Name shown with your changes:"), QLineEdit.EchoMode.Normal, current)
        if accepted:
            self.set_display_name(text)

    def set_display_name(self, name: str) -> None:
        """Remember the display name and use it from now on."""
        self._settings.setValue(DISPLAY_NAME_KEY, name.strip())
        self._session.repository.safety.set_display_name(name)

    def ask_second_folder(self) -> None:
        """A second folder (a network drive) that receives a copy of every backup; cancel keeps the current one."""
        current = str(self._settings.value(SECOND_FOLDER_KEY, "") or "")
        chosen = choose_folder(self._window, QCoreApplication.translate("Safety", "Second backup folder"), current)
        if chosen is not None:
            self.set_second_folder(chosen)

    def set_second_folder(self, folder: Path | None) -> None:
        """Remember the second backup folder (``None``: none) and use it from the next backup on."""
        self._settings.setValue(SECOND_FOLDER_KEY, str(folder) if folder else "")
        self.scheduler.set_second_folder(folder)

    def stop(self) -> None:
        """Before the repository closes."""
        self.watcher.stop()
        self.scheduler.stop()


def install_safety(window: QMainWindow, session: WindowSession, dialogs: UserDialogs, settings: QSettings,
                   language: Language, open_file: Callable[[Path], object]) -> SafetyHub:
    """Add the history dock, trash, backups, check, waiting notice, reload-after-other-writers and the rescue of a
    file whose working files another program removed to ``window``."""
    return SafetyHub(window, session, dialogs, settings, language, open_file)
