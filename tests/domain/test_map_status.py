"""Map statuses: the coverage categories, afgesloten split by who signed, op te starten split from none."""

from __future__ import annotations

from datetime import date

import pytest

from sew_desktop.domain.coverage import (
    CoverageArrays,
    CoverageInput,
    DayCoverage,
    compute_coverage,
    valid_municipalities,
)
from sew_desktop.domain.coverage.map_status import (
    MapStatus,
    has_pending_agreement,
    map_statuses,
    status_counts,
    valid_codes,
)
from tests.domain.factories import agreement, coverage_input, member, municipality, random_data, region

DAY = date(2022, 10, 17)
HORIZON = date(2022, 12, 31)


def statuses(data: CoverageInput, *, forecast: bool = False, day: date = DAY,
             horizon: date = HORIZON) -> dict[str, MapStatus]:
    coverage = DayCoverage(CoverageArrays.build(data), day, horizon)
    return map_statuses(coverage, valid_codes(data.municipalities.values(), day), forecast=forecast)


def test_each_status() -> None:
    munis = [municipality(c) for c in ("31001", "31002", "31003", "31004", "31005", "31006")]
    data = coverage_input(
        munis, [region(1), region(2)], [member(1, "31002"), member(2, "31005")],
        [agreement(municipality="31001", signed="2022-01-01"),
         agreement(region=1, signed="2021-05-01"),
         agreement(municipality="31003", started="2022-03-01", expected="2022-11-30"),
         agreement(municipality="31004"),
         agreement(region=2),
         agreement(municipality="31006", signed="2020-01-01", ended="2022-01-01")])
    assert statuses(data) == {
        "31001": MapStatus.SIGNED_ITSELF, "31002": MapStatus.SIGNED_VIA_REGION, "31003": MapStatus.NEGOTIATING,
        "31004": MapStatus.TO_START, "31005": MapStatus.TO_START, "31006": MapStatus.NONE}
    assert statuses(data, forecast=True)["31003"] is MapStatus.SIGNED_ITSELF


def test_a_merged_municipality_inherits_its_predecessors_agreement() -> None:
    munis = [municipality("31001", valid_to="2024-12-31", successor="31999"), municipality("31999", "30000",
                                                                                           "2025-01-01")]
    data = coverage_input(munis, agreements=[agreement(municipality="31001", signed="2022-01-01")])
    assert statuses(data, day=date(2025, 6, 1), horizon=date(2025, 12, 31)) == {"31999": MapStatus.SIGNED_ITSELF}


@pytest.mark.parametrize("seed", range(8))
def test_counts_match_the_coverage_table(seed: int) -> None:
    data = random_data(seed)
    report = compute_coverage(data, DAY, HORIZON)
    flanders = report.rows[-1]
    now, forecast = status_counts(statuses(data)), statuses(data, forecast=True)
    assert now[MapStatus.SIGNED_ITSELF] + now[MapStatus.SIGNED_VIA_REGION] == flanders.municipalities_reached.part
    assert sum(s.signed for s in forecast.values()) == flanders.municipalities_forecast.part
    assert sum(now.values()) == len(valid_municipalities(data, DAY))


def test_op_te_starten_means_an_agreement_still_to_start() -> None:
    """Itself, through its regiegebied: "op te starten"; no agreement at all, or only an ended one: not."""
    munis = [municipality(c) for c in ("31004", "31005", "31006", "31007")]
    data = coverage_input(
        munis, [region(2)], [member(2, "31005")],
        [agreement(municipality="31004"), agreement(region=2),
         agreement(municipality="31006", signed="2020-01-01", ended="2022-01-01")])
    day = DayCoverage(CoverageArrays.build(data), DAY, HORIZON)
    assert [has_pending_agreement(code, day) for code in ("31004", "31005", "31006", "31007")] == [
        True, True, False, False]
