"""Running something in the next event-loop turn, only while its owner lives."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer


def next_turn(owner: QObject, callback: Callable[[], object]) -> None:
    """Call ``callback`` in the next turn of the event loop, unless ``owner`` is deleted first.

    ``QTimer.singleShot(0, owner.method)`` is not enough in PySide6: the Python wrapper outlives the Qt object, and
    the call then reaches a deleted object ("Signal source has been deleted", or a deleted widget). A timer that is
    the owner's child goes with it.
    """
    timer = QTimer(owner)
    timer.setSingleShot(True)
    timer.timeout.connect(callback)
    timer.timeout.connect(timer.deleteLater)
    timer.start(0)
