"""The merge log: which copy was merged in when, by whom, with which choices; and the transactions whose history
entries only carry another copy's changes (a merge's adopted values, its undo and redo), which a later merge
must not count as this copy's own changes."""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeAlias

from sew_desktop.store.writes import Writer

if TYPE_CHECKING:  # sqlite-utils stays off the paths that never merge (the import command)
    from sqlite_utils import Database

_SCHEMA = (
    """CREATE TABLE IF NOT EXISTS merge_log (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    at TEXT NOT NULL,
    who TEXT NOT NULL,
    source_name TEXT NOT NULL,
    source_uuid TEXT,
    choices TEXT NOT NULL,
    counts TEXT NOT NULL,
    undone_at TEXT
) STRICT""",
    """CREATE TABLE IF NOT EXISTS merge_tx (
    tx TEXT PRIMARY KEY,
    merge_uuid TEXT NOT NULL
) STRICT""",
)
Connection: TypeAlias = "Database | sqlite3.Connection"


@dataclass(frozen=True, slots=True)
class MergeRecord:
    """One merge of another copy into this file."""

    uuid: str
    at: str
    who: str
    source_name: str
    source_uuid: str | None
    choices: str
    counts: str
    undone_at: str | None = None


def install(db: Database) -> None:
    """Create the merge tables."""
    for statement in _SCHEMA:
        db.execute(statement)


def _has(conn: Connection, table: str) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [table]).fetchone() is not None


def carried_transactions(conn: Connection) -> dict[str, str]:
    """Transactions that only carried another copy's changes → the merge they belong to."""
    if not _has(conn, "merge_tx"):
        return {}
    return {str(tx): str(merge) for tx, merge in conn.execute("SELECT tx, merge_uuid FROM merge_tx")}


def records(conn: Connection) -> list[MergeRecord]:
    """Every merge the file knows of (its own and those it received), oldest first."""
    if not _has(conn, "merge_log"):
        return []
    return [MergeRecord(*row) for row in conn.execute(
        "SELECT uuid, at, who, source_name, source_uuid, choices, counts, undone_at FROM merge_log ORDER BY id")]


def file_uuid(conn: Connection) -> str | None:
    """The identifier of a file (none in files made before merges existed, until opened once)."""
    row = conn.execute("SELECT value FROM meta WHERE key = 'file_uuid'").fetchone()
    return str(row[0]) if row else None


def write_record(tx: Writer, record: MergeRecord) -> None:
    """Add a merge (inside the merge's transaction)."""
    tx.execute("INSERT OR IGNORE INTO merge_log (uuid, at, who, source_name, source_uuid, choices, counts, undone_at)"
               " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", [record.uuid, record.at, record.who, record.source_name,
                                                  record.source_uuid, record.choices, record.counts,
                                                  record.undone_at])


def forget_records(tx: Writer, uuids: Iterable[str]) -> None:
    """Remove merges (received ones, when the merge that brought them is undone)."""
    tx.executemany("DELETE FROM merge_log WHERE uuid = ?", [[u] for u in uuids])


def mark(tx: Writer, merge_uuid: str, undone_at: str | None) -> None:
    """Mark a merge as undone (a time) or done again (None)."""
    tx.execute("UPDATE merge_log SET undone_at = ? WHERE uuid = ?", [undone_at, merge_uuid])


def carry(tx: Writer, transactions: Mapping[str, str]) -> None:
    """Record transactions as carrying another copy's changes."""
    tx.executemany("INSERT OR IGNORE INTO merge_tx (tx, merge_uuid) VALUES (?, ?)", list(transactions.items()))


def forget_transactions(tx: Writer, transactions: Iterable[str]) -> None:
    """Forget received transactions again (an undone merge)."""
    tx.executemany("DELETE FROM merge_tx WHERE tx = ?", [[t] for t in transactions])


def current_transaction(tx: Writer) -> str:
    """The tx of the open write transaction (the history triggers stamp its entries with it)."""
    row = tx.execute("SELECT tx FROM change_context WHERE id = 1").fetchone()
    if row is None:
        raise RuntimeError("current_transaction() belongs inside repository.transaction()")
    return str(row[0])


def switch_transaction(tx: Writer, name: str) -> None:
    """Stamp the entries written from now on in this transaction with ``name`` (a merge's own choices)."""
    tx.execute("UPDATE change_context SET tx = ? WHERE id = 1", [name])


def choices_json(choices: Mapping[str, object]) -> str:
    """The choices as stored."""
    return json.dumps(choices, ensure_ascii=False, sort_keys=True, default=str)


def give_new_file_uuid(path: object) -> None:
    """A copy handed out is a file of its own: it gets its own identifier (its history stays shared)."""
    conn = sqlite3.connect(str(path))
    try:
        conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('file_uuid', ?)", [str(uuid.uuid4())])
        conn.commit()
    finally:
        conn.close()
