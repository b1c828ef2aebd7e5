"""Reading GeoJSON, zipped Shapefile and GeoPackage files into attributes, shapely geometries and an EPSG code."""

from __future__ import annotations

import io
import json
import struct
import warnings
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

import numpy as np
import shapely
from shapely.geometry import shape
from shapely.geometry.base import BaseGeometry

from sew_desktop.services.boundaries.crs import epsg_from_name, epsg_from_wkt
from sew_desktop.services.boundaries.problems import BoundaryFileError, ProblemKind
from sew_desktop.store.boundaries import GeoPackageError, read_geopackage
from sew_desktop.store.held import is_held

SUFFIXES = (".geojson", ".json", ".zip", ".gpkg")
WGS84 = 4326

# Limits, stated in the README: official municipality files are 1-60 MB with 300-600 features and a few million
# vertices. What is over them is refused before it is read (size, archive) or right after parsing (features,
# vertices). A GeoJSON is parsed whole: measured, about 35 bytes of memory per byte of file.
MAX_GEOJSON_BYTES = 50 * 1024 * 1024
MAX_ZIP_BYTES = 100 * 1024 * 1024  # the archive, and separately everything unpacked from it
MAX_UNPACKED_BYTES = 150 * 1024 * 1024
MAX_RATIO = 20  # unpacked / packed size of a member: Shapefiles pack 1.5-10 times, a zip bomb hundreds
MAX_FEATURES = 100_000
MAX_VERTICES = 5_000_000
MAX_ABS_COORDINATE = 1e8  # metres or degrees: beyond it a coordinate is absurd in any supported system


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
        with warnings.catch_warnings(), np.errstate(all="ignore"):  # a NaN or 1e308 is refused below, in one line
            warnings.simplefilter("ignore")
            raw = readers[suffix](path)
    except BoundaryFileError:
        raise
    except RecursionError as exc:
        raise _unreadable(path, "it is nested too deeply to be a boundary file") from exc
    except MemoryError as exc:
        raise _unreadable(path, "it is too large to read") from exc
    except (OSError, ValueError, KeyError, TypeError, zipfile.BadZipFile, struct.error,
            shapely.errors.ShapelyError, *_pyshp_errors()) as exc:
        raise _unreadable(path, (str(exc).splitlines() or [type(exc).__name__])[0]) from exc
    _check_size(path, raw)
    return raw


def _pyshp_errors() -> tuple[type[Exception], ...]:
    """pyshp's own exceptions (a damaged .dbf), when pyshp is loaded (only zipped Shapefiles load it)."""
    import sys

    module = sys.modules.get("shapefile")
    return tuple(getattr(module, name) for name in ("ShapefileException", "GeoJSON_Error", "RingSamplingError",
                                                    "StructError") if hasattr(module, name))


def _over(path: Path, what: str) -> BoundaryFileError:
    return BoundaryFileError(ProblemKind.UNREADABLE, f"{path.name} is refused: {what}", [path.name, what])


def _check_size(path: Path, raw: RawFile) -> None:
    """Features, vertices and coordinates within bounds (NaN, infinity and 1e308 are not places)."""
    if len(raw.features) > MAX_FEATURES:
        raise _over(path, f"{len(raw.features):,} features (at most {MAX_FEATURES:,})")
    geometries = [f.geometry for f in raw.features if f.geometry is not None]
    if not geometries:
        return
    vertices = int(shapely.get_num_coordinates(geometries).sum())
    if vertices > MAX_VERTICES:
        raise _over(path, f"{vertices:,} vertices (at most {MAX_VERTICES:,})")
    coordinates = shapely.get_coordinates(geometries)
    if not np.isfinite(coordinates).all() or (np.abs(coordinates) > MAX_ABS_COORDINATE).any():
        raise _over(path, "coordinates that are not finite numbers or absurdly large")


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
    size = path.stat().st_size
    if size > MAX_GEOJSON_BYTES:
        raise _over(path, f"{size / 1024 / 1024:,.0f} MB of GeoJSON (at most {MAX_GEOJSON_BYTES // 1024 // 1024} MB;"
                          " a zipped Shapefile or a GeoPackage reads larger files)")
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

    if path.stat().st_size > MAX_ZIP_BYTES:
        raise _over(path, f"a zip file of more than {MAX_ZIP_BYTES // 1024 // 1024} MB")
    with zipfile.ZipFile(path) as archive:
        members = {name.lower(): name for name in archive.namelist()}
        shp = next((name for low, name in members.items() if low.endswith(".shp")), None)
        if shp is None:
            raise _unreadable(path, "the zip file holds no .shp file")
        stem = shp[:-4].lower()
        wanted = [archive.getinfo(members[stem + ext]) for ext in (".shp", ".shx", ".dbf", ".prj", ".cpg")
                  if stem + ext in members]
        _check_members(path, wanted)
        budget = [MAX_UNPACKED_BYTES]
        parts = {Path(info.filename).suffix.lower(): _bounded_read(path, archive, info, budget) for info in wanted}
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


def _check_members(path: Path, members: list[zipfile.ZipInfo]) -> None:
    """Refuse a zip bomb by what the archive declares, before unpacking anything."""
    if sum(info.file_size for info in members) > MAX_UNPACKED_BYTES:
        raise _over(path, f"more than {MAX_UNPACKED_BYTES // 1024 // 1024} MB once unpacked")
    for info in members:
        if info.file_size > 1024 * 1024 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise _over(path, f"{info.filename} unpacks {info.file_size // max(info.compress_size, 1):,} times its"
                              " packed size (a zip bomb)")


def _bounded_read(path: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: list[int]) -> bytes:
    """A member's bytes, never more than what is left of the budget, whatever its header claims."""
    with archive.open(info) as handle:
        data = handle.read(budget[0] + 1)
    if len(data) > budget[0]:
        raise _over(path, f"more than {MAX_UNPACKED_BYTES // 1024 // 1024} MB once unpacked")
    budget[0] -= len(data)
    return data


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
