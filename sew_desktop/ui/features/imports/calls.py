"""The open calls, editable: name, period and deadline."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget
from typing_extensions import override

from sew_desktop.domain.model import OpenCall
from sew_desktop.services.imports.values import parse_date
from sew_desktop.store.errors import ValidationError
from sew_desktop.store.mapping import Entity
from sew_desktop.store.repository import Repository
from sew_desktop.ui.core.notifier import ChangeBus
from sew_desktop.ui.features.imports.subscription import refresh_on_change
from sew_desktop.ui.features.imports.texts import format_date

translate = QCoreApplication.translate
COLUMNS = ("name", "period_start", "period_end", "deadline")
Index = QModelIndex | QPersistentModelIndex


def _value(call: OpenCall, column: str) -> str:
    if column == "name":
        return call.name
    day = {"period_start": call.period.valid_from, "period_end": call.period.valid_to, "deadline": call.deadline}[
        column
    ]
    return format_date(day)


class OpenCallsModel(QAbstractTableModel):
    """The open calls as rows; edits are written straight to the repository (refused edits return False)."""

    def __init__(self, repository: Repository) -> None:
        super().__init__()
        self._repository = repository
        self._calls = repository.open_calls()
        self.last_error = ""

    def reload(self) -> None:
        """Read the calls again."""
        self.beginResetModel()
        self._calls = self._repository.open_calls()
        self.endResetModel()

    @override
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's default argument
        """Qt override."""
        return 0 if parent.isValid() else len(self._calls)

    @override
    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's default argument
        """Qt override."""
        return 0 if parent.isValid() else len(COLUMNS)

    @override
    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Qt override."""
        if orientation is not Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            translate("OpenCallsWidget", "Name"),
            translate("OpenCallsWidget", "Start"),
            translate("OpenCallsWidget", "End"),
            translate("OpenCallsWidget", "Deadline"),
        )[section]

    @override
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Qt override."""
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return None
        return _value(self._calls[index.row()], COLUMNS[index.column()])

    @override
    def flags(self, index: Index) -> Qt.ItemFlag:
        """Qt override."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    @override
    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Qt override: validate, then write to the repository."""
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        call, column = self._calls[index.row()], COLUMNS[index.column()]
        new = self._parse(call, column, str(value).strip())
        if new is None:
            return False
        try:
            self._repository.update(Entity.OPEN_CALL, call.id, {column: new[0]})
        except ValidationError as exc:
            self.last_error = str(exc)
            return False
        self.last_error = ""
        return True

    def _parse(self, call: OpenCall, column: str, text: str) -> tuple[object] | None:
        if column == "name":
            taken = any(c.name == text and c.id != call.id for c in self._calls)
            if not text or taken:
                self.last_error = translate("OpenCallsWidget", "The name is empty or already used.")
                return None
            return (text,)
        try:
            day: date | None = parse_date(text)
        except ValueError:
            day = None
        if (day is None and column != "deadline") or (text and day is None):
            self.last_error = translate("OpenCallsWidget", "Type a date as dd/mm/yyyy.")
            return None
        return (day,)

    def add_call(self) -> int:
        """Add a call with a free name covering next year; returns its id."""
        names = {c.name for c in self._calls}
        number = 1
        while (name := translate("OpenCallsWidget", "New call %1").replace("%1", str(number))) in names:
            number += 1
        year = date.today().year + 1
        values = {"name": name, "period_start": date(year, 1, 1), "period_end": date(year, 12, 31)}
        return int(self._repository.insert(Entity.OPEN_CALL, values))


class OpenCallsWidget(QWidget):
    """A table of the open calls (name, period, deadline), editable in place, with an Add button."""

    def __init__(self, repository: Repository, bus: ChangeBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("openCalls")
        self.model = OpenCallsModel(repository)
        self.view = QTableView()
        self.view.setObjectName("openCallsTable")
        self.view.setModel(self.model)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.resizeColumnToContents(0)
        self.message = QLabel()
        self.message.setObjectName("openCallsMessage")
        add = QPushButton(translate("OpenCallsWidget", "Add open call"))
        add.setObjectName("addCall")
        add.clicked.connect(self.model.add_call)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(add)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        layout.addLayout(buttons)
        self.model.dataChanged.connect(lambda *_: self.message.setText(self.model.last_error))
        refresh_on_change(bus, frozenset({Entity.OPEN_CALL}), self._changed)

    def _changed(self) -> None:
        self.model.reload()
        self.message.setText(self.model.last_error)
