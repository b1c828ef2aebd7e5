"""The whole merge as one undo step."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from typing_extensions import override

from sew_desktop.services.merging.apply import MergeUndo, apply_merge, undo_merge
from sew_desktop.services.merging.plan import MergePlan
from sew_desktop.services.merging.resolve import Resolution
from sew_desktop.store.errors import StoreError, WriteFailedError
from sew_desktop.store.repository import Repository
from sew_desktop.ui.core.undo import StoreCommand

translate = QCoreApplication.translate


class MergeCommand(StoreCommand):
    """The whole merge as one undo step: redo writes it in one transaction, undo puts every row back."""

    def __init__(self, repository: Repository, plan: MergePlan, resolution: Resolution) -> None:
        super().__init__(translate("Merge", "Merge %1").replace("%1", plan.source.name))
        self._repository, self._plan, self._resolution = repository, plan, resolution
        self._undo: MergeUndo | None = None

    @override
    def redo(self) -> None:
        """Apply the merge."""
        self._guarded(self._apply)

    def _apply(self) -> None:
        try:
            self._undo = apply_merge(self._repository, self._plan, self._resolution)
        except StoreError:
            raise
        except Exception as error:  # a constraint of the file: nothing was written (one transaction)
            raise WriteFailedError(self._repository.path, str(error)) from error

    @override
    def undo(self) -> None:
        """Undo it exactly."""
        self._guarded(self._restore, undoing=True)

    def _restore(self) -> None:
        if self._undo is not None:
            undo_merge(self._repository, self._undo)
            self._undo = None
