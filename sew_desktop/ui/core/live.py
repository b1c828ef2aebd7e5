"""The live coverage of one window: the as-of and horizon dates, and the figures for them, kept up to date.

One object per window. The change bus and date changes schedule one recompute per event-loop turn; the results go
out as typed signals that the tables, the coverage table and the charts connect to.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal

from sew_desktop.domain.coverage import CoverageReport, CoverageTimeline, DayCoverage
from sew_desktop.domain.days import default_horizon
from sew_desktop.services.live import CoverageCalculator
from sew_desktop.store.repository import Change
from sew_desktop.ui.core.i18n import Language
from sew_desktop.ui.core.notifier import ChangeBus


class LiveCoverage(QObject):
    """Dates (as-of default today, horizon default 31/12 of that year), the UI language, and the coverage."""

    dates_changed = Signal()
    day_changed = Signal(object, object)  # the new DayCoverage, the one before it
    report_changed = Signal(object)  # CoverageReport
    timeline_changed = Signal(object)  # CoverageTimeline, only while a timeline is wanted

    def __init__(self, calculator: CoverageCalculator, bus: ChangeBus, language: Language,
                 as_of: date | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.calculator = calculator
        self.language = language
        self._as_of = as_of or date.today()
        self._horizon = default_horizon(self._as_of)
        self.day: DayCoverage = calculator.day(self._as_of, self._horizon)
        self.refresh_count = 0
        self._timeline_wanted = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.refresh)
        self._stopped = False
        bus.changed.connect(self._on_changes)

    @property
    def as_of(self) -> date:
        """The date of the figures."""
        return self._as_of

    @property
    def horizon(self) -> date:
        """The forecast horizon."""
        return self._horizon

    @property
    def report(self) -> CoverageReport:
        """The coverage table for the current dates."""
        return self.day.report

    def set_dates(self, as_of: date, horizon: date | None = None) -> None:
        """Change the dates; a horizon before the as-of date follows it to 31/12 of its year."""
        follows = self._horizon == default_horizon(self._as_of)  # an untouched horizon follows the as-of year
        new_horizon = horizon or (default_horizon(as_of) if follows else self._horizon)
        if new_horizon < as_of:
            new_horizon = default_horizon(as_of)
        if (as_of, new_horizon) == (self._as_of, self._horizon):
            return
        self._as_of, self._horizon = as_of, new_horizon
        self.dates_changed.emit()
        self.schedule()

    def want_timeline(self, wanted: bool) -> None:
        """Whether a timeline is on screen (it is computed only then)."""
        self._timeline_wanted = wanted
        if wanted:
            self.timeline_changed.emit(self.timeline())

    def timeline(self) -> CoverageTimeline:
        """Coverage over time for the current dates."""
        return self.calculator.timeline(self._as_of, self._horizon)

    def _on_changes(self, changes: Sequence[Change]) -> None:
        self.calculator.on_changes(changes)  # first: whoever asks for figures in this turn gets current ones
        self.schedule()

    def schedule(self) -> None:
        """Coalesce: many changes in one turn give one recompute."""
        if not self._stopped and not self._timer.isActive():
            self._timer.start()

    def stop(self) -> None:
        """The window's file is closed or handed on: no recompute is pending or scheduled from now on."""
        self._stopped = True
        if shiboken6.isValid(self._timer):  # at shutdown Qt may have deleted it already: then nothing is pending
            self._timer.stop()

    def refresh(self) -> None:
        """Compute for the data and dates as they are now and tell every view."""
        self._timer.stop()
        previous, self.day = self.day, self.calculator.day(self._as_of, self._horizon)
        self.refresh_count += 1
        if self.day is previous:
            return
        self.day_changed.emit(self.day, previous)
        self.report_changed.emit(self.day.report)
        if self._timeline_wanted:
            self.timeline_changed.emit(self.timeline())
