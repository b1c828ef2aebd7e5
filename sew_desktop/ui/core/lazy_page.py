"""A tab page that stays empty until it is first painted, so what it will hold (charts, the map) is imported and
built only after the window is on screen."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget
from typing_extensions import override

from sew_desktop.ui.core.later import next_turn


class LazyPage(QWidget):
    """``first_painted()`` in the event-loop turn after the page is first painted; ``hold`` puts the content in."""

    first_painted = Signal()

    def __init__(self, object_name: str) -> None:
        super().__init__()
        self.setObjectName(object_name)
        self._painted = False
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def hold(self, content: QWidget) -> None:
        """Show ``content`` in this page, at once (not in a later turn: it can show the current figures now)."""
        self._layout.addWidget(content)
        content.show()

    @override
    def paintEvent(self, event: QPaintEvent) -> None:
        """The first paint asks for the content in the next event-loop turn, after the window is on screen."""
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            next_turn(self, self.first_painted.emit)
