"""Which key names a merge conflict, and how "prefer newer" breaks a tie.

A conflict is keyed ``table/identity/field`` and the CLI and the dialog key choices by it, so the identity must
be the same in both copies however the rows got there: a row's uuid (never its id, which is local to a file), a
municipality's NIS code, a regiegebied by its name and a membership by its natural key when both copies made them
on their own (the same decisions file imported on both sides), a decision's member by this copy's decision.
"Prefer newer" takes the side whose change of that field is later; on equal times this copy's value stays, and a
row only one side has (no history says why) is kept.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from sew_desktop.domain.merging import Choice, ConflictKind, Prefer, Side
from sew_desktop.services.imports.model import Options
from sew_desktop.services.imports.service import apply, find_call, prepare
from sew_desktop.services.merging.apply import apply_merge
from sew_desktop.services.merging.plan import MergePlan, plan_merge
from sew_desktop.services.merging.resolve import resolve
from sew_desktop.store.mapping import Entity
from sew_desktop.store.repository import Repository
from tests.services.imports.helpers import CALL, HEADER, write_csv
from tests.services.merge_helpers import copy, opened

Paths = tuple[Path, Path]
NEW_REGION = {"kind": "samenwerkingsverband", "province_nis": "10000", "valid_from": date(2024, 1, 1)}


@pytest.fixture
def copies(demo_path: Path, tmp_path: Path) -> Paths:
    return copy(demo_path, tmp_path / "a.sqlite"), copy(demo_path, tmp_path / "b.sqlite")


def _plan(mine: Path, theirs: Path) -> MergePlan:
    with opened(mine) as repository:
        return plan_merge(repository, theirs)


def _uuid(repository: Repository, table: str, where: str, value: object) -> str:
    return str(repository.select(f"SELECT uuid FROM {table} WHERE {where} = ?", [value])[0]["uuid"])


def _merge(mine: Path, theirs: Path, prefer: Prefer | None = Prefer.THEIRS) -> None:
    with opened(mine) as repository:
        plan = plan_merge(repository, theirs)
        apply_merge(repository, plan, resolve(plan, prefer=prefer))


# -- which key names a conflict ------------------------------------------------------------------------


def test_a_row_is_named_by_its_uuid_where_the_copies_gave_it_different_ids(copies: Paths) -> None:
    a, b = copies
    for path, name in ((a, "Eigen A"), (b, "Eigen B")):
        with opened(path) as repository:  # the same next id on both sides, for different rows
            repository.insert(Entity.REGION, {"name": name, **NEW_REGION})
    _merge(a, b)  # B's row comes into A under the next id there
    with opened(a) as repository:
        ids = {r.name: r.id for r in repository.regions().values()}
        assert {"Eigen A", "Eigen B"} <= set(ids)  # two rows, not one row with a conflict over its name
        uuid = _uuid(repository, "region", "name", "Eigen B")
    with opened(b) as repository:
        assert repository.regions()[ids["Eigen A"]].name == "Eigen B"  # A's id of its own row is B's row's id
    for path, notes in ((a, "van A"), (b, "van B")):
        with opened(path) as repository:
            [region] = [k for k, r in repository.regions().items() if r.name == "Eigen B"]
            repository.update(Entity.REGION, region, {"notes": notes})
    conflicts = _plan(a, b).conflicts
    assert [(c.key, c.mine, c.theirs) for c in conflicts] == [(f"region/{uuid}/notes", "van A", "van B")]


def test_a_municipality_is_named_by_its_nis_code(copies: Paths) -> None:
    a, b = copies
    for path, notes in ((a, "van A"), (b, "van B")):
        with opened(path) as repository:
            repository.update(Entity.MUNICIPALITY, "11001", {"notes": notes})
    conflicts = _plan(a, b).conflicts
    assert [(c.key, c.kind, c.row) for c in conflicts] == [("municipality/11001/notes", ConflictKind.FIELD, "11001")]


def test_a_regiegebied_both_copies_made_is_one_row_named_by_this_copys_uuid(copies: Paths) -> None:
    a, b = copies
    for path, notes in ((a, "van A"), (b, "van B")):
        with opened(path) as repository:
            repository.insert(Entity.REGION, {"name": "Zelfde naam", "notes": notes, **NEW_REGION})
    with opened(a) as repository:
        mine = _uuid(repository, "region", "name", "Zelfde naam")
    plan = _plan(a, b)
    assert [c.key for c in plan.conflicts] == [f"region/{mine}/notes"]
    assert not [m for m in plan.rows.values() if m.insert]  # not a second regiegebied of that name


def _import_on_both_sides(folder: Path, rows: dict[Path, list[list[str]]]) -> None:
    for path, lines in rows.items():
        source = write_csv(folder / f"{path.stem}.csv", [HEADER, *lines])
        with opened(path) as repository:
            apply(repository, prepare(repository, source, find_call(repository, CALL), Options(as_of=date(2023, 6, 1))))


def test_a_membership_both_copies_made_is_named_by_this_copys_uuid(copies: Paths, tmp_path: Path) -> None:
    a, b = copies
    line = ["Regio X", "Geel", "goedgekeurd", "1.000,00", ""]
    _import_on_both_sides(tmp_path, {a: [line], b: [line]})
    for path, valid_to in ((a, date(2026, 6, 30)), (b, date(2026, 12, 31))):
        with opened(path) as repository:
            [member] = [k for k, m in repository.memberships().items()
                        if m.municipality_nis == "13008" and repository.regions()[m.region_id].name == "Regio X"]
            repository.update(Entity.MEMBERSHIP, member, {"valid_to": valid_to})
    with opened(a) as repository:
        mine = _uuid(repository, "membership", "id", member)
    plan = _plan(a, b)
    assert [c.key for c in plan.conflicts] == [f"membership/{mine}/valid_to"]
    assert not [m for m in plan.rows.values() if m.insert]


def test_a_decisions_member_is_named_by_this_copys_decision(copies: Paths, tmp_path: Path) -> None:
    a, b = copies
    geel, mol = ["Regio X", "Geel", "goedgekeurd", "1.000,00", ""], ["Regio X", "Mol", "goedgekeurd", "", ""]
    _import_on_both_sides(tmp_path, {a: [geel], b: [geel, mol]})
    with opened(a) as repository:
        mine = _uuid(repository, "subsidy_decision", "collaboration", "Regio X")
    with opened(b) as repository:
        assert _uuid(repository, "subsidy_decision", "collaboration", "Regio X") != mine  # imported apart
    [conflict] = [c for c in _plan(a, b).conflicts if c.table == "decision_member"]
    assert (conflict.key, conflict.kind) == (f"decision_member/{mine}/13025/*", ConflictKind.ONLY)


# -- "prefer newer" ---------------------------------------------------------------------------------------


def _stamp_last_change(path: Path, field: str, at: str) -> None:
    """Date the copy's latest change of ``field`` (a test's way to make two changes equally old)."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("UPDATE change_history SET at = ? WHERE id = (SELECT max(id) FROM change_history"
                     " WHERE entity = 'region' AND field = ?)", [at, field])
        conn.commit()
    finally:
        conn.close()


EARLY, LATE = "2025-03-01T09:00:00.000000+00:00", "2025-03-01T09:00:00.000001+00:00"


@pytest.mark.parametrize(("mine_at", "theirs_at", "winner"), [
    (EARLY, LATE, Side.THEIRS),
    (LATE, EARLY, Side.MINE),
    (LATE, LATE, Side.MINE),  # a tie: the other copy changed nothing newer, this copy's value stays
])
def test_prefer_newer_takes_the_later_change_of_the_field_and_mine_on_a_tie(
        copies: Paths, mine_at: str, theirs_at: str, winner: Side) -> None:
    a, b = copies
    with opened(a) as repository:
        region = sorted(repository.regions())[0]
    for path, notes, at in ((a, "van A", mine_at), (b, "van B", theirs_at)):
        with opened(path) as repository:
            repository.update(Entity.REGION, region, {"notes": notes})
        _stamp_last_change(path, "notes", at)
    with opened(a) as repository:
        plan = plan_merge(repository, b)
        [conflict] = plan.conflicts
        assert (conflict.mine_stamp.at, conflict.theirs_stamp.at) == (mine_at, theirs_at)
        resolution = resolve(plan, prefer=Prefer.NEWER)
        assert resolution.decided == {conflict.key: Choice(winner)}
        apply_merge(repository, plan, resolution)
        assert repository.regions()[region].notes == ("van B" if winner is Side.THEIRS else "van A")


def test_prefer_newer_keeps_a_row_only_one_side_has_when_no_history_dates_it(demo_path: Path,
                                                                             tmp_path: Path) -> None:
    from sew_desktop.services.databases import create_repository

    empty = tmp_path / "apart.sqlite"
    create_repository(empty).close()  # no common past: no change is dated, every stamp is equal
    for mine, theirs, side in ((empty, demo_path, Side.THEIRS), (demo_path, empty, Side.MINE)):
        plan = _plan(mine, theirs)
        only = [c for c in plan.conflicts if c.kind is ConflictKind.ONLY and c.table == "region"]
        assert only and all(c.mine_stamp == c.theirs_stamp for c in only)
        resolution = resolve(plan, prefer=Prefer.NEWER)
        assert {resolution.decided[c.key] for c in only} == {Choice(side)}
        assert not [w for w in resolution.writes if w.kind == "delete"]  # nothing lost either way
