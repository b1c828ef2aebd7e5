"""The coverage beside the tables: dates, the table in the published layout and the charts."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QObject, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from sew_desktop.ui.core.i18n import date_format, from_qdate, to_qdate
from sew_desktop.ui.core.later import next_turn
from sew_desktop.ui.core.live import LiveCoverage
from sew_desktop.ui.coverage.date_entry import TypedDateEdit
from sew_desktop.ui.coverage.table_model import CoverageTableModel

CHARTS_MINIMUM_HEIGHT = 150  # the whole table first (its Flanders row is the answer), then the chart
TABLE_MINIMUM_ROWS = 2  # the splitter never hides the table below its header and two rows


class CoverageDock(QScrollArea):
    """As-of and horizon dates, the coverage table, and the charts in tabs.

    On a small screen (1366×768 at 150 %) nothing is cut off: the table scrolls sideways when its columns do not
    fit, a splitter shares the height between table and charts, and the whole dock scrolls below its minimum.
    """

    def __init__(self, live: LiveCoverage, model: CoverageTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("coverageDockContents")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes from the dates to the table, not to this frame
        content = QWidget(self)
        self.live = live
        self.as_of = self._date_edit("asOfDate", live.as_of)
        self.horizon = self._date_edit("horizonDate", live.horizon)
        form = self._date_form()
        self.form = form
        self.table = self._coverage_table(model)
        self.charts = QTabWidget(self)
        self.charts.setObjectName("chartTabs")
        self.charts.setMinimumHeight(CHARTS_MINIMUM_HEIGHT)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("coverageSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.charts)
        self.splitter.setStretchFactor(1, 1)
        self.fitter = TableFitter(self.table, self.splitter)
        model.widths_changed.connect(self.fitter.fit)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(form)
        layout.addWidget(self.splitter, 1)
        self.setWidget(content)
        self._dates_width = form.sizeHint().width() + 8
        self.as_of.dateChanged.connect(self._dates_edited)
        self.horizon.dateChanged.connect(self._dates_edited)
        live.dates_changed.connect(self._show_context_dates)

    def _date_form(self) -> QBoxLayout:
        form = QBoxLayout(QBoxLayout.Direction.LeftToRight)  # top to bottom when the dock is narrow
        for text, edit in ((QCoreApplication.translate("CoverageDock", "As of"), self.as_of),
                           (QCoreApplication.translate("CoverageDock", "Forecast until"), self.horizon)):
            label = QLabel(text, self)
            label.setBuddy(edit)
            pair = QHBoxLayout()
            pair.addWidget(label)
            pair.addWidget(edit)
            pair.addStretch(1)
            form.addLayout(pair)
        form.addStretch(1)
        return form

    def _coverage_table(self, model: CoverageTableModel) -> QTableView:
        table = QTableView(self)
        table.setObjectName("coverageTable")
        table.setModel(model)
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        table.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        return table

    @override
    def resizeEvent(self, event: QResizeEvent) -> None:
        """The two dates side by side when they fit, one under the other when the dock is narrow."""
        super().resizeEvent(event)
        wide = self.viewport().width() >= self._dates_width
        direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        if self.form.direction() != direction:
            self.form.setDirection(direction)

    def _date_edit(self, name: str, value: object) -> QDateEdit:
        edit = TypedDateEdit(to_qdate(value), self)  # type: ignore[arg-type]
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


class TableFitter(QObject):
    """Columns as wide as their contents; the table as high as its rows (plus the sideways scroll bar when the
    columns are wider than the dock) until the user drags the splitter."""

    def __init__(self, table: QTableView, splitter: QSplitter) -> None:
        super().__init__(table)
        self.table = table
        self.splitter = splitter
        self.dragged = False
        splitter.splitterMoved.connect(self._dragged)
        table.installEventFilter(self)
        splitter.installEventFilter(self)  # a smaller window takes height from the chart, not from the table

    def _dragged(self, _position: int, _index: int) -> None:
        self.dragged = True

    def content_height(self) -> int:
        """Header, every row, the frame and, when the columns do not fit, the horizontal scroll bar."""
        table = self.table
        rows = sum(table.rowHeight(r) for r in range(table.model().rowCount()))
        height = table.horizontalHeader().height() + rows + 2 * table.frameWidth()
        if table.horizontalHeader().length() > table.width() - 2 * table.frameWidth():
            height += table.horizontalScrollBar().sizeHint().height()
        return height

    def fit(self) -> None:
        """Resize the columns to their contents and give the table the height of its rows."""
        self.table.resizeColumnsToContents()
        self.table.resizeRowsToContents()
        rows = [self.table.rowHeight(r) for r in range(min(TABLE_MINIMUM_ROWS, self.table.model().rowCount()))]
        self.table.setMinimumHeight(self.table.horizontalHeader().height() + sum(rows) + 2 * self.table.frameWidth())
        self.table.setMaximumHeight(self.content_height())
        self._split()

    def _split(self) -> None:
        """Until the user drags the splitter: the table its content height, the chart the rest (at least its
        minimum)."""
        if self.dragged:
            return
        total = sum(self.splitter.sizes())
        table_height = min(self.content_height(), max(total - CHARTS_MINIMUM_HEIGHT, 0))
        if self.splitter.sizes() != [table_height, total - table_height]:
            self.splitter.setSizes([table_height, total - table_height])

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A new width may add or remove the horizontal scroll bar: fit the height again."""
        if event.type() == QEvent.Type.Show:
            self.fit()
        elif event.type() == QEvent.Type.Resize and watched is self.splitter:
            next_turn(self, self._split)  # after the splitter has shared out its new height itself
        elif event.type() == QEvent.Type.Resize:
            self.table.setMaximumHeight(self.content_height())
        return False
