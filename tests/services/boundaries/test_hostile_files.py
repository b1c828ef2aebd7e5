"""Boundary files from outside are read within limits and refused in one line: bombs, depth, absurd coordinates,
a coordinate system the coordinates do not fit, GeoPackage views and blobs."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from sew_desktop.domain.boundaries import Period
from sew_desktop.services.boundaries.problems import BoundaryFileError, ProblemKind
from sew_desktop.services.boundaries.reading import MAX_GEOJSON_BYTES, read_boundary_file
from sew_desktop.services.boundaries.service import load_boundaries
from sew_desktop.store.boundaries import MAX_GEOMETRY_BYTES
from sew_desktop.store.repository import Repository
from tests.services.boundaries.files import boundary_file, reference_codes, squares, write_geojson


def refusal(path: Path, repository: Repository) -> BoundaryFileError:
    with pytest.raises(BoundaryFileError) as caught:
        load_boundaries(repository, path)
    assert repository.connection.execute("SELECT count(*) FROM boundary_shape").fetchone()[0] == 0
    return caught.value


def codes() -> list[str]:
    return reference_codes(Period.FROM_2025)


def test_a_zip_bomb_is_refused_before_it_is_unpacked(memory_repository: Repository, tmp_path: Path) -> None:
    sound = boundary_file(tmp_path, "shapefile", squares(codes()))
    path = tmp_path / "bomb.zip"
    with zipfile.ZipFile(sound) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in source.namelist():
            data = source.read(name) if not name.endswith(".dbf") else b"\0" * (60 * 1024 * 1024)
            archive.writestr(name, data)  # the .dbf packs a thousandfold
    error = refusal(path, memory_repository)
    assert "zip bomb" in str(error)


def test_a_geojson_over_the_limit_is_refused_before_it_is_read(memory_repository: Repository,
                                                               tmp_path: Path) -> None:
    path = tmp_path / "huge.geojson"
    with path.open("wb") as handle:
        handle.truncate(MAX_GEOJSON_BYTES + 1)  # sparse: no disk needed, and not a byte is read
    assert "MB of GeoJSON" in str(refusal(path, memory_repository))


def test_deep_nesting_is_refused(memory_repository: Repository, tmp_path: Path) -> None:
    path = tmp_path / "deep.geojson"
    path.write_text('{"type": "FeatureCollection", "features": [' + "[" * 100_000 + "]" * 100_000 + "]}")
    assert "nested too deeply" in str(refusal(path, memory_repository))


@pytest.mark.parametrize("number", ["Infinity", "NaN", "1e308"])
def test_coordinates_that_are_not_places_are_refused(memory_repository: Repository, tmp_path: Path,
                                                     number: str) -> None:
    path = write_geojson(tmp_path / "b.geojson", squares(codes()), 31370)
    document = json.loads(path.read_text())
    ring = document["features"][0]["geometry"]["coordinates"][0]
    ring[1] = [float(number), ring[1][1]]
    path.write_text(json.dumps(document))
    error = refusal(path, memory_repository)
    assert "not finite numbers or absurdly large" in str(error)


def test_one_line_and_no_numpy_warnings_on_the_command_line(demo_path: Path, tmp_path: Path) -> None:
    path = write_geojson(tmp_path / "b.geojson", squares(codes()), 31370)
    path.write_text(path.read_text().replace("60000.0", "1e308", 1))
    done = subprocess.run([sys.executable, "-m", "sew_desktop", "--db", str(demo_path), "boundaries", "load",
                           str(path)], capture_output=True, text=True, check=False, timeout=120)
    errors = [line for line in done.stderr.splitlines() if not line.startswith("reading")]  # progress aside
    assert done.returncode != 0 and len(errors) == 1 and "absurdly large" in errors[0], done.stderr
    assert "unexpected error" not in done.stderr and "Warning" not in done.stderr


def test_longitudes_labelled_lambert_are_refused(memory_repository: Repository, tmp_path: Path) -> None:
    lonlat = write_geojson(tmp_path / "wgs.geojson", squares(codes()), 4326, name_crs=False)
    text = lonlat.read_text()
    document = json.loads(text)
    document["crs"] = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::31370"}}
    lonlat.write_text(json.dumps(document))
    assert refusal(lonlat, memory_repository).kind is ProblemKind.OUTSIDE_BELGIUM


def test_a_geopackage_view_is_not_read(memory_repository: Repository, tmp_path: Path) -> None:
    path = boundary_file(tmp_path, "geopackage", squares(codes()))
    conn = sqlite3.connect(path)
    conn.executescript("ALTER TABLE gemeenten RENAME TO real_gemeenten;"
                       "CREATE VIEW gemeenten AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n)"
                       " SELECT i AS fid, zeroblob(1000000000) AS geom, 'x' AS nis_code FROM n;")
    conn.close()
    assert "is not a table" in str(refusal(path, memory_repository))


def test_a_geopackage_with_a_huge_geometry_is_refused(memory_repository: Repository, tmp_path: Path) -> None:
    path = boundary_file(tmp_path, "geopackage", squares(codes()))
    conn = sqlite3.connect(path)
    conn.execute("UPDATE gemeenten SET geom = zeroblob(?) WHERE fid = 1", [MAX_GEOMETRY_BYTES + 1])
    conn.commit()
    conn.close()
    assert "a geometry of" in str(refusal(path, memory_repository))


def test_a_sound_file_still_loads(memory_repository: Repository, tmp_path: Path) -> None:
    for fmt in ("geojson", "shapefile", "geopackage"):
        raw = read_boundary_file(boundary_file(tmp_path, fmt, squares(codes()), name=fmt))
        assert len(raw.features) == len(codes())
