"""Days on which the number of Flemish municipalities changes (mergers), read from the codes' validity."""

from __future__ import annotations

from datetime import date

import numpy as np

from sew_desktop.domain.coverage.arrays import Places
from sew_desktop.domain.coverage.results import CountChange
from sew_desktop.domain.days import ALWAYS, NEVER


def municipality_count_changes(places: Places, first: date, last: date) -> tuple[CountChange, ...]:
    """Every day in (``first``, ``last``] on which the number of valid Flemish municipalities changes: the day
    new codes start or old ones end (the day after their last), with the counts on the day before and that day."""
    flemish = places.municipality_province >= 0
    starts, ends = places.municipality_from[flemish], places.municipality_to[flemish]
    candidates = np.union1d(starts[starts > ALWAYS], ends[ends < NEVER] + 1)
    low, high = first.toordinal(), last.toordinal()
    candidates = candidates[(candidates > low) & (candidates <= high)]
    changes = []
    for number in candidates.tolist():
        before = int(np.count_nonzero((starts <= number - 1) & (ends >= number - 1)))
        after = int(np.count_nonzero((starts <= number) & (ends >= number)))
        if before != after:
            changes.append(CountChange(date.fromordinal(number), before, after))
    return tuple(changes)
