"""Boundary tables for rules a mutation run found untested."""

from __future__ import annotations

from datetime import date

import pytest

from sew_desktop.domain.coverage import AreaCoverage, CoverageReport
from sew_desktop.domain.days import TypedDateError, horizon_for, parse_typed_date
from sew_desktop.domain.model import AgreementStatus, Validity
from sew_desktop.domain.rounding import Ratio
from sew_desktop.domain.status import best_status, signed_period
from tests.domain.factories import agreement, d

DAY = d("2022-10-17")
SIGNED = agreement(municipality="31001", signed="2022-01-01")
NEGOTIATING = agreement(municipality="31001", started="2022-01-01")
ENDED = agreement(municipality="31001", signed="2021-01-01", ended="2022-01-01")
TO_START = agreement(municipality="31001")


@pytest.mark.parametrize(("agreements", "expected"), [
    ([SIGNED, NEGOTIATING], AgreementStatus.SIGNED),
    ([NEGOTIATING, SIGNED], AgreementStatus.SIGNED),
    ([NEGOTIATING, TO_START], AgreementStatus.NEGOTIATING),
    ([ENDED, TO_START], AgreementStatus.TO_START),
    ([TO_START, ENDED], AgreementStatus.TO_START),
    ([ENDED], AgreementStatus.ENDED),
    ([ENDED, NEGOTIATING, TO_START], AgreementStatus.NEGOTIATING),
    ([], None),
])
def test_best_status_ranks_signed_negotiating_to_start_ended(agreements: list[object], expected: object) -> None:
    assert best_status(agreements, DAY) is expected  # type: ignore[arg-type]


@pytest.mark.parametrize(("signed", "ended", "expected"), [
    ("2022-01-01", None, (d("2022-01-01"), None)),
    ("2022-01-01", "2022-01-02", (d("2022-01-01"), d("2022-01-02"))),
    ("2022-01-01", "2022-01-01", None),  # ends on the day it is signed: never signed
    ("2022-01-02", "2022-01-01", None),  # ended before it was signed
    (None, "2022-01-01", None),
    (None, None, None),
])
def test_signed_period_boundaries(signed: str | None, ended: str | None,
                                  expected: tuple[date, date | None] | None) -> None:
    assert signed_period(agreement(municipality="31001", signed=signed, ended=ended)) == expected


def test_report_row_of_an_unknown_area_is_a_key_error() -> None:
    row = AreaCoverage("West-Vlaanderen", "30000", Ratio(1, 2), Ratio(1, 2), Ratio(0, 1), Ratio(0, 1))
    report = CoverageReport(DAY, DAY, (row,))
    assert report.row("West-Vlaanderen") is row
    with pytest.raises(KeyError, match="Limburg"):
        report.row("Limburg")


def _validity(start: str | None, end: str | None) -> Validity:
    return Validity(d(start) if start else None, d(end) if end else None)


@pytest.mark.parametrize(("first", "second", "overlaps"), [
    (("2022-01-01", "2022-06-30"), ("2022-06-30", None), True),  # share the last day
    (("2022-01-01", "2022-06-29"), ("2022-06-30", None), False),  # the day after: no overlap
    ((None, None), ("2030-01-01", "2030-01-01"), True),
    (("2022-07-01", None), (None, "2022-06-30"), False),
    (("2022-07-01", None), (None, "2022-07-01"), True),
])
def test_validity_overlaps_is_closed_and_symmetric(first: tuple[str | None, str | None],
                                                   second: tuple[str | None, str | None], overlaps: bool) -> None:
    a, b = _validity(*first), _validity(*second)
    assert a.overlaps(b) is overlaps and b.overlaps(a) is overlaps


@pytest.mark.parametrize(("outer", "inner", "covers"), [
    (("2022-01-01", "2022-12-31"), ("2022-01-01", "2022-12-31"), True),
    (("2022-01-02", "2022-12-31"), ("2022-01-01", "2022-12-31"), False),
    (("2022-01-01", "2022-12-30"), ("2022-01-01", "2022-12-31"), False),
    ((None, None), (None, None), True),
    (("2022-01-01", None), ("2022-01-01", None), True),
    (("2022-01-01", "2030-01-01"), ("2022-01-01", None), False),  # an open end is not covered by a closed one
    (("2022-01-01", None), (None, "2022-12-31"), False),
])
def test_validity_covers(outer: tuple[str | None, str | None], inner: tuple[str | None, str | None],
                         covers: bool) -> None:
    assert _validity(*outer).covers(_validity(*inner)) is covers


@pytest.mark.parametrize(("text", "expected"), [
    ("15/11/2022", date(2022, 11, 15)), ("1/2/2023", date(2023, 2, 1)), ("01-02-2023", date(2023, 2, 1)),
    ("1.2.2023", date(2023, 2, 1)), ("2023-02-01", date(2023, 2, 1)), ("  ", None), ("", None),
    ("15112022", date(2022, 11, 15)), ("5/3/23", date(2023, 3, 5)), ("20/04/2023 00:00:00", date(2023, 4, 20)),
    ("29/02/2024", date(2024, 2, 29)),
])
def test_typed_dates(text: str, expected: date | None) -> None:
    assert parse_typed_date(text) == expected


@pytest.mark.parametrize(("text", "no_such_day"), [
    ("31/02/2023", True), ("29/02/2023", True), ("15/13/2022", True), ("31112022", True),
    ("15112022x", False), ("gisteren", False), ("1/2", False), ("2023/02/01", False),
])
def test_typed_dates_that_do_not_exist_are_refused(text: str, no_such_day: bool) -> None:
    with pytest.raises(TypedDateError) as refused:
        parse_typed_date(text)
    assert refused.value.no_such_day is no_such_day


def test_the_horizon_defaults_to_the_end_of_the_year_and_may_not_come_first() -> None:
    assert horizon_for(d("2022-10-17"), None) == d("2022-12-31")
    assert horizon_for(d("2022-10-17"), d("2022-10-17")) == d("2022-10-17")
    with pytest.raises(ValueError, match="lies before"):
        horizon_for(d("2022-10-17"), d("2022-10-16"))
