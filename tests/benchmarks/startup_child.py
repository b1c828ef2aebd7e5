"""Child process of bench_gui: starts the app (or the minimal pyqtgraph window) and prints the moment of the
first paint of the main window as ``painted <time.time()>`` and, for the app, the moment its charts are built
(``charts <time.time()>``, one event-loop turn after the first paint), then exits.

Usage: python startup_child.py app DB SETTINGS_DIR | python startup_child.py minimal
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def _report_first_paint(window: object, app: object, wait_for: object = None) -> None:
    """After the first paint cycle of any widget of ``window`` has finished, print the time; quit then, or when
    ``wait_for`` (a signal) fires."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    def report() -> None:
        print(f"painted {time.time():.6f}", flush=True)
        if wait_for is None:
            app.quit()  # type: ignore[attr-defined]

    if wait_for is not None:
        wait_for.connect(lambda: QTimer.singleShot(0, app.quit))  # type: ignore[attr-defined]

    class FirstPaint(QObject):
        seen = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if not self.seen and event.type() == QEvent.Type.Paint:
                self.seen = True
                QTimer.singleShot(0, report)  # runs once the whole paint cycle is done
            return False

    watcher = FirstPaint()
    app.installEventFilter(watcher)  # type: ignore[attr-defined]
    window._first_paint = watcher  # type: ignore[attr-defined]


def minimal() -> None:
    """The reference: an empty QMainWindow holding one pyqtgraph PlotWidget."""
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    import pyqtgraph

    window = QMainWindow()
    window.setCentralWidget(pyqtgraph.PlotWidget())
    _report_first_paint(window, app)
    window.resize(1500, 900)
    window.show()
    app.exec()


def full_app(db: Path, settings_dir: Path) -> None:
    """What ``sew-desktop`` does: the fully wired main window on the database."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(settings_dir))
    from sew_desktop.app import app_settings, create_main_window

    window = create_main_window(db, settings=app_settings())
    from sew_desktop.ui.coverage.charts import LazyCharts

    charts = window.findChild(LazyCharts)
    assert charts is not None
    charts.built.connect(lambda: print(f"charts {time.time():.6f}", flush=True))
    _report_first_paint(window, app, wait_for=charts.built)
    window.show()
    app.exec()


if __name__ == "__main__":
    if sys.argv[1] == "minimal":
        minimal()
    else:
        full_app(Path(sys.argv[2]), Path(sys.argv[3]))
