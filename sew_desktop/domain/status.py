"""Status of an agreement on a date, and whether it is expected to be signed by a horizon.

The rules are written once, over day numbers (:mod:`sew_desktop.domain.days`): they take numpy arrays (a
column per date field, one entry per agreement) or single day numbers alike. The functions on one
:class:`Agreement` below apply the same rules to one agreement.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import numpy as np

from sew_desktop.domain.days import NEVER, DayArray, Flags, day_number, from_day_number
from sew_desktop.domain.model import Agreement, AgreementStatus

# Status codes are ranks: a higher code is a more advanced status (best_status takes the maximum).
ENDED, TO_START, NEGOTIATING, SIGNED = 0, 1, 2, 3
STATUS_OF_CODE = {
    ENDED: AgreementStatus.ENDED,
    TO_START: AgreementStatus.TO_START,
    NEGOTIATING: AgreementStatus.NEGOTIATING,
    SIGNED: AgreementStatus.SIGNED,
}
CODE_OF_STATUS = {status: code for code, status in STATUS_OF_CODE.items()}

def status_codes(started: DayArray, signed: DayArray, ended: DayArray, day: int) -> DayArray:
    """Ended, else signed, else negotiating, else still to start -- each judged on ``day``."""
    codes = np.where(ended <= day, ENDED, np.where(signed <= day, SIGNED,
                                                   np.where(started <= day, NEGOTIATING, TO_START)))
    return np.asarray(codes, dtype=np.int64)


def expected_by(codes: DayArray, signed: DayArray, expected: DayArray, horizon: int) -> Flags:
    """Forecast for agreements with status ``codes`` on the as-of date: signed then, signed by ``horizon``
    (unless ended), or negotiating with signing expected by ``horizon``."""
    alive = codes != ENDED
    negotiated_in_time = (codes == NEGOTIATING) & (expected <= horizon)
    counted: Flags = (codes == SIGNED) | (alive & (signed <= horizon)) | negotiated_in_time
    return counted


def forecast_days(codes: DayArray, signed: DayArray, expected: DayArray) -> DayArray:
    """The earliest horizon for which :func:`expected_by` holds, given the status ``codes`` on the as-of date
    (``NEVER`` when none does)."""
    when_open = np.minimum(signed, np.where(codes == NEGOTIATING, expected, NEVER))
    return np.asarray(np.where(codes == SIGNED, signed, np.where(codes == ENDED, NEVER, when_open)), dtype=np.int64)


def signed_spans(signed: DayArray, ended: DayArray) -> tuple[DayArray, DayArray]:
    """``(start, end)`` such that the status is signed exactly on days with start <= day < end; an agreement
    that is never signed (or ends on or before the day it is signed) gets an empty span (start = end = NEVER)."""
    empty = (signed >= NEVER) | (ended <= signed)
    return (np.asarray(np.where(empty, NEVER, signed), dtype=np.int64),
            np.asarray(np.where(empty, NEVER, ended), dtype=np.int64))


def _columns(agreement: Agreement) -> tuple[DayArray, DayArray, DayArray, DayArray]:
    values = (agreement.negotiation_started, agreement.expected_signing, agreement.signed, agreement.ended)
    started, expected, signed, ended = (np.array([day_number(v)], dtype=np.int64) for v in values)
    return started, expected, signed, ended


def _code(agreement: Agreement, day: date) -> int:
    started, _, signed, ended = _columns(agreement)
    return int(status_codes(started, signed, ended, day.toordinal())[0])


def agreement_status(agreement: Agreement, day: date) -> AgreementStatus:
    """The status of ``agreement`` on ``day``."""
    return STATUS_OF_CODE[_code(agreement, day)]


def expected_signed_by(agreement: Agreement, as_of: date, horizon: date) -> bool:
    """Forecast: signed on ``as_of``, signed by ``horizon``, or negotiating with signing expected by then."""
    started, expected, signed, ended = _columns(agreement)
    codes = status_codes(started, signed, ended, as_of.toordinal())
    return bool(expected_by(codes, signed, expected, horizon.toordinal())[0])


def best_status(agreements: Iterable[Agreement], day: date) -> AgreementStatus | None:
    """The most advanced status among ``agreements`` on ``day``; ``None`` without agreements."""
    codes = [_code(a, day) for a in agreements]
    return STATUS_OF_CODE[max(codes)] if codes else None


def signed_period(agreement: Agreement) -> tuple[date, date | None] | None:
    """``(start, end)`` such that the status is signed exactly on days with start <= day < end (end None: open)."""
    _, _, signed, ended = _columns(agreement)
    start, end = signed_spans(signed, ended)
    first = from_day_number(int(start[0]))
    return None if first is None else (first, from_day_number(int(end[0])))


def forecast_date(agreement: Agreement, as_of: date) -> date | None:
    """The earliest horizon counted by :func:`expected_signed_by` for ``as_of``; None when no horizon is."""
    started, expected, signed, ended = _columns(agreement)
    codes = status_codes(started, signed, ended, as_of.toordinal())
    return from_day_number(int(forecast_days(codes, signed, expected)[0]))
