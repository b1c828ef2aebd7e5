"""The three coverage charts in the dock: fed by the live coverage's signals, each with an export context menu."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import cast

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtWidgets import QMenu
from typing_extensions import override

from sew_desktop.domain.coverage import CoverageReport
from sew_desktop.ui.charts.bar_chart import ChartKind, CoverageBarChart
from sew_desktop.ui.charts.plot import ChartBase
from sew_desktop.ui.charts.timeline_chart import TimelineChart
from sew_desktop.ui.core.i18n import Language
from sew_desktop.ui.core.later import next_turn
from sew_desktop.ui.core.lazy_page import LazyPage
from sew_desktop.ui.core.live import LiveCoverage
from sew_desktop.ui.coverage.dock import CoverageDock

ExportChart = Callable[[str], object]


@dataclass
class CoverageCharts:
    """Municipalities and regiegebieden per province, and coverage over time."""

    provinces: CoverageBarChart
    regions: CoverageBarChart
    timeline: TimelineChart

    def by_key(self) -> dict[str, ChartBase]:
        """The charts under the export keys ("provinces", "regions", "timeline")."""
        return {"provinces": self.provinces, "regions": self.regions, "timeline": self.timeline}


class LazyCharts(QObject):
    """The dock's charts, each built when its tab is first painted (the others one event-loop turn later, or on
    demand), then fed by the live coverage. ``built()`` once the first chart is on screen.

    ``export_requested(key, format)`` when the user asks a chart's context menu for an export, ``copy_requested(key)``
    for a copy as an image.
    """

    built = Signal()
    export_requested = Signal(str, str)
    copy_requested = Signal(str)

    def __init__(self, live: LiveCoverage, dock: CoverageDock, language: Language) -> None:
        super().__init__(dock)
        self.live = live
        self.language = language
        self.charts: CoverageCharts | None = None
        self._made: dict[str, ChartBase] = {}
        self.slots = {key: LazyPage(f"{CHART_NAMES[key]}Slot") for key in CHART_NAMES}
        for key, slot in self.slots.items():
            dock.add_chart(chart_title(key), slot)
            slot.first_painted.connect(partial(self._first_sight, key))

    def _first_sight(self, key: str) -> None:
        """A chart's tab painted for the first time: that chart now, the others in a later turn."""
        first = not self._made
        self._make(key)
        if first:
            self.built.emit()
            next_turn(self, self.build)  # the window answers the user meanwhile

    def build(self) -> CoverageCharts:
        """Every chart, created on the first call (those not made yet) and shown with the latest figures."""
        if self.charts is not None:
            return self.charts
        for key in CHART_NAMES:
            self._make(key)
        made = self._made
        charts = CoverageCharts(cast(CoverageBarChart, made["provinces"]), cast(CoverageBarChart, made["regions"]),
                                cast(TimelineChart, made["timeline"]))
        self.charts = charts
        return charts

    def _make(self, key: str) -> None:
        if key in self._made:
            return
        chart: ChartBase
        if key == "timeline":
            timeline = TimelineChart(language=self.language.value)
            chart = timeline
        else:
            kind = ChartKind.MUNICIPALITIES if key == "provinces" else ChartKind.REGIONS
            chart = CoverageBarChart(kind, language=self.language.value)
        chart.setObjectName(CHART_NAMES[key])
        self.slots[key].hold(chart)
        self._made[key] = chart
        if isinstance(chart, TimelineChart):
            TimelineFeed(chart, self.live)
        elif isinstance(chart, CoverageBarChart):
            feed = WhenVisible(chart, chart.set_report)
            # A method of a child of the chart: the connection ends with the chart (a window closed and deleted
            # while its live coverage still has a refresh pending).
            self.live.report_changed.connect(feed.receive)
            feed.receive(self.live.report)
        add_context_menu(chart, key, partial(self.export_requested.emit, key), partial(self.copy_requested.emit, key))


CHART_NAMES = {"provinces": "provinceChart", "regions": "regionChart", "timeline": "timelineChart"}


def chart_title(key: str) -> str:
    """The tab title of a chart."""
    titles = {
        "provinces": QCoreApplication.translate("CoverageCharts", "Municipalities"),
        "regions": QCoreApplication.translate("CoverageCharts", "Regiegebieden"),
        "timeline": QCoreApplication.translate("CoverageCharts", "Over time"),
    }
    return titles[key]


class WhenVisible(QObject):
    """Hands a report to a chart at once when it is on screen, else when it is next shown (another tab, a
    closed dock): only visible charts cost time after an edit."""

    def __init__(self, chart: ChartBase, update: Callable[[CoverageReport], None]) -> None:
        super().__init__(chart)
        self.chart = chart
        self.update = update
        self.pending: CoverageReport | None = None
        chart.installEventFilter(self)

    def receive(self, report: CoverageReport) -> None:
        """A new report."""
        self.pending = report
        if self.chart.isVisible():
            self.flush()

    def flush(self) -> None:
        """Show the pending report, if any."""
        if self.pending is not None:
            report, self.pending = self.pending, None
            self.update(report)

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Catch up when the chart is shown."""
        if event.type() == QEvent.Type.Show:
            self.flush()
        return False


class TimelineFeed(QObject):
    """The timeline is computed only while its chart is on screen: it asks for it when shown."""

    def __init__(self, chart: TimelineChart, live: LiveCoverage) -> None:
        super().__init__(chart)
        self.live = live
        live.timeline_changed.connect(chart.set_timeline)
        chart.installEventFilter(self)
        if chart.isVisible():
            live.want_timeline(True)

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Shown: wanted (and brought up to date); hidden: not computed after edits."""
        if event.type() in (QEvent.Type.Show, QEvent.Type.Hide):
            self.live.want_timeline(event.type() == QEvent.Type.Show)
        return False


def chart_menu(chart: ChartBase, key: str, export: ExportChart, copy: Callable[[], object] | None = None) -> QMenu:
    """The context menu of one chart: copy it as an image (for a note), export it as PNG, SVG or PDF."""
    menu = QMenu(chart)
    menu.setObjectName(f"{key}ChartMenu")
    if copy is not None:
        copy_action = menu.addAction(QCoreApplication.translate("CoverageCharts", "Copy as image"))
        copy_action.setObjectName("copyChartImage")
        copy_action.triggered.connect(lambda _=False: copy())
        menu.addSeparator()
    for fmt, text in (("png", QCoreApplication.translate("CoverageCharts", "Export as PNG…")),
                      ("svg", QCoreApplication.translate("CoverageCharts", "Export as SVG…")),
                      ("pdf", QCoreApplication.translate("CoverageCharts", "Export as PDF…"))):
        menu.addAction(text).triggered.connect(lambda _=False, f=fmt: export(f))
    return menu


def add_context_menu(chart: ChartBase, key: str, export: ExportChart,
                     copy: Callable[[], object] | None = None) -> QMenu:
    """Right-click on a chart offers to copy it as an image and to export it."""
    menu = chart_menu(chart, key, export, copy)
    chart.plot_widget.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

    def popup(position: QPoint) -> None:
        menu.popup(chart.plot_widget.mapToGlobal(position))

    chart.plot_widget.customContextMenuRequested.connect(popup)
    return menu
