"""Table pages that fit a small screen: the filter keeps a usable width, the tool buttons drop their text when
the page is narrow (the toolbar and the Edit menu hold the same actions), columns sized within limits."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QSplitter, QToolButton, QWidget
from typing_extensions import override

FILTER_CHARACTERS = 18  # "Filter (Ctrl+F)…" and a few typed words stay readable
COMBO_CHARACTERS = 12  # "Vlaams-Brabant", "All provinces"


def keep_usable_width(search: QLineEdit, province: QComboBox) -> None:
    """A minimum width for the filter (its placeholder readable) and the province combo."""
    metrics = search.fontMetrics()
    placeholder = metrics.horizontalAdvance(search.placeholderText())
    search.setMinimumWidth(max(placeholder, metrics.averageCharWidth() * FILTER_CHARACTERS) + 36)
    province.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    province.setMinimumContentsLength(COMBO_CHARACTERS)


class CompactButtons(QObject):
    """Shows tool buttons with their text while the page has room for it, only their icon when it has not."""

    def __init__(self, page: QWidget, others: list[QWidget], buttons: list[QToolButton]) -> None:
        super().__init__(page)
        self.page = page
        self.others = others  # the other widgets of the row (filter, province)
        self.buttons = buttons
        self.text_widths = [button.sizeHint().width() for button in buttons]  # measured with their texts
        for button in buttons:  # the page may shrink to the buttons' icons
            button.setMinimumWidth(button.iconSize().width() + 12)
        page.installEventFilter(self)

    def needed_width(self) -> int:
        """The width of the page's tool row with the buttons' texts."""
        spacing = 6 * (len(self.others) + len(self.buttons)) + 8
        return sum(widget.minimumSizeHint().width() for widget in self.others) + sum(self.text_widths) + spacing

    def fit(self) -> None:
        """Text beside the icons when it fits, else icons alone."""
        wide = self.page.width() >= self.needed_width()
        style = Qt.ToolButtonStyle.ToolButtonTextBesideIcon if wide else Qt.ToolButtonStyle.ToolButtonIconOnly
        for button in self.buttons:
            if button.toolButtonStyle() != style:
                button.setToolButtonStyle(style)

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Re-check on every resize of the page."""
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self.fit()
        return False


class SideBySideOrStacked(QObject):
    """Two panes of a splitter side by side while both fit their minimum width, one above the other when the
    window is narrow (1366×768 at 150 %): the table keeps a usable width and the window fits the screen."""

    def __init__(self, splitter: QSplitter) -> None:
        super().__init__(splitter)
        self.splitter = splitter
        splitter.installEventFilter(self)
        self.fit()

    def panes(self) -> list[QWidget]:
        """The splitter's widgets."""
        widgets = (self.splitter.widget(i) for i in range(self.splitter.count()))
        return [widget for widget in widgets if widget is not None]

    def needed_width(self) -> int:
        """The width both panes need side by side."""
        panes = self.panes()
        minimums = [max(p.minimumWidth(), p.minimumSizeHint().width()) for p in panes]
        return sum(minimums) + self.splitter.handleWidth() * (len(panes) - 1)

    def fit(self) -> None:
        """Horizontal when wide enough, vertical otherwise."""
        widest = max(pane.minimumSizeHint().width() for pane in self.panes())
        if self.splitter.minimumWidth() != widest:  # the widest pane, not the sum: the window may get narrower
            self.splitter.setMinimumWidth(widest)
        wide = self.splitter.width() >= self.needed_width()
        orientation = Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical
        if self.splitter.orientation() != orientation:
            self.splitter.setOrientation(orientation)

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Re-check on every resize."""
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self.fit()
        return False
