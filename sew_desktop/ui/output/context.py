"""What an export shows: the figures, the dates, where they come from and when the export was made."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sew_desktop.domain.coverage import CoverageReport, CoverageTimeline, coverage_timeline
from sew_desktop.services.report import coverage_report
from sew_desktop.store.repository import Repository


@dataclass(frozen=True, slots=True)
class ExportContext:
    """The figures of one export and their provenance."""

    report: CoverageReport
    timeline: CoverageTimeline
    source: str
    created: datetime
    language: str

    @property
    def as_of(self) -> date:
        """The date of the figures."""
        return self.report.as_of

    @property
    def horizon(self) -> date:
        """The forecast horizon."""
        return self.report.horizon


def export_context(
    repository: Repository, as_of: date, horizon: date, language: str, created: datetime | None = None
) -> ExportContext:
    """Compute the figures for ``as_of`` and ``horizon`` from the repository (never from display text)."""
    report = coverage_report(repository, as_of, horizon)
    timeline = coverage_timeline(repository.coverage_input(), as_of, horizon)
    source = repository.path.name if repository.path is not None else ":memory:"
    return ExportContext(report, timeline, source, created or datetime.now().replace(second=0, microsecond=0), language)
