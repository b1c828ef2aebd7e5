"""The pyqtgraph plot both charts draw in: created lazily, themed and with the bundled font."""

from __future__ import annotations

from types import ModuleType
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QPen, QResizeEvent, QTextOption
from PySide6.QtWidgets import QVBoxLayout, QWidget
from typing_extensions import override

from sew_desktop.ui.charts.fonts import chart_font
from sew_desktop.ui.charts.legend import outside_legend
from sew_desktop.ui.charts.theme import ChartTheme

PERCENT_TICKS = tuple(range(0, 101, 20))
GRID_Z = -100  # grid lines behind every series (bars and lines have z 0)


def pyqtgraph() -> ModuleType:
    """Import pyqtgraph on first use (the largest start-up cost of the app)."""
    import pyqtgraph

    pyqtgraph.setConfigOptions(antialias=True)
    module: ModuleType = pyqtgraph
    return module


class ChartBase(QWidget):
    """A widget holding one pyqtgraph PlotWidget, a theme and a language."""

    def __init__(self, parent: QWidget | None = None, *, language: str = "nl", legend_columns: int = 2) -> None:
        super().__init__(parent)
        self.pg = pyqtgraph()
        self.language = language
        self.legend_columns = legend_columns
        self.line_scale = 1.0  # cosmetic pens keep their pixel width under a scaled painter: exports multiply it
        self.plot_widget: Any = self.pg.PlotWidget(parent=self)
        self.plot: Any = self.plot_widget.getPlotItem()
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        self.plot_widget.setMouseEnabled(x=False, y=False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot_widget)
        for name in ("left", "bottom"):
            self.plot.getAxis(name).setTickFont(chart_font(9))
        self.legend: Any = outside_legend(self.pg, self.plot, legend_columns, lambda: self.line_scale)
        self.grid_lines: list[Any] = [self.pg.InfiniteLine(pos=value, angle=0, movable=False)
                                      for value in PERCENT_TICKS[1:]]
        for line in self.grid_lines:
            line.setZValue(GRID_Z)
            self.plot.addItem(line, ignoreBounds=True)
        left = self.plot.getAxis("left")
        self._ticks_left = [(v, f"{v} %") for v in PERCENT_TICKS]
        left.setTicks([self._ticks_left])
        left.setStyle(hideOverlappingLabels=14)  # "0 %" sits on the lower edge of the data: let it show
        self.theme = ChartTheme.screen(self.palette())
        self.plot.vb.sigResized.connect(self.fit_title_and_axis)

    def pen(self, colour: str, width: float, style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> QPen:
        """A cosmetic pen of ``width`` screen pixels, times the export's line scale."""
        pen: QPen = self.pg.mkPen(colour, width=width * self.line_scale, style=style)
        return pen

    def set_line_scale(self, scale: float) -> None:
        """Line widths for a picture drawn ``scale`` times the screen's resolution (a PNG export at 2×)."""
        self.line_scale = scale
        self.set_theme(self.theme)

    def set_theme(self, theme: ChartTheme) -> None:
        """Apply ``theme`` to background, axes, title and legend; subclasses colour their items."""
        self.theme = theme
        self.plot_widget.setBackground(theme.background)
        for name in ("left", "bottom"):
            axis = self.plot.getAxis(name)
            axis.setPen(self.pen(theme.foreground, 1.0))
            axis.setTextPen(theme.foreground)
            axis.label.setDefaultTextColor(self.pg.mkColor(theme.foreground))
        grid = QColor(theme.foreground)
        grid.setAlphaF(theme.grid_alpha)
        for line in self.grid_lines:
            line.setPen(self.pen(grid.name(QColor.NameFormat.HexArgb), 1.0))
        self.legend.setLabelTextColor(theme.foreground)
        self.plot.titleLabel.setAttr("color", theme.foreground)
        self.plot.titleLabel.setText(self.plot.titleLabel.text)

    def set_title(self, text: str, size: int = 11) -> None:
        """The chart title, in the theme's colour and the bundled font."""
        self.plot.setTitle(text, color=self.theme.foreground, size=f"{size}pt")
        self.plot.titleLabel.item.setFont(chart_font(size, bold=True))

    def _title_size(self, size: int) -> None:
        if self.plot.titleLabel.opts.get("size") != f"{size}pt":
            self.set_title(self.plot.titleLabel.text, size)

    def set_axis_label(self, axis: str, text: str) -> None:
        """An axis label in the bundled font."""
        self.plot.setLabel(axis, text, color=self.theme.foreground)
        self.plot.getAxis(axis).label.setFont(chart_font(9))

    def fit_legend(self) -> None:
        """The legend's entries side by side when they fit under the data, fewer a row when they do not, in a
        smaller type before they would go one under the other (a narrow dock at 150 %)."""
        room = self.width() - 8  # the legend spans the whole width under the axis
        for size in ("9pt", "7pt"):
            self._legend_text_size(size)
            widths = [sample.boundingRect().width() + label.item.boundingRect().width() + 20
                      for sample, label in self.legend.items]
            columns = self.legend_columns
            while columns > 1 and max(sum(widths[i:i + columns]) for i in range(0, len(widths), columns)) > room:
                columns -= 1
            if columns > 1 or len(widths) <= 2:
                break
        if columns != self.legend.columnCount:
            self.legend.setColumnCount(columns)

    def _legend_text_size(self, size: str) -> None:
        if self.legend.opts["labelTextSize"] != size:
            self.legend.setLabelTextSize(size)
            for _sample, label in self.legend.items:
                label.setText(label.text)  # pyqtgraph applies the new size on the next text

    def fit_title_and_axis(self) -> None:
        """A title wider than the chart breaks over two lines; the left axis label goes when it is longer than
        the axis (the title says the same); fewer ticks on a short axis, so that their labels do not overlap."""
        item = self.plot.titleLabel.item
        item.setTextWidth(-1)
        room = max(self.width() - self.plot.getAxis("left").width() - 12, 80)  # the title sits over the data
        for size in (11, 9):
            self._title_size(size)
            if item.boundingRect().width() <= room:
                break
        if item.boundingRect().width() > room:
            item.setTextWidth(room)
            item.document().setDefaultTextOption(QTextOption(Qt.AlignmentFlag.AlignHCenter))
        self.plot.titleLabel.setMinimumWidth(min(item.boundingRect().width(), room))
        height = max(item.boundingRect().height(), 30.0)  # pyqtgraph fixes the title's row at 30 pixels
        self.plot.titleLabel.setMaximumHeight(height)
        self.plot.layout.setRowFixedHeight(0, height)
        axis = self.plot.getAxis("left")
        height = self.plot.vb.height()
        text_height = axis.label.boundingRect().width()
        axis.showLabel(bool(axis.labelText) and text_height < max(height, 1.0))
        line = self.fontMetrics().height() * 1.6
        step = next((s for s in (20, 25, 50) if height / (100 / s) >= line), 100)
        ticks = [(v, f"{v} %") for v in range(0, 101, step)]
        if ticks != self._ticks_left:
            self._ticks_left = ticks
            axis.setTicks([ticks])

    @override
    def resizeEvent(self, event: QResizeEvent) -> None:
        """Legend, title, axis label and ticks follow the size."""
        super().resizeEvent(event)
        self.fit_legend()
        self.fit_title_and_axis()

    @override
    def changeEvent(self, event: QEvent) -> None:
        """Follow the system light/dark palette while the screen theme is active."""
        if event.type() == QEvent.Type.PaletteChange and self.theme.follows_palette:
            self.set_theme(ChartTheme.screen(self.palette()))
        super().changeEvent(event)
