"""Reading the change history and the trash as use cases: listings for the CLI, restoring deleted rows."""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from collections.abc import Sequence
from datetime import date
from typing import Any

from sew_desktop.domain.texts import Translate, fill, untranslated
from sew_desktop.services.texts import entity_name, field_label, shortened, table_label, value_text, wrapped
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


_MERGE_NOTE = re.compile(r"^merge: (?P<source>.+?)(?: \(file [^)]*\))?, (?P<mode>two-way|three-way)"
                         r"(?:; choices: (?P<choices>.*))?$", re.DOTALL)
MAX_WHY = 60  # characters of a reason in one line


def _day(at: str) -> str:
    return f"{at[8:10]}/{at[5:7]}/{at[0:4]} {at[11:19]}"


def _change(entry: HistoryEntry, translate: Translate) -> str:
    field = field_label(entry.field or "", translate)
    if entry.action == "update":
        column = entry.field or ""
        old, new = value_text(entry.old_value, column, {}), value_text(entry.new_value, column, {})
        return f"{field}: {old} → {new}"
    if entry.action == "insert" and entry.field:  # a set of rows, e.g. a decision's members from an import
        return fill(translate("History", "added %1: %2"), field, value_text(entry.new_value, "", {}))
    words = {"insert": translate("History", "added"), "delete": translate("History", "deleted"), "note": ""}
    return words.get(entry.action, entry.action)


def merge_summary(why: str, taken: int, translate: Translate = untranslated) -> str | None:
    """"Merged with copy b.sqlite: 12 changes of theirs taken over, 3 conflicts decided (2 mine, 1 theirs;
    agreements 2, regiegebieden 1)" for a merge's history note; None for any other note."""
    found = _MERGE_NOTE.match(why)
    if found is None:
        return None
    choices = [c.rpartition("=") for c in (found["choices"] or "").split(", ") if "=" in c]
    text = fill(translate("History", "Merged with copy %1: %2 change(s) of theirs taken over, %3 conflict(s)"
                                     " decided"), found["source"], taken, len(choices))
    if not choices:
        return text
    sides = Counter(side for _key, _eq, side in choices)
    tables = Counter(key.split("/")[0] for key, _eq, _side in choices)
    side_words = {"mine": translate("MergeDialog", "mine"), "theirs": translate("MergeDialog", "theirs")}
    said = ", ".join(f"{n} {side_words.get(side, side)}" for side, n in sorted(sides.items()))
    where = ", ".join(f"{table_label(t, translate).lower()} {n}" for t, n in sorted(tables.items()))
    return f"{text} ({said}; {where})"


def _text_line(entry: HistoryEntry, merged: Counter[tuple[str, str]], translate: Translate) -> str:
    summary = None
    if entry.action == "note":
        summary = merge_summary(entry.why, merged[(entry.at[:16], entry.why)], translate)
    what = f"{entity_name(entry.entity, translate)} {entry.row_key}".strip()
    if summary is not None:
        return wrapped(f"{_day(entry.at)}  {entry.who}  {summary}")
    why = entry.why
    if why.startswith("merge: "):
        why = fill(translate("History", "merged from %1"), why.removeprefix("merge: "))
    why = f"  ({shortened(why, MAX_WHY)})" if why else ""
    return wrapped(f"{_day(entry.at)}  {entry.who}  {what}  {_change(entry, translate)}{why}".replace("  " * 2, "  "))


def _merged_counts(entries: Sequence[HistoryEntry]) -> Counter[tuple[str, str]]:
    """Per merge note (its minute and why): how many changes of the other copy came in with it."""
    counted: Counter[tuple[str, str]] = Counter()
    for entry in entries:
        if entry.action != "note" and entry.why.startswith("merge: "):
            counted[(entry.at[:16], entry.why)] += 1
    notes = [e for e in entries if e.action == "note" and _MERGE_NOTE.match(e.why)]
    result: Counter[tuple[str, str]] = Counter()
    for note in notes:
        source = _MERGE_NOTE.match(note.why)
        assert source is not None
        result[(note.at[:16], note.why)] = counted[(note.at[:16], f"merge: {source['source']}")]
    return result


def render(entries: Sequence[HistoryEntry], fmt: str, translate: Translate = untranslated) -> str:
    """The entries as text (one readable line each), JSON (a list of objects) or CSV (a header row)."""
    if fmt == "json":
        return json.dumps([{f: getattr(e, f) for f in _FIELDS} for e in entries], ensure_ascii=False,
                          indent=2) + "\n"
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(_FIELDS)
        writer.writerows([getattr(e, f) for f in _FIELDS] for e in entries)
        return out.getvalue()
    merged = _merged_counts(entries)
    lines = "".join(_text_line(e, merged, translate) + "\n" for e in entries)
    return lines or translate("History", "no changes recorded") + "\n"


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
