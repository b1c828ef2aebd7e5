"""File › Load boundaries…: read and prepare off the GUI thread with progress and Cancel, then store in one
transaction; a refused file or a cancel leaves the database as it was."""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QInputDialog, QMessageBox, QProgressDialog, QWidget
from typing_extensions import override

from sew_desktop.domain.model import Municipality
from sew_desktop.services.boundaries.problems import BoundaryFileError, ProblemKind
from sew_desktop.services.boundaries.service import (
    LoadReport,
    PreparedLoad,
    prepare_file,
    store_prepared,
    with_source,
)
from sew_desktop.store.errors import WriteFailedError
from sew_desktop.store.repository import Repository
from sew_desktop.ui.core.file_dialogs import choose_open_file
from sew_desktop.ui.statusmap.texts import problem_text

FILE_FILTER = "GeoJSON, Shapefile (zip), GeoPackage (*.geojson *.json *.zip *.gpkg);;*"


class PrepareThread(QThread):
    """Prepares a file (no database access); ``progressed(percent)``, then ``prepared(PreparedLoad)`` or
    ``failed(Exception)``."""

    progressed = Signal(int)
    prepared = Signal(object)
    failed = Signal(object)

    def __init__(self, path: Path, municipalities: Mapping[str, Municipality], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.municipalities = dict(municipalities)
        self._cancel = threading.Event()

    def cancel(self) -> None:
        """Stop at the next progress point."""
        self._cancel.set()

    def _progress(self, fraction: float, stage: str) -> bool:
        self.progressed.emit(round(fraction * 100))
        return not self._cancel.is_set()

    def run(self) -> None:
        """Prepare and report; no failure escapes the thread."""
        try:
            result = prepare_file(self.path, self.municipalities, None, self._progress)
        except Exception as exc:
            self.failed.emit(exc)
            return
        self.prepared.emit(result)


def report_text(report: LoadReport) -> str:
    """The Dutch (or English) summary of a successful load."""
    lines = [QCoreApplication.translate("StatusMap", "Boundaries loaded from %1 (%2 shapes, %3).")
             .replace("%1", report.file_name).replace("%2", str(report.features)).replace("%3", report.crs),
             QCoreApplication.translate("StatusMap", "The file fits the municipalities of %1.")
             .replace("%1", report.file_period.value.replace("-", "–"))]
    for period, count in report.stored.items():
        lines.append(QCoreApplication.translate("StatusMap", "%1 municipalities stored for %2.")
                     .replace("%1", str(count)).replace("%2", period.replace("-", "–")))
    if report.outside:
        lines.append(QCoreApplication.translate("StatusMap", "%1 codes outside Flanders were ignored (%2).")
                     .replace("%1", str(len(report.outside))).replace("%2", ", ".join(report.outside[:12])))
    if report.file_period.value == "2025":
        lines.append(QCoreApplication.translate(
            "StatusMap", "A file of 2025 cannot give the borders of 2019–2024: dates before 2025 show no map."))
    return "\n".join(lines)


class BoundaryLoader(QObject):
    """Runs one load at a time; ``finished(bool)`` when done (True: stored). ``choose_file``, ``inform`` and
    ``warn`` are replaceable (tests)."""

    finished = Signal(bool)

    def __init__(self, repository: Repository, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.repository = repository
        self.parent_widget = parent
        self.worker: PrepareThread | None = None
        self.progress: QProgressDialog | None = None
        self._spent: list[QObject] = []  # a finished load's thread and dialog, deleted when the next one starts
        self.choose_file: Callable[[], Path | None] = self._ask_file
        self.inform: Callable[[str], None] = self._inform
        self.ask_source: Callable[[str], str | None] = self._ask_source
        self.warn: Callable[[str], None] = self._warn
        if parent is not None:
            parent.window().installEventFilter(self)  # a window closed during a load first stops the load

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Closing the window cancels a running load and waits for it (a running thread must not be destroyed)."""
        if event.type() == QEvent.Type.Close and self.worker is not None:
            self.worker.cancel()
            self.worker.wait()
        return False

    def _ask_file(self) -> Path | None:
        title = QCoreApplication.translate("StatusMap", "Load boundaries")
        return choose_open_file(self.parent_widget, title, FILE_FILTER)

    def _ask_source(self, suggestion: str) -> str | None:
        text, accepted = QInputDialog.getText(
            self.parent_widget, QCoreApplication.translate("StatusMap", "Source of the boundaries"),
            QCoreApplication.translate("StatusMap", "Who published this file? The map and its exports name this "
                                                    "source and the date you load it."),
            text=suggestion)
        return (text.strip() or suggestion) if accepted else None

    def _inform(self, text: str) -> None:
        QMessageBox.information(self.parent_widget, QCoreApplication.translate("StatusMap", "Boundaries loaded"),
                                text)

    def _warn(self, text: str) -> None:
        QMessageBox.warning(self.parent_widget, QCoreApplication.translate("StatusMap", "Boundaries not loaded"),
                            text)

    def start(self, path: Path | None = None) -> bool:
        """Load ``path`` (or a file the user chooses); False when nothing was started."""
        path = path or self.choose_file()
        if path is None or self.worker is not None:
            return False
        for spent in self._spent:
            spent.deleteLater()
        self._spent.clear()
        self.worker = PrepareThread(path, self.repository.municipalities(), self)
        self.progress = QProgressDialog(QCoreApplication.translate("StatusMap", "Preparing the boundaries…"),
                                        QCoreApplication.translate("StatusMap", "Cancel"), 0, 100,
                                        self.parent_widget)
        self.progress.setObjectName("boundaryProgress")
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(300)
        self.progress.canceled.connect(self.worker.cancel)
        self.worker.progressed.connect(self._show_progress)
        self.worker.prepared.connect(self._store)
        self.worker.failed.connect(self._failed)
        self.worker.start()
        return True

    def cancel(self) -> None:
        """Cancel the running load (as the progress dialog's button does)."""
        if self.worker is not None:
            self.worker.cancel()

    def _show_progress(self, percent: int) -> None:
        """A progress report of the running load; one that arrives after the load ended is dropped. (Connected to
        the dialog itself, such a late report reached a dialog already deleted and crashed the process.)"""
        if self.progress is not None:
            self.progress.setValue(percent)

    def _done(self, stored: bool) -> None:
        """The load ended: its thread and dialog are set aside, not deleted here. A modal progress dialog's
        setValue processes events, so this may run inside it: deleting the dialog now would pull it from under
        its own call. They go when the next load starts (or with their parents)."""
        if self.worker is not None:
            self.worker.wait()
            self._spent.append(self.worker)
        self.worker = None
        if self.progress is not None:
            self.progress.reset()
            self._spent.append(self.progress)
            self.progress = None
        self.finished.emit(stored)

    def _store(self, prepared: PreparedLoad) -> None:
        source = self.ask_source(prepared.provenance.source)
        if source is None:
            self._done(False)
            self.warn(problem_text(BoundaryFileError(ProblemKind.CANCELLED, "cancelled")))
            return
        try:
            report = store_prepared(self.repository, with_source(prepared, source))
        except WriteFailedError as error:
            self._done(False)
            self.warn(QCoreApplication.translate("StatusMap", "The boundaries could not be stored (%1).")
                      .replace("%1", error.reason))
            return
        self._done(True)
        self.inform(report_text(report))

    def _failed(self, error: Exception) -> None:
        self._done(False)
        if isinstance(error, BoundaryFileError):
            self.warn(problem_text(error))
        else:
            self.warn(QCoreApplication.translate("StatusMap", "The file could not be loaded (%1). Nothing was changed.")
                      .replace("%1", f"{type(error).__name__}: {error}"))
