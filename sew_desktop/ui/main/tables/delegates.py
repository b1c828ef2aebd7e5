"""Editors suited to each column: dates with a calendar, combos, and a completer for partners."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QDate, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDateEdit,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)
from typing_extensions import override

from sew_desktop.ui.i18n import Language, date_format

AnyIndex = QModelIndex | QPersistentModelIndex
Choices = Callable[[AnyIndex], list[tuple[str, object]]]  # the choices for the cell being edited
NO_DATE = QDate(1900, 1, 1)


class DateEditor(QDateEdit):
    """A date editor for a cell that may be empty: it shows "(no date)" until the user starts on a date (a digit,
    an arrow key or the calendar, which then opens on today); Delete empties it again."""

    def __init__(self, parent: QWidget | None, language: Language) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat(date_format(language))
        self.setMinimumDate(NO_DATE)
        self.setSpecialValueText(QCoreApplication.translate("DateDelegate", "(no date)"))

    def _start_today(self) -> None:
        if self.date() == NO_DATE:
            self.setDate(QDate.currentDate())

    @override
    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Delete empties; the first digit or arrow on an empty date starts from today."""
        if event.key() == Qt.Key.Key_Delete:
            self.setDate(NO_DATE)
            return
        if self.date() == NO_DATE and event.key() in STARTING_KEYS:
            self._start_today()
            if not event.text().isdigit():
                return
        super().keyPressEvent(event)

    @override
    def mousePressEvent(self, event: QMouseEvent) -> None:
        """The calendar of an empty date opens on today, not in 1900."""
        self._start_today()
        super().mousePressEvent(event)


STARTING_KEYS = frozenset({Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown,
                           *(Qt.Key(Qt.Key.Key_0.value + digit) for digit in range(10))})


class DateDelegate(QStyledItemDelegate):
    """Dates with a calendar (dd/mm/yyyy); an empty cell stays empty unless the user enters a date."""

    def __init__(self, language: Language, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = language

    @override
    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex) -> QWidget:
        """A DateEditor."""
        return DateEditor(parent, self.language)

    @override
    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        """The cell's date, or "(no date)"."""
        assert isinstance(editor, QDateEdit)
        value = index.data(Qt.ItemDataRole.EditRole)
        editor.setDate(value if isinstance(value, QDate) and value.isValid() else NO_DATE)

    @override
    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:
        """"(no date)" clears the date (an empty cell left empty is no change)."""
        assert isinstance(editor, QDateEdit)
        value = editor.date()
        model.setData(index, "" if value == NO_DATE else value, Qt.ItemDataRole.EditRole)


class ChoiceDelegate(QStyledItemDelegate):
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


class CompleterDelegate(QStyledItemDelegate):
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
