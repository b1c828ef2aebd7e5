"""The coverage table in the published layout (read-only)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QFont
from typing_extensions import override

from sew_desktop.domain.coverage import AreaCoverage, CoverageReport
from sew_desktop.domain.rounding import Ratio
from sew_desktop.ui.core.columns import AnyIndex
from sew_desktop.ui.core.i18n import Language, format_percent
from sew_desktop.ui.core.labels import area_label, published_headers

RATIO_ROLE = Qt.ItemDataRole.UserRole + 10


NOTHING_TO_COUNT = "–"


class CoverageTableModel(QAbstractTableModel):
    """Rows West-Vlaanderen … Limburg, Vlaanderen; columns ratio and % for reached / forecast / regiegebieden.

    ``widths_changed`` when a column's longest text got longer or shorter (resizing on every change costs).
    """

    widths_changed = Signal()

    def __init__(self, language: Language, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.language = language
        self.report: CoverageReport | None = None
        self._lengths: list[int] = []
        self.headers = list(published_headers(stacked=True))

    def set_report(self, report: CoverageReport) -> None:
        """Show new figures (same shape: dataChanged; first time or other areas: reset)."""
        same_shape = self.report is not None and [r.area for r in self.report.rows] == [r.area for r in report.rows]
        if same_shape:
            self.report = report
            self.dataChanged.emit(self.index(0, 0), self.index(len(report.rows) - 1, len(self.headers) - 1))
        else:
            self.beginResetModel()
            self.report = report
            self.endResetModel()
        lengths = self._text_lengths()
        if lengths != self._lengths:
            self._lengths = lengths
            self.widths_changed.emit()

    def _text_lengths(self) -> list[int]:
        """The longest text per column: the view resizes its columns only when these change."""
        return [max((len(str(self.index(r, c).data())) for r in range(self.rowCount())), default=0)
                for c in range(self.columnCount())]

    @override
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        """Areas."""
        return 0 if parent.isValid() or self.report is None else len(self.report.rows)

    @override
    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        """Nine columns."""
        return 0 if parent.isValid() else len(self.headers)

    @override
    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Column titles."""
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section] if 0 <= section < len(self.headers) else None
        return None

    @staticmethod
    def ratio(row: AreaCoverage, column: int) -> Ratio | None:
        """The ratio behind a column (columns 1-8 come in pairs)."""
        if column < 1:
            return None
        ratios = (row.municipalities_reached, row.municipalities_forecast, row.regions_with_agreement,
                  row.regions_forecast)
        return ratios[(column - 1) // 2]

    @override
    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """"46/64" and "72 %"; tooltips with one decimal."""
        if self.report is None or not index.isValid():
            return None
        row = self.report.rows[index.row()]
        ratio = self.ratio(row, index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            if ratio is None:
                return area_label(row.area, row.province_nis)
            if ratio.total == 0:
                return NOTHING_TO_COUNT  # "0/0 0 %" would read as a result; there is nothing to count
            return str(ratio) if index.column() % 2 == 1 else format_percent(ratio.percent, self.language)
        if role == Qt.ItemDataRole.ToolTipRole and ratio is not None and ratio.total > 0:
            return f"{ratio} — {format_percent(ratio.percent_detail, self.language, 1)}"
        if role == Qt.ItemDataRole.TextAlignmentRole and ratio is not None:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == RATIO_ROLE:
            return ratio
        if role == Qt.ItemDataRole.FontRole and row.province_nis is None:
            font = QFont()
            font.setBold(True)
            return font
        return None
