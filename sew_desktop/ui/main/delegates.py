"""Editors suited to each column: dates with a calendar, combos, and a completer for partners."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QDate, QModelIndex, QPersistentModelIndex, Qt
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
Choices = Callable[[], list[tuple[str, object]]]
NO_DATE = QDate(1900, 1, 1)


class DateDelegate(QStyledItemDelegate):
    """A date editor with a calendar, dd/MM/yyyy in Dutch; its lowest value means "no date"."""

    def __init__(self, language: Language, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = language

    @override
    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex) -> QWidget:
        """A QDateEdit with calendar popup."""
        editor = QDateEdit(parent)
        editor.setCalendarPopup(True)
        editor.setDisplayFormat(date_format(self.language))
        editor.setMinimumDate(NO_DATE)
        editor.setSpecialValueText(QCoreApplication.translate("DateDelegate", "(no date)"))
        return editor

    @override
    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        """Today's date for an empty cell, so the calendar opens somewhere useful."""
        assert isinstance(editor, QDateEdit)
        value = index.data(Qt.ItemDataRole.EditRole)
        editor.setDate(value if isinstance(value, QDate) and value.isValid() else QDate.currentDate())

    @override
    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:
        """An empty string clears the date."""
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
        for text, value in self.choices():
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
