"""The change history: SQLite triggers record every changed field of every writer, in the writer's transaction.

Triggers (not Python code in the repository) catch every write path — edits, bulk imports, restores, a merge,
even another program — inside the same transaction, so a rolled-back write leaves no entry and a committed one
always has its entries. Who and why come from the one-row ``change_context`` table that
:meth:`Repository.transaction` fills at the start of a transaction and empties before the commit; a writer that
does not fill it is recorded as ``unknown``. Entries carry their own uuid: two copies of a file share their history
up to the moment they were copied, which is how a merge finds their common past.

Bulk writers (an import of 50,000 member rows) take the insert triggers of their tables out for the rest of their
own transaction (:func:`bulk_inserts`; DDL is transactional in SQLite, so a failure or a killed process rolls the
triggers back in with the rows, and the block puts them back verbatim before the commit) and record the entries
set-wise: one ``insert`` entry per inserted row (:func:`record_inserts`, the same values the trigger writes),
and one entry per decision for its member rows (:func:`record_member_sets`: entity ``decision_member``,
``row_key`` the decision id, ``row_uuid`` the decision's uuid, action ``insert``, ``field`` ``municipality_nis``,
``new_value`` the JSON array of the members' NIS codes). A trigger runs a sub-program per row (~10 µs here,
more than the insert it records); one ``INSERT … SELECT`` writes the same in C at a fraction of that.
"""

from __future__ import annotations

import contextvars
import getpass
import json
import sqlite3
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sew_desktop.store.rows import now_iso
from sew_desktop.store.writes import Writer

if TYPE_CHECKING:
    from sqlite_utils import Database

# Table -> SQL giving the row's key and its uuid inside a trigger (``{r}`` is ``new`` or ``old``).
TRACKED: dict[str, tuple[str, str]] = {
    "municipality": ("{r}.nis_code", "{r}.uuid"),
    "region": ("{r}.id", "{r}.uuid"),
    "membership": ("{r}.id", "{r}.uuid"),
    "agreement": ("{r}.id", "{r}.uuid"),
    "open_call": ("{r}.id", "{r}.uuid"),
    "subsidy_decision": ("{r}.id", "{r}.uuid"),
    "decision_member": ("{r}.decision_id || '/' || {r}.municipality_nis",
                        "(SELECT uuid FROM subsidy_decision WHERE id = {r}.decision_id)"),
}
_UNTRACKED_COLUMNS = frozenset({"updated_at"})  # bookkeeping, not a change a user made

_SCHEMA = ("""
CREATE TABLE IF NOT EXISTS change_history (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    tx TEXT NOT NULL,
    at TEXT NOT NULL,
    who TEXT NOT NULL,
    why TEXT NOT NULL,
    entity TEXT NOT NULL,
    row_key TEXT NOT NULL,
    row_uuid TEXT,
    action TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete', 'note')),
    field TEXT,
    old_value ANY,
    new_value ANY
) STRICT""",
    "CREATE INDEX IF NOT EXISTS change_history_row ON change_history(entity, row_key)",
    """CREATE TABLE IF NOT EXISTS change_context (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    tx TEXT NOT NULL,
    at TEXT NOT NULL,
    who TEXT NOT NULL,
    why TEXT NOT NULL,
    first_id INTEGER NOT NULL
) STRICT""",
    # An import writes its log line last: the entries of its transaction (ids after first_id) get its file name.
    """CREATE TRIGGER IF NOT EXISTS history_import_reason AFTER INSERT ON import_log BEGIN
    UPDATE change_history SET why = 'import: ' || new.file_name
    WHERE id > (SELECT first_id FROM change_context WHERE id = 1) AND why = '';
END""")

_NEW_UUID = ("lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || "
             "substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || "
             "substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))")
# Who, when and why of an entry: the transaction's context, or "unknown" for a writer that set none.
_CONTEXT = ("coalesce(c.tx, lower(hex(randomblob(16)))), coalesce(c.at, strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now')),"
            " coalesce(c.who, 'unknown'), coalesce(c.why, '')")
_ENTRY = (
    "INSERT INTO change_history (uuid, tx, at, who, why, entity, row_key, row_uuid, action, field, old_value,"
    " new_value) SELECT " + _NEW_UUID + ", " + _CONTEXT + ", '{table}', {key}, {uuid}, '{action}', {field}, {old},"
    " {new} FROM (SELECT 1) LEFT JOIN change_context c ON c.id = 1;"
)

MEMBERS_FIELD = "municipality_nis"

_reason: contextvars.ContextVar[str | None] = contextvars.ContextVar("sew_history_reason", default=None)


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One recorded change of one field, or the insert of a row, or its delete (the old row as JSON)."""

    uuid: str
    at: str
    who: str
    why: str
    entity: str
    row_key: str
    row_uuid: str | None
    action: str
    field: str | None
    old_value: object
    new_value: object
    id: int = 0
    tx: str = ""  # the transaction it belongs to (a merge reads it; the history views leave it out)


def _columns(db: Database | sqlite3.Connection, table: str) -> list[str]:
    return [str(row[1]) for row in db.execute(f"PRAGMA table_info({table})").fetchall()]


def _trigger_sql(db: Database | sqlite3.Connection, table: str) -> list[str]:
    key, row_uuid = TRACKED[table]
    columns = _columns(db, table)
    statements = []
    for column in (c for c in columns if c not in _UNTRACKED_COLUMNS):
        entry = _ENTRY.format(table=table, key=key.format(r="new"), uuid=row_uuid.format(r="new"),
                              action="update", field=f"'{column}'", old=f"old.{column}", new=f"new.{column}")
        statements.append(f"CREATE TRIGGER history_{table}_{column} AFTER UPDATE OF {column} ON {table}"
                          f" WHEN old.{column} IS NOT new.{column} BEGIN {entry} END")
    # An insert records that the row came (its values are in the row and in later updates: keeping them twice
    # made bulk imports' history as large as the data); a delete keeps the whole row, the only copy left.
    for action, row in (("insert", "new"), ("delete", "old")):
        as_json = "json_object(" + ", ".join(f"'{c}', {row}.{c}" for c in columns) + ")"
        entry = _ENTRY.format(table=table, key=key.format(r=row), uuid=row_uuid.format(r=row), action=action,
                              field="NULL", old=as_json if action == "delete" else "NULL", new="NULL")
        statements.append(f"CREATE TRIGGER history_{table}_{action} AFTER {action.upper()} ON {table}"
                          f" BEGIN {entry} END")
    return statements


def expected_triggers(db: Database | sqlite3.Connection) -> dict[str, str]:
    """The triggers our code makes for this file as it is (its tables and columns): name → SQL."""
    if not has_history(db):
        return {}
    expected = {"history_import_reason": _SCHEMA[-1]}
    tables = {str(row[0]) for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    for table in (t for t in TRACKED if t in tables):
        for statement in _trigger_sql(db, table):
            expected[statement.split()[2]] = statement
    return expected


def rebuild_triggers(conn: sqlite3.Connection) -> None:
    """Inside a transaction: drop every trigger and view the file holds and make ours anew from our code, so that
    nothing of a file from outside runs here but what this version wrote."""
    for kind, name in conn.execute(
            "SELECT type, name FROM sqlite_master WHERE type IN ('trigger', 'view')").fetchall():
        conn.execute(f'DROP {"TRIGGER" if kind == "trigger" else "VIEW"} "{name}"')
    for statement in expected_triggers(conn).values():
        conn.execute(statement)


def install(db: Database) -> None:
    """Create the history tables and (re)create the triggers for the tables as they are now.

    A later migration that adds a column calls this again, so the new column is tracked too.
    """
    for statement in _SCHEMA:
        db.execute(statement)
    existing = [row[0] for row in db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'history\\_%' ESCAPE '\\'"
        " AND name <> 'history_import_reason'")]
    for name in existing:
        db.execute(f"DROP TRIGGER {name}")
    for table in TRACKED:
        for statement in _trigger_sql(db, table):
            db.execute(statement)


def record(tx: Writer, entity: str, where: str, params: Sequence[object], action: str,
           field: str | None = None, old: object = None, new: object = None, stamp: tuple[str, str] = ("", "")) -> None:
    """One entry written by hand for the row of ``entity`` that ``where`` finds, as the triggers write it (the
    transaction's tx and why; who and when from ``stamp`` when given, else the transaction's): a merge records so
    what a coordinator decided, dated as the change it kept."""
    key, row_uuid = TRACKED[entity]
    at, who = stamp
    tx.execute(
        "INSERT INTO change_history (uuid, tx, at, who, why, entity, row_key, row_uuid, action, field, old_value,"
        f" new_value) SELECT {_NEW_UUID}, coalesce(c.tx, lower(hex(randomblob(16)))),"
        " coalesce(nullif(?, ''), c.at, strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now')),"
        " coalesce(nullif(?, ''), c.who, 'unknown'), coalesce(c.why, ''),"
        f" ?, {key.format(r='r')}, {row_uuid.format(r='r')}, ?, ?, ?, ?"
        f" FROM {entity} r LEFT JOIN change_context c ON c.id = 1 WHERE {where}",
        [at, who, entity, action, field, old, new, *params])


def record_gone(tx: Writer, entity: str, row_key: str, row_uuid: str, old: str,
                stamp: tuple[str, str] = ("", "")) -> None:
    """A delete entry for a row this file does not have (a row of another copy a merge chose not to take in)."""
    at, who = stamp
    tx.execute(
        "INSERT INTO change_history (uuid, tx, at, who, why, entity, row_key, row_uuid, action, field, old_value,"
        f" new_value) SELECT {_NEW_UUID}, coalesce(c.tx, lower(hex(randomblob(16)))),"
        " coalesce(nullif(?, ''), c.at, strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now')),"
        " coalesce(nullif(?, ''), c.who, 'unknown'), coalesce(c.why, ''), ?, ?, ?, 'delete', NULL, ?, NULL"
        " FROM (SELECT 1) LEFT JOIN change_context c ON c.id = 1", [at, who, entity, row_key, row_uuid, old])


def note(db: Writer | Database | sqlite3.Connection, text: str, who: str | None = None) -> None:
    """An entry that records an event of the whole file (the history started, a restore, a merge): through the
    open transaction's writer, or on a file being made or restored, before any repository holds it."""
    db.execute(
        "INSERT INTO change_history (uuid, tx, at, who, why, entity, row_key, action) VALUES (?, ?, ?, ?, ?, "
        "'file', '', 'note')", [str(uuid.uuid4()), uuid.uuid4().hex, now_iso(), who or current_user(), text])


def has_history(db: Database | sqlite3.Connection) -> bool:
    """True when the file has the history tables (every migrated file)."""
    return db.execute("SELECT 1 FROM sqlite_master WHERE name = 'change_context'").fetchone() is not None


# -- who and why ---------------------------------------------------------------------------------------


def current_user(display_name: str = "") -> str:
    """The OS user, with the display name from the preferences in front when one is set."""
    try:
        login = getpass.getuser()
    except (KeyError, OSError):
        login = "unknown"
    return f"{display_name} ({login})" if display_name.strip() else login


@contextmanager
def reason(text: str) -> Iterator[None]:
    """Why the writes inside this block happen (the undo text, "import: file.csv", "restore: ...")."""
    token = _reason.set(text)
    try:
        yield
    finally:
        _reason.reset(token)


def current_reason() -> str:
    """The innermost :func:`reason`, or empty."""
    return _reason.get() or ""


def open_context(db: Database | sqlite3.Connection, who: str, why: str) -> None:
    """Start a transaction's context (call right after BEGIN)."""
    db.execute("INSERT OR REPLACE INTO change_context (id, tx, at, who, why, first_id) VALUES (1, ?, ?, ?, ?,"
               " (SELECT coalesce(max(id), 0) FROM change_history))", [uuid.uuid4().hex, now_iso(), who, why])


def close_context(db: Database | sqlite3.Connection) -> None:
    """End it (right before COMMIT), so a later writer that sets none is not attributed to us."""
    db.execute("DELETE FROM change_context")


# -- bulk writes ---------------------------------------------------------------------------------------


@contextmanager
def bulk_inserts(tx: Writer, tables: Sequence[str]) -> Iterator[None]:
    """Inside a transaction: the insert triggers of ``tables`` are out until the block ends, then back as they were.

    The caller records every row it inserts in the block with :func:`record_inserts` / :func:`record_member_sets`
    before the block ends; an error rolls rows, entries and the triggers' absence back together.
    """
    if not tx.in_transaction:
        raise RuntimeError("bulk_inserts() belongs inside a transaction")
    names = [f"history_{table}_insert" for table in tables]
    marks = ", ".join("?" for _ in names)
    saved = tx.execute(f"SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN ({marks})",
                       names).fetchall()
    for name, _sql in saved:
        tx.execute(f"DROP TRIGGER {name}")
    try:
        yield
    finally:
        if tx.in_transaction:  # else the error ended the transaction and its rollback put them back
            for _name, sql in saved:
                tx.execute(sql)


def _set_entry(table: str, alias: str, key: str, row_uuid: str, field: str, new: str) -> str:
    return ("INSERT INTO change_history (uuid, tx, at, who, why, entity, row_key, row_uuid, action, field,"
            f" old_value, new_value) SELECT {_NEW_UUID}, {_CONTEXT}, '{table}', {key}, {row_uuid}, 'insert',"
            f" {field}, NULL, {new} FROM {table} {alias} LEFT JOIN change_context c ON c.id = 1")


def record_inserts(tx: Writer, table: str, after_id: int) -> None:
    """The insert entries of the rows of ``table`` with ids above ``after_id``, as its insert trigger writes them."""
    key, row_uuid = TRACKED[table]
    sql = _set_entry(table, "r", key.format(r="r"), row_uuid.format(r="r"), "NULL", "NULL")
    tx.execute(f"{sql} WHERE r.id > ? ORDER BY r.id", [after_id])


def record_member_sets(tx: Writer, decision_ids: Sequence[int]) -> None:
    """One insert entry per decision named: the member rows it has now, their NIS codes as a JSON array."""
    sql = _set_entry("decision_member", "m", "m.decision_id", "d.uuid", f"'{MEMBERS_FIELD}'",
                     "json_group_array(m.municipality_nis)")
    tx.execute(f"{sql} JOIN subsidy_decision d ON d.id = m.decision_id WHERE m.decision_id IN"
               " (SELECT value FROM json_each(?)) GROUP BY m.decision_id ORDER BY m.decision_id",
               [json.dumps(list(decision_ids))])


# -- reads ---------------------------------------------------------------------------------------------


def entries(db: Database, *, entity: str | None = None, row_key: str | None = None, since: str | None = None,
            limit: int | None = None) -> list[HistoryEntry]:
    """Entries newest first, filtered by entity, row and start time (ISO text)."""
    where, params = _filters(entity, row_key, since)
    sql = ("SELECT uuid, at, who, why, entity, row_key, row_uuid, action, field, old_value, new_value, id"
           f" FROM change_history{where} ORDER BY id DESC")
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return [HistoryEntry(*row) for row in db.execute(sql, params).fetchall()]


def _filters(entity: str | None, row_key: str | None, since: str | None) -> tuple[str, list[object]]:
    clauses: list[str] = []
    params: list[object] = []
    for clause, value in (("entity = ?", entity), ("row_key = ?", row_key), ("at >= ?", since)):
        if value is not None:
            clauses.append(clause)
            params.append(value)
    return (" WHERE " + " AND ".join(clauses) if clauses else "", params)


def entry_uuids(db: Database) -> Sequence[str]:
    """Every entry's uuid, oldest first (a merge compares these to find the common past)."""
    return [row[0] for row in db.execute("SELECT uuid FROM change_history ORDER BY id")]
