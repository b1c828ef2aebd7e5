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


_DAY_MONTH_YEAR = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$")


def parse_typed_date(text: str) -> date | None:
    """A date as users type it: ``dd/mm/yyyy`` (also with ``-`` or ``.``, one-digit day or month) or
    ``yyyy-mm-dd``; empty text is no date. ValueError for anything else, or a day that does not exist."""
    text = text.strip()
    if not text:
        return None
    match = _DAY_MONTH_YEAR.match(text)
    if match:
        day, month, year = (int(g) for g in match.groups())
        return date(year, month, day)
    return date.fromisoformat(text)
