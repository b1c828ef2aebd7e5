"""Texts of the merge preview: table and column names, values as users read them, who/when, the choices."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication

from sew_desktop.domain.merging import Choice, Conflict, ConflictKind, Side
from sew_desktop.domain.validation import Problem
from sew_desktop.services import texts
from sew_desktop.services.merging.plan import row_label
from sew_desktop.ui.core.messages import problem_text

translate = QCoreApplication.translate


def table_label(table: str) -> str:
    """The name users know a table by (the command line's words, translated here)."""
    return texts.table_label(table, translate)


def field_label(column: str) -> str:
    """The column title users know."""
    return texts.field_label(column, translate)


_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class ValueText:
    """Stored values as users read them: dates dd/mm/yyyy, NIS codes and uuids as names, rows in one line."""

    def __init__(self, names: Mapping[str, str]) -> None:
        self._names = names

    def __call__(self, value: object, table: str = "", column: str = "") -> str:
        if isinstance(value, list):
            return "; ".join(self(v, table) for v in value if v is not None) or "—"
        if isinstance(value, dict):
            return self._row(table, value)
        if value is None or value == "":
            return "—"
        text = str(value)
        if _ISO_DAY.match(text):
            return f"{text[8:10]}/{text[5:7]}/{text[0:4]}"
        if column in ("region_id", "municipality_nis", "call_id", "lead_municipality_nis"):
            return self._names.get(text, text)
        return text

    def _row(self, table: str, row: Mapping[str, Any]) -> str:
        label = row_label(table, row, str(row.get("uuid", "")), self._names)
        start, end = ("period_start", "period_end") if table == "open_call" else ("valid_from", "valid_to")
        if start in row:
            return f"{label} ({self(row.get(start))} – {self(row.get(end))})"
        if table == "agreement":
            return f"{label} ({field_label('signed').lower()} {self(row.get('signed'))})"
        return label


def stamp_text(who: str, at: str) -> str:
    """Who changed it and when, in local time (the history stores UTC)."""
    try:
        moment = datetime.fromisoformat(at).astimezone()
    except ValueError:
        return who or "—"
    return f"{who or '—'}, {moment:%d/%m/%Y %H:%M}"


def problems_text(text: str) -> str:
    """The rules a merge would break, in words."""
    known = {p.value: p for p in Problem}
    return " ".join(problem_text(known[part]) if part in known else part for part in text.split("; "))


def kind_text(conflict: Conflict) -> str:
    """Why a conflict needs a choice."""
    return {
        ConflictKind.FIELD: translate("MergeDialog", "changed on both sides"),
        ConflictKind.DELETED: translate("MergeDialog", "deleted on one side, changed on the other"),
        ConflictKind.ONLY: translate("MergeDialog", "only in one copy"),
        ConflictKind.RULE: translate("MergeDialog", "the merged data break a rule"),
    }[conflict.kind]


def kept_with_text(going: Mapping[str, int]) -> str:
    """" — with 6 members, 1 agreement": what comes back with a regiegebied kept against a deletion."""
    counted = {
        "membership": lambda n: translate("MergeDialog", "%n member(s)", "", n),
        "agreement": lambda n: translate("MergeDialog", "%n agreement(s)", "", n),
        "subsidy_decision": lambda n: translate("MergeDialog", "%n decision(s)", "", n),
        "decision_member": lambda n: translate("MergeDialog", "%n decision member(s)", "", n),
    }
    parts = [counted[table](going[table]) for table in counted if going.get(table)]
    return " — " + translate("MergeDialog", "stays, with %1").replace("%1", ", ".join(parts)) if parts else ""


def choice_text(choice: Choice | None, value: ValueText) -> str:
    """The current choice of a conflict."""
    if choice is None:
        return translate("MergeDialog", "choose…")
    if choice.side is Side.VALUE:
        return translate("MergeDialog", "another value: %1").replace("%1", value(choice.value))
    return translate("MergeDialog", "mine") if choice.side is Side.MINE else translate("MergeDialog", "theirs")
