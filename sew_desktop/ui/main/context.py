"""What every view shares: the as-of and horizon dates and the language."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QObject, Signal

from sew_desktop.services.report import default_horizon
from sew_desktop.ui.i18n import Language


class ViewContext(QObject):
    """The as-of date (default today), the horizon (default 31/12 of that year) and the UI language."""

    dates_changed = Signal()

    def __init__(self, language: Language, as_of: date | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.language = language
        self._as_of = as_of or date.today()
        self._horizon = default_horizon(self._as_of)

    @property
    def as_of(self) -> date:
        """The date of the figures."""
        return self._as_of

    @property
    def horizon(self) -> date:
        """The forecast horizon."""
        return self._horizon

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
