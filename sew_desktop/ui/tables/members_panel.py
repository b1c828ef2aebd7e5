"""Side panel of the Regiegebieden tab: the members of the selected regiegebied, with validity dates."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCompleter,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sew_desktop.store.mapping import Entity
from sew_desktop.ui.core.grid_view import GridView
from sew_desktop.ui.core.i18n import Language
from sew_desktop.ui.core.undo import DeleteRowsCommand, InsertRowCommand
from sew_desktop.ui.tables.delegates import DateDelegate
from sew_desktop.ui.tables.tables import MembersModel


class MembersPanel(QWidget):
    """Add (with a completer), remove and date the members of one regiegebied."""

    def __init__(self, model: MembersModel, language: Language, names: Callable[[], dict[str, str]],
                 ask_start: Callable[[str], date | None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.names = names  # municipality name -> NIS code, valid on the as-of date
        self.ask_start = ask_start  # the question the Gemeenten table asks too: from which date (None: cancelled)
        self.title = QLabel(self)
        self.view = GridView(lambda: model.last_refusal, self)
        self.view.setObjectName("membersTable")
        self.view.setModel(model)
        self.view.verticalHeader().setVisible(False)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        delegate = DateDelegate(language, model.calendar_start, self.view)
        self.view.setItemDelegateForColumn(1, delegate)
        self.view.setItemDelegateForColumn(2, delegate)
        self.new_member = QLineEdit(self)
        self.new_member.setObjectName("newMemberField")
        self.new_member.setPlaceholderText(QCoreApplication.translate("MembersPanel", "Add a municipality…"))
        self.new_member.returnPressed.connect(self.add_member)
        add = QPushButton(QCoreApplication.translate("MembersPanel", "Add"), self)
        add.clicked.connect(self.add_member)
        remove = QPushButton(QCoreApplication.translate("MembersPanel", "Remove"), self)
        remove.clicked.connect(self.remove_selected)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(add)
        row.addWidget(remove)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.new_member)  # a line of its own: the placeholder and a long name stay readable
        layout.addLayout(row)
        self.show_region(None)

    def show_region(self, region_id: int | None) -> None:
        """Switch to another regiegebied (or none)."""
        self.model.set_region(region_id)
        region = self.model.repository.regions().get(region_id) if region_id is not None else None
        self.title.setText(f"<b>{region.name}</b>" if region else QCoreApplication.translate(
            "MembersPanel", "Select a regiegebied to see its members."))
        self.setEnabled(region is not None)
        completer = QCompleter(sorted(self.names()), self.new_member)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.new_member.setCompleter(completer)

    def add_member(self) -> None:
        """Add the typed municipality from the date the user gives (the as-of date is proposed)."""
        name = self.new_member.text().strip()
        nis = self.names().get(name)
        if nis is None or self.model.region_id is None:
            self.model.message.emit(QCoreApplication.translate("MembersPanel", "Unknown municipality: %1")
                                    .replace("%1", self.new_member.text()))
            return
        start = self.ask_start(name)
        if start is None:
            return
        values = {"region_id": self.model.region_id, "municipality_nis": nis, "valid_from": start.isoformat()}
        problems = self.model.repository.problems(Entity.MEMBERSHIP, None, values)
        if problems:
            self.model.message.emit(self.model.problems_message(None, values, problems))
            return
        text = QCoreApplication.translate("MembersPanel", "Add member — %1").replace("%1", self.new_member.text())
        self.model.undo_stack.push(InsertRowCommand(self.model.repository, Entity.MEMBERSHIP, values, text))
        self.new_member.clear()

    def remove_selected(self) -> None:
        """Remove the selected memberships (one undo step)."""
        rows = sorted({i.row() for i in self.view.selectionModel().selectedIndexes()})
        keys = [self.model.key_at(r) for r in rows]
        if keys:
            count = len(keys)  # a plain name, so that pyside6-lupdate extracts the %n string
            text = QCoreApplication.translate("MembersPanel", "Remove %n member(s)", "", count)
            self.model.undo_stack.push(DeleteRowsCommand(self.model.repository, Entity.MEMBERSHIP, keys, text))
