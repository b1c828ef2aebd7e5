"""Parsing what users type or paste into cells."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate

from sew_desktop.domain.days import parse_typed_date
from sew_desktop.ui.i18n import from_qdate


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
