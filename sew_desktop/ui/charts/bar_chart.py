"""Grouped bars per area: coverage on the as-of date beside the forecast, with value labels and tooltips."""

from __future__ import annotations

import enum
from typing import Any

from PySide6.QtCore import QCoreApplication, QPointF
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QWidget
from typing_extensions import override

from sew_desktop.domain.coverage import AreaCoverage, CoverageReport
from sew_desktop.domain.rounding import Ratio
from sew_desktop.ui.charts import formatting
from sew_desktop.ui.charts.areas import AREA_COUNT, two_line_label
from sew_desktop.ui.charts.fonts import chart_font
from sew_desktop.ui.charts.plot import ChartBase
from sew_desktop.ui.charts.theme import ChartTheme
from sew_desktop.ui.core.labels import area_label

BAR_WIDTH = 0.38
_OFFSETS = (-0.2, 0.2)  # as-of bars left of the area's tick, forecast bars right of it
_LABEL_STYLES = ((8.0, " %"), (7.0, " %"), (7.0, ""))  # value labels, widest first: size, suffix


class ChartKind(enum.Enum):
    """What a bar chart counts."""

    MUNICIPALITIES = "municipalities"
    REGIONS = "regions"


def _ratios(row: AreaCoverage, kind: ChartKind) -> tuple[Ratio, Ratio]:
    if kind is ChartKind.MUNICIPALITIES:
        return row.municipalities_reached, row.municipalities_forecast
    return row.regions_with_agreement, row.regions_forecast


_AXIS_ROOM = 70  # pixels of the left axis and margins


class CoverageBarChart(ChartBase):
    """Municipalities (or regiegebieden) reached per province and for Flanders: as-of and forecast bars."""

    def __init__(self, kind: ChartKind, parent: QWidget | None = None, *, language: str = "nl") -> None:
        super().__init__(parent, language=language)
        self.kind = kind
        self._ratios: list[list[Ratio]] = [[Ratio(0, 0)] * AREA_COUNT for _ in _OFFSETS]
        self._ticks: list[list[tuple[int, str]]] = []
        self._tick_size = 9.0
        self._label_suffix = " %"  # dropped when the bars are too narrow for "100 %": the axis says it is %
        self._names: list[str] = []
        self._series: list[str] = []
        self.bars: list[Any] = [
            self.pg.BarGraphItem(x=[i + offset for i in range(AREA_COUNT)], height=[0.0] * AREA_COUNT, width=BAR_WIDTH)
            for offset in _OFFSETS
        ]
        self.labels: list[list[Any]] = [
            [self.pg.TextItem(anchor=(0.5, 1.0)) for _ in range(AREA_COUNT)] for _ in _OFFSETS
        ]
        for series, bar in enumerate(self.bars):
            self.plot.addItem(bar)
            self.legend.addItem(bar, "")
            for index, label in enumerate(self.labels[series]):
                label.setFont(chart_font(8))
                label.setPos(index + _OFFSETS[series], 0)
                self.plot.addItem(label)
        self.plot.setXRange(-0.6, AREA_COUNT - 0.4, padding=0)
        self._fit_headroom()
        self.plot.vb.sigResized.connect(self._fit_headroom)
        self.plot_widget.scene().sigMouseMoved.connect(self._on_mouse_moved)
        self._retranslate()
        self.set_theme(self.theme)

    def _retranslate(self) -> None:
        if self.kind is ChartKind.MUNICIPALITIES:
            self.set_title(QCoreApplication.translate("Charts", "Municipalities with a cooperation agreement"))
            self.set_axis_label("left", QCoreApplication.translate("Charts", "Municipalities reached"))
        else:
            self.set_title(QCoreApplication.translate("Charts", "Regiegebieden with a cooperation agreement"))
            self.set_axis_label("left", QCoreApplication.translate("Charts", "Regiegebieden with an agreement"))

    def _fit_headroom(self) -> None:
        """The axis ends at 100 % plus just the height of a value label: a bar of 100 % keeps its label, and
        there is no empty band above it."""
        self._fit_value_labels()
        label_height = self.labels[0][0].textItem.boundingRect().height() + 2
        view_height = max(self.plot.vb.height(), 4.0 * label_height)
        self.plot.setYRange(0, 100 * view_height / (view_height - label_height) + 1, padding=0)

    def _fit_value_labels(self) -> None:
        """Value labels in 8 pt, 7 pt when the bars are narrow, then without " %" (the axis is in %), none when
        even that would run together (the tooltips still give every figure)."""
        room = self.plot.vb.width() / (AREA_COUNT + 0.2) * (_OFFSETS[1] - _OFFSETS[0])  # between two bars' centres
        fitting = ((size, suffix) for size, suffix in _LABEL_STYLES
                   if QFontMetrics(chart_font(size)).horizontalAdvance(f"100{suffix}") + 4 <= room)  # fmt: skip
        size, suffix = next(fitting, (None, self._label_suffix))
        if suffix != self._label_suffix:
            self._label_suffix = suffix
            self._show_values()
        for row in self.labels:
            for label in row:
                if size is not None and label.textItem.font().pointSizeF() != size:
                    label.setFont(chart_font(size))
                if label.isVisible() != (size is not None):
                    label.setVisible(size is not None)

    def _show_values(self) -> None:
        for labels, ratios in zip(self.labels, self._ratios, strict=True):
            for label, ratio in zip(labels, ratios, strict=True):
                text = f"{ratio.percent}{self._label_suffix}" if ratio.total else ""
                if label.textItem.toPlainText() != text:
                    label.setText(text)

    def set_theme(self, theme: ChartTheme) -> None:
        """Switch between the screen and the print theme."""
        super().set_theme(theme)
        for bar, colour in zip(self.bars, (theme.as_of, theme.forecast), strict=True):
            bar.setOpts(brush=self.pg.mkBrush(colour), pen=self.pen(theme.foreground, 0.5))
        for row in self.labels:
            for label in row:
                label.setColor(theme.foreground)
        self.legend.setLabelTextColor(theme.foreground)

    def set_report(self, report: CoverageReport) -> None:
        """Show ``report``: updates the existing bars, labels, ticks and legend in place."""
        rows = report.rows[:AREA_COUNT]
        self._names = [area_label(r.area, r.province_nis) for r in rows]
        self._show_names()
        for series in range(len(_OFFSETS)):
            ratios = [_ratios(row, self.kind)[series] for row in rows]
            ratios += [Ratio(0, 0)] * (AREA_COUNT - len(ratios))
            if ratios == self._ratios[series]:
                continue
            self._ratios[series] = ratios
            self.bars[series].setOpts(height=[r.percent_detail for r in ratios])
            for index, (label, ratio) in enumerate(zip(self.labels[series], ratios, strict=True)):
                label.setPos(index + _OFFSETS[series], ratio.percent_detail + 1)
        self._show_values()
        self._set_legend(report)

    def _show_names(self) -> None:
        """Area names under the bars, on two lines when they would run into each other at this width, and in a
        smaller font when even that does not fit (a narrow dock at 150 %)."""
        room = (self.width() - _AXIS_ROOM) / AREA_COUNT
        size, names = 9.0, list(self._names)
        metrics = QFontMetrics(chart_font(size))
        if any(metrics.horizontalAdvance(name) + 8 > room for name in names):
            names = [two_line_label(name) for name in self._names]
            widest = max(metrics.horizontalAdvance(part) for name in names for part in name.split("\n"))
            size = 9.0 if widest + 6 <= room else 7.0
        ticks = [list(enumerate(names))]
        if ticks != self._ticks or size != self._tick_size:  # each pyqtgraph update costs a re-layout
            self._ticks, self._tick_size = ticks, size
            bottom = self.plot.getAxis("bottom")
            bottom.setTickFont(chart_font(size))
            bottom.setTicks(ticks)
            wrapped = names != self._names
            bottom.setHeight(2 * QFontMetrics(chart_font(size)).lineSpacing() + 14 if wrapped else None)

    @override
    def resizeEvent(self, event: QResizeEvent) -> None:
        """Names may need two lines at the new width, or fit on one again."""
        super().resizeEvent(event)
        if self._names:
            self._show_names()

    def _set_legend(self, report: CoverageReport) -> None:
        as_of = QCoreApplication.translate("Charts", "As of {date}").format(
            date=formatting.day(report.as_of, self.language)
        )
        forecast = QCoreApplication.translate("Charts", "Forecast {date}").format(
            date=formatting.day(report.horizon, self.language)
        )
        self._series = [as_of, forecast]
        changed = False
        for (_sample, label), text in zip(self.legend.items, (as_of, forecast), strict=True):
            if label.text != text:
                label.setText(text)
                changed = True
        if changed:  # measuring the legend costs: only after new texts
            self.fit_legend()

    def heights(self, series: int) -> list[float]:
        """The bar heights of a series (0: as-of, 1: forecast)."""
        return [float(h) for h in self.bars[series].opts["height"]]

    def bar_tooltip(self, series: int, index: int) -> str:
        """The tooltip of one bar: area and series, then the figure, e.g. "West-Vlaanderen — Stand op 17/10/2022"
        and "46/64 gemeenten — 71,9 %"."""
        ratio = self._ratios[series][index]
        if self.kind is ChartKind.MUNICIPALITIES:
            template = QCoreApplication.translate("Charts", "{part}/{total} municipalities — {percent}")
        else:
            template = QCoreApplication.translate("Charts", "{part}/{total} regiegebieden — {percent}")
        figure = template.format(
            part=ratio.part, total=ratio.total, percent=formatting.percent(ratio.percent_detail, self.language)
        )
        if index >= len(self._names) or series >= len(self._series):
            return figure
        return f"{self._names[index]} — {self._series[series]}\n{figure}"

    def tooltip_at(self, x: float, y: float) -> str:
        """The tooltip of the bar under the point (``x``, ``y``) in data coordinates, or ""."""
        for series, offset in enumerate(_OFFSETS):
            index = round(x - offset)
            if 0 <= index < AREA_COUNT and abs(x - offset - index) <= BAR_WIDTH / 2:
                height = max(self._ratios[series][index].percent_detail, 2.0)
                if 0 <= y <= height:
                    return self.bar_tooltip(series, index)
        return ""

    def _on_mouse_moved(self, scene_pos: QPointF) -> None:
        point = self.plot.vb.mapSceneToView(scene_pos)
        self.plot_widget.setToolTip(self.tooltip_at(point.x(), point.y()))
