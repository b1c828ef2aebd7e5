"""Applying a resolved merge in one transaction, and undoing it exactly."""

from __future__ import annotations

import os
import sys
import time
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, NamedTuple

from sew_desktop.domain.consistency import Finding
from sew_desktop.domain.merging import Conflict, ConflictKind, Side
from sew_desktop.services.checks import rule_findings
from sew_desktop.services.merging.plan import MergePlan
from sew_desktop.services.merging.resolve import RULE_FIELDS, Resolution, Write
from sew_desktop.store import history, merge_log
from sew_desktop.store import merge_rows as rows
from sew_desktop.store.errors import StoreError
from sew_desktop.store.mapping import Entity
from sew_desktop.store.merge_log import MergeRecord
from sew_desktop.store.repository import DeletedRows, Key, Repository
from sew_desktop.store.rows import new_uuid, now_iso
from sew_desktop.store.writes import Writer

PAUSE_ENV = "SEW_DESKTOP_TEST_MERGE_PAUSE"  # test hook: seconds to sleep inside the transaction (kill -9 tests)
_DELETE_ORDER = tuple(reversed(rows.INSERT_ORDER))
_TRASHED = ("region", "membership", "agreement", "open_call", "subsidy_decision")


Rows = tuple[tuple[str, dict[str, Any]], ...]  # (table, row as stored)


@dataclass(frozen=True, slots=True)
class MergeUndo:
    """What :func:`undo_merge` needs: the rows as they were, the rows added, what was copied over. Made whole at
    the end of the merge's transaction, from what its steps wrote."""

    merge_uuid: str
    old_rows: Rows  # deleted (with what went along) and updated rows, before the merge
    inserted: Rows  # as stored, with their new ids
    entries: tuple[str, ...]  # uuids of the history entries copied from THEIRS
    records: tuple[str, ...]  # uuids of the merges THEIRS knew of
    carried: tuple[str, ...]  # transactions that only carried THEIRS's changes
    aliases: tuple[str, ...]  # keys of the accepted spellings added
    import_log: tuple[int, ...]  # ids of the import log lines added
    trashed: Rows  # what the merge's deletes put in the trash
    counts: Mapping[str, Mapping[str, int]]  # per table: inserted, updated, deleted


class _Written(NamedTuple):
    """What the row writes of a merge changed, for its undo."""

    old_rows: Rows
    inserted: Rows
    trashed: Rows


def counts(writes: Sequence[Write]) -> dict[str, dict[str, int]]:
    """Per table: inserted, updated, deleted."""
    tally = Counter((w.table, w.kind) for w in writes)
    tables = sorted({w.table for w in writes})
    return {t: {"inserted": tally[(t, "insert")], "updated": tally[(t, "update")], "deleted": tally[(t, "delete")]}
            for t in tables}


def _choices(resolution: Resolution) -> dict[str, object]:
    return {key: choice.side.value if choice.side is not Side.VALUE else {"value": choice.value}
            for key, choice in sorted(resolution.decided.items())}


def apply_merge(repository: Repository, plan: MergePlan, resolution: Resolution) -> MergeUndo:
    """Write the merge in one transaction (refused while conflicts are undecided); returns its undo."""
    if not resolution.complete:
        raise ValueError(f"{len(resolution.undecided)} conflict(s) need a choice")
    merge_uuid, tally = new_uuid(), counts(resolution.writes)
    before = set(rule_findings(repository))
    with history.reason(f"merge: {plan.source.name}"), repository.transaction() as tx:
        merge_log.carry(tx, {merge_log.current_transaction(tx): merge_uuid})
        reader = rows.CopyReader.of(repository)
        _refuse_if_changed(plan, reader, resolution.writes)
        written = _write_rows(repository, tx, reader, resolution.writes)
        _settle(tx, reader, plan, resolution)
        _copy_history(tx, reader, plan)
        aliases, log_lines = _unions(tx, reader, plan)
        merge_log.write_record(tx, MergeRecord(merge_uuid, now_iso(), repository.safety.user, plan.source.name,
                                               plan.source_uuid, merge_log.choices_json(_choices(resolution)),
                                               merge_log.choices_json(tally)))
        history.note(tx, _note(plan, resolution), repository.safety.user)
        _refuse_broken_rules(repository, before)
        _pause_for_tests()
        undo = MergeUndo(
            merge_uuid=merge_uuid, old_rows=written.old_rows, inserted=written.inserted,
            entries=tuple(e.uuid for e in plan.entries), records=tuple(r.uuid for r in plan.records),
            carried=tuple(plan.carried), aliases=aliases, import_log=log_lines, trashed=written.trashed,
            counts=MappingProxyType({table: MappingProxyType(kinds) for table, kinds in tally.items()}))
        touched, existed = _rows_of(undo)
        _announce(tx, touched, existed)
    return undo


def _rows_of(undo: MergeUndo) -> tuple[dict[Entity, set[Key]], dict[Entity, set[Key]]]:
    """The rows a merge wrote, per entity, and those of them that were there before it: the rows it updated or
    deleted (with what went along) and the decisions whose members it changed, not the rows it inserted (a
    row's id deleted and given to a new row counts as there before: the row changed)."""
    old = rows.entity_keys(undo.old_rows)
    added = rows.entity_keys(undo.inserted)
    added.setdefault(Entity.IMPORT_LOG, set()).update(undo.import_log)
    made = rows.entity_keys((table, row) for table, row in undo.inserted if table != "decision_member")
    entities = old.keys() | added.keys()
    touched = {e: old.get(e, set()) | added.get(e, set()) for e in entities}
    existed = {e: old.get(e, set()) | (added.get(e, set()) - made.get(e, set())) for e in entities}
    return touched, existed


def _announce(tx: Writer, touched: Mapping[Entity, set[Key]], existed: Mapping[Entity, set[Key]]) -> None:
    """The rows written, each as what it is now: inserted, updated or deleted (not whole tables)."""
    for entity, keys in sorted(touched.items()):
        tx.changed_since(entity, keys, existed[entity])


class MergeBreaksRulesError(StoreError):
    """With these choices the merged file would break the product's rules (what ``check`` refuses)."""

    def __init__(self, findings: Sequence[Finding]) -> None:
        shown = "; ".join(f"{f.entity} {f.key}: {f.problem}" for f in findings[:3])
        more = f" (and {len(findings) - 3} more)" if len(findings) > 3 else ""
        super().__init__(f"with these choices the merged file would break {len(findings)} rule(s): {shown}{more};"
                         " choose otherwise or correct one of the copies first; nothing was merged")
        self.findings = list(findings)


def _refuse_broken_rules(repository: Repository, before: set[Finding]) -> None:
    """Inside the merge's transaction: what the merged data break that the file did not break before."""
    with repository.uncached():
        new = [f for f in rule_findings(repository) if f not in before]
    if new:
        raise MergeBreaksRulesError(new)


def try_merge(repository: Repository, plan: MergePlan, resolution: Resolution) -> None:
    """The apply, rolled back: raises what the apply would raise (broken rules, constraints), writes nothing."""
    if not resolution.complete:
        return
    with repository.trial():
        apply_merge(repository, plan, resolution)


def _note(plan: MergePlan, resolution: Resolution) -> str:
    """The history's line for the merge: the source, its file id, the mode and the choices made."""
    mode = "two-way" if plan.two_way else "three-way"
    chosen = ", ".join(f"{key}={choice}" for key, choice in _choices(resolution).items())
    source = f" (file {plan.source_uuid})" if plan.source_uuid else ""
    return f"merge: {plan.source.name}{source}, {mode}" + (f"; choices: {chosen}" if chosen else "")


def _pause_for_tests() -> None:
    pause = float(os.environ.get(PAUSE_ENV, "0") or 0)
    if pause:
        sys.stderr.write("merge: paused inside the transaction\n")
        sys.stderr.flush()
        time.sleep(pause)


class ChangedSincePreviewError(StoreError):
    """This file changed (another window or program) after the merge was planned: plan it again."""

    def __init__(self, rows_changed: int) -> None:
        super().__init__(f"{rows_changed} row(s) changed in this file since the merge preview; nothing was merged"
                         " (open the preview again)")


def _refuse_if_changed(plan: MergePlan, reader: rows.CopyReader, writes: Sequence[Write]) -> None:
    """Read under the write lock: every row the merge writes must still be as the plan saw it."""
    changed = 0
    for table in {w.table for w in writes}:
        identities = [w.row for w in writes if w.table == table]
        now = reader.rows(table, identities)
        changed += sum(1 for identity in identities if now.get(identity) != plan.version((table, identity), "mine"))
    if changed:
        raise ChangedSincePreviewError(changed)


def _to_trash(repository: Repository, tx: Writer, table: str, stored: dict[str, Any],
              cascaded: Sequence[tuple[str, dict[str, Any]]]) -> Rows:
    """A row the merge deletes goes to the trash with what goes along, like a delete by hand."""
    if table not in _TRASHED:
        return ()
    going = ((table, stored), *((t, r) for t, r in cascaded if t in ("membership", "agreement")))
    repository.safety.to_trash(tx, Entity(table),
                               DeletedRows(tuple((Entity(t), r) for t, r in going)))
    return going


def _write_rows(repository: Repository, tx: Writer, reader: rows.CopyReader, writes: Sequence[Write]) -> _Written:
    deleted, trashed = _delete_rows(repository, tx, reader, [w for w in writes if w.kind == "delete"])
    inserted = tuple((table, rows.insert_row(tx, reader, table, write.values)) for table in rows.INSERT_ORDER
                     for write in writes if write.kind == "insert" and write.table == table)
    updated = _update_rows(tx, reader, [w for w in writes if w.kind == "update"])
    return _Written(deleted + updated, inserted, trashed)


def _delete_rows(repository: Repository, tx: Writer, reader: rows.CopyReader, deletes: Sequence[Write],
                 ) -> tuple[Rows, Rows]:
    """Children first; each with what goes along. Returns the rows as they were, and what went to the trash."""
    old_rows: list[tuple[str, dict[str, Any]]] = []
    trashed: list[tuple[str, dict[str, Any]]] = []
    for table in _DELETE_ORDER:
        for write in (w for w in deletes if w.table == table):
            stored = rows.stored_row(tx, reader, table, write.row)
            if stored is not None:
                cascaded = rows.dependent_rows(tx, table, stored)
                old_rows += [*cascaded, (table, stored)]
                trashed += _to_trash(repository, tx, table, stored, cascaded)
                rows.delete_row(tx, reader, table, write.row)
    return tuple(old_rows), tuple(trashed)


def _update_rows(tx: Writer, reader: rows.CopyReader, updates: Sequence[Write]) -> Rows:
    """THEIRS's values first, then the values the user typed in a transaction of its own; returns the rows as
    they were."""
    old_rows: list[tuple[str, dict[str, Any]]] = []
    for write in updates:
        stored = rows.stored_row(tx, reader, write.table, write.row)
        if stored is not None:
            old_rows.append((write.table, stored))
            adopted = {c: v for c, v in write.values.items() if c not in write.custom}
            if adopted:
                rows.update_row(tx, reader, write.table, write.row, adopted)
    own = new_uuid()  # the user's own values: a change of this copy, which a later merge passes on
    merge_log.switch_transaction(tx, own)
    for write in (w for w in updates if w.custom):
        rows.update_row(tx, reader, write.table, write.row, {c: write.values[c] for c in write.custom})
    return tuple(old_rows)


def _settle(tx: Writer, reader: rows.CopyReader, plan: MergePlan, resolution: Resolution) -> None:
    """Record every decided conflict whose outcome differs from THEIRS's version (mine kept, another value, mine's
    rule fields), in this merge's own transaction: a fact the next merge of either copy sees as settled."""
    decided = [c for c in (*plan.conflicts, *resolution.rule_conflicts) if c.key in resolution.decided]
    for table, identity, columns, stamp in _settled_fields(decided, resolution.kept_with):
        now = reader.rows(table, [identity]).get(identity)
        theirs = plan.version((table, identity), "theirs")
        if now is None:
            if theirs is not None and plan.version((table, identity), "mine") is None:
                rows.record_not_taken(tx, table, identity, theirs, stamp)  # THEIRS's new row, not taken in
            continue
        if theirs is None:
            rows.record_settled(tx, reader, table, identity, kept=table != "municipality", stamp=stamp)
            continue
        differing = {c: (theirs.get(c), now.get(c)) for c in columns if c in now and now.get(c) != theirs.get(c)}
        if differing:
            rows.record_settled(tx, reader, table, identity, fields=differing, stamp=stamp)


def _settled_fields(conflicts: Sequence[Conflict], kept_with: Mapping[tuple[str, str], Sequence[tuple[str, str]]],
                    ) -> list[tuple[str, str, tuple[str, ...], tuple[str, str]]]:
    """The rows and columns each decided conflict is about (a kept parent's rows with it), with the newest stamp
    of mine's side among them."""
    found: dict[tuple[str, str], set[str]] = {}
    stamps: dict[tuple[str, str], tuple[str, str]] = {}
    for conflict in conflicts:
        targets = (*(conflict.rows or ((conflict.table, conflict.row),)),
                   *kept_with.get((conflict.table, conflict.row), ()))
        for table, identity in targets:
            if conflict.kind is ConflictKind.RULE:  # its field names the rule, not a column
                columns: tuple[str, ...] = RULE_FIELDS.get(table, rows.COLUMNS[table])
            else:
                columns = (conflict.field,) if conflict.field else rows.COLUMNS[table]
            found.setdefault((table, identity), set()).update(c for c in columns if c != "uuid")
            stamp = (conflict.mine_stamp.at, conflict.mine_stamp.who)
            stamps[(table, identity)] = max(stamps.get((table, identity), ("", "")), stamp)
    return [(table, identity, tuple(sorted(columns)), stamps[(table, identity)])
            for (table, identity), columns in sorted(found.items())]


def _copy_history(tx: Writer, reader: rows.CopyReader, plan: MergePlan) -> None:
    """THEIRS's entries this file did not know, with this file's row keys: a later merge finds the new common
    past, and the row history shows who changed what on the other laptop."""
    ids: dict[str, dict[str, int]] = {t: dict(reader.id_of[t]) for t in ("region", "open_call", "subsidy_decision")}
    for table in ("membership", "agreement"):
        wanted = sorted({e.row_uuid for e in plan.entries if e.entity == table and e.row_uuid})
        ids[table] = {str(r["uuid"]): int(r["id"]) for r in reader.stored_rows(table, "uuid", wanted)}
    keys: dict[str, str] = {}
    for entry in plan.entries:
        if entry.entity in ids and entry.row_uuid in ids[entry.entity]:
            keys[entry.uuid] = str(ids[entry.entity][entry.row_uuid])
        elif entry.entity == "decision_member" and entry.row_uuid in ids["subsidy_decision"]:
            decision = ids["subsidy_decision"][entry.row_uuid]
            # an import's one entry for a decision's member set is keyed by the decision; a row's by decision/NIS
            keys[entry.uuid] = (str(decision) if entry.field == "municipality_nis"
                                else f"{decision}/{entry.row_key.split('/')[-1]}")
    rows.copy_entries(tx, plan.entries, keys)
    merge_log.carry(tx, plan.carried)
    for record in plan.records:
        merge_log.write_record(tx, record)


def _unions(tx: Writer, reader: rows.CopyReader, plan: MergePlan) -> tuple[tuple[str, ...], tuple[int, ...]]:
    """THEIRS's new accepted spellings and import log lines; returns the spellings' keys and the lines' ids."""
    for alias in plan.aliases:
        rows.insert_alias(tx, alias)
    return (tuple(str(alias["alias_key"]) for alias in plan.aliases),
            tuple(rows.insert_import_log(tx, reader, line) for line in plan.import_log))


def undo_merge(repository: Repository, undo: MergeUndo) -> None:
    """Put every row back as it was before the merge; the copied history goes; the merge stays logged, undone."""
    touched, _ = _rows_of(undo)
    with history.reason("undo merge"), repository.transaction() as tx:
        existed = {entity: tx.existing(entity, keys) for entity, keys in touched.items()}  # as the merge left them
        merge_log.carry(tx, {merge_log.current_transaction(tx): undo.merge_uuid})
        for table in _DELETE_ORDER:
            rows.delete_stored(tx, table, [r for t, r in undo.inserted if t == table])
        for table in ("municipality", *rows.INSERT_ORDER, "import_log"):
            rows.put_back(tx, table, [r for t, r in reversed(undo.old_rows) if t == table])
        trashed = DeletedRows(tuple((Entity(t), r) for t, r in undo.trashed))
        repository.safety.out_of_trash(tx, trashed)
        rows.forget_entries(tx, undo.entries)
        merge_log.forget_transactions(tx, undo.carried)
        merge_log.forget_records(tx, undo.records)
        for key in undo.aliases:
            rows.delete_alias(tx, key)
        rows.delete_import_log(tx, undo.import_log)
        merge_log.mark(tx, undo.merge_uuid, now_iso())
        _announce(tx, touched, existed)
