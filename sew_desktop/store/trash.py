"""The trash ("Verwijderde rijen"): each delete keeps the rows it removed with what went with them."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sew_desktop.store.mapping import PRIMARY_KEY, Entity
from sew_desktop.store.rows import new_uuid, now_iso
from sew_desktop.store.writes import Writer

if TYPE_CHECKING:
    from sqlite_utils import Database

_SCHEMA = """
CREATE TABLE IF NOT EXISTS trash (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    deleted_at TEXT NOT NULL,
    who TEXT NOT NULL,
    why TEXT NOT NULL,
    entity TEXT NOT NULL,
    row_uuids TEXT NOT NULL,
    label TEXT NOT NULL,
    payload TEXT NOT NULL
) STRICT
"""
_LABELS = {Entity.REGION: "name", Entity.MUNICIPALITY: "name_nl", Entity.OPEN_CALL: "name"}


@dataclass(frozen=True, slots=True)
class TrashItem:
    """One delete: the main rows (``entity``), a readable label and how many linked rows went with them."""

    id: int
    deleted_at: str
    who: str
    why: str
    entity: str
    label: str
    linked: int
    rows: tuple[tuple[str, dict[str, Any]], ...]
    references: tuple[tuple[str, int, str, Any], ...]


def install(db: Database | sqlite3.Connection) -> None:
    """Create the trash table."""
    db.execute(_SCHEMA)


def _label(tx: Writer, entity: Entity, rows: list[tuple[Entity, dict[str, Any]]]) -> str:
    """What users call the deleted rows: a name, an agreement by its partner, a membership by municipality and
    regiegebied (never a bare id)."""
    regions = {row["id"]: row.get("name") for kind, row in rows if kind is Entity.REGION}

    def region(key: object) -> str:
        if key in regions:
            return str(regions[key])
        found = tx.execute("SELECT name FROM region WHERE id = ?", [key]).fetchone()
        return str(found[0]) if found else str(key)

    def municipality(nis: object) -> str:
        found = tx.execute("SELECT name_nl FROM municipality WHERE nis_code = ?", [nis]).fetchone()
        return str(found[0]) if found else str(nis)

    def name(row: dict[str, Any]) -> str:
        if entity is Entity.AGREEMENT and row.get("municipality_nis"):
            return municipality(row["municipality_nis"])
        if entity is Entity.AGREEMENT:
            return region(row.get("region_id"))
        if entity is Entity.MEMBERSHIP:
            return f"{municipality(row.get('municipality_nis'))} · {region(row.get('region_id'))}"
        column = _LABELS.get(entity)
        return str(row.get(column) or row[PRIMARY_KEY[entity]]) if column else str(row[PRIMARY_KEY[entity]])

    names = [name(row) for kind, row in rows if kind is entity]
    return ", ".join(names[:5]) + (" …" if len(names) > 5 else "")


def put(tx: Writer, entity: Entity, rows: list[tuple[Entity, dict[str, Any]]], references: list[list[Any]],
        who: str, why: str) -> None:
    """Keep what a delete removed (inside the delete's transaction)."""
    uuids = [str(row.get("uuid", "")) for kind, row in rows if kind is entity]
    payload = json.dumps({"rows": [[kind.value, row] for kind, row in rows], "references": references})
    tx.execute(
        "INSERT INTO trash (uuid, deleted_at, who, why, entity, row_uuids, label, payload)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [new_uuid(), now_iso(), who, why, entity.value, json.dumps(uuids), _label(tx, entity, rows), payload])


def forget_rows(tx: Writer, uuids: list[str]) -> None:
    """Drop the trash items of rows that are back (a restore or an undo of the delete)."""
    if uuids:
        marks = ", ".join("?" for _ in uuids)
        tx.execute("DELETE FROM trash WHERE EXISTS (SELECT 1 FROM json_each(trash.row_uuids)"
                   f" WHERE json_each.value IN ({marks}))", uuids)


def items(db: Database | sqlite3.Connection) -> list[TrashItem]:
    """What is in the trash, newest first."""
    result = []
    for row in db.execute("SELECT id, deleted_at, who, why, entity, label, payload FROM trash ORDER BY id DESC"):
        payload = json.loads(row[6])
        rows = tuple((str(kind), dict(values)) for kind, values in payload["rows"])
        references = tuple((str(t), int(i), str(c), v) for t, i, c, v in payload["references"])
        linked = sum(1 for kind, _ in rows if kind != row[4])
        result.append(TrashItem(row[0], row[1], row[2], row[3], row[4], row[5], linked, rows, references))
    return result


def empty(tx: Writer) -> int:
    """Empty the trash; returns how many items went."""
    count = int(tx.execute("SELECT count(*) FROM trash").fetchone()[0])
    tx.execute("DELETE FROM trash")
    return count
