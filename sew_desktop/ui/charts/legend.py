"""A legend that sits in the plot's layout under the axis, outside the data, and scales with exports."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType
from typing import Any

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import QGraphicsGridLayout, QGraphicsItem, QSizePolicy

LEGEND_ROW = 4  # PlotItem's layout: title 0, top axis 1, data 2, bottom axis 3
_SWATCH = 14.0


def swatch_type(pg: ModuleType, line_scale: Callable[[], float]) -> type:
    """The legend sample class: a filled square for bars, a short line in the series' pen for curves; no stray
    outline dash beside a bar's square, and a click does not hide the series."""

    class Swatch(pg.ItemSample):  # type: ignore[misc,name-defined]
        def boundingRect(self) -> QRectF:  # Qt override
            return QRectF(0, 0, 22, 20)

        def paint(self, painter: QPainter, *args: object) -> None:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            opts = self.item.opts
            if isinstance(self.item, pg.BarGraphItem):
                painter.setPen(pg.mkPen(opts["pen"]))
                painter.setBrush(pg.mkBrush(opts["brush"]))
                painter.drawRect(QRectF(3, 10 - _SWATCH / 2, _SWATCH, _SWATCH))
                return
            pen = QPen(pg.mkPen(opts["pen"]))
            pen.setWidthF(max(pen.widthF(), 2.0 * line_scale()))
            pen.setStyle(Qt.PenStyle.SolidLine)
            painter.setPen(pen)
            painter.drawLine(1, 10, 21, 10)

        def mouseClickEvent(self, event: Any) -> None:  # pyqtgraph override
            event.ignore()

    return Swatch


def outside_legend(pg: ModuleType, plot: Any, columns: int, line_scale: Callable[[], float]) -> Any:
    """A legend in its own row under the bottom axis of ``plot`` (a PlotItem), ``columns`` entries a row."""

    class OutsideLegend(pg.LegendItem):  # type: ignore[misc,name-defined]
        def updateSize(self) -> None:  # pyqtgraph override: the plot's layout sizes it
            self.updateGeometry()

        def setColumnCount(self, columns: int) -> None:  # pyqtgraph override
            """Entries in ``columns`` columns. pyqtgraph's own version keeps the old grid's row and column
            count and leaves the entries in one column once it had one; this one builds a fresh grid."""
            self.columnCount = columns
            grid = QGraphicsGridLayout()
            grid.setHorizontalSpacing(6)
            grid.setVerticalSpacing(0)
            for number, (sample, label) in enumerate(self.items):
                row, column = divmod(number, columns)
                grid.addItem(sample, row, 2 * column)
                grid.addItem(label, row, 2 * column + 1)
            self.layout = grid
            self.setLayout(grid)  # Qt deletes the old grid, not the entries
            self.updateGeometry()

    legend = OutsideLegend(colCount=columns, frame=False, labelTextSize="9pt", horSpacing=6,
                           sampleType=swatch_type(pg, line_scale))
    # pyqtgraph keeps legends at screen size whatever the painter's scale: an export at twice the resolution got
    # a legend half the size of the axis text. This one scales with the rest of the chart.
    legend.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations, False)
    legend.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)  # compact, centred under the data
    legend.setParentItem(plot)
    plot.layout.addItem(legend, LEGEND_ROW, 0, 1, 3, Qt.AlignmentFlag.AlignHCenter)  # the full width
    plot.layout.setRowStretchFactor(LEGEND_ROW, 0)
    plot.legend = legend
    return legend

