"""Coverage: which municipalities and regiegebieden are reached on a date, by a horizon, and over time.

One computation: :class:`CoverageArrays` holds the data as columns, :class:`DayCoverage` gives the published
table and every municipality's status for a pair of dates, :func:`compute_timeline` the month-by-month figures.
The functions on a :class:`CoverageInput` below build the columns and run that same computation.
"""

from __future__ import annotations

from datetime import date

from sew_desktop.domain.coverage.arrays import CoverageArrays
from sew_desktop.domain.coverage.day import DayCoverage
from sew_desktop.domain.coverage.results import (
    FLANDERS,
    PUBLISHED_PROVINCE_ORDER,
    AreaCoverage,
    AreaTimeline,
    CountChange,
    CoverageInput,
    CoverageReport,
    CoverageTimeline,
    MunicipalityCoverage,
    province_order,
)
from sew_desktop.domain.coverage.timeline import TimelineState, compute_timeline, timeline_days
from sew_desktop.domain.model import Municipality

__all__ = [
    "FLANDERS",
    "PUBLISHED_PROVINCE_ORDER",
    "AreaCoverage",
    "AreaTimeline",
    "CountChange",
    "CoverageArrays",
    "CoverageInput",
    "CoverageReport",
    "CoverageTimeline",
    "DayCoverage",
    "MunicipalityCoverage",
    "TimelineState",
    "compute_coverage",
    "compute_timeline",
    "coverage_timeline",
    "municipality_coverage",
    "province_order",
    "timeline_days",
    "valid_municipalities",
]


def compute_coverage(data: CoverageInput, as_of: date, horizon: date) -> CoverageReport:
    """The coverage table per province (published order) and for Flanders."""
    return DayCoverage(CoverageArrays.build(data), as_of, horizon).report


def municipality_coverage(data: CoverageInput, day: date) -> dict[str, MunicipalityCoverage]:
    """Status category on ``day`` of every municipality valid then, with the partners that reach it."""
    coverage = DayCoverage(CoverageArrays.build(data), day, day)
    return {nis: coverage.coverage(nis) for nis in coverage.valid_codes()}


def coverage_timeline(data: CoverageInput, as_of: date, horizon: date) -> CoverageTimeline:
    """% of municipalities reached per province (published order) and for Flanders, month by month."""
    return compute_timeline(CoverageArrays.build(data), as_of, horizon)


def valid_municipalities(data: CoverageInput, day: date) -> list[Municipality]:
    """Municipalities whose code is valid on ``day`` (300 in 2022, 285 from 2025)."""
    return [m for m in data.municipalities.values() if m.validity.contains(day)]
