"""Python's cycle collector runs in the GUI thread only.

Left automatic, a collection runs in whichever thread happens to allocate: an import's or a merge's planning thread.
A Qt object it frees there can deadlock the window: its destructor waits for Python's GIL while holding a lock of
Qt's that the GUI thread, holding the GIL, waits for (seen in the test suite: a planning thread reading the
municipalities collected a stray QObject while the GUI thread deleted a widget). Pyqtgraph's ``GarbageCollector``
does the same: automatic collection off, and a timer in the GUI thread collects the generation that is due."""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QTimer

INTERVAL_MS = 500
_NAME = "sewMainThreadCollector"


class MainThreadCollector(QObject):
    """Turns automatic collection off and collects, on a timer in the GUI thread, what is due."""

    def __init__(self, parent: QObject, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self.setObjectName(_NAME)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.collect_due)
        self._timer.start(interval_ms)
        gc.disable()

    def collect_due(self) -> int:
        """Collect the oldest generation whose count passed its threshold (as automatic collection would); the
        number of objects found unreachable."""
        counts, thresholds = gc.get_count(), gc.get_threshold()
        for generation in (2, 1, 0):
            if thresholds[generation] and counts[generation] > thresholds[generation]:
                return gc.collect(generation)
        return 0


def install_main_thread_collector(app: QCoreApplication) -> MainThreadCollector:
    """The application's collector (one per application)."""
    found = app.findChild(MainThreadCollector, _NAME)
    return found if isinstance(found, MainThreadCollector) else MainThreadCollector(app)
