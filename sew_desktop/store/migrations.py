"""Schema migrations, one function per step. Names are never renamed: they identify applied steps."""

from __future__ import annotations

from collections.abc import Callable

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from sew_desktop.store import history, merge_log, reference, team_schema, trash
from sew_desktop.store.rows import new_uuid, now_iso
from sew_desktop.store.schema_steps import MIGRATION_SET, STEP_NAMES

migrations = Migrations(MIGRATION_SET)
_KNOWN: list[str] = []


def _step(name: str) -> Callable[[Callable[[Database], None]], Callable[[Database], None]]:
    """Register a migration step under a name that must never change (listed in order in ``STEP_NAMES``)."""
    if STEP_NAMES[len(_KNOWN)] != name:
        raise RuntimeError(f"migration {name} is not step {len(_KNOWN) + 1} of schema_steps.STEP_NAMES")
    _KNOWN.append(name)
    return migrations(name=name)


DEFAULT_CALL = ("Lokale Regie Sociale Economie en Werk 2023-2025", "2023-01-01", "2025-12-31", "2023-01-15")

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
CREATE TABLE province (
    nis_code TEXT PRIMARY KEY CHECK (length(nis_code) = 5),
    name_nl TEXT NOT NULL,
    name_fr TEXT NOT NULL
) STRICT;
CREATE TABLE municipality (
    nis_code TEXT PRIMARY KEY CHECK (nis_code GLOB '[0-9][0-9][0-9][0-9][0-9]'),
    uuid TEXT NOT NULL UNIQUE,
    name_nl TEXT NOT NULL CHECK (trim(name_nl) <> ''),
    name_fr TEXT NOT NULL DEFAULT '',
    province_nis TEXT NOT NULL REFERENCES province(nis_code),
    arrondissement_nis TEXT NOT NULL,
    valid_from TEXT,
    valid_to TEXT,
    successor_nis TEXT REFERENCES municipality(nis_code) DEFERRABLE INITIALLY DEFERRED,
    vdab_contact TEXT NOT NULL DEFAULT '',
    contacts TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL
) STRICT;
CREATE TABLE region (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL CHECK (trim(name) <> ''),
    kind TEXT NOT NULL CHECK (kind IN ('samenwerkingsverband', 'centrumstad')),
    province_nis TEXT NOT NULL REFERENCES province(nis_code),
    valid_from TEXT,
    valid_to TEXT,
    notes TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL
) STRICT;
CREATE TABLE membership (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    region_id INTEGER NOT NULL REFERENCES region(id) ON DELETE CASCADE,
    municipality_nis TEXT NOT NULL REFERENCES municipality(nis_code),
    valid_from TEXT,
    valid_to TEXT,
    updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX membership_region ON membership(region_id);
CREATE INDEX membership_municipality ON membership(municipality_nis);
CREATE TABLE agreement (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    municipality_nis TEXT REFERENCES municipality(nis_code),
    region_id INTEGER REFERENCES region(id) ON DELETE CASCADE,
    negotiation_started TEXT,
    expected_signing TEXT,
    signed TEXT,
    ended TEXT,
    vdab_contact TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL,
    CHECK ((municipality_nis IS NULL) <> (region_id IS NULL))
) STRICT;
CREATE INDEX agreement_region ON agreement(region_id);
CREATE INDEX agreement_municipality ON agreement(municipality_nis);
CREATE TABLE open_call (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL UNIQUE CHECK (trim(name) <> ''),
    period_start TEXT NOT NULL,
    period_end TEXT NOT NULL,
    deadline TEXT,
    updated_at TEXT NOT NULL
) STRICT;
CREATE TABLE subsidy_decision (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    call_id INTEGER NOT NULL REFERENCES open_call(id) ON DELETE CASCADE,
    collaboration TEXT NOT NULL,
    collaboration_key TEXT NOT NULL,
    region_id INTEGER REFERENCES region(id) ON DELETE SET NULL,
    lead_municipality_nis TEXT REFERENCES municipality(nis_code),
    outcome TEXT NOT NULL CHECK (outcome IN ('approved', 'rejected', 'pending')),
    amount_cents INTEGER,
    amount_is_annual INTEGER NOT NULL DEFAULT 0,
    decision_date TEXT,
    updated_at TEXT NOT NULL,
    UNIQUE (call_id, collaboration_key)
) STRICT;
CREATE TABLE decision_member (
    decision_id INTEGER NOT NULL REFERENCES subsidy_decision(id) ON DELETE CASCADE,
    municipality_nis TEXT NOT NULL REFERENCES municipality(nis_code),
    PRIMARY KEY (decision_id, municipality_nis)
) STRICT;
CREATE TABLE import_log (
    id INTEGER PRIMARY KEY,
    file_name TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    user TEXT NOT NULL,
    call_id INTEGER REFERENCES open_call(id) ON DELETE SET NULL,
    counts TEXT NOT NULL
) STRICT;
"""


@_step("0001_schema")
def m0001_schema(db: Database) -> None:
    """Tables for reference data, regiegebieden, agreements, open calls and their decisions."""
    for statement in _SCHEMA.split(";"):
        if statement.strip():
            db.execute(statement)


@_step("0002_reference_data")
def m0002_reference_data(db: Database) -> None:
    """Provinces and municipality codes from ``data/``."""
    stamp = now_iso()
    db.conn.executemany(
        "INSERT INTO province (nis_code, name_nl, name_fr) VALUES (?, ?, ?)",
        [(p["nis_code"], p["name_nl"], p["name_fr"]) for p in reference.province_rows()],
    )
    db.conn.executemany(
        "INSERT INTO municipality (nis_code, uuid, name_nl, name_fr, province_nis, arrondissement_nis,"
        " valid_from, valid_to, successor_nis, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                m["nis_code"],
                new_uuid(),
                m["name_nl"],
                m["name_fr"],
                m["province_nis"],
                m["arrondissement_nis"],
                m["valid_from"] or None,
                m["valid_to"] or None,
                m["successor_nis"] or None,
                stamp,
            )
            for m in reference.municipality_rows()
        ],
    )


@_step("0003_default_open_call")
def m0003_default_open_call(db: Database) -> None:
    """The open call "Lokale Regie Sociale Economie en Werk 2023-2025"."""
    name, start, end, deadline = DEFAULT_CALL
    db.execute(
        "INSERT INTO open_call (uuid, name, period_start, period_end, deadline, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
        [new_uuid(), name, start, end, deadline, now_iso()],
    )


def known_names() -> list[str]:
    """Names of every migration this version knows, in order."""
    return list(_KNOWN)


@_step("0004_municipality_alias")
def m0004_municipality_alias(db: Database) -> None:
    """Spellings of municipality names accepted by users during imports."""
    db.execute(
        "CREATE TABLE IF NOT EXISTS municipality_alias ("
        " alias_key TEXT PRIMARY KEY,"
        " alias TEXT NOT NULL,"
        " municipality_nis TEXT NOT NULL REFERENCES municipality(nis_code),"
        " created_at TEXT NOT NULL"
        ") STRICT"
    )
    db.execute("CREATE INDEX IF NOT EXISTS decision_member_municipality ON decision_member(municipality_nis)")


@_step("0005_change_history")
def m0005_change_history(db: Database) -> None:
    """The change history (tables and triggers) and the trash; an older file starts its history here."""
    history.install(db)
    trash.install(db)
    history.note(db, "history started")


@_step("0006_boundaries")
def m0006_boundaries(db: Database) -> None:
    """Municipal boundaries loaded by the user (one set at a time), with where they came from."""
    db.execute(
        "CREATE TABLE IF NOT EXISTS boundary_set ("
        " id INTEGER PRIMARY KEY CHECK (id = 1),"
        " source TEXT NOT NULL,"
        " licence TEXT NOT NULL,"
        " file_name TEXT NOT NULL,"
        " sha256 TEXT NOT NULL,"
        " loaded_at TEXT NOT NULL,"
        " file_period TEXT NOT NULL,"
        " crs TEXT NOT NULL,"
        " features INTEGER NOT NULL"
        ") STRICT"
    )
    db.execute(
        "CREATE TABLE IF NOT EXISTS boundary_shape ("
        " period TEXT NOT NULL,"
        " kind TEXT NOT NULL CHECK (kind IN ('municipality', 'province')),"
        " code TEXT NOT NULL,"
        " rings BLOB NOT NULL,"
        " PRIMARY KEY (period, kind, code)"
        ") STRICT"
    )


@_step("0007_merges")
def m0007_merges(db: Database) -> None:
    """The log of merges with other copies, the transactions that only carried another copy's changes, and an
    identifier of the file (a merge records the source's)."""
    merge_log.install(db)
    db.execute("INSERT OR IGNORE INTO meta (key, value) VALUES ('file_uuid', ?)", [new_uuid()])


@_step("0008_team")
def m0008_team(db: Database) -> None:
    """The link to a team server and the conflicts and refusals it answered (empty until the file joins)."""
    team_schema.install(db)
