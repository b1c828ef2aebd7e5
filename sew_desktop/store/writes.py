"""The one way to write to the open file: the writer of the repository's open transaction.

Every store module that writes takes the :class:`Writer` that ``repository.transaction()`` yields, runs its SQL
through it and says which rows it changed; after the commit the repository announces exactly those rows. The
writer refuses to run anything once its transaction has ended, so a write cannot slip out of the transaction
(or out of the announcement).
"""

from __future__ import annotations

import enum
import sqlite3
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sew_desktop.store.mapping import PRIMARY_KEY, Entity

Key = str | int
_CHUNK = 500  # keys per statement: SQLite limits the parameters of one


class ChangeKind(enum.StrEnum):
    """What happened to the rows named in a change."""

    INSERTED = "inserted"
    UPDATED = "updated"
    DELETED = "deleted"
    RESET = "reset"


@dataclass(frozen=True, slots=True)
class Change:
    """Rows of one entity that changed in one committed transaction."""

    entity: Entity
    kind: ChangeKind
    keys: tuple[Key, ...] = ()


class Writer:
    """SQL on the repository's connection while its transaction is open, and the rows it changed."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn: sqlite3.Connection | None = conn
        self.changes: list[Change] = []

    def _open(self) -> sqlite3.Connection:
        if self._conn is None:
            raise RuntimeError("this transaction has ended: write inside repository.transaction()")
        return self._conn

    @property
    def in_transaction(self) -> bool:
        """False once the transaction ended (committed, rolled back, or ended by an error of SQLite's)."""
        return self._conn is not None and self._conn.in_transaction

    def execute(self, sql: str, params: Sequence[object] = ()) -> sqlite3.Cursor:
        """Run one statement; reads see the transaction's writes so far."""
        return self._open().execute(sql, params)

    def executemany(self, sql: str, rows: Iterable[Sequence[object]]) -> sqlite3.Cursor:
        """Run one statement for each row of parameters (streamed: ``rows`` may be a generator)."""
        return self._open().executemany(sql, rows)

    def select(self, sql: str, params: Sequence[object] = ()) -> list[dict[str, Any]]:
        """Rows of a query as dicts (with the transaction's writes so far)."""
        cursor = self.execute(sql, params)
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, values, strict=True)) for values in cursor.fetchall()]

    def changed(self, entity: Entity, kind: ChangeKind, keys: Iterable[Key]) -> None:
        """Report rows this transaction inserted, updated or deleted (announced after the commit; none: nothing)."""
        found = tuple(keys)
        if found:
            self.changes.append(Change(entity, kind, found))

    def changed_since(self, entity: Entity, keys: Collection[Key], existed: Collection[Key]) -> None:
        """Report rows a write touched as what they are now against whether they ``existed`` before it:
        inserted, updated, or deleted (for writes that take rows along or give an id back, such as a merge)."""
        now = self.existing(entity, keys)
        ordered = sorted(keys, key=lambda k: (0, k, "") if isinstance(k, int) else (1, 0, k))  # the file's order
        self.changed(entity, ChangeKind.INSERTED, (k for k in ordered if k in now and k not in existed))
        self.changed(entity, ChangeKind.UPDATED, (k for k in ordered if k in now and k in existed))
        self.changed(entity, ChangeKind.DELETED, (k for k in ordered if k not in now and k in existed))

    def existing(self, entity: Entity, keys: Collection[Key]) -> set[Key]:
        """Which of ``keys`` name a row of ``entity`` now."""
        pk, ordered = PRIMARY_KEY[entity], list(keys)
        found: set[Key] = set()
        for start in range(0, len(ordered), _CHUNK):
            chunk = ordered[start:start + _CHUNK]
            marks = ", ".join("?" for _ in chunk)
            found |= {row[0] for row in self.execute(f"SELECT {pk} FROM {entity.value} WHERE {pk} IN ({marks})", chunk)}
        return found

    def end(self) -> list[Change]:
        """Close the writer (nothing runs through it any more); returns what it changed."""
        self._conn = None
        return self.changes
