"""The composition root of the GUI: opens the database and wires repository, models, charts and window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

from sew_desktop.services.databases import open_or_create_default, open_repository
from sew_desktop.services.locations import default_database_path


def create_main_window(db_path: Path) -> QMainWindow:
    """The fully wired main window for ``db_path`` (needs an existing QApplication)."""
    repository = open_repository(db_path)
    window = QMainWindow()
    window.setObjectName("mainWindow")
    window.setWindowTitle(f"SEW Desktop — {db_path.name}")
    window.setCentralWidget(QLabel(f"{len(repository.municipalities())} gemeenten"))
    return window


def run_gui(db_path: Path | None) -> int:
    """Start the application on ``db_path`` or the default database."""
    app = QApplication.instance() or QApplication(sys.argv)
    path = db_path or default_database_path()
    if db_path is None:
        open_or_create_default(path).close()
    window = create_main_window(path)
    window.show()
    return int(app.exec())
