"""Translated texts for domain values: statuses, region kinds, validation problems."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from sew_desktop.domain.model import Agreement, AgreementStatus, RegionKind, Validity
from sew_desktop.domain.validation import Problem
from sew_desktop.services.texts import PROBLEM_TEXTS
from sew_desktop.store.errors import ChangedElsewhereError, WriteFailedError
from sew_desktop.ui.core.i18n import Language, format_date


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
    """Why an edit was refused (the sentences the command line says too: one source for each)."""
    return QCoreApplication.translate("Problem", PROBLEM_TEXTS[problem])


def problems_text(problems: list[Problem]) -> str:
    """Several problems as one sentence each."""
    return " ".join(problem_text(p) for p in problems)


def overlap_text(municipality: str, region: str, validity: Validity, language: Language) -> str:
    """"Aartselaar hoort van 01/01/2019 tot — al bij Demo-regio Antwerpen 1.": the membership a refusal is about."""
    return (QCoreApplication.translate("Problem", "%1 already belongs to %2 from %3 to %4.")
            .replace("%1", municipality).replace("%2", region)
            .replace("%3", format_date(validity.valid_from, language) or "—")
            .replace("%4", format_date(validity.valid_to, language) or "—"))


def member_start_text(municipality: str, exists: Validity, start: date, language: Language) -> str:
    """"Tongeren-Borgloon bestaat pas vanaf 01/01/2025; …": why a membership may not start on ``start``."""
    if exists.valid_from is not None and start < exists.valid_from:
        text = QCoreApplication.translate(
            "Problem", "%1 exists only from %2: a membership of it cannot start on %3.")
        day = exists.valid_from
    else:
        text = QCoreApplication.translate(
            "Problem", "%1 no longer exists after %2: a membership of it cannot start on %3.")
        day = exists.valid_to or start
    return (text.replace("%1", municipality).replace("%2", format_date(day, language))
            .replace("%3", format_date(start, language)))


def outlived_text(region: str, agreement: Agreement, validity: Validity, language: Language) -> str:
    """"Demo-regio West 4 bestaat dan niet meer op de datums van zijn overeenkomst (ondertekend op 15/11/2022).":
    the agreement a shorter validity of its regiegebied would leave without a partner."""
    days = [(QCoreApplication.translate("Problem", "negotiations started on %1"), agreement.negotiation_started),
            (QCoreApplication.translate("Problem", "signed on %1"), agreement.signed)]
    dates = ", ".join(text.replace("%1", format_date(day, language)) for text, day in days if day is not None)
    later = any(validity.valid_to is not None and day is not None and day > validity.valid_to for _, day in days)
    if later:
        sentence = QCoreApplication.translate(
            "Problem", "%1 would then no longer exist on the dates of its agreement (%2).")
    else:
        sentence = QCoreApplication.translate(
            "Problem", "%1 would then not yet exist on the dates of its agreement (%2).")
    advice = QCoreApplication.translate("Problem", "Change the agreement first, or choose another date.")
    return f"{sentence.replace('%1', region).replace('%2', dates)} {advice}"


def changed_elsewhere_text(error: WriteFailedError) -> str | None:
    """The message for an undo or edit refused because another program changed the row, else ``None``."""
    if not isinstance(error, ChangedElsewhereError):
        return None
    return QCoreApplication.translate(
        "Safety", "Not done: another program or window changed this row in the meantime. Its change was kept.")


def saved_text(path: Path) -> str:
    """What an export says when it is done: where it wrote the file (the user pastes it into a note next)."""
    return QCoreApplication.translate("Messages", "Saved as %1.").replace("%1", str(path))
