"""Undo commands: each holds primary keys and values, never row numbers, and writes through the repository."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtGui import QUndoCommand

from sew_desktop.store.errors import StoreError
from sew_desktop.store.mapping import Entity
from sew_desktop.store.repository import DeletedRows, Key, Repository


@dataclass(frozen=True)
class Edit:
    """New values for some columns of one row, with the values they replace."""

    key: Key
    old: Mapping[str, object]
    new: Mapping[str, object]


class SetFieldsCommand(QUndoCommand):
    """Change cells of one or more rows of one table in one transaction (a cell edit or a paste)."""

    def __init__(self, repository: Repository, entity: Entity, edits: Sequence[Edit], text: str) -> None:
        super().__init__(text)
        self._repository = repository
        self._entity = entity
        self._edits = list(edits)

    def _write(self, values_of: str) -> None:
        try:
            with self._repository.transaction():
                for edit in self._edits:
                    self._repository.update(self._entity, edit.key, getattr(edit, values_of))
        except StoreError:
            self.setObsolete(True)  # the data changed under us; drop the command rather than lie

    def redo(self) -> None:
        """Write the new values."""
        self._write("new")

    def undo(self) -> None:
        """Write the old values back."""
        self._write("old")


class InsertRowCommand(QUndoCommand):
    """Add one row; redo after undo puts back the same id and uuid."""

    def __init__(self, repository: Repository, entity: Entity, values: Mapping[str, object], text: str) -> None:
        super().__init__(text)
        self._repository = repository
        self._entity = entity
        self._values = dict(values)
        self.key: Key | None = None
        self._deleted: DeletedRows | None = None

    def redo(self) -> None:
        """Insert (the first time) or restore (after an undo)."""
        try:
            if self._deleted is None:
                self.key = self._repository.insert(self._entity, self._values)
            else:
                self._repository.restore(self._deleted)
        except StoreError:
            self.setObsolete(True)

    def undo(self) -> None:
        """Remove the row again."""
        if self.key is not None:
            self._deleted = self._repository.delete(self._entity, [self.key])


class DeleteRowsCommand(QUndoCommand):
    """Delete rows (with what cascades from them); undo restores them exactly."""

    def __init__(self, repository: Repository, entity: Entity, keys: Sequence[Key], text: str) -> None:
        super().__init__(text)
        self._repository = repository
        self._entity = entity
        self._keys = list(keys)
        self._deleted: DeletedRows | None = None

    def redo(self) -> None:
        """Delete."""
        self._deleted = self._repository.delete(self._entity, self._keys)

    def undo(self) -> None:
        """Restore."""
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


class CompositeCommand(QUndoCommand):
    """Several writes as one transaction and one undo step (e.g. moving a municipality to another region)."""

    def __init__(self, repository: Repository, text: str, steps: Sequence[Step]) -> None:
        super().__init__(text)
        self._repository = repository
        self._steps = list(steps)

    def redo(self) -> None:
        """Apply the steps in order."""
        try:
            with self._repository.transaction():
                for step in self._steps:
                    self._apply(step)
        except StoreError:
            self.setObsolete(True)

    def _apply(self, step: Step) -> None:
        if step.delete and step.key is not None:
            step.deleted = self._repository.delete(step.entity, [step.key])
        elif step.old is not None and step.key is not None:
            self._repository.update(step.entity, step.key, step.new)
        elif step.deleted is not None:
            self._repository.restore(step.deleted)
        else:
            step.key = self._repository.insert(step.entity, step.new)

    def undo(self) -> None:
        """Reverse the steps, last first."""
        with self._repository.transaction():
            for step in reversed(self._steps):
                if step.delete and step.deleted is not None:
                    self._repository.restore(step.deleted)
                elif step.old is not None and step.key is not None:
                    self._repository.update(step.entity, step.key, step.old)
                elif step.key is not None:
                    step.deleted = self._repository.delete(step.entity, [step.key])
