"""The map view: zoom and pan with mouse and keyboard, a tooltip under the pointer, a click selects."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QPoint, QRectF, Qt, Signal
from PySide6.QtGui import QHelpEvent, QKeyEvent, QMouseEvent, QPainter, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import QGraphicsView, QToolTip, QWidget
from typing_extensions import override

from sew_desktop.ui.statusmap.scene import MapScene

ZOOM_STEP = 1.25
CLICK_SLOP = 4  # pixels a press may move and still be a click, not a drag
PAN_STEP = 60


class MapView(QGraphicsView):
    """``municipality_clicked(code)`` on a click (not a drag) on a municipality."""

    municipality_clicked = Signal(str)

    def __init__(self, scene: MapScene, describe: Callable[[str], str], parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.map_scene = scene
        self.describe = describe
        self._pressed: QPoint | None = None
        self._zoomed = False  # fitted to Flanders until the user zooms or pans
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)

    def whole_flanders(self) -> None:
        """Show every municipality."""
        bounds = self.map_scene.itemsBoundingRect()
        if bounds.isEmpty():
            return
        margin = max(bounds.width(), bounds.height()) * 0.02
        self.setSceneRect(bounds.adjusted(-margin * 20, -margin * 20, margin * 20, margin * 20))
        self.fitInView(bounds.adjusted(-margin, -margin, margin, margin), Qt.AspectRatioMode.KeepAspectRatio)
        self._zoomed = False

    def zoom(self, factor: float) -> None:
        """Zoom in (>1) or out (<1), not further out than all of Flanders."""
        self.scale(factor, factor)
        self._zoomed = True
        visible = self.mapToScene(self.viewport().rect()).boundingRect()
        if factor < 1 and visible.contains(self.map_scene.itemsBoundingRect()):
            self.whole_flanders()

    def code_at(self, position: QPoint) -> str | None:
        """The municipality under a viewport position."""
        return self.map_scene.code_at(self.mapToScene(position))

    @override
    def wheelEvent(self, event: QWheelEvent) -> None:
        """The wheel zooms around the pointer."""
        steps = event.angleDelta().y() / 120
        if steps:
            self.zoom(ZOOM_STEP ** steps)
        event.accept()

    @override
    def keyPressEvent(self, event: QKeyEvent) -> None:
        """+ and - zoom, arrows pan, Home or 0 shows all of Flanders."""
        key = event.key()
        moves: dict[int, tuple[int, int]] = {Qt.Key.Key_Left: (-PAN_STEP, 0), Qt.Key.Key_Right: (PAN_STEP, 0),
                 Qt.Key.Key_Up: (0, -PAN_STEP), Qt.Key.Key_Down: (0, PAN_STEP)}
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom(ZOOM_STEP)
        elif key == Qt.Key.Key_Minus:
            self.zoom(1 / ZOOM_STEP)
        elif key in (Qt.Key.Key_Home, Qt.Key.Key_0):
            self.whole_flanders()
        elif key in moves:
            dx, dy = moves[key]
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() + dx)
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() + dy)
            self._zoomed = True
        else:
            super().keyPressEvent(event)

    @override
    def mousePressEvent(self, event: QMouseEvent) -> None:
        """Remember where a press began (a click, or the start of a drag)."""
        self._pressed = event.position().toPoint()
        super().mousePressEvent(event)

    @override
    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """A press released where it began is a click on the municipality there."""
        super().mouseReleaseEvent(event)
        start, self._pressed = self._pressed, None
        position = event.position().toPoint()
        if start is None or event.button() != Qt.MouseButton.LeftButton:
            return
        if (position - start).manhattanLength() > CLICK_SLOP:
            self._zoomed = True
            return
        code = self.code_at(position)
        if code is not None:
            self.municipality_clicked.emit(code)

    @override
    def viewportEvent(self, event: QEvent) -> bool:
        """The tooltip names the municipality under the pointer."""
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            code = self.code_at(event.pos())
            if code is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), self.describe(code), self.viewport())
            return True
        return super().viewportEvent(event)

    @override
    def resizeEvent(self, event: QResizeEvent) -> None:
        """Keep Flanders fitted until the user zooms."""
        super().resizeEvent(event)
        if not self._zoomed:
            self.whole_flanders()

    def visible_area(self) -> QRectF:
        """The part of the scene on screen."""
        return self.mapToScene(self.viewport().rect()).boundingRect()
