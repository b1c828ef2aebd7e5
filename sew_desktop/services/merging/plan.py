"""Planning a merge (the dry run): read THEIRS read-only, find the common past, decide row by row."""

from __future__ import annotations

import json
import os
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any, NamedTuple

from sew_desktop.domain.merging import (
    MISSING,
    Conflict,
    ConflictKind,
    FieldTouch,
    RowMerge,
    Stamp,
    Touch,
    conflict_key,
    merge_row,
)
from sew_desktop.store import merge_log
from sew_desktop.store.errors import StoreError
from sew_desktop.store.history import HistoryEntry
from sew_desktop.store.merge_log import MergeRecord
from sew_desktop.store.merge_rows import COLUMNS, FOREIGN, INSERT_ORDER, CopyReader, read_only, read_theirs
from sew_desktop.store.repository import Repository

Key = tuple[str, str]  # (table, identity)
Row = dict[str, Any]
TABLES = ("municipality", *INSERT_ORDER)
_PARENTS = {"region": (("membership", "region_id"), ("agreement", "region_id"), ("subsidy_decision", "region_id")),
            "open_call": (("subsidy_decision", "call_id"),), "subsidy_decision": (("decision_member", "decision_id"),)}


class SameFileError(StoreError):
    """THEIRS is the open file itself."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"cannot merge a file with itself: {path}")
        self.path = path


@dataclass(frozen=True, slots=True)
class MergePlan:
    """Everything a merge would do before any choice: incoming rows, conflicts, what to copy over. Made whole by
    :func:`plan_merge` once every part is read; nothing changes it after (the dialog, the dry run and the apply
    share one plan, the dialog across threads)."""

    source: Path
    source_uuid: str | None
    two_way: bool
    shared_entries: int
    rows: Mapping[Key, RowMerge]
    context: Mapping[Key, tuple[Row | None, Row | None]]  # for the rule checks
    entries: tuple[HistoryEntry, ...]  # THEIRS's history this file does not know yet
    carried: Mapping[str, str]
    records: tuple[MergeRecord, ...]
    aliases: tuple[Row, ...]
    import_log: tuple[Row, ...]
    labels: Mapping[Key, str]
    names: Mapping[str, str]  # municipality NIS codes and row uuids -> what users read
    mine_ids: Mapping[str, frozenset[str]]  # uuids of regions, calls, decisions here
    touched: tuple[Mapping[Key, Touch], Mapping[Key, Touch]]
    children: Mapping[Key, tuple[Key, ...]]  # what goes with a parent one side deleted

    @property
    def conflicts(self) -> list[Conflict]:
        """The conflicts found row by row (rule conflicts come with a resolution)."""
        return [c for merge in self.rows.values() for c in merge.conflicts]

    def version(self, key: Key, side: str) -> Row | None:
        """A row as mine or theirs has it (rows the plan decides first, then the rule checks' context)."""
        if key in self.rows:
            row = self.rows[key].mine if side == "mine" else self.rows[key].theirs
            return dict(row) if row is not None else None
        mine, theirs = self.context.get(key, (None, None))
        return mine if side == "mine" else theirs


def _identities(entry: HistoryEntry) -> list[str]:
    """The rows an entry is about: one, except an import's entry for a decision's whole member set (field
    ``municipality_nis``, the NIS codes as a JSON list), which stands for each of those member rows."""
    if entry.entity == "municipality":
        return [entry.row_key]
    if entry.entity == "decision_member":
        if not entry.row_uuid:
            return []
        if entry.field == "municipality_nis":
            return [f"{entry.row_uuid}/{nis}" for nis in json.loads(str(entry.new_value or "[]"))]
        return [f"{entry.row_uuid}/{entry.row_key.split('/')[-1]}"]
    return [entry.row_uuid] if entry.row_uuid else []


def _old_value(reader: CopyReader, table: str, column: str, value: object) -> object:
    target = FOREIGN.get((table, column))
    if target is None or value is None:
        return value
    return reader.uuid_of[target].get(int(str(value)), MISSING)


def touches(reader: CopyReader, entries: Iterable[HistoryEntry], ignored: set[str]) -> dict[Key, Touch]:
    """What a copy changed per row, from its entries the other copy does not know (a merge's carried
    transactions left out: they only repeat another copy's entries)."""
    result: dict[Key, Touch] = {}
    for entry in entries:
        if entry.tx in ignored or entry.entity not in COLUMNS:
            continue
        for identity in _identities(entry):
            _touch(result.setdefault((entry.entity, identity), Touch()), reader, entry)
    return result


def _touch(touch: Touch, reader: CopyReader, entry: HistoryEntry) -> None:
    stamp = Stamp(entry.at, entry.who)
    if entry.action == "insert":
        touch.inserted = stamp
    elif entry.action == "delete":
        touch.deleted = stamp
    elif entry.action == "update" and entry.field in COLUMNS[entry.entity]:
        column = entry.field
        found = touch.fields.get(column)
        if found is None:
            touch.fields[column] = FieldTouch(_old_value(reader, entry.entity, column, entry.old_value), stamp)
        else:
            found.stamp = stamp


@dataclass(slots=True)
class _Sides:
    mine: CopyReader
    theirs: CopyReader
    alias: dict[str, str] = field(default_factory=dict)  # THEIRS uuid -> mine's uuid (same natural key)

    def theirs_rows(self, table: str, identities: Iterable[str]) -> dict[str, Row]:
        wanted = [self.theirs_identity(table, i) for i in identities]
        return {self.mine_identity(table, i): self.translate(table, row)
                for i, row in self.theirs.rows(table, wanted).items()}

    def mine_identity(self, table: str, identity: str) -> str:
        """THEIRS's identity of a row as this copy names it (a decision's member follows its decision)."""
        if table == "decision_member":
            decision, nis = identity.split("/")
            return f"{self.alias.get(decision, decision)}/{nis}"
        return self.alias.get(identity, identity)

    def theirs_identity(self, table: str, identity: str) -> str:
        """This copy's identity of a row as THEIRS names it."""
        back = {v: k for k, v in self.alias.items()}
        if table == "decision_member":
            decision, nis = identity.split("/")
            return f"{back.get(decision, decision)}/{nis}"
        return back.get(identity, identity)

    def translate(self, table: str, row: Row) -> Row:
        if not self.alias:
            return row
        for column in row:
            if column == "uuid" or (table, column) in FOREIGN:
                row[column] = self.alias.get(str(row[column]), row[column]) if row[column] is not None else None
        return row


def plan_merge(repository: Repository, theirs_path: Path) -> MergePlan:
    """The dry run of merging ``theirs_path`` into the repository's file; writes nothing anywhere."""
    _refuse_same_file(repository.path, theirs_path)
    with read_theirs(theirs_path) as conn:
        sides = _Sides(CopyReader.of(repository), CopyReader(conn))
        return _plan(sides, theirs_path)


def plan_merge_of_files(mine_path: Path, theirs_path: Path) -> MergePlan:
    """The same dry run on read-only connections of its own, one consistent read of each file: for a thread
    other than the one that holds the repository (SQLite connections stay in the thread that opened them)."""
    _refuse_same_file(mine_path, theirs_path)
    with read_only(mine_path) as mine, read_theirs(theirs_path) as theirs:
        return _plan(_Sides(CopyReader(mine), CopyReader(theirs)), theirs_path)


def _refuse_same_file(mine_path: Path | None, theirs_path: Path) -> None:
    """By device and inode: a symlink or a hard link to MINE is MINE (a second name for one file in WAL mode is a
    documented way to corrupt it)."""
    if mine_path is not None and theirs_path.exists() and os.path.samefile(mine_path, theirs_path):
        raise SameFileError(theirs_path)


class _Past(NamedTuple):
    """What the two copies' histories say: how much they share and what each changed since."""

    shared: int
    entries: list[HistoryEntry]  # THEIRS's entries this file does not know
    carried: dict[str, str]
    records: list[MergeRecord]
    mine_touch: dict[Key, Touch]
    theirs_touch: dict[Key, Touch]


def _common_past(sides: _Sides) -> _Past:
    mine_uuids = set(sides.mine.entry_uuids())
    theirs_uuids = sides.theirs.entry_uuids()
    shared = sum(1 for u in theirs_uuids if u in mine_uuids)
    entries = sides.theirs.entries_unknown_to(mine_uuids)
    mine_carried = merge_log.carried_transactions(sides.mine.conn)
    theirs_carried = merge_log.carried_transactions(sides.theirs.conn)
    carried = {tx: m for tx, m in theirs_carried.items() if tx not in mine_carried}
    known_records = {r.uuid for r in merge_log.records(sides.mine.conn)}
    records = [r for r in merge_log.records(sides.theirs.conn) if r.uuid not in known_records]
    if shared == 0:  # no common past: every difference is a choice, nothing was "changed since"
        return _Past(shared, entries, carried, records, {}, {})
    ignored = set(mine_carried) | set(theirs_carried)
    mine_touch = touches(sides.mine, sides.mine.entries_unknown_to(set(theirs_uuids)), ignored)
    return _Past(shared, entries, carried, records, mine_touch, touches(sides.theirs, entries, ignored))


def _plan(sides: _Sides, path: Path) -> MergePlan:
    past = _common_past(sides)
    two_way = past.shared == 0
    _match_natural_keys(sides, None if two_way else set(past.mine_touch) | set(past.theirs_touch))
    mine_touch = past.mine_touch
    theirs_touch = {(t, sides.mine_identity(t, i)): v for (t, i), v in past.theirs_touch.items()}
    wanted = None if two_way else set(mine_touch) | set(theirs_touch)
    names = _names(sides)
    rows, labels = _decide(sides, wanted, mine_touch, theirs_touch, names, two_way=two_way)
    around = _Around(sides, rows)
    _load_children(around)
    _load_context(around)
    aliases, import_log = _unions(sides)
    return MergePlan(
        source=path, source_uuid=sides.theirs.file_uuid, two_way=two_way, shared_entries=past.shared,
        rows=MappingProxyType(rows), context=MappingProxyType(around.context), entries=tuple(past.entries),
        carried=MappingProxyType(past.carried), records=tuple(past.records), aliases=aliases,
        import_log=import_log, labels=MappingProxyType(labels), names=MappingProxyType(names),
        mine_ids=MappingProxyType({table: frozenset(ids) for table, ids in sides.mine.id_of.items()}),
        touched=(MappingProxyType(mine_touch), MappingProxyType(theirs_touch)),
        children=MappingProxyType({key: tuple(found) for key, found in around.children.items()}))


def _match_natural_keys(sides: _Sides, wanted: set[Key] | None) -> None:
    """An open call with the same name, a regiegebied with the same name, a decision of the same call and
    collaboration, a membership of the same regiegebied, municipality and start: one row, not two (the same
    decisions file imported into both copies makes each of them on both sides)."""
    for table, natural in (("open_call", ("name",)), ("region", ("name",)),
                           ("subsidy_decision", ("call_id", "collaboration_key")),
                           ("membership", ("region_id", "municipality_nis", "valid_from"))):
        theirs = (sides.theirs.all_rows(table) if wanted is None
                  else sides.theirs.rows(table, [i for t, i in wanted if t == table]))
        mine_rows = sides.mine.all_rows(table)
        candidates = {i: sides.translate(table, r) for i, r in theirs.items() if i not in mine_rows}
        if not candidates:
            continue
        mine = {tuple(r[c] for c in natural): i for i, r in mine_rows.items()}
        theirs_ids = sides.theirs.id_of.get(table) or sides.theirs.all_rows(table)
        for identity, row in candidates.items():
            match = mine.get(tuple(row[c] for c in natural))
            if match is not None and match not in theirs_ids:
                sides.alias[identity] = match


def _decide(sides: _Sides, wanted: set[Key] | None, mine_touch: Mapping[Key, Touch],
            theirs_touch: Mapping[Key, Touch], names: Mapping[str, str], *, two_way: bool,
            ) -> tuple[dict[Key, RowMerge], dict[Key, str]]:
    """The rows that change or conflict, and what users call every row looked at."""
    loaded_mine: dict[str, dict[str, Row]] = {}
    loaded_theirs: dict[str, dict[str, Row]] = {}
    for table in TABLES:
        if wanted is None:
            loaded_mine[table] = sides.mine.all_rows(table)
            loaded_theirs[table] = {sides.mine_identity(table, i): sides.translate(table, r)
                                    for i, r in sides.theirs.all_rows(table).items()}
        else:
            identities = sorted(i for t, i in wanted if t == table)
            loaded_mine[table] = sides.mine.rows(table, identities)
            loaded_theirs[table] = sides.theirs_rows(table, identities)
    children = _children_changed(loaded_mine, loaded_theirs, mine_touch, theirs_touch)
    matched = set(sides.alias.values())  # decisions (calls, regiegebieden) both copies made on their own
    rows: dict[Key, RowMerge] = {}
    labels: dict[Key, str] = {}
    for table in TABLES:
        mine_rows, theirs_rows = loaded_mine[table], loaded_theirs[table]
        present = set(mine_rows) | set(theirs_rows) if wanted is None else {i for t, i in wanted if t == table}
        for identity in sorted(present):
            key = (table, identity)
            label = labels[key] = row_label(table, mine_rows.get(identity) or theirs_rows.get(identity), identity,
                                            names)
            merge = merge_row(table, identity, mine_rows.get(identity), theirs_rows.get(identity),
                              mine_touch.get(key), theirs_touch.get(key), two_way=two_way,
                              children_changed=(key in children[0], key in children[1]), label=label)
            if table == "decision_member" and identity.split("/")[0] in matched:
                _member_of_a_shared_decision(merge, mine_touch.get(key), theirs_touch.get(key), label)
            if merge.incoming or merge.conflicts:
                rows[key] = merge
    return rows, labels


def _member_of_a_shared_decision(merge: RowMerge, mine_touch: Touch | None, theirs_touch: Touch | None,
                                 label: str) -> None:
    """Both copies imported the same decision: a member only one of them has is a difference of the decision's
    member set, a conflict like a differing amount (not a row simply added on one side)."""
    if merge.conflicts or (merge.mine is None) == (merge.theirs is None):
        return
    if any(touch is not None and touch.deleted is not None for touch in (mine_touch, theirs_touch)):
        return  # a member taken out on purpose (or a choice recorded so): an ordinary delete
    merge.insert = merge.delete = False
    merge.conflicts.append(Conflict(conflict_key(merge.table, merge.row, None), ConflictKind.ONLY, merge.table,
                                    merge.row, None, merge.mine, merge.theirs,
                                    mine_touch.latest() if mine_touch else Stamp(),
                                    theirs_touch.latest() if theirs_touch else Stamp(), label))


@dataclass(slots=True)
class _Around:
    """What the plan reads beside its rows, gathered before the plan is made: both versions of the rows the rule
    checks read (``context``), and the rows that go with a parent one side deleted (``children``)."""

    sides: _Sides
    rows: Mapping[Key, RowMerge]
    context: dict[Key, tuple[Row | None, Row | None]] = field(default_factory=dict)
    children: dict[Key, list[Key]] = field(default_factory=dict)

    def add(self, table: str, identities: Sequence[str]) -> None:
        """Both versions of rows not read yet."""
        todo = [i for i in identities if (table, i) not in self.rows and (table, i) not in self.context]
        mine, theirs = self.sides.mine.rows(table, todo), self.sides.theirs_rows(table, todo)
        for identity in todo:
            self.context[(table, identity)] = (mine.get(identity), theirs.get(identity))


def _load_children(around: _Around) -> None:
    """The rows that went with a regiegebied, call or decision that one side deleted while the other changed it
    (a delete-against-change conflict), as both sides have them: keeping the parent keeps them too."""
    for merge in around.rows.values():
        for conflict in merge.conflicts:
            if conflict.kind is ConflictKind.DELETED and conflict.table in _PARENTS:
                _collect_children(around, conflict.table, conflict.row)


def _collect_children(around: _Around, table: str, identity: str) -> None:
    sides = around.sides
    for child, column in _PARENTS[table]:
        found: set[str] = set()
        for reader, own in ((sides.mine, identity), (sides.theirs, sides.theirs_identity(table, identity))):
            local = reader.id_of[table].get(own)
            if local is not None:
                named = reader.identities_where(child, column, [local])
                found |= {sides.mine_identity(child, i) if reader is sides.theirs else i for i in named}
        around.add(child, sorted(found))
        around.children.setdefault((table, identity), []).extend((child, i) for i in sorted(found))
        for grandchild in sorted(found) if child in _PARENTS else ():
            _collect_children(around, child, grandchild)


def _children_changed(mine: Mapping[str, Mapping[str, Row]], theirs: Mapping[str, Mapping[str, Row]],
                      mine_touch: Mapping[Key, Touch], theirs_touch: Mapping[Key, Touch]) -> tuple[set[Key], set[Key]]:
    """Per side, the parents (regiegebieden, calls, decisions) whose rows that side added or changed."""
    result: tuple[set[Key], set[Key]] = (set(), set())
    for side, (rows, touched) in enumerate(((mine, mine_touch), (theirs, theirs_touch))):
        for parent, links in _PARENTS.items():
            for child, column in links:
                for identity, row in rows.get(child, {}).items():
                    touch = touched.get((child, identity))
                    if touch is not None and (touch.inserted or touch.fields) and row.get(column) is not None:
                        result[side].add((parent, str(row[column])))
    return result


def row_label(table: str, row: Mapping[str, Any] | None, identity: str, names: Mapping[str, str]) -> str:
    """What users call a row: a name, or the municipality and regiegebied of a membership or agreement."""
    if row is None:
        return names.get(identity, identity)
    for column in ("name", "name_nl", "collaboration"):
        if row.get(column):
            return str(row[column])
    if table in ("membership", "agreement"):
        parts = [names.get(str(row[c]), str(row[c])) for c in ("municipality_nis", "region_id") if row.get(c)]
        return " · ".join(parts) or identity
    if table == "decision_member":
        decision, nis = identity.split("/")
        return f"{names.get(decision, decision)} · {names.get(nis, nis)}"
    return identity


def _names(sides: _Sides) -> dict[str, str]:
    return sides.theirs.display_names() | sides.mine.display_names()  # this file's names win


def _load_context(around: _Around) -> None:
    """Both versions of the rows the rule checks read: every membership of a municipality whose memberships
    change, the agreements of changing regiegebieden, the partners of changing agreements."""
    sides = around.sides
    nis: set[str] = set()
    regions: set[str] = set()
    for (table, _identity), merge in around.rows.items():
        for row in (merge.mine, merge.theirs):
            if row is None:
                continue
            if table == "membership":
                nis.add(str(row["municipality_nis"]))
            elif table == "agreement" and row["region_id"] is not None:
                regions.add(str(row["region_id"]))
        if table == "region":
            regions.add(_identity)
    _context(around, "membership", "municipality_nis", sorted(nis))
    region_ids = sorted(sides.mine.id_of["region"][u] for u in regions if u in sides.mine.id_of["region"])
    _context(around, "agreement", "region_id", region_ids, sorted(
        sides.theirs.id_of["region"][u] for u in regions if u in sides.theirs.id_of["region"]))
    around.add("region", sorted(regions))


def _context(around: _Around, table: str, column: str, values: Sequence[object],
             theirs_values: Sequence[object] | None = None) -> None:
    sides = around.sides
    identities = set(sides.mine.identities_where(table, column, values))
    identities |= {sides.mine_identity(table, i) for i in sides.theirs.identities_where(
        table, column, values if theirs_values is None else theirs_values)}
    around.add(table, sorted(identities))


def _unions(sides: _Sides) -> tuple[tuple[Row, ...], tuple[Row, ...]]:
    """Accepted spellings and import log lines are only ever added: THEIRS's new ones come in."""
    mine_aliases = sides.mine.aliases()
    aliases = tuple(row for key, row in sorted(sides.theirs.aliases().items()) if key not in mine_aliases)
    mine_log = sides.mine.import_log()
    import_log = []
    for key, row in sorted(sides.theirs.import_log().items()):
        if key not in mine_log:
            row["call_id"] = sides.alias.get(row["call_id"], row["call_id"]) if row["call_id"] else None
            import_log.append(row)
    return aliases, tuple(import_log)


def by_table(keys: Iterable[Key]) -> dict[str, list[str]]:
    """Identities grouped per table."""
    result: dict[str, list[str]] = defaultdict(list)
    for table, identity in keys:
        result[table].append(identity)
    return result
