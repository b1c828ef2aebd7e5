"""The laptop's side of the team server, in its SQLite file: the link to the server, the outbox (the file's own
history after the last answered entry), the changes pulled in, and the conflicts and refusals kept for the user.

The outbox is the history itself: every change the file records — from the window, the command line, an import,
a merge or another program (the triggers see them all) — is an entry with an increasing id, and ``answered_op``
says up to which entry the server has answered. Entries a pull wrote carry the reason ``team: …`` and are never
sent back. Nothing is queued twice and nothing is lost when the process is killed: the cursor moves in the same
transaction that records the server's answers.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sew_desktop.store import history
from sew_desktop.store.history import HistoryEntry
from sew_desktop.store.mapping import Entity
from sew_desktop.store.merge_rows import COLUMNS, FOREIGN, CopyReader, delete_row, insert_row, update_row
from sew_desktop.store.rows import now_iso
from sew_desktop.store.team.protocol import Operation, ServerChange
from sew_desktop.store.writes import ChangeKind, Key, Writer

TEAM_REASON = "team: "  # the reason of every entry a pull writes: "team: pull"
TEAM_TABLES = ("municipality", "open_call", "region", "subsidy_decision", "membership", "agreement",
               "decision_member")

@dataclass(frozen=True, slots=True)
class TeamLink:
    """This file's membership of a team: the server (a libpq DSN without password), this laptop's id and login,
    the last server sequence pulled and the last history entry the server answered."""

    dsn: str
    laptop_id: str
    login: str
    joined_at: str
    server_seq: int
    answered_op: int
    last_sync: str | None = None


def team_link(conn: sqlite3.Connection) -> TeamLink | None:
    """The file's team, or None when it is not part of one (or is a file from before teams)."""
    try:
        row = conn.execute("SELECT dsn, laptop_id, login, joined_at, server_seq, answered_op, last_sync"
                           " FROM team_link WHERE id = 1").fetchone()
    except sqlite3.OperationalError:  # no team tables: an older file
        return None
    return TeamLink(*row) if row else None


def set_team_link(tx: Writer, link: TeamLink) -> None:
    """Join (or rewrite the link)."""
    tx.execute("INSERT OR REPLACE INTO team_link (id, dsn, laptop_id, login, joined_at, server_seq, answered_op,"
               " last_sync) VALUES (1, ?, ?, ?, ?, ?, ?, ?)",
               [link.dsn, link.laptop_id, link.login, link.joined_at, link.server_seq, link.answered_op,
                link.last_sync])


def leave_team(tx: Writer) -> None:
    """Forget the server; the data stay as they are."""
    tx.execute("DELETE FROM team_link")


def advance(tx: Writer, *, server_seq: int, answered_op: int) -> None:
    """Move the cursors after a sync (in the transaction that applied what it moved past)."""
    tx.execute("UPDATE team_link SET server_seq = max(server_seq, ?), answered_op = max(answered_op, ?),"
               " last_sync = ? WHERE id = 1", [server_seq, answered_op, now_iso()])


def last_entry_id(conn: sqlite3.Connection) -> int:
    """The newest history entry's id (0 without history)."""
    return int(conn.execute("SELECT coalesce(max(id), 0) FROM change_history").fetchone()[0])


def last_entry_id_in(tx: Writer) -> int:
    """The newest history entry's id, inside a transaction (with its writes so far)."""
    return int(tx.execute("SELECT coalesce(max(id), 0) FROM change_history").fetchone()[0])


def pending_entries(conn: sqlite3.Connection, after: int) -> list[HistoryEntry]:
    """The file's own changes after entry ``after``: the outbox (a pull's entries and those a merge copied from
    another file left out: what a merge changed here is in its own entries)."""
    placeholders = ", ".join("?" * len(TEAM_TABLES))
    rows = conn.execute(
        "SELECT uuid, at, who, why, entity, row_key, row_uuid, action, field, old_value, new_value, id, tx"
        f" FROM change_history WHERE id > ? AND entity IN ({placeholders})"
        " AND action IN ('insert', 'update', 'delete') AND why NOT LIKE 'team: %' AND copied = 0 ORDER BY id",
        [after, *TEAM_TABLES]).fetchall()
    return [HistoryEntry(*row) for row in rows]


def identity_of(reader: CopyReader, entry: HistoryEntry) -> str:
    """The entry's row as every copy and the server name it."""
    if entry.entity == "municipality":
        return entry.row_key
    if entry.entity == "decision_member":
        return f"{entry.row_uuid}/{entry.row_key.split('/')[-1]}"
    return str(entry.row_uuid)


def operations(conn: sqlite3.Connection, entries: Sequence[HistoryEntry], base_seq: int) -> list[Operation]:
    """The outbox as operations: an insert carries the row as it is now (or as it was deleted), an update its
    field's new value (foreign keys as the referenced row's identity), a delete nothing."""
    reader = CopyReader(conn)
    deleted = {(e.entity, identity_of(reader, e)): e.old_value for e in entries if e.action == "delete"}
    found = [_operation(reader, entry, base_seq, deleted) for entry in entries]
    return [op for op in found if op is not None]


def _operation(reader: CopyReader, entry: HistoryEntry, base_seq: int,
               deleted: dict[tuple[str, str], object]) -> Operation | None:
    identity = identity_of(reader, entry)
    if entry.action == "update":
        if entry.field not in COLUMNS[entry.entity]:
            return None  # bookkeeping (ids), not a field the team shares
        value = portable_value(reader, entry.entity, entry.field, entry.new_value)
        return Operation(entry.id, entry.entity, identity, "update", entry.field, value, base_seq)
    if entry.action == "delete":
        return Operation(entry.id, entry.entity, identity, "delete", None, None, base_seq)
    row = _row_now(reader, entry.entity, identity, deleted.get((entry.entity, identity)))
    return Operation(entry.id, entry.entity, identity, "insert", None, row, base_seq) if row else None


def portable_value(reader: CopyReader, table: str, field: str, value: object) -> object:
    """A stored value as the team names it: a foreign key's id as the referenced row's uuid (a value that is not
    an id — a uuid already, as entries copied from another file may hold — stays as it is)."""
    target = FOREIGN.get((table, field))
    if target is None or value is None or not str(value).isdigit():
        return value
    return reader.uuid_of[target].get(int(str(value)), f"?{value}")


def _row_now(reader: CopyReader, table: str, identity: str, deleted_row: object) -> dict[str, Any] | None:
    """The row as the file holds it now, else as its delete entry kept it (inserted and deleted offline)."""
    current = reader.rows(table, [identity]).get(identity)
    if current is not None:
        return current
    if isinstance(deleted_row, str):
        stored = json.loads(deleted_row)
        return {column: portable_value(reader, table, column, stored.get(column)) for column in COLUMNS[table]}
    return None


def apply_change(tx: Writer, reader: CopyReader, change: ServerChange) -> None:
    """Bring one server change into the file, stamped with its author and time in the history, and announce the
    rows it wrote (the window's tables, coverage, charts and map follow)."""
    first = last_entry_id_in(tx)
    write_portable(tx, reader, change.table, change.identity, change.action, change.field, change.value)
    tx.execute("UPDATE change_history SET who = ?, at = ? WHERE id > ?", [change.who, change.at, first])


def write_portable(tx: Writer, reader: CopyReader, table: str, identity: str, action: str, field: str | None,
                   value: Any) -> None:
    """Insert, update (one field) or delete one row named by its identity, and announce what it touched."""
    before = local_key(tx, table, identity)
    dependents = _dependents(tx, table, before) if action == "delete" else {}
    if action == "insert" and before is None:
        insert_row(tx, reader, table, dict(value))
    elif action == "update" and before is not None and field is not None:
        update_row(tx, reader, table, identity, {field: value})
    elif action == "delete" and before is not None:
        delete_row(tx, reader, table, identity)
    _announce(tx, table, identity, before)
    for entity, keys in dependents.items():
        tx.changed_since(entity, keys, keys)  # taken along by the delete (ON DELETE CASCADE)


def local_key(tx: Writer, table: str, identity: str) -> Key | None:
    """The row's key in this file (its NIS code, or its id), None when the file does not hold it."""
    if table == "municipality":
        found = tx.execute("SELECT nis_code FROM municipality WHERE nis_code = ?", [identity]).fetchone()
    elif table == "decision_member":
        decision, _, nis = identity.partition("/")
        found = tx.execute("SELECT m.decision_id FROM decision_member m JOIN subsidy_decision d ON d.id ="
                           " m.decision_id WHERE d.uuid = ? AND m.municipality_nis = ?", [decision, nis]).fetchone()
    else:
        found = tx.execute(f"SELECT id FROM {table} WHERE uuid = ?", [identity]).fetchone()
    return found[0] if found else None


def _announce(tx: Writer, table: str, identity: str, before: Key | None) -> None:
    after = local_key(tx, table, identity)
    if table == "decision_member":  # announced as its decision
        decision = after if after is not None else before
        if decision is not None:
            tx.changed(Entity.SUBSIDY_DECISION, ChangeKind.UPDATED, [decision])
        return
    key = after if after is not None else before
    if key is not None:
        tx.changed_since(Entity(table), {key}, {before} if before is not None else set())


def _dependents(tx: Writer, table: str, key: Key | None) -> dict[Entity, set[Key]]:
    if table != "region" or key is None:
        return {}
    return {entity: {row[0] for row in tx.execute(f"SELECT id FROM {entity.value} WHERE region_id = ?", [key])}
            for entity in (Entity.MEMBERSHIP, Entity.AGREEMENT)}


@dataclass(frozen=True, slots=True)
class Issue:
    """A conflict or a refusal, kept for the user until they settle it."""

    op_no: int
    kind: str
    table: str
    identity: str
    label: str
    field: str | None
    mine: object
    server: object
    server_who: str | None
    server_at: str | None
    reason: str | None
    id: int = 0


def record_issue(tx: Writer, issue: Issue) -> None:
    """Keep a conflict or a refusal (values as JSON)."""
    tx.execute("INSERT INTO team_issue (op_no, kind, tbl, identity, label, field, mine, server, server_who,"
               " server_at, reason, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
               [issue.op_no, issue.kind, issue.table, issue.identity, issue.label, issue.field,
                json.dumps(issue.mine), json.dumps(issue.server), issue.server_who, issue.server_at, issue.reason,
                now_iso()])


def resolve_issue(tx: Writer, issue_id: int, *, reopen: bool = False) -> None:
    """The user settled a conflict or a refusal (applied their value again, or accepted the team's); ``reopen``
    lists it again (the undo of applying it)."""
    tx.execute("UPDATE team_issue SET resolved_at = ? WHERE id = ?", [None if reopen else now_iso(), issue_id])


def open_issues(conn: sqlite3.Connection) -> list[Issue]:
    """The conflicts and refusals not settled yet, oldest first."""
    try:
        rows = conn.execute("SELECT op_no, kind, tbl, identity, label, field, mine, server, server_who, server_at,"
                            " reason, id FROM team_issue WHERE resolved_at IS NULL ORDER BY id").fetchall()
    except sqlite3.OperationalError:
        return []
    return [Issue(r[0], r[1], r[2], r[3], r[4], r[5], json.loads(r[6]) if r[6] else None,
                  json.loads(r[7]) if r[7] else None, r[8], r[9], r[10], r[11]) for r in rows]


def note(tx: Writer, text: str) -> None:
    """A line in the file's history (joined, left)."""
    history.note(tx, text)
