"""The dock's dates, typed the Excel way."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QDateEdit, QToolTip, QWidget
from typing_extensions import override

from sew_desktop.domain.days import TypedDateError, parse_typed_date
from sew_desktop.ui.core.i18n import to_qdate

_COMMIT_KEYS = frozenset({Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab, Qt.Key.Key_Backtab})


class TypedDateEdit(QDateEdit):
    """A QDateEdit (arrow keys, calendar, ``date()``) that also takes a date typed as a whole, as the table cells
    do: 17/10/2022, 17-10-2022, 17102022, 2022-10-17, 5/3/23. A QDateEdit types into one section at a time, so
    "17/10/2022" over a selected 07/10/2022 gave 07/10/2022 again; here the first typed character starts the
    text anew, as typing into an Excel cell does, and Enter, Tab or leaving the field stores it. A text that is
    no date is refused with the reason, and the date stays as it was."""

    def __init__(self, value: QDate, parent: QWidget | None = None) -> None:
        super().__init__(value, parent)
        self._typed: str | None = None

    @override
    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        plain = not event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
        if plain and text and (text.isdigit() or text in "/-."):
            self._typed = (self._typed or "") + text
            self._show(self._typed)
            return
        if self._typed is not None and event.key() == Qt.Key.Key_Backspace:
            self._typed = self._typed[:-1]
            self._show(self._typed)
            return
        if self._typed is not None and event.key() == Qt.Key.Key_Escape:
            self._typed = None
            self._show(self.textFromDateTime(self.dateTime()))
            return
        if self._typed is not None and event.key() in _COMMIT_KEYS:
            self.commit_typed()
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                return
        super().keyPressEvent(event)

    @override
    def focusOutEvent(self, event: QFocusEvent) -> None:
        if self._typed is not None:
            self.commit_typed()
        super().focusOutEvent(event)

    def _show(self, text: str) -> None:
        """Show ``text`` without the QDateEdit reading it section by section as it is typed (it would clamp
        31/02 to 28/02, or take "1" for a day)."""
        editor = self.lineEdit()
        editor.blockSignals(True)
        editor.setText(text)
        editor.blockSignals(False)

    def commit_typed(self) -> bool:
        """Store the typed date; False (the date unchanged, the reason shown) when the text is no date."""
        typed, self._typed = self._typed or "", None
        try:
            parsed = parse_typed_date(typed)
        except TypedDateError as error:
            parsed = None
            reason = (QCoreApplication.translate("TypedDateEdit", "That day does not exist: %1.")
                      if error.no_such_day else
                      QCoreApplication.translate("TypedDateEdit", "Not a date: %1. Type for example 17/10/2022."))
            QToolTip.showText(self.mapToGlobal(self.rect().bottomLeft()), reason.replace("%1", typed), self)
        chosen = to_qdate(parsed) if parsed is not None else QDate()
        if parsed is None or not self.minimumDate() <= chosen <= self.maximumDate():
            self._redraw()
            return False
        self.setDate(chosen)
        self._redraw()
        return True

    def _redraw(self) -> None:
        """The stored date as text again (setting the display format makes the QDateEdit drop what it read from
        the typed text and show its own value)."""
        self.setDisplayFormat(self.displayFormat())
