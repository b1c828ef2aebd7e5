"""Syncs of one window: every few minutes and on demand, one at a time. The file is read and written on the GUI
thread (the outbox before, the answers after: incoming changes go through the change bus); only the network
exchange runs in a worker, so the window never waits for the server."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from sew_desktop.services.team import membership
from sew_desktop.store.errors import StoreError
from sew_desktop.store.repository import Repository
from sew_desktop.store.team import local
from sew_desktop.ui.features.team.texts import TeamFigures
from sew_desktop.ui.features.team.worker import CallThread

FIRST_SYNC_MS = 5_000  # soon after the window opens
INTERVAL_MS = 180_000  # then every three minutes


@dataclass(frozen=True, slots=True)
class Timing:
    """When automatic syncs happen."""

    first_ms: int = FIRST_SYNC_MS
    interval_ms: int = INTERVAL_MS


def team_figures(repository: Repository) -> TeamFigures | None:
    """Where the file stands with its team (None: not part of one); reads the file, no network."""
    link = local.team_link(repository.connection)
    found = membership.status(repository)
    if link is None or found is None:
        return None
    return TeamFigures(link, found.pending, found.conflicts_open, found.refused_open)


class TeamSyncer(QObject):
    """``changed()`` when a sync starts or ends; ``problem(str)`` when the server refused the laptop (another
    version, another login's laptop id) or the file could not be written. An unreachable server is no problem:
    the window is offline, the edits wait."""

    changed = Signal()
    problem = Signal(str)

    def __init__(self, repository: Repository, timing: Timing, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("teamSyncer")
        self._repository = repository
        self._thread: CallThread | None = None
        self._stopped = False
        self.offline_reason: str | None = None  # why the last sync could not reach the server
        self._first = QTimer(self)
        self._first.setSingleShot(True)
        self._first.setInterval(timing.first_ms)
        self._first.timeout.connect(self.sync_now)
        self._timer = QTimer(self)
        self._timer.setInterval(timing.interval_ms)
        self._timer.timeout.connect(self.sync_now)

    def start_timers(self) -> None:
        """Sync soon, then every few minutes."""
        if not self._stopped:
            self._first.start()
            self._timer.start()

    def stop_timers(self) -> None:
        """No automatic syncs (the file left its team)."""
        self._first.stop()
        self._timer.stop()

    def is_running(self) -> bool:
        """True while a sync waits for the server."""
        return self._thread is not None

    @property
    def offline(self) -> bool:
        """The last sync could not reach the server."""
        return self.offline_reason is not None

    @Slot()
    def sync_now(self) -> bool:
        """Start a sync (False: one runs already, the window closes, or the file is not part of a team)."""
        if self._thread is not None or self._stopped or local.team_link(self._repository.connection) is None:
            return False
        from sew_desktop.services.team import sync as service

        try:
            sending = service.outgoing(self._repository)
        except StoreError as error:
            self.problem.emit(str(error))
            return False
        thread = CallThread(lambda: service.exchange(sending), self)
        thread.done.connect(self._exchanged)
        thread.failed.connect(self._failed)
        self._thread = thread
        thread.start()
        self.changed.emit()
        return True

    def _finish_thread(self) -> bool:
        """Let the worker go; False when the window is closing (nothing more is written)."""
        if self._thread is not None:
            self._thread.wait()
            self._thread.deleteLater()
            self._thread = None
        return not self._stopped

    @Slot(object)
    def _exchanged(self, answered: object) -> None:
        if not self._finish_thread():
            return
        from sew_desktop.services.team import sync as service

        assert isinstance(answered, service.Exchange)
        try:
            service.settle(self._repository, answered)
        except StoreError as error:  # the file is locked or full: the answers come again next time
            self.problem.emit(str(error))
        self.offline_reason = None
        self.changed.emit()

    @Slot(object)
    def _failed(self, error: object) -> None:
        if not self._finish_thread():
            return
        from sew_desktop.store.team.server_errors import ServerUnreachableError

        self.offline_reason = error.reason if isinstance(error, ServerUnreachableError) else str(error)
        if not isinstance(error, ServerUnreachableError):
            self.problem.emit(str(error))
        self.changed.emit()

    def stop(self) -> None:
        """No more syncs; wait for a running exchange (before the file closes); its answers are not written
        (the server answers them again next time: a replay is applied once)."""
        self._stopped = True
        self.stop_timers()
        if self._thread is not None:
            self._thread.wait()
