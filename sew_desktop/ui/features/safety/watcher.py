"""Other writers: reload what another process committed, and say when a write waits for one."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, QTimer, Signal

from sew_desktop.store.repository import Repository
from sew_desktop.ui.core.frame import WindowFrame

POLL_MS = 700  # PRAGMA data_version is cheap: a reload shows within 2 s of another process's commit
MESSAGE_MS = 8000


class ExternalChangeWatcher(QObject):
    """Polls ``PRAGMA data_version``; after another process committed the repository reloads (its
    subscribers — models, coverage — see a reset) and the status bar says so. Each look (every poll, and each
    time the window becomes active again, as after every dialog) first checks that the file's ``-wal``/``-shm``
    are still the ones held; when another program removed them ``files_lost`` is emitted once and polling stops."""

    reloaded = Signal()
    files_lost = Signal(object)  # LostFiles

    def __init__(self, repository: Repository, frame: WindowFrame) -> None:
        super().__init__(frame)
        self.setObjectName("externalChangeWatcher")
        self._repository = repository
        self._status = frame.status
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self.check_now)
        self._timer.start()
        self._lost_reported = False
        repository.safety.on_waiting = self._show_waiting
        frame.activated.connect(self._window_active_again)

    def _window_active_again(self) -> None:
        """A dialog closed, or the user came back from another program: look at once."""
        if self._timer.isActive():
            self.check_now()

    def check_now(self) -> bool:
        """Reload when another process wrote; True when it did."""
        lost = self._repository.files_lost()
        if lost is not None:
            self._timer.stop()
            if not self._lost_reported:
                self._lost_reported = True
                self.files_lost.emit(lost)
            return False
        try:
            changed = self._repository.reload_if_changed_elsewhere()
        except Exception:  # the file went away or is locked for a moment: try again at the next tick
            return False
        if changed:
            self._status.showMessage(QCoreApplication.translate(
                "Safety", "Another program changed this file: the window shows the new data."), MESSAGE_MS)
            self.reloaded.emit()
        return changed

    def _show_waiting(self, waiting: bool) -> None:
        bar = self._status
        if waiting:
            self._timer.stop()  # no reload while a write is about to start
            bar.showMessage(QCoreApplication.translate("Safety", "Waiting for another program…"))
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        else:
            bar.clearMessage()
            self._timer.start()

    def stop(self) -> None:
        """Stop polling (before the repository closes)."""
        self._timer.stop()
        self._repository.safety.on_waiting = None

