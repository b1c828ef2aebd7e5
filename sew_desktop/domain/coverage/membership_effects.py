"""What a membership plan does to coverage: the coverage input as it will be after the plan, and the
municipalities it newly reaches (the import preview's coverage effect)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from sew_desktop.domain.coverage.arrays import CoverageArrays
from sew_desktop.domain.coverage.day import DayCoverage
from sew_desktop.domain.coverage.results import PUBLISHED_PROVINCE_ORDER, CoverageInput, MunicipalityCoverage
from sew_desktop.domain.memberships import MembershipPlan
from sew_desktop.domain.model import AgreementStatus, Membership, Region, RegionKind


def apply_to_input(data: CoverageInput, plan: MembershipPlan) -> CoverageInput:
    """The coverage input as it will be after the plan (new rows get negative ids)."""
    regions = dict(data.regions)
    for new in plan.new_regions:
        regions[new.ref] = Region(new.ref, new.name, RegionKind.COLLABORATION, new.province_nis, new.validity)
    for region_id, validity in plan.region_validity.items():
        regions[region_id] = replace(regions[region_id], validity=validity)
    memberships = dict(data.memberships)
    for edit in plan.edits:
        if edit.validity is None:
            memberships.pop(edit.membership_id, None)
        else:
            memberships[edit.membership_id] = replace(memberships[edit.membership_id], validity=edit.validity)
    for number, added in enumerate(plan.additions, start=1):
        fake_id = -number
        memberships[fake_id] = Membership(fake_id, added.region_ref, added.municipality_nis, added.validity)
    return replace(data, regions=regions, memberships=memberships)


def newly_reached(before: CoverageInput, after: CoverageInput, day: date) -> list[tuple[str, int]]:
    """Per province (published order): municipalities reached on ``day`` after the plan but not before."""
    old = _coverage_on(before, day)
    new = _coverage_on(after, day)
    counts = dict.fromkeys(before.provinces, 0)
    for nis, status in new.items():
        was = old.get(nis)
        if status.status is AgreementStatus.SIGNED and (was is None or was.status is not AgreementStatus.SIGNED):
            province = after.municipalities[nis].province_nis
            counts[province] = counts.get(province, 0) + 1
    order = [p for p in PUBLISHED_PROVINCE_ORDER if p in counts] + sorted(set(counts) - set(PUBLISHED_PROVINCE_ORDER))
    return [(nis, counts[nis]) for nis in order]


def _coverage_on(data: CoverageInput, day: date) -> dict[str, MunicipalityCoverage]:
    coverage = DayCoverage(CoverageArrays.build(data), day, day)
    return {nis: coverage.coverage(nis) for nis in coverage.valid_codes()}
