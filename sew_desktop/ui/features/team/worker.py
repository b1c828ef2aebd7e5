"""One call off the GUI thread: the network part of a sync, or a join (it writes a new file of its own)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QThread, Signal
from typing_extensions import override


class CallThread(QThread):
    """Runs ``call`` once; emits ``done(result)`` or ``failed(Exception)``. The call touches no file of the window
    (the window's connection belongs to the GUI thread)."""

    done = Signal(object)
    failed = Signal(object)

    def __init__(self, call: Callable[[], object], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._call = call

    @override
    def run(self) -> None:
        """Run the call, report."""
        try:
            result = self._call()
        except Exception as exc:  # every failure is reported to the window, none escapes the thread
            self.failed.emit(exc)
            return
        self.done.emit(result)
