"""Double-click on an agreement's status: the steps that make sense from its dates, each setting the right date.

The status is derived from the dates (negotiations started, signed, ended), so changing it means setting one of
them; the menu names the step ("Sign on…"), asks the day (the as-of date proposed, never before the agreement's
latest date) and writes it like a typed date: validated, one undo step.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from sew_desktop.domain.model import Agreement
from sew_desktop.ui.core.i18n import to_qdate
from sew_desktop.ui.core.table_page import TablePage
from sew_desktop.ui.tables.tables import AgreementsModel

AskDate = Callable[[str, str, date], "date | None"]  # (title, question, proposed day) -> day or None (cancelled)


@dataclass(frozen=True)
class Transition:
    """One step: the date column it sets, and how the menu and the question name it."""

    column: str
    label: str
    question: str
    clears: bool = False


def transitions(agreement: Agreement) -> list[Transition]:
    """The steps open to an agreement, in the order they happen."""
    steps: list[Transition] = []
    if agreement.negotiation_started is None and agreement.signed is None:
        steps.append(Transition("negotiation_started",
                                QCoreApplication.translate("StatusSteps", "Start negotiations on…"),
                                QCoreApplication.translate("StatusSteps", "On which date did the negotiations start?")))
    if agreement.signed is None:
        steps.append(Transition("signed", QCoreApplication.translate("StatusSteps", "Sign on…"),
                                QCoreApplication.translate("StatusSteps", "On which date was the agreement signed?")))
    if agreement.signed is not None and agreement.ended is None:
        steps.append(Transition("ended", QCoreApplication.translate("StatusSteps", "End on…"),
                                QCoreApplication.translate("StatusSteps", "On which date does the agreement end?")))
    if agreement.ended is not None:
        steps.append(Transition("ended", QCoreApplication.translate("StatusSteps", "Remove the end date"), "",
                                clears=True))
    return steps


class StatusTransitions(QObject):
    """The menu a double-click on an agreement's status cell opens."""

    def __init__(self, page: TablePage, model: AgreementsModel, ask_date: AskDate) -> None:
        super().__init__(page)  # lives as long as the page
        self.page = page
        self.model = model
        self.ask_date = ask_date
        page.view.doubleClicked.connect(self.open_for)

    def open_for(self, index: QModelIndex | QPersistentModelIndex) -> QMenu | None:
        """The menu of steps under a double-clicked status cell (other cells: nothing)."""
        source = self.page.proxy.mapToSource(self.page.proxy.index(index.row(), index.column()))
        if not source.isValid() or self.model.columns[source.column()].name != "status":
            return None
        key = int(self.model.key_at(source.row()))
        agreement = self.model.repository.agreements()[key]
        menu = QMenu(self.page.view)
        menu.setObjectName("statusStepsMenu")
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        for step in transitions(agreement):
            item = QAction(step.label, menu)
            item.triggered.connect(lambda _=False, s=step: self.take(key, s))
            menu.addAction(item)
        rect = self.page.view.visualRect(index)
        menu.popup(self.page.view.viewport().mapToGlobal(rect.bottomLeft()))
        return menu

    def take(self, key: int, step: Transition) -> bool:
        """Ask the day (unless the step clears a date) and write it into the step's column."""
        agreement = self.model.repository.agreements()[key]
        if step.clears:
            value: object = ""
        else:
            known = [d for d in (agreement.negotiation_started, agreement.expected_signing, agreement.signed)
                     if d is not None]
            proposed = max([self.model.live.as_of, *known])
            title = QCoreApplication.translate("StatusSteps", "Change the status — %1").replace(
                "%1", self.model.partner_name(agreement))
            day = self.ask_date(title, step.question, proposed)
            if day is None:
                return False
            value = to_qdate(day)
        row = self.model.row_of(key)
        if row is None:
            return False
        column = [c.name for c in self.model.columns].index(step.column)
        return bool(self.model.setData(self.model.index(row, column), value, Qt.ItemDataRole.EditRole))
