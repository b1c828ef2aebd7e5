"""The conflicts panel: the team's conflicts and refused changes of this file, with both values, who and when, and
the reason of a refusal; "Apply mine again" and "Accept the team's"."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sew_desktop.store.team.local import Issue
from sew_desktop.ui.features.team.command import can_apply_again
from sew_desktop.ui.features.team.texts import field_title, kind_text, value_text, who_text

translate = QCoreApplication.translate


def _headers() -> list[str]:
    return [translate("Team", "Kind"), translate("Team", "Row"), translate("Team", "Field"),
            translate("Team", "Your value"), translate("Team", "The team's value"), translate("Team", "Changed by"),
            translate("Team", "Reason")]


class ConflictsPanel(QWidget):
    """The open issues in a table; the buttons act on the selected rows through the callables it is given."""

    def __init__(self, apply_mine: Callable[[list[Issue]], object], accept_team: Callable[[list[Issue]], object],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("teamConflictsPanel")
        self.issues: list[Issue] = []
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, len(_headers()), self)
        self.table.setObjectName("teamIssuesTable")
        self.table.setHorizontalHeaderLabels(_headers())
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.apply_button = self._button("teamApplyMineButton", translate("Team", "&Apply mine again"),
                                         lambda: apply_mine(self.selected()))
        self.accept_button = self._button("teamAcceptTeamButton", translate("Team", "Accept the &team's"),
                                          lambda: accept_team(self.selected()))
        self.table.itemSelectionChanged.connect(self._enable)
        buttons = QHBoxLayout()
        buttons.addWidget(self.apply_button)
        buttons.addWidget(self.accept_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.show_issues([], date.today())

    def _button(self, name: str, text: str, run: Callable[[], object]) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.clicked.connect(lambda _=False: run())
        return button

    def show_issues(self, issues: Sequence[Issue], today: date) -> None:
        """List ``issues`` (the selection is kept by issue where it can be)."""
        chosen = {issue.id for issue in self.selected()}
        self.issues = list(issues)
        self.table.setRowCount(len(self.issues))
        for row, issue in enumerate(self.issues):
            texts = (kind_text(issue), issue.label, field_title(issue.field), value_text(issue.mine),
                     value_text(issue.server), who_text(issue, today), issue.reason or "")
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
            if issue.id in chosen:
                self.table.selectRow(row)
        self.table.resizeColumnsToContents()
        self.summary.setText(translate("Team", "No conflicts: everything you changed reached the team.")
                             if not self.issues else translate(
            "Team", "The team kept another value for these changes, or refused them. Apply yours again on purpose,"
            " or accept the team's."))
        self._enable()

    def selected(self) -> list[Issue]:
        """The issues of the selected rows."""
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.issues[row] for row in rows if row < len(self.issues)]

    def _enable(self) -> None:
        chosen = self.selected()
        self.apply_button.setEnabled(any(can_apply_again(issue) for issue in chosen))
        self.accept_button.setEnabled(bool(chosen))
