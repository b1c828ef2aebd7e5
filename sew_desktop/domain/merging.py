"""Three-way merge of two copies' rows, field by field (pure: rows and what each side changed come in).

A row is a mapping of column → value in *portable* form: foreign keys are the referenced row's uuid, so rows
of two files compare directly. What a side changed since the common past is a :class:`Touch` per row, built
from the side's own history entries (those the other side does not know). Without a common past
(``two_way``) every difference is a choice.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field

Row = Mapping[str, object]
MISSING = object()  # an old value that cannot be expressed in portable form: the field counts as changed


class Side(enum.StrEnum):
    """Whose version wins a conflict."""

    MINE = "mine"
    THEIRS = "theirs"
    VALUE = "value"  # another value, typed by the user


class Prefer(enum.StrEnum):
    """A choice for every conflict at once."""

    MINE = "mine"
    THEIRS = "theirs"
    NEWER = "newer"


class ConflictKind(enum.StrEnum):
    """Why a conflict needs a choice."""

    FIELD = "field"  # the same field changed to different values on both sides
    DELETED = "deleted"  # deleted on one side, changed on the other
    ONLY = "only"  # the row is on one side only and the history does not say why (or no common past)
    RULE = "rule"  # the merged data would break a domain rule


@dataclass(frozen=True, slots=True)
class Stamp:
    """Who changed something when (ISO time), from a side's history."""

    at: str = ""
    who: str = ""


@dataclass(slots=True)
class FieldTouch:
    """A side's changes of one field since the common past: the value before the first one, the last one."""

    first_old: object
    stamp: Stamp
    last_new: object = None


@dataclass(slots=True)
class Touch:
    """What one side did to one row since the common past."""

    fields: dict[str, FieldTouch] = field(default_factory=dict)
    inserted: Stamp | None = None
    deleted: Stamp | None = None

    def latest(self) -> Stamp:
        """The latest change of the row on this side."""
        stamps = [t.stamp for t in self.fields.values()] + [s for s in (self.inserted, self.deleted) if s]
        return max(stamps, key=lambda s: s.at, default=Stamp())


@dataclass(frozen=True, slots=True)
class Choice:
    """The user's decision for one conflict."""

    side: Side
    value: object = None


@dataclass(frozen=True, slots=True)
class Conflict:
    """Something only the user can decide. ``field`` is None for a whole row (or a rule group)."""

    key: str
    kind: ConflictKind
    table: str
    row: str
    field: str | None
    mine: object
    theirs: object
    mine_stamp: Stamp
    theirs_stamp: Stamp
    label: str = ""
    rows: tuple[tuple[str, str], ...] = ()  # a rule conflict: the (table, row) whose versions it decides

    def newer(self) -> Side:
        """The side changed last (mine on a tie: the other copy changed nothing newer)."""
        return Side.THEIRS if self.theirs_stamp.at > self.mine_stamp.at else Side.MINE


@dataclass(slots=True)
class RowMerge:
    """One row of one table: both versions, the incoming change decided without the user, its conflicts."""

    table: str
    row: str
    mine: Row | None
    theirs: Row | None
    insert: bool = False
    delete: bool = False
    updates: dict[str, object] = field(default_factory=dict)
    conflicts: list[Conflict] = field(default_factory=list)

    @property
    def incoming(self) -> bool:
        """True when something comes in without a choice."""
        return self.insert or self.delete or bool(self.updates)


def conflict_key(table: str, row: str, column: str | None) -> str:
    """A stable name for a conflict (the CLI and the dialog key choices by it)."""
    return f"{table}/{row}/{column or '*'}"


def _changed(touch: Touch | None, column: str, current: object) -> bool:
    if touch is None:
        return False
    if touch.inserted is not None:
        return True
    found = touch.fields.get(column)
    return found is not None and (found.first_old is MISSING or found.first_old != current)


def _stamp(touch: Touch | None, column: str | None) -> Stamp:
    if touch is None:
        return Stamp()
    if column is not None and column in touch.fields:
        return touch.fields[column].stamp
    return touch.latest()


def _row_changed(touch: Touch | None, row: Row | None) -> bool:
    if touch is None or row is None:
        return touch is not None and (touch.inserted is not None or bool(touch.fields))
    return touch.inserted is not None or any(_changed(touch, c, row.get(c)) for c in touch.fields)


def merge_row(table: str, row: str, mine: Row | None, theirs: Row | None, mine_touch: Touch | None,
              theirs_touch: Touch | None, *, two_way: bool, children_changed: tuple[bool, bool] = (False, False),
              label: str = "") -> RowMerge:
    """Decide one row: what comes in from theirs, and what is a conflict.

    ``children_changed`` says whether (mine, theirs) changed rows that belong to this one (a regiegebied's
    memberships): deleting it on one side then conflicts with that change on the other.
    """
    result = RowMerge(table, row, mine, theirs)
    if mine is not None and theirs is not None:
        _merge_fields(result, mine, theirs, mine_touch, theirs_touch, two_way, label)
    elif theirs is not None:
        _only_theirs(result, mine_touch, theirs_touch, two_way, children_changed[1], label)
    elif mine is not None:
        _only_mine(result, mine_touch, theirs_touch, two_way, children_changed[0], label)
    return result


def _merge_fields(result: RowMerge, mine: Row, theirs: Row, mine_touch: Touch | None, theirs_touch: Touch | None,
                  two_way: bool, label: str) -> None:
    for column, their_value in theirs.items():
        my_value = mine.get(column)
        if my_value == their_value:
            continue
        mine_changed = _changed(mine_touch, column, my_value)
        theirs_changed = _changed(theirs_touch, column, their_value)
        if not two_way and theirs_changed and not mine_changed:
            result.updates[column] = their_value
        elif two_way or theirs_changed or not mine_changed:
            result.conflicts.append(Conflict(
                conflict_key(result.table, result.row, column), ConflictKind.FIELD, result.table, result.row,
                column, my_value, their_value, _stamp(mine_touch, column), _stamp(theirs_touch, column), label))


def _row_conflict(result: RowMerge, kind: ConflictKind, mine_touch: Touch | None, theirs_touch: Touch | None,
                  label: str) -> None:
    result.conflicts.append(Conflict(
        conflict_key(result.table, result.row, None), kind, result.table, result.row, None,
        result.mine, result.theirs, _stamp(mine_touch, None), _stamp(theirs_touch, None), label))


def _only_theirs(result: RowMerge, mine_touch: Touch | None, theirs_touch: Touch | None, two_way: bool,
                 children: bool, label: str) -> None:
    mine_deleted = mine_touch is not None and mine_touch.deleted is not None
    theirs_inserted = theirs_touch is not None and theirs_touch.inserted is not None
    if two_way:
        _row_conflict(result, ConflictKind.ONLY, mine_touch, theirs_touch, label)
    elif mine_deleted:
        if _row_changed(theirs_touch, result.theirs) or children:
            _row_conflict(result, ConflictKind.DELETED, mine_touch, theirs_touch, label)
    elif theirs_inserted:
        result.insert = True
    else:
        _row_conflict(result, ConflictKind.ONLY, mine_touch, theirs_touch, label)


def _only_mine(result: RowMerge, mine_touch: Touch | None, theirs_touch: Touch | None, two_way: bool,
               children: bool, label: str) -> None:
    theirs_deleted = theirs_touch is not None and theirs_touch.deleted is not None
    mine_inserted = mine_touch is not None and mine_touch.inserted is not None
    if two_way:
        _row_conflict(result, ConflictKind.ONLY, mine_touch, theirs_touch, label)
    elif theirs_deleted:
        if _row_changed(mine_touch, result.mine) or children:
            _row_conflict(result, ConflictKind.DELETED, mine_touch, theirs_touch, label)
        else:
            result.delete = True
    elif not mine_inserted:
        _row_conflict(result, ConflictKind.ONLY, mine_touch, theirs_touch, label)


def choose(conflict: Conflict, choices: Mapping[str, Choice], prefer: Prefer | None) -> Choice | None:
    """The user's choice for ``conflict``, else the one ``prefer`` gives, else None (undecided)."""
    chosen = choices.get(conflict.key)
    if chosen is not None:
        return chosen
    if prefer is Prefer.MINE:
        return Choice(Side.MINE)
    if prefer is Prefer.THEIRS:
        return Choice(Side.THEIRS)
    if prefer is Prefer.NEWER:
        if conflict.kind is ConflictKind.ONLY and conflict.mine_stamp.at == conflict.theirs_stamp.at:
            return Choice(Side.MINE if conflict.mine is not None else Side.THEIRS)  # keep the row: nothing lost
        return Choice(conflict.newer())
    return None


def mirrored(choice: Choice) -> Choice:
    """The same decision seen from the other copy (mine ↔ theirs)."""
    swap = {Side.MINE: Side.THEIRS, Side.THEIRS: Side.MINE, Side.VALUE: Side.VALUE}
    return Choice(swap[choice.side], choice.value)
