from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta

import pytest

from sew_desktop.domain.coverage import FLANDERS, CoverageInput, compute_coverage, coverage_timeline, timeline_days
from sew_desktop.domain.rounding import Ratio
from sew_desktop.domain.status import expected_signed_by, forecast_date, signed_period
from tests.domain.factories import (
    agreement,
    coverage_input,
    d,
    member,
    municipality,
    random_agreement,
    random_data,
    region,
)

AS_OF, HORIZON = d("2022-10-17"), d("2022-12-31")


def test_days_are_month_starts_from_the_first_signing_plus_as_of_and_horizon() -> None:
    days = timeline_days(d("2022-08-20"), AS_OF, HORIZON)
    assert days == (
        d("2022-08-01"),
        d("2022-09-01"),
        d("2022-10-01"),
        AS_OF,
        d("2022-11-01"),
        d("2022-12-01"),
        HORIZON,
    )


def test_without_signings_the_timeline_starts_in_the_as_of_month() -> None:
    assert timeline_days(None, AS_OF, AS_OF) == (d("2022-10-01"), AS_OF)


def test_actual_points_follow_signing_and_ending() -> None:
    data = coverage_input(
        [municipality("31001"), municipality("31002")],
        agreements=[agreement(municipality="31001", started="2022-01-01", signed="2022-03-15", ended="2022-06-10")],
    )
    timeline = coverage_timeline(data, AS_OF, HORIZON)
    west = dict(zip(timeline.days, timeline.area("West-Vlaanderen").reached, strict=True))
    assert west[d("2022-03-01")] == Ratio(0, 2)
    assert west[d("2022-04-01")] == Ratio(1, 2)
    assert west[d("2022-06-01")] == Ratio(1, 2)
    assert west[d("2022-07-01")] == Ratio(0, 2)


def test_forecast_points_count_expected_signings_by_that_day() -> None:
    data = coverage_input(
        [municipality("31001"), municipality("31002"), municipality("31003")],
        regions=[region(1)],
        memberships=[member(1, "31002"), member(1, "31003")],
        agreements=[
            agreement(municipality="31001", started="2021-01-01", signed="2021-06-01"),
            agreement(region=1, started="2022-05-01", expected="2022-11-20"),
        ],
    )
    timeline = coverage_timeline(data, AS_OF, HORIZON)
    west = dict(zip(timeline.days, timeline.area("West-Vlaanderen").reached, strict=True))
    assert not timeline.is_forecast(timeline.days.index(AS_OF))
    assert timeline.is_forecast(timeline.days.index(d("2022-11-01")))
    assert west[AS_OF] == Ratio(1, 3)
    assert west[d("2022-11-01")] == Ratio(1, 3)
    assert west[d("2022-12-01")] == Ratio(3, 3)
    assert timeline.area(FLANDERS).reached[-1] == Ratio(3, 3)


def test_denominators_and_succession_follow_the_day_of_each_point() -> None:
    data = coverage_input(
        [
            municipality("31001", valid_to="2024-12-31", successor="31099"),
            municipality("31002", valid_to="2024-12-31", successor="31099"),
            municipality("31099", valid_from="2025-01-01"),
        ],
        agreements=[agreement(municipality="31001", started="2024-01-01", signed="2024-10-15")],
    )
    timeline = coverage_timeline(data, d("2025-03-01"), d("2025-06-30"))
    west = dict(zip(timeline.days, timeline.area("West-Vlaanderen").reached, strict=True))
    assert timeline.days[0] == d("2024-10-01")
    assert west[d("2024-12-01")] == Ratio(1, 2)
    assert west[d("2025-01-01")] == Ratio(1, 1)  # the merged municipality inherits the agreement


def test_horizon_before_as_of_is_refused() -> None:
    with pytest.raises(ValueError, match="horizon"):
        coverage_timeline(coverage_input([]), HORIZON, AS_OF)


def test_signed_period_and_forecast_date_agree_with_the_status_rules() -> None:
    rng = random.Random(3)
    for _ in range(3000):
        a = random_agreement(rng, {"municipality": "31001"})
        period = signed_period(a)
        for day in (d("2021-06-01"), AS_OF, d("2023-02-01")):
            signed = period is not None and period[0] <= day and (period[1] is None or day < period[1])
            assert signed == (a.signed is not None and a.signed <= day and not (a.ended and a.ended <= day))
            for horizon in (day, day + timedelta(days=40), day + timedelta(days=400)):
                first = forecast_date(a, day)
                assert (first is not None and first <= horizon) == expected_signed_by(a, day, horizon)


def _forecast_view(data: CoverageInput, as_of: date, day: date) -> CoverageInput:
    """The same data where exactly the agreements counted in the forecast for ``day`` are signed."""
    agreements = {}
    for key, a in data.agreements.items():
        counted = expected_signed_by(a, as_of, day)
        agreements[key] = replace(a, signed=d("1990-01-01") if counted else None, ended=None)
    return replace(data, agreements=agreements)


@pytest.mark.parametrize("seed", range(8))
def test_every_point_equals_the_coverage_rules_on_that_day(seed: int) -> None:
    data = random_data(seed)
    as_of, horizon = d("2022-10-17"), d("2025-08-31")
    timeline = coverage_timeline(data, as_of, horizon)
    for index, day in enumerate(timeline.days):
        source = _forecast_view(data, as_of, day) if timeline.is_forecast(index) else data
        expected = compute_coverage(source, day, day)
        for area in timeline.areas:
            assert area.reached[index] == expected.row(area.area).municipalities_reached, (seed, day, area.area)
