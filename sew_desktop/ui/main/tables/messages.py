"""Translated texts for domain values: statuses, region kinds, validation problems."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from sew_desktop.domain.model import AgreementStatus, RegionKind, Validity
from sew_desktop.domain.validation import Problem
from sew_desktop.ui.i18n import Language, format_date


def status_text(status: AgreementStatus | None) -> str:
    """The status as users say it."""
    texts = {
        AgreementStatus.SIGNED: QCoreApplication.translate("Status", "signed"),
        AgreementStatus.NEGOTIATING: QCoreApplication.translate("Status", "in negotiation"),
        AgreementStatus.TO_START: QCoreApplication.translate("Status", "to start"),
        AgreementStatus.ENDED: QCoreApplication.translate("Status", "ended"),
    }
    return texts[status] if status is not None else QCoreApplication.translate("Status", "no agreement")


def kind_text(kind: RegionKind) -> str:
    """The kind of a regiegebied."""
    if kind is RegionKind.CENTRE_CITY:
        return QCoreApplication.translate("RegionKind", "centre city")
    return QCoreApplication.translate("RegionKind", "collaboration")


def problem_text(problem: Problem) -> str:
    """Why an edit was refused."""
    texts = {
        Problem.SIGNED_BEFORE_STARTED: QCoreApplication.translate(
            "Problem", "The signing date lies before the start of the negotiations."
        ),
        Problem.ENDED_BEFORE_SIGNED: QCoreApplication.translate(
            "Problem", "The end date lies before the signing date."
        ),
        Problem.ENDED_BEFORE_STARTED: QCoreApplication.translate(
            "Problem", "The end date lies before the start of the negotiations."
        ),
        Problem.EXPECTED_BEFORE_STARTED: QCoreApplication.translate(
            "Problem", "The expected signing date lies before the start of the negotiations."
        ),
        Problem.VALID_TO_BEFORE_FROM: QCoreApplication.translate("Problem", "'Valid to' lies before 'valid from'."),
        Problem.EMPTY_NAME: QCoreApplication.translate("Problem", "The name may not be empty."),
        Problem.BAD_NIS_CODE: QCoreApplication.translate("Problem", "A NIS code has five digits."),
        Problem.DUPLICATE_NIS_CODE: QCoreApplication.translate("Problem", "This NIS code already exists."),
        Problem.PARTNER_NOT_VALID: QCoreApplication.translate(
            "Problem", "The partner does not exist on these dates."
        ),
        Problem.MEMBERSHIP_OVERLAPS: QCoreApplication.translate(
            "Problem", "The municipality already belongs to a regiegebied on these dates."
        ),
    }
    return texts[problem]


def problems_text(problems: list[Problem]) -> str:
    """Several problems as one sentence each."""
    return " ".join(problem_text(p) for p in problems)


def overlap_text(municipality: str, region: str, validity: Validity, language: Language) -> str:
    """"Aartselaar hoort van 01/01/2019 tot — al bij Demo-regio Antwerpen 1.": the membership a refusal is about."""
    return (QCoreApplication.translate("Problem", "%1 already belongs to %2 from %3 to %4.")
            .replace("%1", municipality).replace("%2", region)
            .replace("%3", format_date(validity.valid_from, language) or "—")
            .replace("%4", format_date(validity.valid_to, language) or "—"))
