"""The change bus: the repository's after-commit notifications as one Qt signal."""

from __future__ import annotations

import contextlib
from collections.abc import Sequence

from PySide6.QtCore import QObject, Signal

from sew_desktop.store.repository import Change, Repository


class ChangeBus(QObject):
    """One object per window: ``changed(list[Change])`` after each committed transaction, ``failed(error)``
    when one could not be written."""

    changed = Signal(list)
    failed = Signal(object)  # WriteFailedError: a transaction was rolled back

    def __init__(self, repository: Repository, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._unsubscribe = repository.subscribe(self._forward)
        self._unsubscribe_failures = repository.subscribe_failures(self.failed.emit)

    def _forward(self, changes: Sequence[Change]) -> None:
        self.changed.emit(list(changes))

    def detach(self) -> None:
        """Stop listening (before the repository is closed)."""
        with contextlib.suppress(ValueError):  # already detached
            self._unsubscribe()
            self._unsubscribe_failures()
