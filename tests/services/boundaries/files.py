"""Small synthetic boundary files: one square per municipality code, in each format and coordinate system."""

from __future__ import annotations

import io
import json
import sqlite3
import struct
import zipfile
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np
import shapefile
import shapely
from pyproj import CRS, Transformer
from pyproj.enums import WktVersion
from shapely.geometry import Polygon, box, mapping

from sew_desktop.domain.boundaries import Period, codes_of
from sew_desktop.store.reference import municipality_rows
from sew_desktop.store.repository import Repository

SIDE = 2000.0  # metres
ORIGIN = (60_000.0, 160_000.0)  # Lambert 72, inside Flanders
COLUMNS = 25

Feature = tuple[dict[str, object], Polygon | None]


def period_codes(repository: Repository, period: Period) -> list[str]:
    """The codes of ``period``, sorted."""
    return sorted(codes_of(repository.municipalities().values(), period))


def reference_codes(period: Period) -> list[str]:
    """The codes of ``period`` from the reference CSV (without a database)."""
    day = period.sample_day.isoformat()
    return sorted(r["nis_code"] for r in municipality_rows()
                  if r["valid_from"] <= day and (not r["valid_to"] or day <= r["valid_to"]))


def square(number: int) -> Polygon:
    """The ``number``-th square of the grid, in Lambert 72."""
    x = ORIGIN[0] + (number % COLUMNS) * SIDE
    y = ORIGIN[1] + (number // COLUMNS) * SIDE
    return box(x, y, x + SIDE, y + SIDE)


def squares(codes: Sequence[str], attribute: str = "nis_code", *, split: int = 1) -> list[Feature]:
    """One square per code, or ``split`` x ``split`` smaller ones, like statistical sectors, each with a sector
    code."""
    features: list[Feature] = []
    for number, code in enumerate(codes):
        whole = square(number)
        if split == 1:
            features.append(({attribute: code, "name": f"M{code}"}, whole))
            continue
        xmin, ymin, _, _ = whole.bounds
        step = SIDE / split
        for part in range(split * split):
            x, y = xmin + (part % split) * step, ymin + (part // split) * step
            features.append(({"CD_SECTOR": f"{code}A{part:03d}", attribute: code}, box(x, y, x + step, y + step)))
    return features


def projected(features: Iterable[Feature], epsg: int) -> list[Feature]:
    """``features`` (Lambert 72) in ``epsg``."""
    transformer = Transformer.from_crs(31370, epsg, always_xy=True)

    def move(coordinates: np.ndarray) -> np.ndarray:
        return np.column_stack(transformer.transform(coordinates[:, 0], coordinates[:, 1]))

    return [(p, shapely.transform(g, move) if g is not None and epsg != 31370 else g) for p, g in features]


def write_geojson(path: Path, features: Sequence[Feature], epsg: int, *, name_crs: bool = True) -> Path:
    """A FeatureCollection; the ``crs`` member names ``epsg`` unless it is WGS84 and ``name_crs`` is False."""
    document: dict[str, object] = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": p, "geometry": mapping(g) if g is not None else None}
        for p, g in projected(features, epsg)]}
    if name_crs:
        document["crs"] = {"type": "name", "properties": {"name": f"urn:ogc:def:crs:EPSG::{epsg}"}}
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def write_zipped_shapefile(path: Path, features: Sequence[Feature], epsg: int) -> Path:
    """A .zip holding .shp, .shx, .dbf and the .prj of ``epsg`` (ESRI WKT)."""
    shp, shx, dbf = io.BytesIO(), io.BytesIO(), io.BytesIO()
    names = list(features[0][0])
    with shapefile.Writer(shp=shp, shx=shx, dbf=dbf, shapeType=shapefile.POLYGON) as writer:
        for name in names:
            writer.field(name, "C", 20)
        for properties, geometry in projected(features, epsg):
            assert geometry is not None
            writer.poly([list(reversed(geometry.exterior.coords))])  # shapefile rings run clockwise
            writer.record(*[str(properties[n]) for n in names])
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("boundaries/gemeenten.shp", shp.getvalue())
        archive.writestr("boundaries/gemeenten.shx", shx.getvalue())
        archive.writestr("boundaries/gemeenten.dbf", dbf.getvalue())
        archive.writestr("boundaries/gemeenten.prj", CRS.from_epsg(epsg).to_wkt(WktVersion.WKT1_ESRI))
    return path


def gpkg_blob(geometry: Polygon, srs_id: int) -> bytes:
    """A GeoPackage geometry blob: header (no envelope, little endian) and WKB."""
    wkb: bytes = shapely.to_wkb(geometry)
    return b"GP" + bytes([0, 0b00000001]) + struct.pack("<i", srs_id) + wkb


def write_geopackage(path: Path, features: Sequence[Feature], epsg: int) -> Path:
    """A GeoPackage with one feature table ``gemeenten``."""
    names = list(features[0][0])
    conn = sqlite3.connect(path)
    try:
        conn.executescript(
            "CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY,"
            " organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL,"
            " description TEXT);"
            "CREATE TABLE gpkg_contents (table_name TEXT PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT,"
            " description TEXT DEFAULT '', last_change TEXT, min_x REAL, min_y REAL, max_x REAL, max_y REAL,"
            " srs_id INTEGER);"
            "CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL,"
            " geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL);")
        conn.execute("INSERT INTO gpkg_spatial_ref_sys VALUES (?, ?, 'EPSG', ?, ?, '')",
                     [f"EPSG:{epsg}", epsg, epsg, CRS.from_epsg(epsg).to_wkt()])
        conn.execute("INSERT INTO gpkg_contents (table_name, data_type, identifier, srs_id) VALUES"
                     " ('gemeenten', 'features', 'gemeenten', ?)", [epsg])
        conn.execute("INSERT INTO gpkg_geometry_columns VALUES ('gemeenten', 'geom', 'POLYGON', ?, 0, 0)", [epsg])
        columns = ", ".join(f'"{n}" TEXT' for n in names)
        conn.execute(f"CREATE TABLE gemeenten (fid INTEGER PRIMARY KEY, geom BLOB, {columns})")
        marks = ", ".join("?" for _ in names)
        conn.executemany(f"INSERT INTO gemeenten (geom, {', '.join(names)}) VALUES (?, {marks})",
                         [(gpkg_blob(g, epsg) if g is not None else None, *[p[n] for n in names])
                          for p, g in projected(features, epsg)])
        conn.commit()
    finally:
        conn.close()
    return path


WRITERS = {"geojson": (write_geojson, ".geojson"), "shapefile": (write_zipped_shapefile, ".zip"),
           "geopackage": (write_geopackage, ".gpkg")}


def boundary_file(folder: Path, fmt: str, features: Sequence[Feature], epsg: int = 31370, name: str = "b") -> Path:
    """``features`` written in format ``fmt`` and coordinate system ``epsg``."""
    writer, suffix = WRITERS[fmt]
    return writer(folder / f"{name}{suffix}", features, epsg)
