"""Loading boundary files: three formats, three coordinate systems, sectors dissolved, wrong files refused with
the database unchanged."""

from __future__ import annotations

from pathlib import Path

import pytest

from sew_desktop.domain.boundaries import Period, unpack_rings
from sew_desktop.services.boundaries.outlines import polygon_of
from sew_desktop.services.boundaries.problems import BoundaryFileError, ProblemKind
from sew_desktop.services.boundaries.service import info_lines, is_unstated, load_boundaries, remove_boundaries
from sew_desktop.services.boundaries.shapes import map_shapes
from sew_desktop.store import boundaries as store
from sew_desktop.store.repository import Repository
from tests.services.boundaries.files import SIDE, Feature, boundary_file, period_codes, squares

REFERENCE = Path(__file__).resolve().parents[4] / "shared" / "reference"


def area(packed: bytes) -> float:
    return float(polygon_of(unpack_rings(packed)).area)


def snapshot(repository: Repository) -> tuple[object, list[store.StoredShape], list[store.StoredShape]]:
    return (store.boundary_set(repository), store.shapes(repository, Period.FROM_2019.value),
            store.shapes(repository, Period.FROM_2025.value))


@pytest.mark.parametrize("epsg", [31370, 3812, 4326])
@pytest.mark.parametrize("fmt", ["geojson", "shapefile", "geopackage"])
def test_each_format_and_coordinate_system_loads_both_periods(memory_repository: Repository, tmp_path: Path,
                                                              fmt: str, epsg: int) -> None:
    path = boundary_file(tmp_path, fmt, squares(period_codes(memory_repository, Period.FROM_2019)), epsg)
    report = load_boundaries(memory_repository, path, "Test source")
    assert report.file_period is Period.FROM_2019
    assert report.stored == {"2019-2024": 300, "2025": 285}
    assert report.crs.startswith(f"EPSG:{epsg}")
    shapes = map_shapes(memory_repository, Period.FROM_2019)
    assert len(shapes.municipalities) == 300 and len(shapes.provinces) == 5
    # Squares of 2 km stay squares of 2 km in Lambert 72, whatever the file's system (within a metre or so).
    assert area(shapes.municipalities["11001"]) == pytest.approx(SIDE * SIDE, rel=0.02)
    info = store.boundary_set(memory_repository)
    assert info is not None and info.file_name == path.name and info.source == "Test source"
    assert len(info.sha256) == 64 and info.features == 300


def test_statistical_sectors_are_dissolved_per_municipality(memory_repository: Repository, tmp_path: Path) -> None:
    features = squares(period_codes(memory_repository, Period.FROM_2019), "CD_MUNTY_REFNIS", split=2)
    assert len(features) == 1200
    report = load_boundaries(memory_repository, boundary_file(tmp_path, "geojson", features))
    assert report.code_attribute == "CD_MUNTY_REFNIS" and report.features == 1200
    shapes = map_shapes(memory_repository, Period.FROM_2019)
    assert len(unpack_rings(shapes.municipalities["11001"])) == 1  # one ring: four sectors became one square
    assert area(shapes.municipalities["11001"]) == pytest.approx(SIDE * SIDE, rel=0.01)
    info = store.boundary_set(memory_repository)
    assert info is not None and "Statbel" in info.licence and info.source.startswith("Statbel")


def test_the_2025_set_is_the_union_of_the_merged_municipalities(memory_repository: Repository,
                                                                tmp_path: Path) -> None:
    load_boundaries(memory_repository, boundary_file(tmp_path, "geojson",
                                                     squares(period_codes(memory_repository, Period.FROM_2019))))
    old = map_shapes(memory_repository, Period.FROM_2019).municipalities
    new = map_shapes(memory_repository, Period.FROM_2025).municipalities
    assert len(new) == 285
    merged = ("23023", "23024", "23032")  # Galmaarden, Gooik, Herne -> Pajottegem (23106)
    assert area(new["23106"]) == pytest.approx(sum(area(old[c]) for c in merged), rel=0.01)
    assert area(new["11002"]) == pytest.approx(area(old["11002"]) + area(old["11007"]), rel=0.01)  # + Borsbeek


def test_a_2025_file_gives_only_the_2025_set_and_says_so(memory_repository: Repository, tmp_path: Path) -> None:
    path = boundary_file(tmp_path, "geojson", squares(period_codes(memory_repository, Period.FROM_2025)))
    report = load_boundaries(memory_repository, path)
    assert report.file_period is Period.FROM_2025 and report.stored == {"2025": 285}
    assert any("cannot give the borders of 2019-2024" in line for line in report.lines())
    assert map_shapes(memory_repository, Period.FROM_2019).empty


def test_codes_outside_flanders_are_ignored_and_counted(memory_repository: Repository, tmp_path: Path) -> None:
    codes = [*period_codes(memory_repository, Period.FROM_2019), "21004", "62063"]  # Brussel, Luik
    report = load_boundaries(memory_repository, boundary_file(tmp_path, "geojson", squares(codes), 31370))
    assert report.outside == ("21004", "62063") and report.stored["2019-2024"] == 300
    assert "2 codes outside Flanders ignored: 21004, 62063" in report.lines()


def _broken(features: list[Feature]) -> list[Feature]:
    properties, _ = features[5]
    return [*features[:5], (properties, None), *features[6:]]


WRONG = {
    "no code attribute": (lambda codes: squares(codes, "gemeente"), ProblemKind.NO_CODE_ATTRIBUTE),
    "brussels and wallonia only": (lambda codes: squares(["21004", "21001", "62063", "92094"]),
                                   ProblemKind.NO_FLEMISH_CODES),
    "another period": (lambda codes: squares([*codes[:-3], "23106"]), ProblemKind.PERIOD_MISMATCH),
    "broken geometry": (lambda codes: _broken(squares(codes)), ProblemKind.BROKEN_GEOMETRY),
}


@pytest.mark.parametrize("case", sorted(WRONG))
def test_a_wrong_file_is_refused_and_changes_nothing(memory_repository: Repository, tmp_path: Path,
                                                     case: str) -> None:
    codes = period_codes(memory_repository, Period.FROM_2019)
    load_boundaries(memory_repository, boundary_file(tmp_path, "geojson", squares(codes), name="good"))
    before = snapshot(memory_repository)
    make, kind = WRONG[case]
    with pytest.raises(BoundaryFileError) as refused:
        load_boundaries(memory_repository, boundary_file(tmp_path, "geojson", make(codes), name="bad"))
    assert refused.value.kind is kind
    assert snapshot(memory_repository) == before


def test_the_period_refusal_lists_what_is_missing(memory_repository: Repository, tmp_path: Path) -> None:
    codes = period_codes(memory_repository, Period.FROM_2019)
    with pytest.raises(BoundaryFileError) as refused:
        load_boundaries(memory_repository, boundary_file(tmp_path, "geojson", squares(codes[:-2])))
    assert codes[-1] in str(refused.value) and codes[-2] in str(refused.value) and "2019-2024" in str(refused.value)


def test_unsupported_or_mismatched_coordinate_systems_are_refused(memory_repository: Repository,
                                                                  tmp_path: Path) -> None:
    codes = period_codes(memory_repository, Period.FROM_2019)
    with pytest.raises(BoundaryFileError) as refused:
        load_boundaries(memory_repository, boundary_file(tmp_path, "geojson", squares(codes), 3857))
    assert refused.value.kind is ProblemKind.UNSUPPORTED_CRS
    lambert = boundary_file(tmp_path, "geojson", squares(codes), 31370, name="unnamed")
    lambert.write_text(lambert.read_text().replace('"crs"', '"crs_removed"'))  # Lambert metres read as WGS84
    with pytest.raises(BoundaryFileError) as refused:
        load_boundaries(memory_repository, lambert)
    assert refused.value.kind is ProblemKind.OUTSIDE_BELGIUM
    assert store.boundary_set(memory_repository) is None


@pytest.mark.parametrize(("name", "content", "kind"), [
    ("x.geojson", b"{not json", ProblemKind.UNREADABLE),
    ("x.zip", b"PK not a zip", ProblemKind.UNREADABLE),
    ("x.gpkg", b"SQLite format 3\x00garbage", ProblemKind.UNREADABLE),
    ("x.kml", b"<kml/>", ProblemKind.UNSUPPORTED_FORMAT),
    ("x.geojson", b'{"type": "FeatureCollection", "features": []}', ProblemKind.UNREADABLE),
])
def test_unreadable_files_get_a_clear_refusal(memory_repository: Repository, tmp_path: Path, name: str,
                                              content: bytes, kind: ProblemKind) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(BoundaryFileError) as refused:
        load_boundaries(memory_repository, path)
    assert refused.value.kind is kind and str(refused.value)
    assert store.boundary_set(memory_repository) is None


def test_cancel_changes_nothing(memory_repository: Repository, tmp_path: Path) -> None:
    path = boundary_file(tmp_path, "geojson", squares(period_codes(memory_repository, Period.FROM_2019)))
    stages: list[str] = []

    def cancel_when_simplifying(fraction: float, stage: str) -> bool:
        stages.append(stage)
        return stage != "simplifying"

    with pytest.raises(BoundaryFileError) as refused:
        load_boundaries(memory_repository, path, progress=cancel_when_simplifying)
    assert refused.value.kind is ProblemKind.CANCELLED and stages[-1] == "simplifying"
    assert store.boundary_set(memory_repository) is None and not store.shapes(memory_repository, "2019-2024")


def test_info_and_remove(memory_repository: Repository, tmp_path: Path) -> None:
    assert "no boundaries loaded" in info_lines(memory_repository)[0]
    assert not remove_boundaries(memory_repository)
    load_boundaries(memory_repository, boundary_file(tmp_path, "geopackage",
                                                     squares(period_codes(memory_repository, Period.FROM_2019))))
    lines = info_lines(memory_repository)
    assert "file: b.gpkg" in lines and "2025: 285 municipality shapes" in lines
    assert remove_boundaries(memory_repository)
    assert store.boundary_set(memory_repository) is None and not store.shape_counts(memory_repository)


def test_loading_announces_one_change(memory_repository: Repository, tmp_path: Path) -> None:
    heard: list[object] = []
    memory_repository.subscribe(heard.append)
    load_boundaries(memory_repository, boundary_file(tmp_path, "geojson",
                                                     squares(period_codes(memory_repository, Period.FROM_2019))))
    assert len(heard) == 1


@pytest.mark.parametrize(("name", "period", "stored"), [
    ("flanders_municipalities_2019_2024.geojson", Period.FROM_2019, {"2019-2024": 300, "2025": 285}),
    ("flanders_municipalities_2025.geojson", Period.FROM_2025, {"2025": 285}),
])
def test_the_full_scale_reference_files_load(memory_repository: Repository, name: str, period: Period,
                                             stored: dict[str, int]) -> None:
    path = REFERENCE / name
    if not path.exists():
        pytest.skip("shared reference geometry not available: put the shared folder (with reference/) beside"
                    " the project as ../shared")
    report = load_boundaries(memory_repository, path)
    assert report.file_period is period and report.stored == stored
    shapes = map_shapes(memory_repository, Period.FROM_2025)
    assert len(shapes.municipalities) == 285 and len(shapes.provinces) == 5
    assert all(unpack_rings(s.rings) for s in store.shapes(memory_repository, period.value))


def test_without_statbel_attribute_names_the_source_is_not_assumed(memory_repository: Repository,
                                                                    tmp_path: Path) -> None:
    path = boundary_file(tmp_path, "geojson", squares(period_codes(memory_repository, Period.FROM_2019), "NISCODE"))
    load_boundaries(memory_repository, path)
    info = store.boundary_set(memory_repository)
    assert info is not None and info.source == "" and is_unstated(info.source)  # each reader is told in their language
    assert info.licence == "" and info.file_name == path.name
    assert f"source: not stated (file {path.name})" in info_lines(memory_repository)
    assert is_unstated(f"source not stated (file {path.name})")  # what files loaded before this version hold
