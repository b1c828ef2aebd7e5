"""The status map in its own, larger window."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from sew_desktop.ui.core.screens import resize_to_fit


class MapWindow(QWidget):
    """A top-level window holding a second map, fed by the same controller (same statuses and selection):
    ``make_map(parent)`` makes that map."""

    def __init__(self, make_map: Callable[[QWidget], QWidget], owner: QWidget | None = None) -> None:
        super().__init__(owner, Qt.WindowType.Window)
        self.setObjectName("statusMapWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(QCoreApplication.translate("StatusMap", "Status map — SEW Desktop"))
        self.map = make_map(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.map)
        resize_to_fit(self, 1100, 850)
