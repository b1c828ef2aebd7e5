"""The repository: reads as domain objects, writes in transactions, change notifications after commit."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from sew_desktop.domain.coverage import CoverageInput
from sew_desktop.domain.model import Agreement, Membership, Municipality, OpenCall, Partner, Province, Region
from sew_desktop.domain.validation import Problem
from sew_desktop.store import mapping
from sew_desktop.store.checks import RowValidationError, check_row
from sew_desktop.store.errors import ChangedElsewhereError, WorkingFilesLostError, WriteFailedError
from sew_desktop.store.held import HeldDatabase, LostFiles
from sew_desktop.store.mapping import EDITABLE_COLUMNS, PRIMARY_KEY, Entity, storable
from sew_desktop.store.rows import new_uuid, now_iso
from sew_desktop.store.safety import WriteSafety
from sew_desktop.store.writes import Change, ChangeKind, Key, Writer

if TYPE_CHECKING:
    from sqlite_utils import Database

# Change, ChangeKind and Key live with the writer; readers of the notifications import them from here.
__all__ = ["Change", "ChangeKind", "DeletedRows", "Key", "Repository", "Subscriber", "Writer", "chunked"]
_CHUNK = 500
_WRITTEN = (ChangeKind.INSERTED, ChangeKind.UPDATED)


@dataclass(frozen=True, slots=True)
class DeletedRows:
    """Everything a delete removed (cascades included), enough to put it back exactly."""

    rows: tuple[tuple[Entity, dict[str, Any]], ...]
    references: tuple[tuple[str, int, str, Any], ...] = ()


@dataclass(slots=True)
class _Pending:
    writer: Writer | None = None  # the open transaction's, shared by the blocks nested in it
    depth: int = 0


Subscriber = Callable[[Sequence[Change]], None]


def chunked(items: Sequence[Any], size: int = _CHUNK) -> Iterator[list[Any]]:
    """``items`` in lists of at most ``size``: SQLite limits the parameters of one statement."""
    for start in range(0, len(items), size):
        yield list(items[start : start + size])


class Repository:
    """The only gateway to the user's data; every write is one transaction followed by a notification."""

    def __init__(self, db: Database | sqlite3.Connection, path: Path | None = None, *, hold: bool = True) -> None:
        # A plain connection keeps sqlite-utils (and the numpy it pulls in, ~0.2 s) off the command line's
        # import path; the Database wrapper is made the first time a store service asks for it.
        self._conn = db if isinstance(db, sqlite3.Connection) else db.conn
        self._db: Database | None = None if isinstance(db, sqlite3.Connection) else db
        self.path = path
        self._subscribers: list[Subscriber] = []
        self._failure_subscribers: list[Callable[[WriteFailedError], None]] = []
        self._pending = _Pending()
        self._cache: dict[Entity, dict[Any, Any]] = {}
        self.generation = 0  # counts committed transactions: results computed from the data can key on it
        self._provinces = [mapping.province(r) for r in self._select("SELECT * FROM province")]
        self._safety = WriteSafety(self._conn)
        # Registered after the first read, so that WAL mode has made the side files it then watches.
        self._held = HeldDatabase(path) if path is not None and hold else None

    @property
    def database(self) -> Database:
        """The sqlite-utils database over the connection, for reads by store services (history, copies).
        Writes go through the :class:`Writer` that :meth:`transaction` yields."""
        if self._db is None:
            from sqlite_utils import Database

            self._db = Database(self._conn)
        return self._db

    @property
    def connection(self) -> sqlite3.Connection:
        """The SQLite connection itself, for reads by store services (a dump, a merge's reader); it keeps
        sqlite-utils off the command line's path. Writes go through the :class:`Writer` of :meth:`transaction`."""
        return self._conn

    @property
    def safety(self) -> WriteSafety:
        """Waiting for other writers, who writes, other processes' commits (see :class:`WriteSafety`)."""
        return self._safety

    def close(self) -> None:
        """Checkpoint the write-ahead log into the file (a closed database is one complete file), then close.
        When the side files were lost nothing is checkpointed: the log this connection holds is no longer the
        file's, and writing it back would overwrite what other programs stored since."""
        if self._held is not None and self.files_lost() is not None:
            self._held.disarm_lost_log()
        elif self._held is None or not self._held.shared_in_process():
            self._safety.checkpoint(self._conn)  # not while a window of this process reads it (it would reload)
        self._conn.close()
        if self._held is not None:
            self._held.release()

    def files_lost(self) -> LostFiles | None:
        """``None`` while the file and its ``-wal``/``-shm`` are the ones this connection holds; otherwise which
        were deleted or replaced by another program (from then on this repository refuses every write)."""
        return self._held.check() if self._held is not None else None

    def _refuse_if_files_lost(self) -> None:
        lost = self.files_lost()
        if lost is not None:
            raise WorkingFilesLostError(lost.database, lost.names)

    def reload_if_changed_elsewhere(self) -> bool:
        """When another process committed since we last looked: drop the cache, tell subscribers every table
        was reset, and return True."""
        if not self._safety.changed_elsewhere(self._conn):
            return False
        self._cache.clear()
        self.generation += 1
        changes = [Change(entity, ChangeKind.RESET) for entity in Entity]
        for subscriber in list(self._subscribers):
            subscriber(changes)
        return True

    # -- notifications -------------------------------------------------------------------------------

    def subscribe(self, subscriber: Subscriber) -> Callable[[], None]:
        """Call ``subscriber`` with the changes after each committed transaction; returns an unsubscribe."""
        self._subscribers.append(subscriber)
        return lambda: self._subscribers.remove(subscriber)

    def subscribe_failures(self, subscriber: Callable[[WriteFailedError], None]) -> Callable[[], None]:
        """Call ``subscriber`` when a transaction could not be written; returns an unsubscribe."""
        self._failure_subscribers.append(subscriber)
        return lambda: self._failure_subscribers.remove(subscriber)

    @contextmanager
    def transaction(self) -> Iterator[Writer]:
        """Group writes: one commit, one notification; nothing is written or announced on error.

        Yields the :class:`Writer` every write of the block goes through (a nested block shares its outer
        block's). The outermost block starts with ``BEGIN IMMEDIATE`` so another writer makes it wait (busy
        timeout) instead of failing at once. SQLite's operational errors (locked, read-only, disk full) become
        :class:`WriteFailedError`.
        """
        writer = self._enter()
        announced = len(writer.changes)
        try:
            if self._pending.depth == 1:
                self._refuse_if_files_lost()  # never write into a log another program deleted
            with self._safety.write_block(self._conn):
                yield writer
        except WorkingFilesLostError as lost:
            self._abandon(writer, announced)
            self._tell_failure(lost)
            raise
        except (sqlite3.OperationalError, sqlite3.IntegrityError) as exc:  # locked, full, a constraint
            self._abandon(writer, announced)
            failure = WriteFailedError(self.path, str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
            self._tell_failure(failure)
            raise failure from exc
        except BaseException:
            self._abandon(writer, announced)
            raise
        changes = self._leave()
        if changes:
            settled = self._settled(changes)
            self._apply_to_cache(settled)
            self.generation += 1
            for subscriber in list(self._subscribers):
                subscriber(settled)

    def _enter(self) -> Writer:
        self._pending.depth += 1
        if self._pending.writer is None:
            self._pending.writer = Writer(self._conn)
        return self._pending.writer

    def _abandon(self, writer: Writer, announced: int) -> None:
        """A block failed: its writes were rolled back (to its savepoint, or all), so are its announcements."""
        del writer.changes[announced:]
        self._leave()

    def _tell_failure(self, failure: WriteFailedError) -> None:
        for on_failure in list(self._failure_subscribers):
            on_failure(failure)

    def _leave(self) -> list[Change]:
        """Close the block; the changes to announce when it was the outermost one."""
        self._pending.depth -= 1
        if self._pending.depth or self._pending.writer is None:
            return []
        writer, self._pending.writer = self._pending.writer, None
        return writer.end()

    def _settled(self, changes: list[Change]) -> list[Change]:
        """The changes as the file holds them at commit, whatever order they were announced in.

        SQLite gives a new row the highest id plus one, so when a transaction deletes the row with the highest
        id and then inserts one (an import replacing its own memberships), the new row takes the freed id:
        the id is then both deleted and inserted. Keep only what is true at commit, or the cache and the
        views would drop (or keep) the row depending on announcement order."""
        deleted = {(c.entity, k) for c in changes if c.kind is ChangeKind.DELETED for k in c.keys}
        written = {(c.entity, k) for c in changes if c.kind in _WRITTEN for k in c.keys}
        # Boundary shapes (keyed period/kind/code, not one column) are announced once per load: left as they are.
        both = {(entity, key) for entity, key in deleted & written if entity in PRIMARY_KEY}
        if not both:
            return changes
        present: set[tuple[Entity, Key]] = set()
        for entity in {entity for entity, _ in both}:
            keys = [k for e, k in both if e is entity]
            pk = PRIMARY_KEY[entity]
            present |= {(entity, row[pk]) for row in self.select_in(entity.value, pk, keys)}
        settled = []
        for change in changes:
            keep = tuple(k for k in change.keys if (change.entity, k) not in both
                         or ((change.entity, k) in present) is (change.kind is not ChangeKind.DELETED))
            if keep or change.kind is ChangeKind.RESET:
                settled.append(Change(change.entity, change.kind, keep))
        return settled

    @contextmanager
    def trial(self) -> Iterator[Writer]:
        """Writes that are always rolled back: a dry run does exactly what the apply would, reads the result
        (the cache is set aside, so reads inside see the writes) and forgets it. Nothing is announced."""
        if self._pending.depth:
            raise RuntimeError("trial() cannot run inside a transaction")
        writer = self._enter()
        try:
            with self.uncached():
                self._refuse_if_files_lost()
                self._safety.begin_immediate(self._conn)
                self._safety.open_context(self._conn)
                yield writer
        finally:
            if self._conn.in_transaction:
                self._conn.rollback()
            self._leave()

    @contextmanager
    def uncached(self) -> Iterator[None]:
        """Reads straight from the connection (inside a transaction: with its uncommitted writes)."""
        saved, self._cache = self._cache, {}
        try:
            yield
        finally:
            self._cache = saved

    # -- reads ---------------------------------------------------------------------------------------

    def _select(self, sql: str, params: Sequence[object] = ()) -> list[dict[str, Any]]:
        cursor = self._conn.execute(sql, list(params))
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, values, strict=True)) for values in cursor.fetchall()]

    def select(self, sql: str, params: Sequence[object] = ()) -> list[dict[str, Any]]:
        """Rows of a read-only query as dicts, for store services (imports, copies)."""
        return self._select(sql, params)

    def select_in(self, table: str, column: str, keys: Sequence[Key]) -> list[dict[str, Any]]:
        """Every row of ``table`` whose ``column`` is one of ``keys`` (in chunks SQLite accepts)."""
        rows: list[dict[str, Any]] = []
        for chunk in chunked(keys):
            marks = ", ".join("?" for _ in chunk)
            rows += self._select(f"SELECT * FROM {table} WHERE {column} IN ({marks})", chunk)
        return rows

    def _table(self, entity: Entity) -> dict[Any, Any]:
        if entity not in self._cache:
            convert = mapping.TO_DOMAIN[entity]
            pk = PRIMARY_KEY[entity]
            rows = self._select(f"SELECT * FROM {entity.value} ORDER BY {pk}")
            self._cache[entity] = {row[pk]: convert(row) for row in rows}
        return self._cache[entity]

    def provinces(self) -> list[Province]:
        """The five provinces, by NIS code."""
        return list(self._provinces)

    def municipalities(self) -> Mapping[str, Municipality]:
        """Every municipality code, keyed by NIS code."""
        return cast("dict[str, Municipality]", self._table(Entity.MUNICIPALITY))

    def regions(self) -> Mapping[int, Region]:
        """Every regiegebied, keyed by id."""
        return cast("dict[int, Region]", self._table(Entity.REGION))

    def memberships(self) -> Mapping[int, Membership]:
        """Every membership, keyed by id."""
        return cast("dict[int, Membership]", self._table(Entity.MEMBERSHIP))

    def agreements(self) -> Mapping[int, Agreement]:
        """Every agreement, keyed by id."""
        return cast("dict[int, Agreement]", self._table(Entity.AGREEMENT))

    def open_calls(self) -> list[OpenCall]:
        """The open calls, by id."""
        return list(self._table(Entity.OPEN_CALL).values())

    def raw_row(self, entity: Entity, key: Key) -> dict[str, Any]:
        """One row as stored (ISO dates, NULLs), for undo."""
        rows = self._select(f"SELECT * FROM {entity.value} WHERE {PRIMARY_KEY[entity]} = ?", [key])
        if not rows:
            raise KeyError(key)
        return rows[0]

    def stored_memberships_of(self, municipality_nis: str) -> list[dict[str, Any]]:
        """The memberships of one municipality as stored now (also inside an unfinished transaction)."""
        return self._select("SELECT * FROM membership WHERE municipality_nis = ?", [municipality_nis])

    def stored_agreements_of(self, partner: Partner) -> list[dict[str, Any]]:
        """The agreements of one partner as stored now (also inside an unfinished transaction)."""
        if partner.municipality_nis is not None:
            return self._select("SELECT * FROM agreement WHERE municipality_nis = ?", [partner.municipality_nis])
        return self._select("SELECT * FROM agreement WHERE region_id = ?", [partner.region_id])

    def coverage_input(self) -> CoverageInput:
        """Everything coverage depends on, from the in-memory cache kept in step with the file."""
        return CoverageInput(
            provinces={p.nis_code: p for p in self._provinces},
            municipalities=self.municipalities(),
            regions=self.regions(),
            memberships=self.memberships(),
            agreements=self.agreements(),
        )

    def meta(self, key: str) -> str | None:
        """A metadata value (e.g. ``demo``)."""
        rows = self._select("SELECT value FROM meta WHERE key = ?", [key])
        return str(rows[0]["value"]) if rows else None

    def is_demo(self) -> bool:
        """True for the fictitious demo dataset."""
        return self.meta("demo") == "1"

    def problems(self, entity: Entity, key: Key | None, changes: Mapping[str, object]) -> list[Problem]:
        """Why writing ``changes`` to row ``key`` (or a new row when ``None``) would be refused; empty if fine."""
        unknown = set(changes) - EDITABLE_COLUMNS[entity]
        if unknown:
            raise ValueError(f"not editable: {', '.join(sorted(unknown))}")
        base = self.raw_row(entity, key) if key is not None else {}
        try:
            check_row(self, entity, {**base, **{c: storable(c, v) for c, v in changes.items()}})
        except RowValidationError as error:
            return error.problems
        return []

    # -- writes --------------------------------------------------------------------------------------

    def set_meta(self, key: str, value: str) -> None:
        """Set a metadata value."""
        with self.transaction() as tx:
            tx.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", [key, value])

    def update(self, entity: Entity, key: Key, changes: Mapping[str, object],
               expected: Mapping[str, object] | None = None) -> dict[str, object]:
        """Change columns of one row; returns the previous stored values of those columns.

        With ``expected`` (an undo, a redo) the write is refused with :class:`ChangedElsewhereError` when the row
        no longer holds those values: another program or window changed it, and that change is kept.
        """
        unknown = set(changes) - EDITABLE_COLUMNS[entity]
        if unknown:
            raise ValueError(f"not editable: {', '.join(sorted(unknown))}")
        old = self.raw_row(entity, key)
        new_values = {column: storable(column, value) for column, value in changes.items()}
        check_row(self, entity, {**old, **new_values})
        assignments = ", ".join(f"{column} = ?" for column in new_values)
        with self.transaction() as tx:
            if expected is not None:  # read under the write lock: nobody can change the row in between
                self._refuse_if_changed(entity, key, self.raw_row(entity, key), expected)
            tx.execute(
                f"UPDATE {entity.value} SET {assignments}, updated_at = ? WHERE {PRIMARY_KEY[entity]} = ?",
                [*new_values.values(), now_iso(), key],
            )
            tx.changed(entity, ChangeKind.UPDATED, (key,))
        return {column: old[column] for column in changes}

    def _refuse_if_changed(self, entity: Entity, key: Key, stored: Mapping[str, object],
                           expected: Mapping[str, object]) -> None:
        changed = [c for c, v in expected.items() if stored.get(c) != storable(c, v)]
        if changed:
            raise self._changed_elsewhere(entity, key, changed)

    def _changed_elsewhere(self, entity: Entity, key: Key, what: list[str]) -> ChangedElsewhereError:
        """The error for a write refused because another program changed the row; subscribers are told."""
        failure = ChangedElsewhereError(entity.value, key, what)
        for on_failure in list(self._failure_subscribers):
            on_failure(failure)
        return failure

    def insert(self, entity: Entity, values: Mapping[str, object]) -> Key:
        """Add one row; returns its primary key."""
        return self.insert_many(entity, [values])[0]

    def insert_many(self, entity: Entity, rows: Iterable[Mapping[str, object]]) -> list[Key]:
        """Add rows in one transaction (ids and uuids may be given, e.g. when restoring)."""
        keys: list[Key] = []
        with self.transaction() as tx:
            for values in rows:
                row = {column: storable(column, value) for column, value in values.items()}
                row.setdefault("uuid", new_uuid())
                row["updated_at"] = now_iso()
                check_row(self, entity, row)
                columns = ", ".join(row)
                marks = ", ".join("?" for _ in row)
                cursor = tx.execute(f"INSERT INTO {entity.value} ({columns}) VALUES ({marks})", list(row.values()))
                pk = PRIMARY_KEY[entity]
                keys.append(cast(Key, row[pk]) if row.get(pk) is not None else int(cursor.lastrowid or 0))
            tx.changed(entity, ChangeKind.INSERTED, keys)
        return keys

    def delete(self, entity: Entity, keys: Iterable[Key]) -> DeletedRows:
        """Delete rows (and what cascades from them) in one transaction; returns them for undo."""
        keys = list(keys)
        with self.transaction() as tx:
            try:
                deleted = self._collect_deleted(entity, keys)
            except KeyError as gone:  # deleted by another program meanwhile (an undo of an insert)
                raise self._changed_elsewhere(entity, gone.args[0], ["deleted"]) from None
            self._safety.to_trash(tx, entity, deleted)
            marks = ", ".join("?" for _ in keys)
            tx.execute(f"DELETE FROM {entity.value} WHERE {PRIMARY_KEY[entity]} IN ({marks})", keys)
            for child, row in deleted.rows:
                tx.changed(child, ChangeKind.DELETED, (row[PRIMARY_KEY[child]],))
        return deleted

    def restore(self, deleted: DeletedRows) -> None:
        """Put back what :meth:`delete` removed, with the same ids and uuids."""
        with self.transaction() as tx:
            self._safety.out_of_trash(tx, deleted)
            for entity, row in deleted.rows:
                columns = ", ".join(row)
                marks = ", ".join("?" for _ in row)
                try:
                    tx.execute(f"INSERT INTO {entity.value} ({columns}) VALUES ({marks})", list(row.values()))
                except sqlite3.IntegrityError:  # another program put a row with that id or uuid back meanwhile
                    raise self._changed_elsewhere(entity, row[PRIMARY_KEY[entity]], ["restored"]) from None
                tx.changed(entity, ChangeKind.INSERTED, (row[PRIMARY_KEY[entity]],))
            for table, row_id, column, value in deleted.references:
                tx.execute(f"UPDATE {table} SET {column} = ? WHERE id = ?", [value, row_id])

    def _collect_deleted(self, entity: Entity, keys: list[Key]) -> DeletedRows:
        rows: list[tuple[Entity, dict[str, Any]]] = []
        references: list[tuple[str, int, str, Any]] = []
        for key in keys:
            rows.append((entity, self.raw_row(entity, key)))
            if entity is Entity.REGION:
                for child in (Entity.MEMBERSHIP, Entity.AGREEMENT):
                    children = self._select(f"SELECT * FROM {child.value} WHERE region_id = ?", [key])
                    rows.extend((child, row) for row in children)
                references.extend(
                    ("subsidy_decision", r["id"], "region_id", key)
                    for r in self._select("SELECT id FROM subsidy_decision WHERE region_id = ?", [key])
                )
        return DeletedRows(tuple(rows), tuple(references))

    # -- cache ---------------------------------------------------------------------------------------

    def _apply_to_cache(self, changes: Sequence[Change]) -> None:
        for change in changes:
            table = self._cache.get(change.entity)
            if table is None:
                continue
            if change.kind is ChangeKind.RESET:
                del self._cache[change.entity]
            elif change.kind is ChangeKind.DELETED:
                for key in change.keys:
                    table.pop(key, None)
            else:
                self._reload(change.entity, table, change.keys)

    def _reload(self, entity: Entity, table: dict[Any, Any], keys: tuple[Key, ...]) -> None:
        convert = mapping.TO_DOMAIN[entity]
        pk = PRIMARY_KEY[entity]
        for start in range(0, len(keys), _CHUNK):
            chunk = keys[start : start + _CHUNK]
            marks = ", ".join("?" for _ in chunk)
            for row in self._select(f"SELECT * FROM {entity.value} WHERE {pk} IN ({marks})", chunk):
                table[row[pk]] = convert(row)
