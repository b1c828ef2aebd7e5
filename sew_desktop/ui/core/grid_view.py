"""A table view that moves like a spreadsheet and keeps a refused value in its editor.

Tab/Shift+Tab move right/left and Enter/Shift+Enter down/up, whether an editor is open or not (the editor's value
is stored first, and the next cell is not opened for editing, as in Excel). When the model refuses what was typed,
the editor stays open with the typed text and the reason beside it, until the text is corrected or Escape pressed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QPoint, Qt
from PySide6.QtGui import QHelpEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QFrame,
    QLabel,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolTip,
    QWidget,
)
from typing_extensions import override

Refusal = Callable[[], "str | None"]  # why the model refused the last edit (None: it was stored)
EndEditHint = QAbstractItemDelegate.EndEditHint
AnyIndex = QModelIndex | QPersistentModelIndex
ENTER_KEYS = frozenset({Qt.Key.Key_Return, Qt.Key.Key_Enter})


class GridDelegate(QStyledItemDelegate):
    """The delegate every grid cell uses: remembers whether Enter or Shift+Enter closed its editor, so that the
    view can move down or up afterwards (Qt reports both as one hint)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.enter_step = 0

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Note the direction of Enter before Qt commits the editor."""
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and event.key() in ENTER_KEYS:
            self.enter_step = -1 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 1
        return super().eventFilter(watched, event)

    @override
    def helpEvent(self, event: QHelpEvent, view: QAbstractItemView, option: QStyleOptionViewItem,
                  index: QModelIndex | QPersistentModelIndex) -> bool:
        """A text cut off by its column is shown in full as the tooltip (a cell's own tooltip comes first)."""
        if event.type() == QEvent.Type.ToolTip and index.isValid() and not index.data(Qt.ItemDataRole.ToolTipRole):
            text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
            if text and is_cut(text, option):
                QToolTip.showText(event.globalPos(), text, view, view.visualRect(index))
                return True
        return super().helpEvent(event, view, option, index)

    def take_enter_step(self) -> int:
        """The row step of the last Enter (0: the editor was not closed by Enter); reading it resets it."""
        step, self.enter_step = self.enter_step, 0
        return step


def is_cut(text: str, option: QStyleOptionViewItem) -> bool:
    """Whether ``text`` needs more room than the cell ``option`` describes (with the style's text margins)."""
    margin = 2 * (QApplication.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1)
    return option.fontMetrics.horizontalAdvance(text) + margin > option.rect.width()


class RefusalNote(QLabel):
    """The reason for a refusal, shown under the open editor like a tooltip that stays."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.area = parent  # the viewport the note stays inside
        self.setObjectName("refusalNote")
        self.setWordWrap(True)
        self.setFrameShape(QFrame.Shape.Box)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(self.palette().ColorRole.ToolTipBase)
        self.setForegroundRole(self.palette().ColorRole.ToolTipText)
        self.setMargin(4)
        self.hide()

    def show_under(self, editor: QWidget, text: str) -> None:
        """Show ``text`` just below ``editor`` (above it when there is no room below)."""
        self.setText(text)
        width = max(editor.width(), 320)
        self.setFixedWidth(min(width, self.area.width()))
        self.adjustSize()
        below = editor.geometry().bottomLeft() + QPoint(0, 1)
        if below.y() + self.height() > self.area.height():
            below = editor.geometry().topLeft() - QPoint(0, self.height() + 1)
        left = min(below.x(), max(0, self.area.width() - self.width()))
        self.move(left, below.y())
        self.raise_()
        self.show()


class GridView(QTableView):
    """A QTableView with spreadsheet movement and refusals that stay in the editor (see the module)."""

    def __init__(self, refusal: Refusal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.refusal = refusal
        self.delegate = GridDelegate(self)
        self.setItemDelegate(self.delegate)
        self.setTabKeyNavigation(True)  # Tab moves between cells; Ctrl+Tab or F6 leaves the pane
        self.note = RefusalNote(self.viewport())
        self._refused: str | None = None

    # -- moving ------------------------------------------------------------------------------------------

    @override
    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Tab, Shift+Tab, Enter and Shift+Enter move the current cell; other keys as in Qt."""
        if self.state() != QAbstractItemView.State.EditingState:
            step = key_step(event)
            if step is not None and event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier \
                    & ~Qt.KeyboardModifier.KeypadModifier == Qt.KeyboardModifier.NoModifier:
                model = self.model()
                if step[1] and (model is None or model.rowCount() == 0):
                    event.ignore()  # no cell to move to (a filter left no rows): Tab goes on to the next field
                    return
                self.move_current(*step)
                event.accept()
                return
        super().keyPressEvent(event)

    def move_current(self, rows: int, columns: int) -> None:
        """Move the current cell by one row or one column; Tab at a row's end goes on at the next row's start,
        as in Excel; hidden columns are skipped."""
        current = self.currentIndex()
        model = self.model()
        if model is None or model.rowCount() == 0:
            return
        if not current.isValid():
            self.setCurrentIndex(model.index(0, self._visible_columns()[0]))
            return
        row, column = current.row() + rows, current.column()
        if columns:
            visible = self._visible_columns()
            position = visible.index(column) + columns if column in visible else 0
            if position >= len(visible):
                row, position = row + 1, 0
            elif position < 0:
                row, position = row - 1, len(visible) - 1
            column = visible[position]
        if 0 <= row < model.rowCount():
            target = model.index(row, column)
            self.setCurrentIndex(target)
            self.scrollTo(target)

    def _visible_columns(self) -> list[int]:
        model = self.model()
        columns = [c for c in range(model.columnCount()) if not self.isColumnHidden(c)] if model else []
        return sorted(columns, key=self.horizontalHeader().visualIndex) or [0]

    # -- editing -------------------------------------------------------------------------------------------

    @override
    def dataChanged(self, topLeft: AnyIndex, bottomRight: AnyIndex, roles: Sequence[int] = ()) -> None:
        """A tooltip (the reason of a refusal) changes nothing to paint, and must not put the stored value back
        into the editor that still holds what was typed."""
        if roles and set(roles) <= {Qt.ItemDataRole.ToolTipRole}:
            return
        super().dataChanged(topLeft, bottomRight, roles)

    @override
    def commitData(self, editor: QWidget) -> None:
        """Store the editor's value and remember whether the model refused it."""
        super().commitData(editor)
        self._refused = self.refusal()

    @override
    def closeEditor(self, editor: QWidget, hint: EndEditHint) -> None:
        """Keep a refused value open with its reason; otherwise close and move as the key asked."""
        refused, self._refused = self._refused, None
        delegate = self.delegate_of_current()
        enter_step = delegate.take_enter_step() if isinstance(delegate, GridDelegate) else 0
        if refused is not None and hint != EndEditHint.RevertModelCache:
            editor.setToolTip(refused)
            self.note.show_under(editor, refused)
            editor.setFocus()
            return
        self.note.hide()
        super().closeEditor(editor, EndEditHint.NoHint)
        if hint == EndEditHint.EditNextItem:
            self.move_current(0, 1)
        elif hint == EndEditHint.EditPreviousItem:
            self.move_current(0, -1)
        elif enter_step:
            self.move_current(enter_step, 0)

    def delegate_of_current(self) -> QAbstractItemDelegate | None:
        """The delegate of the cell being edited."""
        current: QModelIndex | QPersistentModelIndex = self.currentIndex()
        return self.itemDelegateForIndex(current) if current.isValid() else self.itemDelegate()


def key_step(event: QKeyEvent) -> tuple[int, int] | None:
    """(rows, columns) a movement key asks for, or None."""
    shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
    key = event.key()
    if key == Qt.Key.Key_Tab:
        return (0, -1) if shift else (0, 1)
    if key == Qt.Key.Key_Backtab:
        return (0, -1)
    if key in ENTER_KEYS:
        return (-1, 0) if shift else (1, 0)
    return None
