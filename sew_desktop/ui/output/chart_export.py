"""Charts as PNG, SVG and PDF: the screen's chart widgets, in the print theme, with the provenance footer."""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QMarginsF,
    QRect,
    QRectF,
    QSize,
    QSizeF,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtSvg import QSvgGenerator

from sew_desktop.ui.charts import ChartKind, ChartTheme, CoverageBarChart, TimelineChart
from sew_desktop.ui.charts.fonts import chart_font
from sew_desktop.ui.charts.plot import ChartBase
from sew_desktop.ui.output import texts
from sew_desktop.ui.output.context import ExportContext

FOOTER_HEIGHT = 26
CHART_FORMATS = ("png", "svg", "pdf")


class ChartChoice(enum.Enum):
    """The exportable charts."""

    PROVINCES = "provinces"
    REGIONS = "regions"
    TIMELINE = "timeline"


@dataclass(frozen=True, slots=True)
class ChartSize:
    """Logical size of the picture (footer included) and, for PNG, the pixel scale."""

    width: int = 1600
    height: int = 900
    scale: float = 2.0


def make_chart(choice: ChartChoice, context: ExportContext) -> ChartBase:
    """The same widget the main window shows, filled with the context's figures, in the print theme."""
    chart: ChartBase
    if choice is ChartChoice.TIMELINE:
        timeline_chart = TimelineChart(language=context.language)
        timeline_chart.set_timeline(context.timeline)
        chart = timeline_chart
    else:
        kind = ChartKind.MUNICIPALITIES if choice is ChartChoice.PROVINCES else ChartKind.REGIONS
        bar_chart = CoverageBarChart(kind, language=context.language)
        bar_chart.set_report(context.report)
        chart = bar_chart
    chart.set_theme(ChartTheme.printing())
    return chart


@contextmanager
def laid_out(chart: ChartBase, width: int, height: int) -> Iterator[ChartBase]:
    """Show the chart off screen at the size it will be drawn (a never-shown widget exports at the wrong size)."""
    chart.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    chart.resize(width, height)
    chart.show()
    QCoreApplication.processEvents()
    try:
        yield chart
    finally:
        chart.hide()
        chart.deleteLater()


def paint_chart(painter: QPainter, chart: ChartBase, target: QRectF) -> None:
    """Draw the chart's scene into ``target`` as vectors (bars as shapes, labels as text)."""
    scene = chart.plot_widget.scene()
    source = QRectF(chart.plot_widget.viewport().rect())
    scene.render(painter, target, source, Qt.AspectRatioMode.IgnoreAspectRatio)


def paint_footer(painter: QPainter, text: str, target: QRectF) -> None:
    """The provenance line, small and grey, at the bottom of ``target``; smaller on a narrow picture (a chart for a
    Word page) so that it is whole, and shortened with "…" only below a readable size."""
    font = footer_font(text, target.width())
    painter.save()
    painter.setFont(font)
    painter.setPen(QColor("#404040"))
    shown = QFontMetricsF(font).elidedText(text, Qt.TextElideMode.ElideMiddle, target.width())
    painter.drawText(target, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, shown)
    painter.restore()


def footer_font(text: str, width: float, largest: float = 8.0, smallest: float = 5.5) -> QFont:
    """The footer's font: ``largest`` points, or as much smaller (down to ``smallest``) as ``text`` needs to fit."""
    size = largest
    font = chart_font(size)
    while size > smallest and QFontMetricsF(font).horizontalAdvance(text) > width:
        size -= 0.5
        font = chart_font(size)
    return font


def paint_page(painter: QPainter, chart: ChartBase, context: ExportContext, size: ChartSize) -> None:
    """White page: the chart above, the provenance footer below (logical coordinates)."""
    painter.fillRect(QRectF(0, 0, size.width, size.height), QColor("#ffffff"))
    paint_chart(painter, chart, QRectF(0, 0, size.width, size.height - FOOTER_HEIGHT))
    footer = QRectF(10, size.height - FOOTER_HEIGHT, size.width - 20, FOOTER_HEIGHT)
    paint_footer(painter, texts.provenance(context), footer)


def _draw(device: QPdfWriter | QImage | QSvgGenerator, scale: float, paint: Callable[[QPainter], None]) -> None:
    painter = QPainter(device)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.scale(scale, scale)
        paint(painter)
    finally:
        painter.end()  # an un-ended painter on a PDF writer crashes the process


def _png(paint: Callable[[QPainter], None], size: ChartSize) -> bytes:
    image = QImage(round(size.width * size.scale), round(size.height * size.scale), QImage.Format.Format_ARGB32)
    image.fill(QColor("#ffffff"))
    _draw(image, size.scale, paint)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs want bytes, the binding a str
    buffer.close()
    return bytes(data.data())


def _svg(paint: Callable[[QPainter], None], size: ChartSize, title: str) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(QSize(size.width, size.height))
    generator.setViewBox(QRect(0, 0, size.width, size.height))
    generator.setResolution(96)
    generator.setTitle(title)
    _draw(generator, 1.0, paint)
    buffer.close()
    return bytes(data.data())


def _pdf(paint: Callable[[QPainter], None], size: ChartSize, title: str) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(title)
    writer.setCreator("SEW Desktop")
    writer.setResolution(96)
    page = QPageSize(QSizeF(size.width * 0.75, size.height * 0.75), QPageSize.Unit.Point, "chart")
    writer.setPageLayout(QPageLayout(page, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
    _draw(writer, writer.width() / size.width, paint)
    buffer.close()
    return bytes(data.data())


def render_chart(choice: ChartChoice, fmt: str, context: ExportContext, size: ChartSize | None = None) -> bytes:
    """The chart as PNG, SVG or PDF bytes: white background, print colours, provenance footer."""
    size = size or ChartSize()
    chart = make_chart(choice, context)
    if fmt == "png":  # the painter scales text and shapes; cosmetic pens (lines, outlines) need their own scale
        chart.set_line_scale(size.scale)
    with laid_out(chart, size.width, size.height - FOOTER_HEIGHT):
        title = chart.plot.titleLabel.text

        def paint(painter: QPainter) -> None:
            paint_page(painter, chart, context, size)

        if fmt == "png":
            return _png(paint, size)
        if fmt == "svg":
            return _svg(paint, size, title)
        if fmt == "pdf":
            return _pdf(paint, size, title)
    raise ValueError(f"unknown chart format: {fmt}")
