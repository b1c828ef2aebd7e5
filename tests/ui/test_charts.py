from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPalette
from pytestqt.qtbot import QtBot

from sew_desktop.domain.coverage import CoverageReport, CoverageTimeline, coverage_timeline
from sew_desktop.services.databases import open_repository
from sew_desktop.services.report import coverage_report
from sew_desktop.ui.charts import ChartKind, ChartTheme, CoverageBarChart, TimelineChart
from sew_desktop.ui.charts.timeline_chart import month_ticks
from tests.ui.translators import dutch

AS_OF, HORIZON = date(2022, 10, 17), date(2022, 12, 31)


@pytest.fixture
def demo_report(demo_path: Path) -> CoverageReport:
    repository = open_repository(demo_path)
    try:
        return coverage_report(repository, AS_OF, HORIZON)
    finally:
        repository.close()


@pytest.fixture
def demo_timeline(demo_path: Path) -> CoverageTimeline:
    repository = open_repository(demo_path)
    try:
        return coverage_timeline(repository.coverage_input(), AS_OF, HORIZON)
    finally:
        repository.close()


def test_bar_heights_follow_the_report(qtbot: QtBot, demo_report: CoverageReport) -> None:
    chart = CoverageBarChart(ChartKind.MUNICIPALITIES, language="en")
    qtbot.addWidget(chart)
    chart.set_report(demo_report)
    assert chart.heights(0) == [r.municipalities_reached.percent_detail for r in demo_report.rows]
    assert chart.heights(1) == [r.municipalities_forecast.percent_detail for r in demo_report.rows]
    assert chart.heights(0)[0] == 71.9
    assert [label.textItem.toPlainText() for label in chart.labels[0]][:2] == ["72 %", "92 %"]


def test_region_chart_shows_regiegebieden(qtbot: QtBot, demo_report: CoverageReport) -> None:
    chart = CoverageBarChart(ChartKind.REGIONS, language="en")
    qtbot.addWidget(chart)
    chart.set_report(demo_report)
    assert chart.heights(0)[0] == 60.0
    assert chart.bar_tooltip(1, 5) == "33/37 regiegebieden — 89.2 %"


def test_second_report_updates_the_same_items(qtbot: QtBot, demo_path: Path, demo_report: CoverageReport) -> None:
    chart = CoverageBarChart(ChartKind.MUNICIPALITIES)
    qtbot.addWidget(chart)
    chart.set_report(demo_report)
    items_before = list(chart.plot.items)
    bars_before, labels_before = list(chart.bars), [list(row) for row in chart.labels]
    repository = open_repository(demo_path)
    later = coverage_report(repository, date(2021, 6, 1), date(2021, 12, 31))
    repository.close()
    chart.set_report(later)
    assert chart.plot.items == items_before
    assert chart.bars == bars_before and chart.labels == labels_before
    assert chart.heights(0) == [r.municipalities_reached.percent_detail for r in later.rows]
    assert chart.heights(0) != [r.municipalities_reached.percent_detail for r in demo_report.rows]


def test_tooltip_in_english_and_dutch(qtbot: QtBot, demo_report: CoverageReport) -> None:
    english = CoverageBarChart(ChartKind.MUNICIPALITIES, language="en")
    qtbot.addWidget(english)
    english.set_report(demo_report)
    assert english.bar_tooltip(0, 0) == "46/64 municipalities — 71.9 %"
    with dutch("charts", "labels"):
        chart = CoverageBarChart(ChartKind.MUNICIPALITIES, language="nl")
        qtbot.addWidget(chart)
        chart.set_report(demo_report)
        assert chart.bar_tooltip(0, 0) == "46/64 gemeenten — 71,9 %"
        chart.resize(1200, 500)
        chart.show()
        qtbot.waitExposed(chart)
        assert chart.plot.getAxis("bottom")._tickLevels[0][0][1] == "West-Vlaanderen"
        chart.resize(480, 400)  # too narrow for six names side by side: they break after the hyphen
        assert chart.plot.getAxis("bottom")._tickLevels[0][0][1] == "West-\nVlaanderen"
        assert chart.plot.getAxis("bottom")._tickLevels[0][4][1] == "Limburg"


def test_hovering_a_bar_sets_its_tooltip(qtbot: QtBot, demo_report: CoverageReport) -> None:
    chart = CoverageBarChart(ChartKind.MUNICIPALITIES, language="en")
    qtbot.addWidget(chart)
    chart.resize(800, 500)
    chart.show()
    qtbot.waitExposed(chart)
    chart.set_report(demo_report)
    scene = chart.plot_widget.scene()
    scene.sigMouseMoved.emit(chart.plot.vb.mapViewToScene(QPointF(5.2, 30)))
    assert chart.plot_widget.toolTip() == "229/300 municipalities — 76.3 %"
    scene.sigMouseMoved.emit(chart.plot.vb.mapViewToScene(QPointF(0.0, 30)))
    assert chart.plot_widget.toolTip() == ""


def test_print_theme_is_white_and_screen_theme_follows_the_palette(qtbot: QtBot) -> None:
    chart = CoverageBarChart(ChartKind.MUNICIPALITIES)
    qtbot.addWidget(chart)
    chart.set_theme(ChartTheme.printing())
    assert chart.plot_widget.backgroundBrush().color() == QColor("#ffffff")
    dark = QPalette()
    dark.setColor(QPalette.ColorRole.Base, QColor("#202020"))
    dark.setColor(QPalette.ColorRole.Text, QColor("#eeeeee"))
    chart.set_theme(ChartTheme.screen(chart.palette()))
    chart.setPalette(dark)
    assert chart.plot_widget.backgroundBrush().color() == QColor("#202020")
    assert chart.bars[0].opts["brush"].color() == QColor(ChartTheme.screen(dark).as_of)


def test_timeline_has_a_dashed_forecast_and_a_thicker_flanders(qtbot: QtBot, demo_timeline: CoverageTimeline) -> None:
    chart = TimelineChart(language="en")
    qtbot.addWidget(chart)
    chart.set_timeline(demo_timeline)
    dashed = chart.dashed_items()
    assert len(dashed) == 6
    assert all(item.opts["pen"].style() == Qt.PenStyle.DashLine for item in dashed)
    assert chart.actual[0].opts["pen"].style() == Qt.PenStyle.SolidLine
    assert chart.actual[5].opts["pen"].widthF() > chart.actual[0].opts["pen"].widthF()
    flanders = demo_timeline.area("Vlaanderen")
    assert list(chart.actual[5].yData)[-1] == flanders.reached[demo_timeline.first_forecast - 1].percent_detail
    assert list(dashed[5].yData)[-1] == 76.3
    items = list(chart.plot.items)
    chart.set_timeline(demo_timeline)
    assert chart.plot.items == items


def test_month_ticks_are_mm_yyyy_and_few() -> None:
    ticks = month_ticks(date(2020, 1, 1), date(2022, 12, 31))
    assert ticks[0][1] == "01/2020"
    assert len(ticks) <= 9
    assert all(len(label) == 7 and label[2] == "/" for _, label in ticks)
