"""The undo command of an import: redo applies the plan, undo restores every touched row exactly."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from typing_extensions import override

from sew_desktop.services.imports.model import ImportPlan
from sew_desktop.services.imports.service import apply, undo
from sew_desktop.store.decisions import Snapshot
from sew_desktop.store.repository import Repository
from sew_desktop.ui.core.undo import StoreCommand


class ImportDecisionsCommand(StoreCommand):
    """One undo step for a whole import. When the write fails (a locked file, a full disk) ``error`` is set and
    the command is obsolete; anything unexpected reaches the error dialog like every other command's."""

    def __init__(self, repository: Repository, plan: ImportPlan, user: str | None = None) -> None:
        text = QCoreApplication.translate("ImportDecisionsCommand", "Import decisions from %1")
        super().__init__(text.replace("%1", plan.file.name))
        self._repository = repository
        self._plan = plan
        self._user = user
        self._snapshot: Snapshot | None = None
        self._log_id: int | None = None  # the log entry stays when undone; a redo marks the same entry

    @override
    def redo(self) -> None:
        """Apply the plan in one transaction."""
        self._guarded(self._apply)

    def _apply(self) -> None:
        self._snapshot = apply(self._repository, self._plan, user=self._user, log_id=self._log_id)
        self._log_id = self._snapshot.log_id if self._snapshot is not None else None

    @override
    def undo(self) -> None:
        """Put the database back as it was before the import; the log entry stays, marked as undone."""
        self._guarded(self._restore, undoing=True)

    def _restore(self) -> None:
        if self._snapshot is not None:
            undo(self._repository, self._snapshot)
            self._snapshot = None
