"""Merging copies: three-way from the shared history, field by field, conflicts, rules, idempotent, symmetric,
undo; randomized over edits of every kind on two and three copies."""

from __future__ import annotations

from dataclasses import FrozenInstanceError
from pathlib import Path
from typing import Any, cast

import pytest

from sew_desktop.domain.merging import Choice, ConflictKind, Prefer, Side
from sew_desktop.services.checks import check_database
from sew_desktop.services.merging.apply import apply_merge, undo_merge
from sew_desktop.services.merging.plan import SameFileError, plan_merge
from sew_desktop.services.merging.resolve import resolve
from sew_desktop.store.mapping import Entity
from tests.services.merge_helpers import copy, dump, opened, portable, random_edits

Rows = dict[tuple[str, str], dict[str, Any]]


def _merge(mine: Path, theirs: Path, prefer: Prefer | None = None) -> None:
    with opened(mine) as repository:
        plan = plan_merge(repository, theirs)
        resolution = resolve(plan, prefer=prefer)
        apply_merge(repository, plan, resolution)


def _region(repository_path: Path, index: int = 0) -> int:
    with opened(repository_path) as repository:
        return sorted(repository.regions())[index]


@pytest.fixture
def copies(demo_path: Path, tmp_path: Path) -> tuple[Path, Path]:
    return copy(demo_path, tmp_path / "a.sqlite"), copy(demo_path, tmp_path / "b.sqlite")


def test_changes_to_different_fields_of_one_row_both_apply(copies: tuple[Path, Path]) -> None:
    a, b = copies
    region = _region(a)
    with opened(a) as repository:
        repository.update(Entity.REGION, region, {"notes": "van A"})
    with opened(b) as repository:
        repository.update(Entity.REGION, region, {"name": "Naam van B"})
    with opened(a) as repository:
        plan = plan_merge(repository, b)
        assert not plan.two_way and plan.shared_entries > 0
        resolution = resolve(plan)
        assert resolution.complete and not plan.conflicts
        apply_merge(repository, plan, resolution)
        merged = repository.regions()[region]
    assert (merged.name, merged.notes) == ("Naam van B", "van A")


def test_the_same_field_changed_differently_is_a_conflict_with_who_and_when(copies: tuple[Path, Path]) -> None:
    a, b = copies
    region = _region(a)
    for path, text in ((a, "A"), (b, "B")):
        with opened(path) as repository:
            repository.update(Entity.REGION, region, {"notes": text})
    with opened(a) as repository:
        plan = plan_merge(repository, b)
        [conflict] = plan.conflicts
        assert (conflict.kind, conflict.field) == (ConflictKind.FIELD, "notes")
        assert (conflict.mine, conflict.theirs) == ("A", "B")
        assert conflict.mine_stamp.who and conflict.theirs_stamp.at > conflict.mine_stamp.at
        assert not resolve(plan).complete
        resolution = resolve(plan, {conflict.key: Choice(Side.VALUE, "A en B")})
        apply_merge(repository, plan, resolution)
        assert repository.regions()[region].notes == "A en B"
        # the losing values stay visible in the history
        values = {e[0] for e in repository.database.execute(
            "SELECT new_value FROM change_history WHERE entity = 'region' AND field = 'notes'")}
        assert {"A", "B", "A en B"} <= values


def test_delete_on_one_side_and_change_on_the_other_is_a_conflict(copies: tuple[Path, Path]) -> None:
    a, b = copies
    with opened(a) as repository:
        agreement = sorted(repository.agreements())[0]
        repository.delete(Entity.AGREEMENT, [agreement])
    with opened(b) as repository:
        repository.update(Entity.AGREEMENT, agreement, {"notes": "nog nodig"})
    with opened(a) as repository:
        plan = plan_merge(repository, b)
        [conflict] = plan.conflicts
        assert conflict.kind is ConflictKind.DELETED
        apply_merge(repository, plan, resolve(plan, {conflict.key: Choice(Side.THEIRS)}))
        assert any(x.notes == "nog nodig" for x in repository.agreements().values())


def test_rows_added_on_both_sides_are_both_kept_and_a_merge_twice_changes_nothing(copies: tuple[Path, Path]) -> None:
    a, b = copies
    for path, name in ((a, "Nieuw A"), (b, "Nieuw B")):
        with opened(path) as repository:
            repository.insert(Entity.REGION, {"name": name, "kind": "samenwerkingsverband", "province_nis": "10000"})
    _merge(a, b)
    before = dump(a)
    with opened(a) as repository:
        assert {"Nieuw A", "Nieuw B"} <= {r.name for r in repository.regions().values()}
        again = resolve(plan_merge(repository, b))
        assert again.writes == [] and again.complete
    _merge(a, b)
    assert dump(a) == before


def test_a_later_merge_finds_the_new_common_past(copies: tuple[Path, Path]) -> None:
    a, b = copies
    region = _region(a)
    with opened(b) as repository:
        repository.update(Entity.REGION, region, {"notes": "B eerst"})
    _merge(a, b)
    with opened(b) as repository:
        repository.update(Entity.REGION, region, {"notes": "B daarna"})
    with opened(a) as repository:
        plan = plan_merge(repository, b)
        assert not plan.conflicts  # A's adopted value is not a change of A's own
        apply_merge(repository, plan, resolve(plan))
        assert repository.regions()[region].notes == "B daarna"
    _merge(b, a)  # the coordinator hands the merged file back: nothing conflicts
    assert dump(a) == dump(b)


def test_a_broken_rule_is_a_conflict(copies: tuple[Path, Path]) -> None:
    a, b = copies
    with opened(a) as repository:
        member = next(m for m in repository.memberships().values() if m.validity.valid_to is None)
        regions = sorted(r for r in repository.regions() if r != member.region_id)
    for path, region in ((a, regions[0]), (b, regions[1])):
        with opened(path) as repository, repository.transaction():
            repository.update(Entity.MEMBERSHIP, member.id, {"valid_to": "2024-06-30"})
            repository.insert(Entity.MEMBERSHIP, {"region_id": region, "municipality_nis": member.municipality_nis,
                                                  "valid_from": "2024-07-01"})
    with opened(a) as repository:
        plan = plan_merge(repository, b)
        resolution = resolve(plan)
        assert [c.kind for c in resolution.rule_conflicts] == [ConflictKind.RULE]
        rule = resolution.rule_conflicts[0]
        done = resolve(plan, {rule.key: Choice(Side.THEIRS)})
        assert done.complete
        apply_merge(repository, plan, done)
        assert check_database(repository).ok
        mine = [m for m in repository.memberships().values() if m.municipality_nis == member.municipality_nis]
        assert {m.region_id for m in mine if m.validity.valid_to is None} == {regions[1]}


def test_undo_puts_everything_back_and_the_changes_come_again(copies: tuple[Path, Path]) -> None:
    a, b = copies
    random_edits(b, 5, "B", 25, b.parent)
    before = dump(a)
    with opened(a) as repository:
        plan = plan_merge(repository, b)
        undo = apply_merge(repository, plan, resolve(plan, prefer=Prefer.THEIRS))
        assert dump(a) != before
        undo_merge(repository, undo)
    assert dump(a) == before
    _merge(a, b, Prefer.THEIRS)
    assert dump(a) == dump(b)


def test_the_plan_and_its_undo_cannot_change_after_they_are_made(copies: tuple[Path, Path]) -> None:
    a, b = copies
    random_edits(b, 3, "B", 10, b.parent)
    with opened(a) as repository:
        plan = plan_merge(repository, b)
        undo = apply_merge(repository, plan, resolve(plan, prefer=Prefer.THEIRS))
        assert plan.rows and undo.old_rows and undo.counts
        for made, name in ((plan, "rows"), (plan, "entries"), (undo, "old_rows"), (undo, "counts")):
            with pytest.raises(FrozenInstanceError):
                setattr(made, name, None)
        for mapping in (plan.rows, plan.context, plan.names, plan.touched[1], plan.children, undo.counts):
            with pytest.raises(TypeError):  # a read-only view
                cast(Any, mapping)["added"] = None
        assert all(isinstance(part, tuple) for part in (plan.entries, plan.records, plan.aliases, plan.import_log,
                                                        undo.old_rows, undo.inserted, undo.trashed, undo.entries))


def test_no_common_past_compares_two_way(demo_path: Path, tmp_path: Path) -> None:
    from sew_desktop.services.databases import create_repository

    other = tmp_path / "apart.sqlite"
    create_repository(other).close()
    with opened(demo_path) as repository:
        plan = plan_merge(repository, other)
        assert plan.two_way
        kinds = {c.kind for c in plan.conflicts}
        assert ConflictKind.ONLY in kinds  # the demo's regiegebieden are not in the other file
        resolution = resolve(plan, prefer=Prefer.MINE)
        assert resolution.complete and not [w for w in resolution.writes if w.kind == "delete"]
        with pytest.raises(SameFileError):
            plan_merge(repository, demo_path)


def _oracle_check(base: Rows, mine: Rows, theirs: Rows, merged: Rows, conflicted: set[tuple[str, str]]) -> None:
    """Every change made on one side only is in the merged data; nothing else appeared or went."""
    for key in set(base) | set(mine) | set(theirs):
        if key in conflicted or (key[0], "*") in conflicted:
            continue
        b, m, t = base.get(key), mine.get(key), theirs.get(key)
        if m == b:
            expected = t
        elif t in (b, m):
            expected = m
        else:
            continue  # both changed it: a conflict decided by the choice
        if expected is None:
            assert key not in merged, key
        elif b is not None and m is not None and t is not None:
            for column in expected:
                if m[column] == b[column]:
                    assert merged[key][column] == t[column], (key, column)
                elif t[column] == b[column]:
                    assert merged[key][column] == m[column], (key, column)
        else:
            assert merged.get(key) == expected, key


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_randomized_two_copies(demo_path: Path, tmp_path: Path, seed: int) -> None:
    a, b = copy(demo_path, tmp_path / "a.sqlite"), copy(demo_path, tmp_path / "b.sqlite")
    random_edits(a, seed * 10, "A", 40, tmp_path)
    random_edits(b, seed * 10 + 1, "B", 40, tmp_path)
    base, mine, theirs = portable(demo_path), portable(a), portable(b)
    with opened(a) as repository:
        plan = plan_merge(repository, b)
        resolution = resolve(plan, prefer=Prefer.THEIRS)
        conflicted = {(c.table, c.row) for c in [*plan.conflicts, *resolution.rule_conflicts]}
        conflicted |= {k for c in resolution.rule_conflicts for k in c.rows}
        apply_merge(repository, plan, resolution)
        assert check_database(repository).ok, check_database(repository)
        assert resolve(plan_merge(repository, b)).writes == []  # idempotent
    merged = portable(a)
    _oracle_check(base, mine, theirs, merged, conflicted)
    # every conflict is reported: each row both sides changed differently is among them
    for key in set(mine) & set(theirs) & set(base):
        changed = [c for c in mine[key] if mine[key][c] != base[key][c] and theirs[key][c] != base[key][c]
                   and mine[key][c] != theirs[key][c]]
        assert not changed or key in conflicted, key


@pytest.mark.parametrize("seed", [4, 5])
def test_randomized_symmetric(demo_path: Path, tmp_path: Path, seed: int) -> None:
    a, b = copy(demo_path, tmp_path / "a.sqlite"), copy(demo_path, tmp_path / "b.sqlite")
    random_edits(a, seed * 10, "A", 40, tmp_path)
    random_edits(b, seed * 10 + 1, "B", 40, tmp_path)
    a2, b2 = copy(a, tmp_path / "a2.sqlite"), copy(b, tmp_path / "b2.sqlite")
    _merge(a2, b, Prefer.THEIRS)
    _merge(b2, a, Prefer.MINE)
    assert dump(a2) == dump(b2)
    _merge(a, b, Prefer.NEWER)
    _merge(b, a, Prefer.NEWER)
    assert dump(a) == dump(b)


@pytest.mark.parametrize("seed", [6, 7, 8])
def test_randomized_three_copies_converge_with_newer(demo_path: Path, tmp_path: Path, seed: int) -> None:
    sides = [copy(demo_path, tmp_path / f"{n}.sqlite") for n in "abc"]
    for number, path in enumerate(sides):
        random_edits(path, seed * 100 + number, "ABC"[number], 30, tmp_path)
    orders = [(0, 1, 2), (0, 2, 1), (2, 1, 0), (1, 0, 2)]
    results = []
    for number, (target, first, second) in enumerate(orders):
        work = copy(sides[target], tmp_path / f"order{number}.sqlite")
        _merge(work, sides[first], Prefer.NEWER)
        _merge(work, sides[second], Prefer.NEWER)
        with opened(work) as repository:
            assert check_database(repository).ok
        results.append(dump(work))
    assert all(r == results[0] for r in results[1:])


def test_a_merged_delete_goes_to_the_trash_and_undo_takes_it_out(copies: tuple[Path, Path]) -> None:
    from sew_desktop.store import trash

    a, b = copies
    with opened(b) as repository:
        agreement = sorted(repository.agreements())[0]
        repository.delete(Entity.AGREEMENT, [agreement])
    with opened(a) as repository:
        plan = plan_merge(repository, b)
        undo = apply_merge(repository, plan, resolve(plan))
        assert agreement not in repository.agreements()
        assert [item.entity for item in trash.items(repository.database)] == ["agreement"]
        notes = [e[0] for e in repository.database.execute("SELECT why FROM change_history WHERE action = 'note'")]
        assert any(str(n).startswith("merge: b.sqlite") for n in notes)
        undo_merge(repository, undo)
        assert agreement in repository.agreements()
        assert trash.items(repository.database) == []


def test_two_way_with_theirs_takes_their_data(demo_path: Path, tmp_path: Path) -> None:
    from sew_desktop.services.databases import create_repository

    other = tmp_path / "apart.sqlite"
    create_repository(other).close()
    with opened(other) as repository:
        repository.insert(Entity.REGION, {"name": "Alleen hier", "kind": "samenwerkingsverband",
                                          "province_nis": "10000"})
    _merge(demo_path, other, Prefer.THEIRS)
    with opened(demo_path) as mine, opened(other) as theirs:
        # the open call of the same name is one row: it keeps this file's uuid
        names = {c.uuid: c.name for c in mine.open_calls()} | {c.uuid: c.name for c in theirs.open_calls()}
        ours, their_call = mine.open_calls()[0].uuid, theirs.open_calls()[0].uuid
        assert names[ours] == names[their_call]
    assert [line.replace(ours, their_call) for line in dump(demo_path)] == dump(other)
    with opened(demo_path) as repository:
        assert check_database(repository).ok
        again = plan_merge(repository, other)
        assert not again.two_way  # the merge took their history in: the next merge has a common past
        assert resolve(again).writes == []


def test_a_change_after_the_preview_refuses_the_merge(copies: tuple[Path, Path]) -> None:
    from sew_desktop.services.merging.apply import ChangedSincePreviewError

    a, b = copies
    region = _region(a)
    with opened(b) as repository:
        repository.update(Entity.REGION, region, {"notes": "van B"})
    with opened(a) as repository:
        plan = plan_merge(repository, b)
        resolution = resolve(plan)
        before = dump(a)
        with opened(a) as other_window:
            other_window.update(Entity.REGION, region, {"notes": "intussen"})
        with pytest.raises(ChangedSincePreviewError):
            apply_merge(repository, plan, resolution)
        assert repository.regions()[region].notes != "van B"
    assert dump(a) != before and "intussen" in " ".join(dump(a))


@pytest.mark.parametrize("side", [Side.MINE, Side.THEIRS])
def test_a_deleted_regiegebied_that_the_other_side_still_uses_is_a_conflict(copies: tuple[Path, Path],
                                                                            side: Side) -> None:
    a, b = copies
    with opened(a) as repository:
        region = sorted(repository.regions())[-1]
        uuid = repository.regions()[region].uuid
        repository.delete(Entity.REGION, [region])
    with opened(b) as repository:
        free = next(n for n in sorted(repository.municipalities()) if not repository.stored_memberships_of(n))
        repository.insert(Entity.MEMBERSHIP, {"region_id": region, "municipality_nis": free,
                                              "valid_from": "2030-01-01"})
    with opened(a) as repository:
        plan = plan_merge(repository, b)
        [conflict] = [c for c in plan.conflicts if c.table == "region"]
        assert conflict.kind is ConflictKind.DELETED and conflict.row == uuid
        resolution = resolve(plan, {conflict.key: Choice(side)}, Prefer.MINE)
        apply_merge(repository, plan, resolution)
        assert check_database(repository).ok
        regions = {r.uuid: r.id for r in repository.regions().values()}
        new = [m for m in repository.memberships().values() if m.validity.valid_from and
               m.validity.valid_from.year == 2030]
        if side is Side.MINE:
            assert uuid not in regions and new == []
        else:
            assert uuid in regions and [m.region_id for m in new] == [regions[uuid]]
