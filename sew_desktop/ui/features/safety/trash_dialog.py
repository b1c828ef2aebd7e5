"""Verwijderde rijen: the trash, with restore (undoable) and emptying (asked, after a backup)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton, QVBoxLayout, QWidget
from typing_extensions import override

from sew_desktop.services.history import empty_trash, main_keys, restore_from_trash, trash_items
from sew_desktop.store.checks import RowValidationError
from sew_desktop.store.mapping import Entity
from sew_desktop.store.repository import DeletedRows, Key, Repository
from sew_desktop.store.trash import TrashItem
from sew_desktop.ui.core.dialogs import UserDialogs
from sew_desktop.ui.core.i18n import Language
from sew_desktop.ui.core.messages import problems_text
from sew_desktop.ui.core.screens import resize_to_fit
from sew_desktop.ui.core.undo import StoreCommand, push
from sew_desktop.ui.features.safety.tables import fill_row, read_only_table
from sew_desktop.ui.features.safety.texts import moment_text


class RestoreFromTrashCommand(StoreCommand):
    """Put a trash item back with its links; undo deletes it again (back into the trash)."""

    def __init__(self, repository: Repository, item: TrashItem, text: str) -> None:
        super().__init__(text)
        self._repository = repository
        self._item = item
        self._deleted: DeletedRows | None = None
        self._keys: list[Key] = []

    @override
    def redo(self) -> None:
        """Restore."""
        self._guarded(self._restore)

    def _restore(self) -> None:
        if self._deleted is None:
            self._keys = main_keys(self._item.entity, restore_from_trash(self._repository, self._item))
        else:
            self._repository.restore(self._deleted)

    @override
    def undo(self) -> None:
        """Delete again."""
        self._guarded(self._delete, undoing=True)

    def _delete(self) -> None:
        self._deleted = self._repository.delete(Entity(self._item.entity), self._keys)


def entity_text(entity: str) -> str:
    """The kind of row, as users say it."""
    texts = {
        "region": QCoreApplication.translate("Safety", "regiegebied"),
        "agreement": QCoreApplication.translate("Safety", "agreement"),
        "membership": QCoreApplication.translate("Safety", "membership"),
        "municipality": QCoreApplication.translate("Safety", "municipality"),
        "open_call": QCoreApplication.translate("Safety", "open call"),
    }
    return texts.get(entity, entity)


class TrashDialog(QDialog):
    """The list of deleted rows; Restore and Empty the trash."""

    def __init__(self, repository: Repository, undo_stack: QUndoStack, dialogs: UserDialogs,
                 backup_first: Callable[[], object], language: Language, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trashDialog")
        self.setWindowTitle(QCoreApplication.translate("Safety", "Deleted rows"))
        self._repository, self._undo_stack, self._dialogs = repository, undo_stack, dialogs
        self._backup_first, self._language = backup_first, language
        self.items: list[TrashItem] = []
        self.table = read_only_table(self, "trashTable", [
            QCoreApplication.translate("Safety", "Deleted"), QCoreApplication.translate("Safety", "By"),
            QCoreApplication.translate("Safety", "Kind"), QCoreApplication.translate("Safety", "Name"),
            QCoreApplication.translate("Safety", "Went with it")])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.restore_button = self._button(buttons, QCoreApplication.translate("Safety", "&Restore"), "restoreButton")
        self.restore_button.clicked.connect(self.restore_selected)
        self.empty_button = self._button(buttons, QCoreApplication.translate("Safety", "&Empty the trash…"),
                                         "emptyTrashButton")
        self.empty_button.clicked.connect(self.empty)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        resize_to_fit(self, 760, 420)
        self.refresh()

    def _button(self, box: QDialogButtonBox, text: str, name: str) -> QPushButton:
        button = box.addButton(text, QDialogButtonBox.ButtonRole.ActionRole)
        button.setObjectName(name)
        return button

    def refresh(self) -> None:
        """Read the trash again."""
        self.items = trash_items(self._repository)
        self.table.setRowCount(len(self.items))
        for number, item in enumerate(self.items):
            linked = QCoreApplication.translate("Safety", "linked rows: %1").replace("%1", str(item.linked))
            cells = (moment_text(item.deleted_at, self._language), item.who, entity_text(item.entity), item.label,
                     linked)
            fill_row(self.table, number, cells)
        self.empty_button.setEnabled(bool(self.items))
        self.restore_button.setEnabled(bool(self.items))

    def restore_selected(self) -> bool:
        """Restore the selected items (each one undo step); False when none was."""
        rows = sorted({index.row() for index in self.table.selectedIndexes()})
        done = False
        for row in rows:
            item = self.items[row]
            text = QCoreApplication.translate("Safety", "Restore %1").replace("%1", item.label)
            command = RestoreFromTrashCommand(self._repository, item, text)
            if push(self._undo_stack, command):
                done = True
            elif isinstance(command.error, RowValidationError):
                self._dialogs.error(QCoreApplication.translate("Safety", "Cannot restore"), QCoreApplication.translate(
                    "Safety", "%1 cannot be restored: %2").replace("%1", item.label)
                    .replace("%2", problems_text(command.error.problems)))
        self.refresh()
        return done

    def empty(self) -> bool:
        """Empty the trash after asking, with a backup first."""
        if not self._dialogs.confirm(
                QCoreApplication.translate("Safety", "Empty the trash"),
                QCoreApplication.translate("Safety", "Remove the deleted rows for good? A backup is taken first.")):
            return False
        self._backup_first()
        empty_trash(self._repository)
        self.refresh()
        return True
