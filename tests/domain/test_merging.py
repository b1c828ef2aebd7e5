"""The three-way decision of one row, field by field, and the choices (pure: no file)."""

from __future__ import annotations

import pytest

from sew_desktop.domain.merging import (
    MISSING,
    Choice,
    ConflictKind,
    FieldTouch,
    Prefer,
    Row,
    RowMerge,
    Side,
    Stamp,
    Touch,
    choose,
    merge_row,
    mirrored,
)

EARLY, LATE = Stamp("2026-01-01T10:00:00+00:00", "an"), Stamp("2026-01-02T10:00:00+00:00", "bo")


def _touch(column: str, first_old: object, stamp: Stamp = EARLY) -> Touch:
    return Touch(fields={column: FieldTouch(first_old, stamp)})


def _merge(mine: Row | None, theirs: Row | None, mine_touch: Touch | None, theirs_touch: Touch | None, *,
           two_way: bool = False, children: tuple[bool, bool] = (False, False)) -> RowMerge:
    return merge_row("region", "r1", mine, theirs, mine_touch, theirs_touch, two_way=two_way,
                     children_changed=children)


@pytest.mark.parametrize(("mine_touch", "theirs_touch", "updates", "conflict"), [
    (None, _touch("notes", "base"), {"notes": "b"}, False),  # only theirs changed it: it comes in
    (_touch("notes", "base"), None, {}, False),  # only mine: mine stays
    (_touch("notes", "base"), _touch("notes", "base"), {}, True),  # both, differently: a choice
    (None, None, {}, True),  # neither, yet different: the history does not explain it, a choice
    (_touch("notes", "base"), _touch("notes", "b"), {}, False),  # theirs changed it back: mine stays
    (None, _touch("notes", MISSING), {"notes": "b"}, False),  # an old value that cannot be compared: changed
])
def test_one_field(mine_touch: Touch | None, theirs_touch: Touch | None, updates: dict[str, object],
                   conflict: bool) -> None:
    result = _merge({"notes": "a", "name": "x"}, {"notes": "b", "name": "x"}, mine_touch, theirs_touch)
    assert result.updates == updates
    assert [c.kind for c in result.conflicts] == ([ConflictKind.FIELD] if conflict else [])


def test_different_fields_both_apply_and_equal_values_are_no_conflict() -> None:
    mine = {"notes": "a", "name": "nieuw", "kind": "k2"}
    theirs = {"notes": "b", "name": "oud", "kind": "k2"}
    touches_mine = Touch(fields={"name": FieldTouch("oud", EARLY), "kind": FieldTouch("k1", EARLY)})
    touches_theirs = Touch(fields={"notes": FieldTouch("a", LATE), "kind": FieldTouch("k1", LATE)})
    result = _merge(mine, theirs, touches_mine, touches_theirs)
    assert result.updates == {"notes": "b"} and result.conflicts == []


@pytest.mark.parametrize(("mine_touch", "theirs_touch", "children", "expected"), [
    (None, Touch(inserted=EARLY), (False, False), "insert"),
    (Touch(deleted=EARLY), None, (False, False), "nothing"),
    (Touch(deleted=EARLY), _touch("notes", "a"), (False, False), ConflictKind.DELETED),
    (Touch(deleted=EARLY), None, (False, True), ConflictKind.DELETED),  # theirs added a membership to it
    (None, None, (False, False), ConflictKind.ONLY),
])
def test_a_row_only_theirs_has(mine_touch: Touch | None, theirs_touch: Touch | None, children: tuple[bool, bool],
                               expected: object) -> None:
    result = _merge(None, {"notes": "b"}, mine_touch, theirs_touch, children=children)
    if expected == "insert":
        assert result.insert and not result.conflicts
    elif expected == "nothing":
        assert not result.incoming and not result.conflicts
    else:
        assert [c.kind for c in result.conflicts] == [expected]


@pytest.mark.parametrize(("mine_touch", "theirs_touch", "expected"), [
    (None, Touch(deleted=LATE), "delete"),
    (_touch("notes", "base"), Touch(deleted=LATE), ConflictKind.DELETED),
    (Touch(inserted=EARLY), None, "nothing"),
    (None, None, ConflictKind.ONLY),
])
def test_a_row_only_mine_has(mine_touch: Touch | None, theirs_touch: Touch | None, expected: object) -> None:
    result = _merge({"notes": "a"}, None, mine_touch, theirs_touch)
    if expected == "delete":
        assert result.delete and not result.conflicts
    elif expected == "nothing":
        assert not result.incoming and not result.conflicts
    else:
        assert [c.kind for c in result.conflicts] == [expected]


def test_without_a_common_past_every_difference_is_a_choice() -> None:
    result = _merge({"notes": "a"}, {"notes": "b"}, None, _touch("notes", "a"), two_way=True)
    assert not result.updates and [c.kind for c in result.conflicts] == [ConflictKind.FIELD]
    assert [c.kind for c in _merge(None, {"notes": "b"}, None, None, two_way=True).conflicts] == [ConflictKind.ONLY]


def test_choices_and_preferences() -> None:
    [conflict] = _merge({"notes": "a"}, {"notes": "b"}, _touch("notes", "x", EARLY), _touch("notes", "x", LATE)
                        ).conflicts
    assert (conflict.mine_stamp, conflict.theirs_stamp) == (EARLY, LATE)
    assert choose(conflict, {}, None) is None
    assert choose(conflict, {}, Prefer.NEWER) == Choice(Side.THEIRS)
    assert choose(conflict, {}, Prefer.MINE) == Choice(Side.MINE)
    typed = Choice(Side.VALUE, "c")
    assert choose(conflict, {conflict.key: typed}, Prefer.THEIRS) == typed
    assert mirrored(Choice(Side.MINE)) == Choice(Side.THEIRS) and mirrored(typed) == typed
    [reverse] = _merge({"notes": "a"}, {"notes": "b"}, _touch("notes", "x", LATE), _touch("notes", "x", EARLY)
                       ).conflicts
    assert choose(reverse, {}, Prefer.NEWER) == Choice(Side.MINE)
    [only] = _merge({"notes": "a"}, None, None, None, two_way=True).conflicts
    assert choose(only, {}, Prefer.NEWER) == Choice(Side.MINE)  # no times: the row is kept
