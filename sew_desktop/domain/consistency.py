"""The product's own rules over a whole dataset, for File › Check database and ``sew-desktop check``."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

from sew_desktop.domain import validation
from sew_desktop.domain.model import Agreement, Membership, Municipality, Region, Validity


@dataclass(frozen=True, slots=True)
class Finding:
    """One broken rule: which row, and what is wrong (a :class:`validation.Problem` value)."""

    entity: str
    key: str
    problem: str


def membership_overlaps(memberships: Mapping[int, Membership]) -> list[Finding]:
    """A municipality in two regiegebieden on the same day."""
    by_municipality: dict[str, list[Membership]] = defaultdict(list)
    for membership in memberships.values():
        by_municipality[membership.municipality_nis].append(membership)
    findings = []
    for nis, rows in sorted(by_municipality.items()):
        rows.sort(key=lambda m: m.id)
        for index, first in enumerate(rows):
            for second in rows[index + 1:]:
                if first.validity.overlaps(second.validity):
                    findings.append(Finding("membership", f"{nis}: {first.id}/{second.id}",
                                            validation.Problem.MEMBERSHIP_OVERLAPS.value))
    return findings


def _dates(validity: Validity) -> str:
    return " – ".join(f"{day:%d/%m/%Y}" if day else "…" for day in (validity.valid_from, validity.valid_to))


def members_before_existence(memberships: Mapping[int, Membership], municipalities: Mapping[str, Municipality],
                             regions: Mapping[int, Region]) -> list[Finding]:
    """A membership that starts on a day its municipality does not exist (a file written before the rule, or
    by another program), named in one line: "Tongeren-Borgloon (73111, 01/01/2025 – …) · Demo-regio Limburg 2 ·
    01/01/2023 – 31/12/2025" — the municipality with its own dates, the regiegebied, the membership's dates."""
    findings = []
    for membership in sorted(memberships.values(), key=lambda m: m.id):
        municipality = municipalities.get(membership.municipality_nis)
        if municipality is None or validation.member_exists_on_start(municipality.validity, membership.validity):
            continue
        region = regions.get(membership.region_id)
        key = (f"{municipality.name_nl} ({municipality.nis_code}, {_dates(municipality.validity)}) · "
               f"{region.name if region else membership.region_id} · {_dates(membership.validity)}")
        findings.append(Finding("membership", key, validation.Problem.MEMBER_NOT_VALID.value))
    return findings


def agreement_findings(agreements: Mapping[int, Agreement], municipalities: Mapping[str, Municipality],
                       regions: Mapping[int, Region]) -> list[Finding]:
    """Date order, and a partner that exists on the agreement's dates."""
    findings = []
    for key, agreement in sorted(agreements.items()):
        findings += [Finding("agreement", str(key), p.value) for p in validation.check_agreement(agreement)]
        partner = agreement.partner
        found = (municipalities.get(partner.municipality_nis) if partner.municipality_nis is not None
                 else regions.get(partner.region_id) if partner.region_id is not None else None)
        days = (agreement.negotiation_started, agreement.signed)
        if found is None or not validation.partner_exists_on(found.validity, *days):
            findings.append(Finding("agreement", str(key), validation.Problem.PARTNER_NOT_VALID.value))
    return findings


SUCCESSOR_CYCLE = "the successors of this municipality lead back to it"


def successor_cycles(municipalities: Mapping[str, Municipality]) -> list[Finding]:
    """A municipality whose chain of successors comes back to itself (11001 → 11002 → 11001): every lookup of
    "the municipality today" would run round it forever."""
    findings = []
    for nis in sorted(municipalities):
        seen = {nis}
        current = municipalities[nis].successor_nis
        while current is not None and current in municipalities and current not in seen:
            seen.add(current)
            current = municipalities[current].successor_nis
        if current == nis:
            findings.append(Finding("municipality", nis, SUCCESSOR_CYCLE))
    return findings


def all_findings(municipalities: Mapping[str, Municipality], regions: Mapping[int, Region],
                 memberships: Mapping[int, Membership], agreements: Mapping[int, Agreement]) -> list[Finding]:
    """Every rule ``check`` applies to a whole dataset."""
    return (membership_overlaps(memberships) + members_before_existence(memberships, municipalities, regions)
            + agreement_findings(agreements, municipalities, regions)
            + successor_cycles(municipalities))
