"""The team's status-bar indicator: a label that opens the conflicts panel when clicked."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QLabel, QWidget
from typing_extensions import override


class TeamIndicator(QLabel):
    """"Gesynchroniseerd om 14:02 · 3 wijzigingen wachten"; ``clicked()`` on a click."""

    clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("teamIndicator")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setContentsMargins(12, 0, 4, 0)  # apart from the row count beside it
        self.setVisible(False)

    @override
    def mousePressEvent(self, event: QMouseEvent) -> None:
        """A click opens the conflicts panel."""
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mousePressEvent(event)
