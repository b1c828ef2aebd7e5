from __future__ import annotations

import pytest

from sew_desktop.domain.rounding import Ratio, percent_half_up, percent_one_decimal


@pytest.mark.parametrize(
    ("part", "total", "percent"),
    [
        (55, 60, 92),
        (46, 64, 72),
        (57, 64, 89),
        (1, 8, 13),
        (1, 200, 1),
        (1, 3, 33),
        (2, 3, 67),
        (200, 300, 67),
        (0, 5, 0),
        (5, 5, 100),
        (3, 0, 0),
    ],
)
def test_percent_rounds_half_up(part: int, total: int, percent: int) -> None:
    assert percent_half_up(part, total) == percent


def test_half_is_rounded_up_not_to_even() -> None:
    assert percent_half_up(1, 8) == 13  # 12.5 -> 13 (banker's rounding would give 12)
    assert percent_half_up(5, 8) == 63  # 62.5 -> 63


def test_one_decimal_detail() -> None:
    assert percent_one_decimal(46, 64) == 71.9
    assert percent_one_decimal(55, 60) == 91.7
    assert percent_one_decimal(1, 16) == 6.3  # 6.25 -> 6.3


def test_ratio_text_and_sum() -> None:
    total = Ratio(46, 64) + Ratio(55, 60)
    assert str(total) == "101/124"
    assert total.percent == 81
