"""A notice over an empty filtered table: "Geen rijen voldoen aan de filter", with a button that resets it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout
from typing_extensions import override

from sew_desktop.ui.core.table_page import TablePage


class EmptyResultNotice(QFrame):
    """Shown in the middle of the table while the filter hides every row."""

    def __init__(self, page: TablePage) -> None:
        super().__init__(page.view.viewport())
        self.page = page
        self.setObjectName("emptyResultNotice")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.label = QLabel(self)
        self.label.setObjectName("emptyResultText")
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.button = QPushButton(self)
        self.button.setObjectName("resetFilterButton")
        self.retranslate()
        self.button.clicked.connect(lambda _=False: page.reset_filter())
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignCenter)
        proxy = page.proxy
        for signal in (proxy.modelReset, proxy.layoutChanged, proxy.rowsInserted, proxy.rowsRemoved):
            signal.connect(self.update_visibility)
        page.view.viewport().installEventFilter(self)
        self.update_visibility()

    def retranslate(self) -> None:
        """The texts in the current language."""
        self.label.setText(QCoreApplication.translate("EmptyResult", "No rows match the filter"))
        self.button.setText(QCoreApplication.translate("EmptyResult", "&Reset the filter"))

    @override
    def changeEvent(self, event: QEvent) -> None:
        """Follow a language switch in place."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def update_visibility(self, *_: object) -> None:
        """Visible exactly when a filter is set and no row passes it."""
        empty = self.page.proxy.rowCount() == 0 and self.page.proxy.is_filtered()
        if empty:
            self._place()
        self.setVisible(empty)

    def _place(self) -> None:
        self.adjustSize()
        area = self.page.view.viewport().rect()
        self.move(max(0, (area.width() - self.width()) // 2), max(0, min(80, (area.height() - self.height()) // 2)))

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Stay centred when the table is resized."""
        if event.type() == QEvent.Type.Resize and self.isVisible():
            self._place()
        return False
