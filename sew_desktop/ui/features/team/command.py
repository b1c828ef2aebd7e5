"""Apply mine again: the user's losing value of a conflict as a new edit (undoable; pushed at the next sync)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from typing_extensions import override

from sew_desktop.store.merge_rows import CopyReader
from sew_desktop.store.repository import Repository
from sew_desktop.store.team import local
from sew_desktop.store.team.local import Issue
from sew_desktop.ui.core.undo import StoreCommand
from sew_desktop.ui.features.team.texts import field_title


def can_apply_again(issue: Issue) -> bool:
    """Only a field's value can be applied again (a whole row inserted or deleted cannot)."""
    return issue.field is not None and issue.kind == "conflict"


class ApplyMineCommand(StoreCommand):
    """Writes the user's value of ``issue`` over the team's and settles the issue; undo puts the team's value back
    and lists the issue again."""

    def __init__(self, repository: Repository, issue: Issue) -> None:
        super().__init__(QCoreApplication.translate("Team", "Apply mine again: %1 · %2").replace(
            "%1", issue.label).replace("%2", field_title(issue.field)))
        self._repository, self._issue = repository, issue
        self._team_value: object = issue.server

    def _write(self, value: object, *, reopen: bool) -> None:
        issue = self._issue
        with self._repository.transaction() as tx:
            reader = CopyReader.of(self._repository)
            if not reopen and issue.field is not None:
                row = reader.rows(issue.table, [issue.identity]).get(issue.identity)
                if row is not None:
                    self._team_value = row.get(issue.field)  # what the file shows now: undo goes back to it
            local.write_portable(tx, reader, issue.table, issue.identity, "update", issue.field, value)
            local.resolve_issue(tx, issue.id, reopen=reopen)

    @override
    def redo(self) -> None:
        """Write my value, settle the issue."""
        self._guarded(lambda: self._write(self._issue.mine, reopen=False))

    @override
    def undo(self) -> None:
        """The team's value back, the issue listed again."""
        self._guarded(lambda: self._write(self._team_value, reopen=True), undoing=True)
