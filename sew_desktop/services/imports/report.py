"""The plan as the command line shows it: English text and the JSON contract of ``import-decisions``."""

from __future__ import annotations

import json
from datetime import date
from typing import TextIO

from sew_desktop.domain.decisions import FieldChange
from sew_desktop.services.imports.model import (
    ERROR_DATES,
    WARNING_AMOUNTS,
    WARNING_DATES,
    ErrorCode,
    ImportPlan,
    PlanWarning,
    RowError,
    Status,
    WarningCode,
)
from sew_desktop.services.imports.service import counts

ERROR_TEXT = {
    ErrorCode.UNKNOWN_MUNICIPALITY: "unknown municipality (not valid during the call period)",
    ErrorCode.UNKNOWN_NIS: "unknown NIS code (not valid during the call period)",
    ErrorCode.NO_MUNICIPALITY: "no municipality given",
    ErrorCode.NO_COLLABORATION: "no collaboration given",
    ErrorCode.BAD_DECISION: "unknown decision (expected e.g. goedgekeurd, afgewezen, in behandeling)",
    ErrorCode.BAD_AMOUNT: "not an amount",
    ErrorCode.AMBIGUOUS_AMOUNT: "ambiguous amount: three digits after this file's decimal separator (write it in full,"
    " e.g. 85.000,00 or 85000)",
    ErrorCode.IMPLAUSIBLE_YEAR: "a year before 2000 or after 2100 (a typing error?)",
    ErrorCode.UNNAMED_COLLABORATION: "a collaboration's name needs letters or digits",
    ErrorCode.NAME_AND_NIS_DIFFER: "the name and the NIS code are different municipalities",
    ErrorCode.CENTRE_CITY_NAME: "the name of a centrumstad, which holds only its own city: give the collaboration"
    " a name of its own",
    ErrorCode.AMOUNT_TOO_LARGE: "amount above € 100 million (a typing error?)",
    ErrorCode.BAD_DATE: "not a date (expected dd/mm/yyyy or yyyy-mm-dd)",
    ErrorCode.NO_SUCH_DAY: "that day does not exist",
    ErrorCode.CONFLICT: "differs from an earlier row of the same collaboration",
    ErrorCode.NOT_YET_EXISTING: "{0} did not exist yet on the decision date {2}: it exists from {1}",
}
# NOT_YET_EXISTING when the municipality was made of others that existed on the decision date.
MADE_OF_TEXT = "; on {2} it was {3}: list those instead"

WARNING_TEXT = {
    WarningCode.IN_TWO_COLLABORATIONS: "{0} is listed in more than one collaboration: {1}",
    WarningCode.APPROVED_WITHOUT_AMOUNT: "{0}: approved without an amount",
    WarningCode.SPREAD_OVER_PROVINCES: "{0} is spread over provinces: {1}",
    WarningCode.MOVE: "{0}: {1} → {2} from {3}",
    WarningCode.MISSING_FROM_FILE: "{0}: decision in the database but not in the file (kept)",
    WarningCode.TIME_IGNORED: "{0}: the decision date in row {1} has a time ({2}); only the date is kept",
    WarningCode.DATE_OUTSIDE_CALL: "{0}: the decision date {1} lies outside the call period ({2} – {3})",
    WarningCode.NO_LONGER_APPROVED: "{0}: no longer approved; regiegebied {1} and its memberships stay (end them"
    " under Regiegebieden if they no longer hold)",
    WarningCode.TOTALS_LINE: "row {0}: totals line skipped ({1})",
    WarningCode.TOTALS_LINE_DIFFERS: "row {0}: totals line skipped ({1}); the amounts of the decisions in the file add"
    " up to {2}",
}


def display_date(iso: str) -> str:
    """``YYYY-MM-DD`` as dd/mm/yyyy."""
    return f"{date.fromisoformat(iso):%d/%m/%Y}"


def display_amount(cents: int) -> str:
    """``€ 1,234,567.00``."""
    return f"€ {cents / 100:,.2f}"


def error_message(error: RowError) -> str:
    """The reason of an error in English, with its values ("Tongeren-Borgloon did not exist yet on the decision
    date 20/04/2023: it exists from 01/01/2025; on 20/04/2023 it was Borgloon, Tongeren: list those instead")."""
    if not error.details:
        return ERROR_TEXT[error.code]
    values = list(error.details)
    for index in ERROR_DATES.get(error.code, ()):
        values[index] = display_date(values[index])
    made_of = MADE_OF_TEXT if error.code is ErrorCode.NOT_YET_EXISTING and values[3] else ""
    return (ERROR_TEXT[error.code] + made_of).format(*values)


def warning_message(warning: PlanWarning) -> str:
    """A warning in English."""
    values = list(warning.values)
    for index in WARNING_DATES.get(warning.code, ()):
        values[index] = display_date(values[index])
    for index in WARNING_AMOUNTS.get(warning.code, ()):
        values[index] = display_amount(int(values[index]))
    return WARNING_TEXT[warning.code].format(*values)


def as_dict(plan: ImportPlan, applied: bool) -> dict[str, object]:
    """The JSON contract."""
    return {
        "file": str(plan.file),
        "encoding": plan.table.encoding,
        "encoding_confidence": plan.table.encoding_confidence,
        "delimiter": plan.table.delimiter,
        "sheet": plan.table.sheet,
        "layout": plan.layout.value,
        "rows": plan.rows,
        "decisions": counts(plan),
        "errors": [
            {
                "row": e.row,
                "column": e.column,
                "value": e.value,
                "message": error_message(e),
                "suggestions": list(e.suggestions),
            }
            for e in plan.errors
        ],
        "warnings": [warning_message(w) for w in plan.warnings],
        "coverage_effect": [
            {
                "area": e.area,
                "newly_reached": len(e.gained),
                "lost": len(e.lost),
                "newly_reached_municipalities": _names(plan, e.gained),
                "lost_municipalities": _names(plan, e.lost),
            }
            for e in plan.coverage_effect
        ],
        "coverage_day": plan.effect_day.isoformat() if plan.effect_day else None,
        "applied": applied,
    }


def as_json(plan: ImportPlan, applied: bool) -> str:
    """The JSON contract as text."""
    return json.dumps(as_dict(plan, applied), ensure_ascii=False, indent=2) + "\n"


def write_json(plan: ImportPlan, applied: bool, stream: TextIO) -> None:
    """The JSON contract written in pieces (a large plan is never one string in memory)."""
    for chunk in json.JSONEncoder(ensure_ascii=False, indent=2).iterencode(as_dict(plan, applied)):
        stream.write(chunk)
    stream.write("\n")


def _change(change: FieldChange, plan: ImportPlan) -> str:
    def show(value: object) -> str:
        if isinstance(value, tuple):
            return ", ".join(plan.municipality_names.get(str(v), str(v)) for v in value)
        return "—" if value is None else str(value)

    return f"{change.field}: {show(change.old)} → {show(change.new)}"


def as_text(plan: ImportPlan, applied: bool) -> str:
    """A readable summary: counts, changes, errors, warnings, coverage effect."""
    c = counts(plan)
    table = plan.table
    sure = f"{table.encoding_confidence or 0:.0%} sure"
    source = f"sheet {table.sheet}" if table.sheet else f"{table.encoding} ({sure}), delimiter {table.delimiter!r}"
    lines = [
        f"{plan.file.name} ({source}, layout {plan.layout.value}, {plan.rows} rows) for '{plan.call.name}'",
        f"decisions: {c['new']} new, {c['changed']} changed, {c['unchanged']} unchanged, {c['skipped']} skipped",
    ]
    for planned in plan.decisions:
        if planned.status is Status.CHANGED:
            lines.append(
                f"  changed {planned.decision.collaboration}: " + "; ".join(_change(x, plan) for x in planned.changes)
            )
    if plan.columns.ignored():
        lines.append("ignored columns: " + ", ".join(plan.columns.ignored()))
    for e in plan.errors:
        hint = f" (did you mean: {', '.join(e.suggestions)}?)" if e.suggestions else ""
        lines.append(f"error: row {e.row}, column {e.column!r}, value {e.value!r}: {error_message(e)}{hint}")
    lines += [f"warning: {warning_message(w)}" for w in plan.warnings]
    changed = [area for area in plan.coverage_effect if area.gained or area.lost]
    effect = ", ".join(f"{a.area} +{len(a.gained)}" + (f" -{len(a.lost)}" if a.lost else "") for a in changed)
    day = f" on {plan.effect_day:%d/%m/%Y}" if plan.effect_day else ""
    lines.append(f"coverage effect{day}: {effect or 'none'}")
    for area in changed:
        lines += [f"  {verb} in {area.area}: {', '.join(_names(plan, codes))}"
                  for verb, codes in (("gained", area.gained), ("lost", area.lost)) if codes]  # fmt: skip
    lines.append("applied" if applied else "nothing written")
    return "\n".join(lines) + "\n"


def _names(plan: ImportPlan, codes: tuple[str, ...]) -> list[str]:
    return [plan.municipality_names.get(code, code) for code in codes]
