"""Print a table as shown: landscape pages, the header row repeated on each, page numbers, date and file below.

Painted straight onto the printer (or a preview page): the layout is computed once for the page size, so the
preview and the paper agree.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPageLayout, QPageSize, QPainter, QPen
from PySide6.QtPrintSupport import QPrinter

_PADDING = 4.0
_SLACK = 1.1  # the preview replays the pages at screen resolution, where hinted text is a little wider
_MARGIN_MM = 12.0
_SAMPLE_ROWS = 400  # column widths from the header and the first rows (a long list measures fast)


@dataclass(frozen=True)
class PrintedTable:
    """What goes on paper: a title line, the header row, rows of text, and a footer naming date and file."""

    title: str
    headers: Sequence[str]
    rows: Sequence[Sequence[str]]
    footer: str
    numeric: frozenset[int] = frozenset()  # columns aligned right
    point_size: float = 8.0  # a long list small; the coverage table larger


def footer_text(printed_on: date, file_name: str) -> str:
    """"Afgedrukt op 17/10/2022 · demo.sqlite"."""
    return QCoreApplication.translate("Printing", "Printed on %1 · %2").replace(
        "%1", printed_on.strftime("%d/%m/%Y")).replace("%2", file_name)


def prepare_printer(printer: QPrinter) -> None:
    """A4 landscape with 12 mm margins."""
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Landscape)
    printer.setPageMargins(QMarginsF(_MARGIN_MM, _MARGIN_MM, _MARGIN_MM, _MARGIN_MM), QPageLayout.Unit.Millimeter)


@dataclass(frozen=True)
class _Layout:
    widths: list[float]
    row_height: float
    rows_per_page: int
    pages: int


class TablePrinter:
    """Paints a :class:`PrintedTable` on a printer, one page after the other."""

    def __init__(self, table: PrintedTable) -> None:
        self.table = table
        self.font = QFont("DejaVu Sans")
        self.font.setPointSizeF(table.point_size)
        self.bold = QFont(self.font)
        self.bold.setBold(True)
        self.title_font = QFont(self.font)
        self.title_font.setPointSizeF(table.point_size + 3)
        self.title_font.setBold(True)

    def paint(self, printer: QPrinter) -> int:
        """Paint every page on ``printer``; returns the number of pages."""
        painter = QPainter()
        if not painter.begin(printer):
            return 0
        try:
            area = QRectF(printer.pageLayout().paintRectPixels(printer.resolution()))
            area.moveTo(0, 0)
            layout = self._layout(painter, area)
            for page in range(layout.pages):
                if page:
                    printer.newPage()
                self._paint_page(painter, area, layout, page)
            return layout.pages
        finally:
            painter.end()  # an un-ended painter on a printer crashes the process

    def _layout(self, painter: QPainter, area: QRectF) -> _Layout:
        metrics = QFontMetricsF(self.font, painter.device())
        bold = QFontMetricsF(self.bold, painter.device())
        columns = len(self.table.headers)
        least = [bold.horizontalAdvance(h) * _SLACK + 2 * _PADDING for h in self.table.headers]
        widths = list(least)
        for row in self.table.rows[:_SAMPLE_ROWS]:
            for number in range(columns):
                text = row[number] if number < len(row) else ""
                widths[number] = max(widths[number], metrics.horizontalAdvance(text) * _SLACK + 2 * _PADDING)
        widths = _fit(widths, least, area.width())
        row_height = metrics.height() * 1.5
        title_height = QFontMetricsF(self.title_font, painter.device()).height() * 1.8
        footer_height = metrics.height() * 2.0
        body = area.height() - title_height - footer_height - row_height
        per_page = max(1, int(body // row_height))
        pages = max(1, -(-len(self.table.rows) // per_page))
        return _Layout(widths, row_height, per_page, pages)

    def _paint_page(self, painter: QPainter, area: QRectF, layout: _Layout, page: int) -> None:
        painter.setFont(self.title_font)
        title_height = painter.fontMetrics().height() * 1.8
        painter.drawText(QRectF(area.left(), area.top(), area.width(), title_height),
                         int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), self.table.title)
        top = area.top() + title_height
        self._paint_row(painter, top, layout, self.table.headers, header=True)
        first = page * layout.rows_per_page
        for offset, row in enumerate(self.table.rows[first:first + layout.rows_per_page]):
            self._paint_row(painter, top + (offset + 1) * layout.row_height, layout, row, shade=offset % 2 == 1)
        self._paint_footer(painter, area, page, layout.pages)

    def _paint_row(self, painter: QPainter, top: float, layout: _Layout, cells: Sequence[str], *,
                   header: bool = False, shade: bool = False) -> None:
        width = sum(layout.widths)
        if header or shade:
            painter.fillRect(QRectF(0, top, width, layout.row_height), QColor("#d9d9d9" if header else "#f2f2f2"))
        painter.setFont(self.bold if header else self.font)
        metrics = painter.fontMetrics()
        left = 0.0
        for number, column_width in enumerate(layout.widths):
            text = cells[number] if number < len(cells) else ""
            box = QRectF(left + _PADDING, top, column_width - 2 * _PADDING, layout.row_height)
            shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, int(box.width()))
            align = Qt.AlignmentFlag.AlignRight if number in self.table.numeric else Qt.AlignmentFlag.AlignLeft
            painter.drawText(box, int(align | Qt.AlignmentFlag.AlignVCenter), shown)
            left += column_width
        painter.setPen(QPen(QColor("#a6a6a6"), 0))
        painter.drawLine(0, int(top + layout.row_height), int(width), int(top + layout.row_height))
        painter.setPen(QPen(QColor("black")))

    def _paint_footer(self, painter: QPainter, area: QRectF, page: int, pages: int) -> None:
        painter.setFont(self.font)
        height = painter.fontMetrics().height() * 1.5
        box = QRectF(area.left(), area.bottom() - height, area.width(), height)
        painter.drawText(box, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), self.table.footer)
        number = QCoreApplication.translate("Printing", "Page %1 of %2").replace("%1", str(page + 1)).replace(
            "%2", str(pages))
        painter.drawText(box, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), number)


def _fit(natural: list[float], least: list[float], available: float) -> list[float]:
    """Natural widths spread over the page when they fit; else every column keeps its header's width and the rest
    of the page is shared in proportion to what each column would need more (long texts are then cut with "…")."""
    if not natural:
        return natural
    if sum(natural) <= available:
        return [w * available / sum(natural) for w in natural]
    room = available - sum(least)
    if room <= 0:
        return [w * available / sum(least) for w in least]
    extra = [n - m for n, m in zip(natural, least, strict=True)]
    share = room / sum(extra) if sum(extra) else 0.0
    return [m + e * share for m, e in zip(least, extra, strict=True)]
