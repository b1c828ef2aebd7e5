"""Reading and planning off the GUI thread, with progress and cancel."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal

from sew_desktop.domain.model import OpenCall
from sew_desktop.services.databases import open_repository
from sew_desktop.services.imports.model import Options
from sew_desktop.services.imports.service import prepare


class PlanThread(QThread):
    """Prepares a plan on its own read connection to the database file (SQLite connections stay in their thread).

    Emits ``progressed(done, total)``, then ``planned(ImportPlan)`` or ``failed(Exception)``; a cancelled run
    emits ``failed`` with :class:`ImportCancelledError`. Nothing is written.
    """

    progressed = Signal(int, int)
    planned = Signal(object)
    failed = Signal(object)

    def __init__(
        self, database: Path, file: Path, call: OpenCall, options: Options, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._database = database
        self._file = file
        self._call = call
        self._options = options
        self._cancel = threading.Event()

    def cancel(self) -> None:
        """Ask the run to stop at the next progress point."""
        self._cancel.set()

    def run(self) -> None:
        """Open a read connection, prepare, report."""
        try:
            repository = open_repository(self._database)
            try:
                plan = prepare(repository, self._file, self._call, self._options, self._report, self._cancel.is_set)
            finally:
                repository.close()
        except Exception as exc:  # every failure is reported to the dialog, none escapes the thread
            self.failed.emit(exc)
            return
        self.planned.emit(plan)

    def _report(self, done: int, total: int) -> None:
        self.progressed.emit(done, total)
