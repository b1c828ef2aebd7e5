"""A merge in a coordinator's words: rows by name, columns by their titles, dates dd/mm/yyyy, long lists counted.

The sources and contexts ("MergeDialog") are the merge dialog's, so the command line and the window say the same.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sew_desktop.domain.merging import Conflict, ConflictKind, Stamp
from sew_desktop.domain.texts import QT_TRANSLATE_NOOP, Translate, fill, untranslated
from sew_desktop.services.merging.plan import row_label
from sew_desktop.services.texts import field_label, shortened, table_label, value_text

MAX_NAMED = 3  # a long list names this many and counts the rest

_KINDS = {
    ConflictKind.FIELD: QT_TRANSLATE_NOOP("MergeDialog", "changed on both sides"),
    ConflictKind.DELETED: QT_TRANSLATE_NOOP("MergeDialog", "deleted on one side, changed on the other"),
    ConflictKind.ONLY: QT_TRANSLATE_NOOP("MergeDialog", "only in one copy"),
    ConflictKind.RULE: QT_TRANSLATE_NOOP("MergeDialog", "the merged data break a rule"),
}


def kind_text(conflict: Conflict, translate: Translate = untranslated) -> str:
    """Why a conflict needs a choice."""
    return translate("MergeDialog", _KINDS[conflict.kind])


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


def _stamp(stamp: Stamp) -> str:
    """" (Els Maes, 17/10/2022)": who changed it last and when, when the history says so."""
    if not stamp.who and not stamp.at:
        return ""
    return f" ({shortened(stamp.who or '—', 30)}, {value_text(stamp.at, '', {})})"


def conflict_line(conflict: Conflict, names: Mapping[str, str], translate: Translate = untranslated) -> str:
    """"Regiegebieden · Demo-regio West 1 · Notes: mine A, theirs B": which row, which field, both values."""
    what = f"{table_label(conflict.table, translate)} · {conflict.label or names.get(conflict.row, conflict.row)}"
    if conflict.field:
        what += f" · {field_label(conflict.field, translate)}"
    mine = side_text(conflict.mine, conflict, names, translate) + _stamp(conflict.mine_stamp)
    theirs = side_text(conflict.theirs, conflict, names, translate) + _stamp(conflict.theirs_stamp)
    return fill(translate("MergeDialog", "%1 (%2): mine %3, theirs %4"), what, kind_text(conflict, translate),
                mine, theirs)


def named_list(names: Sequence[str], translate: Translate = untranslated, limit: int = MAX_NAMED) -> str:
    """"Aalst, Brugge, Gent and 12 more": a few names and a count."""
    shown = ", ".join(shortened(n, 30) for n in names[:limit])
    rest = len(names) - limit
    return fill(translate("MergeDialog", "%1 and %2 more"), shown, rest) if rest > 0 else shown
