from __future__ import annotations

from typing import Any

import pytest

from sew_desktop.domain.model import Validity
from sew_desktop.domain.validation import (
    Problem,
    agreements_outside,
    check_agreement,
    check_name,
    check_nis_code,
    check_validity,
    partner_exists_on,
)
from tests.domain.factories import agreement, d


@pytest.mark.parametrize(
    ("fields", "problems"),
    [
        (dict(started="2022-01-01", signed="2022-02-01", ended="2022-03-01"), []),
        (dict(started="2022-02-01", signed="2022-01-01"), [Problem.SIGNED_BEFORE_STARTED]),
        (dict(started="2022-01-01", signed="2022-03-01", ended="2022-02-01"), [Problem.ENDED_BEFORE_SIGNED]),
        (dict(started="2022-03-01", ended="2022-02-01"), [Problem.ENDED_BEFORE_STARTED]),
        (dict(started="2022-03-01", expected="2022-02-01"), [Problem.EXPECTED_BEFORE_STARTED]),
        (dict(signed="2022-01-01"), []),
    ],
)
def test_agreement_date_order(fields: dict[str, Any], problems: list[Problem]) -> None:
    assert check_agreement(agreement(municipality="31005", **fields)) == problems


def test_names_codes_and_validity() -> None:
    assert check_name("  ") == [Problem.EMPTY_NAME]
    assert check_name("Brugge") == []
    assert check_nis_code("31005") == []
    assert check_nis_code("3100") == [Problem.BAD_NIS_CODE]
    assert check_nis_code("3100a") == [Problem.BAD_NIS_CODE]
    assert check_validity(Validity(d("2022-01-01"), d("2021-01-01"))) == [Problem.VALID_TO_BEFORE_FROM]


def test_partner_must_exist_on_the_dates() -> None:
    pajottegem = Validity(d("2025-01-01"), None)
    assert partner_exists_on(pajottegem, d("2025-02-01"), None)
    assert not partner_exists_on(pajottegem, d("2024-02-01"))


def test_agreements_outside_a_validity_are_those_whose_partner_would_be_missing_earliest_first() -> None:
    late = agreement(region=1, started="2024-03-01", signed="2024-09-01")
    early = agreement(region=1, signed="2023-05-01", ended="2030-01-01")
    undated = agreement(region=1, expected="2031-01-01")
    ends_2023 = Validity(d("2020-01-01"), d("2023-12-31"))
    assert agreements_outside([late, early, undated], ends_2023) == [late]
    assert agreements_outside([late, early, undated], Validity(d("2024-06-01"), None)) == [early, late]
    assert agreements_outside([late, early, undated], Validity()) == []
