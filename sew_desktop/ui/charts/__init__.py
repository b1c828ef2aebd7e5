"""pyqtgraph charts of the coverage: bars per province and coverage over time (pyqtgraph is imported lazily)."""

from sew_desktop.ui.charts.bar_chart import ChartKind, CoverageBarChart
from sew_desktop.ui.charts.theme import ChartTheme
from sew_desktop.ui.charts.timeline_chart import TimelineChart

__all__ = ["ChartKind", "ChartTheme", "CoverageBarChart", "TimelineChart"]
