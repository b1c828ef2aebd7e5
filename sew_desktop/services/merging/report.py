"""A merge's preview as data (JSON for the CLI), as text lines, and its effect on the coverage table."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from sew_desktop.domain.coverage import CoverageInput, CoverageReport, compute_coverage
from sew_desktop.domain.merging import Conflict
from sew_desktop.domain.texts import Translate, fill, untranslated
from sew_desktop.services.merging.apply import apply_merge, counts
from sew_desktop.services.merging.plan import MergePlan
from sew_desktop.services.merging.resolve import Resolution, Write
from sew_desktop.services.merging.wording import conflict_line
from sew_desktop.services.texts import table_label, wrapped
from sew_desktop.store import mapping
from sew_desktop.store.errors import StoreError
from sew_desktop.store.repository import Repository


def incoming(plan: MergePlan) -> dict[str, dict[str, list[dict[str, Any]]]]:
    """Per table what comes in without a choice: inserted rows, updated fields (old → new), deleted rows."""
    result: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for (table, identity), merge in sorted(plan.rows.items()):
        if not merge.incoming:
            continue
        part = result.setdefault(table, {"inserted": [], "updated": [], "deleted": []})
        label = plan.labels.get((table, identity), identity)
        if merge.insert:
            part["inserted"].append({"row": identity, "label": label})
        elif merge.delete:
            part["deleted"].append({"row": identity, "label": label})
        else:
            part["updated"].append({"row": identity, "label": label, "fields": {
                c: {"old": (merge.mine or {}).get(c), "new": v} for c, v in merge.updates.items()}})
    return result


def conflict_data(conflict: Conflict) -> dict[str, Any]:
    """One conflict for the JSON output."""
    return {"key": conflict.key, "kind": conflict.kind.value, "table": conflict.table, "row": conflict.row,
            "label": conflict.label, "field": conflict.field, "mine": conflict.mine, "theirs": conflict.theirs,
            "mine_changed": {"who": conflict.mine_stamp.who, "at": conflict.mine_stamp.at},
            "theirs_changed": {"who": conflict.theirs_stamp.who, "at": conflict.theirs_stamp.at}}


def kept_with(resolution: Resolution, conflict: Conflict) -> dict[str, int]:
    """How many rows per table come back with a row kept against the other copy's deletion."""
    found: dict[str, int] = {}
    for table, _identity in resolution.kept_with.get((conflict.table, conflict.row), ()):
        found[table] = found.get(table, 0) + 1
    return found


def all_conflicts(plan: MergePlan, resolution: Resolution) -> list[Conflict]:
    """The conflicts of the rows and those the rules raise with the current choices."""
    return plan.conflicts + resolution.rule_conflicts


def as_json(plan: MergePlan, resolution: Resolution, applied: bool) -> str:
    """The dry run (or what was applied) as JSON."""
    data = {"source": str(plan.source), "source_uuid": plan.source_uuid,
            "mode": "two-way" if plan.two_way else "three-way", "shared_history_entries": plan.shared_entries,
            "applied": applied, "incoming": incoming(plan), "writes": counts(resolution.writes),
            "conflicts": [conflict_data(c) | {"kept_with": kept_with(resolution, c)}
                          for c in all_conflicts(plan, resolution)],
            "undecided": [c.key for c in resolution.undecided]}
    return json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n"


def _kept_text(resolution: Resolution, conflict: Conflict, translate: Translate) -> str:
    going = kept_with(resolution, conflict)
    if not going:
        return ""
    counted = ", ".join(f"{table_label(table, translate).lower()}: {n}" for table, n in sorted(going.items()))
    return " " + fill(translate("MergeDialog", "(stays, with %1)"), counted)


def _choice_text(resolution: Resolution, conflict: Conflict, translate: Translate) -> str:
    chosen = resolution.decided.get(conflict.key)
    if chosen is None:
        return translate("MergeDialog", "needs a choice")
    sides = {"mine": translate("MergeDialog", "mine"), "theirs": translate("MergeDialog", "theirs")}
    return sides.get(chosen.side.value, chosen.side.value)


def as_text(plan: MergePlan, resolution: Resolution, applied: bool, translate: Translate = untranslated) -> str:
    """One line per table and per conflict (rows by name, columns by title), then what happened."""
    if plan.two_way:
        mode = translate("MergeDialog", "no common past: every difference is a conflict")
    else:
        mode = translate("MergeDialog", "both copies come from the same file")
    lines = [fill(translate("MergeDialog", "Merge %1: %2"), plan.source.name, mode)]
    for table, part in incoming(plan).items():
        lines.append("  " + fill(translate("MergeDialog", "%1: %2 new, %3 changed, %4 deleted"),
                                 table_label(table, translate), len(part["inserted"]), len(part["updated"]),
                                 len(part["deleted"])))
    for conflict in all_conflicts(plan, resolution):
        choice = _choice_text(resolution, conflict, translate)
        lines.append(wrapped(f"  {conflict_line(conflict, plan.names, translate)} → {choice}"
                             + _kept_text(resolution, conflict, translate), "      "))
    written = sum(sum(c.values()) for c in counts(resolution.writes).values())
    if applied:
        lines.append(fill(translate("MergeDialog", "merged: %1 row change(s) written (a backup was taken first)"),
                          written))
    elif resolution.undecided:
        lines.append(wrapped(fill(translate("MergeDialog", "%1 conflict(s) need a choice: nothing written (choose"
                                            " with --prefer mine|theirs|newer, or in File › Merge another copy…)"),
                                  len(resolution.undecided)), ""))
    else:
        lines.append(fill(translate("MergeDialog", "dry run: %1 row change(s) would be written"), written))
    return "\n".join(lines) + "\n"


# -- the coverage table before → after ------------------------------------------------------------


def _stored(table: str, values: Mapping[str, Any], ids: dict[str, int]) -> dict[str, Any]:
    row = dict(values)
    if row.get("region_id") is not None:
        row["region_id"] = ids.setdefault(str(row["region_id"]), -len(ids) - 1)
    row.setdefault("id", ids.setdefault(str(row.get("uuid")), -len(ids) - 1))
    return row


def after_input(repository: Repository, writes: Sequence[Write]) -> CoverageInput:
    """The coverage input as it will be after the writes (new rows get negative ids)."""
    before = repository.coverage_input()
    ids: dict[str, int] = {r.uuid: r.id for r in before.regions.values()}
    ids |= {m.uuid: m.id for m in before.memberships.values()} | {a.uuid: a.id for a in before.agreements.values()}
    tables: dict[str, dict[Any, Any]] = {"region": dict(before.regions), "membership": dict(before.memberships),
                                         "agreement": dict(before.agreements)}
    converters = {"region": mapping.region, "membership": mapping.membership, "agreement": mapping.agreement}
    for write in writes:
        if write.table not in tables:
            continue
        key = ids.setdefault(write.row, -len(ids) - 1)
        table = tables[write.table]
        if write.kind == "delete":
            table.pop(key, None)
            continue
        current = {} if write.kind == "insert" else _row_of(table[key])
        row = _stored(write.table, {**current, **write.values, "id": key}, ids)
        table[key] = converters[write.table](_with_defaults(row))
    return replace(before, regions=tables["region"], memberships=tables["membership"],
                   agreements=tables["agreement"])


def _after_merge(repository: Repository, plan: MergePlan, resolution: Resolution, as_of: date,
                 horizon: date) -> CoverageReport | None:
    """The coverage inside a trial of the merge (rolled back), or None when the merge would be refused."""
    try:
        with repository.trial():
            apply_merge(repository, plan, resolution)
            with repository.uncached():  # the merge's own reads filled the trial's cache before it wrote
                return compute_coverage(repository.coverage_input(), as_of, horizon)
    except StoreError:
        return None


def _with_defaults(row: dict[str, Any]) -> dict[str, Any]:
    return {"notes": "", "vdab_contact": "", "uuid": "", **row}


def _row_of(item: object) -> dict[str, Any]:
    columns = ("uuid", "name", "kind", "province_nis", "valid_from", "valid_to", "notes", "region_id",
               "municipality_nis", "negotiation_started", "expected_signing", "signed", "ended", "vdab_contact")
    result = {}
    for column in columns:
        try:
            result[column] = mapping.shown_column(item, column)
        except AttributeError:
            continue
    return result


def coverage_effect(repository: Repository, plan: MergePlan, resolution: Resolution, as_of: date,
                    horizon: date) -> list[tuple[str, str | None, str, str, str, str]]:
    """Per area (provinces, then Flanders): municipalities reached and regiegebieden with an agreement,
    before → after, as ratio texts. Once every conflict has a choice, "after" is read from the merge itself, done
    and rolled back: exactly what Merge will write; before that, from the writes decided so far."""
    before = compute_coverage(repository.coverage_input(), as_of, horizon)
    after = _after_merge(repository, plan, resolution, as_of, horizon) if resolution.complete else None
    if after is None:
        after = compute_coverage(after_input(repository, resolution.writes), as_of, horizon)
    result = []
    for old, new in zip(before.rows, after.rows, strict=True):
        result.append((old.area, old.province_nis, str(old.municipalities_reached), str(new.municipalities_reached),
                       str(old.regions_with_agreement), str(new.regions_with_agreement)))
    return result
