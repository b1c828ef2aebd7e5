"""What one open database gives a window: the repository, the change bus, the undo stack and the live coverage."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QUndoStack

from sew_desktop.store.repository import Repository
from sew_desktop.ui.core.live import LiveCoverage
from sew_desktop.ui.core.notifier import ChangeBus


@dataclass(frozen=True)
class WindowSession:
    """The data side of one window, built before any widget (the table models are built over it)."""

    repository: Repository
    bus: ChangeBus
    undo_stack: QUndoStack
    live: LiveCoverage
