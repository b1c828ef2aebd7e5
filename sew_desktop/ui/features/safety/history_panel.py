"""The history panel: the changes of the selected row, newest first; "restore this value" is a new edit."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QShowEvent, QUndoStack
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTableWidget, QVBoxLayout, QWidget
from typing_extensions import override

from sew_desktop.services.history import history_entries
from sew_desktop.store.history import HistoryEntry
from sew_desktop.store.mapping import EDITABLE_COLUMNS, Entity
from sew_desktop.store.repository import Key, Repository
from sew_desktop.ui.core.i18n import Language
from sew_desktop.ui.core.undo import Edit, SetFieldsCommand, push
from sew_desktop.ui.features.safety.tables import fill_row, read_only_table
from sew_desktop.ui.features.safety.texts import action_text, moment_text, value_text

LIMIT = 500


@dataclass(frozen=True)
class SelectedRow:
    """The row the panel shows: entity, key, a label and the column titles of its table."""

    entity: Entity
    key: Key
    label: str
    titles: dict[str, str]


class HistoryPanel(QWidget):
    """A table of one row's history entries and a button that puts an old value back (undoable)."""

    def __init__(self, repository: Repository, undo_stack: QUndoStack, language: Language,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyPanel")
        self._repository = repository
        self._undo_stack = undo_stack
        self._language = language
        self._stale = True  # read when first shown
        self.row: SelectedRow | None = None
        self.entries: list[HistoryEntry] = []
        self.heading = QLabel(QCoreApplication.translate("Safety", "Select a row to see its changes."), self)
        self.heading.setWordWrap(True)
        self.table = self._make_table()
        self.restore_button = QPushButton(QCoreApplication.translate("Safety", "&Restore this value"), self)
        self.restore_button.setObjectName("restoreValueButton")
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(self.restore_selected)
        self.table.itemSelectionChanged.connect(self._update_button)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.restore_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def _make_table(self) -> QTableWidget:
        return read_only_table(self, "historyTable", [
            QCoreApplication.translate("Safety", "When"), QCoreApplication.translate("Safety", "Who"),
            QCoreApplication.translate("Safety", "Field"), QCoreApplication.translate("Safety", "Old → new"),
            QCoreApplication.translate("Safety", "Why")], single=True)

    def show_row(self, row: SelectedRow | None) -> None:
        """Show the history of ``row`` (or nothing)."""
        self.row = row
        self.refresh()

    def refresh(self) -> None:
        """Read the entries again (after a change or another row); while the panel is hidden, when next shown."""
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        row = self.row
        self.entries = [] if row is None else history_entries(
            self._repository, row.entity.value, row_key=str(row.key), limit=LIMIT)
        if row is not None:
            self.heading.setText(QCoreApplication.translate("Safety", "Changes of %1, newest first")
                                 .replace("%1", row.label))
        self.table.setRowCount(len(self.entries))
        for number, entry in enumerate(self.entries):
            self._fill(number, entry, row.titles if row else {})
        self._update_button()

    @override
    def showEvent(self, event: QShowEvent) -> None:
        """Shown (its dock opened): catch up with the changes and selections made meanwhile."""
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _fill(self, number: int, entry: HistoryEntry, titles: dict[str, str]) -> None:
        if entry.action == "update":
            field = titles.get(entry.field or "", entry.field or "")
            change = f"{value_text(entry.old_value, self._language)} → {value_text(entry.new_value, self._language)}"
        else:
            field, change = "", action_text(entry.action)
        fill_row(self.table, number, (moment_text(entry.at, self._language), entry.who, field, change, entry.why))

    def _restorable(self) -> HistoryEntry | None:
        rows = {index.row() for index in self.table.selectedIndexes()}
        if len(rows) != 1 or self.row is None:
            return None
        entry = self.entries[rows.pop()]
        editable = EDITABLE_COLUMNS[self.row.entity]
        return entry if entry.action == "update" and entry.field in editable else None

    def _update_button(self) -> None:
        self.restore_button.setEnabled(self._restorable() is not None)

    def restore_selected(self) -> bool:
        """Write the selected entry's old value back as a new, undoable edit; False when refused."""
        entry, row = self._restorable(), self.row
        if entry is None or row is None or entry.field is None:
            return False
        current = self._repository.raw_row(row.entity, row.key)[entry.field]
        new = {entry.field: entry.old_value}
        if self._repository.problems(row.entity, row.key, new):
            self.heading.setText(QCoreApplication.translate(
                "Safety", "This value cannot be restored: it breaks a rule now."))
            return False
        text = QCoreApplication.translate("Safety", "Restore %1 of %2").replace(
            "%1", row.titles.get(entry.field, entry.field)).replace("%2", row.label)
        return push(self._undo_stack, SetFieldsCommand(
            self._repository, row.entity, [Edit(row.key, {entry.field: current}, new)], text))
