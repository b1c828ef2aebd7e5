"""The status map in its own, larger window."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

if TYPE_CHECKING:
    from sew_desktop.ui.map.controller import StatusMapController


class MapWindow(QWidget):
    """A top-level window holding a second map, fed by the same controller (same statuses and selection)."""

    def __init__(self, controller: StatusMapController, owner: QWidget | None = None) -> None:
        super().__init__(owner, Qt.WindowType.Window)
        self.setObjectName("statusMapWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(QCoreApplication.translate("StatusMap", "Status map — SEW Desktop"))
        self.map = controller.new_widget(self, in_window=True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.map)
        self.resize(1100, 850)
