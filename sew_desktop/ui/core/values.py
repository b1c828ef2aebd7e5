"""Parsing what users type or paste into cells."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate

from sew_desktop.domain.days import TypedDateError, parse_typed_date
from sew_desktop.ui.core.i18n import from_qdate


def parse_date(value: object) -> date | None:
    """A QDate, a date, ``YYYY-MM-DD`` or ``dd/mm/yyyy`` (also ``d-m-yyyy``); empty means no date.

    Raises ValueError for anything else.
    """
    if value is None:
        return None
    if isinstance(value, QDate):
        return from_qdate(value)
    if isinstance(value, date):
        return value
    return parse_typed_date(str(value))


def parse_text(value: object) -> str:
    """Text cells: trimmed, never ``None``."""
    return "" if value is None else str(value).strip()


def date_refusal(text: str) -> str | None:
    """Why typed text is no date ("31/02/2023 does not exist"), or None when it is one (or empty)."""
    try:
        parse_typed_date(text)
    except TypedDateError as error:
        if error.no_such_day:
            return QCoreApplication.translate("DateDelegate", "%1 does not exist.").replace("%1", error.text)
        return QCoreApplication.translate(
            "DateDelegate", "'%1' is not a date: type for example 15/11/2022 or 15112022.").replace("%1", error.text)
    return None
