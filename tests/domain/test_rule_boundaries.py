"""Boundary tables for rules a mutation run found untested."""

from __future__ import annotations

from datetime import date

import pytest

from sew_desktop.domain.coverage import AreaCoverage, CoverageReport
from sew_desktop.domain.model import AgreementStatus
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
