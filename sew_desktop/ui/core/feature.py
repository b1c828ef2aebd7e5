"""What a feature contributes to the window besides its actions: tabs, pages of the coverage dock, docks and
status-bar widgets. The window places them in its constructor."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QWidget


@dataclass(frozen=True)
class DockPart:
    """A dock of its own: where it goes and whether it shows at first (its toggle goes into View)."""

    dock: QDockWidget
    area: Qt.DockWidgetArea
    visible: bool = False


@dataclass(frozen=True)
class Contribution:
    """The widgets one feature adds to the window."""

    tabs: tuple[tuple[str, QWidget], ...] = ()
    dock_pages: tuple[tuple[str, QWidget], ...] = ()  # tabs of the coverage dock
    docks: tuple[DockPart, ...] = ()
    status_widgets: tuple[QWidget, ...] = ()

