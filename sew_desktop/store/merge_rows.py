"""SQL of a merge: one copy's rows in portable form (foreign keys as uuids), its history entries, and the
writes that bring another copy's rows in (inside the repository's transaction)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sew_desktop.domain import validation
from sew_desktop.store import history, merge_log
from sew_desktop.store.database import inspect_file
from sew_desktop.store.errors import UnsafeDatabaseError
from sew_desktop.store.history import HistoryEntry
from sew_desktop.store.mapping import PRIMARY_KEY, Entity
from sew_desktop.store.repository import Repository
from sew_desktop.store.rows import now_iso
from sew_desktop.store.untrusted import open_untrusted
from sew_desktop.store.writes import Key, Writer

# Table -> the columns a merge compares (ids and bookkeeping left out; FKs become the referenced uuid).
COLUMNS: dict[str, tuple[str, ...]] = {
    "municipality": ("name_nl", "name_fr", "province_nis", "arrondissement_nis", "valid_from", "valid_to",
                     "successor_nis", "vdab_contact", "contacts", "notes"),
    "open_call": ("uuid", "name", "period_start", "period_end", "deadline"),
    "region": ("uuid", "name", "kind", "province_nis", "valid_from", "valid_to", "notes"),
    "subsidy_decision": ("uuid", "call_id", "collaboration", "collaboration_key", "region_id",
                         "lead_municipality_nis", "outcome", "amount_cents", "amount_is_annual", "decision_date"),
    "membership": ("uuid", "region_id", "municipality_nis", "valid_from", "valid_to"),
    "agreement": ("uuid", "municipality_nis", "region_id", "negotiation_started", "expected_signing", "signed",
                  "ended", "vdab_contact", "notes"),
    "decision_member": ("decision_id", "municipality_nis"),
}
INSERT_ORDER = ("open_call", "region", "subsidy_decision", "membership", "agreement", "decision_member")
FOREIGN: dict[tuple[str, str], str] = {
    ("subsidy_decision", "call_id"): "open_call", ("subsidy_decision", "region_id"): "region",
    ("membership", "region_id"): "region", ("agreement", "region_id"): "region",
    ("decision_member", "decision_id"): "subsidy_decision", ("import_log", "call_id"): "open_call",
}
BY_UUID = ("open_call", "region", "subsidy_decision", "membership", "agreement")
_REFERENCED = ("open_call", "region", "subsidy_decision")
_CHUNK = 500
Row = dict[str, Any]


def _chunks(items: Sequence[Any]) -> Iterator[list[Any]]:
    for start in range(0, len(items), _CHUNK):
        yield list(items[start:start + _CHUNK])


@contextmanager
def read_only(path: Path) -> Iterator[sqlite3.Connection]:
    """MINE (our own open file) read-only, refused like an open: nothing can change it."""
    inspect_file(path)
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=5.0)
    try:
        conn.execute("BEGIN")  # one consistent read of the whole file, even while its owner writes
        yield conn
    finally:
        conn.close()


@contextmanager
def read_theirs(path: Path) -> Iterator[sqlite3.Connection]:
    """THEIRS, a file from outside: through the gate (see :mod:`sew_desktop.store.untrusted`), then within the
    merge's limits on rows, text and types before a row is read for the merge."""
    with open_untrusted(path) as conn:
        refuse_over_limits(path, conn)
        conn.execute("BEGIN")
        yield conn


MAX_ROWS = 50_000  # per table: above the 100x demo set's 40,000 agreements (a real file holds about 300)
MAX_HISTORY = 250_000  # entries: two and a half times the 100x demo set's
MAX_TABLE_TEXT = 10 * 1024 * 1024  # characters of text in one table
MAX_ENTRY_TEXT = 100_000  # one history value: a deleted row as JSON
MAX_HISTORY_TEXT = 50 * 1024 * 1024  # every history value together
MAX_TEXT = validation.MAX_TEXT  # characters in one cell, as the decisions import and the tables
_DATES = frozenset({"valid_from", "valid_to", "negotiation_started", "expected_signing", "signed", "ended",
                    "period_start", "period_end", "deadline", "decision_date"})
_INTEGERS = frozenset({"call_id", "region_id", "decision_id", "amount_cents", "amount_is_annual"})


def _expected_kind(column: str) -> str:
    if column in _DATES:
        return "a date (YYYY-MM-DD)"
    return "a whole number" if column in _INTEGERS else f"a text of at most {MAX_TEXT:,} characters"


def _bad_value(column: str) -> str:
    """SQL that is true when ``column`` holds what our schema cannot (a blob, a word for a date, a long text)."""
    if column in _DATES:
        return f"({column} IS NOT NULL AND (typeof({column}) <> 'text' OR date({column}) IS NOT {column}))"
    if column in _INTEGERS:
        return f"({column} IS NOT NULL AND typeof({column}) <> 'integer')"
    return f"({column} IS NOT NULL AND (typeof({column}) <> 'text' OR length({column}) > {MAX_TEXT}))"


def _text_columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [str(r[1]) for r in conn.execute(f"PRAGMA table_info({table})").fetchall() if "TEXT" in str(r[2]).upper()]


def _refuse_history_over_limits(path: Path, conn: sqlite3.Connection) -> None:
    entries, longest, total, blobs = conn.execute(
        "SELECT count(*), coalesce(max(max(coalesce(length(old_value), 0), coalesce(length(new_value), 0))), 0),"
        " coalesce(sum(coalesce(length(old_value), 0) + coalesce(length(new_value), 0)), 0),"
        " coalesce(sum(typeof(old_value) = 'blob' OR typeof(new_value) = 'blob'), 0) FROM change_history").fetchone()
    if entries > MAX_HISTORY:
        raise UnsafeDatabaseError(path, f"{entries:,} history entries (at most {MAX_HISTORY:,} are merged)")
    if blobs or longest > MAX_ENTRY_TEXT or total > MAX_HISTORY_TEXT:
        raise UnsafeDatabaseError(path, "history values that are not what SEW Desktop records (binary, or longer"
                                        f" than {MAX_ENTRY_TEXT:,} characters, or {total:,} in all)")


def refuse_over_limits(path: Path, conn: sqlite3.Connection) -> None:
    """One line naming the first table, column and row over a limit or of a wrong type; then the file's own
    foreign keys (an agreement with a municipality the file does not have)."""
    counts = {table: int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]) for table in COLUMNS}
    for table, count in counts.items():
        if count > MAX_ROWS:
            raise UnsafeDatabaseError(path, f"{count:,} rows in {table} (at most {MAX_ROWS:,} are merged)")
    if history.has_history(conn):
        _refuse_history_over_limits(path, conn)
    for extra in ("municipality_alias", "import_log"):
        count = int(conn.execute(f"SELECT count(*) FROM {extra}").fetchone()[0])
        longest = max((int(conn.execute(f"SELECT coalesce(max(length({c})), 0) FROM {extra}").fetchone()[0])
                       for c in _text_columns(conn, extra)), default=0)
        if count > MAX_ROWS or longest > MAX_TEXT:
            raise UnsafeDatabaseError(path, f"{extra}: {count:,} rows, a text of {longest:,} characters (at most"
                                            f" {MAX_ROWS:,} rows and {MAX_TEXT:,} characters)")
    for table, columns in COLUMNS.items():
        lengths = " + ".join(f"coalesce(length({c}), 0)" for c in columns if c not in _DATES and c not in _INTEGERS)
        total = int(conn.execute(f"SELECT coalesce(sum({lengths or '0'}), 0) FROM {table}").fetchone()[0])
        if total > MAX_TABLE_TEXT:
            raise UnsafeDatabaseError(path, f"{total:,} characters of text in {table} (at most {MAX_TABLE_TEXT:,})")
        names = [c for c in columns if c not in ("uuid",)] + ["uuid"] * ("uuid" in columns)
        found = conn.execute(f"SELECT rowid, {', '.join(_bad_value(c) for c in names)} FROM {table}"
                             f" WHERE {' OR '.join(_bad_value(c) for c in names)} LIMIT 1").fetchone()
        if found is not None:
            column = names[[bool(v) for v in found[1:]].index(True)]
            raise UnsafeDatabaseError(path, f"{table} row {found[0]}, {column}: not {_expected_kind(column)}")
    broken = conn.execute("PRAGMA foreign_key_check").fetchone()
    if broken is not None:
        raise UnsafeDatabaseError(path, f"{broken[0]} row {broken[1]} refers to a {broken[2]} the file does not have")


class CopyReader:
    """One copy's rows and history through a connection (mine's or theirs'), with its ids ↔ uuids."""

    @classmethod
    def of(cls, repository: Repository) -> CopyReader:
        """The open file's rows as the repository's connection reads them (inside a transaction: with its
        writes so far)."""
        return cls(repository.connection)

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.uuid_of: dict[str, dict[int, str]] = {}
        self.id_of: dict[str, dict[str, int]] = {}
        for table in _REFERENCED:
            pairs = conn.execute(f"SELECT id, uuid FROM {table}").fetchall()
            self.uuid_of[table] = {int(i): str(u) for i, u in pairs}
            self.id_of[table] = {str(u): int(i) for i, u in pairs}
        self.has_history = history.has_history(conn)
        self._index: list[tuple[int, str]] | None = None
        self.file_uuid = merge_log.file_uuid(conn)

    # -- history -----------------------------------------------------------------------------------

    def _entry_index(self) -> list[tuple[int, str]]:
        if self._index is None:
            self._index = [] if not self.has_history else [
                (int(i), str(u)) for i, u in self.conn.execute("SELECT id, uuid FROM change_history ORDER BY id")]
        return self._index

    def entry_uuids(self) -> list[str]:
        """Every history entry's uuid, oldest first."""
        return [u for _, u in self._entry_index()]

    def entries_unknown_to(self, known: set[str]) -> list[HistoryEntry]:
        """The entries whose uuid is not in ``known`` (the other copy's), oldest first. Only those are read in
        full: two copies usually share most of their history."""
        index = self._entry_index()
        ids = [i for i, u in index if u not in known]
        columns = "uuid, at, who, why, entity, row_key, row_uuid, action, field, old_value, new_value, id, tx"
        if len(ids) > len(index) // 4:  # most of it: one pass is cheaper than many lookups
            cursor = self.conn.execute(f"SELECT {columns} FROM change_history ORDER BY id")
            return [HistoryEntry(*row) for row in cursor if row[0] not in known]
        found: list[HistoryEntry] = []
        for chunk in _chunks(ids):
            marks = ", ".join("?" * len(chunk))
            found += [HistoryEntry(*row) for row in self.conn.execute(
                f"SELECT {columns} FROM change_history WHERE id IN ({marks}) ORDER BY id", chunk)]
        return found

    # -- rows --------------------------------------------------------------------------------------

    def portable(self, table: str, row: Mapping[str, Any]) -> Row:
        """A stored row with its foreign keys as the referenced uuid."""
        result = {}
        for column in COLUMNS[table]:
            value = row[column]
            target = FOREIGN.get((table, column))
            if target is not None and value is not None:
                value = self.uuid_of[target].get(int(value), f"?{value}")
            result[column] = value
        return result

    def identity(self, table: str, row: Mapping[str, Any]) -> str:
        """The row's name in every copy: its uuid, a NIS code, or decision uuid/NIS for a decision member."""
        if table == "municipality":
            return str(row["nis_code"])
        if table == "decision_member":
            return f"{self.uuid_of['subsidy_decision'].get(int(row['decision_id']), '?')}/{row['municipality_nis']}"
        return str(row["uuid"])

    def _select(self, sql: str, params: Sequence[object] = ()) -> list[Row]:
        cursor = self.conn.execute(sql, list(params))
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, values, strict=True)) for values in cursor.fetchall()]

    def stored_rows(self, table: str, column: str, keys: Sequence[object]) -> list[Row]:
        """Rows as stored whose ``column`` is one of ``keys``."""
        rows: list[Row] = []
        for chunk in _chunks(list(keys)):
            rows += self._select(f"SELECT * FROM {table} WHERE {column} IN ({', '.join('?' * len(chunk))})", chunk)
        return rows

    def rows(self, table: str, identities: Iterable[str]) -> dict[str, Row]:
        """Portable rows by identity (those that exist)."""
        wanted = list(identities)
        if table == "municipality":
            stored = self.stored_rows(table, "nis_code", wanted)
        elif table == "decision_member":
            ids = {self.id_of["subsidy_decision"].get(i.split("/")[0]) for i in wanted} - {None}
            stored = self.stored_rows(table, "decision_id", sorted(ids))  # type: ignore[type-var]
        else:
            stored = self.stored_rows(table, "uuid", wanted)
        found = {self.identity(table, row): self.portable(table, row) for row in stored}
        return {key: found[key] for key in wanted if key in found}

    def all_rows(self, table: str) -> dict[str, Row]:
        """Every row of a table, portable, by identity."""
        return {self.identity(table, row): self.portable(table, row) for row in self._select(f"SELECT * FROM {table}")}

    def identities_where(self, table: str, column: str, values: Sequence[object]) -> list[str]:
        """Identities of the rows whose ``column`` (stored form) is one of ``values``."""
        return [self.identity(table, row) for row in self.stored_rows(table, column, values)]

    def display_names(self) -> dict[str, str]:
        """What users read for a municipality's NIS code and for the uuid of a regiegebied, decision or call."""
        names: dict[str, str] = {}
        for table, column, key in (("municipality", "name_nl", "nis_code"), ("region", "name", "uuid"),
                                   ("subsidy_decision", "collaboration", "uuid"), ("open_call", "name", "uuid")):
            names |= {str(k): str(v) for k, v in self.conn.execute(f"SELECT {key}, {column} FROM {table}")}
        return names

    def aliases(self) -> dict[str, Row]:
        """Accepted municipality spellings by key."""
        return {str(r["alias_key"]): r for r in self._select("SELECT * FROM municipality_alias")}

    def import_log(self) -> dict[tuple[str, str, str, str], Row]:
        """Import log lines by (file, hash, when, who), their call as a uuid."""
        result = {}
        for row in self._select("SELECT * FROM import_log"):
            call = row["call_id"]
            row["call_id"] = None if call is None else self.uuid_of["open_call"].get(int(call))
            result[(row["file_name"], row["sha256"], row["imported_at"], row["user"])] = row
        return result


# -- writes (inside the repository's transaction) ----------------------------------------------------


def local(db_reader: CopyReader, table: str, row: Mapping[str, Any]) -> Row:
    """A portable row in this file's ids (the referenced rows must exist here)."""
    result = dict(row)
    for column, value in row.items():
        target = FOREIGN.get((table, column))
        if target is not None and value is not None:
            result[column] = db_reader.id_of[target][str(value)]
    return result


def insert_row(tx: Writer, reader: CopyReader, table: str, row: Mapping[str, Any]) -> Row:
    """Insert a portable row; returns it as stored (with its new id). A new referenced row is remembered."""
    values = local(reader, table, row)
    if table != "decision_member":
        values["updated_at"] = now_iso()
    cursor = tx.execute(f"INSERT INTO {table} ({', '.join(values)}) VALUES ({', '.join('?' * len(values))})",
                        list(values.values()))
    if table != "decision_member":  # its key is its decision and municipality
        values["id"] = int(cursor.lastrowid or 0)
    if table in _REFERENCED:
        reader.uuid_of[table][values["id"]] = str(row["uuid"])
        reader.id_of[table][str(row["uuid"])] = values["id"]
    return values


def entity_keys(stored: Iterable[tuple[str, Mapping[str, Any]]]) -> dict[Entity, set[Key]]:
    """The keys change notifications name for rows as stored, per entity; a decision's member row is named by
    its decision (members are no entity of their own: the decision shows them)."""
    found: dict[Entity, set[Key]] = {}
    for table, row in stored:
        if table == "decision_member":
            found.setdefault(Entity.SUBSIDY_DECISION, set()).add(row["decision_id"])
        else:
            entity = Entity(table)
            found.setdefault(entity, set()).add(row[PRIMARY_KEY[entity]])
    return found


def key_of(reader: CopyReader, table: str, identity: str) -> tuple[str, ...]:
    """The WHERE columns and values that find a row by identity in this file."""
    if table == "municipality":
        return ("nis_code", identity)
    if table == "decision_member":
        decision, nis = identity.split("/")
        return ("decision_id", str(reader.id_of["subsidy_decision"][decision]), "municipality_nis", nis)
    return ("uuid", identity)


def _where(key: tuple[str, ...]) -> tuple[str, list[str]]:
    columns, values = key[0::2], key[1::2]
    return " AND ".join(f"{c} = ?" for c in columns), list(values)


def record_settled(tx: Writer, reader: CopyReader, table: str, identity: str, *, kept: bool = False,
                   fields: Mapping[str, tuple[Any, Any]] | None = None, stamp: tuple[str, str] = ("", "")) -> None:
    """History entries saying that this copy's version of a row was chosen over the other copy's: ``kept`` (the
    row stays although the other copy deleted it: an insert entry) and ``fields`` (column → (their portable value,
    the value kept): update entries), dated ``stamp`` (when and who of the kept change, so that "the newer change"
    decides later merges as it would have without this one). Written in the merge's own transaction, a later
    merge of either copy sees them as this copy's change, so the conflict does not come back."""
    where, params = _where(key_of(reader, table, identity))
    where = " AND ".join(f"r.{part}" for part in where.split(" AND "))
    if kept:
        history.record(tx, table, where, params, "insert", stamp=stamp)
    for column, (theirs, mine) in (fields or {}).items():
        old, new = (local(reader, table, {column: value})[column] if value is not None else None
                    for value in (theirs, mine))
        history.record(tx, table, where, params, "update", column, old, new, stamp=stamp)


def record_not_taken(tx: Writer, table: str, identity: str, theirs: Row, stamp: tuple[str, str]) -> None:
    """A delete entry for THEIRS's row that this copy chose not to take in: the next merge of either copy sees this
    copy's choice (the row goes there too), not a row "on one side only"."""
    if table == "municipality":
        return
    if table == "decision_member":
        decision, nis = identity.split("/")
        row_key, row_uuid = f"/{nis}", decision
    else:
        row_key, row_uuid = "", identity
    history.record_gone(tx, table, row_key, row_uuid, json.dumps(dict(theirs), default=str), stamp)


def stored_row(tx: Writer, reader: CopyReader, table: str, identity: str) -> Row | None:
    """The row as stored now (every column), or None."""
    where, params = _where(key_of(reader, table, identity))
    cursor = tx.execute(f"SELECT * FROM {table} WHERE {where}", params)
    names = [d[0] for d in cursor.description]
    found = cursor.fetchone()
    return dict(zip(names, found, strict=True)) if found else None


# What a delete of a row takes along (ON DELETE CASCADE) or whose link to it it clears (ON DELETE SET NULL).
_DEPENDENTS = {"region": (("membership", "region_id"), ("agreement", "region_id"), ("subsidy_decision", "region_id")),
               "open_call": (("subsidy_decision", "call_id"), ("import_log", "call_id")),
               "subsidy_decision": (("decision_member", "decision_id"),)}


def dependent_rows(tx: Writer, table: str, stored: Mapping[str, Any]) -> list[tuple[str, Row]]:
    """The rows a delete of ``stored`` takes along or whose link it clears, as they are now, each after its own
    dependents (the order the undo puts them back in reverse)."""
    found: list[tuple[str, Row]] = []
    for child, column in _DEPENDENTS.get(table, ()):
        cursor = tx.execute(f"SELECT * FROM {child} WHERE {column} = ?", [stored["id"]])
        names = [d[0] for d in cursor.description]
        for values in cursor.fetchall():
            row = dict(zip(names, values, strict=True))
            found += dependent_rows(tx, child, row)
            found.append((child, row))
    return found


def update_row(tx: Writer, reader: CopyReader, table: str, identity: str, values: Mapping[str, Any]) -> None:
    """Set portable values on one row."""
    stored = local(reader, table, values)
    where, params = _where(key_of(reader, table, identity))
    assignments = ", ".join(f"{c} = ?" for c in stored) + ", updated_at = ?"
    tx.execute(f"UPDATE {table} SET {assignments} WHERE {where}", [*stored.values(), now_iso(), *params])


def delete_row(tx: Writer, reader: CopyReader, table: str, identity: str) -> None:
    """Delete one row."""
    where, params = _where(key_of(reader, table, identity))
    tx.execute(f"DELETE FROM {table} WHERE {where}", params)


def put_back(tx: Writer, table: str, rows: Sequence[Mapping[str, Any]]) -> None:
    """Rows as they were stored (same ids), over what is there now (undo). An UPDATE where the row exists:
    replacing a regiegebied would take its memberships along (ON DELETE CASCADE)."""
    for row in rows:
        if table == "decision_member":
            tx.execute("INSERT OR IGNORE INTO decision_member (decision_id, municipality_nis) VALUES (?, ?)",
                       [row["decision_id"], row["municipality_nis"]])
            continue
        key = "nis_code" if table == "municipality" else "id"
        columns = [c for c in row if c != key]
        cursor = tx.execute(f"UPDATE {table} SET {', '.join(f'{c} = ?' for c in columns)} WHERE {key} = ?",
                            [*(row[c] for c in columns), row[key]])
        if cursor.rowcount == 0:
            tx.execute(f"INSERT INTO {table} ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
                       list(row.values()))


def delete_stored(tx: Writer, table: str, rows: Sequence[Mapping[str, Any]]) -> None:
    """Delete rows by their stored key (undo of inserts)."""
    for row in rows:
        if table == "decision_member":
            tx.execute("DELETE FROM decision_member WHERE decision_id = ? AND municipality_nis = ?",
                       [row["decision_id"], row["municipality_nis"]])
        else:
            tx.execute(f"DELETE FROM {table} WHERE uuid = ?", [row["uuid"]])


def copy_entries(tx: Writer, entries: Sequence[HistoryEntry], row_key: Mapping[str, str]) -> None:
    """Put another copy's history entries into this file (same uuids, who and when; row keys of this file),
    marked as copied: they are the other copy's past, and a team server gets this file's own changes only."""
    tx.executemany(
        "INSERT OR IGNORE INTO change_history (uuid, tx, at, who, why, entity, row_key, row_uuid, action, field,"
        " old_value, new_value, copied) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
        [[e.uuid, e.tx, e.at, e.who, e.why, e.entity, row_key.get(e.uuid, e.row_key), e.row_uuid, e.action, e.field,
          e.old_value, e.new_value] for e in entries])


def forget_entries(tx: Writer, uuids: Sequence[str]) -> None:
    """Remove copied entries again (an undone merge)."""
    tx.executemany("DELETE FROM change_history WHERE uuid = ?", [[u] for u in uuids])


def insert_alias(tx: Writer, row: Mapping[str, Any]) -> None:
    """Add an accepted spelling."""
    tx.execute("INSERT OR IGNORE INTO municipality_alias (alias_key, alias, municipality_nis, created_at)"
               " VALUES (?, ?, ?, ?)", [row["alias_key"], row["alias"], row["municipality_nis"], row["created_at"]])


def delete_alias(tx: Writer, key: str) -> None:
    """Remove an accepted spelling (undo)."""
    tx.execute("DELETE FROM municipality_alias WHERE alias_key = ?", [key])


def insert_import_log(tx: Writer, reader: CopyReader, row: Mapping[str, Any]) -> int:
    """Add an import log line (its call as a uuid)."""
    call = row["call_id"]
    values = [row["file_name"], row["sha256"], row["imported_at"], row["user"],
              None if call is None else reader.id_of["open_call"].get(str(call)), row["counts"]]
    cursor = tx.execute("INSERT INTO import_log (file_name, sha256, imported_at, user, call_id, counts)"
                        " VALUES (?, ?, ?, ?, ?, ?)", values)
    return int(cursor.lastrowid or 0)


def delete_import_log(tx: Writer, ids: Sequence[int]) -> None:
    """Remove import log lines (undo)."""
    tx.executemany("DELETE FROM import_log WHERE id = ?", [[i] for i in ids])


def canonical_dump(conn: sqlite3.Connection) -> list[str]:
    """The data tables with ids replaced by uuids, sorted: equal for two files that hold the same data."""
    reader = CopyReader(conn)
    lines: list[str] = []
    for table in ("municipality", *INSERT_ORDER):
        for identity, row in sorted(reader.all_rows(table).items()):
            lines.append(f"{table} {identity} {sorted(row.items())!r}")
    for key, alias in sorted(reader.aliases().items()):
        lines.append(f"alias {key} {alias['alias']} {alias['municipality_nis']}")
    for log_key, log in sorted(reader.import_log().items()):
        lines.append(f"import_log {log_key!r} {log['call_id']}")
    return lines
