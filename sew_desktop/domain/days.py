"""Dates as day numbers, so that rules can be applied to whole columns of dates at once (numpy arrays).

A missing date becomes a number that compares like "never" (a start that never comes, an end that never
comes): ``NEVER`` lies after every real date, ``ALWAYS`` before every real date.
"""

from __future__ import annotations

import re
from datetime import date

import numpy as np
import numpy.typing as npt

DayArray = npt.NDArray[np.int64]
Flags = npt.NDArray[np.bool_]
NEVER = 2**40  # after every real date
ALWAYS = -(2**40)  # before every real date


def day_number(value: date | None, missing: int = NEVER) -> int:
    """``value`` as a day number; ``missing`` (default: never) for no date."""
    return missing if value is None else value.toordinal()


def from_day_number(number: int) -> date | None:
    """The date of a day number; None for ``NEVER``/``ALWAYS``."""
    return None if number in (NEVER, ALWAYS) else date.fromordinal(number)


def day_array(values: list[int]) -> DayArray:
    """A column of day numbers."""
    return np.asarray(values, dtype=np.int64)


def default_horizon(as_of: date) -> date:
    """The forecast horizon when none is given: 31 December of the as-of year."""
    return date(as_of.year, 12, 31)


def horizon_for(as_of: date, horizon: date | None) -> date:
    """``horizon``, or the default for ``as_of``; ValueError when it lies before the as-of date."""
    chosen = horizon or default_horizon(as_of)
    if chosen < as_of:
        raise ValueError(f"the horizon {chosen:%d/%m/%Y} lies before the as-of date {as_of:%d/%m/%Y}")
    return chosen


_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$")
_DIGITS_ONLY = re.compile(r"^(\d{2})(\d{2})(\d{4})$")  # ddmmyyyy, as typed on a numeric keypad
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_TIME_OF_DAY = re.compile(r"\s+\d{1,2}:\d{2}(:\d{2})?$")  # "20/04/2023 00:00:00" from a spreadsheet


class TypedDateError(ValueError):
    """Typed text that is no date (``no_such_day``: it has the form of one, but that day does not exist)."""

    def __init__(self, text: str, *, no_such_day: bool) -> None:
        super().__init__(text)
        self.text = text
        self.no_such_day = no_such_day


def parse_typed_date(text: str) -> date | None:
    """A date as users type it: ``d/m/yyyy`` or ``dd/mm/yyyy`` (also with ``-`` or ``.``), ``d/m/yy`` (20yy),
    ``ddmmyyyy`` or ``yyyy-mm-dd``; empty text is no date. TypedDateError for anything else, or for a day that
    does not exist (31/02/2023)."""
    text = _TIME_OF_DAY.sub("", text.strip())
    if not text:
        return None
    parts = _day_month_year(text)
    if parts is None:
        raise TypedDateError(text, no_such_day=False)
    day, month, year = parts
    try:
        return date(year, month, day)
    except ValueError:
        raise TypedDateError(text, no_such_day=True) from None


def _day_month_year(text: str) -> tuple[int, int, int] | None:
    for pattern in (_DAY_MONTH_YEAR, _DIGITS_ONLY):
        match = pattern.match(text)
        if match:
            day, month, year = (int(g) for g in match.groups())
            return day, month, year + 2000 if len(match.group(3)) == 2 else year
    match = _ISO.match(text)
    if match:
        year, month, day = (int(g) for g in match.groups())
        return day, month, year
    return None
