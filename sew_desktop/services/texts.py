"""Texts for users that the services and the command line share (the window says the same in its catalogs):
refusals, kinds of rows, tables and columns by the names users know, values as they read them."""

from __future__ import annotations

import re
import textwrap
from collections.abc import Mapping

from sew_desktop.domain.texts import QT_TRANSLATE_NOOP, Translate, untranslated
from sew_desktop.domain.validation import Problem

# Why a write was refused, in the window's words (ui/core/messages.py's problem_text: same context and sources).
PROBLEM_TEXTS: dict[Problem, str] = {
    Problem.SIGNED_BEFORE_STARTED: QT_TRANSLATE_NOOP(
        "Problem", "The signing date lies before the start of the negotiations."),
    Problem.ENDED_BEFORE_SIGNED: QT_TRANSLATE_NOOP("Problem", "The end date lies before the signing date."),
    Problem.ENDED_BEFORE_STARTED: QT_TRANSLATE_NOOP(
        "Problem", "The end date lies before the start of the negotiations."),
    Problem.EXPECTED_BEFORE_STARTED: QT_TRANSLATE_NOOP(
        "Problem", "The expected signing date lies before the start of the negotiations."),
    Problem.VALID_TO_BEFORE_FROM: QT_TRANSLATE_NOOP("Problem", "'Valid to' lies before 'valid from'."),
    Problem.EMPTY_NAME: QT_TRANSLATE_NOOP("Problem", "The name may not be empty."),
    Problem.BAD_NIS_CODE: QT_TRANSLATE_NOOP("Problem", "A NIS code has five digits."),
    Problem.DUPLICATE_NIS_CODE: QT_TRANSLATE_NOOP("Problem", "This NIS code already exists."),
    Problem.PARTNER_NOT_VALID: QT_TRANSLATE_NOOP("Problem", "The partner does not exist on these dates."),
    Problem.MEMBERSHIP_OVERLAPS: QT_TRANSLATE_NOOP(
        "Problem", "The municipality already belongs to a regiegebied on these dates."),
    Problem.OUTLIVED_BY_AGREEMENT: QT_TRANSLATE_NOOP(
        "Problem",
        "The partner would then not exist on the dates of one of its agreements. Change the agreement first.",
    ),
    Problem.MEMBER_NOT_VALID: QT_TRANSLATE_NOOP(
        "Problem", "The municipality does not exist on the day this membership starts."),
    Problem.TEXT_TOO_LONG: QT_TRANSLATE_NOOP(
        "Problem", "A cell holds at most 10,000 characters; keep long texts in a document and refer to it."),
}

# The kinds of rows, as a coordinator says them (the history's and the check's "entity").
ENTITY_NAMES: dict[str, str] = {
    "municipality": QT_TRANSLATE_NOOP("Entity", "municipality"),
    "region": QT_TRANSLATE_NOOP("Entity", "regiegebied"),
    "membership": QT_TRANSLATE_NOOP("Entity", "membership"),
    "agreement": QT_TRANSLATE_NOOP("Entity", "agreement"),
    "open_call": QT_TRANSLATE_NOOP("Entity", "open call"),
    "subsidy_decision": QT_TRANSLATE_NOOP("Entity", "decision"),
    "decision_member": QT_TRANSLATE_NOOP("Entity", "decision member"),
    "file": QT_TRANSLATE_NOOP("Entity", "file"),
}


def entity_name(entity: str, translate: Translate = untranslated) -> str:
    """The kind of a row in words ("regiegebied", "overeenkomst"); an unknown kind as it is."""
    return translate("Entity", ENTITY_NAMES[entity]) if entity in ENTITY_NAMES else entity

MAX_VALUE = 40  # characters of a value in one line
WIDTH = 100  # a line fits a terminal

# Tables and columns as the merge dialog names them (same context and sources, so the same Dutch).
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

_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_REFERENCES = ("region_id", "municipality_nis", "call_id", "lead_municipality_nis")


def table_label(table: str, translate: Translate = untranslated) -> str:
    """The name users know a table by."""
    return translate("MergeDialog", _TABLES[table]) if table in _TABLES else table


def field_label(column: str, translate: Translate = untranslated) -> str:
    """The column title users know."""
    return translate("MergeDialog", _FIELDS[column]) if column in _FIELDS else column


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


def wrapped(line: str, indent: str = "    ") -> str:
    """A long line broken at spaces to fit a terminal, the rest indented under it."""
    return "\n".join(textwrap.wrap(line, WIDTH, subsequent_indent=indent, break_long_words=False,
                                   break_on_hyphens=False)) or line
