"""The three coverage charts in the dock: fed by the refresher, each with an export context menu."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, Qt
from PySide6.QtWidgets import QMenu

from sew_desktop.domain.coverage import CoverageReport
from sew_desktop.services.report import timeline_report
from sew_desktop.ui.charts.bar_chart import ChartKind, CoverageBarChart
from sew_desktop.ui.charts.plot import ChartBase
from sew_desktop.ui.charts.timeline_chart import TimelineChart
from sew_desktop.ui.i18n import Language
from sew_desktop.ui.main.session import Session

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


def add_charts(session: Session, language: Language) -> CoverageCharts:
    """Create the charts in the dock's tabs and let every refresh update them in place."""
    charts = CoverageCharts(CoverageBarChart(ChartKind.MUNICIPALITIES, language=language.value),
                            CoverageBarChart(ChartKind.REGIONS, language=language.value),
                            TimelineChart(language=language.value))
    titles = {
        "provinces": QCoreApplication.translate("CoverageCharts", "Municipalities"),
        "regions": QCoreApplication.translate("CoverageCharts", "Regiegebieden"),
        "timeline": QCoreApplication.translate("CoverageCharts", "Over time"),
    }
    names = {"provinces": "provinceChart", "regions": "regionChart", "timeline": "timelineChart"}
    for key, chart in charts.by_key().items():
        chart.setObjectName(names[key])
        session.dock.add_chart(titles[key], chart)

    def show_timeline(report: CoverageReport) -> None:
        charts.timeline.set_timeline(timeline_report(session.repository, report.as_of, report.horizon))

    session.refresher.views += [WhenVisible(charts.provinces, charts.provinces.set_report),
                                WhenVisible(charts.regions, charts.regions.set_report),
                                WhenVisible(charts.timeline, show_timeline)]
    return charts


class WhenVisible(QObject):
    """Hands a report to a chart at once when it is on screen, else when it is next shown (another tab, a
    closed dock): only visible charts cost time after an edit."""

    def __init__(self, chart: ChartBase, update: Callable[[CoverageReport], None]) -> None:
        super().__init__(chart)
        self.chart = chart
        self.update = update
        self.pending: CoverageReport | None = None
        chart.installEventFilter(self)

    def __call__(self, report: CoverageReport) -> None:
        """A new report."""
        self.pending = report
        if self.chart.isVisible():
            self.flush()

    def flush(self) -> None:
        """Show the pending report, if any."""
        if self.pending is not None:
            report, self.pending = self.pending, None
            self.update(report)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Catch up when the chart is shown."""
        if event.type() == QEvent.Type.Show:
            self.flush()
        return False


def chart_menu(chart: ChartBase, key: str, export: ExportChart) -> QMenu:
    """The context menu of one chart: export it as PNG, SVG or PDF."""
    menu = QMenu(chart)
    menu.setObjectName(f"{key}ChartMenu")
    for fmt, text in (("png", QCoreApplication.translate("CoverageCharts", "Export as PNG…")),
                      ("svg", QCoreApplication.translate("CoverageCharts", "Export as SVG…")),
                      ("pdf", QCoreApplication.translate("CoverageCharts", "Export as PDF…"))):
        menu.addAction(text).triggered.connect(lambda _=False, f=fmt: export(f))
    return menu


def add_context_menus(charts: CoverageCharts, export: Callable[[str, str], object]) -> dict[str, QMenu]:
    """Right-click on a chart offers its export; the menus by chart key."""
    menus = {}
    for key, chart in charts.by_key().items():
        menu = chart_menu(chart, key, partial(export, key))
        chart.plot_widget.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

        def popup(position: QPoint, chart: ChartBase = chart, menu: QMenu = menu) -> None:
            menu.popup(chart.plot_widget.mapToGlobal(position))

        chart.plot_widget.customContextMenuRequested.connect(popup)
        menus[key] = menu
    return menus
