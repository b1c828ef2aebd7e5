"""The dry run: compare the decisions of a file with the database and work out every effect."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import date

from sew_desktop.domain.coverage import PUBLISHED_PROVINCE_ORDER, MunicipalityCoverage, municipality_coverage
from sew_desktop.domain.coverage.membership_effects import apply_to_input
from sew_desktop.domain.decisions import Decision, Outcome, StoredDecision, decision_changes
from sew_desktop.domain.memberships import Approved, MembershipPlan, plan_memberships
from sew_desktop.domain.model import AgreementStatus, OpenCall, RegionKind
from sew_desktop.services.imports.errors import shortened
from sew_desktop.services.imports.matching import MunicipalityMatcher
from sew_desktop.services.imports.model import (
    AreaEffect,
    ErrorCode,
    PlannedDecision,
    PlanWarning,
    RowError,
    Status,
    WarningCode,
)
from sew_desktop.store.repository import Repository


def planned_decisions(decisions: Sequence[Decision], stored: Mapping[str, StoredDecision]) -> list[PlannedDecision]:
    """Each decision of the file as new, changed (with its field changes) or unchanged."""
    result: list[PlannedDecision] = []
    for decision in decisions:
        old = stored.get(decision.key)
        if old is None:
            result.append(PlannedDecision(Status.NEW, decision))
            continue
        changes = tuple(decision_changes(old, decision))
        result.append(PlannedDecision(Status.CHANGED if changes else Status.UNCHANGED, decision, old.id, changes))
    return result


def missing_from_file(decisions: Sequence[Decision], stored: Mapping[str, StoredDecision]) -> list[PlanWarning]:
    """Decisions in the database that the file does not list (reported, never deleted)."""
    keys = {d.key for d in decisions}
    return [PlanWarning(WarningCode.MISSING_FROM_FILE, (s.collaboration,)) for k, s in stored.items() if k not in keys]


def decision_warnings(
    decisions: Sequence[Decision], matcher: MunicipalityMatcher, province_names: Mapping[str, str]
) -> list[PlanWarning]:
    """A municipality in two collaborations, an approved decision without amount, a collaboration over provinces."""
    warnings: list[PlanWarning] = []
    collaborations: dict[str, list[str]] = defaultdict(list)
    for decision in decisions:
        for nis in decision.members:
            collaborations[nis].append(decision.collaboration)
        if decision.outcome is Outcome.APPROVED and decision.amount_cents is None:
            warnings.append(PlanWarning(WarningCode.APPROVED_WITHOUT_AMOUNT, (decision.collaboration,)))
        provinces = dict.fromkeys(
            province_names.get(matcher.by_code[n].province_nis, "") for n in decision.members if n in matcher.by_code
        )
        if len(provinces) > 1:
            warnings.append(
                PlanWarning(WarningCode.SPREAD_OVER_PROVINCES, (decision.collaboration, ", ".join(provinces)))
            )
    for nis, names in collaborations.items():
        if len(names) > 1:
            warnings.append(PlanWarning(WarningCode.IN_TWO_COLLABORATIONS, (matcher.name(nis), shortened(names, 10))))
    return warnings


def date_warnings(decisions: Sequence[Decision], call: OpenCall) -> list[PlanWarning]:
    """A decision dated outside the call period: "20/04/99" read as 2099, or a decision of another call."""
    start, end = call.period.valid_from, call.period.valid_to
    if start is None or end is None:
        return []
    return [
        PlanWarning(WarningCode.DATE_OUTSIDE_CALL,
                    (d.collaboration, d.decision_date.isoformat(), start.isoformat(), end.isoformat()))
        for d in decisions
        if d.decision_date is not None and not start <= d.decision_date <= end
    ]  # fmt: skip


def withdrawn_warnings(
    decisions: Sequence[Decision], stored: Mapping[str, StoredDecision], region_names: Mapping[int, str]
) -> list[PlanWarning]:
    """An approved decision the file now calls rejected or pending: the regiegebied and memberships its approval
    made are facts of their own (the regie may go on), so they stay, but the user is told."""
    warnings: list[PlanWarning] = []
    for decision in decisions:
        before = stored.get(decision.key)
        if before is None or before.outcome is not Outcome.APPROVED or decision.outcome is Outcome.APPROVED:
            continue
        if before.region_id is not None and before.region_id in region_names:
            warnings.append(PlanWarning(WarningCode.NO_LONGER_APPROVED,
                                        (decision.collaboration, region_names[before.region_id])))  # fmt: skip
    return warnings


def centre_city_errors(
    repository: Repository, call: OpenCall, decisions: Sequence[Decision], plan: MembershipPlan, column: str
) -> list[RowError]:
    """An approved collaboration whose name is a centrumstad's would put other municipalities into that one-city
    regiegebied: refused (the collaboration needs a name of its own), unless it lists only that city."""
    centres = {rid for rid, region in repository.regions().items() if region.kind is RegionKind.CENTRE_CITY}
    cities: dict[int, set[str]] = defaultdict(set)
    for membership in repository.memberships().values():
        if membership.region_id in centres and membership.validity.overlaps(call.period):
            cities[membership.region_id].add(membership.municipality_nis)
    return [
        RowError(d.first_row, column, d.collaboration, ErrorCode.CENTRE_CITY_NAME)
        for d in decisions
        if d.outcome is Outcome.APPROVED
        and (ref := plan.region_of.get(d.key)) in centres
        and not set(d.members) <= cities[ref]
    ]


def membership_plan(repository: Repository, call: OpenCall, decisions: Sequence[Decision]) -> MembershipPlan:
    """Regions and memberships as the approved decisions make them for the call period."""
    approved = [Approved(d.key, d.collaboration, d.members) for d in decisions if d.outcome is Outcome.APPROVED]
    municipalities = repository.municipalities()
    province_of = {nis: m.province_nis for nis, m in municipalities.items()}
    exists = {nis: m.validity for nis, m in municipalities.items()}
    return plan_memberships(repository.regions(), repository.memberships(), approved, call.period, province_of,
                            exists)


def region_names(repository: Repository, plan: MembershipPlan) -> dict[int, str]:
    """Names of existing regions and of those the plan creates (negative refs)."""
    names = {region_id: region.name for region_id, region in repository.regions().items()}
    names.update({new.ref: new.name for new in plan.new_regions})
    return names


def move_warnings(plan: MembershipPlan, names: Mapping[int, str], matcher: MunicipalityMatcher) -> list[PlanWarning]:
    """ "Temse: Demo-regio Oost 2 → Samenwerkingsverband Waasland from 01/01/2023"."""
    return [
        PlanWarning(
            WarningCode.MOVE,
            (matcher.name(m.municipality_nis), names[m.from_region], names[m.to_region_ref], m.day.isoformat()),
        )
        for m in plan.moves
    ]


def effect_day(call: OpenCall, as_of: date | None) -> date:
    """The day the coverage effect is measured: today (or ``as_of``) moved into the call period."""
    day = as_of or date.today()
    start, end = call.period.valid_from, call.period.valid_to
    if start is not None and day < start:
        day = start
    if end is not None and day > end:
        day = end
    return day


def coverage_effect(repository: Repository, plan: MembershipPlan, day: date) -> list[AreaEffect]:
    """Per province (published order): the municipalities the plan brings under a signed agreement on ``day``
    (gained) and those it takes out of one (lost: a move out of a signed regiegebied)."""
    before = repository.coverage_input()
    after = apply_to_input(before, plan)
    old = municipality_coverage(before, day)
    new = municipality_coverage(after, day)
    gained: dict[str, list[str]] = {nis: [] for nis in before.provinces}
    lost: dict[str, list[str]] = {nis: [] for nis in before.provinces}
    for nis in set(old) | set(new):
        was, now = _signed(old.get(nis)), _signed(new.get(nis))
        if was != now:
            (gained if now else lost)[before.municipalities[nis].province_nis].append(nis)
    order = [p for p in PUBLISHED_PROVINCE_ORDER if p in gained] + sorted(set(gained) - set(PUBLISHED_PROVINCE_ORDER))

    def by_name(codes: list[str]) -> tuple[str, ...]:
        return tuple(sorted(codes, key=lambda code: (before.municipalities[code].name_nl, code)))

    return [AreaEffect(before.provinces[nis].name_nl, nis, by_name(gained[nis]), by_name(lost[nis])) for nis in order]


def _signed(status: MunicipalityCoverage | None) -> bool:
    return status is not None and status.status is AgreementStatus.SIGNED
