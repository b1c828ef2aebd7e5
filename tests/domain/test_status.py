from __future__ import annotations

from typing import Any

import pytest

from sew_desktop.domain.model import AgreementStatus, Partner
from sew_desktop.domain.status import agreement_status, best_status, expected_signed_by
from tests.domain.factories import agreement, d

FULL: dict[str, Any] = dict(started="2021-03-01", expected="2021-09-01", signed="2021-10-01", ended="2022-06-30")


@pytest.mark.parametrize(
    ("day", "status"),
    [
        ("2021-02-28", AgreementStatus.TO_START),
        ("2021-03-01", AgreementStatus.NEGOTIATING),
        ("2021-09-30", AgreementStatus.NEGOTIATING),
        ("2021-10-01", AgreementStatus.SIGNED),
        ("2022-06-29", AgreementStatus.SIGNED),
        ("2022-06-30", AgreementStatus.ENDED),
        ("2023-01-01", AgreementStatus.ENDED),
    ],
)
def test_status_on_a_date_follows_the_dates_inclusively(day: str, status: AgreementStatus) -> None:
    assert agreement_status(agreement(municipality="31005", **FULL), d(day)) is status


def test_agreement_without_dates_is_still_to_start() -> None:
    assert agreement_status(agreement(municipality="31005"), d("2030-01-01")) is AgreementStatus.TO_START


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        (dict(started="2022-01-01", signed="2022-05-01"), True),  # signed on as-of
        (dict(started="2022-01-01", signed="2022-12-31"), True),  # signed by the horizon
        (dict(started="2022-01-01", signed="2023-01-01"), False),  # signed after the horizon
        (dict(started="2022-01-01", expected="2022-12-31"), True),  # negotiating, expected in time
        (dict(started="2022-01-01", expected="2023-01-01"), False),  # negotiating, expected too late
        (dict(started="2022-11-01", expected="2022-12-01"), False),  # not yet negotiating on as-of
        (dict(expected="2022-12-01"), False),  # talks still to start
        (dict(started="2021-01-01", signed="2021-06-01", ended="2022-01-01"), False),  # ended
    ],
)
def test_forecast(fields: dict[str, Any], expected: bool) -> None:
    assert expected_signed_by(agreement(municipality="31005", **fields), d("2022-10-17"), d("2022-12-31")) is expected


def test_best_status_prefers_the_most_advanced() -> None:
    day = d("2022-10-17")
    agreements = [
        agreement(region=1),
        agreement(region=1, started="2022-01-01"),
        agreement(region=1, started="2020-01-01", signed="2020-02-01", ended="2021-01-01"),
    ]
    assert best_status(agreements, day) is AgreementStatus.NEGOTIATING
    assert best_status([], day) is None


def test_partner_is_exactly_one_of_municipality_or_region() -> None:
    with pytest.raises(ValueError, match="exactly one partner"):
        Partner("31005", 1)
    with pytest.raises(ValueError, match="exactly one partner"):
        Partner()
