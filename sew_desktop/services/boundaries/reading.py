"""Reading GeoJSON, zipped Shapefile and GeoPackage files into attributes, shapely geometries and an EPSG code."""

from __future__ import annotations

import io
import json
import struct
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

import shapely
from shapely.geometry import shape
from shapely.geometry.base import BaseGeometry

from sew_desktop.services.boundaries.crs import epsg_from_name, epsg_from_wkt
from sew_desktop.services.boundaries.problems import BoundaryFileError, ProblemKind
from sew_desktop.store.boundaries import GeoPackageError, read_geopackage
from sew_desktop.store.held import is_held

SUFFIXES = (".geojson", ".json", ".zip", ".gpkg")
WGS84 = 4326


@dataclass(frozen=True, slots=True)
class RawFeature:
    """One feature as read: its attributes and its geometry (None when it could not be read)."""

    properties: dict[str, Any]
    geometry: BaseGeometry | None


@dataclass(frozen=True, slots=True)
class RawFile:
    """The features of a file, the attribute names and the EPSG code of its coordinates."""

    features: list[RawFeature]
    attributes: tuple[str, ...]
    epsg: int


def _unreadable(path: Path, detail: str) -> BoundaryFileError:
    return BoundaryFileError(ProblemKind.UNREADABLE, f"cannot read {path.name}: {detail}", [path.name, detail])


def read_boundary_file(path: Path) -> RawFile:
    """The features of ``path`` by its suffix; raises BoundaryFileError for files that cannot be read."""
    if is_held(path):  # reading the open database as an ordinary file would drop this process's locks on it
        raise _unreadable(path, "it is the database that is open in SEW Desktop")
    suffix = path.suffix.lower()
    readers: dict[str, Callable[[Path], RawFile]] = {
        ".geojson": _read_geojson, ".json": _read_geojson, ".zip": _read_zipped_shapefile, ".gpkg": _read_geopackage}
    if suffix not in readers:
        raise BoundaryFileError(ProblemKind.UNSUPPORTED_FORMAT,
                              f"{path.name}: give a GeoJSON (.geojson), zipped Shapefile (.zip) or GeoPackage (.gpkg)",
                              [path.name])
    try:
        return readers[suffix](path)
    except BoundaryFileError:
        raise
    except (OSError, ValueError, KeyError, TypeError, zipfile.BadZipFile, struct.error) as exc:
        raise _unreadable(path, str(exc) or type(exc).__name__) from exc


def _geometry(read: Callable[[], BaseGeometry]) -> BaseGeometry | None:
    try:
        geometry = read()
    except (ValueError, TypeError, KeyError, IndexError, AttributeError, shapely.errors.ShapelyError):
        return None
    return geometry


def _geojson_geometries(text: bytes, items: list[Any]) -> list[BaseGeometry | None] | None:
    """Every feature's geometry parsed at once by GEOS (several times faster than one by one), or None when
    the file has a missing or unparsable geometry (then each feature is read on its own, to say which)."""
    if not all(isinstance(item, dict) and item.get("geometry") for item in items):
        return None
    try:
        collection = shapely.from_geojson(text.decode("utf-8"))
    except (shapely.errors.ShapelyError, UnicodeDecodeError, ValueError):
        return None
    parts = list(shapely.get_parts(collection)) if collection.geom_type == "GeometryCollection" else [collection]
    return parts if len(parts) == len(items) else None


def _read_geojson(path: Path) -> RawFile:
    text = path.read_bytes()
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise _unreadable(path, f"not JSON ({exc.msg}, line {exc.lineno})") from exc
    if not isinstance(document, dict) or document.get("type") != "FeatureCollection":
        raise _unreadable(path, "not a GeoJSON FeatureCollection")
    crs = document.get("crs")
    name = crs.get("properties", {}).get("name") if isinstance(crs, dict) else None
    epsg = epsg_from_name(str(name)) if name else WGS84  # RFC 7946: without "crs", longitude/latitude
    items = list(document.get("features") or [])
    parsed = _geojson_geometries(text, items)
    features = []
    names: dict[str, None] = {}
    for number, item in enumerate(items):
        properties = dict(item.get("properties") or {}) if isinstance(item, dict) else {}
        names.update(dict.fromkeys(properties))
        if parsed is not None:
            features.append(RawFeature(properties, parsed[number]))
            continue
        geometry = item.get("geometry") if isinstance(item, dict) else None
        features.append(RawFeature(properties, _geometry(partial(shape, geometry)) if geometry else None))
    return RawFile(features, tuple(names), epsg)


def _read_zipped_shapefile(path: Path) -> RawFile:
    import shapefile  # pyshp

    with zipfile.ZipFile(path) as archive:
        members = {name.lower(): name for name in archive.namelist()}
        shp = next((name for low, name in members.items() if low.endswith(".shp")), None)
        if shp is None:
            raise _unreadable(path, "the zip file holds no .shp file")
        stem = shp[:-4].lower()
        parts = {ext: archive.read(members[stem + ext]) for ext in (".shp", ".shx", ".dbf", ".prj", ".cpg")
                 if stem + ext in members}
    if ".dbf" not in parts or ".prj" not in parts:
        missing = ".dbf" if ".dbf" not in parts else ".prj (the coordinate system)"
        raise _unreadable(path, f"the Shapefile has no {missing}")
    encoding = parts.get(".cpg", b"utf-8").decode("ascii", "replace").strip() or "utf-8"
    reader = shapefile.Reader(shp=io.BytesIO(parts[".shp"]), dbf=io.BytesIO(parts[".dbf"]),
                              shx=io.BytesIO(parts[".shx"]) if ".shx" in parts else None,
                              encoding=encoding, encodingErrors="replace")
    epsg = epsg_from_wkt(parts[".prj"].decode("utf-8", "replace"))
    names = tuple(field[0] for field in reader.fields[1:])
    features = [RawFeature(dict(zip(names, record.record, strict=False)),
                           _geometry(partial(_shapefile_geometry, record.shape)))
                for record in reader.iterShapeRecords()]
    return RawFile(features, names, epsg)


def _shapefile_geometry(record_shape: Any) -> BaseGeometry:
    return shape(record_shape.__geo_interface__)


def _gpkg_geometry(blob: bytes) -> BaseGeometry:
    geometry: BaseGeometry = shapely.from_wkb(gpkg_wkb(blob))
    return geometry


_ENVELOPE_BYTES = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}


def gpkg_wkb(blob: bytes) -> bytes:
    """The WKB inside a GeoPackage geometry blob (after its header and envelope)."""
    if blob[:2] != b"GP":
        raise ValueError("not a GeoPackage geometry")
    envelope = (blob[3] >> 1) & 0b111
    return blob[8 + _ENVELOPE_BYTES[envelope]:]


def _read_geopackage(path: Path) -> RawFile:
    try:
        layer = read_geopackage(path)
    except GeoPackageError as exc:
        raise _unreadable(path, str(exc)) from exc
    if layer.srs_organization.upper() == "EPSG" and layer.srs_code:
        epsg = epsg_from_name(f"EPSG:{layer.srs_code}")
    else:
        epsg = epsg_from_wkt(layer.srs_definition)
    features = [RawFeature(properties, _geometry(partial(_gpkg_geometry, blob)) if blob else None)
                for properties, blob in layer.rows]
    return RawFile(features, layer.columns, epsg)
