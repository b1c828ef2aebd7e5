"""Parsing what users type or paste into cells."""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QDate

from sew_desktop.ui.i18n import from_qdate

_DMY = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$")


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
    text = str(value).strip()
    if not text:
        return None
    match = _DMY.match(text)
    if match:
        day, month, year = (int(g) for g in match.groups())
        return date(year, month, day)
    return date.fromisoformat(text)


def parse_text(value: object) -> str:
    """Text cells: trimmed, never ``None``."""
    return "" if value is None else str(value).strip()
