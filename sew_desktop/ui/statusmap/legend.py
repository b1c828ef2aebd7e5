"""The legend: a swatch, name and count per status, the coverage table's totals and the date. Painted by one
function, on screen and in exports alike."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPaintEvent, QPen, QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QWidget
from typing_extensions import override

from sew_desktop.domain.coverage.map_status import MapStatus
from sew_desktop.ui.core.i18n import Language
from sew_desktop.ui.statusmap import texts
from sew_desktop.ui.statusmap.palette import MapColours

GAP = 14.0


@dataclass(frozen=True, slots=True)
class LegendContent:
    """What the legend shows."""

    entries: tuple[tuple[str, str, int], ...]  # name, fill colour, count
    summary: str
    date_line: str


def legend_content(counts: Mapping[MapStatus, int], colours: MapColours, dates: tuple[date, date], expected: int,
                   language: Language, *, forecast: bool) -> LegendContent:
    """The legend for ``counts`` on the as-of date of ``dates`` (or forecast to its horizon); ``expected``: how
    many are expected signed by the horizon (the forecast column)."""
    entries = tuple((texts.status_name(s), colours.fills[s], counts.get(s, 0)) for s in MapStatus)
    full = {s: counts.get(s, 0) for s in MapStatus}
    total = sum(full.values())
    return LegendContent(entries, texts.summary(full, language),
                         texts.date_line(dates, expected, total, language, forecast=forecast))


def paint_legend(painter: QPainter, area: QRectF, content: LegendContent, text: QColor, font: QFont) -> float:
    """Paint ``content`` into ``area`` (entries wrap to its width); returns the height used."""
    metrics = QFontMetricsF(font)
    line = metrics.height() * 1.35
    swatch = metrics.height() * 0.9
    painter.save()
    painter.setFont(font)
    x, y = area.left(), area.top()
    for name, fill, count in content.entries:
        label = f"{name} {count}"
        width = swatch + 6 + metrics.horizontalAdvance(label)
        if x > area.left() and x + width > area.right():
            x, y = area.left(), y + line
        painter.setPen(QPen(text, 0.8))
        painter.setBrush(QColor(fill))
        painter.drawRect(QRectF(x, y + (line - swatch) / 2, swatch, swatch))
        painter.drawText(QPointF(x + swatch + 6, y + (line + metrics.capHeight()) / 2), label)
        x += width + GAP
    for extra in (content.summary, content.date_line):
        y += line
        painter.drawText(QRectF(area.left(), y, area.width(), line),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, extra)
    painter.restore()
    return y + line - area.top()


def measure_legend(content: LegendContent, width: float, font: QFont) -> float:
    """The height :func:`paint_legend` needs at ``width``."""
    image = QImage(1, 1, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        return paint_legend(painter, QRectF(0, 0, width, 10_000), content, QColor("#000000"), font)
    finally:
        painter.end()


class LegendWidget(QWidget):
    """The legend under the map on screen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusMapLegend")
        self.content: LegendContent | None = None
        self.text_colour = QColor("#000000")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_content(self, content: LegendContent, text_colour: QColor) -> None:
        """Show new counts."""
        self.content, self.text_colour = content, text_colour
        self.setFixedHeight(self._height(self.width() or 600))
        self.update()

    def _height(self, width: int) -> int:
        if self.content is None:
            return 0
        return int(measure_legend(self.content, width - 8, self.font())) + 6

    @override
    def sizeHint(self) -> QSize:
        """As tall as its lines."""
        return QSize(400, self._height(self.width() or 600))

    @override
    def resizeEvent(self, event: QResizeEvent) -> None:
        """Rewrap."""
        if self.content is not None:
            self.setFixedHeight(self._height(self.width()))

    @override
    def paintEvent(self, event: QPaintEvent) -> None:
        """Paint the legend."""
        if self.content is None:
            return
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            paint_legend(painter, QRectF(4, 2, self.width() - 8, self.height()), self.content, self.text_colour,
                         self.font())
        finally:
            painter.end()
