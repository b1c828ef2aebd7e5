"""What keeps writes safe beside the SQL itself: waiting for other writers, who and why for the history,
noticing other processes' commits, the trash, and the checkpoint on close."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlite_utils import Database

from sew_desktop.store import history, trash
from sew_desktop.store.mapping import Entity

WAIT_NOTICE_MS = 500  # after this long waiting for another writer, the GUI says so
BUSY_TIMEOUT_MS = 5000


class WriteSafety:
    """Per connection: the user named in the history, a waiting callback, the last seen data version."""

    def __init__(self, db: Database) -> None:
        self.user = history.current_user()
        self.on_waiting: Callable[[bool], None] | None = None  # True: waiting started, False: over
        self._history = history.has_history(db)
        self._data_version = self._read_data_version(db.conn)

    def set_display_name(self, name: str) -> None:
        """The name from the preferences, shown in the history beside the OS user."""
        self.user = history.current_user(name)

    @contextmanager
    def write_block(self, db: Database) -> Iterator[None]:
        """The outermost block: ``BEGIN IMMEDIATE`` (waits for other writers), who/why for the history
        triggers, then COMMIT, or ROLLBACK on any error; inside a transaction a savepoint."""
        conn = db.conn
        if conn.in_transaction:
            with db.atomic():
                yield
            return
        self.begin_immediate(conn)
        try:
            self.open_context(db)
            yield
            self.close_context(db)
        except BaseException:
            if conn.in_transaction:
                conn.rollback()
            raise
        conn.commit()

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
        """True once after another connection committed (``PRAGMA data_version`` moved)."""
        version = self._read_data_version(conn)
        changed, self._data_version = version != self._data_version, version
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

    def open_context(self, db: Database) -> None:
        """Who and why for the triggers of this transaction."""
        if self._history:
            history.open_context(db, self.user, history.current_reason())

    def close_context(self, db: Database) -> None:
        """Clear them before the commit."""
        if self._history:
            history.close_context(db)

    def to_trash(self, db: Database, entity: Entity, deleted: Any) -> None:
        """Keep a delete's rows (a :class:`DeletedRows`) in the trash."""
        if self._history:
            trash.put(db, entity, list(deleted.rows), [list(r) for r in deleted.references], self.user,
                      history.current_reason())

    def out_of_trash(self, db: Database, deleted: Any) -> None:
        """The rows are back: their trash item goes."""
        if self._history:
            rows: Sequence[tuple[Entity, dict[str, Any]]] = deleted.rows
            trash.forget_rows(db, [str(row.get("uuid", "")) for _kind, row in rows if row.get("uuid")])
