"""Joining a team with a new file: the file is written off the GUI thread (the team's data come over the network),
then offered to open."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QApplication

from sew_desktop.ui.core.dialogs import UserDialogs
from sew_desktop.ui.core.frame import WindowFrame
from sew_desktop.ui.features.team.worker import CallThread

translate = QCoreApplication.translate


class Joining(QObject):
    """``finished(Path | None)`` when a join ended (the new file, or None when it failed)."""

    finished = Signal(object)

    def __init__(self, dialogs: UserDialogs, frame: WindowFrame, open_file: Callable[[Path], object],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._dialogs, self._frame, self._open_file = dialogs, frame, open_file
        self._thread: CallThread | None = None
        self._path: Path | None = None

    def is_running(self) -> bool:
        """True while a new file is being filled with the team's data."""
        return self._thread is not None

    def join(self, dsn: str) -> bool:
        """Ask for the new file, then join in the background (False: nothing started)."""
        if self._thread is not None or not dsn:
            return False
        path = self._dialogs.save_path(translate("Team", "New file for the team"), "team.sqlite")
        if path is None:
            return False
        if path.exists():
            self._dialogs.error(translate("Team", "Cannot join the team"), translate(
                "Team", "'%1' exists already: joining needs a new file.").replace("%1", path.name))
            return False
        from sew_desktop.services.team import membership

        self._path = path
        self._thread = CallThread(lambda: membership.join_new_file(path, dsn), self)
        self._thread.done.connect(self._joined)
        self._thread.failed.connect(self._failed)
        self._frame.status.showMessage(translate("Team", "Joining the team…"))
        QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        self._thread.start()
        return True

    def _release(self) -> Path | None:
        QApplication.restoreOverrideCursor()
        self._frame.status.clearMessage()
        if self._thread is not None:
            self._thread.wait()
            self._thread.deleteLater()
            self._thread = None
        return self._path

    @Slot(object)
    def _joined(self, _report: object) -> None:
        path = self._release()
        self.finished.emit(path)
        if path is not None and self._dialogs.confirm(translate("Team", "Joined the team"), translate(
                "Team", "'%1' now holds the team's data. Open it now?").replace("%1", path.name)):
            self._open_file(path)

    @Slot(object)
    def _failed(self, error: object) -> None:
        path = self._release()
        self.finished.emit(None)
        del path
        self._dialogs.error(translate("Team", "Cannot join the team"), str(error))

    def wait(self) -> None:
        """Wait for a running join (the window closes)."""
        if self._thread is not None:
            self._thread.wait()
