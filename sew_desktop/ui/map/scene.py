"""The map's scene: one path item per municipality, province borders on top, optional regiegebied outlines."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsScene

from sew_desktop.domain.map_status import MapStatus
from sew_desktop.services.boundaries.shapes import MapShapes, Rings
from sew_desktop.ui.map.palette import MapColours

CODE = 0  # item data key: the municipality's NIS code


def painter_path(rings: Rings) -> QPainterPath:
    """Rings as one path (even-odd: holes stay holes); north is up, so y is negated."""
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.OddEvenFill)
    for ring in rings:
        path.addPolygon(QPolygonF([QPointF(x, -y) for x, y in ring]))
        path.closeSubpath()
    return path


def _pen(colour: str, width: float, style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> QPen:
    pen = QPen(QColor(colour), width, style)
    pen.setCosmetic(True)  # the same width at every zoom
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


class MapScene(QGraphicsScene):
    """Municipalities coloured by status; :meth:`set_statuses` recolours only the items whose status changed."""

    def __init__(self, colours: MapColours) -> None:
        super().__init__()
        self.colours = colours
        self.items_by_code: dict[str, QGraphicsPathItem] = {}
        self.statuses: dict[str, MapStatus] = {}
        self._provinces: list[QGraphicsPathItem] = []
        self._outlines: list[QGraphicsPathItem] = []
        self._highlight: QGraphicsPathItem | None = None
        self.highlighted: str | None = None
        self.setBackgroundBrush(QColor(colours.background))

    def set_shapes(self, shapes: MapShapes) -> None:
        """New shapes: every item is made again (statuses are kept and applied)."""
        self.clear()
        self.items_by_code, self._provinces, self._outlines, self._highlight = {}, [], [], None
        previous, self.highlighted = self.highlighted, None
        border = _pen(self.colours.border, 0.5)
        for code, rings in shapes.municipalities.items():
            item = self.addPath(painter_path(rings), border, self.colours.fill(self.statuses.get(code)))
            item.setData(CODE, code)
            self.items_by_code[code] = item
        province = _pen(self.colours.province, 1.6)
        for rings in shapes.provinces.values():
            item = self.addPath(painter_path(rings), province, QBrush(Qt.BrushStyle.NoBrush))
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
        if self._highlight is not None:
            self._highlight.setPen(_pen(colours.selection, 3.0))

    def set_outlines(self, outlines: Mapping[int, Rings]) -> None:
        """Regiegebied outlines (empty: none)."""
        for item in self._outlines:
            self.removeItem(item)
        self._outlines = []
        pen = _pen(self.colours.region, 1.4, Qt.PenStyle.DashLine)
        for rings in outlines.values():
            item = self.addPath(painter_path(rings), pen, QBrush(Qt.BrushStyle.NoBrush))
            item.setZValue(1)
            self._outlines.append(item)

    def highlight(self, code: str | None) -> None:
        """Outline the selected municipality (None: nothing selected)."""
        if self._highlight is not None:
            self.removeItem(self._highlight)
            self._highlight = None
        self.highlighted = code if code in self.items_by_code else None
        item = self.items_by_code.get(code or "")
        if item is not None:
            self._highlight = self.addPath(item.path(), _pen(self.colours.selection, 3.0),
                                           QBrush(Qt.BrushStyle.NoBrush))
            self._highlight.setZValue(3)

    def code_at(self, point: QPointF) -> str | None:
        """The municipality under a scene point."""
        for item in self.items(point):
            code = item.data(CODE)
            if isinstance(code, str):
                return code
        return None
