"""The plan as the command line shows it: text in the user's language and the JSON contract of
``import-decisions`` (its messages stay English: a machine format)."""

from __future__ import annotations

import json
from datetime import date
from typing import TextIO

from sew_desktop.domain.decisions import FieldChange
from sew_desktop.domain.texts import QT_TRANSLATE_NOOP, Number, Translate, english_number, fill, untranslated
from sew_desktop.services.imports.model import (
    ERROR_DATES,
    WARNING_AMOUNTS,
    WARNING_DATES,
    ErrorCode,
    ImportPlan,
    Layout,
    PlanWarning,
    RowError,
    Status,
    WarningCode,
)
from sew_desktop.services.imports.service import counts

C = "ImportReport"  # the catalog context of the plan's words as the command line shows them
ERROR_TEXT = {
    ErrorCode.UNKNOWN_MUNICIPALITY: QT_TRANSLATE_NOOP("ImportReport",
                                                      "unknown municipality (not valid during the call period)"),
    ErrorCode.UNKNOWN_NIS: QT_TRANSLATE_NOOP("ImportReport", "unknown NIS code (not valid during the call period)"),
    ErrorCode.NO_MUNICIPALITY: QT_TRANSLATE_NOOP("ImportReport", "no municipality given"),
    ErrorCode.NO_COLLABORATION: QT_TRANSLATE_NOOP("ImportReport", "no collaboration given"),
    ErrorCode.BAD_DECISION: QT_TRANSLATE_NOOP(
        "ImportReport", "unknown decision (expected e.g. goedgekeurd, afgewezen, in behandeling)"),
    ErrorCode.BAD_AMOUNT: QT_TRANSLATE_NOOP("ImportReport", "not an amount"),
    ErrorCode.AMBIGUOUS_AMOUNT: QT_TRANSLATE_NOOP(
        "ImportReport", "ambiguous amount: three digits after this file's decimal separator (write it in full,"
        " e.g. 85.000,00 or 85000)"),
    ErrorCode.IMPLAUSIBLE_YEAR: QT_TRANSLATE_NOOP("ImportReport", "a year before 2000 or after 2100 (a typing error?)"),
    ErrorCode.UNNAMED_COLLABORATION: QT_TRANSLATE_NOOP(
        "ImportReport", "a collaboration's name needs letters or digits"),
    ErrorCode.NAME_AND_NIS_DIFFER: QT_TRANSLATE_NOOP(
        "ImportReport", "the name and the NIS code are different municipalities"),
    ErrorCode.CENTRE_CITY_NAME: QT_TRANSLATE_NOOP(
        "ImportReport", "the name of a centrumstad, which holds only its own city: give the collaboration"
        " a name of its own"),
    ErrorCode.AMOUNT_TOO_LARGE: QT_TRANSLATE_NOOP("ImportReport", "amount above € 100 million (a typing error?)"),
    ErrorCode.BAD_DATE: QT_TRANSLATE_NOOP("ImportReport", "not a date (expected dd/mm/yyyy or yyyy-mm-dd)"),
    ErrorCode.NO_SUCH_DAY: QT_TRANSLATE_NOOP("ImportReport", "that day does not exist"),
    ErrorCode.CONFLICT: QT_TRANSLATE_NOOP("ImportReport", "differs from an earlier row of the same collaboration"),
    ErrorCode.NOT_YET_EXISTING: QT_TRANSLATE_NOOP(
        "ImportReport", "%1 did not exist yet on the decision date %3: it exists from %2"),
}
# NOT_YET_EXISTING when the municipality was made of others that existed on the decision date.
MADE_OF_TEXT = QT_TRANSLATE_NOOP("ImportReport", "; on %3 it was %4: list those instead")

WARNING_TEXT = {
    WarningCode.IN_TWO_COLLABORATIONS: QT_TRANSLATE_NOOP(
        "ImportReport", "%1 is listed in more than one collaboration: %2"),
    WarningCode.APPROVED_WITHOUT_AMOUNT: QT_TRANSLATE_NOOP("ImportReport", "%1: approved without an amount"),
    WarningCode.SPREAD_OVER_PROVINCES: QT_TRANSLATE_NOOP("ImportReport", "%1 is spread over provinces: %2"),
    WarningCode.MOVE: QT_TRANSLATE_NOOP("ImportReport", "%1: %2 → %3 from %4"),
    WarningCode.MISSING_FROM_FILE: QT_TRANSLATE_NOOP(
        "ImportReport", "%1: decision in the database but not in the file (kept)"),
    WarningCode.TIME_IGNORED: QT_TRANSLATE_NOOP(
        "ImportReport", "%1: the decision date in row %2 has a time (%3); only the date is kept"),
    WarningCode.DATE_OUTSIDE_CALL: QT_TRANSLATE_NOOP(
        "ImportReport", "%1: the decision date %2 lies outside the call period (%3 – %4)"),
    WarningCode.NO_LONGER_APPROVED: QT_TRANSLATE_NOOP(
        "ImportReport", "%1: no longer approved; regiegebied %2 and its memberships stay (end them under"
        " Regiegebieden if they no longer hold)"),
    WarningCode.TOTALS_LINE: QT_TRANSLATE_NOOP("ImportReport", "row %1: totals line skipped (%2)"),
    WarningCode.TOTALS_LINE_DIFFERS: QT_TRANSLATE_NOOP(
        "ImportReport", "row %1: totals line skipped (%2); the amounts of the decisions in the file add up to %3"),
}

LAYOUT_TEXT = {
    Layout.PER_MUNICIPALITY: QT_TRANSLATE_NOOP("ImportReport", "per-municipality"),
    Layout.PER_COLLABORATION: QT_TRANSLATE_NOOP("ImportReport", "per-collaboration"),
}

# The fields of a changed decision, as the text report names them (English: the field's own name).
FIELD_TEXT = {
    "collaboration": QT_TRANSLATE_NOOP("ImportReport", "collaboration"),
    "outcome": QT_TRANSLATE_NOOP("ImportReport", "outcome"),
    "amount_cents": QT_TRANSLATE_NOOP("ImportReport", "amount_cents"),
    "amount_is_annual": QT_TRANSLATE_NOOP("ImportReport", "amount_is_annual"),
    "decision_date": QT_TRANSLATE_NOOP("ImportReport", "decision_date"),
    "lead_nis": QT_TRANSLATE_NOOP("ImportReport", "lead_nis"),
    "members": QT_TRANSLATE_NOOP("ImportReport", "members"),
}


def display_date(iso: str) -> str:
    """``YYYY-MM-DD`` as dd/mm/yyyy."""
    return f"{date.fromisoformat(iso):%d/%m/%Y}"


def display_amount(cents: int, number: Number = english_number) -> str:
    """``€ 1,234,567.00`` (``€ 1.234.567,00`` with Dutch numbers)."""
    return f"€ {number(cents / 100, 2)}"


def error_message(error: RowError, translate: Translate = untranslated) -> str:
    """The reason of an error, with its values ("Tongeren-Borgloon did not exist yet on the decision
    date 20/04/2023: it exists from 01/01/2025; on 20/04/2023 it was Borgloon, Tongeren: list those instead")."""
    if not error.details:
        return translate(C, ERROR_TEXT[error.code])
    values = list(error.details)
    for index in ERROR_DATES.get(error.code, ()):
        values[index] = display_date(values[index])
    made_of = translate(C, MADE_OF_TEXT) if error.code is ErrorCode.NOT_YET_EXISTING and values[3] else ""
    return fill(translate(C, ERROR_TEXT[error.code]) + made_of, *values)


def warning_message(warning: PlanWarning, translate: Translate = untranslated,
                    number: Number = english_number) -> str:
    """A warning, in English unless ``translate`` and ``number`` say otherwise."""
    values = list(warning.values)
    for index in WARNING_DATES.get(warning.code, ()):
        values[index] = display_date(values[index])
    for index in WARNING_AMOUNTS.get(warning.code, ()):
        values[index] = display_amount(int(values[index]), number)
    return fill(translate(C, WARNING_TEXT[warning.code]), *values)


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


def _change(change: FieldChange, plan: ImportPlan, translate: Translate) -> str:
    def show(value: object) -> str:
        if isinstance(value, tuple):
            return ", ".join(plan.municipality_names.get(str(v), str(v)) for v in value)
        return "—" if value is None else str(value)

    field = translate(C, FIELD_TEXT[change.field]) if change.field in FIELD_TEXT else change.field
    return f"{field}: {show(change.old)} → {show(change.new)}"


def _source(plan: ImportPlan, translate: Translate) -> str:
    table = plan.table
    if table.sheet:
        return fill(translate("ImportReport", "sheet %1"), table.sheet)
    sure = round((table.encoding_confidence or 0) * 100)
    return fill(translate("ImportReport", "%1 (%2% sure), delimiter %3"), table.encoding, sure, repr(table.delimiter))


def _heading(plan: ImportPlan, translate: Translate) -> list[str]:
    c = counts(plan)
    layout = translate(C, LAYOUT_TEXT[plan.layout])
    lines = [
        fill(translate("ImportReport", "%1 (%2, layout %3, %4 rows) for '%5'"), plan.file.name,
             _source(plan, translate), layout, plan.rows, plan.call.name),
        fill(translate("ImportReport", "decisions: %1 new, %2 changed, %3 unchanged, %4 skipped"), c["new"],
             c["changed"], c["unchanged"], c["skipped"]),
    ]
    for planned in plan.decisions:
        if planned.status is Status.CHANGED:
            changes = "; ".join(_change(x, plan, translate) for x in planned.changes)
            changed = fill(translate("ImportReport", "changed %1: %2"), planned.decision.collaboration, changes)
            lines.append("  " + changed)
    if plan.columns.ignored():
        lines.append(fill(translate("ImportReport", "ignored columns: %1"), ", ".join(plan.columns.ignored())))
    return lines


def _problems(plan: ImportPlan, translate: Translate, number: Number) -> list[str]:
    lines = []
    for e in plan.errors:
        hint = fill(translate("ImportReport", " (did you mean: %1?)"), ", ".join(e.suggestions))
        hint = hint if e.suggestions else ""
        lines.append(fill(translate("ImportReport", "error: row %1, column %2, value %3: %4%5"), e.row, repr(e.column),
                          repr(e.value), error_message(e, translate), hint))
    warning = translate("ImportReport", "warning: %1")
    return lines + [fill(warning, warning_message(w, translate, number)) for w in plan.warnings]


def _effect(plan: ImportPlan, translate: Translate) -> list[str]:
    changed = [area for area in plan.coverage_effect if area.gained or area.lost]
    effect = ", ".join(f"{a.area} +{len(a.gained)}" + (f" -{len(a.lost)}" if a.lost else "") for a in changed)
    day = fill(translate("ImportReport", " on %1"), plan.effect_day) if plan.effect_day else ""
    lines = [fill(translate("ImportReport", "coverage effect%1: %2"), day, effect or translate("ImportReport", "none"))]
    for area in changed:
        for words, codes in ((translate("ImportReport", "  gained in %1: %2"), area.gained),
                             (translate("ImportReport", "  lost in %1: %2"), area.lost)):
            if codes:
                lines.append(fill(words, area.area, ", ".join(_names(plan, codes))))
    return lines


def as_text(plan: ImportPlan, applied: bool, translate: Translate = untranslated,
            number: Number = english_number) -> str:
    """A readable summary: counts, changes, errors, warnings, coverage effect (English unless ``translate``)."""
    done = translate("ImportReport", "applied") if applied else translate("ImportReport", "nothing written")
    lines = [*_heading(plan, translate), *_problems(plan, translate, number), *_effect(plan, translate), done]
    return "\n".join(lines) + "\n"


def _names(plan: ImportPlan, codes: tuple[str, ...]) -> list[str]:
    return [plan.municipality_names.get(code, code) for code in codes]
