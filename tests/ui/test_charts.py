from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPalette
from PySide6.QtWidgets import QGraphicsItem
from pytestqt.qtbot import QtBot

from sew_desktop.domain.coverage import CountChange, CoverageReport, CoverageTimeline, coverage_timeline
from sew_desktop.services.databases import open_repository
from sew_desktop.services.report import coverage_report
from sew_desktop.ui.charts import ChartKind, ChartTheme, CoverageBarChart, TimelineChart
from sew_desktop.ui.charts.plot import ChartBase
from sew_desktop.ui.charts.timeline_chart import marker_text, month_ticks
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


def test_narrow_bars_keep_their_figures_without_the_percent_sign(qtbot: QtBot, demo_report: CoverageReport) -> None:
    """A dock at 150 % on a 1366x768 screen has no room for "100 %" above a bar; "100" still fits (the axis
    is in %); narrower still, the labels go and the tooltips keep the figures."""
    chart = CoverageBarChart(ChartKind.MUNICIPALITIES, language="en")
    qtbot.addWidget(chart)
    chart.set_report(demo_report)
    texts: dict[int, list[str]] = {}
    shown(qtbot, chart)
    for width in (900, 450, 300):
        before: float = chart.plot.vb.width()

        def laid_out(before: float = before) -> bool:  # at the new width
            return bool(chart.plot.vb.width() != before)

        chart.resize(width, 400)
        qtbot.waitUntil(laid_out)
        qtbot.wait(20)
        texts[width] = [label.textItem.toPlainText() for label in chart.labels[0] if label.isVisible()][:2]
    assert texts == {900: ["72 %", "92 %"], 450: ["72", "92"], 300: []}
    chart.resize(900, 400)
    qtbot.wait(20)
    assert [label.textItem.toPlainText() for label in chart.labels[1]][:2] == ["89 %", "92 %"]


def test_region_chart_shows_regiegebieden(qtbot: QtBot, demo_report: CoverageReport) -> None:
    chart = CoverageBarChart(ChartKind.REGIONS, language="en")
    qtbot.addWidget(chart)
    chart.set_report(demo_report)
    assert chart.heights(0)[0] == 60.0
    assert chart.bar_tooltip(1, 5) == "Flanders — Forecast 31/12/2022\n33/37 regiegebieden — 89.2 %"


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
    assert english.bar_tooltip(0, 0) == "West Flanders — As of 17/10/2022\n46/64 municipalities — 71.9 %"
    with dutch("charts", "labels"):
        chart = CoverageBarChart(ChartKind.MUNICIPALITIES, language="nl")
        qtbot.addWidget(chart)
        chart.set_report(demo_report)
        assert chart.bar_tooltip(0, 0) == "West-Vlaanderen — Stand op 17/10/2022\n46/64 gemeenten — 71,9 %"
        chart.resize(1200, 500)
        chart.show()
        qtbot.waitExposed(chart)
        assert chart.plot.getAxis("bottom")._tickLevels[0][0][1] == "West-Vlaanderen"
        chart.resize(480, 400)  # too narrow for six names side by side: they break after the hyphen
        assert chart.plot.getAxis("bottom")._tickLevels[0][0][1] == "West-\nVlaanderen"
        assert chart.plot.getAxis("bottom")._tickLevels[0][4][1] == "Limburg"


def move_mouse_to(qtbot: QtBot, chart: ChartBase, x: float, y: float) -> None:
    """A real mouse move over the chart's viewport at data point (x, y)."""
    scene_point = chart.plot.vb.mapViewToScene(QPointF(x, y))
    widget_point = chart.plot_widget.mapFromScene(scene_point)
    qtbot.mouseMove(chart.plot_widget.viewport(), widget_point)
    qtbot.wait(20)


def test_hovering_a_bar_sets_its_tooltip_naming_area_and_series(qtbot: QtBot, demo_report: CoverageReport) -> None:
    chart = CoverageBarChart(ChartKind.MUNICIPALITIES, language="en")
    qtbot.addWidget(chart)
    chart.resize(800, 500)
    chart.show()
    qtbot.waitExposed(chart)
    chart.set_report(demo_report)
    move_mouse_to(qtbot, chart, 5.2, 30)
    assert chart.plot_widget.toolTip() == "Flanders — Forecast 31/12/2022\n229/300 municipalities — 76.3 %"
    move_mouse_to(qtbot, chart, -0.2, 30)
    assert chart.plot_widget.toolTip() == "West Flanders — As of 17/10/2022\n46/64 municipalities — 71.9 %"
    move_mouse_to(qtbot, chart, 0.0, 30)
    assert chart.plot_widget.toolTip() == ""


def shown(qtbot: QtBot, chart: ChartBase, width: int = 800, height: int = 500) -> None:
    chart.resize(width, height)
    chart.show()
    qtbot.waitExposed(chart)
    qtbot.wait(20)


def test_percent_axis_runs_from_a_labelled_0_to_100_without_a_band_above(qtbot: QtBot,
                                                                         demo_report: CoverageReport) -> None:
    chart = CoverageBarChart(ChartKind.REGIONS, language="en")
    qtbot.addWidget(chart)
    shown(qtbot, chart)
    chart.set_report(demo_report)
    low, high = chart.plot.vb.viewRange()[1]
    assert low == 0
    label_room = 100 * (chart.labels[0][0].textItem.boundingRect().height() + 2) / chart.plot.vb.height()
    assert 100 < high <= 100 + 2 * label_room + 1  # just the value labels of 100 % bars above, not a legend band
    ticks = chart.plot.getAxis("left")._tickLevels[0]
    assert ticks[0] == (0, "0 %") and ticks[-1] == (100, "100 %")
    assert chart.plot.getAxis("left").style["hideOverlappingLabels"] is not True  # the 0 % label is drawn


def test_grid_lies_behind_the_bars_and_the_legend_outside_the_data(qtbot: QtBot, demo_report: CoverageReport,
                                                                   demo_timeline: CoverageTimeline) -> None:
    bars = CoverageBarChart(ChartKind.MUNICIPALITIES, language="en")
    timeline = TimelineChart(language="en")
    for chart in (bars, timeline):
        qtbot.addWidget(chart)
        shown(qtbot, chart, 600, 420)
    bars.set_report(demo_report)
    timeline.set_timeline(demo_timeline)
    qtbot.wait(20)
    assert not bars.plot.ctrl.yGridCheck.isChecked()  # no axis grid drawn over the items
    assert bars.grid_lines and all(line.zValue() < bars.bars[0].zValue() for line in bars.grid_lines)
    for chart in (bars, timeline):
        data = chart.plot.vb.sceneBoundingRect()
        legend = chart.legend.sceneBoundingRect()
        assert legend.height() > 0 and not legend.intersects(data), (legend, data)
        assert legend.top() >= data.bottom()


def test_bar_legend_swatch_is_a_square_without_a_dash(qtbot: QtBot, demo_report: CoverageReport) -> None:
    chart = CoverageBarChart(ChartKind.MUNICIPALITIES, language="en")
    qtbot.addWidget(chart)
    shown(qtbot, chart)
    chart.set_report(demo_report)
    sample = chart.legend.items[0][0]
    image = QImage(22, 20, QImage.Format.Format_ARGB32)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    sample.paint(painter)
    painter.end()
    drawn = [x for x in range(22) if image.pixelColor(x, 10) != QColor("#ffffff")]
    assert drawn and min(drawn) >= 2 and max(drawn) <= 18  # the square only: no line out to x = 20


def test_exported_png_scales_lines_and_legend_with_the_resolution(qtbot: QtBot, demo_report: CoverageReport) -> None:
    chart = CoverageBarChart(ChartKind.MUNICIPALITIES, language="en")
    qtbot.addWidget(chart)
    shown(qtbot, chart)
    chart.set_report(demo_report)
    width = chart.bars[0].opts["pen"].widthF()
    chart.set_line_scale(2.0)
    assert chart.bars[0].opts["pen"].widthF() == 2 * width
    assert chart.grid_lines[0].pen.widthF() == 2.0
    flags = chart.legend.flags()
    assert not flags & QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations  # scaled like the axis text


def test_timeline_tooltip_names_month_area_percent_and_counts(qtbot: QtBot, demo_timeline: CoverageTimeline) -> None:
    chart = TimelineChart(language="en")
    qtbot.addWidget(chart)
    shown(qtbot, chart)
    chart.set_timeline(demo_timeline)
    index = demo_timeline.days.index(date(2022, 6, 1))
    flanders = demo_timeline.area("Vlaanderen").reached[index]
    move_mouse_to(qtbot, chart, date(2022, 6, 1).toordinal(), flanders.percent_detail)
    expected = (f"June 2022 — Flanders\n{flanders.percent_detail:.1f} % "
                f"({flanders.part}/{flanders.total} municipalities)")
    assert chart.plot_widget.toolTip() == expected
    move_mouse_to(qtbot, chart, date(2022, 6, 1).toordinal(), 99)
    assert chart.plot_widget.toolTip() == ""


def test_timeline_marks_the_2025_mergers_from_the_data(qtbot: QtBot, demo_path: Path) -> None:
    repository = open_repository(demo_path)
    try:
        later = coverage_timeline(repository.coverage_input(), AS_OF, date(2025, 6, 30))
    finally:
        repository.close()
    assert later.count_changes == (CountChange(date(2025, 1, 1), 300, 285),)
    chart = TimelineChart(language="en")
    qtbot.addWidget(chart)
    shown(qtbot, chart)
    chart.set_timeline(later)
    visible = [m for m in chart.markers if m.isVisible()]
    assert len(visible) == 1 and visible[0].value() == date(2025, 1, 1).toordinal()
    assert visible[0].label.textItem.toPlainText() == "mergers 01/01/2025: 300 → 285 municipalities"
    with dutch("charts", "labels"):
        assert marker_text(later.count_changes[0], "nl") == "fusies 01/01/2025: 300 → 285 gemeenten"


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


def test_timeline_tooltip_in_dutch_names_the_month_and_marks_the_forecast(qtbot: QtBot,
                                                                          demo_timeline: CoverageTimeline) -> None:
    with dutch("charts", "labels"):
        chart = TimelineChart(language="nl")
        qtbot.addWidget(chart)
        shown(qtbot, chart)
        chart.set_timeline(demo_timeline)
        index = demo_timeline.days.index(date(2022, 12, 1))
        west = demo_timeline.area("West-Vlaanderen").reached[index]
        assert demo_timeline.is_forecast(index)
        move_mouse_to(qtbot, chart, date(2022, 12, 1).toordinal(), west.percent_detail)
        percent = f"{west.percent_detail:.1f}".replace(".", ",")
        assert chart.plot_widget.toolTip() == (f"december 2022 (prognose) — West-Vlaanderen\n{percent} % "
                                               f"({west.part}/{west.total} gemeenten)")
