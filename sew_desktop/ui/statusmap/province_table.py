"""The map's statuses per province, as a small table: under the map on screen when there is room, and on the
map's PDF page under its legend (where the wide map of Flanders leaves a third of an A4 page free)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QSizePolicy, QTableWidget, QTableWidgetItem, QWidget

from sew_desktop.domain.coverage import FLANDERS, PUBLISHED_PROVINCE_ORDER
from sew_desktop.domain.coverage.map_status import MapStatus, ProvinceStatuses, statuses_per_province
from sew_desktop.store.repository import Repository
from sew_desktop.ui.core.i18n import Language, locale_for
from sew_desktop.ui.core.labels import area_label
from sew_desktop.ui.statusmap import texts
from sew_desktop.ui.statusmap.palette import MapColours


@dataclass(frozen=True, slots=True)
class ProvinceTable:
    """The table's words and numbers: one column per map status (with its colour), then the total."""

    headers: tuple[str, ...]  # the status columns' names, then "Total"
    fills: tuple[str, ...]  # the status columns' colours
    rows: tuple[tuple[str, tuple[str, ...]], ...]  # province (Flanders last), its counts as written


def province_rows(repository: Repository, statuses: Mapping[str, MapStatus]) -> list[ProvinceStatuses]:
    """The statuses counted per province of ``repository``'s municipalities, West-Vlaanderen first."""
    province_of = {code: m.province_nis for code, m in repository.municipalities().items()}
    return statuses_per_province(statuses, province_of, PUBLISHED_PROVINCE_ORDER)


def province_table(rows: Sequence[ProvinceStatuses], colours: MapColours, language: Language) -> ProvinceTable:
    """The table of ``rows`` in ``colours``, with numbers written as ``language`` writes them."""
    locale = locale_for(language)
    headers = (*(texts.status_name(s) for s in MapStatus), QCoreApplication.translate("StatusMap", "total"))
    body = tuple((area_label(FLANDERS if row.province_nis is None else "", row.province_nis),
                  tuple(locale.toString(n) for n in (*(row.counts[s] for s in MapStatus), row.total)))
                 for row in rows)
    return ProvinceTable(headers, tuple(colours.fills[s] for s in MapStatus), body)


def first_header() -> str:
    """The first column's title."""
    return QCoreApplication.translate("StatusMap", "Province")


@dataclass(frozen=True, slots=True)
class _Grid:
    """Where the painted table's cells go."""

    name_width: float
    column_width: float
    header_height: float
    line: float


def _grid(content: ProvinceTable, width: float, font: QFont) -> _Grid:
    metrics = QFontMetricsF(font)
    name_width = max(metrics.horizontalAdvance(name) for name in (first_header(), *(r[0] for r in content.rows)))
    column_width = min((width - name_width - 12) / len(content.headers), metrics.horizontalAdvance("0") * 14)
    # Headers: a colour swatch over up to two lines of words.
    return _Grid(name_width + 12, column_width, metrics.height() * 3.2, metrics.height() * 1.3)


def measure_province_table(content: ProvinceTable, width: float, font: QFont) -> float:
    """The height :func:`paint_province_table` needs."""
    grid = _grid(content, width, font)
    return grid.header_height + grid.line * len(content.rows)


def paint_province_table(painter: QPainter, area: QRectF, content: ProvinceTable, text: QColor, font: QFont) -> None:
    """Paint the table at the top left of ``area``: headers over two lines with the status's colour, numbers
    right-aligned, Flanders in bold under a rule."""
    grid = _grid(content, area.width(), font)
    painter.save()
    painter.setFont(font)
    painter.setPen(text)
    swatch = QFontMetricsF(font).height() * 0.8
    top = area.top()
    painter.drawText(QRectF(area.left(), top, grid.name_width, grid.header_height),
                     Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, first_header())
    for number, header in enumerate(content.headers):
        cell = QRectF(area.left() + grid.name_width + number * grid.column_width, top, grid.column_width - 4,
                      grid.header_height)
        if number < len(content.fills):
            painter.setPen(QPen(text, 0.6))
            painter.setBrush(QColor(content.fills[number]))
            painter.drawRect(QRectF(cell.right() - swatch, cell.top(), swatch, swatch))
        painter.drawText(cell.adjusted(0, swatch + 2, 0, 0), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom
                         | Qt.TextFlag.TextWordWrap, header)
    _paint_rows(painter, area, content, grid, font)
    painter.restore()


def _paint_rows(painter: QPainter, area: QRectF, content: ProvinceTable, grid: _Grid, font: QFont) -> None:
    right = area.left() + grid.name_width + len(content.headers) * grid.column_width
    y = area.top() + grid.header_height + 2
    painter.drawLine(QPointF(area.left(), y - 1), QPointF(right, y - 1))
    for number, (name, counts) in enumerate(content.rows):
        if number == len(content.rows) - 1:  # Flanders: bold, under a rule
            bold = QFont(font)
            bold.setBold(True)
            painter.setFont(bold)
            painter.drawLine(QPointF(area.left(), y), QPointF(right, y))
        painter.drawText(QRectF(area.left(), y, grid.name_width, grid.line),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, name)
        for column, count in enumerate(counts):
            painter.drawText(QRectF(area.left() + grid.name_width + column * grid.column_width, y,
                                    grid.column_width - 4, grid.line),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, count)
        y += grid.line


def _swatch(fill: str, size: int) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(fill))
    return QIcon(pixmap)


class ProvinceStatusTable(QTableWidget):
    """The table under the map on screen (read-only; its height is that of its rows)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusMapProvinces")
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.verticalHeader().setVisible(False)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(True)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_content(self, content: ProvinceTable) -> None:
        """Show new counts."""
        self.setColumnCount(len(content.headers) + 1)
        self.setRowCount(len(content.rows))
        swatch = self.fontMetrics().height() - 4
        self.setHorizontalHeaderItem(0, QTableWidgetItem(first_header()))
        for number, header in enumerate(content.headers, start=1):
            item = QTableWidgetItem(_two_lines(header))
            if number <= len(content.fills):
                item.setIcon(_swatch(content.fills[number - 1], swatch))
            self.setHorizontalHeaderItem(number, item)
        for row, (name, counts) in enumerate(content.rows):
            self._set(row, 0, name, Qt.AlignmentFlag.AlignLeft, bold=row == len(content.rows) - 1)
            for column, count in enumerate(counts, start=1):
                self._set(row, column, count, Qt.AlignmentFlag.AlignRight, bold=row == len(content.rows) - 1)
        self.setFixedHeight(self.needed_height())

    def _set(self, row: int, column: int, text: str, align: Qt.AlignmentFlag, *, bold: bool) -> None:
        item = QTableWidgetItem(text)
        item.setTextAlignment(align | Qt.AlignmentFlag.AlignVCenter)
        if bold:
            font = item.font()
            font.setBold(True)
            item.setFont(font)
        self.setItem(row, column, item)

    def needed_width(self) -> int:
        """Every column as wide as its header and numbers."""
        header = self.horizontalHeader()
        return sum(max(header.sectionSizeHint(c), self.sizeHintForColumn(c)) for c in range(self.columnCount())) \
            + 2 * self.frameWidth()

    def needed_height(self) -> int:
        """Header and every row, no scroll bar."""
        rows = sum(self.rowHeight(r) for r in range(self.rowCount()))
        return self.horizontalHeader().sizeHint().height() + rows + 2 * self.frameWidth()


def _two_lines(text: str) -> str:
    """"afgesloten via\\nregiegebied": a long header broken at the space nearest its middle."""
    spaces = [n for n, char in enumerate(text) if char == " "]
    if len(text) < 12 or not spaces:
        return text
    middle = min(spaces, key=lambda n: abs(n - len(text) / 2))
    return f"{text[:middle]}\n{text[middle + 1:]}"
