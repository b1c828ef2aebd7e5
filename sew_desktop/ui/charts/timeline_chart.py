"""Coverage over time: one line per area (Flanders thicker), the forecast part dashed."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, QPointF, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPen
from PySide6.QtWidgets import QWidget

from sew_desktop.domain.coverage import AreaTimeline, CountChange, CoverageTimeline
from sew_desktop.ui.charts import formatting
from sew_desktop.ui.charts.areas import AREA_COUNT
from sew_desktop.ui.charts.fonts import chart_font
from sew_desktop.ui.charts.plot import ChartBase
from sew_desktop.ui.charts.theme import ChartTheme
from sew_desktop.ui.core.labels import area_label

_STEPS = (1, 2, 3, 6, 12, 24, 60)  # months between labelled ticks
_MAX_LABELS = 9
HOVER_PIXELS = 10  # how close to a line the pointer must be for its tooltip


def month_ticks(first: date, last: date, max_labels: int = _MAX_LABELS) -> list[tuple[float, str]]:
    """Ticks on the first day of months, "mm/yyyy", at most about ``max_labels`` of them."""
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    step = next((s for s in _STEPS if months / s <= max_labels), _STEPS[-1])
    ticks = []
    year, month = first.year, first.month
    while date(year, month, 1) <= last:
        if (year * 12 + month - 1) % step == 0:
            day = date(year, month, 1)
            if day >= first:
                ticks.append((float(day.toordinal()), f"{month:02d}/{year}"))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return ticks


class TimelineChart(ChartBase):
    """% of municipalities reached per province and for Flanders, month by month; forecast dashed."""

    def __init__(self, parent: QWidget | None = None, *, language: str = "nl") -> None:
        super().__init__(parent, language=language, legend_columns=3)
        self.actual: list[Any] = [self.pg.PlotDataItem() for _ in range(AREA_COUNT)]
        self.forecast: list[Any] = [self.pg.PlotDataItem() for _ in range(AREA_COUNT)]
        self._span: tuple[date, date] | None = None
        self._timeline: CoverageTimeline | None = None
        self._month_ticks: list[list[tuple[float, str]]] = []
        self._changes: tuple[CountChange, ...] = ()
        self.markers: list[Any] = []  # one vertical line per change in the number of municipalities
        for actual, forecast in zip(self.actual, self.forecast, strict=True):
            self.plot.addItem(actual)
            self.plot.addItem(forecast)
            self.legend.addItem(actual, "")
        self.plot.setYRange(0, 102, padding=0)  # 100 % and a thick line on it stay inside
        self.set_title(QCoreApplication.translate("Charts", "Municipalities reached over time"))
        self.set_axis_label("left", QCoreApplication.translate("Charts", "Municipalities reached"))
        self.set_theme(self.theme)
        self.plot_widget.scene().sigMouseMoved.connect(self._on_mouse_moved)

    def _pen(self, index: int, *, dashed: bool) -> QPen:
        flanders = index == AREA_COUNT - 1
        colour = self.theme.flanders if flanders else self.theme.areas[index % len(self.theme.areas)]
        style = Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine
        return self.pen(colour, 3.0 if flanders else 1.5, style)

    def set_theme(self, theme: ChartTheme) -> None:
        """Switch between the screen and the print theme."""
        super().set_theme(theme)
        for index, (actual, forecast) in enumerate(zip(self.actual, self.forecast, strict=True)):
            actual.setPen(self._pen(index, dashed=False))
            forecast.setPen(self._pen(index, dashed=True))
        self._style_markers(theme)

    def set_timeline(self, timeline: CoverageTimeline) -> None:
        """Show ``timeline``: updates the existing lines, ticks and legend in place."""
        xs = [float(day.toordinal()) for day in timeline.days]
        split = timeline.first_forecast
        legend_changed = False
        for index, area in enumerate(timeline.areas[:AREA_COUNT]):
            ys = list(area.percents())
            self.actual[index].setData(xs[:split], ys[:split])
            start = max(split - 1, 0)  # the dashed part starts at the last actual point
            self.forecast[index].setData(xs[start:] if split < len(xs) else [], ys[start:] if split < len(xs) else [])
            legend_changed |= self._set_legend_text(index, area)
        if legend_changed:  # measuring the legend costs: only after new texts
            self.fit_legend()
        span = (timeline.days[0], timeline.days[-1])
        if span != self._span:  # ticks and range only change with the dates: re-laying out the axis costs
            self._span = span
            self._show_month_ticks()
            self.plot.setXRange(xs[0], xs[-1], padding=0.02)
        self._timeline = timeline
        if timeline.count_changes != self._changes:
            self._changes = timeline.count_changes
            self._show_markers(timeline.count_changes)

    def label_count(self) -> int:
        """How many "mm/yyyy" labels fit side by side under the data."""
        width = QFontMetrics(chart_font(9)).horizontalAdvance("00/0000") + 16
        return max(2, min(_MAX_LABELS, int(self.plot.vb.width() // width)))

    def _show_month_ticks(self) -> None:
        if self._span is None:
            return
        ticks = [month_ticks(*self._span, self.label_count())]
        if ticks != self._month_ticks:
            self._month_ticks = ticks
            self.plot.getAxis("bottom").setTicks(ticks)

    def fit_title_and_axis(self) -> None:
        """Also as many month labels as fit the width."""
        super().fit_title_and_axis()
        self._show_month_ticks()
        self._fit_marker_labels()

    def _show_markers(self, changes: tuple[CountChange, ...]) -> None:
        """A dashed vertical line with "mergers 01/01/2025: 300 → 285 municipalities" on each day the number of
        municipalities changes; the text beside the line, on the side with room, low (lines are high by then)."""
        while len(self.markers) < len(changes):
            marker = self.pg.InfiniteLine(angle=90, movable=False, label="", labelOpts={"position": 0.04})
            marker.label.setFont(chart_font(8))
            self.plot.addItem(marker, ignoreBounds=True)
            self.markers.append(marker)
        for marker, change in zip(self.markers, changes, strict=False):
            marker.setPos(float(change.day.toordinal()))
            marker.show()
        for marker in self.markers[len(changes):]:
            marker.hide()
        self._fit_marker_labels()
        self._style_markers(self.theme)

    def _fit_marker_labels(self) -> None:
        """Each marker's text on the side of its line with more room, on two lines when one does not fit."""
        view = self.plot.vb
        if view.width() <= 0 or not self._changes:
            return
        (low, high), pixel = view.viewRange()[0], view.viewPixelSize()[0]
        metrics = QFontMetrics(chart_font(8))
        for marker, change in zip(self.markers, self._changes, strict=False):
            left, right = (marker.value() - low) / pixel, (high - marker.value()) / pixel
            text = marker_text(change, self.language)
            if metrics.horizontalAdvance(text) + 10 > max(left, right):
                text = text.replace(": ", ":\n", 1)
            if marker.label.textItem.toPlainText() != text:
                marker.label.setText(text)
            marker.label.anchors = [(0.0, 1.0)] * 2 if right > left else [(1.0, 1.0)] * 2
            marker.label.updatePosition()

    def _style_markers(self, theme: ChartTheme) -> None:
        for marker in self.markers:
            marker.setPen(self.pen(theme.foreground, 1.0, Qt.PenStyle.DashDotLine))
            marker.label.setColor(theme.foreground)
            backdrop = QColor(theme.background)
            backdrop.setAlphaF(0.8)
            marker.label.fill = self.pg.mkBrush(backdrop)  # readable where it crosses a line
            marker.label.update()

    def tooltip_at(self, x: float, y: float, pixels: tuple[float, float] = (1.0, 1.0)) -> str:
        """The tooltip of the line point nearest to (``x``, ``y``) in data coordinates: month, area, % and
        reached/total; "" when no line is within :data:`HOVER_PIXELS`. ``pixels``: data units per pixel."""
        timeline = self._timeline
        if timeline is None or not timeline.days:
            return ""
        numbers = [day.toordinal() for day in timeline.days]
        index = min(range(len(numbers)), key=lambda i: abs(numbers[i] - x))
        if abs(numbers[index] - x) / pixels[0] > HOVER_PIXELS * 3:
            return ""
        areas = timeline.areas[:AREA_COUNT]
        distance, area = min(((abs(a.reached[index].percent_detail - y) / pixels[1], a) for a in areas),
                             key=lambda pair: (pair[0], pair[1].province_nis is not None))  # ties: Flanders
        if distance > HOVER_PIXELS:
            return ""
        return point_text(timeline, area, index, self.language)

    def _on_mouse_moved(self, scene_pos: QPointF) -> None:
        view = self.plot.vb
        point = view.mapSceneToView(scene_pos)
        size = view.viewPixelSize()
        inside = view.sceneBoundingRect().contains(scene_pos)
        self.plot_widget.setToolTip(self.tooltip_at(point.x(), point.y(), size) if inside else "")

    def _set_legend_text(self, index: int, area: AreaTimeline) -> bool:
        label = self.legend.items[index][1]
        text = area_label(area.area, area.province_nis)
        if label.text == text:
            return False
        label.setText(text)
        return True

    def dashed_items(self) -> list[Any]:
        """The forecast lines that hold data."""
        return [item for item in self.forecast if item.xData is not None and len(item.xData) > 0]


def marker_text(change: CountChange, language: str) -> str:
    """"fusies 01/01/2025: 300 → 285 gemeenten"."""
    return QCoreApplication.translate("Charts", "mergers {date}: {before} → {after} municipalities").format(
        date=formatting.day(change.day, language), before=change.before, after=change.after)


def point_label(day: date, language: str) -> str:
    """The month of a point ("oktober 2022"), or its date when it is the as-of date or the horizon."""
    if day.day != 1:
        return formatting.day(day, language)
    locale = QLocale(QLocale.Language.Dutch if language == "nl" else QLocale.Language.English, QLocale.Country.Belgium)
    return f"{locale.standaloneMonthName(day.month)} {day.year}"


def point_text(timeline: CoverageTimeline, area: AreaTimeline, index: int, language: str) -> str:
    """"oktober 2022 — West-Vlaanderen" and "71,9 % (46/64 gemeenten)", with "prognose" for a forecast point."""
    ratio = area.reached[index]
    when = point_label(timeline.days[index], language)
    if timeline.is_forecast(index):
        when = QCoreApplication.translate("Charts", "{when} (forecast)").format(when=when)
    figure = QCoreApplication.translate("Charts", "{percent} ({part}/{total} municipalities)").format(
        percent=formatting.percent(ratio.percent_detail, language), part=ratio.part, total=ratio.total)
    return f"{when} — {area_label(area.area, area.province_nis)}\n{figure}"
