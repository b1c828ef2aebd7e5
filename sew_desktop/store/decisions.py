"""SQL for subsidy decisions, municipality aliases, the import log, and the snapshot that undoes an import.

Every write runs inside the repository's transaction and is announced with the keys it touched, per entity,
so views update those rows only. Bulk rows go through sqlite-utils (``insert_all``/``upsert_all`` with
list-of-lists input, streamed from generators) inside that one transaction.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from sew_desktop.domain.decisions import Decision, Outcome, StoredDecision
from sew_desktop.domain.memberships import MembershipPlan
from sew_desktop.domain.model import Validity
from sew_desktop.store.import_log import LogEntry, import_log, mark_redone, mark_undone, write_log
from sew_desktop.store.mapping import Entity
from sew_desktop.store.repository import Change, ChangeKind, Repository, chunked
from sew_desktop.store.rows import from_date, new_uuid, now_iso, to_date

# Test hook: seconds to sleep inside the apply transaction, so a test can kill the process mid-apply.
PAUSE_ENV = "SEW_DESKTOP_TEST_APPLY_PAUSE"
_TABLES = ("region", "membership", "subsidy_decision")
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
    the trash left out: they record the comparison's own writes)."""
    kept = ("change_history", "change_context", "trash")
    return [line for line in repository.database.conn.iterdump() if not line.startswith(
        tuple(f'INSERT INTO "{table}"' for table in kept))]


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
    """Write an import in one transaction, announce its keys; returns what :func:`restore` needs to undo it."""
    with repository.transaction():
        snap = _take_snapshot(repository, write) if snapshot else None
        before = {table: _max_id(repository, table) for table in _TABLES}
        regions = _write_regions(repository, write.memberships)
        deleted, added = _write_memberships(repository, write.memberships, regions)
        _write_decisions(repository, write, regions)
        _write_aliases(repository, write.aliases)
        log_id = write_log(repository, write.log) if write.log_id is None else mark_redone(repository, write.log_id)
        _pause_for_tests()
        inserted = {table: _ids_after(repository, table, before[table]) for table in _TABLES} | {"membership": added}
        _announce_apply(repository, write, inserted, deleted, log_id)
        if snap is not None:
            snap.inserted, snap.log_id = inserted, log_id
    return snap


def _announce_apply(
    repository: Repository, write: ImportWrite, inserted: dict[str, list[int]], deleted: list[int], log_id: int
) -> None:
    plan = write.memberships
    repository.announce(
        Change(Entity.REGION, ChangeKind.INSERTED, tuple(inserted["region"])),
        Change(Entity.REGION, ChangeKind.UPDATED, tuple(plan.region_validity)),
        Change(Entity.MEMBERSHIP, ChangeKind.INSERTED, tuple(inserted["membership"])),
        Change(Entity.MEMBERSHIP, ChangeKind.UPDATED, tuple(e.membership_id for e in plan.edits if e.validity)),
        Change(Entity.MEMBERSHIP, ChangeKind.DELETED, tuple(deleted)),
        Change(Entity.SUBSIDY_DECISION, ChangeKind.INSERTED, tuple(inserted["subsidy_decision"])),
        Change(Entity.SUBSIDY_DECISION, ChangeKind.UPDATED, tuple(i for i, _ in write.changed)),
        Change(Entity.IMPORT_LOG, ChangeKind.UPDATED if write.log_id else ChangeKind.INSERTED, (log_id,)),
    )


def _pause_for_tests() -> None:
    pause = float(os.environ.get(PAUSE_ENV, "0") or 0)
    if pause:
        sys.stderr.write("apply: paused inside the transaction\n")
        sys.stderr.flush()
        time.sleep(pause)


def _dates(validity: Validity) -> tuple[str | None, str | None]:
    return from_date(validity.valid_from), from_date(validity.valid_to)


def _update_rows(repository: Repository, table: str, changes: dict[int, dict[str, object]]) -> None:
    """Change some columns of rows by id: whole rows go back through ``upsert_all``."""
    rows = repository.select_in(table, "id", list(changes))
    if rows:
        columns = list(rows[0])
        values = ([*(changes[r["id"]].get(c, r[c]) for c in columns)] for r in rows)
        repository.database.table(table).upsert_all(_with_header(columns, values), pk="id")


def _with_header(columns: Sequence[str], rows: Iterable[Sequence[object]]) -> Iterator[Sequence[object]]:
    yield list(columns)
    yield from rows


def _validity(validity: Validity, stamp: str) -> dict[str, object]:
    valid_from, valid_to = _dates(validity)
    return {"valid_from": valid_from, "valid_to": valid_to, "updated_at": stamp}


def _write_regions(repository: Repository, plan: MembershipPlan) -> dict[int, int]:
    stamp = now_iso()
    uuids = {new.ref: new_uuid() for new in plan.new_regions}
    columns = ["uuid", "name", "kind", "province_nis", "valid_from", "valid_to", "updated_at"]
    rows = (
        [uuids[n.ref], n.name, "samenwerkingsverband", n.province_nis, *_dates(n.validity), stamp]
        for n in plan.new_regions
    )
    repository.database.table("region").insert_all(_with_header(columns, rows))
    by_uuid = {r["uuid"]: r["id"] for r in repository.select_in("region", "uuid", list(uuids.values()))}
    _update_rows(repository, "region", {i: _validity(v, stamp) for i, v in plan.region_validity.items()})
    return {ref: int(by_uuid[uuid]) for ref, uuid in uuids.items()}


def _write_memberships(
    repository: Repository, plan: MembershipPlan, regions: dict[int, int]
) -> tuple[list[int], list[int]]:
    """Edit, delete, then add memberships; returns the deleted ids and the added ones."""
    stamp = now_iso()
    edits = {e.membership_id: _validity(e.validity, stamp) for e in plan.edits if e.validity is not None}
    _update_rows(repository, "membership", edits)
    deleted = [e.membership_id for e in plan.edits if e.validity is None]
    for chunk in chunked(deleted):
        repository.database.table("membership").delete_where(f"id IN ({', '.join('?' for _ in chunk)})", chunk)
    first_new = _max_id(repository, "membership")  # after the deletes: SQLite gives a freed highest id again
    additions = (
        [new_uuid(), regions.get(a.region_ref, a.region_ref), a.municipality_nis, *_dates(a.validity), stamp]
        for a in plan.additions
    )
    columns = ["uuid", "region_id", "municipality_nis", "valid_from", "valid_to", "updated_at"]
    repository.database.table("membership").insert_all(_with_header(columns, additions))
    return deleted, _ids_after(repository, "membership", first_new)


def _decision_values(decision: Decision, region_id: int | None) -> list[object]:
    return [decision.collaboration, region_id, decision.lead_nis, decision.outcome.value, decision.amount_cents,
            int(decision.amount_is_annual), from_date(decision.decision_date)]  # fmt: skip


def _write_decisions(repository: Repository, write: ImportWrite, regions: dict[int, int]) -> None:
    stamp, db = now_iso(), repository.database

    def region(d: Decision) -> int | None:
        ref = write.memberships.region_of.get(d.key)
        return None if ref is None else regions.get(ref, ref)

    columns = [*_DECISION_COLUMNS, "uuid", "call_id", "collaboration_key", "updated_at"]
    rows = ([*_decision_values(d, region(d)), new_uuid(), write.call_id, d.key, stamp] for d in write.new)
    db.table("subsidy_decision").insert_all(_with_header(columns, rows))
    _update_rows(
        repository,
        "subsidy_decision",
        {i: dict(zip(_DECISION_COLUMNS, _decision_values(d, region(d)), strict=True)) | {"updated_at": stamp}
         for i, d in write.changed},
    )  # fmt: skip
    changed = [i for i, _ in write.changed]
    for chunk in chunked(changed):
        db.table("decision_member").delete_where(f"decision_id IN ({', '.join('?' for _ in chunk)})", chunk)
    ids = {r["collaboration_key"]: r["id"] for r in repository.select(
        "SELECT collaboration_key, id FROM subsidy_decision WHERE call_id = ?", [write.call_id])}  # fmt: skip
    members = ([ids[d.key], nis] for d in (*write.new, *(d for _, d in write.changed)) for nis in d.members)
    db.table("decision_member").insert_all(_with_header(["decision_id", "municipality_nis"], members), ignore=True)


def _write_aliases(repository: Repository, rows: Sequence[tuple[str, str, str]]) -> None:
    stamp = now_iso()
    values = ([*row, stamp] for row in rows)
    columns = ["alias_key", "alias", "municipality_nis", "created_at"]
    repository.database.table("municipality_alias").insert_all(_with_header(columns, values), replace=True)


# -- undo ----------------------------------------------------------------------------------------------


def restore(repository: Repository, snap: Snapshot) -> None:
    """Put back every row an import touched, exactly as it was; delete what it inserted; mark the log entry."""
    db = repository.database
    with repository.transaction():
        for table in reversed(_TABLES):
            for chunk in chunked(snap.inserted.get(table, [])):
                db.table(table).delete_where(f"id IN ({', '.join('?' for _ in chunk)})", chunk)
        for table in _TABLES:
            old = snap.old_rows.get(table, [])
            if old:
                db.table(table).upsert_all(_with_header(list(old[0]), (list(r.values()) for r in old)), pk="id")
        for chunk in chunked(snap.changed_decisions):
            db.table("decision_member").delete_where(f"decision_id IN ({', '.join('?' for _ in chunk)})", chunk)
        db.table("decision_member").insert_all(snap.old_members)
        for chunk in chunked(snap.alias_keys):
            db.table("municipality_alias").delete_where(f"alias_key IN ({', '.join('?' for _ in chunk)})", chunk)
        db.table("municipality_alias").insert_all(snap.old_aliases)
        if snap.log_id:
            mark_undone(repository, snap.log_id)
        _announce_restore(repository, snap)


def _announce_restore(repository: Repository, snap: Snapshot) -> None:
    def ids(table: str) -> tuple[int, ...]:
        return tuple(r["id"] for r in snap.old_rows.get(table, []))

    repository.announce(
        Change(Entity.REGION, ChangeKind.DELETED, tuple(snap.inserted.get("region", []))),
        Change(Entity.REGION, ChangeKind.UPDATED, ids("region")),
        Change(Entity.MEMBERSHIP, ChangeKind.DELETED, tuple(snap.inserted.get("membership", []))),
        Change(Entity.MEMBERSHIP, ChangeKind.INSERTED, ids("membership")),
        Change(Entity.SUBSIDY_DECISION, ChangeKind.DELETED, tuple(snap.inserted.get("subsidy_decision", []))),
        Change(Entity.SUBSIDY_DECISION, ChangeKind.UPDATED, ids("subsidy_decision")),
        Change(Entity.IMPORT_LOG, ChangeKind.UPDATED, (snap.log_id,) if snap.log_id else ()),
    )


__all__ = ["ImportWrite", "LogEntry", "Snapshot", "apply_import", "import_log", "restore", "stored_decisions"]
