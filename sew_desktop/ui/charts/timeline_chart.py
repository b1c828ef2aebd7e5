"""Coverage over time: one line per area (Flanders thicker), the forecast part dashed."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QPen
from PySide6.QtWidgets import QWidget

from sew_desktop.domain.coverage import AreaTimeline, CoverageTimeline
from sew_desktop.ui.charts.areas import AREA_COUNT
from sew_desktop.ui.charts.plot import ChartBase
from sew_desktop.ui.charts.theme import ChartTheme
from sew_desktop.ui.labels import area_label

_STEPS = (1, 2, 3, 6, 12, 24, 60)  # months between labelled ticks
_MAX_LABELS = 9


def month_ticks(first: date, last: date) -> list[tuple[float, str]]:
    """Ticks on the first day of months, "mm/yyyy", at most about nine of them."""
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    step = next((s for s in _STEPS if months / s <= _MAX_LABELS), _STEPS[-1])
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
        super().__init__(parent, language=language)
        self.actual: list[Any] = [self.pg.PlotDataItem() for _ in range(AREA_COUNT)]
        self.forecast: list[Any] = [self.pg.PlotDataItem() for _ in range(AREA_COUNT)]
        self._span: tuple[date, date] | None = None
        for actual, forecast in zip(self.actual, self.forecast, strict=True):
            self.plot.addItem(actual)
            self.plot.addItem(forecast)
            self.legend.addItem(actual, "")
        self.plot.setYRange(0, 100, padding=0.02)
        self.plot.getAxis("left").setTicks([[(v, f"{v} %") for v in range(0, 101, 20)]])
        self.set_title(QCoreApplication.translate("Charts", "Municipalities reached over time"))
        self.set_axis_label("left", QCoreApplication.translate("Charts", "Municipalities reached"))
        self.set_theme(self.theme)

    def _pen(self, index: int, *, dashed: bool) -> QPen:
        flanders = index == AREA_COUNT - 1
        colour = self.theme.flanders if flanders else self.theme.areas[index % len(self.theme.areas)]
        style = Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine
        pen: QPen = self.pg.mkPen(colour, width=3.0 if flanders else 1.5, style=style)
        return pen

    def set_theme(self, theme: ChartTheme) -> None:
        """Switch between the screen and the print theme."""
        super().set_theme(theme)
        for index, (actual, forecast) in enumerate(zip(self.actual, self.forecast, strict=True)):
            actual.setPen(self._pen(index, dashed=False))
            forecast.setPen(self._pen(index, dashed=True))

    def set_timeline(self, timeline: CoverageTimeline) -> None:
        """Show ``timeline``: updates the existing lines, ticks and legend in place."""
        xs = [float(day.toordinal()) for day in timeline.days]
        split = timeline.first_forecast
        for index, area in enumerate(timeline.areas[:AREA_COUNT]):
            ys = list(area.percents())
            self.actual[index].setData(xs[:split], ys[:split])
            start = max(split - 1, 0)  # the dashed part starts at the last actual point
            self.forecast[index].setData(xs[start:] if split < len(xs) else [], ys[start:] if split < len(xs) else [])
            self._set_legend_text(index, area)
        span = (timeline.days[0], timeline.days[-1])
        if span != self._span:  # ticks and range only change with the dates: re-laying out the axis costs
            self._span = span
            self.plot.getAxis("bottom").setTicks([month_ticks(*span)])
            self.plot.setXRange(xs[0], xs[-1], padding=0.02)

    def _set_legend_text(self, index: int, area: AreaTimeline) -> None:
        label = self.legend.items[index][1]
        text = area_label(area.area, area.province_nis)
        if label.text != text:
            label.setText(text)

    def dashed_items(self) -> list[Any]:
        """The forecast lines that hold data."""
        return [item for item in self.forecast if item.xData is not None and len(item.xData) > 0]
