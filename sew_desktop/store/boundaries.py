"""Stored municipal boundaries (one set at a time, with its provenance) and reading GeoPackage files."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sew_desktop.store.errors import StoreError
from sew_desktop.store.mapping import Entity
from sew_desktop.store.repository import ChangeKind, Repository, Writer
from sew_desktop.store.untrusted import connect_untrusted


@dataclass(frozen=True, slots=True)
class BoundarySet:
    """Where the loaded boundaries came from."""

    source: str
    licence: str
    file_name: str
    sha256: str
    loaded_at: str
    file_period: str
    crs: str
    features: int


@dataclass(frozen=True, slots=True)
class StoredShape:
    """One packed shape: a municipality or a province of one period."""

    period: str
    kind: str
    code: str
    rings: bytes


def boundary_set(repository: Repository) -> BoundarySet | None:
    """The loaded boundaries' provenance, or None when none are loaded."""
    row = repository.database.execute(
        "SELECT source, licence, file_name, sha256, loaded_at, file_period, crs, features FROM boundary_set"
    ).fetchone()
    return BoundarySet(*row) if row else None


def shapes(repository: Repository, period: str) -> list[StoredShape]:
    """Every shape of ``period`` (municipalities, then provinces, each by code)."""
    rows = repository.database.execute(
        "SELECT period, kind, code, rings FROM boundary_shape WHERE period = ? ORDER BY kind DESC, code", [period]
    ).fetchall()
    return [StoredShape(*row) for row in rows]


def shape_counts(repository: Repository) -> dict[tuple[str, str], int]:
    """How many shapes per (period, kind)."""
    rows = repository.database.execute(
        "SELECT period, kind, count(*) FROM boundary_shape GROUP BY period, kind").fetchall()
    return {(period, kind): count for period, kind, count in rows}


def shape_key(period: str, kind: str, code: str) -> str:
    """How a stored shape is named in change notifications: ``period/kind/code`` (its primary key)."""
    return f"{period}/{kind}/{code}"


def _stored_keys(tx: Writer) -> set[str]:
    return {shape_key(*row) for row in tx.execute("SELECT period, kind, code FROM boundary_shape")}


def replace_boundaries(repository: Repository, provenance: BoundarySet, new_shapes: Iterable[StoredShape]) -> None:
    """Store a new set in one transaction (the old one goes); subscribers hear of it after the commit, shape by
    shape: those only the old set had deleted, those only the new one has inserted, the others updated."""
    shapes = list(new_shapes)
    with repository.transaction() as tx:
        old = _stored_keys(tx)
        tx.execute("DELETE FROM boundary_shape")
        tx.execute("DELETE FROM boundary_set")
        tx.execute("INSERT INTO boundary_set (id, source, licence, file_name, sha256, loaded_at, file_period, crs,"
                   " features) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)",
                   [provenance.source, provenance.licence, provenance.file_name, provenance.sha256,
                    provenance.loaded_at, provenance.file_period, provenance.crs, provenance.features])
        tx.executemany("INSERT INTO boundary_shape (period, kind, code, rings) VALUES (?, ?, ?, ?)",
                       [(s.period, s.kind, s.code, s.rings) for s in shapes])
        new = {shape_key(s.period, s.kind, s.code) for s in shapes}
        tx.changed(Entity.BOUNDARY, ChangeKind.DELETED, sorted(old - new))
        tx.changed(Entity.BOUNDARY, ChangeKind.INSERTED, sorted(new - old))
        tx.changed(Entity.BOUNDARY, ChangeKind.UPDATED, sorted(old & new))


def remove_boundaries(repository: Repository) -> bool:
    """Remove the loaded boundaries; False when there were none."""
    if boundary_set(repository) is None:
        return False
    with repository.transaction() as tx:
        old = _stored_keys(tx)
        tx.execute("DELETE FROM boundary_shape")
        tx.execute("DELETE FROM boundary_set")
        tx.changed(Entity.BOUNDARY, ChangeKind.DELETED, sorted(old))
    return True


class GeoPackageError(ValueError):
    """A file that is not a GeoPackage with a feature table."""


@dataclass(frozen=True, slots=True)
class GeoPackageLayer:
    """The features of a GeoPackage's first feature table: attributes and geometry blobs (GPKG binary)."""

    table: str
    srs_organization: str
    srs_code: int
    srs_definition: str
    columns: tuple[str, ...]
    rows: tuple[tuple[dict[str, Any], bytes | None], ...]


MAX_GEOPACKAGE_ROWS = 100_000
MAX_GEOMETRY_BYTES = 50 * 1024 * 1024  # one municipality's outline is a few hundred kB at full precision
MAX_GEOMETRY_TOTAL = 150 * 1024 * 1024  # every geometry together
MAX_ATTRIBUTE_TOTAL = 20 * 1024 * 1024  # every attribute value together
GEOPACKAGE_SECONDS = 60.0


def read_geopackage(path: Path) -> GeoPackageLayer:
    """Read the first feature table of a GeoPackage as a file from outside: read-only without taking part in its
    WAL, its schema's functions not run, within a time budget; its feature table must be a table (a view can run
    forever or return gigabytes), within limits on rows and on the size of one geometry."""
    try:
        conn = connect_untrusted(path, GEOPACKAGE_SECONDS)
    except StoreError as exc:
        raise GeoPackageError(str(exc)) from exc
    try:
        return _first_layer(conn)
    except sqlite3.OperationalError as exc:
        if "interrupted" in str(exc):
            raise GeoPackageError(f"{path.name}: reading it takes too long") from exc
        raise GeoPackageError(f"{path.name} is not a GeoPackage ({str(exc).splitlines()[0]})") from exc
    except sqlite3.DatabaseError as exc:
        raise GeoPackageError(f"{path.name} is not a GeoPackage ({str(exc).splitlines()[0]})") from exc
    finally:
        conn.close()


def _first_layer(conn: sqlite3.Connection) -> GeoPackageLayer:
    found = conn.execute(
        "SELECT c.table_name, g.column_name, s.organization, s.organization_coordsys_id, s.definition"
        " FROM gpkg_contents c JOIN gpkg_geometry_columns g ON g.table_name = c.table_name"
        " LEFT JOIN gpkg_spatial_ref_sys s ON s.srs_id = g.srs_id"
        " WHERE c.data_type = 'features' ORDER BY c.table_name LIMIT 1").fetchone()
    if found is None:
        raise GeoPackageError("the GeoPackage holds no feature table")
    table, geometry, organization, code, definition = found
    kind = conn.execute("SELECT type FROM sqlite_master WHERE name = ?", [table]).fetchone()
    if kind is None or kind[0] != "table":
        raise GeoPackageError(f"the feature table {table} is not a table (a view is not read)")
    quoted, column = table.replace(chr(34), ""), str(geometry).replace(chr(34), "")
    columns = conn.execute(f'PRAGMA table_xinfo("{quoted}")').fetchall()
    if any(hidden for *_rest, hidden in columns):  # a generated column computes its value on every read
        raise GeoPackageError(f"the feature table {table} has generated columns (they are not read)")
    others = " + ".join(f'coalesce(length("{str(c[1]).replace(chr(34), "")}"), 0)' for c in columns
                        if c[1] != geometry) or "0"
    rows, largest, total, attributes = conn.execute(
        f'SELECT count(*), max(length("{column}")), sum(length("{column}")), sum({others}) FROM "{quoted}"').fetchone()
    if rows > MAX_GEOPACKAGE_ROWS:
        raise GeoPackageError(f"{rows:,} features (at most {MAX_GEOPACKAGE_ROWS:,})")
    if (largest or 0) > MAX_GEOMETRY_BYTES:
        raise GeoPackageError(f"a geometry of {largest // 1024 // 1024:,} MB (at most "
                              f"{MAX_GEOMETRY_BYTES // 1024 // 1024} MB)")
    if (total or 0) > MAX_GEOMETRY_TOTAL:
        raise GeoPackageError(f"{total // 1024 // 1024:,} MB of geometries (at most "
                              f"{MAX_GEOMETRY_TOTAL // 1024 // 1024} MB)")
    if (attributes or 0) > MAX_ATTRIBUTE_TOTAL:
        raise GeoPackageError(f"{attributes // 1024 // 1024:,} MB of attributes (at most "
                              f"{MAX_ATTRIBUTE_TOTAL // 1024 // 1024} MB)")
    cursor = conn.execute(f'SELECT * FROM "{quoted}"')
    names: Sequence[str] = [d[0] for d in cursor.description]
    position = names.index(geometry)
    rows = tuple(({n: v for n, v in zip(names, values, strict=True) if n != geometry}, values[position])
                 for values in cursor.fetchall())
    return GeoPackageLayer(table, str(organization or ""), int(code or 0), str(definition or ""),
                           tuple(n for n in names if n != geometry), rows)
