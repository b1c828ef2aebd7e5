"""Automatic backups off the GUI thread: when the file is opened (if it changed), every 30 minutes while edits
happen, and on request before a risky operation."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal

from sew_desktop.services.backups import Backup, BackupReason, backup_is_due, take_backup
from sew_desktop.store.repository import Change, Repository
from sew_desktop.ui.core.notifier import ChangeBus

CHECK_MS = 60_000


class BackupScheduler(QObject):
    """Takes backups on its own thread pool (each on its own connection); ``taken`` carries the new file."""

    taken = Signal(object)  # Backup
    failed = Signal(str)

    def __init__(self, repository: Repository, bus: ChangeBus, second_folder: Path | None, parent: QObject) -> None:
        super().__init__(parent)
        self.setObjectName("backupScheduler")
        self._path = repository.path
        self._second_folder = second_folder
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._edited = False
        self._last: datetime | None = None
        bus.changed.connect(self._on_changes)
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_MS)
        self._timer.timeout.connect(self._tick)
        self._timer.start()

    def set_second_folder(self, folder: Path | None) -> None:
        """Also copy each backup there (a network drive), or stop doing so with ``None``."""
        self._second_folder = folder

    def _on_changes(self, changes: Sequence[Change]) -> None:
        self._edited = True

    def _tick(self) -> None:
        if backup_is_due(self._last, self._edited, datetime.now()):
            self.start(BackupReason.PERIODIC)

    def start(self, reason: BackupReason, *, force: bool = False) -> None:
        """A backup in the background (skipped when nothing changed since the last one, unless ``force``)."""
        if self._path is None:
            return
        path, folder = self._path, self._second_folder
        self._edited = False
        self._last = datetime.now()
        self._pool.start(lambda: self._run(path, folder, reason, force))

    def _run(self, path: Path, folder: Path | None, reason: BackupReason, force: bool) -> None:
        try:
            backup = take_backup(path, reason, force=force, second_folder=folder)
        except Exception as error:  # a full disk must not take the window down
            self.failed.emit(str(error))
            return
        if backup is not None:
            self.taken.emit(backup)

    def now(self, reason: BackupReason) -> Backup | None:
        """A backup right now, on the calling thread (before a risky operation: the operation waits for it)."""
        self.wait()
        if self._path is None:
            return None
        return take_backup(self._path, reason, force=True, second_folder=self._second_folder)

    def wait(self) -> None:
        """Wait for a running backup."""
        self._pool.waitForDone()

    def stop(self) -> None:
        """No more backups; wait for a running one (before the repository closes)."""
        self._timer.stop()
        self._path = None
        self._pool.waitForDone()
