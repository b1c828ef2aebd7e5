"""Numbers and dates as the chosen language writes them (Dutch: 71,9 % and 17/10/2022)."""

from __future__ import annotations

from datetime import date, datetime


def decimal(value: float, language: str, digits: int = 1) -> str:
    """``value`` with ``digits`` decimals, with a decimal comma in Dutch."""
    text = f"{value:.{digits}f}"
    return text.replace(".", ",") if language == "nl" else text


def percent(value: float, language: str, digits: int = 1) -> str:
    """A percentage such as "71,9 %" (Dutch) or "71.9 %" (English)."""
    return f"{decimal(value, language, digits)} %"


def day(value: date, language: str) -> str:
    """A date as dd/mm/yyyy (the Belgian convention, used in both languages)."""
    del language  # Belgian English uses the same day-first order
    return f"{value:%d/%m/%Y}"


def moment(value: datetime, language: str) -> str:
    """A date and time as dd/mm/yyyy hh:mm."""
    return f"{day(value.date(), language)} {value:%H:%M}"
