"""The A4 landscape PDF report: title, dates, the table, both bar charts, a legend, provenance; the map on page 2."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QMarginsF, QRectF, Qt
from PySide6.QtGui import QColor, QPageLayout, QPageSize, QPainter, QPdfWriter

from sew_desktop.ui.charts import ChartTheme
from sew_desktop.ui.charts.fonts import chart_font
from sew_desktop.ui.charts.plot import ChartBase
from sew_desktop.ui.core.labels import published_headers
from sew_desktop.ui.output import texts
from sew_desktop.ui.output.chart_export import ChartChoice, laid_out, make_chart, paint_chart, paint_footer
from sew_desktop.ui.output.context import ExportContext
from sew_desktop.ui.output.published import published_rows
from sew_desktop.ui.statusmap.render import MapPicture, paint_map_page

PAGE_WIDTH, PAGE_HEIGHT, MARGIN = 1123.0, 794.0, 36.0  # A4 landscape at 96 dpi
ROW_HEIGHT = 20.0
_COLUMN_WIDTHS = (1.7, 2.0, 0.75, 1.0, 0.75, 2.1, 0.75, 1.0, 0.75)
CHART_LAYOUT = (700, 520)  # laid out larger than drawn, so the labels fit; scaled into place as vectors
LEGEND_LINE = 14.0


def _paint_title(painter: QPainter, context: ExportContext, top: float) -> float:
    painter.setFont(chart_font(16, bold=True))
    painter.drawText(QRectF(MARGIN, top, PAGE_WIDTH - 2 * MARGIN, 30), Qt.AlignmentFlag.AlignLeft, texts.title())
    painter.setFont(chart_font(10))
    painter.drawText(
        QRectF(MARGIN, top + 32, PAGE_WIDTH - 2 * MARGIN, 20), Qt.AlignmentFlag.AlignLeft, texts.dates_line(context)
    )
    return top + 60


def _paint_table(painter: QPainter, context: ExportContext, top: float) -> float:
    width = PAGE_WIDTH - 2 * MARGIN
    unit = width / sum(_COLUMN_WIDTHS)
    rows = [list(published_headers()), *published_rows(context.report)]
    for number, cells in enumerate(rows):
        y = top + number * ROW_HEIGHT
        header_or_total = number in (0, len(rows) - 1)
        painter.setFont(chart_font(9, bold=header_or_total))
        if number == 0:
            painter.fillRect(QRectF(MARGIN, y, width, ROW_HEIGHT), QColor("#DDE7F0"))
        x = MARGIN
        for column, cell in enumerate(cells):
            cell_width = _COLUMN_WIDTHS[column] * unit
            align = Qt.AlignmentFlag.AlignLeft if column == 0 else Qt.AlignmentFlag.AlignRight
            painter.drawText(QRectF(x + 4, y, cell_width - 8, ROW_HEIGHT), align | Qt.AlignmentFlag.AlignVCenter, cell)
            x += cell_width
        painter.setPen(QColor("#999999"))
        line = QRectF(MARGIN, y, width, ROW_HEIGHT)
        painter.drawLine(line.bottomLeft(), line.bottomRight())
        painter.setPen(QColor("#000000"))
    return top + len(rows) * ROW_HEIGHT + 12


def _paint_legend(painter: QPainter, top: float) -> None:
    theme = ChartTheme.printing()
    signed = QCoreApplication.translate("Export", "Signed: agreement signed and running on the as-of date")
    forecast = QCoreApplication.translate("Export", "Forecast: signed, or negotiating with signing expected by the horizon")  # noqa: E501
    to_start = QCoreApplication.translate("Export", "To start: no negotiations yet")
    entries = ((theme.as_of, signed), (theme.forecast, forecast), ("#FFFFFF", to_start))
    painter.setFont(chart_font(8))
    painter.setPen(QColor("#000000"))
    for number, (colour, text) in enumerate(entries):
        y = top + number * LEGEND_LINE
        painter.fillRect(QRectF(MARGIN, y + 2, 9, 9), QColor(colour))
        painter.drawRect(QRectF(MARGIN, y + 2, 9, 9))
        line = QRectF(MARGIN + 14, y, PAGE_WIDTH - 2 * MARGIN, LEGEND_LINE)
        painter.drawText(line, Qt.AlignmentFlag.AlignVCenter, text)


def _paint_page(painter: QPainter, context: ExportContext, charts: list[ChartBase]) -> None:
    painter.fillRect(QRectF(0, 0, PAGE_WIDTH, PAGE_HEIGHT), QColor("#FFFFFF"))
    painter.setPen(QColor("#000000"))
    top = _paint_table(painter, context, _paint_title(painter, context, MARGIN))
    chart_height = PAGE_HEIGHT - top - MARGIN - 3 * LEGEND_LINE - 30
    chart_width = (PAGE_WIDTH - 2 * MARGIN - 16) / 2
    for index, chart in enumerate(charts):
        target = QRectF(MARGIN + index * (chart_width + 16), top, chart_width, chart_height)
        paint_chart(painter, chart, target)
    _paint_legend(painter, top + chart_height + 4)
    paint_footer(painter, texts.provenance(context), QRectF(MARGIN, PAGE_HEIGHT - MARGIN - 18, PAGE_WIDTH, 18))


def render_report(context: ExportContext, map_page: MapPicture | None = None) -> bytes:
    """The report as PDF bytes (vector, real text, embedded fonts); the status map on a second page if given."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(texts.title())
    writer.setCreator("SEW Desktop")
    writer.setResolution(96)
    writer.setPageLayout(
        QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Landscape, QMarginsF(0, 0, 0, 0))
    )
    provinces = make_chart(ChartChoice.PROVINCES, context)
    regions = make_chart(ChartChoice.REGIONS, context)
    with laid_out(provinces, *CHART_LAYOUT), laid_out(regions, *CHART_LAYOUT):
        painter = QPainter(writer)
        try:
            painter.scale(writer.width() / PAGE_WIDTH, writer.width() / PAGE_WIDTH)
            _paint_page(painter, context, [provinces, regions])
            if map_page is not None:
                writer.newPage()
                paint_map_page(painter, QRectF(0, 0, PAGE_WIDTH, PAGE_HEIGHT), map_page)
        finally:
            painter.end()
    buffer.close()
    return bytes(data.data())
