"""What keeps writes safe beside the SQL itself: waiting for other writers, who and why for the history,
noticing other processes' commits, the trash, and the checkpoint on close."""

from __future__ import annotations

import secrets
import sqlite3
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sew_desktop.store import history, trash
from sew_desktop.store.mapping import Entity
from sew_desktop.store.writes import Writer

WAIT_NOTICE_MS = 500  # after this long waiting for another writer, the GUI says so
BUSY_TIMEOUT_MS = 5000


class WriteSafety:
    """Per connection: the user named in the history, a waiting callback, the last seen data version."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.user = history.current_user()
        self.on_waiting: Callable[[bool], None] | None = None  # True: waiting started, False: over
        self._history = history.has_history(conn)
        self._data_version = self._read_data_version(conn)
        self._content = content_mark(conn)

    @property
    def records_history(self) -> bool:
        """True when the file has the change history (every migrated file)."""
        return self._history

    def set_display_name(self, name: str) -> None:
        """The name from the preferences, shown in the history beside the OS user."""
        self.user = history.current_user(name)

    @contextmanager
    def write_block(self, conn: sqlite3.Connection) -> Iterator[None]:
        """The outermost block: ``BEGIN IMMEDIATE`` (waits for other writers), who/why for the history
        triggers, then COMMIT, or ROLLBACK on any error; inside a transaction a savepoint."""
        if conn.in_transaction:
            with _savepoint(conn):
                yield
            return
        self.begin_immediate(conn)
        try:
            self.open_context(conn)
            yield
            self.close_context(conn)
        except BaseException:
            if conn.in_transaction:
                conn.rollback()
            raise
        conn.commit()
        self._content = content_mark(conn)  # our own commit is not another program's change

    # -- another writer ------------------------------------------------------------------------------

    def begin_immediate(self, conn: sqlite3.Connection) -> None:
        """Take the write lock now, waiting up to the busy timeout; after half a second tell ``on_waiting``."""
        if self.on_waiting is None:
            conn.execute("BEGIN IMMEDIATE")
            return
        conn.execute(f"PRAGMA busy_timeout = {WAIT_NOTICE_MS}")
        try:
            conn.execute("BEGIN IMMEDIATE")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc):
                raise
        finally:
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        self.on_waiting(True)
        try:
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS - WAIT_NOTICE_MS}")
            conn.execute("BEGIN IMMEDIATE")
        finally:
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            self.on_waiting(False)

    @staticmethod
    def _read_data_version(conn: sqlite3.Connection) -> int:
        return int(conn.execute("PRAGMA data_version").fetchone()[0])

    def changed_elsewhere(self, conn: sqlite3.Connection) -> bool:
        """True once after another connection committed a change. ``PRAGMA data_version`` also moves when another
        connection only checkpoints (every command-line run does, on closing), so a move counts only when the
        content mark moved with it."""
        version = self._read_data_version(conn)
        if version == self._data_version:
            return False
        self._data_version = version
        mark = content_mark(conn)
        changed, self._content = mark is None or mark != self._content, mark
        return changed

    @staticmethod
    def checkpoint(conn: sqlite3.Connection) -> None:
        """Move the write-ahead log into the file and empty it; skipped when another program is busy."""
        for _attempt in range(3):
            try:
                busy = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
            except sqlite3.Error:
                return
            if not busy:
                return
            time.sleep(0.05)

    # -- history and trash ---------------------------------------------------------------------------

    def open_context(self, db: sqlite3.Connection) -> None:
        """Who and why for the triggers of this transaction."""
        if self._history:
            history.open_context(db, self.user, history.current_reason())

    def close_context(self, db: sqlite3.Connection) -> None:
        """Clear them before the commit."""
        if self._history:
            history.close_context(db)

    def to_trash(self, tx: Writer, entity: Entity, deleted: Any) -> None:
        """Keep a delete's rows (a :class:`DeletedRows`) in the trash."""
        if self._history:
            trash.put(tx, entity, list(deleted.rows), [list(r) for r in deleted.references], self.user,
                      history.current_reason())

    def out_of_trash(self, tx: Writer, deleted: Any) -> None:
        """The rows are back: their trash item goes."""
        if self._history:
            rows: Sequence[tuple[Entity, dict[str, Any]]] = deleted.rows
            trash.forget_rows(tx, [str(row.get("uuid", "")) for _kind, row in rows if row.get("uuid")])


def content_mark(conn: sqlite3.Connection) -> tuple[object, ...] | None:
    """What changes with every change of the data: the newest history entry (every tracked table's triggers write
    one) and the loaded boundaries (which carry no history). ``None`` for a file without them."""
    try:
        row = conn.execute(
            "SELECT h.id, h.uuid, (SELECT loaded_at || sha256 FROM boundary_set), (SELECT count(*) FROM boundary_set)"
            " FROM (SELECT 1) LEFT JOIN change_history h ON h.id = (SELECT max(id) FROM change_history)").fetchone()
    except sqlite3.OperationalError:  # a file from before the history or the boundaries
        return None
    return tuple(row)


@contextmanager
def _savepoint(conn: sqlite3.Connection) -> Iterator[None]:
    """A nested block: rolled back on its own on error (unless the error ended the whole transaction)."""
    name = f"sew_{secrets.token_hex(8)}"
    conn.execute(f"SAVEPOINT {name}")
    try:
        yield
    except BaseException:
        if conn.in_transaction:
            conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
            conn.execute(f"RELEASE SAVEPOINT {name}")
        raise
    conn.execute(f"RELEASE SAVEPOINT {name}")
