"""Status of an agreement on a date, and whether it is expected to be signed by a horizon."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sew_desktop.domain.model import Agreement, AgreementStatus

_STATUS_RANK = {
    AgreementStatus.SIGNED: 3,
    AgreementStatus.NEGOTIATING: 2,
    AgreementStatus.TO_START: 1,
    AgreementStatus.ENDED: 0,
}


def agreement_status(agreement: Agreement, day: date) -> AgreementStatus:
    """Ended, else signed, else negotiating, else still to start -- each judged on ``day``."""
    if agreement.ended is not None and agreement.ended <= day:
        return AgreementStatus.ENDED
    if agreement.signed is not None and agreement.signed <= day:
        return AgreementStatus.SIGNED
    if agreement.negotiation_started is not None and agreement.negotiation_started <= day:
        return AgreementStatus.NEGOTIATING
    return AgreementStatus.TO_START


def expected_signed_by(agreement: Agreement, as_of: date, horizon: date) -> bool:
    """Forecast: signed on ``as_of``, signed by ``horizon``, or negotiating with signing expected by then."""
    status = agreement_status(agreement, as_of)
    if status is AgreementStatus.SIGNED:
        return True
    if status is AgreementStatus.ENDED:
        return False
    if agreement.signed is not None and agreement.signed <= horizon:
        return True
    return (
        status is AgreementStatus.NEGOTIATING
        and agreement.expected_signing is not None
        and agreement.expected_signing <= horizon
    )


def best_status(agreements: Iterable[Agreement], day: date) -> AgreementStatus | None:
    """The most advanced status among ``agreements`` on ``day``; ``None`` without agreements."""
    statuses = [agreement_status(a, day) for a in agreements]
    return max(statuses, key=_STATUS_RANK.__getitem__) if statuses else None


def signed_period(agreement: Agreement) -> tuple[date, date | None] | None:
    """``(start, end)`` such that the status is signed exactly on days with start <= day < end (end None: open)."""
    signed, ended = agreement.signed, agreement.ended
    if signed is None or (ended is not None and ended <= signed):
        return None
    return signed, ended


def forecast_date(agreement: Agreement, as_of: date) -> date | None:
    """The earliest horizon counted by :func:`expected_signed_by` for ``as_of``; None when no horizon is."""
    status = agreement_status(agreement, as_of)
    if status is AgreementStatus.SIGNED:
        return agreement.signed
    if status is AgreementStatus.ENDED:
        return None
    candidates = [agreement.signed] if agreement.signed is not None else []
    if status is AgreementStatus.NEGOTIATING and agreement.expected_signing is not None:
        candidates.append(agreement.expected_signing)
    return min(candidates) if candidates else None
