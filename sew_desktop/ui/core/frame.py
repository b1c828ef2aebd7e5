"""The surfaces of one window that exist before the window: the tab widget, the status bar and the window's events.

Features are built before the window (the window receives them whole), so they attach to these instead of to the
window: messages go to the status bar, dialogs take the tabs as their parent, and the window reports its events
here (active again, closing, closed, files dropped)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QStatusBar, QTabWidget, QWidget

from sew_desktop.ui.core.table_page import TablePage, page_in

MESSAGE_MS = 8000


class WindowFrame(QObject):
    """The tab widget and status bar of one window, and its events: ``activated()`` (active again, as after every
    dialog), ``closing()`` (before the file closes: stop timers), ``closed()`` (the file is released now) and
    ``files_dropped(list[Path])``."""

    activated = Signal()
    closing = Signal()
    closed = Signal()
    files_dropped = Signal(list)

    def __init__(self) -> None:
        super().__init__()
        self.tabs = QTabWidget()
        self.tabs.setObjectName("tables")
        self.tabs.setDocumentMode(True)
        self.status = QStatusBar()
        self._refusal = ""

    def host(self) -> QWidget:
        """The parent for dialogs: they centre on the window and close with it."""
        return self.tabs

    def close_window(self) -> None:
        """File › Quit."""
        self.tabs.window().close()

    def table_pages(self) -> list[TablePage]:
        """Every table page on the tabs."""
        return self.tabs.findChildren(TablePage)

    def current_page(self) -> TablePage | None:
        """The table page of the current tab (None on a tab without one, such as the open calls)."""
        return page_in(self.tabs.currentWidget())

    def show_message(self, text: str, milliseconds: int = MESSAGE_MS) -> None:
        """A passing message in the status bar."""
        self.status.showMessage(text, milliseconds)

    def show_refusal(self, text: str) -> None:
        """Why an edit or paste was refused: it stays in the status bar (with a warning sign) until the next
        change is stored or another message comes, so that it cannot be missed."""
        self._refusal = text
        self.status.showMessage("⚠ " + text)

    def clear_refusal(self, *_: object) -> None:
        """A change was stored (or undone): the last refusal no longer applies."""
        if self._refusal and self.status.currentMessage() == "⚠ " + self._refusal:
            self.status.clearMessage()
        self._refusal = ""
