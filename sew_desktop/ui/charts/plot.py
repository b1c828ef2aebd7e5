"""The pyqtgraph plot both charts draw in: created lazily, themed and with the bundled font."""

from __future__ import annotations

from types import ModuleType
from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget
from typing_extensions import override

from sew_desktop.ui.charts.fonts import chart_font
from sew_desktop.ui.charts.theme import ChartTheme


def pyqtgraph() -> ModuleType:
    """Import pyqtgraph on first use (the largest start-up cost of the app)."""
    import pyqtgraph

    pyqtgraph.setConfigOptions(antialias=True)
    module: ModuleType = pyqtgraph
    return module


class ChartBase(QWidget):
    """A widget holding one pyqtgraph PlotWidget, a theme and a language."""

    def __init__(self, parent: QWidget | None = None, *, language: str = "nl") -> None:
        super().__init__(parent)
        self.pg = pyqtgraph()
        self.language = language
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
        self.legend: Any = self.plot.addLegend(offset=(10, 5), labelTextSize="9pt")
        self.theme = ChartTheme.screen(self.palette())

    def set_theme(self, theme: ChartTheme) -> None:
        """Apply ``theme`` to background, axes, title and legend; subclasses colour their items."""
        self.theme = theme
        self.plot_widget.setBackground(theme.background)
        for name in ("left", "bottom"):
            axis = self.plot.getAxis(name)
            axis.setPen(theme.foreground)
            axis.setTextPen(theme.foreground)
            axis.label.setDefaultTextColor(self.pg.mkColor(theme.foreground))
        self.plot.showGrid(x=False, y=True, alpha=theme.grid_alpha)
        self.legend.setLabelTextColor(theme.foreground)
        self.legend.setBrush(self.pg.mkBrush(theme.background))
        self.legend.setPen(self.pg.mkPen(theme.foreground, width=0.5))
        self.plot.titleLabel.setAttr("color", theme.foreground)
        self.plot.titleLabel.setText(self.plot.titleLabel.text)

    def set_title(self, text: str) -> None:
        """The chart title, in the theme's colour and the bundled font."""
        self.plot.setTitle(text, color=self.theme.foreground, size="11pt")
        self.plot.titleLabel.item.setFont(chart_font(11, bold=True))

    def set_axis_label(self, axis: str, text: str) -> None:
        """An axis label in the bundled font."""
        self.plot.setLabel(axis, text, color=self.theme.foreground)
        self.plot.getAxis(axis).label.setFont(chart_font(9))

    @override
    def changeEvent(self, event: QEvent) -> None:
        """Follow the system light/dark palette while the screen theme is active."""
        if event.type() == QEvent.Type.PaletteChange and self.theme.follows_palette:
            self.set_theme(ChartTheme.screen(self.palette()))
        super().changeEvent(event)
