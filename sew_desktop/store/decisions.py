"""SQL for subsidy decisions, municipality aliases, the import log, and the snapshot that undoes an import."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sew_desktop.domain.decisions import Decision, Outcome, StoredDecision
from sew_desktop.domain.memberships import MembershipPlan
from sew_desktop.domain.model import Validity
from sew_desktop.store.mapping import Entity
from sew_desktop.store.repository import Repository
from sew_desktop.store.rows import from_date, new_uuid, now_iso, to_date

# Test hook: seconds to sleep inside the apply transaction, so a test can kill the process mid-apply.
PAUSE_ENV = "SEW_DESKTOP_TEST_APPLY_PAUSE"
_TABLES = ("region", "membership", "subsidy_decision", "import_log")


@dataclass(frozen=True, slots=True)
class LogEntry:
    """One line of the import log."""

    file_name: str
    sha256: str
    imported_at: str
    user: str
    call_id: int | None
    counts: str
    id: int = 0


@dataclass(frozen=True, slots=True)
class ImportWrite:
    """Everything an import writes, in one transaction."""

    call_id: int
    memberships: MembershipPlan
    new: Sequence[Decision]
    changed: Sequence[tuple[int, Decision]]
    aliases: Sequence[tuple[str, str, str]]
    log: LogEntry


@dataclass(slots=True)
class Snapshot:
    """The rows an import touched, as they were before, and the ids it inserted."""

    old_rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    inserted: dict[str, list[int]] = field(default_factory=dict)
    old_members: list[tuple[int, str]] = field(default_factory=list)
    changed_decisions: list[int] = field(default_factory=list)
    alias_keys: list[str] = field(default_factory=list)
    old_aliases: list[dict[str, Any]] = field(default_factory=list)


def _rows(repository: Repository, sql: str, params: Sequence[object] = ()) -> list[dict[str, Any]]:
    cursor = repository.database.execute(sql, list(params))
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, values, strict=True)) for values in cursor.fetchall()]


def _in(column: str, count: int) -> str:
    return f"{column} IN ({', '.join('?' for _ in range(count))})"


# -- reads ---------------------------------------------------------------------------------------------


def stored_decisions(repository: Repository, call_id: int) -> dict[str, StoredDecision]:
    """The decisions of a call, keyed by collaboration key."""
    members: dict[int, list[str]] = {}
    for decision_id, nis in repository.database.execute(
        "SELECT m.decision_id, m.municipality_nis FROM decision_member m"
        " JOIN subsidy_decision d ON d.id = m.decision_id WHERE d.call_id = ?",
        [call_id],
    ).fetchall():
        members.setdefault(decision_id, []).append(nis)
    result: dict[str, StoredDecision] = {}
    for row in _rows(repository, "SELECT * FROM subsidy_decision WHERE call_id = ? ORDER BY id", [call_id]):
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
    return dict(repository.database.execute("SELECT alias_key, municipality_nis FROM municipality_alias").fetchall())


def import_log(repository: Repository) -> list[LogEntry]:
    """The import log, newest first."""
    return [
        LogEntry(r["file_name"], r["sha256"], r["imported_at"], r["user"], r["call_id"], r["counts"], r["id"])
        for r in _rows(repository, "SELECT * FROM import_log ORDER BY id DESC")
    ]


def snapshot_database(repository: Repository) -> list[str]:
    """Every row of the file as SQL text, to compare databases in tests and checks (the change history and
    the trash left out: they record the comparison's own writes)."""
    kept = ("change_history", "change_context", "trash")
    return [line for line in repository.database.conn.iterdump() if not line.startswith(
        tuple(f'INSERT INTO "{table}"' for table in kept))]


# -- apply ---------------------------------------------------------------------------------------------


def _max_ids(repository: Repository) -> dict[str, int]:
    return {t: int(repository.database.execute(f"SELECT coalesce(max(id), 0) FROM {t}").fetchone()[0]) for t in _TABLES}


def _take_snapshot(repository: Repository, write: ImportWrite) -> Snapshot:
    plan = write.memberships
    snap = Snapshot()
    region_ids = list(plan.region_validity)
    membership_ids = [e.membership_id for e in plan.edits]
    decision_ids = [decision_id for decision_id, _ in write.changed]
    for table, ids in (("region", region_ids), ("membership", membership_ids), ("subsidy_decision", decision_ids)):
        snap.old_rows[table] = _select_ids(repository, table, ids)
    snap.changed_decisions = decision_ids
    for chunk in _chunks(decision_ids):
        snap.old_members += repository.database.execute(
            f"SELECT decision_id, municipality_nis FROM decision_member WHERE {_in('decision_id', len(chunk))}", chunk
        ).fetchall()
    snap.alias_keys = [key for key, _, _ in write.aliases]
    for chunk in _chunks(snap.alias_keys):
        snap.old_aliases += _rows(
            repository, f"SELECT * FROM municipality_alias WHERE {_in('alias_key', len(chunk))}", chunk
        )
    return snap


def _chunks(items: Sequence[Any], size: int = 500) -> Iterable[list[Any]]:
    for start in range(0, len(items), size):
        yield list(items[start : start + size])


def _select_ids(repository: Repository, table: str, ids: Sequence[int]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for chunk in _chunks(ids):
        rows += _rows(repository, f"SELECT * FROM {table} WHERE {_in('id', len(chunk))}", chunk)
    return rows


def apply_import(repository: Repository, write: ImportWrite, *, snapshot: bool = True) -> Snapshot | None:
    """Write an import in one transaction; returns what :func:`restore` needs to undo it."""
    with repository.transaction():
        snap = _take_snapshot(repository, write) if snapshot else None
        before = _max_ids(repository)
        regions = _write_regions(repository, write.memberships)
        _write_memberships(repository, write.memberships, regions)
        _write_decisions(repository, write, regions)
        _write_aliases(repository, write.aliases)
        _write_log(repository, write.log)
        _pause_for_tests()
        if snap is not None:
            snap.inserted = {
                t: [r[0] for r in repository.database.execute(f"SELECT id FROM {t} WHERE id > ?", [before[t]])]
                for t in _TABLES
            }
    repository.announce_reset(Entity.REGION, Entity.MEMBERSHIP)
    return snap


def _pause_for_tests() -> None:
    pause = float(os.environ.get(PAUSE_ENV, "0") or 0)
    if pause:
        sys.stderr.write("apply: paused inside the transaction\n")
        sys.stderr.flush()
        time.sleep(pause)


def _write_regions(repository: Repository, plan: MembershipPlan) -> dict[int, int]:
    conn, stamp = repository.database.conn, now_iso()
    ids: dict[int, int] = {}
    for new in plan.new_regions:
        cursor = conn.execute(
            "INSERT INTO region (uuid, name, kind, province_nis, valid_from, valid_to, updated_at)"
            " VALUES (?, ?, 'samenwerkingsverband', ?, ?, ?, ?)",
            [new_uuid(), new.name, new.province_nis, *_dates(new.validity), stamp],
        )
        ids[new.ref] = int(cursor.lastrowid or 0)
    conn.executemany(
        "UPDATE region SET valid_from = ?, valid_to = ?, updated_at = ? WHERE id = ?",
        [(*_dates(v), stamp, region_id) for region_id, v in plan.region_validity.items()],
    )
    return ids


def _dates(validity: Validity) -> tuple[str | None, str | None]:
    return from_date(validity.valid_from), from_date(validity.valid_to)


def _write_memberships(repository: Repository, plan: MembershipPlan, regions: dict[int, int]) -> None:
    conn, stamp = repository.database.conn, now_iso()
    conn.executemany(
        "UPDATE membership SET valid_from = ?, valid_to = ?, updated_at = ? WHERE id = ?",
        [(*_dates(e.validity), stamp, e.membership_id) for e in plan.edits if e.validity is not None],
    )
    conn.executemany(
        "DELETE FROM membership WHERE id = ?", [(e.membership_id,) for e in plan.edits if e.validity is None]
    )
    conn.executemany(
        "INSERT INTO membership (uuid, region_id, municipality_nis, valid_from, valid_to, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        [
            (new_uuid(), regions.get(a.region_ref, a.region_ref), a.municipality_nis, *_dates(a.validity), stamp)
            for a in plan.additions
        ],
    )


def _decision_values(decision: Decision, region_id: int | None) -> tuple[object, ...]:
    return (
        decision.collaboration,
        region_id,
        decision.lead_nis,
        decision.outcome.value,
        decision.amount_cents,
        int(decision.amount_is_annual),
        from_date(decision.decision_date),
    )


def _write_decisions(repository: Repository, write: ImportWrite, regions: dict[int, int]) -> None:
    conn, stamp = repository.database.conn, now_iso()

    def region(d: Decision) -> int | None:
        ref = write.memberships.region_of.get(d.key)
        return None if ref is None else regions.get(ref, ref)

    conn.executemany(
        "INSERT INTO subsidy_decision (collaboration, region_id, lead_municipality_nis, outcome, amount_cents,"
        " amount_is_annual, decision_date, uuid, call_id, collaboration_key, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(*_decision_values(d, region(d)), new_uuid(), write.call_id, d.key, stamp) for d in write.new],
    )
    conn.executemany(
        "UPDATE subsidy_decision SET collaboration = ?, region_id = ?, lead_municipality_nis = ?, outcome = ?,"
        " amount_cents = ?, amount_is_annual = ?, decision_date = ?, updated_at = ? WHERE id = ?",
        [(*_decision_values(d, region(d)), stamp, decision_id) for decision_id, d in write.changed],
    )
    ids = dict(conn.execute("SELECT collaboration_key, id FROM subsidy_decision WHERE call_id = ?", [write.call_id]))
    conn.executemany("DELETE FROM decision_member WHERE decision_id = ?", [(i,) for i, _ in write.changed])
    conn.executemany(
        "INSERT OR IGNORE INTO decision_member (decision_id, municipality_nis) VALUES (?, ?)",
        [(ids[d.key], nis) for d in (*write.new, *(d for _, d in write.changed)) for nis in d.members],
    )


def _write_aliases(repository: Repository, rows: Sequence[tuple[str, str, str]]) -> None:
    stamp = now_iso()
    repository.database.conn.executemany(
        "INSERT OR REPLACE INTO municipality_alias (alias_key, alias, municipality_nis, created_at)"
        " VALUES (?, ?, ?, ?)",
        [(*row, stamp) for row in rows],
    )


def _write_log(repository: Repository, log: LogEntry) -> None:
    repository.database.conn.execute(
        "INSERT INTO import_log (file_name, sha256, imported_at, user, call_id, counts) VALUES (?, ?, ?, ?, ?, ?)",
        [log.file_name, log.sha256, log.imported_at, log.user, log.call_id, log.counts],
    )


# -- undo ----------------------------------------------------------------------------------------------


def _upsert(repository: Repository, table: str, rows: Sequence[dict[str, Any]]) -> None:
    for row in rows:
        columns = list(row)
        updates = ", ".join(f"{c} = excluded.{c}" for c in columns if c != "id")
        repository.database.conn.execute(
            f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})"
            f" ON CONFLICT(id) DO UPDATE SET {updates}",
            list(row.values()),
        )


def restore(repository: Repository, snap: Snapshot) -> None:
    """Put back every row an import touched, exactly as it was; delete what it inserted."""
    conn = repository.database.conn
    with repository.transaction():
        for table in reversed(_TABLES):
            conn.executemany(f"DELETE FROM {table} WHERE id = ?", [(i,) for i in snap.inserted.get(table, [])])
        for table in ("region", "membership", "subsidy_decision"):
            _upsert(repository, table, snap.old_rows.get(table, []))
        conn.executemany("DELETE FROM decision_member WHERE decision_id = ?", [(i,) for i in snap.changed_decisions])
        conn.executemany("INSERT INTO decision_member (decision_id, municipality_nis) VALUES (?, ?)", snap.old_members)
        conn.executemany("DELETE FROM municipality_alias WHERE alias_key = ?", [(k,) for k in snap.alias_keys])
        conn.executemany(
            "INSERT INTO municipality_alias (alias_key, alias, municipality_nis, created_at) VALUES (?, ?, ?, ?)",
            [(a["alias_key"], a["alias"], a["municipality_nis"], a["created_at"]) for a in snap.old_aliases],
        )
    repository.announce_reset(Entity.REGION, Entity.MEMBERSHIP)
