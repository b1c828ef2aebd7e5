"""Which backups to keep: Anki-like thinning, denser for recent days."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from datetime import datetime, timedelta

_EVERY_DAY = timedelta(days=14)
_EVERY_WEEK = timedelta(days=61)
_EVERY_MONTH = timedelta(days=365)


def _bucket(moment: datetime, now: datetime) -> Hashable | None:
    """The period a backup stands for (one kept per period); ``None`` keeps it always, ``"drop"`` never."""
    age = now - moment
    if moment.date() >= now.date() - timedelta(days=1):
        return None
    if age <= _EVERY_DAY:
        return ("day", moment.date())
    if age <= _EVERY_WEEK:
        return ("week", *moment.isocalendar()[:2])
    if age <= _EVERY_MONTH:
        return ("month", moment.year, moment.month)
    return "drop"


def backups_to_keep(moments: Iterable[datetime], now: datetime) -> set[datetime]:
    """Everything from today and yesterday, then the newest of each day for 2 weeks, of each week for 2 months,
    of each month for a year; older ones go. The newest backup is always kept."""
    ordered = sorted(moments, reverse=True)
    kept: set[datetime] = set(ordered[:1])
    seen: set[Hashable] = set()
    bucket: Callable[[datetime], Hashable | None] = lambda m: _bucket(m, now)  # noqa: E731
    for moment in ordered:
        period = bucket(moment)
        if period is None:
            kept.add(moment)
        elif period != "drop" and period not in seen:
            seen.add(period)
            kept.add(moment)
    return kept
