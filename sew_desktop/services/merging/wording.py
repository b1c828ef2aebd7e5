"""A merge in a coordinator's words: rows by name, columns by their titles, dates dd/mm/yyyy, long lists counted.

The sources and contexts ("MergeDialog") are the merge dialog's, so the command line and the window say the same.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Mapping, Sequence
from typing import Any

from sew_desktop.domain.merging import Conflict, ConflictKind
from sew_desktop.domain.texts import QT_TRANSLATE_NOOP, Translate, fill, untranslated
from sew_desktop.services.merging.plan import row_label

MAX_NAMED = 3  # a long list names this many and counts the rest
MAX_VALUE = 40  # characters of a value in one line
WIDTH = 100  # a line fits a terminal

_TABLES = {
    "municipality": QT_TRANSLATE_NOOP("MergeDialog", "Municipalities"),
    "region": QT_TRANSLATE_NOOP("MergeDialog", "Regiegebieden"),
    "membership": QT_TRANSLATE_NOOP("MergeDialog", "Members"),
    "agreement": QT_TRANSLATE_NOOP("MergeDialog", "Agreements"),
    "open_call": QT_TRANSLATE_NOOP("MergeDialog", "Open calls"),
    "subsidy_decision": QT_TRANSLATE_NOOP("MergeDialog", "Decisions"),
    "decision_member": QT_TRANSLATE_NOOP("MergeDialog", "Decision members"),
}

_FIELDS = {
    "name": QT_TRANSLATE_NOOP("MergeDialog", "Name"), "name_nl": QT_TRANSLATE_NOOP("MergeDialog", "Name"),
    "name_fr": QT_TRANSLATE_NOOP("MergeDialog", "French name"), "notes": QT_TRANSLATE_NOOP("MergeDialog", "Notes"),
    "vdab_contact": QT_TRANSLATE_NOOP("MergeDialog", "VDAB contact"),
    "contacts": QT_TRANSLATE_NOOP("MergeDialog", "Contacts"),
    "valid_from": QT_TRANSLATE_NOOP("MergeDialog", "Valid from"),
    "valid_to": QT_TRANSLATE_NOOP("MergeDialog", "Valid to"),
    "kind": QT_TRANSLATE_NOOP("MergeDialog", "Kind"), "province_nis": QT_TRANSLATE_NOOP("MergeDialog", "Province"),
    "negotiation_started": QT_TRANSLATE_NOOP("MergeDialog", "Negotiations started"),
    "expected_signing": QT_TRANSLATE_NOOP("MergeDialog", "Expected signing"),
    "signed": QT_TRANSLATE_NOOP("MergeDialog", "Signed"), "ended": QT_TRANSLATE_NOOP("MergeDialog", "Ended"),
    "region_id": QT_TRANSLATE_NOOP("MergeDialog", "Regiegebied"),
    "municipality_nis": QT_TRANSLATE_NOOP("MergeDialog", "Municipality"),
    "period_start": QT_TRANSLATE_NOOP("MergeDialog", "Period start"),
    "period_end": QT_TRANSLATE_NOOP("MergeDialog", "Period end"),
    "deadline": QT_TRANSLATE_NOOP("MergeDialog", "Deadline"), "outcome": QT_TRANSLATE_NOOP("MergeDialog", "Decision"),
    "amount_cents": QT_TRANSLATE_NOOP("MergeDialog", "Amount"),
}

_KINDS = {
    ConflictKind.FIELD: QT_TRANSLATE_NOOP("MergeDialog", "changed on both sides"),
    ConflictKind.DELETED: QT_TRANSLATE_NOOP("MergeDialog", "deleted on one side, changed on the other"),
    ConflictKind.ONLY: QT_TRANSLATE_NOOP("MergeDialog", "only in one copy"),
    ConflictKind.RULE: QT_TRANSLATE_NOOP("MergeDialog", "the merged data break a rule"),
}

_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_REFERENCES = ("region_id", "municipality_nis", "call_id", "lead_municipality_nis")


def table_label(table: str, translate: Translate = untranslated) -> str:
    """The name users know a table by."""
    return translate("MergeDialog", _TABLES[table]) if table in _TABLES else table


def field_label(column: str, translate: Translate = untranslated) -> str:
    """The column title users know."""
    return translate("MergeDialog", _FIELDS[column]) if column in _FIELDS else column


def kind_text(conflict: Conflict, translate: Translate = untranslated) -> str:
    """Why a conflict needs a choice."""
    return translate("MergeDialog", _KINDS[conflict.kind])


def shortened(text: str, limit: int = MAX_VALUE) -> str:
    """One line of at most ``limit`` characters."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def value_text(value: object, column: str, names: Mapping[str, str]) -> str:
    """A stored value as users read it: dates dd/mm/yyyy, NIS codes and uuids as names, — for nothing."""
    if value is None or value == "":
        return "—"
    text = str(value)
    day = _ISO_DAY.match(text)
    if (day and len(text) in (10, 19)) or (day and "T" in text):
        return f"{day.group(3)}/{day.group(2)}/{day.group(1)}"
    if column in _REFERENCES:
        return names.get(text, text)
    return shortened(text)


def row_text(table: str, row: Mapping[str, Any], names: Mapping[str, str], translate: Translate) -> str:
    """A whole row in one short phrase: its name and the dates that tell it apart."""
    label = row_label(table, row, str(row.get("uuid", "")), names)
    start, end = ("period_start", "period_end") if table == "open_call" else ("valid_from", "valid_to")
    if start in row:
        return f"{label} ({value_text(row.get(start), start, names)} – {value_text(row.get(end), end, names)})"
    if table == "agreement":
        day = "signed" if row.get("signed") else "expected_signing"
        return f"{label} ({field_label(day, translate).lower()} {value_text(row.get(day), day, names)})"
    return label


def side_text(value: object, conflict: Conflict, names: Mapping[str, str], translate: Translate) -> str:
    """One side of a conflict: a field's value, a whole row, or "not there"."""
    if isinstance(value, Mapping):
        return row_text(conflict.table, value, names, translate)
    if value is None and conflict.field is None:
        return translate("MergeDialog", "not in this copy")
    return value_text(value, conflict.field or "", names)


def conflict_line(conflict: Conflict, names: Mapping[str, str], translate: Translate = untranslated) -> str:
    """"Regiegebieden · Demo-regio West 1 · Notes: mine A, theirs B": which row, which field, both values."""
    what = f"{table_label(conflict.table, translate)} · {conflict.label or names.get(conflict.row, conflict.row)}"
    if conflict.field:
        what += f" · {field_label(conflict.field, translate)}"
    mine = side_text(conflict.mine, conflict, names, translate)
    theirs = side_text(conflict.theirs, conflict, names, translate)
    return fill(translate("MergeDialog", "%1 (%2): mine %3, theirs %4"), what, kind_text(conflict, translate),
                mine, theirs)


def named_list(names: Sequence[str], translate: Translate = untranslated, limit: int = MAX_NAMED) -> str:
    """"Aalst, Brugge, Gent and 12 more": a few names and a count."""
    shown = ", ".join(shortened(n, 30) for n in names[:limit])
    rest = len(names) - limit
    return fill(translate("MergeDialog", "%1 and %2 more"), shown, rest) if rest > 0 else shown


def wrapped(line: str, indent: str = "    ") -> str:
    """A long line broken at spaces to fit a terminal, the rest indented under it."""
    return "\n".join(textwrap.wrap(line, WIDTH, subsequent_indent=indent, break_long_words=False,
                                   break_on_hyphens=False)) or line
