"""The shared table model: rows are primary keys; cells read domain objects; edits become undo commands."""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any, ClassVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtGui import QUndoStack
from typing_extensions import override

from sew_desktop.domain.coverage import DayCoverage
from sew_desktop.domain.validation import Problem
from sew_desktop.store.mapping import Entity, shown_column, storable
from sew_desktop.store.repository import Change, ChangeKind, Key, Repository
from sew_desktop.ui.core.columns import (
    ANSWERED_ROLES,
    KEY_ROLE,
    PROVINCE_ROLE,
    SORT_ROLE,
    AnyIndex,
    Column,
    Kind,
)
from sew_desktop.ui.core.i18n import format_date, to_qdate
from sew_desktop.ui.core.live import LiveCoverage
from sew_desktop.ui.core.messages import problems_text
from sew_desktop.ui.core.undo import Edit, SetFieldsCommand, push
from sew_desktop.ui.core.values import date_refusal, parse_date, parse_text


def key_order(key: Key) -> tuple[int, int, str]:
    """Keys in the file's order (ids as numbers, codes as text), for listing a row where it belongs."""
    return (0, key, "") if isinstance(key, int) else (1, 0, str(key))


class EntityTableModel(QAbstractTableModel):
    """Rows of one entity, keyed by primary key; subclasses say which rows and how cells look."""

    message = Signal(str)
    entity: ClassVar[Entity]
    depends_on: ClassVar[frozenset[Entity]] = frozenset()

    def __init__(self, repository: Repository, undo_stack: QUndoStack, live: LiveCoverage,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.repository = repository
        self.undo_stack = undo_stack
        self.live = live
        self.columns: list[Column] = self.make_columns()
        self._keys: list[Key] = []
        self._row_of: dict[Key, int] = {}
        self._tooltips: dict[tuple[Key, str], str] = {}
        self.last_refusal: str | None = None  # why the last setData was refused (the grid keeps the editor open)
        self._load()

    # -- subclass hooks ------------------------------------------------------------------------------

    def make_columns(self) -> list[Column]:
        """The columns, titles translated."""
        raise NotImplementedError

    def table(self) -> dict[Key, Any]:
        """All rows of the entity."""
        raise NotImplementedError

    def include(self, row: Any) -> bool:
        """Whether the row is listed (e.g. municipalities valid on the as-of date)."""
        return True

    def display(self, row: Any, column: Column) -> str:
        """The cell text."""
        value = self.value(row, column)
        if isinstance(value, date):
            return format_date(value, self.live.language)
        return "" if value is None else str(value)

    def value(self, row: Any, column: Column) -> object:
        """The cell's value (a date, text, number)."""
        return getattr(row, column.name, None)

    def tooltip(self, row: Any, column: Column) -> str | None:
        """A cell's tooltip (a refusal's reason comes first; the grid shows cut texts in full by itself)."""
        return None

    def province_of(self, row: Any) -> str:
        """The province NIS code a row belongs to (for the province filter)."""
        return str(getattr(row, "province_nis", ""))

    def row_label(self, row: Any) -> str:
        """How a row is named in undo texts."""
        return str(getattr(row, "name", ""))

    def stored(self, column: Column, value: object) -> dict[str, object]:
        """The stored columns a cell value writes (one, unless a subclass maps it to several)."""
        return {column.name: value}

    def calendar_start(self, index: AnyIndex) -> date:
        """The day a date cell's calendar opens on when the cell is empty: the as-of date, unless the row's
        other dates say better."""
        return self.live.as_of

    def on_coverage(self, day: DayCoverage, previous: DayCoverage) -> None:
        """New figures from the live coverage (after a change or new dates): update the cells derived from them."""

    def on_dates_changed(self) -> None:
        """New dates: cells judged on the as-of date follow."""

    # -- loading and notifications -------------------------------------------------------------------

    def _load(self) -> None:
        self._keys = [key for key, row in self.table().items() if self.include(row)]
        self._row_of = {key: number for number, key in enumerate(self._keys)}

    def reload(self) -> None:
        """Rebuild the row list (one reset)."""
        self.beginResetModel()
        self._load()
        self.endResetModel()

    def key_at(self, row: int) -> Key:
        """The primary key shown in ``row``."""
        return self._keys[row]

    def row_of(self, key: Key) -> int | None:
        """The row showing ``key``, if listed."""
        return self._row_of.get(key)

    def on_changes(self, changes: Sequence[Change]) -> None:
        """Apply committed changes: update, insert or remove just those rows; a renamed row elsewhere (a
        partner, a member) may show in any row."""
        names_changed = False
        for change in changes:
            if change.entity is self.entity:
                self._apply(change)
            names_changed |= change.entity in self.depends_on
        if names_changed:
            self.all_rows_changed()

    def all_rows_changed(self) -> None:
        """Every listed row may show other derived cells."""
        if self._keys:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._keys) - 1, len(self.columns) - 1))

    def rows_changed(self, keys: Iterable[Key]) -> None:
        """One dataChanged per run of adjacent listed rows: views and proxies revisit only those rows."""
        runs: list[list[int]] = []
        for row in sorted(row for row in map(self._row_of.get, keys) if row is not None):
            if runs and row == runs[-1][1] + 1:
                runs[-1][1] = row
            else:
                runs.append([row, row])
        for first, last in runs:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(self.columns) - 1))

    def _apply(self, change: Change) -> None:
        if change.kind is ChangeKind.RESET:
            self.reload()
            return
        if change.kind is ChangeKind.DELETED:
            self._remove([k for k in change.keys if k in self._row_of])
            return
        table = self.table()
        for key in change.keys:
            row = table.get(key)
            listed = key in self._row_of
            if row is None or (listed and not self.include(row)):
                self._remove([key] if listed else [])
            elif listed:
                number = self._row_of[key]
                self.dataChanged.emit(self.index(number, 0), self.index(number, len(self.columns) - 1))
            elif self.include(row):
                self._insert(key)

    def _insert(self, key: Key) -> None:
        """List ``key`` in key order, as the file lists rows: a row whose delete is undone comes back in its
        place, a new row (a new, highest id) at the end."""
        number = bisect.bisect_left(self._keys, key_order(key), key=key_order)
        self.beginInsertRows(QModelIndex(), number, number)
        self._keys.insert(number, key)
        if number == len(self._keys) - 1:
            self._row_of[key] = number
        else:
            self._row_of = {k: n for n, k in enumerate(self._keys)}
        self.endInsertRows()

    def _remove(self, keys: list[Key]) -> None:
        for number in sorted((self._row_of[k] for k in keys), reverse=True):
            self.beginRemoveRows(QModelIndex(), number, number)
            del self._keys[number]
            self._row_of = {key: n for n, key in enumerate(self._keys)}
            self.endRemoveRows()

    # -- Qt model interface --------------------------------------------------------------------------

    @override
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        """Rows listed."""
        return 0 if parent.isValid() else len(self._keys)

    @override
    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        """Columns."""
        return 0 if parent.isValid() else len(self.columns)

    @override
    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Column titles."""
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.columns[section].title if 0 <= section < len(self.columns) else None
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Vertical:
            return section + 1
        return None

    @override
    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        """Selectable; editable where the column allows."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return base | Qt.ItemFlag.ItemIsEditable if self.columns[index.column()].editable else base

    @override
    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Cell contents per role."""
        if role not in ANSWERED_ROLES or not index.isValid() or index.row() >= len(self._keys):
            return None  # the view asks for many roles per painted cell; most have no answer
        key = self._keys[index.row()]
        row = self.table().get(key)
        if row is None:
            return None
        column = self.columns[index.column()]
        return self._role_data(key, row, column, role)

    def _role_data(self, key: Key, row: Any, column: Column, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(row, column)
        if role == Qt.ItemDataRole.EditRole:
            value = self.value(row, column)
            if column.kind is Kind.DATE:
                return to_qdate(value) if isinstance(value, date) else None
            return value
        if role == SORT_ROLE:
            value = self.value(row, column)
            return value.isoformat() if isinstance(value, date) else ("" if value is None else value)
        if role == PROVINCE_ROLE:
            return self.province_of(row)
        if role == KEY_ROLE:
            return key
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltips.get((key, column.name)) or self.tooltip(row, column)
        return None

    @override
    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Validate and push an undo command; the view refreshes from the change notification."""
        self.last_refusal = None
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or not self.columns[index.column()].editable:
            return False
        edit = self.prepare_edit(index.row(), index.column(), value)
        if edit is None:
            return False
        if edit.new != edit.old:
            column = self.columns[index.column()]
            text = f"{column.change_label()} — {self.row_label(self.table()[edit.key])}"
            return push(self.undo_stack, SetFieldsCommand(self.repository, self.entity, [edit], text))
        return True

    def prepare_edit(self, row_number: int, column_number: int, value: object) -> Edit | None:
        """The edit a cell value makes, or ``None`` (with a message) when it is refused."""
        key = self._keys[row_number]
        column = self.columns[column_number]
        try:
            parsed = parse_date(value) if column.kind is Kind.DATE else self.parse(column, value)
        except ValueError:
            self.refuse(key, column, self.refusal(column, value))
            return None
        new = {name: storable(name, v) for name, v in self.stored(column, parsed).items()}
        old = self.shown_values(key, new)
        problems = self.repository.problems(self.entity, key, new)
        if problems:
            self.refuse(key, column, self.problems_message(key, new, problems))
            return None
        self._tooltips.pop((key, column.name), None)
        return Edit(key, old, new)

    def prepare_block(self, cells: Sequence[tuple[int, int, object]]) -> list[Edit] | None:
        """Edits for pasted cells (row, column, value), combined per row and checked together: all or nothing."""
        changes: dict[Key, dict[str, object]] = {}
        for row_number, column_number, value in cells:
            column = self.columns[column_number]
            key = self._keys[row_number]
            if not column.editable:
                self.message.emit(QCoreApplication.translate("TableModel", "Column '%1' cannot be changed.")
                                  .replace("%1", column.title))
                return None
            if not self.pastable(column):
                self.message.emit(QCoreApplication.translate(
                    "TableModel", "Column '%1' cannot be pasted into: change its cells one at a time.")
                    .replace("%1", column.title))
                return None
            try:
                parsed = parse_date(value) if column.kind is Kind.DATE else self.parse(column, value)
            except ValueError:
                self.refuse(key, column, self.refusal(column, value))
                return None
            stored = {name: storable(name, v) for name, v in self.stored(column, parsed).items()}
            changes.setdefault(key, {}).update(stored)
        return self._edits_if_valid(changes)

    def _edits_if_valid(self, changes: dict[Key, dict[str, object]]) -> list[Edit] | None:
        edits = []
        for key, new in changes.items():
            problems = self.repository.problems(self.entity, key, new)
            if problems:
                label = self.row_label(self.table()[key])
                self.message.emit(f"{label}: {self.problems_message(key, new, problems)}")
                return None
            edits.append(Edit(key, self.shown_values(key, new), new))
        return edits

    def shown_values(self, key: Key, columns: Iterable[str]) -> dict[str, object]:
        """The values the user saw, as stored: the write compares them with the file, so an edit over a row
        another program changed meanwhile is refused instead of overwriting that change."""
        row = self.table()[key]
        return {name: shown_column(row, name) for name in columns}

    def paste(self, cells: Sequence[tuple[int, int, object]], *, clearing: bool = False) -> bool:
        """Apply pasted (or cleared) cells as one undo step, or refuse them all."""
        edits = self.prepare_block(cells)
        if edits is None:
            return False
        count = len(cells)  # a plain name, so that pyside6-lupdate extracts the %n string
        text = (QCoreApplication.translate("TableModel", "Clear %n cell(s)", "", count) if clearing
                else QCoreApplication.translate("TableModel", "Paste %n cell(s)", "", count))
        return push(self.undo_stack, SetFieldsCommand(self.repository, self.entity, edits, text))

    def pastable(self, column: Column) -> bool:
        """Whether a paste may fill this editable column (not when an edit asks a question, such as a date)."""
        return True

    def parse(self, column: Column, value: object) -> object:
        """A typed cell value (text by default); raise ValueError when it cannot be one."""
        return parse_text(value)

    def refusal(self, column: Column, value: object) -> str:
        """Why a typed value cannot be stored in ``column``."""
        return (date_refusal(str(value)) if column.kind is Kind.DATE else None) or self.tr_invalid(value)

    def tr_invalid(self, value: object) -> str:
        """The message for a value that cannot be read."""
        return QCoreApplication.translate("TableModel", "'%1' is not a valid value.").replace("%1", str(value))

    def refuse(self, key: Key, column: Column, text: str) -> None:
        """Refuse an edit of ``column`` in row ``key``: the reason as the cell's tooltip and in the status bar."""
        self.last_refusal = text
        self._tooltips[(key, column.name)] = text
        number = self._row_of.get(key)
        if number is not None:
            cell = self.index(number, self.columns.index(column))
            self.dataChanged.emit(cell, cell, [Qt.ItemDataRole.ToolTipRole])
        self.message.emit(text)

    def problems_message(self, key: Key | None, changes: dict[str, object], problems: list[Problem]) -> str:
        """Why ``changes`` to row ``key`` are refused, as the user reads it (subclasses name the row in the way)."""
        return problems_text(problems)

    def problems_for(self, key: Key, changes: dict[str, object]) -> list[Problem]:
        """Why a set of changes to one row would be refused."""
        return self.repository.problems(self.entity, key, changes)
