from __future__ import annotations

import pytest

from sew_desktop.domain.coverage import (
    FLANDERS,
    CoverageArrays,
    DayCoverage,
    compute_coverage,
    municipality_coverage,
)
from sew_desktop.domain.model import AgreementStatus
from sew_desktop.domain.rounding import Ratio
from tests.domain.factories import agreement, coverage_input, d, member, municipality, region

AS_OF, HORIZON = d("2022-10-17"), d("2022-12-31")


def test_municipality_reached_through_its_own_signed_agreement() -> None:
    data = coverage_input(
        [municipality("31001"), municipality("31002")],
        agreements=[agreement(municipality="31001", started="2022-01-01", signed="2022-03-01")],
    )
    row = compute_coverage(data, AS_OF, HORIZON).row("West-Vlaanderen")
    assert row.municipalities_reached == Ratio(1, 2)


def test_municipality_reached_through_its_regiegebied_on_the_date() -> None:
    data = coverage_input(
        [municipality("31001"), municipality("31002"), municipality("31003")],
        regions=[region(1)],
        memberships=[member(1, "31001"), member(1, "31002", valid_to="2022-06-30")],
        agreements=[agreement(region=1, started="2022-01-01", signed="2022-03-01")],
    )
    row = compute_coverage(data, AS_OF, HORIZON).row("West-Vlaanderen")
    assert row.municipalities_reached == Ratio(1, 3)  # 31002 left the region before the as-of date
    assert row.regions_with_agreement == Ratio(1, 1)


def test_negotiating_agreement_is_not_reached_but_counts_in_forecast_when_expected_in_time() -> None:
    data = coverage_input(
        [municipality("31001"), municipality("31002")],
        regions=[region(1), region(2)],
        memberships=[member(1, "31001"), member(2, "31002")],
        agreements=[
            agreement(region=1, started="2022-05-01", expected="2022-12-15"),
            agreement(region=2, started="2022-05-01", expected="2023-02-01"),
        ],
    )
    row = compute_coverage(data, AS_OF, HORIZON).row("West-Vlaanderen")
    assert row.municipalities_reached == Ratio(0, 2)
    assert row.municipalities_forecast == Ratio(1, 2)
    assert row.regions_with_agreement == Ratio(0, 2)
    assert row.regions_forecast == Ratio(1, 2)


def test_ended_agreement_no_longer_reaches() -> None:
    data = coverage_input(
        [municipality("31001")],
        agreements=[agreement(municipality="31001", started="2020-01-01", signed="2020-02-01", ended="2022-01-01")],
    )
    row = compute_coverage(data, AS_OF, HORIZON).row("West-Vlaanderen")
    assert row.municipalities_reached == Ratio(0, 1)
    assert row.municipalities_forecast == Ratio(0, 1)


def test_regions_not_valid_on_the_date_are_not_counted() -> None:
    data = coverage_input(
        [municipality("31001")],
        regions=[region(1), region(2, valid_from="2023-01-01"), region(3, valid_to="2021-12-31")],
        memberships=[member(r, "31001") for r in (1, 2, 3)],
    )
    assert compute_coverage(data, AS_OF, HORIZON).row("West-Vlaanderen").regions_with_agreement == Ratio(0, 1)


def test_denominators_follow_municipality_validity_and_flanders_sums_provinces() -> None:
    data = coverage_input(
        [
            municipality("31001"),
            municipality("31002", valid_to="2024-12-31", successor="31099"),
            municipality("31099", valid_from="2025-01-01"),
            municipality("41001", province="40000"),
        ]
    )
    before = compute_coverage(data, AS_OF, HORIZON)
    after = compute_coverage(data, d("2025-06-01"), d("2025-12-31"))
    assert before.row("West-Vlaanderen").municipalities_reached.total == 2
    assert after.row("West-Vlaanderen").municipalities_reached.total == 2
    assert before.row(FLANDERS).municipalities_reached.total == 3
    assert [r.area for r in before.rows] == ["West-Vlaanderen", "Oost-Vlaanderen", FLANDERS]


def test_merged_municipality_inherits_agreements_and_memberships_of_predecessors() -> None:
    data = coverage_input(
        [
            municipality("44012", province="40000", valid_to="2024-12-31", successor="44086"),
            municipality("44048", province="40000", valid_to="2024-12-31", successor="44086"),
            municipality("44086", province="40000", valid_from="2025-01-01"),
            municipality("44034", province="40000", valid_to="2024-12-31", successor="44087"),
            municipality("44087", province="40000", valid_from="2025-01-01"),
        ],
        regions=[region(1, province="40000")],
        memberships=[member(1, "44034")],
        agreements=[
            agreement(municipality="44048", started="2021-01-01", signed="2021-06-01"),
            agreement(region=1, started="2021-01-01", signed="2021-06-01"),
        ],
    )
    row = compute_coverage(data, d("2025-06-01"), d("2025-12-31")).row("Oost-Vlaanderen")
    assert row.municipalities_reached == Ratio(2, 2)  # 44086 via predecessor 44048, 44087 via 44034's region
    statuses = municipality_coverage(data, d("2025-06-01"))
    assert statuses["44086"].via_municipalities == ("44048",)
    assert statuses["44087"].via_regions == (1,)


def test_a_merged_municipality_names_the_regiegebieden_of_its_former_municipalities() -> None:
    data = coverage_input(
        [
            municipality("44012", province="40000", valid_to="2024-12-31", successor="44086"),
            municipality("44048", province="40000", valid_to="2024-12-31", successor="44086"),
            municipality("44086", province="40000", valid_from="2025-01-01"),
            municipality("44050", province="40000"),
        ],
        regions=[region(1, province="40000"), region(2, province="40000")],
        memberships=[member(1, "44048"), member(2, "44012", valid_to="2024-06-30"), member(2, "44050")],
    )
    after = DayCoverage(CoverageArrays.build(data), d("2025-06-01"), d("2025-12-31"))
    assert after.inherited_regions("44086") == ((1, "44048"),)  # 44012's membership ended before the merger
    assert after.regions_of("44086") == () and after.inherited_regions("44050") == ()
    before = DayCoverage(CoverageArrays.build(data), d("2024-03-01"), d("2024-12-31"))
    assert before.inherited_regions("44048") == () and before.regions_of("44048") == (1,)


def test_succession_is_transitive() -> None:
    data = coverage_input(
        [
            municipality("31001", valid_to="2018-12-31", successor="31002"),
            municipality("31002", valid_from="2019-01-01", valid_to="2024-12-31", successor="31003"),
            municipality("31003", valid_from="2025-01-01"),
        ],
        agreements=[agreement(municipality="31001", started="2018-01-01", signed="2018-06-01")],
    )
    assert compute_coverage(data, d("2025-06-01"), d("2025-12-31")).row(
        "West-Vlaanderen"
    ).municipalities_reached == Ratio(1, 1)


def test_municipality_status_categories_and_via() -> None:
    data = coverage_input(
        [municipality("31001"), municipality("31002"), municipality("31003")],
        regions=[region(1), region(2)],
        memberships=[member(1, "31001"), member(2, "31002")],
        agreements=[
            agreement(region=1, started="2022-01-01", signed="2022-03-01"),
            agreement(region=2, started="2022-05-01"),
        ],
    )
    statuses = municipality_coverage(data, AS_OF)
    assert statuses["31001"].status is AgreementStatus.SIGNED
    assert statuses["31001"].via_regions == (1,)
    assert statuses["31002"].status is AgreementStatus.NEGOTIATING
    assert statuses["31003"].status is AgreementStatus.TO_START


def test_horizon_before_as_of_is_refused() -> None:
    with pytest.raises(ValueError, match="horizon"):
        compute_coverage(coverage_input([]), HORIZON, AS_OF)


def test_a_regiegebied_counts_in_the_denominator_only_while_it_has_members() -> None:
    data = coverage_input(
        [municipality("31001"), municipality("31002")],
        [region(1), region(2), region(3, valid_from="2020-01-01")],
        [member(1, "31001"), member(3, "31002", valid_from="2023-01-01")],
        [agreement(region=1, signed="2021-01-01")],
    )
    row = compute_coverage(data, AS_OF, HORIZON).row("West-Vlaanderen")
    assert row.regions_with_agreement == Ratio(1, 1)  # 2 has no members, 3 has none yet on 17/10/2022
    later = compute_coverage(data, d("2023-06-01"), d("2023-12-31")).row("West-Vlaanderen")
    assert later.regions_with_agreement == Ratio(1, 2)
