"""Texts for users that the services and the command line share (the window says the same in its catalogs)."""

from __future__ import annotations

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
