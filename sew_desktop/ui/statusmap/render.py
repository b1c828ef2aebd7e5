"""The map as a picture with title, date, legend and source credit: PNG, SVG or PDF (vector), or an image to
copy. Always in the light colours, whatever the screen palette."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtSvg import QSvgGenerator

from sew_desktop.domain.coverage.map_status import MapStatus
from sew_desktop.services.boundaries.shapes import MapShapes, Packed
from sew_desktop.ui.charts.fonts import register_fonts
from sew_desktop.ui.statusmap.legend import LegendContent, measure_legend, paint_legend
from sew_desktop.ui.statusmap.palette import MapColours
from sew_desktop.ui.statusmap.province_table import ProvinceTable, measure_province_table, paint_province_table
from sew_desktop.ui.statusmap.scene import MapScene

FORMATS = ("png", "svg", "pdf")


@dataclass(frozen=True, slots=True)
class MapPicture:
    """Everything an exported map shows."""

    shapes: MapShapes
    statuses: Mapping[str, MapStatus]
    legend: LegendContent
    title: str
    credit: str
    outlines: Mapping[int, Packed] = field(default_factory=dict)
    provinces: ProvinceTable | None = None  # drawn under the legend where the page has room for it


def _font(pixels: float, *, bold: bool = False) -> QFont:
    font = QFont(register_fonts())
    font.setPixelSize(max(8, round(pixels)))
    font.setBold(bold)
    return font


def export_scene(picture: MapPicture) -> MapScene:
    """A scene in the light colours holding the picture's map."""
    scene = MapScene(MapColours.light(), cached=False)
    scene.set_shapes(picture.shapes)
    scene.set_statuses(picture.statuses)
    scene.set_outlines(picture.outlines)
    return scene


def paint_picture(painter: QPainter, area: QRectF, picture: MapPicture, scene: MapScene) -> None:
    """Title and date above, the map, the legend and the credit below, inside ``area``."""
    colours = MapColours.light()
    text = QColor(colours.text)
    unit = min(area.width() / 1.6, area.height()) / 50
    margin = unit * 1.5
    inner = area.adjusted(margin, margin, -margin, -margin)
    painter.fillRect(area, QColor(colours.background))
    painter.setPen(text)
    title_font = _font(unit * 1.6, bold=True)
    painter.setFont(title_font)
    title_height = unit * 2.4
    painter.drawText(QRectF(inner.left(), inner.top(), inner.width(), title_height),
                     Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, picture.title)
    credit_font = _font(unit * 0.8)
    credit_height = unit * 1.4
    legend_font = _font(unit)
    legend_height = measure_legend(picture.legend, inner.width(), legend_font)
    source = scene.itemsBoundingRect()
    room = inner.height() - title_height - legend_height - credit_height - unit * 1.5
    table_font = _font(unit * 0.9)
    table = _table_room(picture, inner.width(), room, source, table_font)
    table_height = table + unit * 0.5 if table else 0.0
    scale = min(inner.width() / max(source.width(), 1), (room - table_height) / max(source.height(), 1))
    width, height = source.width() * scale, source.height() * scale
    map_area = QRectF(inner.left() + (inner.width() - width) / 2, inner.top() + title_height + unit * 0.5,
                      width, height)
    scene.render(painter, map_area, source, Qt.AspectRatioMode.KeepAspectRatio)
    paint_legend(painter, QRectF(inner.left(), map_area.bottom() + unit * 0.5, inner.width(), legend_height),
                 picture.legend, text, legend_font)
    if picture.provinces is not None and table:
        paint_province_table(painter, QRectF(inner.left(), map_area.bottom() + unit + legend_height, inner.width(),
                                             table_height), picture.provinces, text, table_font)
    painter.setFont(credit_font)
    painter.setPen(text)
    credit_top = min(map_area.bottom() + unit + legend_height + table_height, inner.bottom() - credit_height)
    painter.drawText(QRectF(inner.left(), credit_top, inner.width(), credit_height),
                     Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, picture.credit)


def _table_room(picture: MapPicture, width: float, room: float, source: QRectF, font: QFont) -> float:
    """The height the table per province takes: all it needs when the map keeps at least 80 % of the height it
    has at full width (a page, an A4 above all), none when the map would shrink more (a 16:9 picture)."""
    if picture.provinces is None:
        return 0.0
    needed = measure_province_table(picture.provinces, width, font)
    full_width_map = width / max(source.width(), 1) * source.height()
    return needed if room - needed >= min(full_width_map, room) * 0.8 else 0.0


def paint_map_page(painter: QPainter, area: QRectF, picture: MapPicture) -> None:
    """The picture on a page of another document (the PDF report)."""
    paint_picture(painter, area, picture, export_scene(picture))


def map_image(picture: MapPicture, size: QSize, scale: float = 1.0) -> QImage:
    """The picture as an image of ``size`` logical pixels times ``scale``."""
    image = QImage(QSize(round(size.width() * scale), round(size.height() * scale)), QImage.Format.Format_RGB32)
    image.fill(QColor("#FFFFFF"))
    dots_per_metre = round(96 * scale / 0.0254)  # prints at the logical size: a scale of 2 is 192 dpi
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    scene = export_scene(picture)
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.scale(scale, scale)
        paint_picture(painter, QRectF(0, 0, size.width(), size.height()), picture, scene)
    finally:
        painter.end()
    return image


def _png(picture: MapPicture, size: QSize, scale: float) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    map_image(picture, size, scale).save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs say bytes; only str works
    return bytes(data.data())


def _svg(picture: MapPicture, size: QSize) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(size)
    generator.setViewBox(QRectF(0, 0, size.width(), size.height()))
    generator.setResolution(96)
    generator.setTitle(picture.title)
    generator.setDescription(picture.credit)
    scene = export_scene(picture)
    painter = QPainter(generator)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        paint_picture(painter, QRectF(0, 0, size.width(), size.height()), picture, scene)
    finally:
        painter.end()
    return bytes(data.data())


def _pdf(picture: MapPicture) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(96)
    writer.setTitle(picture.title)
    writer.setCreator("SEW Desktop")
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Landscape,
                                     QMarginsF(0, 0, 0, 0)))
    scene = export_scene(picture)
    painter = QPainter(writer)
    try:
        paint_picture(painter, QRectF(0, 0, writer.width(), writer.height()), picture, scene)
    finally:
        painter.end()  # never leave a painter on a PDF writer open (it crashes the process)
    return bytes(data.data())


def render_map(picture: MapPicture, fmt: str, size: QSize | None = None, scale: float = 1.0) -> bytes:
    """The picture as PNG (``size`` × ``scale`` pixels), SVG (``size``) or an A4 landscape PDF."""
    size = size or QSize(1600, 900)
    if fmt == "png":
        return _png(picture, size, scale)
    if fmt == "svg":
        return _svg(picture, size)
    if fmt == "pdf":
        return _pdf(picture)
    raise ValueError(f"unknown map format {fmt!r}")
