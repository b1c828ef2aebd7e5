"""The plan of an import in tabs: decisions, errors (accept a suggestion, exclude rows), warnings, coverage."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from sew_desktop.domain.coverage import FLANDERS
from sew_desktop.domain.decisions import FieldChange, Outcome
from sew_desktop.services.imports.model import ImportPlan, PlannedDecision, RowError
from sew_desktop.ui.core.labels import area_label
from sew_desktop.ui.features.imports.texts import (
    error_text,
    field_text,
    format_amount,
    format_date,
    outcome_text,
    status_text,
    warning_text,
)

translate = QCoreApplication.translate


def _table(headers: Sequence[str], name: str) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(list(headers))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(False)
    return table


MAX_COLUMN_WIDTH = 320


def _fill_row(table: QTableWidget, row: int, cells: Sequence[str]) -> None:
    for column, text in enumerate(cells):
        item = QTableWidgetItem(text)
        item.setToolTip(text)  # long names and member lists are cut off in the cell; the tooltip shows them whole
        table.setItem(row, column, item)


def fit_columns(table: QTableWidget) -> None:
    """Columns as wide as their content (headers included), none wider than :data:`MAX_COLUMN_WIDTH`."""
    table.resizeColumnsToContents()
    for column in range(table.columnCount()):
        table.setColumnWidth(column, min(table.columnWidth(column), MAX_COLUMN_WIDTH))


class PlanView(QTabWidget):
    """Shows a plan; emits ``suggestions_accepted(dict[value, nis])`` and ``rows_excluded(list[int])``."""

    suggestions_accepted = Signal(object)  # every accepted spelling at once: the plan is prepared again once
    rows_excluded = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._plan: ImportPlan | None = None
        self.decisions, self.errors = _decisions_table(), _errors_table()
        self.warnings = QListWidget()
        self.warnings.setObjectName("warningsList")
        self.coverage = _table(
            [
                translate("PlanView", "Province"),
                translate("PlanView", "Municipalities gained"),
                translate("PlanView", "Municipalities lost"),
                translate("PlanView", "Which municipalities"),
            ],
            "coverageTable",
        )
        self.coverage.horizontalHeader().setStretchLastSection(True)  # the names take the width that is left
        self.coverage_day = QLabel()
        self.coverage_day.setObjectName("coverageDay")
        self.coverage_day.setWordWrap(True)
        self.addTab(self.decisions, translate("PlanView", "Decisions"))
        self.addTab(self._errors_page(), translate("PlanView", "Errors"))
        self.addTab(self.warnings, translate("PlanView", "Warnings"))
        self.addTab(self._coverage_page(), translate("PlanView", "Coverage effect"))

    def _coverage_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self.coverage_day)
        layout.addWidget(self.coverage)
        return page

    def _errors_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self.errors)
        buttons = QHBoxLayout()
        self.accept_button = QPushButton(translate("PlanView", "Accept suggestion"))
        self.accept_button.setObjectName("acceptSuggestion")
        self.accept_button.clicked.connect(self._accept_selected)
        self.exclude_button = QPushButton(translate("PlanView", "Exclude selected rows"))
        self.exclude_button.setObjectName("excludeRows")
        self.exclude_button.clicked.connect(self._exclude_selected)
        self.exclude_all_button = QPushButton(translate("PlanView", "Exclude all rows with errors"))
        self.exclude_all_button.setObjectName("excludeAllRows")
        self.exclude_all_button.clicked.connect(self._exclude_all)
        for button in (self.accept_button, self.exclude_button, self.exclude_all_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        return page

    def show_plan(self, plan: ImportPlan) -> None:
        """Fill every tab from ``plan``."""
        self._plan = plan
        self._show_decisions(plan)
        self._show_errors(plan.errors)
        self.warnings.clear()
        self.coverage_day.clear()
        self.warnings.addItems([warning_text(w.code, w.values) for w in plan.warnings])
        self._show_effect(plan)
        self.coverage_day.setText(
            translate(
                "PlanView", "Municipalities under a signed agreement on %1, after the import compared with now:"
            ).replace("%1", format_date(plan.effect_day))
        )
        for table in (self.decisions, self.errors, self.coverage):
            fit_columns(table)
        self.setTabText(1, translate("PlanView", "Errors (%1)").replace("%1", str(len(plan.errors))))
        self.setTabText(2, translate("PlanView", "Warnings (%1)").replace("%1", str(len(plan.warnings))))

    def _show_effect(self, plan: ImportPlan) -> None:
        """A row per province, then Flanders: the counts, and the municipalities by name ("+ Gent; − Aalst")."""
        effects = plan.coverage_effect
        self.coverage.setRowCount(len(effects) + 1 if effects else 0)
        for row, effect in enumerate(effects):
            area = area_label(effect.area, effect.province_nis)
            _fill_row(self.coverage, row, [area, *self._effect_cells(plan, effect.gained, effect.lost)])
        if effects:
            gained = tuple(code for e in effects for code in e.gained)
            lost = tuple(code for e in effects for code in e.lost)
            cells = [area_label(FLANDERS, None), *self._effect_cells(plan, gained, lost)[:2], ""]  # names: above
            _fill_row(self.coverage, len(effects), cells)
            for column in range(self.coverage.columnCount()):
                item = self.coverage.item(len(effects), column)
                if item is not None:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)

    def _effect_cells(self, plan: ImportPlan, gained: Sequence[str], lost: Sequence[str]) -> list[str]:
        names = [f"+ {self._members(plan, gained)}" if gained else "", f"− {self._members(plan, lost)}" if lost else ""]
        return [f"+{len(gained)}" if gained else "0", f"−{len(lost)}" if lost else "0",
                "; ".join(name for name in names if name)]  # fmt: skip

    def _members(self, plan: ImportPlan, codes: Sequence[str]) -> str:
        return ", ".join(plan.municipality_names.get(c, c) for c in codes)

    def _change(self, plan: ImportPlan, change: FieldChange) -> str:
        def show(value: object) -> str:
            if isinstance(value, tuple):
                return self._members(plan, [str(v) for v in value])
            if isinstance(value, Outcome):
                return outcome_text(value)
            if change.field == "amount_cents" and (value is None or isinstance(value, int)):
                return format_amount(value) or "—"
            return "—" if value is None else str(value)

        return f"{field_text(change.field)}: {show(change.old)} → {show(change.new)}"

    def _show_decisions(self, plan: ImportPlan) -> None:
        self.decisions.setRowCount(len(plan.decisions))
        for row, planned in enumerate(plan.decisions):
            _fill_row(self.decisions, row, self._decision_cells(plan, planned))

    def _decision_cells(self, plan: ImportPlan, planned: PlannedDecision) -> list[str]:
        d = planned.decision
        return [
            status_text(planned.status),
            d.collaboration,
            outcome_text(d.outcome),
            format_amount(d.amount_cents),
            format_date(d.decision_date),
            self._members(plan, d.members),
            "; ".join(self._change(plan, c) for c in planned.changes),
        ]

    def _show_errors(self, errors: Sequence[RowError]) -> None:
        self.errors.setRowCount(len(errors))
        for row, error in enumerate(errors):
            _fill_row(self.errors, row, [str(error.row), error.column, error.value,
                                         error_text(error.code, error.details), ""])
            if error.suggested_nis:
                combo = QComboBox()
                for name, nis in zip(error.suggestions, error.suggested_nis, strict=True):
                    combo.addItem(name, nis)
                self.errors.setCellWidget(row, 4, combo)
        self.accept_button.setEnabled(any(e.suggested_nis for e in errors))
        self.exclude_button.setEnabled(bool(errors))
        self.exclude_all_button.setEnabled(bool(errors))

    def accept_suggestion(self, error_index: int, choice: int = 0) -> None:
        """Accept suggestion ``choice`` of error ``error_index`` (stored as an alias when importing)."""
        self.accept_suggestions({error_index: choice})

    def accept_suggestions(self, choices: dict[int, int]) -> None:
        """Accept, per error index, the suggestion chosen for it; errors without one are left as they are."""
        if self._plan is None:
            return
        accepted = {}
        for error_index, choice in choices.items():
            error = self._plan.errors[error_index]
            if choice < len(error.suggested_nis):
                accepted[error.value] = error.suggested_nis[choice]
        if accepted:
            self.suggestions_accepted.emit(accepted)

    def _selected(self) -> list[int]:
        return sorted({index.row() for index in self.errors.selectionModel().selectedRows()})

    def _accept_selected(self) -> None:
        """Every selected row with a suggestion: its chosen spelling."""
        choices = {}
        for index in self._selected():
            combo = self.errors.cellWidget(index, 4)
            choices[index] = combo.currentIndex() if isinstance(combo, QComboBox) else 0
        self.accept_suggestions(choices)

    def _exclude_selected(self) -> None:
        if self._plan is not None and self._selected():
            self.rows_excluded.emit(sorted({self._plan.errors[i].row for i in self._selected()}))

    def _exclude_all(self) -> None:
        if self._plan is not None and self._plan.errors:
            self.rows_excluded.emit(sorted({e.row for e in self._plan.errors}))

    def clear_plan(self) -> None:
        """Show nothing (while a new plan is prepared)."""
        self._plan = None
        for table in (self.decisions, self.errors, self.coverage):
            table.setRowCount(0)
        self.warnings.clear()
        self.coverage_day.clear()


def _decisions_table() -> QTableWidget:
    return _table(
        [
            translate("PlanView", "Status"),
            translate("PlanView", "Collaboration"),
            translate("PlanView", "Decision"),
            translate("PlanView", "Amount"),
            translate("PlanView", "Date"),
            translate("PlanView", "Municipalities"),
            translate("PlanView", "Changes"),
        ],
        "decisionsTable",
    )


def _errors_table() -> QTableWidget:
    return _table(
        [
            translate("PlanView", "Row"),
            translate("PlanView", "Column"),
            translate("PlanView", "Value"),
            translate("PlanView", "Reason"),
            translate("PlanView", "Suggestion"),
        ],
        "errorsTable",
    )
