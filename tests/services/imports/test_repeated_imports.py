"""Several decision files for the same call, with memberships moved inside the call period in between."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sew_desktop.services.checks import check_database
from sew_desktop.services.imports.model import Options
from sew_desktop.services.imports.service import apply, find_call, prepare, undo
from sew_desktop.store import decisions as store
from sew_desktop.store.mapping import Entity
from sew_desktop.store.repository import Repository
from tests.services.imports.helpers import CALL, HEADER, repository, write_csv

GEEL, MOL = "13008", "13025"


def _import(repo: Repository, folder: Path, collaboration: str) -> store.Snapshot | None:
    rows = [HEADER, *([collaboration, name, "goedgekeurd", "1.000,00", ""] for name in ("Geel", "Mol"))]
    path = write_csv(folder / f"{collaboration}.csv", rows)
    return apply(repo, prepare(repo, path, find_call(repo, CALL), Options(as_of=date(2023, 6, 1))), user="t")


def _move_mid_period(repo: Repository, nis: str) -> None:
    """The municipality's current membership ends on 30/06/2024; another regiegebied has it from 01/07/2024."""
    [current] = [m for m in repo.memberships().values() if m.municipality_nis == nis and m.validity.contains(
        date(2024, 6, 30))]
    other = min(r for r in repo.regions() if r != current.region_id)
    with repo.transaction():
        repo.update(Entity.MEMBERSHIP, current.id, {"valid_to": date(2024, 6, 30)})
        repo.insert(Entity.MEMBERSHIP, {"region_id": other, "municipality_nis": nis, "valid_from": date(2024, 7, 1),
                                        "valid_to": current.validity.valid_to})


def _consistent(repo: Repository, path: Path) -> None:
    """No overlap in the file, and what the open repository holds is what the file holds."""
    assert check_database(repo).rules == []
    fresh = repository(path)
    try:
        assert check_database(fresh).rules == []
        assert dict(fresh.memberships()) == dict(repo.memberships())
    finally:
        fresh.close()


def _region_of(repo: Repository, nis: str, day: date) -> list[str]:
    regions = repo.regions()
    return [regions[m.region_id].name for m in repo.memberships().values()
            if m.municipality_nis == nis and m.validity.contains(day)]  # fmt: skip


def test_a_second_and_third_file_for_the_same_call_leave_no_overlap(
    repo: Repository, demo_path: Path, tmp_path: Path
) -> None:
    for nis in (GEEL, MOL):
        _move_mid_period(repo, nis)
    _import(repo, tmp_path, "Regio Een")
    _consistent(repo, demo_path)
    _import(repo, tmp_path, "Regio Twee")  # replaces the memberships the first file made, ids reused
    _consistent(repo, demo_path)
    _move_mid_period(repo, GEEL)
    before = store.snapshot_database(repo)
    snapshot = _import(repo, tmp_path, "Regio Drie")
    _consistent(repo, demo_path)
    for day in (date(2023, 1, 1), date(2024, 6, 30), date(2024, 7, 1), date(2025, 12, 31)):
        assert _region_of(repo, GEEL, day) == ["Regio Drie"] and _region_of(repo, MOL, day) == ["Regio Drie"]
    assert snapshot is not None
    undo(repo, snapshot)
    assert [line for line in store.snapshot_database(repo) if "import_log" not in line] == [
        line for line in before if "import_log" not in line]
    _consistent(repo, demo_path)
