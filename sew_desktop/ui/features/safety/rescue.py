"""When another program removed the open file's ``-wal``/``-shm``: stop writing, save what the window holds to a
new file through SQLite's backup API, and say so in one dialog."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QLabel

from sew_desktop.services.databases import RescuedCopy, rescue_copy
from sew_desktop.store.errors import StoreError, WorkingFilesLostError
from sew_desktop.store.held import LostFiles
from sew_desktop.store.repository import Repository
from sew_desktop.ui.core.dialogs import UserDialogs
from sew_desktop.ui.core.frame import WindowFrame

translate = QCoreApplication.translate


def rescue_text(lost: LostFiles, copy: RescuedCopy | None) -> str:
    """The dialog's text: what happened, that nothing more is saved, where the copy is and what to do next."""
    text = translate(
        "Rescue", "Another program removed the working files of %1 (%2) while this window had it open. "
        "To keep the file from being damaged, this window saves nothing more to it.")
    text = text.replace("%1", lost.database.name).replace("%2", ", ".join(lost.names))
    if copy is None:
        return text + "\n\n" + translate(
            "Rescue", "A copy of what this window shows could not be saved. "
            "Close the window and open the file again.")
    saved = translate("Rescue", "What this window shows is saved in %1.").replace("%1", str(copy.path))
    if not copy.sound:
        saved += " " + translate("Rescue", "SQLite's check found damage in that copy: check it before you use it.")
    advice = translate(
        "Rescue", "Open that copy to go on working; File › Merge another copy… then brings in what other programs "
        "stored in %1 meanwhile. Open the copy now?").replace("%1", lost.database.name)
    return "\n\n".join((text, saved, advice))


class LostFilesRescue(QObject):
    """Once per window: a rescued copy, a permanent read-only note in the status bar, and the question whether to
    open the copy."""

    writing_stopped = Signal()  # what writes on its own (backups, polling) stops now

    def __init__(self, frame: WindowFrame, repository: Repository, dialogs: UserDialogs,
                 open_file: Callable[[Path], object]) -> None:
        super().__init__(frame)
        self.setObjectName("lostFilesRescue")
        self._status, self._repository, self._dialogs, self._open_file = frame.status, repository, dialogs, open_file
        self.copy: RescuedCopy | None = None
        self.handled = False

    def on_write_failed(self, error: object) -> None:
        """A write refused by the repository because the files were lost."""
        if isinstance(error, WorkingFilesLostError) and self._repository.files_lost() is not None:
            lost = self._repository.files_lost()
            assert lost is not None
            self.rescue(lost)

    def rescue(self, lost: LostFiles) -> RescuedCopy | None:
        """Stop, save a copy, tell the user (only the first time)."""
        if self.handled:
            return self.copy
        self.handled = True
        self.writing_stopped.emit()
        try:
            self.copy = rescue_copy(self._repository)
        except (StoreError, OSError):
            self.copy = None
        note = QLabel(translate("Rescue", "Read-only: the file was changed under this window"))
        note.setObjectName("readOnlyNote")
        note.setStyleSheet("color: #a4262c; font-weight: bold")
        self._status.addPermanentWidget(note)
        title = translate("Rescue", "This window no longer saves")
        if self.copy is None:
            self._dialogs.error(title, rescue_text(lost, None))
        elif self._dialogs.confirm(title, rescue_text(lost, self.copy)):
            self._open_file(self.copy.path)
        return self.copy
