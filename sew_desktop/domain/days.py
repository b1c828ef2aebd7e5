"""Dates as day numbers, so that rules can be applied to whole columns of dates at once (numpy arrays).

A missing date becomes a number that compares like "never" (a start that never comes, an end that never
comes): ``NEVER`` lies after every real date, ``ALWAYS`` before every real date.
"""

from __future__ import annotations

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
