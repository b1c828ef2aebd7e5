"""Undo commands: each holds primary keys and values, never row numbers, and writes through the repository."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand, QUndoStack
from typing_extensions import override

from sew_desktop.store import history
from sew_desktop.store.errors import StoreError
from sew_desktop.store.mapping import Entity
from sew_desktop.store.repository import DeletedRows, Key, Repository


class StoreCommand(QUndoCommand):
    """A command whose writes may fail (locked file, full disk): then nothing changed and the command is
    dropped from the undo stack, with the error kept in ``error`` (the user is told by the window)."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.error: StoreError | None = None
        self._undone = False

    def _guarded(self, write: Callable[[], object], *, undoing: bool = False) -> None:
        try:
            with history.reason(self._why(undoing)):  # the undo text is the "why" of the change history
                write()
        except StoreError as error:
            self.error = error
            self.setObsolete(True)


    def _why(self, undoing: bool) -> str:
        """The change's own text; an undo or a redo says so, so the row history does not show it as a new
        change made for the same reason."""
        if undoing:
            self._undone = True
            return QCoreApplication.translate("Undo", "Undone: %1").replace("%1", self.text())
        if self._undone:
            return QCoreApplication.translate("Undo", "Redone: %1").replace("%1", self.text())
        return self.text()


def push(stack: QUndoStack, command: StoreCommand) -> bool:
    """Do ``command`` and keep it for undo; False when its write failed (then nothing changed)."""
    stack.push(command)
    return command.error is None


@dataclass(frozen=True)
class Edit:
    """New values for some columns of one row, with the values they replace."""

    key: Key
    old: Mapping[str, object]
    new: Mapping[str, object]


class SetFieldsCommand(StoreCommand):
    """Change cells of one or more rows of one table in one transaction (a cell edit or a paste)."""

    def __init__(self, repository: Repository, entity: Entity, edits: Sequence[Edit], text: str) -> None:
        super().__init__(text)
        self._repository = repository
        self._entity = entity
        self._edits = list(edits)

    def _write(self, values_of: str) -> None:
        with self._repository.transaction():
            for edit in self._edits:
                self._repository.update(self._entity, edit.key, getattr(edit, values_of),
                                        expected=edit.old if values_of == "new" else edit.new)

    @override
    def redo(self) -> None:
        """Write the new values."""
        self._guarded(lambda: self._write("new"))

    @override
    def undo(self) -> None:
        """Write the old values back."""
        self._guarded(lambda: self._write("old"), undoing=True)


class InsertRowCommand(StoreCommand):
    """Add one row; redo after undo puts back the same id and uuid."""

    def __init__(self, repository: Repository, entity: Entity, values: Mapping[str, object], text: str) -> None:
        super().__init__(text)
        self._repository = repository
        self._entity = entity
        self._values = dict(values)
        self.key: Key | None = None
        self._deleted: DeletedRows | None = None

    @override
    def redo(self) -> None:
        """Insert (the first time) or restore (after an undo)."""
        self._guarded(self._insert)

    def _insert(self) -> None:
        if self._deleted is None:
            self.key = self._repository.insert(self._entity, self._values)
        else:
            self._repository.restore(self._deleted)

    @override
    def undo(self) -> None:
        """Remove the row again."""
        self._guarded(self._remove, undoing=True)

    def _remove(self) -> None:
        if self.key is not None:
            self._deleted = self._repository.delete(self._entity, [self.key])


class DeleteRowsCommand(StoreCommand):
    """Delete rows (with what cascades from them); undo restores them exactly."""

    def __init__(self, repository: Repository, entity: Entity, keys: Sequence[Key], text: str) -> None:
        super().__init__(text)
        self._repository = repository
        self._entity = entity
        self._keys = list(keys)
        self._deleted: DeletedRows | None = None

    @override
    def redo(self) -> None:
        """Delete."""
        self._guarded(self._delete)

    def _delete(self) -> None:
        self._deleted = self._repository.delete(self._entity, self._keys)

    @override
    def undo(self) -> None:
        """Restore."""
        self._guarded(self._restore, undoing=True)

    def _restore(self) -> None:
        if self._deleted is not None:
            self._repository.restore(self._deleted)


@dataclass
class Step:
    """One write of a :class:`CompositeCommand`: an update (old -> new), an insert of ``new``, or a delete."""

    entity: Entity
    key: Key | None
    new: Mapping[str, object]
    old: Mapping[str, object] | None = None
    delete: bool = False
    deleted: DeletedRows | None = None


class CompositeCommand(StoreCommand):
    """Several writes as one transaction and one undo step (e.g. moving a municipality to another region)."""

    def __init__(self, repository: Repository, text: str, steps: Sequence[Step]) -> None:
        super().__init__(text)
        self._repository = repository
        self._steps = list(steps)

    @override
    def redo(self) -> None:
        """Apply the steps in order."""
        self._guarded(self._apply_all)

    def _apply_all(self) -> None:
        with self._repository.transaction():
            for step in self._steps:
                self._apply(step)

    def _apply(self, step: Step) -> None:
        if step.delete and step.key is not None:
            step.deleted = self._repository.delete(step.entity, [step.key])
        elif step.old is not None and step.key is not None:
            self._repository.update(step.entity, step.key, step.new, expected=step.old)
        elif step.deleted is not None:
            self._repository.restore(step.deleted)
        else:
            step.key = self._repository.insert(step.entity, step.new)

    @override
    def undo(self) -> None:
        """Reverse the steps, last first."""
        self._guarded(self._reverse_all, undoing=True)

    def _reverse_all(self) -> None:
        with self._repository.transaction():
            for step in reversed(self._steps):
                if step.delete and step.deleted is not None:
                    self._repository.restore(step.deleted)
                elif step.old is not None and step.key is not None:
                    self._repository.update(step.entity, step.key, step.old, expected=step.new)
                elif step.key is not None:
                    step.deleted = self._repository.delete(step.entity, [step.key])
