"""Reading both copies for the merge preview off the GUI thread (a large copy takes a second or more)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal

from sew_desktop.services.merging.plan import plan_merge_of_files


class MergePlanThread(QThread):
    """Plans the merge of ``theirs`` into ``mine`` on read-only connections of its own; emits ``planned(MergePlan)``
    or ``failed(Exception)``. Nothing is written."""

    planned = Signal(object)
    failed = Signal(object)

    def __init__(self, mine: Path, theirs: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.mine, self.theirs = mine, theirs

    def run(self) -> None:
        """Read both files, report."""
        try:
            plan = plan_merge_of_files(self.mine, self.theirs)
        except Exception as exc:  # every failure is reported to the window, none escapes the thread
            self.failed.emit(exc)
            return
        self.planned.emit(plan)
