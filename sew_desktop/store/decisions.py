"""SQL for subsidy decisions, municipality aliases, the import log, and the snapshot that undoes an import.

Every write runs through the writer of the repository's transaction and is announced with the keys it touched,
per entity, so views update those rows only. An import's rows go in with ``executemany`` (streamed from
generators) inside that one transaction; the undo puts the rows back the same way.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sew_desktop.domain.decisions import Decision, Outcome, StoredDecision
from sew_desktop.domain.memberships import MembershipPlan
from sew_desktop.domain.model import Validity
from sew_desktop.store import history
from sew_desktop.store.import_log import LogEntry, import_log, mark_redone, mark_undone, write_log
from sew_desktop.store.mapping import Entity
from sew_desktop.store.repository import ChangeKind, Repository, chunked
from sew_desktop.store.rows import from_date, new_uuid, now_iso, to_date
from sew_desktop.store.writes import Writer

# Test hook: seconds to sleep inside the apply transaction, so a test can kill the process mid-apply.
PAUSE_ENV = "SEW_DESKTOP_TEST_APPLY_PAUSE"
_TABLES = ("region", "membership", "subsidy_decision")
_SCHEMA_OBJECTS = ("CREATE INDEX", "CREATE UNIQUE INDEX", "CREATE TRIGGER", "CREATE VIEW")
_DECISION_COLUMNS = ["collaboration", "region_id", "lead_municipality_nis", "outcome", "amount_cents",
                     "amount_is_annual", "decision_date"]  # fmt: skip


@dataclass(frozen=True, slots=True)
class ImportWrite:
    """Everything an import writes, in one transaction; ``log_id`` names the log entry of a redo."""

    call_id: int
    memberships: MembershipPlan
    new: Sequence[Decision]
    changed: Sequence[tuple[int, Decision]]
    aliases: Sequence[tuple[str, str, str]]
    log: LogEntry
    log_id: int | None = None


@dataclass(slots=True)
class Snapshot:
    """The rows an import touched, as they were before, the ids it inserted, and its log entry."""

    old_rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    inserted: dict[str, list[int]] = field(default_factory=dict)
    old_members: list[dict[str, Any]] = field(default_factory=list)
    changed_decisions: list[int] = field(default_factory=list)
    alias_keys: list[str] = field(default_factory=list)
    old_aliases: list[dict[str, Any]] = field(default_factory=list)
    log_id: int = 0


# -- reads ---------------------------------------------------------------------------------------------


def stored_decisions(repository: Repository, call_id: int) -> dict[str, StoredDecision]:
    """The decisions of a call, keyed by collaboration key."""
    members: dict[int, list[str]] = {}
    for row in repository.select(
        "SELECT m.decision_id, m.municipality_nis FROM decision_member m"
        " JOIN subsidy_decision d ON d.id = m.decision_id WHERE d.call_id = ?",
        [call_id],
    ):
        members.setdefault(row["decision_id"], []).append(row["municipality_nis"])
    result: dict[str, StoredDecision] = {}
    for row in repository.select("SELECT * FROM subsidy_decision WHERE call_id = ? ORDER BY id", [call_id]):
        result[row["collaboration_key"]] = StoredDecision(
            id=row["id"],
            collaboration=row["collaboration"],
            key=row["collaboration_key"],
            outcome=Outcome(row["outcome"]),
            amount_cents=row["amount_cents"],
            amount_is_annual=bool(row["amount_is_annual"]),
            decision_date=to_date(row["decision_date"]),
            lead_nis=row["lead_municipality_nis"],
            members=tuple(sorted(members.get(row["id"], []))),
            region_id=row["region_id"],
        )
    return result


def aliases(repository: Repository) -> dict[str, str]:
    """Accepted spellings: normalised alias → NIS code."""
    rows = repository.select("SELECT alias_key, municipality_nis FROM municipality_alias")
    return {r["alias_key"]: r["municipality_nis"] for r in rows}


def snapshot_database(repository: Repository) -> list[str]:
    """Every row of the file as SQL text, to compare databases in tests and checks (the change history and
    the trash left out: they record the comparison's own writes). Indexes, triggers and views come sorted: their
    order in the schema table says nothing (an import takes its insert triggers out and puts them back)."""
    kept = tuple(f'INSERT INTO "{table}"' for table in ("change_history", "change_context", "trash"))
    lines = [line for line in repository.connection.iterdump() if not line.startswith(kept)]
    schema = sorted(line for line in lines if line.startswith(_SCHEMA_OBJECTS))
    return [line for line in lines if not line.startswith(_SCHEMA_OBJECTS) and line != "COMMIT;"] + schema + ["COMMIT;"]


# -- apply ---------------------------------------------------------------------------------------------


def _max_id(repository: Repository, table: str) -> int:
    return int(repository.select(f"SELECT coalesce(max(id), 0) AS top FROM {table}")[0]["top"])


def _ids_after(repository: Repository, table: str, before: int) -> list[int]:
    return [r["id"] for r in repository.select(f"SELECT id FROM {table} WHERE id > ? ORDER BY id", [before])]


def _take_snapshot(repository: Repository, write: ImportWrite) -> Snapshot:
    plan = write.memberships
    snap = Snapshot()
    touched = {
        "region": list(plan.region_validity),
        "membership": [e.membership_id for e in plan.edits],
        "subsidy_decision": [decision_id for decision_id, _ in write.changed],
    }
    for table, ids in touched.items():
        snap.old_rows[table] = repository.select_in(table, "id", ids)
    snap.changed_decisions = touched["subsidy_decision"]
    snap.old_members = repository.select_in("decision_member", "decision_id", snap.changed_decisions)
    snap.alias_keys = [key for key, _, _ in write.aliases]
    snap.old_aliases = repository.select_in("municipality_alias", "alias_key", snap.alias_keys)
    return snap


def apply_import(repository: Repository, write: ImportWrite, *, snapshot: bool = True) -> Snapshot | None:
    """Write an import in one transaction, announce its keys; returns what :func:`restore` needs to undo it.

    Rows go in with ``executemany`` through the transaction's writer (sqlite-utils' ``insert_all`` spent more time
    converting values than SQLite spent writing them), and the history of the inserted rows is recorded set-wise
    (:func:`history.bulk_inserts`): the same entries as the insert triggers', a decision's member rows one entry.
    """
    # The entries get the file as their reason when written (the log's trigger would rewrite them all after).
    reason = history.current_reason() or f"import: {write.log.file_name}"
    with history.reason(reason), repository.transaction() as tx:
        snap = _take_snapshot(repository, write) if snapshot else None
        before = {table: _max_id(repository, table) for table in _TABLES}
        with _bulk_history(repository, tx):
            regions = _write_regions(tx, write.memberships, before["region"])
            deleted, before["membership"] = _write_memberships(tx, write.memberships, regions)
            members_of = _write_decisions(tx, write, regions, before["subsidy_decision"])
            _record_history(repository, tx, before, members_of)
            _pause_for_tests()  # a kill here must leave the rows, their entries and the triggers as before
        _write_aliases(tx, write.aliases)
        log_id = write_log(tx, write.log) if write.log_id is None else mark_redone(tx, write.log_id)
        inserted = {table: _ids_after(repository, table, before[table]) for table in _TABLES}
        _announce_apply(tx, write, inserted, deleted, log_id)
        if snap is not None:
            snap.inserted, snap.log_id = inserted, log_id
    return snap


@contextmanager
def _bulk_history(repository: Repository, tx: Writer) -> Iterator[None]:
    if not repository.safety.records_history:
        yield
        return
    with history.bulk_inserts(tx, (*_TABLES, "decision_member")):
        yield


def _record_history(repository: Repository, tx: Writer, before: dict[str, int], members_of: Sequence[int]) -> None:
    if repository.safety.records_history:
        for table in _TABLES:
            history.record_inserts(tx, table, before[table])
        history.record_member_sets(tx, members_of)


def _announce_apply(tx: Writer, write: ImportWrite, inserted: dict[str, list[int]], deleted: list[int],
                    log_id: int) -> None:
    plan = write.memberships
    tx.changed(Entity.REGION, ChangeKind.INSERTED, inserted["region"])
    tx.changed(Entity.REGION, ChangeKind.UPDATED, plan.region_validity)
    tx.changed(Entity.MEMBERSHIP, ChangeKind.INSERTED, inserted["membership"])
    tx.changed(Entity.MEMBERSHIP, ChangeKind.UPDATED, (e.membership_id for e in plan.edits if e.validity))
    tx.changed(Entity.MEMBERSHIP, ChangeKind.DELETED, deleted)
    tx.changed(Entity.SUBSIDY_DECISION, ChangeKind.INSERTED, inserted["subsidy_decision"])
    tx.changed(Entity.SUBSIDY_DECISION, ChangeKind.UPDATED, (i for i, _ in write.changed))
    tx.changed(Entity.IMPORT_LOG, ChangeKind.UPDATED if write.log_id else ChangeKind.INSERTED, (log_id,))


def _pause_for_tests() -> None:
    pause = float(os.environ.get(PAUSE_ENV, "0") or 0)
    if pause:
        sys.stderr.write("apply: paused inside the transaction\n")
        sys.stderr.flush()
        time.sleep(pause)


def _dates(validity: Validity) -> tuple[str | None, str | None]:
    return from_date(validity.valid_from), from_date(validity.valid_to)


def _insert(tx: Writer, table: str, columns: Sequence[str], rows: Iterable[Sequence[object]],
            verb: str = "INSERT", suffix: str = "") -> None:
    marks = ", ".join("?" for _ in columns)
    tx.executemany(f"{verb} INTO {table} ({', '.join(columns)}) VALUES ({marks}){suffix}", rows)


def _update_rows(tx: Writer, table: str, changes: dict[int, dict[str, object]]) -> None:
    """Change some columns of rows by id (the update triggers record each changed field)."""
    by_columns: dict[tuple[str, ...], list[list[object]]] = {}
    for row_id, values in changes.items():
        by_columns.setdefault(tuple(values), []).append([*values.values(), row_id])
    for columns, rows in by_columns.items():
        assignments = ", ".join(f"{column} = ?" for column in columns)
        tx.executemany(f"UPDATE {table} SET {assignments} WHERE id = ?", rows)


def _delete_ids(tx: Writer, table: str, column: str, ids: Sequence[object]) -> None:
    for chunk in chunked(ids):
        tx.execute(f"DELETE FROM {table} WHERE {column} IN ({', '.join('?' for _ in chunk)})", chunk)


def _validity(validity: Validity, stamp: str) -> dict[str, object]:
    valid_from, valid_to = _dates(validity)
    return {"valid_from": valid_from, "valid_to": valid_to, "updated_at": stamp}


def _write_regions(tx: Writer, plan: MembershipPlan, before: int) -> dict[int, int]:
    stamp = now_iso()
    columns = ["uuid", "name", "kind", "province_nis", "valid_from", "valid_to", "updated_at"]
    _insert(tx, "region", columns, (
        [new_uuid(), n.name, "samenwerkingsverband", n.province_nis, *_dates(n.validity), stamp]
        for n in plan.new_regions))  # fmt: skip
    # New rows take the ids after the largest one, in insert order (INTEGER PRIMARY KEY, no gaps reused).
    ids = [row[0] for row in tx.execute("SELECT id FROM region WHERE id > ? ORDER BY id", [before])]
    _update_rows(tx, "region", {i: _validity(v, stamp) for i, v in plan.region_validity.items()})
    return {new.ref: ids[number] for number, new in enumerate(plan.new_regions)}


def _write_memberships(tx: Writer, plan: MembershipPlan, regions: dict[int, int]) -> tuple[list[int], int]:
    """Edit, delete, then add memberships; returns the deleted ids and the largest id left before the additions:
    measured after the deletes, because SQLite gives a freed highest id again (the import's own memberships of
    an earlier file for the same call are deleted and re-added), so the maximum before the import is no bound."""
    stamp = now_iso()
    _update_rows(tx, "membership",
                 {e.membership_id: _validity(e.validity, stamp) for e in plan.edits if e.validity is not None})
    deleted = [e.membership_id for e in plan.edits if e.validity is None]
    _delete_ids(tx, "membership", "id", deleted)
    first_new = int(tx.execute("SELECT coalesce(max(id), 0) FROM membership").fetchone()[0])
    columns = ["uuid", "region_id", "municipality_nis", "valid_from", "valid_to", "updated_at"]
    _insert(tx, "membership", columns, (
        [new_uuid(), regions.get(a.region_ref, a.region_ref), a.municipality_nis, *_dates(a.validity), stamp]
        for a in plan.additions))  # fmt: skip
    return deleted, first_new


def _decision_values(decision: Decision, region_id: int | None) -> list[object]:
    return [decision.collaboration, region_id, decision.lead_nis, decision.outcome.value, decision.amount_cents,
            int(decision.amount_is_annual), from_date(decision.decision_date)]  # fmt: skip


def _write_decisions(tx: Writer, write: ImportWrite, regions: dict[int, int], before: int) -> list[int]:
    """New and changed decisions and their member rows; returns the ids whose members were (re)written."""
    stamp = now_iso()

    def region(d: Decision) -> int | None:
        ref = write.memberships.region_of.get(d.key)
        return None if ref is None else regions.get(ref, ref)

    columns = [*_DECISION_COLUMNS, "uuid", "call_id", "collaboration_key", "updated_at"]
    _insert(tx, "subsidy_decision", columns,
            ([*_decision_values(d, region(d)), new_uuid(), write.call_id, d.key, stamp] for d in write.new))
    _update_rows(tx, "subsidy_decision",
                 {i: dict(zip(_DECISION_COLUMNS, _decision_values(d, region(d)), strict=True)) | {"updated_at": stamp}
                  for i, d in write.changed})  # fmt: skip
    changed = [i for i, _ in write.changed]
    _delete_ids(tx, "decision_member", "decision_id", changed)
    new_ids = [row[0] for row in tx.execute("SELECT id FROM subsidy_decision WHERE id > ? ORDER BY id", [before])]
    written = [*zip(new_ids, write.new, strict=True), *write.changed]
    _insert(tx, "decision_member", ["decision_id", "municipality_nis"],
            ((decision_id, nis) for decision_id, d in written for nis in d.members), verb="INSERT OR IGNORE")
    return [decision_id for decision_id, _ in written]


def _write_aliases(tx: Writer, rows: Sequence[tuple[str, str, str]]) -> None:
    stamp = now_iso()
    _insert(tx, "municipality_alias", ["alias_key", "alias", "municipality_nis", "created_at"],
            ([*row, stamp] for row in rows), verb="INSERT OR REPLACE")


# -- undo ----------------------------------------------------------------------------------------------


def restore(repository: Repository, snap: Snapshot) -> None:
    """Put back every row an import touched, exactly as it was; delete what it inserted; mark the log entry."""
    with repository.transaction() as tx:
        for table in reversed(_TABLES):
            _delete_ids(tx, table, "id", snap.inserted.get(table, []))
        for table in _TABLES:
            _put_back(tx, table, snap.old_rows.get(table, []))
        _delete_ids(tx, "decision_member", "decision_id", snap.changed_decisions)
        _insert_rows(tx, "decision_member", snap.old_members)
        _delete_ids(tx, "municipality_alias", "alias_key", snap.alias_keys)
        _insert_rows(tx, "municipality_alias", snap.old_aliases)
        if snap.log_id:
            mark_undone(tx, snap.log_id)
        _announce_restore(tx, snap)


def _put_back(tx: Writer, table: str, rows: Sequence[dict[str, Any]]) -> None:
    """Rows as they were, by id: an update where the row is still there (an upsert, not a replace: replacing a
    regiegebied would delete its memberships with it), an insert where the import deleted it."""
    if not rows:
        return
    columns = list(rows[0])
    assignments = ", ".join(f"{c} = excluded.{c}" for c in columns if c != "id")
    _insert(tx, table, columns, ([row[c] for c in columns] for row in rows),
            suffix=f" ON CONFLICT(id) DO UPDATE SET {assignments}")


def _insert_rows(tx: Writer, table: str, rows: Sequence[dict[str, Any]]) -> None:
    if rows:
        columns = list(rows[0])
        _insert(tx, table, columns, ([row[c] for c in columns] for row in rows))


def _announce_restore(tx: Writer, snap: Snapshot) -> None:
    def ids(table: str) -> list[int]:
        return [r["id"] for r in snap.old_rows.get(table, [])]

    tx.changed(Entity.REGION, ChangeKind.DELETED, snap.inserted.get("region", []))
    tx.changed(Entity.REGION, ChangeKind.UPDATED, ids("region"))
    tx.changed(Entity.MEMBERSHIP, ChangeKind.DELETED, snap.inserted.get("membership", []))
    tx.changed(Entity.MEMBERSHIP, ChangeKind.INSERTED, ids("membership"))
    tx.changed(Entity.SUBSIDY_DECISION, ChangeKind.DELETED, snap.inserted.get("subsidy_decision", []))
    tx.changed(Entity.SUBSIDY_DECISION, ChangeKind.UPDATED, ids("subsidy_decision"))
    tx.changed(Entity.IMPORT_LOG, ChangeKind.UPDATED, (snap.log_id,) if snap.log_id else ())


__all__ = ["ImportWrite", "LogEntry", "Snapshot", "apply_import", "import_log", "restore", "stored_decisions"]
