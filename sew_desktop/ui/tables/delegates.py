"""Editors suited to each column: dates typed as in Excel (with a calendar), combos, and a completer for
partners."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QCalendarWidget,
    QComboBox,
    QCompleter,
    QLineEdit,
    QStyle,
    QStyleOptionViewItem,
    QWidget,
)
from typing_extensions import override

from sew_desktop.domain.days import TypedDateError, parse_typed_date
from sew_desktop.ui.core.grid_view import GridDelegate
from sew_desktop.ui.core.i18n import Language, format_date, from_qdate, to_qdate

AnyIndex = QModelIndex | QPersistentModelIndex
Choices = Callable[[AnyIndex], list[tuple[str, object]]]  # the choices for the cell being edited
CalendarStart = Callable[[AnyIndex], date]  # the day a calendar opens on for an empty cell


class DateEditor(QLineEdit):
    """A date typed as in Excel (15/11/2022, 15-11-2022, 15112022, 2022-11-15, 5/3/23), with a calendar
    button that opens on ``calendar_start`` (the cell's date, else a sensible date the table suggests)."""

    def __init__(self, parent: QWidget | None, language: Language, calendar_start: date) -> None:
        super().__init__(parent)
        self.language = language
        self.calendar_start = calendar_start
        self.setPlaceholderText(QCoreApplication.translate("DateDelegate", "dd/mm/yyyy"))
        action = self.addAction(calendar_icon(self), QLineEdit.ActionPosition.TrailingPosition)
        action.setToolTip(QCoreApplication.translate("DateDelegate", "Choose from a calendar"))
        action.setObjectName("calendarAction")
        action.triggered.connect(self.open_calendar)
        self.calendar: QCalendarWidget | None = None

    def typed_date(self) -> date | None:
        """The date typed (None: empty); TypedDateError when the text is no date."""
        return parse_typed_date(self.text())

    def open_calendar(self) -> QCalendarWidget:
        """A calendar popup on the typed date, else on ``calendar_start``; a click fills in the date."""
        calendar = QCalendarWidget(self)
        calendar.setWindowFlags(Qt.WindowType.Popup)
        calendar.setObjectName("dateCalendar")
        try:
            shown = self.typed_date() or self.calendar_start
        except TypedDateError:
            shown = self.calendar_start
        calendar.setSelectedDate(to_qdate(shown))
        calendar.clicked.connect(self._chosen)
        calendar.move(self.mapToGlobal(self.rect().bottomLeft()))
        calendar.show()
        self.calendar = calendar
        return calendar

    def _chosen(self, day: QDate) -> None:
        self.setText(format_date(from_qdate(day), self.language))
        if self.calendar is not None:
            self.calendar.close()
        self.setFocus()


class DateDelegate(GridDelegate):
    """Dates typed as in Excel; an empty cell stays empty unless a date is typed or chosen. Text that is no date
    is refused by the model, and the grid keeps the editor open with the text and the reason beside it."""

    def __init__(self, language: Language, calendar_start: CalendarStart, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = language
        self.calendar_start = calendar_start

    @override
    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex) -> QWidget:
        """A DateEditor whose calendar opens on the cell's date or the table's suggestion."""
        value = index.data(Qt.ItemDataRole.EditRole)
        start = from_qdate(value) if isinstance(value, QDate) and value.isValid() else None
        return DateEditor(parent, self.language, start or self.calendar_start(index))

    @override
    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        """The cell's date as dd/mm/yyyy, or nothing."""
        assert isinstance(editor, QLineEdit)
        value = index.data(Qt.ItemDataRole.EditRole)
        day = from_qdate(value) if isinstance(value, QDate) and value.isValid() else None
        editor.setText(format_date(day, self.language) if day else "")

    @override
    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:
        """The typed date (empty: no date); text that is no date is left to the model, which refuses it."""
        assert isinstance(editor, DateEditor)
        try:
            day = editor.typed_date()
        except TypedDateError:
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)
            return
        model.setData(index, "" if day is None else to_qdate(day), Qt.ItemDataRole.EditRole)


def calendar_icon(widget: QWidget) -> QIcon:
    """The style's calendar-like icon for the button inside the date editor."""
    return widget.style().standardIcon(QStyle.StandardPixmap.SP_FileDialogDetailedView)


class ChoiceDelegate(GridDelegate):
    """A combo box of (text, value) choices computed when the editor opens."""

    def __init__(self, choices: Choices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choices = choices

    @override
    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex) -> QWidget:
        """An editable-by-typing combo."""
        combo = QComboBox(parent)
        for text, value in self.choices(index):
            combo.addItem(text, value)
        return combo

    @override
    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        """Select the current text."""
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findText(str(index.data(Qt.ItemDataRole.DisplayRole) or ""))))

    @override
    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:
        """The chosen value."""
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class CompleterDelegate(GridDelegate):
    """A line edit completing from a list of names (partners of an agreement)."""

    def __init__(self, names: Callable[[], list[str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.names = names

    @override
    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex) -> QWidget:
        """Line edit with a case-insensitive, contains-matching completer."""
        editor = QLineEdit(parent)
        completer = QCompleter(self.names(), editor)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        editor.setCompleter(completer)
        return editor

    @override
    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        """Start from the current name."""
        assert isinstance(editor, QLineEdit)
        editor.setText(str(index.data(Qt.ItemDataRole.DisplayRole) or ""))

    @override
    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:
        """The typed or completed name."""
        assert isinstance(editor, QLineEdit)
        model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)
