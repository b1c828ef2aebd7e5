"""The whole-dataset rules of Check database."""

from __future__ import annotations

from sew_desktop.domain.consistency import agreement_findings, membership_overlaps
from sew_desktop.domain.validation import Problem
from tests.domain.factories import agreement, member, municipality, region


def test_a_municipality_in_two_regiegebieden_on_one_day_is_found() -> None:
    first, second = member(1, "31005", "2020-01-01", "2021-12-31"), member(2, "31005", "2021-06-01")
    apart = member(3, "31006", "2020-01-01", "2020-12-31"), member(4, "31006", "2021-01-01")
    found = membership_overlaps({m.id: m for m in (first, second, *apart)})
    assert [(f.entity, f.problem) for f in found] == [("membership", Problem.MEMBERSHIP_OVERLAPS.value)]
    assert found[0].key.startswith("31005")


def test_agreement_dates_out_of_order_and_missing_partners_are_found() -> None:
    municipalities = {"31005": municipality("31005", valid_from="2019-01-01", valid_to="2022-12-31")}
    regions = {1: region(1, valid_from="2020-01-01")}
    good = agreement(region=1, started="2021-01-01", signed="2021-06-01")
    backwards = agreement(region=1, started="2021-06-01", signed="2021-01-01")
    gone = agreement(municipality="31005", started="2023-02-01")
    unknown = agreement(region=99, started="2021-01-01")
    found = agreement_findings({a.id: a for a in (good, backwards, gone, unknown)}, municipalities, regions)
    assert {(f.key, f.problem) for f in found} == {
        (str(backwards.id), Problem.SIGNED_BEFORE_STARTED.value),
        (str(gone.id), Problem.PARTNER_NOT_VALID.value),
        (str(unknown.id), Problem.PARTNER_NOT_VALID.value),
    }
