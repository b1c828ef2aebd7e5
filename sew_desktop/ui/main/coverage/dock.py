"""The coverage beside the tables: dates, the table in the published layout and the charts."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from sew_desktop.ui.i18n import date_format, from_qdate, to_qdate
from sew_desktop.ui.main.coverage.live import LiveCoverage
from sew_desktop.ui.main.coverage.table_model import CoverageTableModel


class CoverageDock(QWidget):
    """As-of and horizon dates, the coverage table, and the charts in tabs."""

    def __init__(self, live: LiveCoverage, model: CoverageTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.live = live
        self.as_of = self._date_edit("asOfDate", live.as_of)
        self.horizon = self._date_edit("horizonDate", live.horizon)
        form = QHBoxLayout()
        for text, edit in ((QCoreApplication.translate("CoverageDock", "As of"), self.as_of),
                           (QCoreApplication.translate("CoverageDock", "Forecast until"), self.horizon)):
            label = QLabel(text, self)
            label.setBuddy(edit)
            form.addWidget(label)
            form.addWidget(edit)
            form.addSpacing(12)
        form.addStretch(1)
        self.table = QTableView(self)
        self.table.setObjectName("coverageTable")
        self.table.setModel(model)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        model.widths_changed.connect(self.table.resizeColumnsToContents)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
        self.table.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.charts = QTabWidget(self)
        self.charts.setObjectName("chartTabs")
        self.charts.setMinimumHeight(320)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(form)
        layout.addWidget(self.table)
        layout.addWidget(self.charts, 1)
        self.as_of.dateChanged.connect(self._dates_edited)
        self.horizon.dateChanged.connect(self._dates_edited)
        live.dates_changed.connect(self._show_context_dates)

    def _date_edit(self, name: str, value: object) -> QDateEdit:
        edit = QDateEdit(to_qdate(value), self)  # type: ignore[arg-type]
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat(date_format(self.live.language))
        edit.setDateRange(QDate(2000, 1, 1), QDate(2100, 12, 31))  # a stray keystroke cannot give 9202
        edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance("00/00/00000") + 40)
        return edit

    def add_chart(self, title: str, chart: QWidget) -> None:
        """A chart in its own tab."""
        self.charts.addTab(chart, title)

    def _dates_edited(self, _: QDate) -> None:
        as_of, horizon = from_qdate(self.as_of.date()), from_qdate(self.horizon.date())
        if as_of is None:
            return
        horizon_edited = self.sender() is self.horizon
        self.live.set_dates(as_of, horizon if horizon_edited else None)

    def _show_context_dates(self) -> None:
        for edit, value in ((self.as_of, self.live.as_of), (self.horizon, self.live.horizon)):
            if from_qdate(edit.date()) != value:
                edit.blockSignals(True)
                edit.setDate(to_qdate(value))
                edit.blockSignals(False)
