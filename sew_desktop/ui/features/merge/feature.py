"""The merge feature, File › Merge another copy…: choose the file, plan it, show the preview; applying is one
undo step."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QApplication

from sew_desktop.services.backups import BackupReason, take_backup
from sew_desktop.store.errors import StoreError
from sew_desktop.ui.core.actions import ActionRegistry, ActionSpec, Enablement, Menu
from sew_desktop.ui.core.dialogs import UserDialogs
from sew_desktop.ui.core.feature import Contribution
from sew_desktop.ui.core.file_dialogs import DB_FILTER, choose_open_file
from sew_desktop.ui.core.frame import WindowFrame
from sew_desktop.ui.core.i18n import Language
from sew_desktop.ui.core.undo import push
from sew_desktop.ui.core.window_session import WindowSession

if TYPE_CHECKING:  # the merge itself is imported when first used: not on the start-up path
    from sew_desktop.services.merging.plan import MergePlan
    from sew_desktop.services.merging.resolve import Resolution
    from sew_desktop.ui.features.merge.dialog import MergeDialog
    from sew_desktop.ui.features.merge.worker import MergePlanThread

translate = QCoreApplication.translate


class MergeHub(QObject):
    """The merge action of one window and its open preview; ``reading_changed()`` when a copy starts or stops
    being read (the action is off meanwhile)."""

    reading_changed = Signal()

    def __init__(self, session: WindowSession, frame: WindowFrame, dialogs: UserDialogs, language: Language,
                 registry: ActionRegistry) -> None:
        super().__init__()
        self.setObjectName("mergeHub")
        self._frame, self._session, self._dialogs, self._language = frame, session, dialogs, language
        self.dialog: MergeDialog | None = None
        self._thread: MergePlanThread | None = None
        self.action = registry.add(ActionSpec(
            "mergeAction", translate("Merge", "&Merge another copy…"), self.choose_file, Menu.FILE, "copies",
            enabled=Enablement(self.reading_changed, lambda: not self.is_reading())))

    def contribution(self) -> Contribution:
        """No widgets of its own in the window: the preview is a dialog."""
        return Contribution()

    def choose_file(self) -> None:
        """Ask for the other copy, then open the preview."""
        path = self._ask_path()
        if path is not None:
            self.open_preview(path)

    def _ask_path(self) -> Path | None:
        answer = getattr(self._dialogs, "merge_answer", None)  # scripted in tests
        if answer is not None:
            return Path(answer)
        return choose_open_file(self._frame.host(), translate("Merge", "Merge another copy"), DB_FILTER)

    def open_preview(self, path: Path) -> None:
        """Plan the merge of ``path`` (read-only) off the GUI thread, then show what it would do in
        :attr:`dialog`; the window stays usable meanwhile."""
        repository = self._session.repository
        if repository.path is None:  # a database without a file: only its own connection can read it
            from sew_desktop.services.merging.plan import plan_merge

            self._planned(path, lambda: plan_merge(repository, path))
            return
        if self._thread is not None:
            return  # one preview is being read already
        self._frame.status.showMessage(translate("Merge", "Reading '%1'…").replace("%1", path.name))
        QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        from sew_desktop.ui.features.merge.worker import MergePlanThread

        thread = MergePlanThread(repository.path, path, self)
        thread.planned.connect(lambda plan: self._finished(thread, path, lambda: plan))
        thread.failed.connect(lambda error: self._finished(thread, path, lambda: _raise(error)))
        self._thread = thread
        self.reading_changed.emit()
        thread.start()

    def _finished(self, thread: MergePlanThread, path: Path, result: Callable[[], MergePlan]) -> None:
        thread.wait()
        thread.deleteLater()
        self._thread = None
        self.reading_changed.emit()
        QApplication.restoreOverrideCursor()
        self._frame.status.clearMessage()
        self._planned(path, result)

    def _planned(self, path: Path, result: Callable[[], MergePlan]) -> None:
        try:
            plan = result()
        except Exception as error:  # StoreError, OSError, a damaged file: one readable dialog, never a traceback
            self._dialogs.error(
                translate("Merge", "Cannot merge"),
                translate("Merge", "'%1' cannot be merged: %2").replace("%1", path.name).replace("%2", str(error)),
            )
            return
        live = self._session.live
        from sew_desktop.ui.features.merge.dialog import MergeDialog

        dialog = MergeDialog(self._session.repository, plan, live.as_of, live.horizon, self._language,
                             self._frame.host())
        dialog.apply_requested.connect(lambda resolution: self.apply(plan, resolution))
        self.dialog = dialog
        dialog.show()

    def is_reading(self) -> bool:
        """True while a copy is being read for the preview."""
        return self._thread is not None

    def apply(self, plan: MergePlan, resolution: Resolution) -> bool:
        """A backup first, then the merge as one undo step."""
        repository = self._session.repository
        try:
            if repository.path is not None:
                take_backup(repository.path, BackupReason.BEFORE_MERGE)
        except (StoreError, OSError) as error:
            self._dialogs.error(
                translate("Merge", "Cannot merge"),
                translate("Merge", "No backup could be taken, so nothing was merged (%1).").replace("%1", str(error)),
            )
            return False
        from sew_desktop.services.merging.apply import ChangedSincePreviewError
        from sew_desktop.ui.features.merge.command import MergeCommand

        command = MergeCommand(repository, plan, resolution)
        done = push(self._session.undo_stack, command)
        if done:
            self._frame.show_message(
                translate("Merge", "Merged %1. Ctrl+Z undoes the merge.").replace("%1", plan.source.name), 15000)
        elif isinstance(command.error, ChangedSincePreviewError):
            self._dialogs.error(translate("Merge", "Cannot merge"), translate(
                "Merge", "This file changed since the preview (another window or program). Nothing was merged; "
                "open File › Merge another copy… again."))
        else:
            self._dialogs.error(translate("Merge", "Cannot merge"), translate(
                "Merge", "The merge could not be written; the file is as it was (%1).").replace(
                "%1", str(command.error)))
        return done


def _raise(error: BaseException) -> NoReturn:
    raise error
