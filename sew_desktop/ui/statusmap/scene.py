"""The map's scene: one path item per municipality, province borders on top, optional regiegebied outlines."""

from __future__ import annotations

import struct
from collections.abc import Mapping

import numpy as np
from PySide6.QtCore import QByteArray, QDataStream, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QGraphicsScene
from typing_extensions import override

from sew_desktop.domain.coverage.map_status import MapStatus
from sew_desktop.services.boundaries.shapes import MapShapes, Packed
from sew_desktop.ui.statusmap.palette import MapColours

CODE = 0  # item data key: the municipality's NIS code


def painter_path(packed: Packed) -> QPainterPath:
    """Packed rings as one path (even-odd: holes stay holes); north is up, so y is negated.

    Each ring goes to Qt through QDataStream's QPolygonF format (a count, then big-endian doubles): ten times
    faster than one QPointF per vertex, which was most of the first paint."""
    (count,) = struct.unpack_from("=I", packed)
    lengths = np.frombuffer(packed, dtype=np.uint32, count=count, offset=4)
    coordinates = np.frombuffer(packed, dtype=np.float64, offset=4 + 4 * count).reshape(-1, 2) * (1.0, -1.0)
    big_endian = coordinates.astype(">f8")
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.OddEvenFill)
    start = 0
    for length in lengths.tolist():
        polygon = QPolygonF()
        stream = QDataStream(QByteArray(struct.pack(">I", length) + big_endian[start:start + length].tobytes()))
        stream >> polygon
        path.addPolygon(polygon)
        path.closeSubpath()
        start += length
    return path


class PathItem(QGraphicsPathItem):
    """A path item whose bounds and shape are the path's own. Qt's default strokes the whole path with the pen
    to find them -- tens of milliseconds for a province at the first paint, and again at every hit test --
    needless for the thin cosmetic pens of a map."""

    def __init__(self, path: QPainterPath) -> None:
        super().__init__(path)
        self._bounds = path.controlPointRect()

    @override
    def boundingRect(self) -> QRectF:
        """The path's control points."""
        return self._bounds

    @override
    def shape(self) -> QPainterPath:
        """The filled path."""
        return self.path()


def _pen(colour: str, width: float, style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> QPen:
    pen = QPen(QColor(colour), width, style)
    pen.setCosmetic(True)  # the same width at every zoom
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


class MapScene(QGraphicsScene):
    """Municipalities coloured by status; :meth:`set_statuses` recolours only the items whose status changed."""

    def __init__(self, colours: MapColours, *, cached: bool = True) -> None:
        super().__init__()
        self.colours = colours
        # On screen each item keeps its pixels: a recolour repaints one item, a repaint blits (~1 ms instead of
        # ~50 ms for 50,000 vertices); exports draw vectors (no cache).
        self.cache_mode = (QGraphicsItem.CacheMode.DeviceCoordinateCache if cached
                           else QGraphicsItem.CacheMode.NoCache)
        self.items_by_code: dict[str, QGraphicsPathItem] = {}
        self.statuses: dict[str, MapStatus] = {}
        self._provinces: list[QGraphicsPathItem] = []
        self._outlines: list[QGraphicsPathItem] = []
        self._highlight: list[QGraphicsPathItem] = []
        self.highlighted: str | None = None
        self.setBackgroundBrush(QColor(colours.background))
        # A few hundred static items: a BSP index costs more to build (at the first paint) than it saves.
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)

    def _add(self, path: QPainterPath, pen: QPen, brush: QBrush | QColor) -> QGraphicsPathItem:
        item = PathItem(path)
        item.setPen(pen)
        item.setBrush(brush)
        item.setCacheMode(self.cache_mode)
        self.addItem(item)
        return item

    def set_shapes(self, shapes: MapShapes) -> None:
        """New shapes: every item is made again (statuses are kept and applied)."""
        self.clear()
        self.items_by_code, self._provinces, self._outlines, self._highlight = {}, [], [], []
        previous, self.highlighted = self.highlighted, None
        border = _pen(self.colours.border, 0.5)
        for code, rings in shapes.municipalities.items():
            item = self._add(painter_path(rings), border, self.colours.fill(self.statuses.get(code)))
            item.setData(CODE, code)
            self.items_by_code[code] = item
        province = _pen(self.colours.province, 1.6)
        for rings in shapes.provinces.values():
            item = self._add(painter_path(rings), province, QBrush(Qt.BrushStyle.NoBrush))
            item.setZValue(2)
            self._provinces.append(item)
        self.highlight(previous)

    def set_statuses(self, statuses: Mapping[str, MapStatus]) -> int:
        """Recolour the municipalities whose status changed; returns how many did."""
        changed = 0
        for code, item in self.items_by_code.items():
            status = statuses.get(code)
            if self.statuses.get(code) is not status:
                item.setBrush(self.colours.fill(status))
                changed += 1
        self.statuses = dict(statuses)
        return changed

    def set_colours(self, colours: MapColours) -> None:
        """Other colours (light or dark palette): every item is recoloured."""
        self.colours = colours
        self.setBackgroundBrush(QColor(colours.background))
        for code, item in self.items_by_code.items():
            item.setBrush(colours.fill(self.statuses.get(code)))
            item.setPen(_pen(colours.border, 0.5))
        for item in self._provinces:
            item.setPen(_pen(colours.province, 1.6))
        for item in self._outlines:
            item.setPen(_pen(colours.region, 1.4, Qt.PenStyle.DashLine))
        self.highlight(self.highlighted)

    def set_outlines(self, outlines: Mapping[int, Packed]) -> None:
        """Regiegebied outlines (empty: none)."""
        for item in self._outlines:
            self.removeItem(item)
        self._outlines = []
        pen = _pen(self.colours.region, 1.4, Qt.PenStyle.DashLine)
        for rings in outlines.values():
            item = self._add(painter_path(rings), pen, QBrush(Qt.BrushStyle.NoBrush))
            item.setZValue(1)
            self._outlines.append(item)

    def highlight(self, code: str | None) -> None:
        """Outline the selected municipality (None: nothing selected)."""
        for old in self._highlight:
            self.removeItem(old)
        self._highlight = []
        self.highlighted = code if code in self.items_by_code else None
        item = self.items_by_code.get(code or "")
        if item is None:
            return
        # A dark line with a light one inside: visible on every fill, in light and dark palettes.
        for colour, width, z in ((self.colours.selection, 4.0, 3.0), (self.colours.background, 1.5, 3.1)):
            line = self._add(item.path(), _pen(colour, width), QBrush(Qt.BrushStyle.NoBrush))
            line.setZValue(z)
            self._highlight.append(line)

    def code_at(self, point: QPointF) -> str | None:
        """The municipality under a scene point."""
        for item in self.items(point):
            code = item.data(CODE)
            if isinstance(code, str):
                return code
        return None
