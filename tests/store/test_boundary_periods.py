"""Which period a set of codes fits, the merger groups of 2025, and the packed ring format."""

from __future__ import annotations

from datetime import date

import pytest

from sew_desktop.domain.boundaries import (
    Period,
    codes_of,
    fit_period,
    merger_groups,
    pack_rings,
    period_on,
    unpack_rings,
)
from sew_desktop.store.repository import Repository


def test_the_periods_have_300_and_285_codes(memory_repository: Repository) -> None:
    municipalities = memory_repository.municipalities().values()
    assert len(codes_of(municipalities, Period.FROM_2019)) == 300
    assert len(codes_of(municipalities, Period.FROM_2025)) == 285
    assert period_on(date(2024, 12, 31)) is Period.FROM_2019 and period_on(date(2025, 1, 1)) is Period.FROM_2025


@pytest.mark.parametrize("period", list(Period))
def test_an_exact_set_fits_its_period(memory_repository: Repository, period: Period) -> None:
    municipalities = list(memory_repository.municipalities().values())
    fit = fit_period(codes_of(municipalities, period) | {"21004"}, municipalities)
    assert fit.period is period and fit.outside == ("21004",)


def test_a_set_with_gaps_fits_no_period_and_says_what_is_missing(memory_repository: Repository) -> None:
    municipalities = list(memory_repository.municipalities().values())
    codes = set(codes_of(municipalities, Period.FROM_2019)) - {"11001", "46003"}
    fit = fit_period(codes, municipalities)
    assert fit.period is None
    closest = fit.closest()
    assert closest.period is Period.FROM_2019 and closest.missing == ("11001", "46003") and not closest.extra


def test_merger_groups_cover_every_old_code_once(memory_repository: Repository) -> None:
    groups = merger_groups(memory_repository.municipalities())
    assert len(groups) == 285
    assert sorted(c for members in groups.values() for c in members) == sorted(
        codes_of(memory_repository.municipalities().values(), Period.FROM_2019))
    assert groups["46030"] == ("11056", "46003", "46013")  # Beveren-Kruibeke-Zwijndrecht
    assert groups["11002"] == ("11002", "11007")  # Antwerpen kept its code when Borsbeek joined


def test_rings_pack_and_unpack() -> None:
    rings = [[(0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 0.0)], [(2.5, 2.5), (3.0, 2.5), (2.5, 3.0), (2.5, 2.5)]]
    assert unpack_rings(pack_rings(rings)) == rings
    assert unpack_rings(pack_rings([])) == []
