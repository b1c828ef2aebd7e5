"""Reading the change history and the trash as use cases: listings for the CLI, restoring deleted rows."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from datetime import date
from typing import Any

from sew_desktop.store import history, trash
from sew_desktop.store.checks import check_row
from sew_desktop.store.history import HistoryEntry
from sew_desktop.store.mapping import PRIMARY_KEY, Entity
from sew_desktop.store.repository import DeletedRows, Repository
from sew_desktop.store.trash import TrashItem

FORMATS = ("text", "json", "csv")
ENTITIES = (*history.TRACKED, "file")
_FIELDS = ("at", "who", "why", "entity", "row_key", "row_uuid", "action", "field", "old_value", "new_value", "uuid")


def history_entries(repository: Repository, entity: str | None = None, since: date | None = None,
                    row_key: str | None = None, limit: int | None = None) -> list[HistoryEntry]:
    """Entries newest first."""
    return history.entries(repository.database, entity=entity, row_key=row_key, limit=limit,
                           since=since.isoformat() if since else None)


def _value(value: object) -> str:
    return "—" if value is None or value == "" else str(value)


def _text_line(entry: HistoryEntry) -> str:
    day = f"{entry.at[8:10]}/{entry.at[5:7]}/{entry.at[0:4]} {entry.at[11:19]}"
    what = f"{entry.entity} {entry.row_key}".strip()
    if entry.action == "update":
        change = f"{entry.field}: {_value(entry.old_value)} → {_value(entry.new_value)}"
    elif entry.action == "insert" and entry.field:  # a set of rows, e.g. a decision's members from an import
        change = f"added {entry.field}: {_value(entry.new_value)}"
    else:
        change = {"insert": "added", "delete": "deleted", "note": ""}.get(entry.action, entry.action)
    why = f"  ({entry.why})" if entry.why else ""
    return f"{day}  {entry.who}  {what}  {change}{why}".replace("  " * 2, "  ")


def render(entries: Sequence[HistoryEntry], fmt: str) -> str:
    """The entries as text (one line each), JSON (a list of objects) or CSV (a header row)."""
    if fmt == "json":
        return json.dumps([{f: getattr(e, f) for f in _FIELDS} for e in entries], ensure_ascii=False,
                          indent=2) + "\n"
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(_FIELDS)
        writer.writerows([getattr(e, f) for f in _FIELDS] for e in entries)
        return out.getvalue()
    return "".join(_text_line(e) + "\n" for e in entries) or "no changes recorded\n"


def trash_items(repository: Repository) -> list[TrashItem]:
    """What is in the trash, newest first."""
    return trash.items(repository.database)


def deleted_rows(item: TrashItem) -> DeletedRows:
    """The trash item as the repository's :class:`DeletedRows`, to put back."""
    rows: list[tuple[Entity, dict[str, Any]]] = [(Entity(kind), dict(row)) for kind, row in item.rows]
    return DeletedRows(tuple(rows), item.references)


def _taken_ids(repository: Repository, entity: Entity) -> set[Any]:
    tables: dict[Entity, Any] = {Entity.REGION: repository.regions, Entity.MEMBERSHIP: repository.memberships,
                                 Entity.AGREEMENT: repository.agreements}
    reader = tables.get(entity)
    return set(reader()) if reader is not None else set()


def _with_free_ids(repository: Repository, deleted: DeletedRows) -> DeletedRows:
    """Ids that were handed to new rows since the delete get fresh ones; links follow (uuids stay)."""
    renamed: dict[tuple[Entity, Any], Any] = {}
    for entity, row in deleted.rows:
        taken = _taken_ids(repository, entity) | {r["id"] for e, r in deleted.rows if e is entity}
        if PRIMARY_KEY[entity] == "id" and row["id"] in _taken_ids(repository, entity):
            renamed[(entity, row["id"])] = max(taken | set(renamed.values())) + 1
    if not renamed:
        return deleted
    rows = []
    for entity, row in deleted.rows:
        new = dict(row, id=renamed.get((entity, row.get("id")), row.get("id")))
        if "region_id" in new and (Entity.REGION, new["region_id"]) in renamed:
            new["region_id"] = renamed[(Entity.REGION, new["region_id"])]
        rows.append((entity, new))
    references = tuple((table, row_id, column, renamed.get((Entity.REGION, value), value))
                       for table, row_id, column, value in deleted.references)
    return DeletedRows(tuple(rows), references)


def restore_from_trash(repository: Repository, item: TrashItem) -> DeletedRows:
    """Put a trash item's rows back with their links (one transaction); the item leaves the trash.

    Raises :class:`RowValidationError` (nothing restored) when a membership would now break the one-regiegebied-
    per-day rule."""
    deleted = _with_free_ids(repository, deleted_rows(item))
    with history.reason(f"restore from trash: {item.label}"), repository.transaction():
        for entity, row in deleted.rows:
            if entity is Entity.MEMBERSHIP:  # the municipality may have joined another regiegebied since
                check_row(repository, entity, row)
        repository.restore(deleted)
    return deleted


def main_keys(entity: str, deleted: DeletedRows) -> list[Any]:
    """The primary keys of the main rows of a restore (to delete them again on undo)."""
    kind = Entity(entity)
    return [row[PRIMARY_KEY[kind]] for row_kind, row in deleted.rows if row_kind is kind]


def empty_trash(repository: Repository) -> int:
    """Empty the trash (the caller asked the user and took a backup); returns how many items went."""
    with repository.transaction() as tx:
        return trash.empty(tx)
