"""Toolbar and menu icons: line drawings in resources/icons/actions, drawn in the palette's text colour so they
stay visible on light and dark themes."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QObject, QRectF, Qt
from PySide6.QtGui import QAction, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from sew_desktop.ui.core.i18n import resources_dir

SIZES = (16, 24, 32, 48)
DISABLED_OPACITY = 0.35


ICON_PROPERTY = "sewIcon"


def set_action_icon(action: QAction, name: str, palette: QPalette) -> None:
    """Give ``action`` the icon ``name``, remembered so that a palette change can repaint it."""
    action.setProperty(ICON_PROPERTY, name)
    action.setIcon(action_icon(name, palette))


def repaint_action_icons(owner: QObject, palette: QPalette) -> None:
    """Draw the icons of ``owner``'s actions again in the colours of ``palette`` (light/dark switched)."""
    for action in owner.findChildren(QAction):
        name = action.property(ICON_PROPERTY)
        if isinstance(name, str):
            action.setIcon(action_icon(name, palette))


def action_icon(name: str, palette: QPalette) -> QIcon:
    """The icon ``name`` (e.g. "undo") in the text colour; faded when its action is disabled."""
    colour = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.WindowText).name()
    renderer = QSvgRenderer(QByteArray(_drawing(name).replace("currentColor", colour).encode("utf-8")))
    icon = QIcon()
    for size in SIZES:
        icon.addPixmap(_render(renderer, size, 1.0), QIcon.Mode.Normal)
        icon.addPixmap(_render(renderer, size, DISABLED_OPACITY), QIcon.Mode.Disabled)
    return icon


@cache
def _drawing(name: str) -> str:
    """The SVG text of icon ``name``, read once (plain text: no Qt object outlives the application)."""
    return (resources_dir() / "icons" / "actions" / f"{name}.svg").read_text(encoding="utf-8")


def _render(renderer: QSvgRenderer, size: int, opacity: float) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    try:
        painter.setOpacity(opacity)
        renderer.render(painter, QRectF(0, 0, size, size))
    finally:
        painter.end()
    return pixmap
