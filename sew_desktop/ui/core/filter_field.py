"""The filter field above a list: a line edit that leaves the window's shortcuts to the window."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit
from typing_extensions import override

# The Ctrl+letter keys a line edit needs on every platform: select all, copy, cut, paste, undo, redo.
EDITING_LETTERS = frozenset({Qt.Key.Key_A, Qt.Key.Key_C, Qt.Key.Key_V, Qt.Key.Key_X, Qt.Key.Key_Y, Qt.Key.Key_Z})


def leaves_to_window(event: QKeyEvent) -> bool:
    """True for Ctrl+``letter`` other than the editing keys every line edit needs. On X11 a line edit also claims
    Emacs keys (Ctrl+E: end of line, Ctrl+K: delete to the end), which would hide the window's shortcuts (Ctrl+E:
    Export) while the field has focus. Left unclaimed, such a key goes to the window's action when it has one and
    to the field as before when it has none; the End key still moves to the end."""
    if event.modifiers() != Qt.KeyboardModifier.ControlModifier or event.key() in EDITING_LETTERS:
        return False
    return bool(Qt.Key.Key_A <= event.key() <= Qt.Key.Key_Z)


class FilterField(QLineEdit):
    """A line edit for a filter text; the window's Ctrl+letter shortcuts (Ctrl+E: Export) work while it has
    focus, on X11 too."""

    @override
    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) and leaves_to_window(event):
            event.ignore()  # not overridden: the shortcut map gives the key to the window's action
            return True
        return super().event(event)
