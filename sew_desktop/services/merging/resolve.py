"""Choices applied to a plan: the rows as they will be, the writes that make them so, and the conflicts the
merged data would raise against the domain rules (one regiegebied per municipality per day, agreement dates in
order, partners that exist, validity in order)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sew_desktop.domain import validation
from sew_desktop.domain.merging import Choice, Conflict, ConflictKind, Prefer, Side, Stamp, choose
from sew_desktop.domain.model import Agreement, Partner, Validity
from sew_desktop.services.merging.plan import Key, MergePlan, Row
from sew_desktop.store.merge_rows import FOREIGN

_PASSES = 6
# The fields each rule reads: a rule conflict decides these, not the whole row.
RULE_FIELDS = {
    "membership": ("region_id", "municipality_nis", "valid_from", "valid_to"),
    "agreement": ("municipality_nis", "region_id", "negotiation_started", "expected_signing", "signed", "ended"),
    "region": ("valid_from", "valid_to"),
    "open_call": ("period_start", "period_end"),
}


@dataclass(frozen=True, slots=True)
class Write:
    """One row change: ``insert`` (values = the row), ``update`` (values = changed fields), ``delete``."""

    table: str
    row: str
    kind: str
    values: Mapping[str, Any]
    custom: frozenset[str] = frozenset()  # fields holding a value the user typed (not one of THEIRS's)


@dataclass(slots=True)
class Resolution:
    """The plan with choices: what will be written, and what is still undecided."""

    writes: list[Write] = field(default_factory=list)
    undecided: list[Conflict] = field(default_factory=list)
    rule_conflicts: list[Conflict] = field(default_factory=list)
    decided: dict[str, Choice] = field(default_factory=dict)
    kept_with: dict[Key, list[Key]] = field(default_factory=dict)  # a kept parent: the rows kept with it

    @property
    def complete(self) -> bool:
        """Every conflict has a choice."""
        return not self.undecided


def _day(value: object) -> date | None:
    return None if value is None or value == "" else date.fromisoformat(str(value))


def _validity(row: Mapping[str, Any], start: str = "valid_from", end: str = "valid_to") -> Validity:
    return Validity(_day(row.get(start)), _day(row.get(end)))


class _State:
    """The rows as they will be: mine, changed by the incoming rows and the choices."""

    def __init__(self, plan: MergePlan) -> None:
        self.plan = plan
        self.final: dict[Key, Row | None] = {}
        self.custom: dict[Key, set[str]] = {}

    def row(self, key: Key) -> Row | None:
        if key in self.final:
            return self.final[key]
        return self.plan.version(key, "mine")

    def take(self, key: Key, side: str) -> None:
        self.final[key] = self.plan.version(key, side)
        self.custom.pop(key, None)

    def take_rule_fields(self, key: Key, side: str) -> None:
        """A rule conflict decided for ``side``: the fields the rule reads take that side's values (the other
        fields keep what the merge gave them); a row one side does not have follows that side as a whole."""
        chosen, current = self.plan.version(key, side), self.row(key)
        fields = RULE_FIELDS.get(key[0])
        if chosen is None or current is None or fields is None:
            self.take(key, side)
            return
        for column in fields:
            self.set_field(key, column, chosen[column])

    def set_field(self, key: Key, column: str, value: object, *, custom: bool = False) -> None:
        row = self.row(key)
        if row is not None:
            self.final[key] = {**row, column: value}
            if custom:
                self.custom.setdefault(key, set()).add(column)


def resolve(plan: MergePlan, choices: Mapping[str, Choice] | None = None, prefer: Prefer | None = None) -> Resolution:
    """Apply ``choices`` (by conflict key) and ``prefer`` (for the rest) to ``plan``."""
    choices = choices or {}
    state = _State(plan)
    result = Resolution()
    for key, merge in plan.rows.items():
        if merge.insert:
            state.take(key, "theirs")
        elif merge.delete:
            state.final[key] = None
        for column, value in merge.updates.items():
            state.set_field(key, column, value)
    for conflict in plan.conflicts:
        _decide(state, result, conflict, choose(conflict, choices, prefer))
    _keep_children(state, result)
    for _ in range(_PASSES):
        found = [c for c in _rule_conflicts(state) if c.key not in {r.key for r in result.rule_conflicts}]
        if not found:
            break
        for conflict in found:
            result.rule_conflicts.append(conflict)
            _decide(state, result, conflict, choose(conflict, choices, prefer))
    _drop_orphans(state)
    result.writes = _writes(state)
    return result


def _decide(state: _State, result: Resolution, conflict: Conflict, choice: Choice | None) -> None:
    if choice is None:
        result.undecided.append(conflict)
        return
    result.decided[conflict.key] = choice
    key = (conflict.table, conflict.row)
    if conflict.kind is ConflictKind.RULE:
        for row_key in conflict.rows:
            state.take_rule_fields(row_key, "mine" if choice.side is Side.MINE else "theirs")
    elif conflict.field is None:
        if choice.side is not Side.MINE:
            state.take(key, "theirs")
    elif choice.side is Side.THEIRS:
        state.set_field(key, conflict.field, conflict.theirs)
    elif choice.side is Side.VALUE:
        state.set_field(key, conflict.field, choice.value, custom=True)


def _keep_children(state: _State, result: Resolution) -> None:
    """A regiegebied (call, decision) kept against the other side's deletion is kept as it was: the memberships,
    agreements and decisions that went with it come back too, as the trash's Restore brings them."""
    for conflict in state.plan.conflicts:
        parent = (conflict.table, conflict.row)
        if conflict.kind is not ConflictKind.DELETED or conflict.key not in result.decided:
            continue
        if state.row(parent) is None:
            continue
        for child in state.plan.children.get(parent, []):
            if state.row(child) is None:
                version = state.plan.version(child, "mine") or state.plan.version(child, "theirs")
                if version is not None:
                    state.final[child] = version
                    result.kept_with.setdefault(parent, []).append(child)


def _exists(state: _State, table: str, identity: object) -> bool:
    key = (table, str(identity))
    if key in state.final:
        return state.final[key] is not None
    return state.plan.version(key, "mine") is not None or str(identity) in state.plan.mine_ids.get(table, ())


def _drop_orphans(state: _State) -> None:
    """A row whose regiegebied, call or decision will not exist is not written (its parent's delete was
    chosen: the row stays in THEIRS's history and file)."""
    changed = True
    while changed:
        changed = False
        for key, row in list(state.final.items()):
            if row is None:
                continue
            table = key[0]
            for column, value in row.items():
                target = FOREIGN.get((table, column))
                if target is not None and value is not None and not _exists(state, target, value):
                    state.final[key] = None
                    changed = True
                    break


def _writes(state: _State) -> list[Write]:
    writes = []
    for key, row in state.final.items():
        mine = state.plan.version(key, "mine")
        custom = frozenset(state.custom.get(key, set()))
        if mine is None and row is not None:
            writes.append(Write(key[0], key[1], "insert", row, custom))
        elif mine is not None and row is None:
            writes.append(Write(key[0], key[1], "delete", mine))
        elif mine is not None and row is not None:
            changed = {c: v for c, v in row.items() if mine.get(c) != v}
            if changed:
                writes.append(Write(key[0], key[1], "update", changed, custom & set(changed)))
    return writes


# -- the rules ---------------------------------------------------------------------------------------


def _rule(state: _State, name: str, group: str, rows: list[Key], problem: str) -> Conflict:
    plan = state.plan
    stamps: list[Stamp] = []
    for touched in plan.touched:
        found = [touched[k].latest() for k in rows if k in touched]
        stamps.append(max(found, key=lambda s: s.at, default=Stamp()))
    mine_stamp, theirs_stamp = stamps
    mine = [plan.version(k, "mine") for k in rows]
    theirs = [plan.version(k, "theirs") for k in rows]
    label = plan.names.get(group) or ", ".join(plan.labels.get(k, k[1]) for k in rows[:3])
    return Conflict(f"rule/{name}/{group}", ConflictKind.RULE, name, group, problem, mine, theirs, mine_stamp,
                    theirs_stamp, label, tuple(rows))


def _rule_conflicts(state: _State) -> list[Conflict]:
    return _membership_rules(state) + _agreement_rules(state) + _validity_rules(state)


def _membership_rules(state: _State) -> list[Conflict]:
    by_nis: dict[str, list[Key]] = {}
    for key in [*state.plan.rows, *state.plan.context]:
        if key[0] == "membership":
            for side in ("mine", "theirs"):
                row = state.plan.version(key, side)
                if row is not None and key not in by_nis.setdefault(str(row["municipality_nis"]), []):
                    by_nis[str(row["municipality_nis"])].append(key)
    found = []
    for nis, keys in sorted(by_nis.items()):
        if not any(k in state.final for k in keys):
            continue
        rows = [(k, state.row(k)) for k in keys]
        present = [(k, _validity(r)) for k, r in rows if r is not None]
        broken = any(validation.check_validity(v) for _, v in present) or any(
            a.overlaps(b) for i, (_, a) in enumerate(present) for _, b in present[i + 1:])
        if broken:
            found.append(_rule(state, "membership", nis, keys, validation.Problem.MEMBERSHIP_OVERLAPS.value))
    return found


def _partner_validity(state: _State, row: Mapping[str, Any]) -> Validity | None:
    if row["region_id"] is None:
        return Validity()  # municipalities are reference data: the same in every copy
    region = state.row(("region", str(row["region_id"])))
    if region is None:
        return None if not _exists(state, "region", row["region_id"]) else Validity()
    return _validity(region)


def _agreement_rules(state: _State) -> list[Conflict]:
    found = []
    changed_regions = {k[1] for k in state.final if k[0] == "region"}
    keys = {k for k in [*state.plan.rows, *state.plan.context] if k[0] == "agreement"}
    for key in sorted(keys):
        row = state.row(key)
        if row is None or (key not in state.final and str(row["region_id"]) not in changed_regions):
            continue
        agreement = Agreement(0, Partner(row["municipality_nis"], 0 if row["region_id"] else None),
                              _day(row["negotiation_started"]), _day(row["expected_signing"]), _day(row["signed"]),
                              _day(row["ended"]))
        problems = [p.value for p in validation.check_agreement(agreement)]
        partner = _partner_validity(state, row)
        if partner is None or not validation.partner_exists_on(partner, agreement.negotiation_started,
                                                                agreement.signed):
            problems.append(validation.Problem.PARTNER_NOT_VALID.value)
        if problems:
            counts = validation.Problem.PARTNER_NOT_VALID.value in problems and row["region_id"]
            rows = [key] + ([("region", str(row["region_id"]))] if counts else [])  # the partner only if it counts
            found.append(_rule(state, "agreement", key[1], rows, "; ".join(problems)))
    return found


def _validity_rules(state: _State) -> list[Conflict]:
    found = []
    for key, row in state.final.items():
        if row is None or key[0] not in ("region", "open_call"):
            continue
        validity = _validity(row, *(("period_start", "period_end") if key[0] == "open_call" else ()))
        problems = validation.check_validity(validity)
        if problems:
            found.append(_rule(state, key[0], key[1], [key], problems[0].value))
    return found
