"""One gate for every SQLite file that comes from outside: a backup to restore, a colleague's copy to merge, a
file opened from the menu or the command line.

A file from outside is a program as much as it is data: a view where a table should be can run forever or return
gigabytes, a trigger runs on the next write of whoever opens it, and its schema is SQL that SQLite runs. So before
a single row is read the file is opened read-only without taking part in its WAL (``immutable``: no locks, no
files made beside it), with ``trusted_schema`` off and a time budget, and its schema is compared with ours: our
application id, a version we can read, a quick check passed, tables that are tables, no views, no virtual tables
and no triggers but the ones our code makes. What fails is refused in one line that names the reason.
"""

from __future__ import annotations

import functools
import re
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sew_desktop.store import history
from sew_desktop.store.errors import (
    DamagedDatabaseError,
    DatabaseMissingError,
    ForeignDatabaseError,
    NewerVersionError,
    NotADatabaseError,
    UnreadableDatabaseError,
    UnsafeDatabaseError,
)
from sew_desktop.store.held import is_held
from sew_desktop.store.schema_steps import MIGRATION_SET, STEP_NAMES

APPLICATION_ID = 0x53455744  # "SEWD" (as store.database stamps it)
MAX_FILE_BYTES = 100 * 1024 * 1024  # the 100x demo set is 35 MB; a larger file could hold values SQLite loads whole
CHECK_SECONDS = 5.0  # opening, the schema and SQLite's quick check of a file from outside
READ_SECONDS = 30.0  # reading its rows afterwards (a merge); the limits on rows keep real files far below
_PROGRESS_STEPS = 10_000  # SQLite virtual machine instructions between looks at the clock


def _uri(path: Path) -> str:
    """Read-only and ``immutable`` (no locks, nothing made beside it, its log ignored), except for a file a window
    of this process has open: its newest changes are in its log, and this process's locks on it are SQLite's own."""
    if is_held(path):
        return f"{path.resolve().as_uri()}?mode=ro"
    return f"{path.resolve().as_uri()}?mode=ro&immutable=1"


def _refuse_side_files(path: Path) -> None:
    wal = Path(f"{path}-wal")
    if wal.exists() and wal.stat().st_size > 0 and not is_held(path):
        raise UnsafeDatabaseError(path, f"{wal.name} lies beside it: the file is open in another program or was "
                                        "copied while in use; close that program, or copy the file again")


def _budget(conn: sqlite3.Connection, seconds: float) -> None:
    """Interrupt any statement once ``seconds`` have passed (a recursive view, a huge blob)."""
    deadline = time.monotonic() + seconds
    conn.set_progress_handler(lambda: int(time.monotonic() > deadline), _PROGRESS_STEPS)


def connect_untrusted(path: Path, seconds: float = CHECK_SECONDS) -> sqlite3.Connection:
    """A read-only connection to ``path`` that cannot change it, make files beside it or run its schema's
    functions, within a time budget; nothing about the file is checked yet (see :func:`open_untrusted`)."""
    if not path.exists():
        raise DatabaseMissingError(path)
    if not path.is_file():
        raise NotADatabaseError(path)
    size = path.stat().st_size
    if size == 0:
        raise NotADatabaseError(path)
    if size > MAX_FILE_BYTES and not is_held(path):
        raise UnsafeDatabaseError(path, f"{size // 1024 // 1024:,} MB (a copy or backup of at most "
                                        f"{MAX_FILE_BYTES // 1024 // 1024} MB is read)")
    _refuse_side_files(path)
    try:
        conn = sqlite3.connect(_uri(path), uri=True, timeout=5.0, isolation_level=None)
    except sqlite3.Error as exc:
        raise UnreadableDatabaseError(path, str(exc)) from exc
    conn.execute("PRAGMA trusted_schema = OFF")
    _budget(conn, seconds)
    return conn


def check_untrusted(path: Path, conn: sqlite3.Connection) -> None:
    """Refuse ``path`` unless it is a sound SEW Desktop file of a version we read, with nothing in its schema that
    our code did not make."""
    try:
        ours = is_ours(conn)
    except sqlite3.OperationalError as exc:
        raise _operational(path, exc) from exc
    except sqlite3.DatabaseError as exc:
        raise (DamagedDatabaseError(path, _first_line(exc)) if "malformed" in str(exc)
               else NotADatabaseError(path)) from exc
    if not ours:
        raise ForeignDatabaseError(path)
    applied = [str(row[0]) for row in conn.execute(
        "SELECT name FROM _sqlite_migrations WHERE migration_set = ?", [MIGRATION_SET])]
    unknown = [name for name in applied if name not in STEP_NAMES]
    if unknown:
        raise NewerVersionError(path, unknown)
    strange = unexpected_objects(conn) + unexpected_tables(conn, current=set(applied) == set(STEP_NAMES))
    if strange:
        raise UnsafeDatabaseError(path, f"it holds {strange[0]}, which SEW Desktop does not make"
                                        + (f" (and {len(strange) - 1} more)" if len(strange) > 1 else ""))
    try:
        findings = [str(row[0]) for row in conn.execute("PRAGMA quick_check(5)")]
    except sqlite3.OperationalError as exc:
        raise _operational(path, exc) from exc
    except sqlite3.DatabaseError as exc:
        raise DamagedDatabaseError(path, _first_line(exc)) from exc
    if findings != ["ok"]:
        more = f" (and {len(findings) - 1} more findings)" if len(findings) > 1 else ""
        raise DamagedDatabaseError(path, findings[0][:200] + more)


@contextmanager
def open_untrusted(path: Path, read_seconds: float = READ_SECONDS) -> Iterator[sqlite3.Connection]:
    """``path`` checked by the gate, then read-only for ``read_seconds`` at most."""
    conn = connect_untrusted(path)
    try:
        check_untrusted(path, conn)
        _budget(conn, read_seconds)
        yield conn
    finally:
        conn.close()


def _first_line(exc: BaseException) -> str:
    return str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__


def _operational(path: Path, exc: sqlite3.OperationalError) -> Exception:
    if "interrupted" in str(exc):
        return UnsafeDatabaseError(path, "reading it takes too long (a view or a damaged page)")
    if "malformed" in str(exc):
        return DamagedDatabaseError(path, _first_line(exc))
    if "not a database" in str(exc) or "file is not" in str(exc):
        return NotADatabaseError(path)
    return UnreadableDatabaseError(path, _first_line(exc))


def is_ours(conn: sqlite3.Connection) -> bool:
    """Our application_id, or (files made before it existed) our recorded migrations and no other id."""
    application_id = conn.execute("PRAGMA application_id").fetchone()[0]
    kinds = dict(conn.execute("SELECT name, type FROM sqlite_master WHERE name = '_sqlite_migrations'").fetchall())
    if kinds.get("_sqlite_migrations") != "table":
        return False
    if application_id == APPLICATION_ID:
        return True
    recorded = int(conn.execute(
        "SELECT count(*) FROM _sqlite_migrations WHERE migration_set = ?", [MIGRATION_SET]).fetchone()[0])
    return application_id == 0 and recorded > 0


def _normal(sql: str | None) -> str:
    return re.sub(r"\s+", " ", (sql or "").replace("IF NOT EXISTS ", "")).strip()


def unexpected_objects(conn: sqlite3.Connection) -> list[str]:
    """Views, virtual tables and triggers that our code does not make for this file, as "the view X", "the
    trigger Y" (empty when the schema is ours). A trigger of ours written by an older version (other SQL, same
    name) is not one of them: every write path makes our triggers anew (:func:`triggers_differ`)."""
    expected = history.expected_triggers(conn)
    strange = []
    for kind, name, sql in conn.execute("SELECT type, name, sql FROM sqlite_master ORDER BY rowid"):
        if kind == "view":
            strange.append(f"the view {name}")
        elif kind == "table" and str(sql or "").upper().startswith("CREATE VIRTUAL TABLE"):
            strange.append(f"the virtual table {name}")
        elif kind == "trigger" and name not in expected:
            strange.append(f"the trigger {name}")
    return strange


@functools.cache
def _expected_tables() -> dict[str, tuple[tuple[str, str], ...]]:
    """Our tables and their columns (name, declared type) at this version, from a database our migrations made."""
    from sqlite_utils import Database  # with the migrations: loaded only when a file from outside is checked

    from sew_desktop.store.migrations import migrations

    db = Database(memory=True)
    try:
        migrations.apply(db)
        names = [str(row[0]) for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()]
        return {name: tuple((str(r[1]), str(r[2])) for r in db.execute(f"PRAGMA table_info({name})").fetchall())
                for name in names}
    finally:
        db.conn.close()


def unexpected_tables(conn: sqlite3.Connection, *, current: bool) -> list[str]:
    """Tables whose columns are not ours: a generated or hidden column anywhere (it computes on every read), and,
    in a file of this version, one of our tables missing or with other columns (a file of an older version may
    lack what later versions added)."""
    expected = _expected_tables()
    found = {str(row[0]) for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    strange = []
    for table in sorted(found):
        columns = conn.execute(f'PRAGMA table_xinfo("{table.replace(chr(34), "")}")').fetchall()
        if any(column[-1] for column in columns):
            strange.append(f"generated columns in the table {table}")
            continue
        mine = tuple((str(c[1]), str(c[2])) for c in columns)
        if table in expected and (mine != expected[table] if current else not set(mine) <= set(expected[table])):
            strange.append(f"the table {table} with other columns")
    if current:
        strange += [f"no table {table}" for table in sorted(set(expected) - found)]
    return strange


def triggers_differ(conn: sqlite3.Connection) -> bool:
    """True when the file's triggers are not exactly the ones this version makes (then they are made anew)."""
    expected = {name: _normal(sql) for name, sql in history.expected_triggers(conn).items()}
    found = {str(name): _normal(sql) for name, sql in conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type IN ('trigger', 'view')")}
    return found != expected
