"""The safety net of one window: watcher, backups, row history dock, trash, check, the rescue of lost files."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Qt
from PySide6.QtWidgets import QDockWidget, QInputDialog, QLineEdit, QWidget

from sew_desktop.services import backups, checks
from sew_desktop.store.errors import StoreError
from sew_desktop.ui.core.actions import ActionRegistry, ActionSpec, Menu
from sew_desktop.ui.core.dialogs import UserDialogs
from sew_desktop.ui.core.feature import Contribution, DockPart
from sew_desktop.ui.core.file_dialogs import choose_folder
from sew_desktop.ui.core.frame import WindowFrame
from sew_desktop.ui.core.i18n import Language
from sew_desktop.ui.core.table_page import TablePage
from sew_desktop.ui.core.window_session import WindowSession
from sew_desktop.ui.features.safety.history_panel import HistoryPanel, SelectedRow
from sew_desktop.ui.features.safety.rescue import LostFilesRescue
from sew_desktop.ui.features.safety.scheduler import BackupScheduler
from sew_desktop.ui.features.safety.watcher import ExternalChangeWatcher

if TYPE_CHECKING:  # the dialogs are imported when first opened: not on the start-up path
    from sew_desktop.ui.features.safety.backups_dialog import BackupsDialog
    from sew_desktop.ui.features.safety.trash_dialog import TrashDialog

DISPLAY_NAME_KEY = "safety/display_name"
SECOND_FOLDER_KEY = "safety/second_backup_folder"
AUTOMATIC_BACKUPS_KEY = "safety/automatic_backups"


class SafetyHub(QObject):
    """The safety parts of one window: watcher, backups, history dock, trash and check actions."""

    def __init__(self, session: WindowSession, frame: WindowFrame, pages: list[TablePage], dialogs: UserDialogs,
                 settings: QSettings, language: Language, open_file: Callable[[Path], object],
                 registry: ActionRegistry) -> None:
        super().__init__()
        self.setObjectName("safetyHub")
        self._frame, self._session, self._settings, self._language = frame, session, settings, language
        self._dialogs, self._pages = dialogs, pages
        repository = session.repository
        repository.safety.set_display_name(str(settings.value(DISPLAY_NAME_KEY, "") or ""))
        folder = str(settings.value(SECOND_FOLDER_KEY, "") or "")
        self.watcher = ExternalChangeWatcher(repository, frame)
        self.scheduler = BackupScheduler(repository, session.bus, Path(folder) if folder else None, self)
        self.rescue = LostFilesRescue(frame, repository, dialogs, open_file)
        self.rescue.writing_stopped.connect(self.stop)
        self.watcher.files_lost.connect(self.rescue.rescue)
        session.bus.failed.connect(self.rescue.on_write_failed)
        self.panel = HistoryPanel(repository, session.undo_stack, language)
        self.dock = QDockWidget(QCoreApplication.translate("Safety", "Row history"))
        self.dock.setObjectName("rowHistoryDock")
        self.dock.setWidget(self.panel)
        self.dialog: QWidget | None = None
        session.bus.changed.connect(lambda _changes: self.panel.refresh())
        self.scheduler.failed.connect(self._on_backup_failed)
        frame.closing.connect(self.stop)  # let a running backup finish and stop the timers (the file closes next)
        self._track_selection()
        self._add_actions(registry)
        if str(settings.value(AUTOMATIC_BACKUPS_KEY, "true")).lower() != "false":
            self.scheduler.start(backups.BackupReason.OPENED)  # a backup when the file changed since the last one

    def contribution(self) -> Contribution:
        """The row history dock (hidden at first)."""
        return Contribution(docks=(DockPart(self.dock, Qt.DockWidgetArea.BottomDockWidgetArea),))

    def back_up_before_import(self) -> None:
        """An import is a risky operation: a backup (if the file changed) while the user reads the dry run."""
        self.scheduler.start(backups.BackupReason.BEFORE_IMPORT)

    # -- the selected row ----------------------------------------------------------------------------

    def _track_selection(self) -> None:
        for page in self._pages:
            page.view.selectionModel().currentChanged.connect(lambda *_a, p=page: self.show_page_row(p))
        self._frame.tabs.currentChanged.connect(lambda _i: self._on_tab())

    def _on_tab(self) -> None:
        page = self._frame.current_page()
        if page is not None:
            self.show_page_row(page)

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

    def _add_actions(self, registry: ActionRegistry) -> None:
        translate = QCoreApplication.translate
        registry.add_all((
            ActionSpec("restoreBackupAction", translate("Safety", "Restore from &backup…"), self.open_backups,
                       Menu.FILE, "safety"),
            ActionSpec("checkDatabaseAction", translate("Safety", "C&heck database"), self.check_database,
                       Menu.FILE, "safety"),
            ActionSpec("secondBackupFolderAction", translate("Safety", "Second backup &folder…"),
                       self.ask_second_folder, Menu.FILE, "safety"),
            ActionSpec("displayNameAction", translate("Safety", "&Your name in the history…"), self.ask_display_name,
                       Menu.FILE, "safety")))
        trash = registry.add(ActionSpec("trashAction", translate("Safety", "Deleted &rows…"), self.open_trash,
                                        Menu.EDIT, "trash"))
        history = registry.add(ActionSpec("rowHistoryAction", translate("Safety", "History of this &row"),
                                          self.show_history, None))
        for page in self._pages:
            page.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
            page.view.addActions([history, trash])

    def _on_backup_failed(self, reason: str) -> None:
        self._frame.show_message(QCoreApplication.translate(
            "Safety", "The automatic backup failed (%1). Your data are safe; check the disk.").replace("%1", reason),
            15000)

    # -- dialogs -------------------------------------------------------------------------------------

    def open_trash(self) -> TrashDialog:
        """Edit › Deleted rows…"""
        from sew_desktop.ui.features.safety.trash_dialog import TrashDialog

        dialog = TrashDialog(self._session.repository, self._session.undo_stack, self._dialogs,
                             lambda: self.scheduler.now(backups.BackupReason.BEFORE_EMPTYING_TRASH),
                             self._language, self._frame.host())
        self.dialog = dialog
        dialog.show()
        return dialog

    def open_backups(self) -> BackupsDialog | None:
        """File › Restore from backup…"""
        path = self._session.repository.path
        if path is None:
            return None
        from sew_desktop.ui.features.safety.backups_dialog import BackupsDialog

        dialog = BackupsDialog(path, self.restore_backup, self._language, self._frame.host())
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
        self._frame.show_message(done.replace("%1", before.name), 15000)
        return True

    def check_database(self) -> None:
        """File › Check database."""
        from sew_desktop.ui.features.safety.check_text import check_report_text

        report = checks.check_database(self._session.repository)
        self._dialogs.information(QCoreApplication.translate("Safety", "Check database"),
                                  check_report_text(report))

    def ask_display_name(self) -> None:
        """The name shown beside the OS user in the history."""
        current = str(self._settings.value(DISPLAY_NAME_KEY, "") or "")
        text, accepted = QInputDialog.getText(
            self._frame.host(), QCoreApplication.translate("Safety", "Your name in the history"),
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
        title = QCoreApplication.translate("Safety", "Second backup folder")
        chosen = choose_folder(self._frame.host(), title, current)
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

