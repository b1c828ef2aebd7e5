"""Moving the keyboard focus between the panes of the window (F6 or Ctrl+Tab, backwards with Shift).

Tab moves between the cells of a table, as in Excel, so it can no longer leave one; the panes are the current
tab's tables (a table page, and the members beside the regiegebieden) and every visible dock (the coverage).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QApplication, QDockWidget, QTabWidget, QWidget

NEXT_KEYS = (QKeySequence(Qt.Key.Key_F6), QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Tab))
PREVIOUS_KEYS = (QKeySequence(Qt.Modifier.SHIFT | Qt.Key.Key_F6),
                 QKeySequence(Qt.Modifier.CTRL | Qt.Modifier.SHIFT | Qt.Key.Key_Backtab),
                 QKeySequence(Qt.Modifier.CTRL | Qt.Modifier.SHIFT | Qt.Key.Key_Tab))


def panes(window: QWidget, tabs: QTabWidget) -> list[QWidget]:
    """The widget that takes the focus in each pane, in reading order: the current tab's tables, then the docks."""
    found: list[QWidget] = []
    page = tabs.currentWidget()
    if page is not None:
        views = [v for v in page.findChildren(QAbstractItemView) if v.isVisible() and v.objectName()
                 and v.focusPolicy() & Qt.FocusPolicy.TabFocus]
        found += sorted(views, key=lambda v: v.mapTo(window, v.rect().topLeft()).x()) or [page]
    for dock in window.findChildren(QDockWidget):
        if dock.isVisible() and dock.widget() is not None:
            found.append(first_focusable(dock.widget()))
    return found


def first_focusable(widget: QWidget) -> QWidget:
    """The first widget in ``widget``'s tab chain that takes focus (the widget itself when none does)."""
    candidate = widget.nextInFocusChain()
    while candidate is not None and candidate is not widget:
        if widget.isAncestorOf(candidate) and candidate.isVisible() and candidate.isEnabled() \
                and candidate.focusPolicy() & Qt.FocusPolicy.TabFocus:
            return candidate
        candidate = candidate.nextInFocusChain()
    return widget


def move_between_panes(window: QWidget, tabs: QTabWidget, step: int) -> None:
    """Give the focus to the next (``step`` 1) or previous (-1) pane of the one holding it."""
    targets = panes(window, tabs)
    if not targets:
        return
    focused = QApplication.focusWidget()
    here = next((n for n, pane in enumerate(targets) if focused is not None
                 and (pane is focused or pane_of(pane).isAncestorOf(focused))), -1 if step > 0 else 0)
    targets[(here + step) % len(targets)].setFocus(Qt.FocusReason.ShortcutFocusReason)


def pane_of(widget: QWidget) -> QWidget:
    """The pane a focus target stands for: its dock's contents, else the widget itself."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QDockWidget):
            return parent
        parent = parent.parentWidget()
    return widget

